/// Get Usage Allocation: Unique Identifier, Usage Limits Count → Unique Identifier.
public struct GetUsageAllocationRequest: RequestPayload, Equatable {
    public static var operation: Operation { .getUsageAllocation }
    public var uniqueIdentifier: UniqueIdentifier?
    public var usageLimitsCount: Int64?

    public init(uniqueIdentifier: UniqueIdentifier? = nil, usageLimitsCount: Int64? = nil) {
        self.uniqueIdentifier = uniqueIdentifier
        self.usageLimitsCount = usageLimitsCount
    }

    public init(from item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        var r = try FieldReader(item)
        uniqueIdentifier = try r.optional(.uniqueIdentifier)
        usageLimitsCount = try r.optional(.usageLimitsCount)
        try r.finish()
    }

    public func ttlv(version: ProtocolVersion) -> TTLV {
        var b = StructureBuilder()
        b.add(.uniqueIdentifier, uniqueIdentifier)
        b.add(.usageLimitsCount, usageLimitsCount)
        return b.build(.requestPayload)
    }
}

public struct GetUsageAllocationResponse: ResponsePayload, Equatable {
    public static var operation: Operation { .getUsageAllocation }
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
