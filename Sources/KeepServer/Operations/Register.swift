import KMIP
import KeepCrypto
import KeyHierarchy

/// Register: a symmetric key (AES, Raw or Transparent Symmetric Key format), secret data, or an opaque object
/// the client supplies, stored wrapped under the caller's Domain Key like a created key; or (KMIP 1.x) a
/// Template, whose attributes are its value (see `Templates`).
struct RegisterHandler: OperationHandler {
    let access = OperationAccess.createObject
    let introduced = ProtocolVersion.v1_0

    /// The HSM wraps stored values with RFC 5649, which KeepCrypto bounds at 64 KiB per value; a larger value
    /// is refused here with a clear reason rather than failing deep in the HSM.
    static let maxValueByteCount = 64 * 1024

    func handle(_ request: RegisterRequest, in context: OperationContext) throws -> any ResponsePayload {
        guard request.objectType == request.object.objectType else {
            throw ServiceError(.invalidField, "Object Type \(request.objectType) does not match the object sent (\(request.object.objectType))")
        }
        var attributes = ObjectAttributes(objectType: request.objectType)
        try Templates.apply(request.attributes, to: &attributes, in: context)
        let material: SecureBytes
        switch request.object {
        case .symmetricKey(let block):
            material = try Self.keyBytes(block, allowed: [.raw, .transparentSymmetricKey])
            if let attached = block.keyValue?.attachedAttributes { try Templates.apply(attached, to: &attributes) }
            try Self.reconcile(&attributes, with: block, bits: Int32(clamping: material.count * 8))
            guard attributes.cryptographicAlgorithm == .aes, let length = attributes.cryptographicLength,
                  KeyHierarchy.aesKeyLengths.contains(length) else {
                throw ServiceError(.invalidField, "Keep registers AES keys of 128, 192 or 256 bits")
            }
            attributes.other.removeAll { $0.tag == .digest }
            attributes.other.append(KeyDigest.attribute(of: try Self.digestInput(block, material: material), format: block.keyFormatType))
        case .secretData(let type, let block):
            material = try Self.keyBytes(block, allowed: [.opaque, .raw])
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
        if request.objectType != .template { ServerAttributes.setOnNewObject(&attributes, generated: false) }
        guard !material.isEmpty, material.count <= Self.maxValueByteCount else {
            throw ServiceError(.invalidField, "the registered value must be 1 to \(Self.maxValueByteCount) bytes")
        }
        let object = try context.hierarchy.register(in: context.domainID, attributes: attributes, material: material)
        context.touch(object.uid)
        context.idPlaceholder = object.uid
        return RegisterResponse(uniqueIdentifier: .text(object.uid))
    }

    /// The plaintext bytes of a Key Block in one of the `allowed` formats. Wrapped or compressed values are refused.
    static func keyBytes(_ block: KeyBlock, allowed: [KeyFormatType]) throws(ServiceError) -> SecureBytes {
        guard !block.isWrapped else {
            throw ServiceError(.featureNotSupported, "registering a wrapped key is not supported: register it unwrapped over the TLS session")
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

    /// The Key Block's algorithm and length agree with the template's and with the key, and fill what the
    /// template left out.
    static func reconcile(_ a: inout ObjectAttributes, with block: KeyBlock, bits: Int32) throws(ServiceError) {
        if let algorithm = block.cryptographicAlgorithm {
            guard a.cryptographicAlgorithm == nil || a.cryptographicAlgorithm == algorithm else {
                throw ServiceError(.invalidField, "the Key Block's Cryptographic Algorithm differs from the template's")
            }
            a.cryptographicAlgorithm = algorithm
        }
        for length in [block.cryptographicLength, a.cryptographicLength].compactMap({ $0 }) where length != bits {
            throw ServiceError(.invalidField, "Cryptographic Length \(length) does not match the \(bits)-bit key")
        }
        a.cryptographicLength = bits
    }
}

extension KeyValue {
    /// Attributes sent inside the Key Value structure (KMIP allows them there as well as in the template).
    var attachedAttributes: [Attribute]? {
        if case .structure(_, let attributes) = self { return attributes }
        return nil
    }
}
