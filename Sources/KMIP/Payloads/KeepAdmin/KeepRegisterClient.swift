/// Keep Register Client (administration): Domain Identifier, Client Role, Client Name, Certificate (DER), Wire
/// Profile → Client. For a certificate made elsewhere: vCenter's self-signed one, or one from a CA keepd trusts.
public struct KeepRegisterClientRequest: RequestPayload, Equatable {
    public static var operation: Operation { .keepRegisterClient }
    public var domainIdentifier: String
    public var role: KeepAdminClientRole
    public var name: String
    public var certificate: [UInt8]
    public var wireProfile: KeepAdminWireProfile?

    public init(domainIdentifier: String, role: KeepAdminClientRole, name: String, certificate: [UInt8], wireProfile: KeepAdminWireProfile? = nil) {
        self.domainIdentifier = domainIdentifier
        self.role = role
        self.name = name
        self.certificate = certificate
        self.wireProfile = wireProfile
    }

    public init(from item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        var r = try FieldReader(item)
        domainIdentifier = try r.required(.keepAdminDomainIdentifier)
        role = try r.required(.keepAdminClientRole)
        name = try r.required(.keepAdminClientName)
        certificate = try r.required(.keepAdminCertificate)
        wireProfile = try r.optional(.keepAdminWireProfile)
        try r.finish()
    }

    public func ttlv(version: ProtocolVersion) -> TTLV {
        var b = StructureBuilder()
        b.add(.keepAdminDomainIdentifier, domainIdentifier)
        b.add(.keepAdminClientRole, role)
        b.add(.keepAdminClientName, name)
        b.add(.keepAdminCertificate, certificate)
        b.add(.keepAdminWireProfile, wireProfile)
        return b.build(.requestPayload)
    }
}

public struct KeepRegisterClientResponse: ResponsePayload, Equatable {
    public static var operation: Operation { .keepRegisterClient }
    public var client: KeepAdminClient

    public init(client: KeepAdminClient) { self.client = client }

    public init(from item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        var r = try FieldReader(item)
        client = try r.required(.keepAdminClient, version: version)
        try r.finish()
    }

    public func ttlv(version: ProtocolVersion) -> TTLV {
        .structure(.responsePayload, [client.ttlv(.keepAdminClient, version: version)])
    }
}
