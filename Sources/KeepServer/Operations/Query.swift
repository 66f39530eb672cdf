import KMIP

/// Query: the operations and object types this server handles, who it is, and (1.3+) its random number
/// generator, the profiles it claims and its capabilities. Query functions Keep has nothing to report for
/// (application namespaces, extensions, attestation, validations, client registration methods, defaults, storage
/// protection masks) contribute nothing.
struct QueryHandler: OperationHandler {
    let access = OperationAccess.discovery
    let introduced = ProtocolVersion.v1_0

    /// Keep manages keys for wrapping and small secrets, and (KMIP 1.x) templates; no certificates, no asymmetric keys.
    static func objectTypes(in version: ProtocolVersion) -> [ObjectType] {
        version < .v2_0 ? [.symmetricKey, .template, .secretData, .opaqueObject] : [.symmetricKey, .secretData, .opaqueObject]
    }

    /// The KMIP 1.4 server profiles whose mandatory OASIS test cases keepd passes (docs/conformance.md, "OASIS
    /// test cases against keepd"). Claimed to 1.4 clients only: the names are 1.4's, and 2.x renamed the profiles.
    static let profiles: [ProfileName] = [
        .symmetricKeyLifecycleServerKMIPV1_4, .symmetricKeyFoundryServerKMIPV1_4, .basicCryptographicServerKMIPV1_4,
        .rngCryptographicServerKMIPV1_4, .opaqueManagedObjectStoreServerKMIPV1_4, .storageArrayWithSelfEncryptingDriveServerKMIPV1_4,
        .tapeLibraryServerKMIPV1_4,
    ]

    func handle(_ request: QueryRequest, in context: OperationContext) throws -> any ResponsePayload {
        let functions = Set(request.queryFunctions)
        let version = context.version
        let configuration = context.configuration
        var response = QueryResponse()
        if functions.contains(.queryOperations) { response.operations = OperationTable.operations(in: version) }
        if functions.contains(.queryObjects) { response.objectTypes = Self.objectTypes(in: version) }
        if functions.contains(.queryServerInformation) {
            response.vendorIdentification = configuration.vendorIdentification
            // 1.x leaves Server Information's contents to the vendor (the test cases send it empty); 2.x defines fields.
            response.serverInformation = .structure(.serverInformation, version >= .v2_0 ? [
                TTLV(.serverName, .textString(configuration.serverName)),
                TTLV(.serverVersion, .textString(configuration.serverVersion)),
                TTLV(.productName, .textString(configuration.productName)),
            ] : [])
        }
        if functions.contains(.queryRNGs) && version >= .v1_3 {
            // The generator keys come from (see `ServerAttributes.randomNumberGenerator`).
            response.capabilities.append(.structure(.rngParameters, ServerAttributes.randomNumberGenerator.children))
        }
        if functions.contains(.queryProfiles) && version == .v1_4 {
            response.capabilities += Self.profiles.map { .structure(.profileInformation, [TTLV(.profileName, .enumeration($0.rawValue))]) }
        }
        if functions.contains(.queryCapabilities) && version >= .v1_3 {
            // Encrypt and Decrypt stream (Init Indicator, Correlation Value); nothing is asynchronous.
            var capabilities = [TTLV(.streamingCapability, .boolean(true)), TTLV(.asynchronousCapability, .boolean(false)),
                                TTLV(.attestationCapability, .boolean(false))]
            if version >= .v1_4 {
                // Undo is treated as Stop (see KMIPService); Continue is honoured.
                capabilities += [TTLV(.batchUndoCapability, .boolean(false)), TTLV(.batchContinueCapability, .boolean(true))]
            }
            // Destroy erases the key material and keeps the metadata.
            capabilities.append(TTLV(.destroyAction, .enumeration(DestroyAction.keyMaterialDeleted.rawValue)))
            response.capabilities.append(.structure(.capabilityInformation, capabilities))
        }
        return response
    }
}
