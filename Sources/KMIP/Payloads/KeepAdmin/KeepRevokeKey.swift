/// Keep Revoke Key (administration): Domain Identifier, Unique Identifier, Revocation Reason → Key. A compromise
/// reason moves the key to Compromised, any other to Deactivated, as KMIP's Revoke does.
public struct KeepRevokeKeyRequest: RequestPayload, Equatable {
    public static var operation: Operation { .keepRevokeKey }
    public var domainIdentifier: String
    public var uniqueIdentifier: String
    public var revocationReason: RevocationReason

    public init(domainIdentifier: String, uniqueIdentifier: String, revocationReason: RevocationReason) {
        self.domainIdentifier = domainIdentifier
        self.uniqueIdentifier = uniqueIdentifier
        self.revocationReason = revocationReason
    }

    public init(from item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        var r = try FieldReader(item)
        domainIdentifier = try r.required(.keepAdminDomainIdentifier)
        uniqueIdentifier = try r.required(.uniqueIdentifier)
        revocationReason = try r.required(.revocationReason, version: version)
        try r.finish()
    }

    public func ttlv(version: ProtocolVersion) -> TTLV {
        var b = StructureBuilder()
        b.add(.keepAdminDomainIdentifier, domainIdentifier)
        b.add(.uniqueIdentifier, uniqueIdentifier)
        b.add(.revocationReason, revocationReason, version: version)
        return b.build(.requestPayload)
    }
}

public struct KeepRevokeKeyResponse: ResponsePayload, Equatable {
    public static var operation: Operation { .keepRevokeKey }
    public var key: KeepAdminKey

    public init(key: KeepAdminKey) { self.key = key }

    public init(from item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        var r = try FieldReader(item)
        key = try r.required(.keepAdminKey, version: version)
        try r.finish()
    }

    public func ttlv(version: ProtocolVersion) -> TTLV {
        .structure(.responsePayload, [key.ttlv(.keepAdminKey, version: version)])
    }
}
