import KMIP

/// Get Attributes: the attributes named (every instance of each), or all of them when none are named. Names
/// the object does not carry are left out of the answer, as KMIP specifies.
struct GetAttributesHandler: OperationHandler {
    let access = OperationAccess.readMetadata
    let introduced = ProtocolVersion.v1_0

    func handle(_ request: GetAttributesRequest, in context: OperationContext) throws -> any ResponsePayload {
        let uid = try context.resolve(request.uniqueIdentifier)
        let all = AttributeMapping.attributes(of: try context.object(uid), for: context.version)
        context.idPlaceholder = uid
        let wanted = request.attributeNames
        let attributes = wanted.isEmpty ? all : all.filter { wanted.contains($0.name) }
        return GetAttributesResponse(uniqueIdentifier: .text(uid), attributes: attributes)
    }
}
