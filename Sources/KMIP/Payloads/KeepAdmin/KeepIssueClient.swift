/// Keep Issue Client (administration): Domain Identifier, Client Role, Client Name, Public Key (SubjectPublicKeyInfo,
/// DER), Client Auth Usage, Wire Profile, Validity Days → Client, Certificate (DER).
///
/// Only the public key travels: the client's private key is generated where it will be used and never leaves it.
public struct KeepIssueClientRequest: RequestPayload, Equatable {
    public static var operation: Operation { .keepIssueClient }
    public var domainIdentifier: String
    public var role: KeepAdminClientRole
    public var name: String
    public var publicKey: [UInt8]
    /// Absent: true.
    public var clientAuthUsage: Bool?
    /// Absent: standard.
    public var wireProfile: KeepAdminWireProfile?
    /// Absent: the server's default.
    public var validityDays: Int32?

    public init(domainIdentifier: String, role: KeepAdminClientRole, name: String, publicKey: [UInt8], clientAuthUsage: Bool? = nil,
                wireProfile: KeepAdminWireProfile? = nil, validityDays: Int32? = nil) {
        self.domainIdentifier = domainIdentifier
        self.role = role
        self.name = name
        self.publicKey = publicKey
        self.clientAuthUsage = clientAuthUsage
        self.wireProfile = wireProfile
        self.validityDays = validityDays
    }

    public init(from item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        var r = try FieldReader(item)
        domainIdentifier = try r.required(.keepAdminDomainIdentifier)
        role = try r.required(.keepAdminClientRole)
        name = try r.required(.keepAdminClientName)
        publicKey = try r.required(.keepAdminPublicKey)
        clientAuthUsage = try r.optional(.keepAdminClientAuthUsage)
        wireProfile = try r.optional(.keepAdminWireProfile)
        validityDays = try r.optional(.keepAdminValidityDays)
        try r.finish()
    }

    public func ttlv(version: ProtocolVersion) -> TTLV {
        var b = StructureBuilder()
        b.add(.keepAdminDomainIdentifier, domainIdentifier)
        b.add(.keepAdminClientRole, role)
        b.add(.keepAdminClientName, name)
        b.add(.keepAdminPublicKey, publicKey)
        b.add(.keepAdminClientAuthUsage, clientAuthUsage)
        b.add(.keepAdminWireProfile, wireProfile)
        b.add(.keepAdminValidityDays, validityDays)
        return b.build(.requestPayload)
    }
}

public struct KeepIssueClientResponse: ResponsePayload, Equatable {
    public static var operation: Operation { .keepIssueClient }
    public var client: KeepAdminClient
    public var certificate: [UInt8]

    public init(client: KeepAdminClient, certificate: [UInt8]) {
        self.client = client
        self.certificate = certificate
    }

    public init(from item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        var r = try FieldReader(item)
        client = try r.required(.keepAdminClient, version: version)
        certificate = try r.required(.keepAdminCertificate)
        try r.finish()
    }

    public func ttlv(version: ProtocolVersion) -> TTLV {
        var b = StructureBuilder()
        b.add(.keepAdminClient, client, version: version)
        b.add(.keepAdminCertificate, certificate)
        return b.build(.responsePayload)
    }
}
