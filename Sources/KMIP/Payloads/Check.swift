/// Check: Unique Identifier, Usage Limits Count, Cryptographic Usage Mask, Lease Time. The response echoes the
/// fields that failed the check.
public struct CheckRequest: RequestPayload, Equatable {
    public static var operation: Operation { .check }
    public var uniqueIdentifier: UniqueIdentifier?
    public var usageLimitsCount: Int64?
    public var cryptographicUsageMask: Int32?
    public var leaseTime: Interval?

    public init(uniqueIdentifier: UniqueIdentifier? = nil, usageLimitsCount: Int64? = nil, cryptographicUsageMask: Int32? = nil, leaseTime: Interval? = nil) {
        self.uniqueIdentifier = uniqueIdentifier
        self.usageLimitsCount = usageLimitsCount
        self.cryptographicUsageMask = cryptographicUsageMask
        self.leaseTime = leaseTime
    }

    public init(from item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        var r = try FieldReader(item)
        uniqueIdentifier = try r.optional(.uniqueIdentifier)
        usageLimitsCount = try r.optional(.usageLimitsCount)
        cryptographicUsageMask = try r.optional(.cryptographicUsageMask)
        leaseTime = try r.optional(.leaseTime)
        try r.finish()
    }

    public func ttlv(version: ProtocolVersion) -> TTLV {
        var b = StructureBuilder()
        b.add(.uniqueIdentifier, uniqueIdentifier)
        b.add(.usageLimitsCount, usageLimitsCount)
        b.add(.cryptographicUsageMask, cryptographicUsageMask)
        b.add(.leaseTime, leaseTime)
        return b.build(.requestPayload)
    }
}

public struct CheckResponse: ResponsePayload, Equatable {
    public static var operation: Operation { .check }
    public var uniqueIdentifier: UniqueIdentifier
    public var usageLimitsCount: Int64?
    public var cryptographicUsageMask: Int32?
    public var leaseTime: Interval?

    public init(uniqueIdentifier: UniqueIdentifier, usageLimitsCount: Int64? = nil, cryptographicUsageMask: Int32? = nil, leaseTime: Interval? = nil) {
        self.uniqueIdentifier = uniqueIdentifier
        self.usageLimitsCount = usageLimitsCount
        self.cryptographicUsageMask = cryptographicUsageMask
        self.leaseTime = leaseTime
    }

    public init(from item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        var r = try FieldReader(item)
        uniqueIdentifier = try r.required(.uniqueIdentifier)
        usageLimitsCount = try r.optional(.usageLimitsCount)
        cryptographicUsageMask = try r.optional(.cryptographicUsageMask)
        leaseTime = try r.optional(.leaseTime)
        try r.finish()
    }

    public func ttlv(version: ProtocolVersion) -> TTLV {
        var b = StructureBuilder()
        b.add(.uniqueIdentifier, uniqueIdentifier)
        b.add(.usageLimitsCount, usageLimitsCount)
        b.add(.cryptographicUsageMask, cryptographicUsageMask)
        b.add(.leaseTime, leaseTime)
        return b.build(.responsePayload)
    }
}
