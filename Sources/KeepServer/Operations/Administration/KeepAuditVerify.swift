import KMIP
import KeepAudit

/// Keep Audit Verify: keepd checks its own log with every key (MACs, chain, checkpoint signatures) and says OK or
/// where it first breaks. For the installation (its auditors included): the report speaks of the whole log.
struct KeepAuditVerifyHandler: OperationHandler {
    let access = OperationAccess.inspectInstallation
    let introduced = ProtocolVersion.v1_0
    /// A request being recorded may be mid-write when the last segment is read, which looks exactly like a torn
    /// tail; such a report is taken again, a few times, before it is believed.
    static let attempts = 3

    func handle(_ request: KeepAuditVerifyRequest, in context: OperationContext) throws -> any ResponsePayload {
        let audit = try context.auditReading()
        let verifier: AuditVerifier
        do { verifier = AuditVerifier(publicKeys: try audit.keys.publicKeys(), macKeys: audit.keys) } catch {
            throw ServiceError(.internalError, "the audit signing keys could not be read from the HSM")
        }
        var report = verifier.verify(directory: audit.directory, allowOpenTail: true)
        for _ in 1..<Self.attempts where report.failure?.kind == .truncatedTail {
            report = verifier.verify(directory: audit.directory, allowOpenTail: true)
        }
        return KeepAuditVerifyResponse(verified: report.isValid, report: report.description,
                                       brokenSequence: report.failure?.sequence.map { Int64(clamping: $0) })
    }
}
