import KMIP
import KeyHierarchy

// What the administration handlers share. Every one of them is dispatched, policed (`AccessPolicy`: clients of
// the system domain only) and audited like any other operation; the audit event names the domains and clients
// an operation acted on among its objects, as `domain:<id>` and `client:<fingerprint>`.

extension OperationTable {
    static let administration: [any OperationHandler] = [
        KeepCreateDomainHandler(), KeepListDomainsHandler(), KeepGetDomainHandler(), KeepModifyDomainHandler(),
        KeepIssueClientHandler(), KeepRegisterClientHandler(), KeepListClientsHandler(), KeepRevokeClientHandler(),
        KeepRotateHandler(), KeepRotationStatusHandler(),
        KeepListKeysHandler(), KeepGetKeyHandler(), KeepRevokeKeyHandler(), KeepDestroyKeyHandler(),
        KeepServerStatusHandler(),
        KeepAuditQueryHandler(), KeepAuditVerifyHandler(), KeepAuditExportHandler(),
    ]
}

extension OperationContext {
    /// The service's administration tools.
    func administrationTools() throws(ServiceError) -> AdministrationTools {
        guard let administration else {
            throw ServiceError(.featureNotSupported, "this server is not configured for administration")
        }
        return administration
    }

    /// A domain named by an administration request, which may be the system domain (clients are registered there).
    func administeredDomain(_ id: String) throws -> Domain {
        touch(ActivityLog.domainPrefix + id)
        do {
            return try hierarchy.domain(id: id)
        } catch let error as HierarchyError where error.code == .domainNotFound {
            throw ServiceError(.itemNotFound, "no domain \(id)")
        }
    }

    /// A tenant domain named by an administration request: the system domain holds no keys and is not a tenant.
    func tenantDomain(_ id: String) throws -> Domain {
        guard !SystemDomain.isReserved(id) else {
            touch(ActivityLog.domainPrefix + id)
            throw ServiceError(.invalidField, "\(id) is Keep's system domain, not a tenant domain")
        }
        return try administeredDomain(id)
    }

    func touchClient(_ fingerprint: String) { touch(ActivityLog.clientPrefix + fingerprint) }

    var nowMicroseconds: Int64 { now * 1_000_000 }
}

/// Operator-chosen labels (display names, client names) appear in logs, audit records and tables.
enum AdministrationText {
    static let maximumLength = 128

    static func check(_ text: String, _ field: String, maximum: Int = maximumLength) throws(ServiceError) {
        guard !text.isEmpty, text.count <= maximum, text.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F }) else {
            throw ServiceError(.invalidField, "\(field) is 1 to \(maximum) printable characters")
        }
    }
}
