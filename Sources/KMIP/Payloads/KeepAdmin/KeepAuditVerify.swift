/// Keep Audit Verify: no fields → Verified, Report, Broken Sequence (when a record is to blame).
public struct KeepAuditVerifyRequest: RequestPayload, Equatable {
    public static var operation: Operation { .keepAuditVerify }

    public init() {}

    public init(from item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        try FieldReader(item).finish()
    }

    public func ttlv(version: ProtocolVersion) -> TTLV { .structure(.requestPayload, []) }
}

public struct KeepAuditVerifyResponse: ResponsePayload, Equatable {
    public static var operation: Operation { .keepAuditVerify }
    public var verified: Bool
    public var report: String
    public var brokenSequence: Int64?

    public init(verified: Bool, report: String, brokenSequence: Int64? = nil) {
        self.verified = verified
        self.report = report
        self.brokenSequence = brokenSequence
    }

    public init(from item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        var r = try FieldReader(item)
        verified = try r.required(.keepAuditVerified)
        report = try r.required(.keepAuditReport)
        brokenSequence = try r.optional(.keepAuditBrokenSequence)
        try r.finish()
    }

    public func ttlv(version: ProtocolVersion) -> TTLV {
        var b = StructureBuilder()
        b.add(.keepAuditVerified, verified)
        b.add(.keepAuditReport, report)
        b.add(.keepAuditBrokenSequence, brokenSequence)
        return b.build(.responsePayload)
    }
}
