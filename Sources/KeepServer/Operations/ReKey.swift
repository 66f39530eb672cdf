import KMIP
import KeyHierarchy

/// ReKey (KMIP 1.4 §4.4): a new key with the old one's attributes and a fresh value (`KeyHierarchy.rekey` gives the
/// dates: the old key's, or shifted by the Offset). The names move to the new key; the old one gets a Replacement
/// Object Link, the new one a Replaced Object Link. Template attributes (1.x Template-Attribute / 2.x Attributes),
/// if sent, are then set on the new key as a Create template would set them, replacing the values it inherited.
struct ReKeyHandler: OperationHandler {
    let access = OperationAccess.createObject
    let introduced = ProtocolVersion.v1_0

    func handle(_ request: ReKeyRequest, in context: OperationContext) throws -> any ResponsePayload {
        let uid = try context.resolve(request.uniqueIdentifier)
        let template = try request.attributes.map { try Templates.effectiveAttributes($0, in: context) } ?? []
        let offset = request.offset.map { Int64($0.seconds) }
        let replacement = try context.hierarchy.rekey(uid, in: context.domainID, offsetSeconds: offset) { attributes in
            for attribute in template {
                try AttributeEditing.replace(attribute, on: &attributes)
            }
            try CreateHandler.refuseKeyValueLocation(attributes)
            ServerAttributes.setOnNewObject(&attributes, generated: true)
        }
        context.touch(replacement.uid)
        context.idPlaceholder = replacement.uid
        return ReKeyResponse(uniqueIdentifier: .text(replacement.uid))
    }
}
