import KMIP
import KeyHierarchy

/// Keep Create Domain: a tenant domain and its DK in the HSM. The policy defaults are the safe ones: keys never
/// leave in the clear, client certificates must carry clientAuth.
struct KeepCreateDomainHandler: OperationHandler {
    let access = OperationAccess.administerInstallation
    let introduced = ProtocolVersion.v1_0

    func handle(_ request: KeepCreateDomainRequest, in context: OperationContext) throws -> any ResponsePayload {
        let id = request.domainIdentifier
        context.touch(ActivityLog.domainPrefix + id)
        guard !SystemDomain.isReserved(id) else {
            throw ServiceError(.invalidField, "domain identifiers starting with \(SystemDomain.reservedPrefix) are reserved for Keep")
        }
        if let name = request.displayName { try AdministrationText.check(name, "a display name") }
        let policy = DomainPolicy(allowsKeyExport: request.keyExportAllowed ?? false, requiresClientAuthUsage: request.clientAuthRequired ?? true)
        let domain = try context.hierarchy.createDomain(id: id, displayName: request.displayName, policy: policy)
        return KeepCreateDomainResponse(domain: KeepAdminDomain(domain))
    }
}
