public import KeepAudit

/// What the audit operations need: the live log (its directory, and checkpoints on demand for exports) and the
/// keys that verify it (the MAC keys stay in the HSM; keepd derives one segment's at a time).
public struct AuditReading: Sendable {
    public let log: AuditLog
    public let keys: any AuditKeys

    public init(log: AuditLog, keys: any AuditKeys) {
        self.log = log
        self.keys = keys
    }

    var directory: String { log.configuration.directory }
}

extension OperationContext {
    func auditReading() throws(ServiceError) -> AuditReading {
        guard let audit = try administrationTools().audit else {
            throw ServiceError(.featureNotSupported, "this keepd keeps no audit log (audit.enabled is false)")
        }
        return audit
    }

    /// Who reads: clients of the system domain read every record; a tenant's admin or auditor its domain's only.
    var auditViewer: AuditViewer {
        domainID == SystemDomain.identifier ? .administrator : .domainAuditor(domainID)
    }

    /// `query` as this caller may run it. Asking for another tenant's records is refused, not answered with none.
    func scopedAuditQuery(_ query: AuditQuery) throws(ServiceError) -> AuditQuery {
        if let domain = query.domain { touch(ActivityLog.domainPrefix + domain) }
        do {
            return try auditViewer.scope(query)
        } catch {
            throw ServiceError(.permissionDenied, "client \(caller.clientName) of domain \(domainID) reads only its own domain's audit records")
        }
    }
}
