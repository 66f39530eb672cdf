/// RNG Seed (1.2+): Data (seed material offered to the server's generator) → Data Length (how much of it the server
/// took). Not a secret, but not printed either: it is the client's entropy.
public struct RNGSeedRequest: RequestPayload, Equatable {
    public static var operation: Operation { .rngSeed }
    public var data: [UInt8]

    public init(data: [UInt8]) { self.data = data }

    public init(from item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        var r = try FieldReader(item)
        data = try r.required(.data)
        try r.finish()
    }

    public func ttlv(version: ProtocolVersion) -> TTLV {
        .structure(.requestPayload, [TTLV(.data, .byteString(data))])
    }
}

public struct RNGSeedResponse: ResponsePayload, Equatable {
    public static var operation: Operation { .rngSeed }
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
        .structure(.responsePayload, [TTLV(.dataLength, .integer(dataLength))])
    }
}
