import KeepCrypto

/// RNG Retrieve (1.2+): Data Length → Data (random bytes, held securely: they are often used as keys).
public struct RNGRetrieveRequest: RequestPayload, Equatable {
    public static var operation: Operation { .rngRetrieve }
    public var dataLength: Int32

    public init(dataLength: Int32) { self.dataLength = dataLength }

    public init(from item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        var r = try FieldReader(item)
        dataLength = try r.required(.dataLength)
        try r.finish()
        guard dataLength >= 0 else {
            throw KMIPDecodingError(.invalidValue, path: [.dataLength], "Data Length is negative")
        }
    }

    public func ttlv(version: ProtocolVersion) -> TTLV {
        .structure(.requestPayload, [TTLV(.dataLength, .integer(dataLength))])
    }
}

public struct RNGRetrieveResponse: ResponsePayload, Equatable {
    public static var operation: Operation { .rngRetrieve }
    public var data: SecureBytes

    public init(data: SecureBytes) { self.data = data }

    public init(from item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        var r = try FieldReader(item)
        data = try r.required(.data)
        try r.finish()
    }

    public func ttlv(version: ProtocolVersion) -> TTLV {
        .structure(.responsePayload, [TTLV(.data, data.ttlvValue)])
    }
}
