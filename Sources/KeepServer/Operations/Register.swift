import KMIP
import KeepCrypto
import KeyHierarchy

/// Register: a symmetric key (AES, Raw or Transparent Symmetric Key format), secret data, or an opaque object
/// the client supplies, stored wrapped under the caller's Domain Key like a created key; or (KMIP 1.x) a
/// Template, whose attributes are its value (see `Templates`).
///
/// Two forms of a key whose plaintext the server is not given:
/// - without a Key Value (KMIP 1.2+), a symmetric key or secret data with a Key Value Location saying where its
///   value is kept: stored as metadata alone, Key Value Present = False;
/// - wrapped (Key Block with Key Wrapping Data) under another AES key of the domain: stored as registered, and
///   unwrapped only when an operation needs the key (`RegisteredWrapping`).
struct RegisterHandler: OperationHandler {
    let access = OperationAccess.createObject
    let introduced = ProtocolVersion.v1_0

    /// The HSM wraps stored values with RFC 5649, which KeepCrypto bounds at 64 KiB per value; a larger value
    /// is refused here with a clear reason rather than failing deep in the HSM.
    static let maxValueByteCount = 64 * 1024

    /// What a Key Block gives for the object's value.
    private enum Given {
        /// The plaintext value.
        case plain(SecureBytes)
        /// A wrapped value (Key Wrapping Data), checked by `RegisteredWrapping.accept` once the attributes are settled.
        case wrapped
        /// No Key Value: a Key Value Location says where it is kept.
        case absent
    }

    func handle(_ request: RegisterRequest, in context: OperationContext) throws -> any ResponsePayload {
        guard request.objectType == request.object.objectType else {
            throw ServiceError(.invalidField, "Object Type \(request.objectType) does not match the object sent (\(request.object.objectType))")
        }
        var attributes = ObjectAttributes(objectType: request.objectType)
        try Templates.apply(request.attributes, to: &attributes, in: context)
        // The value, plain or as registered wrapped: one of the two, or neither for an object registered without it.
        var material: SecureBytes?
        var wrapped: RegisteredWrappedValue?
        switch request.object {
        case .symmetricKey(let block):
            let given = try Self.given(block, allowed: [.raw, .transparentSymmetricKey], attributes: attributes, in: context)
            if let attached = block.keyValue?.attachedAttributes { try Templates.apply(attached, to: &attributes) }
            let bits: Int32? = if case .plain(let bytes) = given { Int32(clamping: bytes.count * 8) } else { nil }
            try Self.reconcile(&attributes, with: block, bits: bits)
            guard attributes.cryptographicAlgorithm == .aes, let length = attributes.cryptographicLength,
                  KeyHierarchy.aesKeyLengths.contains(length) else {
                throw ServiceError(.invalidField, "Keep registers AES keys of 128, 192 or 256 bits")
            }
            attributes.other.removeAll { $0.tag == .digest }
            switch given {
            case .plain(let bytes):
                attributes.other.append(KeyDigest.attribute(of: try Self.digestInput(block, material: bytes), format: block.keyFormatType))
                material = bytes
            case .wrapped:
                // Checked once algorithm and length are settled: they say how many wrapped bytes to expect.
                wrapped = try RegisteredWrapping.accept(block, attributes: attributes, in: context)
            case .absent:
                break
            }
        case .secretData(let type, let block):
            switch try Self.given(block, allowed: [.opaque, .raw], attributes: attributes, in: context) {
            case .plain(let bytes): material = bytes
            case .wrapped: throw ServiceError(.featureNotSupported, "registering wrapped secret data is not supported: Keep registers wrapped symmetric keys")
            case .absent: break
            }
            if let attached = block.keyValue?.attachedAttributes { try Templates.apply(attached, to: &attributes) }
            ObjectFacts.set(ObjectFacts.secretDataType, type.rawValue, in: &attributes)
            ObjectFacts.set(ObjectFacts.keyFormatType, block.keyFormatType.rawValue, in: &attributes)
        case .opaqueObject(let type, let value):
            material = value
            ObjectFacts.set(ObjectFacts.opaqueDataType, type.rawValue, in: &attributes)
        case .preserved(.template, let template):
            guard context.version < .v2_0 else {
                throw ServiceError(.invalidField, "KMIP \(context.version) has no Template objects (removed in 2.0)")
            }
            material = Templates.encode(try Templates.attributes(ofRegistered: template, version: context.version))
        case .preserved(let type, _):
            throw ServiceError(.invalidField, "Keep registers symmetric keys, secret data, opaque objects and templates, not \(type)")
        }
        if material != nil || wrapped != nil {
            // KMIP 1.2+: the Key Value Location says where the value absent from a registered object is kept.
            guard !attributes.other.contains(where: { $0.tag == .keyValueLocation }) else {
                throw ServiceError(.invalidField, "Key Value Location names where an absent Key Value is kept: send the Key Value or a Key Value Location, not both")
            }
        }
        if let material {
            guard !material.isEmpty, material.count <= Self.maxValueByteCount else {
                throw ServiceError(.invalidField, "the registered value must be 1 to \(Self.maxValueByteCount) bytes")
            }
        }
        if request.objectType != .template { ServerAttributes.setOnNewObject(&attributes, generated: false) }
        let object = if let material {
            try context.hierarchy.register(in: context.domainID, attributes: attributes, material: material)
        } else if let wrapped {
            try context.hierarchy.register(in: context.domainID, attributes: attributes, wrapped: wrapped)
        } else {
            try context.hierarchy.registerWithoutValue(in: context.domainID, attributes: attributes)
        }
        context.touch(object.uid)
        context.idPlaceholder = object.uid
        return RegisterResponse(uniqueIdentifier: .text(object.uid))
    }

    /// What a Key Block gives: its plaintext bytes in one of the `allowed` formats; a wrapped value; or no Key Value
    /// at all, which needs a Key Value Location (KMIP 1.2+) saying where the value is kept.
    private static func given(_ block: KeyBlock, allowed: [KeyFormatType], attributes: ObjectAttributes,
                              in context: OperationContext) throws(ServiceError) -> Given {
        guard block.keyCompressionType == nil else {
            throw ServiceError(.keyCompressionTypeNotSupported, "key compression is not supported")
        }
        if block.isWrapped { return .wrapped }
        guard allowed.contains(block.keyFormatType) else {
            throw ServiceError(.keyFormatTypeNotSupported, "Key Format Type \(block.keyFormatType) is not supported here")
        }
        if block.keyValue != nil { return .plain(try keyBytes(block, allowed: allowed)) }
        guard context.version >= .v1_2 else {
            throw ServiceError(.invalidField, "the Key Block has no Key Value (KMIP \(context.version) has no Key Value Location)")
        }
        let locations = attributes.other.filter { $0.tag == .keyValueLocation }
        guard !locations.isEmpty else {
            throw ServiceError(.invalidField, "the Key Block has no Key Value: give a Key Value Location saying where it is kept")
        }
        for location in locations {
            guard case .textString? = location[.keyValueLocationValue]?.value, case .enumeration? = location[.keyValueLocationType]?.value else {
                throw ServiceError(.invalidField, "a Key Value Location has a Key Value Location Value (text) and a Key Value Location Type")
            }
        }
        return .absent
    }

    /// The plaintext bytes of a Key Block in one of the `allowed` formats.
    static func keyBytes(_ block: KeyBlock, allowed: [KeyFormatType]) throws(ServiceError) -> SecureBytes {
        guard !block.isWrapped else {
            throw ServiceError(.invalidField, "the Key Block is wrapped: its Key Value is not the key")
        }
        guard block.keyCompressionType == nil else {
            throw ServiceError(.keyCompressionTypeNotSupported, "key compression is not supported")
        }
        guard allowed.contains(block.keyFormatType) else {
            throw ServiceError(.keyFormatTypeNotSupported, "Key Format Type \(block.keyFormatType) is not supported here")
        }
        guard let bytes = block.keyValue?.keyMaterial?.symmetricKeyBytes else {
            throw ServiceError(.invalidField, "the Key Block has no Key Material of format \(block.keyFormatType)")
        }
        return bytes
    }

    /// What the Digest of a registered key covers: the key bytes of a Raw key; the TTLV encoding of the Key Material
    /// structure of a Transparent Symmetric Key, as the client sent it (KMIP 1.1 test case TC-181).
    static func digestInput(_ block: KeyBlock, material: SecureBytes) throws(ServiceError) -> SecureBytes {
        guard block.keyFormatType == .transparentSymmetricKey else { return material }
        // Encoded by hand, so the key never sits in an ordinary array (a TTLV Byte String holds [UInt8]).
        var encoded = SecureBytes(zeroes: 0)
        // Tag Key Material, type Structure, then the Key item: Tag Key, type Byte String, length, bytes, padding.
        let padded = (material.count + 7) / 8 * 8
        encoded.append(Self.header(.keyMaterial, type: 0x01, length: 8 + padded))
        encoded.append(Self.header(.key, type: 0x08, length: material.count))
        encoded.append(material)
        encoded.append([UInt8](repeating: 0, count: padded - material.count))
        return encoded
    }

    private static func header(_ tag: Tag, type: UInt8, length: Int) -> [UInt8] {
        let t = tag.rawValue, n = UInt32(length)
        return [UInt8(t >> 16 & 0xFF), UInt8(t >> 8 & 0xFF), UInt8(t & 0xFF), type,
                UInt8(n >> 24), UInt8(n >> 16 & 0xFF), UInt8(n >> 8 & 0xFF), UInt8(n & 0xFF)]
    }

    /// The Key Block's algorithm and length agree with the template's and with the key (`bits`, when the server
    /// has the plaintext), and fill what the template left out.
    static func reconcile(_ a: inout ObjectAttributes, with block: KeyBlock, bits: Int32?) throws(ServiceError) {
        if let algorithm = block.cryptographicAlgorithm {
            guard a.cryptographicAlgorithm == nil || a.cryptographicAlgorithm == algorithm else {
                throw ServiceError(.invalidField, "the Key Block's Cryptographic Algorithm differs from the template's")
            }
            a.cryptographicAlgorithm = algorithm
        }
        let lengths = [block.cryptographicLength, a.cryptographicLength].compactMap { $0 }
        if let bits {
            for length in lengths where length != bits {
                throw ServiceError(.invalidField, "Cryptographic Length \(length) does not match the \(bits)-bit key")
            }
            a.cryptographicLength = bits
        } else {
            // A wrapped or absent value: the length is what the request says, once.
            guard let length = lengths.first, lengths.allSatisfy({ $0 == length }) else {
                throw ServiceError(.invalidField, lengths.isEmpty ? "a key registered without its plaintext needs its Cryptographic Length"
                                   : "the Key Block's Cryptographic Length differs from the template's")
            }
            a.cryptographicLength = length
        }
    }
}

extension KeyValue {
    /// Attributes sent inside the Key Value structure (KMIP allows them there as well as in the template).
    var attachedAttributes: [Attribute]? {
        if case .structure(_, let attributes) = self { return attributes }
        return nil
    }
}
