import KMIP

/// Keep Destroy Key: KMIP's Destroy, by an installation administrator: the key material is erased, the metadata
/// kept. An Active key must be revoked first.
struct KeepDestroyKeyHandler: OperationHandler {
    let access = OperationAccess.administerInstallation
    let introduced = ProtocolVersion.v1_0

    func handle(_ request: KeepDestroyKeyRequest, in context: OperationContext) throws -> any ResponsePayload {
        let domain = try context.tenantDomain(request.domainIdentifier)
        context.touch(request.uniqueIdentifier)
        let object = try context.hierarchy.apply(.destroy, to: request.uniqueIdentifier, in: domain.id)
        return KeepDestroyKeyResponse(key: KeepAdminKey(object))
    }
}
