import KMIP
import KeepAudit

/// Keep Audit Query: the records matching the filters that the caller may see, a page at a time, in log order.
struct KeepAuditQueryHandler: OperationHandler {
    let access = OperationAccess.readAuditLog
    let introduced = ProtocolVersion.v1_0
    /// Records per page when the request does not say, and at most.
    static let defaultPage: Int32 = 500
    static let maximumPage: Int32 = 1_000
    /// Stored bytes per page at most: the response must fit in one message (`TTLVLimits.defaultMaxMessageSize`,
    /// 1 MiB, what keepctl accepts); a record is at most a few KiB (`AuditEntry.maximumFieldBytes`), so a page
    /// stops early rather than overflows, and Count tells keepctl to ask for the next.
    static let maximumPageBytes = 512 << 10

    func handle(_ request: KeepAuditQueryRequest, in context: OperationContext) throws -> any ResponsePayload {
        let audit = try context.auditReading()
        let limit = request.maximumItems ?? Self.defaultPage
        let offset = request.offsetItems ?? 0
        guard (1...Self.maximumPage).contains(limit), offset >= 0 else {
            throw ServiceError(.invalidField, "Maximum Items is 1 to \(Self.maximumPage) and Offset Items not negative")
        }
        var query = AuditQuery(operation: request.operationName, objectID: request.objectIdentifier, client: request.client,
                               since: request.since, until: request.until)
        query.domain = request.domainIdentifier
        if let kind = request.kind {
            guard let parsed = AuditEntry.Kind(name: kind) else { throw ServiceError(.invalidField, "Keep Audit Kind is kmip, connection, admin or server") }
            query.kind = parsed
        }
        if let result = request.result {
            guard let parsed = AuditEntry.Outcome(name: result) else { throw ServiceError(.invalidField, "Keep Audit Result is success, failure or refused") }
            query.outcome = parsed
        }
        query = try context.scopedAuditQuery(query)

        var page: [[UInt8]] = []
        var bytes = 0
        var full = false
        var matched: Int64 = 0
        do {
            try AuditReader(directory: audit.directory).forEach { item in
                guard case .record(let stored) = item, query.matches(stored.record) else { return true }
                matched += 1
                // Past the page, records are only counted; the page ends at its first record that does not fit.
                guard matched > Int64(offset), !full else { return true }
                if page.count == Int(limit) || bytes + stored.stored.count > Self.maximumPageBytes {
                    full = true
                } else {
                    page.append(stored.stored)
                    bytes += stored.stored.count
                }
                return true
            }
        } catch {
            throw ServiceError(.internalError, "the audit log could not be read")
        }
        return KeepAuditQueryResponse(records: page, count: matched)
    }
}
