/// Keep List Clients (administration): Domain Identifier (absent: every domain) → Client*, by domain and name.
public struct KeepListClientsRequest: RequestPayload, Equatable {
    public static var operation: Operation { .keepListClients }
    public var domainIdentifier: String?

    public init(domainIdentifier: String? = nil) { self.domainIdentifier = domainIdentifier }

    public init(from item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        var r = try FieldReader(item)
        domainIdentifier = try r.optional(.keepAdminDomainIdentifier)
        try r.finish()
    }

    public func ttlv(version: ProtocolVersion) -> TTLV {
        var b = StructureBuilder()
        b.add(.keepAdminDomainIdentifier, domainIdentifier)
        return b.build(.requestPayload)
    }
}

public struct KeepListClientsResponse: ResponsePayload, Equatable {
    public static var operation: Operation { .keepListClients }
    public var clients: [KeepAdminClient]

    public init(clients: [KeepAdminClient]) { self.clients = clients }

    public init(from item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        var r = try FieldReader(item)
        clients = try r.all(.keepAdminClient, version: version)
        try r.finish()
    }

    public func ttlv(version: ProtocolVersion) -> TTLV {
        var b = StructureBuilder()
        b.add(.keepAdminClient, all: clients, version: version)
        return b.build(.responsePayload)
    }
}
