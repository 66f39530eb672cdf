/// Keep Revoke Client (administration): Fingerprint, or Domain Identifier and Client Name → Client.
public struct KeepRevokeClientRequest: RequestPayload, Equatable {
    public static var operation: Operation { .keepRevokeClient }
    public var fingerprint: String?
    public var domainIdentifier: String?
    public var name: String?

    public init(fingerprint: String) {
        self.fingerprint = fingerprint
    }

    public init(domainIdentifier: String, name: String) {
        self.domainIdentifier = domainIdentifier
        self.name = name
    }

    public init(from item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        var r = try FieldReader(item)
        fingerprint = try r.optional(.keepAdminFingerprint)
        domainIdentifier = try r.optional(.keepAdminDomainIdentifier)
        name = try r.optional(.keepAdminClientName)
        try r.finish()
    }

    public func ttlv(version: ProtocolVersion) -> TTLV {
        var b = StructureBuilder()
        b.add(.keepAdminFingerprint, fingerprint)
        b.add(.keepAdminDomainIdentifier, domainIdentifier)
        b.add(.keepAdminClientName, name)
        return b.build(.requestPayload)
    }
}

public struct KeepRevokeClientResponse: ResponsePayload, Equatable {
    public static var operation: Operation { .keepRevokeClient }
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
