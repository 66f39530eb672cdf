/// Interop (2.1, for interoperability testing): Interop Function, Interop Identifier → empty response.
public struct InteropRequest: RequestPayload, Equatable {
    public static var operation: Operation { .interop }
    public var interopFunction: InteropFunction
    public var interopIdentifier: String

    public init(interopFunction: InteropFunction, interopIdentifier: String) {
        self.interopFunction = interopFunction
        self.interopIdentifier = interopIdentifier
    }

    public init(from item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        var r = try FieldReader(item)
        interopFunction = try r.required(.interopFunction)
        interopIdentifier = try r.required(.interopIdentifier)
        try r.finish()
    }

    public func ttlv(version: ProtocolVersion) -> TTLV {
        .structure(.requestPayload, [TTLV(.interopFunction, .enumeration(interopFunction.rawValue)), TTLV(.interopIdentifier, .textString(interopIdentifier))])
    }
}

public struct InteropResponse: ResponsePayload, Equatable {
    public static var operation: Operation { .interop }

    public init() {}

    public init(from item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        try FieldReader(item).finish()
    }

    public func ttlv(version: ProtocolVersion) -> TTLV { .structure(.responsePayload, []) }
}
