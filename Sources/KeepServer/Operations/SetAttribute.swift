import KMIP

/// Set Attribute (2.0+): the single value of a single-valued attribute, added or replaced.
struct SetAttributeHandler: OperationHandler {
    let access = OperationAccess.changeObject
    let introduced = ProtocolVersion.v2_0

    func handle(_ request: SetAttributeRequest, in context: OperationContext) throws -> any ResponsePayload {
        let uid = try context.resolve(request.uniqueIdentifier)
        try context.hierarchy.updateAttributes(of: uid, in: context.domainID) { attributes in
            try AttributeEditing.set(request.newAttribute, on: &attributes)
        }
        context.idPlaceholder = uid
        return SetAttributeResponse(uniqueIdentifier: .text(uid))
    }
}
