import KMIP

/// Keep Modify Domain: enable or disable (a disabled domain is served nothing), suspend or resume the
/// subscription (a suspended one gets no new keys; existing ones are still served), change the policy.
struct KeepModifyDomainHandler: OperationHandler {
    let access = OperationAccess.administerInstallation
    let introduced = ProtocolVersion.v1_0

    func handle(_ request: KeepModifyDomainRequest, in context: OperationContext) throws -> any ResponsePayload {
        let domain = try context.tenantDomain(request.domainIdentifier)
        guard request.enabled != nil || request.subscriptionActive != nil || request.keyExportAllowed != nil || request.clientAuthRequired != nil else {
            throw ServiceError(.invalidField, "Keep Modify Domain names no change")
        }
        let updated = try context.hierarchy.updateDomain(id: domain.id) { domain in
            if let enabled = request.enabled { domain.enabled = enabled }
            if let active = request.subscriptionActive { domain.subscription = active ? .active : .suspended }
            if let export = request.keyExportAllowed { domain.policy.allowsKeyExport = export }
            if let clientAuth = request.clientAuthRequired { domain.policy.requiresClientAuthUsage = clientAuth }
        }
        return KeepModifyDomainResponse(domain: KeepAdminDomain(updated))
    }
}
