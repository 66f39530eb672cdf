import KMIP

/// ReKey: a new key with the old one's attributes and a fresh value. The names move to the new key; the old
/// one gets a Replacement Object Link, the new one a Replaced Object Link. Offset (seconds) delays the new
/// key's activation. Template attributes (1.x Template-Attribute / 2.x Attributes), if sent, are then applied
/// to the new key as Add Attribute would.
struct ReKeyHandler: OperationHandler {
    let access = OperationAccess.createObject
    let introduced = ProtocolVersion.v1_0

    func handle(_ request: ReKeyRequest, in context: OperationContext) throws -> any ResponsePayload {
        let uid = try context.resolve(request.uniqueIdentifier)
        let offset = request.offset.map { Int64($0.seconds) }
        if let template = request.attributes {
            // Checked before the new key exists, so a bad template fails the item without leaving a key behind.
            var scratch = try context.object(uid).attributes
            scratch.state = .preActive
            try Templates.apply(template, to: &scratch)
        }
        let replacement = try context.hierarchy.rekey(uid, in: context.domainID, activationOffsetSeconds: offset)
        context.touch(replacement.uid)
        if let template = request.attributes, !template.attributes.isEmpty || !template.templateNames.isEmpty {
            try context.hierarchy.updateAttributes(of: replacement.uid, in: context.domainID) { attributes in
                guard template.templateNames.isEmpty else {
                    throw ServiceError(.featureNotSupported, "Template objects are not supported: send the attributes themselves")
                }
                for attribute in template.attributes {
                    try AttributeEditing.add(attribute, to: &attributes)
                }
            }
        }
        context.idPlaceholder = replacement.uid
        return ReKeyResponse(uniqueIdentifier: .text(replacement.uid))
    }
}
