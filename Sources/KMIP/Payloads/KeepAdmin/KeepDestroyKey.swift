/// Keep Destroy Key (administration): Domain Identifier, Unique Identifier → Key. The key material is erased; the
/// metadata stays. An Active key must be revoked first, as in KMIP.
public struct KeepDestroyKeyRequest: RequestPayload, Equatable {
    public static var operation: Operation { .keepDestroyKey }
    public var domainIdentifier: String
    public var uniqueIdentifier: String

    public init(domainIdentifier: String, uniqueIdentifier: String) {
        self.domainIdentifier = domainIdentifier
        self.uniqueIdentifier = uniqueIdentifier
    }

    public init(from item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        var r = try FieldReader(item)
        domainIdentifier = try r.required(.keepAdminDomainIdentifier)
        uniqueIdentifier = try r.required(.uniqueIdentifier)
        try r.finish()
    }

    public func ttlv(version: ProtocolVersion) -> TTLV {
        var b = StructureBuilder()
        b.add(.keepAdminDomainIdentifier, domainIdentifier)
        b.add(.uniqueIdentifier, uniqueIdentifier)
        return b.build(.requestPayload)
    }
}

public struct KeepDestroyKeyResponse: ResponsePayload, Equatable {
    public static var operation: Operation { .keepDestroyKey }
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
