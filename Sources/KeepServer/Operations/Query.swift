import KMIP

/// Query: the operations and object types this server handles, who it is, and (1.3+) its capabilities. Query
/// functions Keep has nothing to report for (application namespaces, extensions, attestation, RNGs, validations,
/// profiles, client registration methods, defaults, storage protection masks) contribute nothing.
struct QueryHandler: OperationHandler {
    let access = OperationAccess.discovery
    let introduced = ProtocolVersion.v1_0

    /// Keep manages keys for wrapping and small secrets; no certificates, no asymmetric keys.
    static let objectTypes: [ObjectType] = [.symmetricKey, .secretData, .opaqueObject]

    func handle(_ request: QueryRequest, in context: OperationContext) throws -> any ResponsePayload {
        let functions = Set(request.queryFunctions)
        let version = context.version
        let configuration = context.configuration
        var response = QueryResponse()
        if functions.contains(.queryOperations) { response.operations = OperationTable.operations(in: version) }
        if functions.contains(.queryObjects) { response.objectTypes = Self.objectTypes }
        if functions.contains(.queryServerInformation) {
            response.vendorIdentification = configuration.vendorIdentification
            // 1.x leaves Server Information's contents to the vendor (the test cases send it empty); 2.x defines fields.
            response.serverInformation = .structure(.serverInformation, version >= .v2_0 ? [
                TTLV(.serverName, .textString(configuration.serverName)),
                TTLV(.serverVersion, .textString(configuration.serverVersion)),
                TTLV(.productName, .textString(configuration.productName)),
            ] : [])
        }
        if functions.contains(.queryCapabilities) && version >= .v1_3 {
            var capabilities = [TTLV(.streamingCapability, .boolean(false)), TTLV(.asynchronousCapability, .boolean(false)),
                                TTLV(.attestationCapability, .boolean(false))]
            if version >= .v1_4 {
                // Undo is treated as Stop (see KMIPService); Continue is honoured.
                capabilities += [TTLV(.batchUndoCapability, .boolean(false)), TTLV(.batchContinueCapability, .boolean(true))]
            }
            // Destroy erases the key material and keeps the metadata.
            capabilities.append(TTLV(.destroyAction, .enumeration(DestroyAction.keyMaterialDeleted.rawValue)))
            response.capabilities = [.structure(.capabilityInformation, capabilities)]
        }
        return response
    }
}
