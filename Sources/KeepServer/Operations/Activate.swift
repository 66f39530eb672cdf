import KMIP

/// Activate: Pre-Active → Active.
struct ActivateHandler: OperationHandler {
    let access = OperationAccess.changeObject
    let introduced = ProtocolVersion.v1_0

    func handle(_ request: ActivateRequest, in context: OperationContext) throws -> any ResponsePayload {
        let uid = try context.resolve(request.uniqueIdentifier)
        try context.hierarchy.apply(.activate, to: uid, in: context.domainID)
        context.idPlaceholder = uid
        return ActivateResponse(uniqueIdentifier: .text(uid))
    }
}
