import KMIP

/// Modify Attribute: replaces the value of an existing instance (1.x: by Attribute Index; 2.x: the Current
/// Attribute's instance, or the only/first one).
struct ModifyAttributeHandler: OperationHandler {
    let access = OperationAccess.changeObject
    let introduced = ProtocolVersion.v1_0

    func handle(_ request: ModifyAttributeRequest, in context: OperationContext) throws -> any ResponsePayload {
        let uid = try context.resolve(request.uniqueIdentifier)
        var modified: Attribute?
        try context.hierarchy.updateAttributes(of: uid, in: context.domainID) { attributes in
            modified = try AttributeEditing.modify(request.newAttribute, current: request.currentAttribute, on: &attributes)
        }
        context.idPlaceholder = uid
        return ModifyAttributeResponse(uniqueIdentifier: .text(uid), attribute: context.version.usesTaggedAttributes ? nil : modified)
    }
}
