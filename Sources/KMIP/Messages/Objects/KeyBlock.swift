import KeepCrypto

/// Key Block: Key Format Type, Key Compression Type, Key Value, Cryptographic Algorithm, Cryptographic Length,
/// Key Wrapping Data. Key material lives in `SecureBytes` and is never printed.
public struct KeyBlock: Sendable, Equatable, TTLVStructureCodable, CustomStringConvertible, CustomDebugStringConvertible {
    public var keyFormatType: KeyFormatType
    public var keyCompressionType: KeyCompressionType?
    /// Absent only when the server does not hold the key value (Key Value Present = false, 1.2+).
    public var keyValue: KeyValue?
    public var cryptographicAlgorithm: CryptographicAlgorithm?
    public var cryptographicLength: Int32?
    public var keyWrappingData: KeyWrappingData?

    public init(keyFormatType: KeyFormatType, keyValue: KeyValue?, cryptographicAlgorithm: CryptographicAlgorithm? = nil,
                cryptographicLength: Int32? = nil, keyWrappingData: KeyWrappingData? = nil) {
        self.keyFormatType = keyFormatType
        self.keyValue = keyValue
        self.cryptographicAlgorithm = cryptographicAlgorithm
        self.cryptographicLength = cryptographicLength
        self.keyWrappingData = keyWrappingData
    }

    public init(from item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        var r = try FieldReader(item)
        keyFormatType = try r.required(.keyFormatType)
        keyCompressionType = try r.optional(.keyCompressionType)
        let format = keyFormatType
        if let valueItem = r.take(.keyValue) {
            keyValue = try decoding(.keyValue) { () throws(KMIPDecodingError) in try KeyValue(from: valueItem, format: format, version: version) }
        }
        cryptographicAlgorithm = try r.optional(.cryptographicAlgorithm)
        cryptographicLength = try r.optional(.cryptographicLength)
        keyWrappingData = try r.optional(.keyWrappingData, version: version)
        try r.finish()
    }

    public func ttlv(_ tag: Tag, version: ProtocolVersion) -> TTLV {
        var b = StructureBuilder()
        b.add(.keyFormatType, keyFormatType)
        b.add(.keyCompressionType, keyCompressionType)
        b.add(keyValue?.ttlv(version: version))
        b.add(.cryptographicAlgorithm, cryptographicAlgorithm)
        b.add(.cryptographicLength, cryptographicLength)
        b.add(.keyWrappingData, keyWrappingData, version: version)
        return b.build(tag)
    }

    /// Key Wrapping Data present: the key value is wrapped.
    public var isWrapped: Bool { keyWrappingData != nil }

    public var description: String {
        var parts = ["\(keyFormatType)"]
        if let cryptographicAlgorithm { parts.append("\(cryptographicAlgorithm)") }
        if let cryptographicLength { parts.append("\(cryptographicLength) bits") }
        parts.append(keyValue.map { (isWrapped ? "wrapped " : "") + $0.description } ?? "no key value")
        return "KeyBlock(\(parts.joined(separator: ", ")))"
    }

    public var debugDescription: String { description }
}

/// Key Value, in its two wire forms. Whether the material is wrapped is said by the Key Block's Key Wrapping
/// Data, not by the form: the specification sends a wrapped key as a Byte String, but PyKMIP (and others) send
/// a Structure whose Key Material is the wrapped bytes, and both are accepted.
public enum KeyValue: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    /// A Structure: Key Material and the object's attributes. `attributes` is nil when none were sent (1.x: no
    /// Attribute items; 2.x: no Attributes structure).
    case structure(KeyMaterial, attributes: [Attribute]?)
    /// A Byte String: the wrapped Key Value (with encoding option TTLV, the wrapped TTLV structure). Held
    /// securely: with a MAC/sign-only wrapping method these bytes are the plaintext key value.
    case byteString(SecureBytes)

    init(from item: TTLV, format: KeyFormatType, version: ProtocolVersion) throws(KMIPDecodingError) {
        switch item.value {
        case .byteString:
            self = .byteString(try FieldReader.convert(item))
        case .structure:
            var r = try FieldReader(item)
            let materialItem = try r.require(.keyMaterial)
            let material = try decoding(.keyMaterial) { () throws(KMIPDecodingError) in try KeyMaterial(from: materialItem, format: format) }
            var attributes: [Attribute]?
            if version.usesTaggedAttributes {
                if let set = try AttributeSet.optional(.template, from: &r, version: version) { attributes = set.attributes }
            } else {
                let list = try [Attribute].kmip1(r.takeAll(.attribute), version: version)
                attributes = list.isEmpty ? nil : list
            }
            try r.finish()
            self = .structure(material, attributes: attributes)
        default:
            throw KMIPDecodingError(.unexpectedType, path: [item.tag], "Key Value must be a Structure or a Byte String, not \(item.type.name)")
        }
    }

    func ttlv(version: ProtocolVersion) -> TTLV {
        switch self {
        case .byteString(let bytes):
            return TTLV(.keyValue, bytes.ttlvValue)
        case .structure(let material, let attributes):
            var b = StructureBuilder()
            b.add(material.ttlv())
            if let attributes {
                if version.usesTaggedAttributes {
                    b.add(AttributeSet(attributes).kmip2TTLV(.attributes, version: version))
                } else {
                    for attribute in attributes { b.add(attribute.kmip1TTLV(version: version)) }
                }
            }
            return b.build(.keyValue)
        }
    }

    /// The Key Material of the structure form.
    public var keyMaterial: KeyMaterial? {
        if case .structure(let material, _) = self { return material }
        return nil
    }

    public var description: String {
        switch self {
        case .structure(let material, _): "\(material)"
        case .byteString(let bytes): "wrapped key value (\(bytes.count) bytes, redacted)"
        }
    }

    public var debugDescription: String { description }
}

/// Key Material: raw bytes (Raw, Opaque, PKCS#1/#8, …), a Transparent Symmetric Key, or another transparent
/// structure (kept as received; Keep does not manage asymmetric keys).
public enum KeyMaterial: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    case bytes(SecureBytes)
    /// Transparent Symmetric Key: { Key }.
    case transparentSymmetricKey(SecureBytes)
    /// Any other structured key material (transparent RSA/EC/DH/DSA keys), unchanged.
    case structure(TTLV)

    init(from item: TTLV, format: KeyFormatType) throws(KMIPDecodingError) {
        switch item.value {
        case .byteString:
            self = .bytes(try FieldReader.convert(item))
        case .structure where format == .transparentSymmetricKey:
            var r = try FieldReader(item)
            self = .transparentSymmetricKey(try r.required(.key))
            try r.finish()
        case .structure:
            self = .structure(item)
        default:
            throw KMIPDecodingError(.unexpectedType, path: [item.tag], "Key Material must be a Byte String or a Structure, not \(item.type.name)")
        }
    }

    func ttlv() -> TTLV {
        switch self {
        case .bytes(let key): TTLV(.keyMaterial, key.ttlvValue)
        case .transparentSymmetricKey(let key): .structure(.keyMaterial, [TTLV(.key, key.ttlvValue)])
        case .structure(let item): item
        }
    }

    /// The secret key bytes of a raw or transparent symmetric key.
    public var symmetricKeyBytes: SecureBytes? {
        switch self {
        case .bytes(let key), .transparentSymmetricKey(let key): key
        case .structure: nil
        }
    }

    public var description: String {
        switch self {
        case .bytes(let key): "KeyMaterial(\(key.count) bytes, redacted)"
        case .transparentSymmetricKey(let key): "KeyMaterial(transparent symmetric key, \(key.count) bytes, redacted)"
        case .structure(let item): "KeyMaterial(\(item.children.count)-field structure, redacted)"
        }
    }

    public var debugDescription: String { description }
}

/// Encryption Key Information / MAC/Signature Key Information: Unique Identifier, Cryptographic Parameters.
public struct KeyInformation: Hashable, Sendable, TTLVStructureCodable {
    public var uniqueIdentifier: UniqueIdentifier
    public var cryptographicParameters: CryptographicParameters?

    public init(uniqueIdentifier: UniqueIdentifier, cryptographicParameters: CryptographicParameters? = nil) {
        self.uniqueIdentifier = uniqueIdentifier
        self.cryptographicParameters = cryptographicParameters
    }

    public init(from item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        var r = try FieldReader(item)
        uniqueIdentifier = try r.required(.uniqueIdentifier)
        cryptographicParameters = try r.optional(.cryptographicParameters, version: version)
        try r.finish()
    }

    public func ttlv(_ tag: Tag, version: ProtocolVersion) -> TTLV {
        var b = StructureBuilder()
        b.add(.uniqueIdentifier, uniqueIdentifier)
        b.add(.cryptographicParameters, cryptographicParameters, version: version)
        return b.build(tag)
    }
}

/// Key Wrapping Data (in a wrapped Key Block): Wrapping Method, Encryption Key Information, MAC/Signature Key
/// Information, MAC/Signature, IV/Counter/Nonce, Encoding Option (1.1+).
public struct KeyWrappingData: Hashable, Sendable, TTLVStructureCodable {
    public var wrappingMethod: WrappingMethod
    public var encryptionKeyInformation: KeyInformation?
    public var macSignatureKeyInformation: KeyInformation?
    public var macSignature: [UInt8]?
    public var ivCounterNonce: [UInt8]?
    public var encodingOption: EncodingOption?

    public init(wrappingMethod: WrappingMethod, encryptionKeyInformation: KeyInformation? = nil, encodingOption: EncodingOption? = nil) {
        self.wrappingMethod = wrappingMethod
        self.encryptionKeyInformation = encryptionKeyInformation
        self.encodingOption = encodingOption
    }

    public init(from item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        var r = try FieldReader(item)
        wrappingMethod = try r.required(.wrappingMethod)
        encryptionKeyInformation = try r.optional(.encryptionKeyInformation, version: version)
        macSignatureKeyInformation = try r.optional(.macSignatureKeyInformation, version: version)
        macSignature = try r.optional(.macSignature)
        ivCounterNonce = try r.optional(.ivCounterNonce)
        encodingOption = try r.optional(.encodingOption)
        try r.finish()
    }

    public func ttlv(_ tag: Tag, version: ProtocolVersion) -> TTLV {
        var b = StructureBuilder()
        b.add(.wrappingMethod, wrappingMethod)
        b.add(.encryptionKeyInformation, encryptionKeyInformation, version: version)
        b.add(.macSignatureKeyInformation, macSignatureKeyInformation, version: version)
        b.add(.macSignature, macSignature)
        b.add(.ivCounterNonce, ivCounterNonce)
        b.add(.encodingOption, encodingOption)
        return b.build(tag)
    }
}

/// Key Wrapping Specification (Get, Export): Wrapping Method, Encryption Key Information, MAC/Signature Key
/// Information, Attribute Name*, Encoding Option (1.1+).
public struct KeyWrappingSpecification: Hashable, Sendable, TTLVStructureCodable {
    public var wrappingMethod: WrappingMethod
    public var encryptionKeyInformation: KeyInformation?
    public var macSignatureKeyInformation: KeyInformation?
    /// Attributes to wrap with the key (names as text in every version).
    public var attributeNames: [String]
    public var encodingOption: EncodingOption?

    public init(wrappingMethod: WrappingMethod, encryptionKeyInformation: KeyInformation? = nil,
                macSignatureKeyInformation: KeyInformation? = nil, attributeNames: [String] = [], encodingOption: EncodingOption? = nil) {
        self.wrappingMethod = wrappingMethod
        self.encryptionKeyInformation = encryptionKeyInformation
        self.macSignatureKeyInformation = macSignatureKeyInformation
        self.attributeNames = attributeNames
        self.encodingOption = encodingOption
    }

    public init(from item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        var r = try FieldReader(item)
        wrappingMethod = try r.required(.wrappingMethod)
        encryptionKeyInformation = try r.optional(.encryptionKeyInformation, version: version)
        macSignatureKeyInformation = try r.optional(.macSignatureKeyInformation, version: version)
        attributeNames = try r.all(.attributeName)
        encodingOption = try r.optional(.encodingOption)
        try r.finish()
    }

    public func ttlv(_ tag: Tag, version: ProtocolVersion) -> TTLV {
        var b = StructureBuilder()
        b.add(.wrappingMethod, wrappingMethod)
        b.add(.encryptionKeyInformation, encryptionKeyInformation, version: version)
        b.add(.macSignatureKeyInformation, macSignatureKeyInformation, version: version)
        b.add(.attributeName, all: attributeNames)
        b.add(.encodingOption, encodingOption)
        return b.build(tag)
    }
}
