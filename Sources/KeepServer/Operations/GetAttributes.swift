import KMIP

/// Get Attributes: the attributes named (every instance of each, in the order named), or all of them when none
/// are named. Names the object does not carry are left out of the answer, as KMIP specifies.
struct GetAttributesHandler: OperationHandler {
    let access = OperationAccess.readMetadata
    let introduced = ProtocolVersion.v1_0

    func handle(_ request: GetAttributesRequest, in context: OperationContext) throws -> any ResponsePayload {
        let uid = try context.resolve(request.uniqueIdentifier)
        let all = AttributeMapping.attributes(of: try context.object(uid), for: context.version)
        context.idPlaceholder = uid
        let wanted = request.attributeNames
        if let repeated = wanted.enumerated().first(where: { wanted[..<$0.offset].contains($0.element) })?.element {
            // As the KMIP 1.1 test case TC-171 answers it.
            throw ServiceError(.invalidMessage, "Attribute Name specified more than once: \(repeated)")
        }
        let attributes = wanted.isEmpty ? all : wanted.flatMap { name in all.filter { $0.name == name } }
        return GetAttributesResponse(uniqueIdentifier: .text(uid), attributes: attributes)
    }
}
