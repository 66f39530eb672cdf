/// Create Key Pair: Common / Private Key / Public Key Template-Attribute (1.x) or Attributes (2.x), and in 2.x
/// the three Protection Storage Masks. Keep does not create key pairs; the payload is modelled so such requests
/// decode and can be refused precisely.
public struct CreateKeyPairRequest: RequestPayload, Equatable {
    public static var operation: Operation { .createKeyPair }
    public var commonAttributes: AttributeSet?
    public var privateKeyAttributes: AttributeSet?
    public var publicKeyAttributes: AttributeSet?
    /// 2.0+: Common / Private / Public Protection Storage Masks, kept as received.
    public var protectionStorageMasks: [TTLV] = []

    public init(commonAttributes: AttributeSet? = nil, privateKeyAttributes: AttributeSet? = nil, publicKeyAttributes: AttributeSet? = nil) {
        self.commonAttributes = commonAttributes
        self.privateKeyAttributes = privateKeyAttributes
        self.publicKeyAttributes = publicKeyAttributes
    }

    public init(from item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        var r = try FieldReader(item)
        commonAttributes = try AttributeSet.optional(.common, from: &r, version: version)
        privateKeyAttributes = try AttributeSet.optional(.privateKey, from: &r, version: version)
        publicKeyAttributes = try AttributeSet.optional(.publicKey, from: &r, version: version)
        protectionStorageMasks = r.takeAll(in: [.commonProtectionStorageMasks, .privateProtectionStorageMasks, .publicProtectionStorageMasks])
        try r.finish()
    }

    public func ttlv(version: ProtocolVersion) -> TTLV {
        var b = StructureBuilder()
        b.add(commonAttributes?.ttlv(.common, version: version))
        b.add(privateKeyAttributes?.ttlv(.privateKey, version: version))
        b.add(publicKeyAttributes?.ttlv(.publicKey, version: version))
        b.add(all: protectionStorageMasks)
        return b.build(.requestPayload)
    }
}

public struct CreateKeyPairResponse: ResponsePayload, Equatable {
    public static var operation: Operation { .createKeyPair }
    public var privateKeyUniqueIdentifier: UniqueIdentifier
    public var publicKeyUniqueIdentifier: UniqueIdentifier
    /// 1.x only.
    public var privateKeyAttributes: AttributeSet?
    public var publicKeyAttributes: AttributeSet?
    /// The KMIP 1.0 Use Cases (§8.1) send the two identifiers as plain Unique Identifier items (private first),
    /// not Private/Public Key Unique Identifier. Accepted, and written back that way for such a peer.
    public var usesPlainUniqueIdentifierTags = false

    public init(privateKeyUniqueIdentifier: UniqueIdentifier, publicKeyUniqueIdentifier: UniqueIdentifier) {
        self.privateKeyUniqueIdentifier = privateKeyUniqueIdentifier
        self.publicKeyUniqueIdentifier = publicKeyUniqueIdentifier
    }

    public init(from item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        var r = try FieldReader(item)
        if item[.privateKeyUniqueIdentifier] == nil, item[.publicKeyUniqueIdentifier] == nil, item.all(.uniqueIdentifier).count == 2 {
            let ids: [UniqueIdentifier] = try r.all(.uniqueIdentifier)
            privateKeyUniqueIdentifier = ids[0]
            publicKeyUniqueIdentifier = ids[1]
            usesPlainUniqueIdentifierTags = true
        } else {
            privateKeyUniqueIdentifier = try r.required(.privateKeyUniqueIdentifier)
            publicKeyUniqueIdentifier = try r.required(.publicKeyUniqueIdentifier)
        }
        if !version.usesTaggedAttributes {
            privateKeyAttributes = try AttributeSet.optional(.privateKey, from: &r, version: version)
            publicKeyAttributes = try AttributeSet.optional(.publicKey, from: &r, version: version)
        }
        try r.finish()
    }

    public func ttlv(version: ProtocolVersion) -> TTLV {
        var b = StructureBuilder()
        b.add(usesPlainUniqueIdentifierTags ? .uniqueIdentifier : .privateKeyUniqueIdentifier, privateKeyUniqueIdentifier)
        b.add(usesPlainUniqueIdentifierTags ? .uniqueIdentifier : .publicKeyUniqueIdentifier, publicKeyUniqueIdentifier)
        if !version.usesTaggedAttributes {
            b.add(privateKeyAttributes?.ttlv(.privateKey, version: version))
            b.add(publicKeyAttributes?.ttlv(.publicKey, version: version))
        }
        return b.build(.responsePayload)
    }
}
