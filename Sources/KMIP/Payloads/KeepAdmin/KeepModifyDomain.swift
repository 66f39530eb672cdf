/// Keep Modify Domain (administration): Domain Identifier, Enabled, Subscription Active, Key Export Allowed,
/// Client Auth Required → Domain. Only the fields present change.
public struct KeepModifyDomainRequest: RequestPayload, Equatable {
    public static var operation: Operation { .keepModifyDomain }
    public var domainIdentifier: String
    public var enabled: Bool?
    public var subscriptionActive: Bool?
    public var keyExportAllowed: Bool?
    public var clientAuthRequired: Bool?

    public init(domainIdentifier: String, enabled: Bool? = nil, subscriptionActive: Bool? = nil, keyExportAllowed: Bool? = nil,
                clientAuthRequired: Bool? = nil) {
        self.domainIdentifier = domainIdentifier
        self.enabled = enabled
        self.subscriptionActive = subscriptionActive
        self.keyExportAllowed = keyExportAllowed
        self.clientAuthRequired = clientAuthRequired
    }

    public init(from item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        var r = try FieldReader(item)
        domainIdentifier = try r.required(.keepAdminDomainIdentifier)
        enabled = try r.optional(.keepAdminEnabled)
        subscriptionActive = try r.optional(.keepAdminSubscriptionActive)
        keyExportAllowed = try r.optional(.keepAdminKeyExportAllowed)
        clientAuthRequired = try r.optional(.keepAdminClientAuthRequired)
        try r.finish()
    }

    public func ttlv(version: ProtocolVersion) -> TTLV {
        var b = StructureBuilder()
        b.add(.keepAdminDomainIdentifier, domainIdentifier)
        b.add(.keepAdminEnabled, enabled)
        b.add(.keepAdminSubscriptionActive, subscriptionActive)
        b.add(.keepAdminKeyExportAllowed, keyExportAllowed)
        b.add(.keepAdminClientAuthRequired, clientAuthRequired)
        return b.build(.requestPayload)
    }
}

public struct KeepModifyDomainResponse: ResponsePayload, Equatable {
    public static var operation: Operation { .keepModifyDomain }
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
