/// Query: Query Function* → what the server supports.
public struct QueryRequest: RequestPayload, Equatable {
    public static var operation: Operation { .query }
    public var queryFunctions: [QueryFunction]

    public init(queryFunctions: [QueryFunction]) { self.queryFunctions = queryFunctions }

    public init(from item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        var r = try FieldReader(item)
        queryFunctions = try r.all(.queryFunction)
        try r.finish()
    }

    public func ttlv(version: ProtocolVersion) -> TTLV {
        var b = StructureBuilder()
        b.add(.queryFunction, all: queryFunctions)
        return b.build(.requestPayload)
    }
}

/// Query response. Operations, object types and vendor identification are typed; the capability structures
/// (Server Information, Extension Information, RNG Parameters, Profile / Validation / Capability Information,
/// Defaults Information, Protection Storage Masks, …) are kept as received, in order.
public struct QueryResponse: ResponsePayload, Equatable {
    public static var operation: Operation { .query }
    public var operations: [Operation]
    public var objectTypes: [ObjectType]
    public var vendorIdentification: String?
    public var serverInformation: TTLV?
    public var applicationNamespaces: [String]
    /// Extension Information* (1.1+) and everything after it in the specification's order, unchanged.
    public var capabilities: [TTLV]

    static let capabilityTags: Set<Tag> = [
        .extensionInformation, .attestationType, .rngParameters, .profileInformation, .validationInformation,
        .capabilityInformation, .clientRegistrationMethod, .defaultsInformation, .protectionStorageMasks,
    ]

    public init(operations: [Operation] = [], objectTypes: [ObjectType] = [], vendorIdentification: String? = nil) {
        self.operations = operations
        self.objectTypes = objectTypes
        self.vendorIdentification = vendorIdentification
        applicationNamespaces = []
        capabilities = []
    }

    public init(from item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        var r = try FieldReader(item)
        operations = try r.all(.operation)
        objectTypes = try r.all(.objectType)
        vendorIdentification = try r.optional(.vendorIdentification)
        serverInformation = r.take(.serverInformation)
        applicationNamespaces = try r.all(.applicationNamespace)
        capabilities = r.takeAll(in: Self.capabilityTags)
        try r.finish()
    }

    public func ttlv(version: ProtocolVersion) -> TTLV {
        var b = StructureBuilder()
        b.add(.operation, all: operations)
        b.add(.objectType, all: objectTypes)
        b.add(.vendorIdentification, vendorIdentification)
        b.add(serverInformation)
        b.add(.applicationNamespace, all: applicationNamespaces)
        b.add(all: capabilities)
        return b.build(.responsePayload)
    }
}
