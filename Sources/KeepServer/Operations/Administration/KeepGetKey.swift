import KMIP

/// Keep Get Key: one object's metadata (never its value), whatever the domain's state.
struct KeepGetKeyHandler: OperationHandler {
    let access = OperationAccess.inspectInstallation
    let introduced = ProtocolVersion.v1_0

    func handle(_ request: KeepGetKeyRequest, in context: OperationContext) throws -> any ResponsePayload {
        let domain = try context.tenantDomain(request.domainIdentifier)
        context.touch(request.uniqueIdentifier)
        return KeepGetKeyResponse(key: KeepAdminKey(try context.hierarchy.inventoryObject(request.uniqueIdentifier, in: domain.id)))
    }
}
