/// Keep Create Domain (administration): Domain Identifier, Display Name, Key Export Allowed, Client Auth Required
/// → Domain. Absent policy fields take the defaults: no key export, clientAuth required.
public struct KeepCreateDomainRequest: RequestPayload, Equatable {
    public static var operation: Operation { .keepCreateDomain }
    public var domainIdentifier: String
    public var displayName: String?
    public var keyExportAllowed: Bool?
    public var clientAuthRequired: Bool?

    public init(domainIdentifier: String, displayName: String? = nil, keyExportAllowed: Bool? = nil, clientAuthRequired: Bool? = nil) {
        self.domainIdentifier = domainIdentifier
        self.displayName = displayName
        self.keyExportAllowed = keyExportAllowed
        self.clientAuthRequired = clientAuthRequired
    }

    public init(from item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        var r = try FieldReader(item)
        domainIdentifier = try r.required(.keepAdminDomainIdentifier)
        displayName = try r.optional(.keepAdminDisplayName)
        keyExportAllowed = try r.optional(.keepAdminKeyExportAllowed)
        clientAuthRequired = try r.optional(.keepAdminClientAuthRequired)
        try r.finish()
    }

    public func ttlv(version: ProtocolVersion) -> TTLV {
        var b = StructureBuilder()
        b.add(.keepAdminDomainIdentifier, domainIdentifier)
        b.add(.keepAdminDisplayName, displayName)
        b.add(.keepAdminKeyExportAllowed, keyExportAllowed)
        b.add(.keepAdminClientAuthRequired, clientAuthRequired)
        return b.build(.requestPayload)
    }
}

public struct KeepCreateDomainResponse: ResponsePayload, Equatable {
    public static var operation: Operation { .keepCreateDomain }
    public var domain: KeepAdminDomain

    public init(domain: KeepAdminDomain) { self.domain = domain }

    public init(from item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        var r = try FieldReader(item)
        domain = try r.required(.keepAdminDomain, version: version)
        try r.finish()
    }

    public func ttlv(version: ProtocolVersion) -> TTLV {
        .structure(.responsePayload, [domain.ttlv(.keepAdminDomain, version: version)])
    }
}
