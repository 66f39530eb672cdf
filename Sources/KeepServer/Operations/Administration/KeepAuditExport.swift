import KMIP
import KeepAudit

/// Keep Audit Export: one domain's records with the proof that nothing of the domain in the claimed range is
/// missing (`TenantExport`), checkpointed first so that it covers everything recorded until now.
struct KeepAuditExportHandler: OperationHandler {
    let access = OperationAccess.readAuditLog
    let introduced = ProtocolVersion.v1_0
    /// The export is one response message (at most 1 MiB, `TTLVLimits.defaultMaxMessageSize`); a larger one is
    /// refused with a request for a narrower range rather than cut, since a cut export proves nothing.
    static let maximumBytes = 960 << 10

    func handle(_ request: KeepAuditExportRequest, in context: OperationContext) throws -> any ResponsePayload {
        let audit = try context.auditReading()
        let query = try context.scopedAuditQuery(AuditQuery(domain: request.domainIdentifier))
        let domain = query.domain ?? request.domainIdentifier
        let lines: [String]
        do {
            try audit.log.checkpoint()
            lines = try TenantExport.make(directory: audit.directory, domain: domain, since: request.since, until: request.until)
        } catch let error as AuditError where error.code == .notCovered {
            throw ServiceError(.itemNotFound, error.reason)
        } catch {
            throw ServiceError(.internalError, "the audit log could not be read")
        }
        guard lines.reduce(0, { $0 + $1.utf8.count + 8 }) <= Self.maximumBytes else {
            throw ServiceError(.responseTooLarge, "the export of domain \(domain) exceeds one message: give a narrower range (since, until)")
        }
        return KeepAuditExportResponse(lines: lines)
    }
}
