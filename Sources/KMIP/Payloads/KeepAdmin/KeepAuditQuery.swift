/// Keep Audit Query: Domain Identifier, Keep Audit Kind, Operation Name, Object Identifier, Client, Result, Since,
/// Until (every one optional, all must hold), Maximum Items, Offset Items → Keep Audit Record* (stored bytes, in
/// log order), Count (all matching records the caller may see, however many this page holds).
public struct KeepAuditQueryRequest: RequestPayload, Equatable {
    public static var operation: Operation { .keepAuditQuery }
    public var domainIdentifier: String?
    public var kind: String?
    public var operationName: String?
    public var objectIdentifier: String?
    public var client: String?
    public var result: String?
    public var since: Int64?
    public var until: Int64?
    public var maximumItems: Int32?
    public var offsetItems: Int32?

    public init(domainIdentifier: String? = nil, kind: String? = nil, operationName: String? = nil, objectIdentifier: String? = nil,
                client: String? = nil, result: String? = nil, since: Int64? = nil, until: Int64? = nil,
                maximumItems: Int32? = nil, offsetItems: Int32? = nil) {
        self.domainIdentifier = domainIdentifier
        self.kind = kind
        self.operationName = operationName
        self.objectIdentifier = objectIdentifier
        self.client = client
        self.result = result
        self.since = since
        self.until = until
        self.maximumItems = maximumItems
        self.offsetItems = offsetItems
    }

    public init(from item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        var r = try FieldReader(item)
        domainIdentifier = try r.optional(.keepAdminDomainIdentifier)
        kind = try r.optional(.keepAuditKind)
        operationName = try r.optional(.keepAuditOperationName)
        objectIdentifier = try r.optional(.keepAuditObjectIdentifier)
        client = try r.optional(.keepAuditClient)
        result = try r.optional(.keepAuditResult)
        since = try r.optional(.keepAuditSince)
        until = try r.optional(.keepAuditUntil)
        maximumItems = try r.optional(.maximumItems)
        offsetItems = try r.optional(.offsetItems)
        try r.finish()
    }

    public func ttlv(version: ProtocolVersion) -> TTLV {
        var b = StructureBuilder()
        b.add(.keepAdminDomainIdentifier, domainIdentifier)
        b.add(.keepAuditKind, kind)
        b.add(.keepAuditOperationName, operationName)
        b.add(.keepAuditObjectIdentifier, objectIdentifier)
        b.add(.keepAuditClient, client)
        b.add(.keepAuditResult, result)
        b.add(.keepAuditSince, since)
        b.add(.keepAuditUntil, until)
        b.add(.maximumItems, maximumItems)
        b.add(.offsetItems, offsetItems)
        return b.build(.requestPayload)
    }
}

public struct KeepAuditQueryResponse: ResponsePayload, Equatable {
    public static var operation: Operation { .keepAuditQuery }
    public var records: [[UInt8]]
    public var count: Int64

    public init(records: [[UInt8]], count: Int64) {
        self.records = records
        self.count = count
    }

    public init(from item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        var r = try FieldReader(item)
        records = try r.all(.keepAuditRecord)
        count = try r.required(.keepAdminCount)
        try r.finish()
    }

    public func ttlv(version: ProtocolVersion) -> TTLV {
        var b = StructureBuilder()
        b.add(.keepAuditRecord, all: records)
        b.add(.keepAdminCount, count)
        return b.build(.responsePayload)
    }
}
