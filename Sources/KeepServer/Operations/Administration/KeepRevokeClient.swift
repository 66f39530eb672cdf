import KMIP

/// Keep Revoke Client: the client's certificate is refused from its next connection on (connections already
/// open finish their session). The registration is kept, marked revoked, for the record. The last installation
/// administrator cannot be revoked: nobody could administer keepd after it.
struct KeepRevokeClientHandler: OperationHandler {
    let access = OperationAccess.administerInstallation
    let introduced = ProtocolVersion.v1_0

    func handle(_ request: KeepRevokeClientRequest, in context: OperationContext) throws -> any ResponsePayload {
        let administration = try context.administrationTools()
        let registry = administration.registry
        let target: RegisteredClient
        switch (request.fingerprint, request.domainIdentifier, request.name) {
        case let (fingerprint?, nil, nil):
            guard let client = try registry.client(fingerprint: fingerprint) else {
                throw ServiceError(.itemNotFound, "no client with certificate \(fingerprint)")
            }
            target = client
        case let (nil, domainID?, name?):
            _ = try context.administeredDomain(domainID)
            guard let client = try registry.clients(domainID: domainID).first(where: { $0.name == name }) else {
                throw ServiceError(.itemNotFound, "no client \(name) in domain \(domainID)")
            }
            target = client
        default:
            throw ServiceError(.invalidField, "Keep Revoke Client names a client by Fingerprint, or by Domain Identifier and Client Name")
        }
        context.touchClient(target.fingerprint)
        context.touch(ActivityLog.domainPrefix + target.domainID)
        if target.domainID == SystemDomain.identifier && target.role == .admin && !target.revoked {
            let admins = try registry.clients(domainID: SystemDomain.identifier).filter { $0.role == .admin && !$0.revoked }
            guard admins.count > 1 else {
                throw ServiceError(.permissionDenied, "\(target.name) is the last installation administrator: issue another one before revoking it")
            }
        }
        return KeepRevokeClientResponse(client: KeepAdminClient(try registry.revoke(fingerprint: target.fingerprint)))
    }
}
