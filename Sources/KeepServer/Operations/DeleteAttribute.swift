import KMIP

/// Delete Attribute: one instance (1.x Attribute Name + Index, 2.x Current Attribute) or every instance (2.x
/// Attribute Reference alone). Only attributes a client may change can be deleted.
struct DeleteAttributeHandler: OperationHandler {
    let access = OperationAccess.changeObject
    let introduced = ProtocolVersion.v1_0

    func handle(_ request: DeleteAttributeRequest, in context: OperationContext) throws -> any ResponsePayload {
        let uid = try context.resolve(request.uniqueIdentifier)
        guard let name = request.currentAttribute?.name ?? request.attributeName else {
            throw ServiceError(.invalidField, "Delete Attribute needs an Attribute Reference or a Current Attribute")
        }
        if let current = request.currentAttribute, let named = request.attributeName, current.name != named {
            throw ServiceError(.invalidField, "Current Attribute and Attribute Reference name different attributes")
        }
        // 2.x: a reference alone deletes every instance; 1.x always names one instance (index 0 by default).
        let all = context.version.usesTaggedAttributes && request.currentAttribute == nil
        var deleted: [Attribute] = []
        try context.hierarchy.updateAttributes(of: uid, in: context.domainID) { attributes in
            deleted = try AttributeEditing.delete(name, index: request.attributeIndex, current: request.currentAttribute, all: all, from: &attributes)
        }
        context.idPlaceholder = uid
        return DeleteAttributeResponse(uniqueIdentifier: .text(uid), attribute: context.version.usesTaggedAttributes ? nil : deleted.first)
    }
}
