/// Name attribute: Name Value, Name Type.
public struct Name: Hashable, Sendable, TTLVStructureCodable {
    public var value: String
    public var type: NameType

    public init(_ value: String, type: NameType = .uninterpretedTextString) {
        self.value = value
        self.type = type
    }

    public init(from item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        var r = try FieldReader(item)
        value = try r.required(.nameValue)
        type = try r.required(.nameType)
        try r.finish()
    }

    public func ttlv(_ tag: Tag, version: ProtocolVersion) -> TTLV {
        var b = StructureBuilder()
        b.add(.nameValue, value)
        b.add(.nameType, type)
        return b.build(tag)
    }
}

/// Link attribute: Link Type, Linked Object Identifier.
public struct Link: Hashable, Sendable, TTLVStructureCodable {
    public var type: LinkType
    public var linkedObjectIdentifier: UniqueIdentifier

    public init(_ type: LinkType, to id: UniqueIdentifier) {
        self.type = type
        linkedObjectIdentifier = id
    }

    public init(from item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        var r = try FieldReader(item)
        type = try r.required(.linkType)
        linkedObjectIdentifier = try r.required(.linkedObjectIdentifier)
        try r.finish()
    }

    public func ttlv(_ tag: Tag, version: ProtocolVersion) -> TTLV {
        var b = StructureBuilder()
        b.add(.linkType, type)
        b.add(.linkedObjectIdentifier, linkedObjectIdentifier)
        return b.build(tag)
    }
}

/// Cryptographic Parameters (attribute, and field of Encrypt/Decrypt/MAC/Sign and key-wrapping structures).
/// Fields in the order of KMIP 1.4 §3.6 / 2.1 §4.8; all optional.
public struct CryptographicParameters: Hashable, Sendable, TTLVStructureCodable {
    public var blockCipherMode: BlockCipherMode?
    public var paddingMethod: PaddingMethod?
    public var hashingAlgorithm: HashingAlgorithm?
    public var keyRoleType: KeyRoleType?
    /// 1.2+
    public var digitalSignatureAlgorithm: DigitalSignatureAlgorithm?
    /// 1.2+
    public var cryptographicAlgorithm: CryptographicAlgorithm?
    /// 1.2+
    public var randomIV: Bool?
    public var ivLength: Int32?
    public var tagLength: Int32?
    public var fixedFieldLength: Int32?
    public var invocationFieldLength: Int32?
    public var counterLength: Int32?
    public var initialCounterValue: Int32?
    /// 1.4+
    public var saltLength: Int32?
    public var maskGenerator: MaskGenerator?
    public var maskGeneratorHashingAlgorithm: HashingAlgorithm?
    public var pSource: [UInt8]?
    public var trailerField: Int32?

    public init(blockCipherMode: BlockCipherMode? = nil, paddingMethod: PaddingMethod? = nil, hashingAlgorithm: HashingAlgorithm? = nil,
                cryptographicAlgorithm: CryptographicAlgorithm? = nil) {
        self.blockCipherMode = blockCipherMode
        self.paddingMethod = paddingMethod
        self.hashingAlgorithm = hashingAlgorithm
        self.cryptographicAlgorithm = cryptographicAlgorithm
    }

    public init(from item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        var r = try FieldReader(item)
        blockCipherMode = try r.optional(.blockCipherMode)
        paddingMethod = try r.optional(.paddingMethod)
        hashingAlgorithm = try r.optional(.hashingAlgorithm)
        keyRoleType = try r.optional(.keyRoleType)
        digitalSignatureAlgorithm = try r.optional(.digitalSignatureAlgorithm)
        cryptographicAlgorithm = try r.optional(.cryptographicAlgorithm)
        randomIV = try r.optional(.randomIV)
        ivLength = try r.optional(.ivLength)
        tagLength = try r.optional(.tagLength)
        fixedFieldLength = try r.optional(.fixedFieldLength)
        invocationFieldLength = try r.optional(.invocationFieldLength)
        counterLength = try r.optional(.counterLength)
        initialCounterValue = try r.optional(.initialCounterValue)
        saltLength = try r.optional(.saltLength)
        maskGenerator = try r.optional(.maskGenerator)
        maskGeneratorHashingAlgorithm = try r.optional(.maskGeneratorHashingAlgorithm)
        pSource = try r.optional(.pSource)
        trailerField = try r.optional(.trailerField)
        try r.finish()
    }

    public func ttlv(_ tag: Tag, version: ProtocolVersion) -> TTLV {
        var b = StructureBuilder()
        b.add(.blockCipherMode, blockCipherMode)
        b.add(.paddingMethod, paddingMethod)
        b.add(.hashingAlgorithm, hashingAlgorithm)
        b.add(.keyRoleType, keyRoleType)
        b.add(.digitalSignatureAlgorithm, digitalSignatureAlgorithm)
        b.add(.cryptographicAlgorithm, cryptographicAlgorithm)
        b.add(.randomIV, randomIV)
        b.add(.ivLength, ivLength)
        b.add(.tagLength, tagLength)
        b.add(.fixedFieldLength, fixedFieldLength)
        b.add(.invocationFieldLength, invocationFieldLength)
        b.add(.counterLength, counterLength)
        b.add(.initialCounterValue, initialCounterValue)
        b.add(.saltLength, saltLength)
        b.add(.maskGenerator, maskGenerator)
        b.add(.maskGeneratorHashingAlgorithm, maskGeneratorHashingAlgorithm)
        b.add(.pSource, pSource)
        b.add(.trailerField, trailerField)
        return b.build(tag)
    }
}

/// A Unique Identifier. Text in every version; KMIP 2.0 also allows an enumeration (ID Placeholder and friends)
/// or an integer (an index into the IDs of earlier batch items) in requests.
public enum UniqueIdentifier: Hashable, Sendable, ExpressibleByStringLiteral, TTLVValueRepresentable, CustomStringConvertible {
    case text(String)
    /// 2.0+: the Unique Identifier enumeration (ID Placeholder = 1, …), raw value.
    case placeholder(UInt32)
    /// 2.0+: an index into the batch's earlier results.
    case index(Int32)

    public init(stringLiteral value: String) { self = .text(value) }

    public static var ttlvType: TTLVType { .textString }

    public init?(ttlvValue value: TTLV.Value) {
        switch value {
        case .textString(let v): self = .text(v)
        case .enumeration(let v): self = .placeholder(v)
        case .integer(let v): self = .index(v)
        default: return nil
        }
    }

    public var ttlvValue: TTLV.Value {
        switch self {
        case .text(let v): .textString(v)
        case .placeholder(let v): .enumeration(v)
        case .index(let v): .integer(v)
        }
    }

    public var text: String? {
        if case .text(let v) = self { return v }
        return nil
    }

    public var description: String {
        switch self {
        case .text(let v): v
        case .placeholder(let v): "placeholder(\(v))"
        case .index(let v): "index(\(v))"
        }
    }
}
