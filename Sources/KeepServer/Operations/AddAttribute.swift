import KMIP

/// Add Attribute: a new instance of a multi-valued attribute, or the first of a single-valued one. vCenter
/// (KMIP 1.1) tags its keys with `x-…` custom attributes this way. The 1.x response returns the attribute with
/// the index the server gave it.
struct AddAttributeHandler: OperationHandler {
    let access = OperationAccess.changeObject
    let introduced = ProtocolVersion.v1_0

    func handle(_ request: AddAttributeRequest, in context: OperationContext) throws -> any ResponsePayload {
        let uid = try context.resolve(request.uniqueIdentifier)
        var added: Attribute?
        try context.hierarchy.updateAttributes(of: uid, in: context.domainID) { attributes in
            added = try AttributeEditing.add(request.attribute, to: &attributes)
        }
        context.idPlaceholder = uid
        return AddAttributeResponse(uniqueIdentifier: .text(uid), attribute: context.version.usesTaggedAttributes ? nil : added)
    }
}
