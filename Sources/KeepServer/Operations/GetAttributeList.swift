import KMIP

/// Get Attribute List: the names of the attributes the object carries, each once.
struct GetAttributeListHandler: OperationHandler {
    let access = OperationAccess.readMetadata
    let introduced = ProtocolVersion.v1_0

    func handle(_ request: GetAttributeListRequest, in context: OperationContext) throws -> any ResponsePayload {
        let uid = try context.resolve(request.uniqueIdentifier)
        var names: [AttributeName] = []
        for attribute in AttributeMapping.attributes(of: try context.object(uid), for: context.version) where !names.contains(attribute.name) {
            names.append(attribute.name)
        }
        context.idPlaceholder = uid
        return GetAttributeListResponse(uniqueIdentifier: .text(uid), attributeNames: names)
    }
}
