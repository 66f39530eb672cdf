/// Keep Audit Export: Domain Identifier, Since, Until (microseconds, optional) → Keep Audit Export Line* (the
/// export, `TenantExport`'s JSON lines: header, records, covering checkpoint), verifiable with the public keys alone.
public struct KeepAuditExportRequest: RequestPayload, Equatable {
    public static var operation: Operation { .keepAuditExport }
    public var domainIdentifier: String
    public var since: Int64?
    public var until: Int64?

    public init(domainIdentifier: String, since: Int64? = nil, until: Int64? = nil) {
        self.domainIdentifier = domainIdentifier
        self.since = since
        self.until = until
    }

    public init(from item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        var r = try FieldReader(item)
        domainIdentifier = try r.required(.keepAdminDomainIdentifier)
        since = try r.optional(.keepAuditSince)
        until = try r.optional(.keepAuditUntil)
        try r.finish()
    }

    public func ttlv(version: ProtocolVersion) -> TTLV {
        var b = StructureBuilder()
        b.add(.keepAdminDomainIdentifier, domainIdentifier)
        b.add(.keepAuditSince, since)
        b.add(.keepAuditUntil, until)
        return b.build(.requestPayload)
    }
}

public struct KeepAuditExportResponse: ResponsePayload, Equatable {
    public static var operation: Operation { .keepAuditExport }
    public var lines: [String]

    public init(lines: [String]) { self.lines = lines }

    public init(from item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        var r = try FieldReader(item)
        lines = try r.all(.keepAuditExportLine)
        try r.finish()
    }

    public func ttlv(version: ProtocolVersion) -> TTLV {
        var b = StructureBuilder()
        b.add(.keepAuditExportLine, all: lines)
        return b.build(.responsePayload)
    }
}
