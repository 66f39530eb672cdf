/// Activate: Unique Identifier → Unique Identifier.
public struct ActivateRequest: RequestPayload, Equatable {
    public static var operation: Operation { .activate }
    /// Absent: the ID Placeholder.
    public var uniqueIdentifier: UniqueIdentifier?

    public init(uniqueIdentifier: UniqueIdentifier? = nil) { self.uniqueIdentifier = uniqueIdentifier }

    public init(from item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        var r = try FieldReader(item)
        uniqueIdentifier = try r.optional(.uniqueIdentifier)
        try r.finish()
    }

    public func ttlv(version: ProtocolVersion) -> TTLV {
        var b = StructureBuilder()
        b.add(.uniqueIdentifier, uniqueIdentifier)
        return b.build(.requestPayload)
    }
}

public struct ActivateResponse: ResponsePayload, Equatable {
    public static var operation: Operation { .activate }
    public var uniqueIdentifier: UniqueIdentifier

    public init(uniqueIdentifier: UniqueIdentifier) { self.uniqueIdentifier = uniqueIdentifier }

    public init(from item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        var r = try FieldReader(item)
        uniqueIdentifier = try r.required(.uniqueIdentifier)
        try r.finish()
    }

    public func ttlv(version: ProtocolVersion) -> TTLV {
        .structure(.responsePayload, [TTLV(.uniqueIdentifier, uniqueIdentifier.ttlvValue)])
    }
}
