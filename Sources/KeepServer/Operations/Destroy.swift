import KMIP

/// Destroy: the key material is erased, the metadata stays (so Get Attributes and Locate still see the object,
/// in state Destroyed). An Active key must be revoked first.
struct DestroyHandler: OperationHandler {
    let access = OperationAccess.changeObject
    let introduced = ProtocolVersion.v1_0

    func handle(_ request: DestroyRequest, in context: OperationContext) throws -> any ResponsePayload {
        let uid = try context.resolve(request.uniqueIdentifier)
        try context.hierarchy.apply(.destroy, to: uid, in: context.domainID)
        context.idPlaceholder = uid
        return DestroyResponse(uniqueIdentifier: .text(uid))
    }
}
