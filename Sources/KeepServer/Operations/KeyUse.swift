import KMIP
import KeepCrypto
import KeyHierarchy

/// The ciphers the server runs with a managed key: for Encrypt/Decrypt, and for wrapping keys on Get.
enum KeyCipher: Hashable, Sendable {
    /// AES-GCM: 96-bit IV, 128-bit tag. KeepCrypto's GCM takes 256-bit keys only.
    case gcm
    /// AES Key Wrap, RFC 3394 (NIST KW).
    case keyWrap
    /// AES Key Wrap with Padding, RFC 5649 (NIST KWP).
    case keyWrapWithPadding

    /// Reads Cryptographic Parameters: AES (or unspecified) and one of the three modes, with no padding method
    /// and (GCM) the only IV and tag lengths offered. `defaultMode` applies when no Block Cipher Mode is given.
    init(_ parameters: CryptographicParameters?, defaultMode: BlockCipherMode?) throws(ServiceError) {
        if let algorithm = parameters?.cryptographicAlgorithm, algorithm != .aes {
            throw ServiceError(.unsupportedCryptographicParameters, "Keep's symmetric ciphers are AES, not \(algorithm)")
        }
        if let padding = parameters?.paddingMethod, padding != .noPadding {
            throw ServiceError(.unsupportedCryptographicParameters, "padding method \(padding) is not supported")
        }
        guard let mode = parameters?.blockCipherMode ?? defaultMode else {
            throw ServiceError(.invalidField, "Cryptographic Parameters with a Block Cipher Mode (GCM, NISTKeyWrap or AESKeyWrapPadding) are required")
        }
        switch mode {
        case .gcm:
            if let ivLength = parameters?.ivLength, ivLength != Int32(AESGCM.nonceByteCount * 8) {
                throw ServiceError(.unsupportedCryptographicParameters, "AES-GCM uses a 96-bit IV, not \(ivLength) bits")
            }
            if let tagLength = parameters?.tagLength, tagLength != Int32(AESGCM.tagByteCount) {
                throw ServiceError(.unsupportedCryptographicParameters, "AES-GCM uses a 16-byte tag, not \(tagLength) bytes")
            }
            self = .gcm
        case .nistKeyWrap: self = .keyWrap
        case .aesKeyWrapPadding: self = .keyWrapWithPadding
        default:
            throw ServiceError(.unsupportedCryptographicParameters, "block cipher mode \(mode) is not supported: use GCM, NISTKeyWrap or AESKeyWrapPadding")
        }
    }

    var isKeyWrap: Bool { self != .gcm }

    /// Usage-mask bits that allow encrypting with this cipher: key-wrapping modes also accept Wrap Key.
    var encryptUsage: CryptographicUsageMask { isKeyWrap ? [.encrypt, .wrapKey] : [.encrypt] }
    var decryptUsage: CryptographicUsageMask { isKeyWrap ? [.decrypt, .unwrapKey] : [.decrypt] }

    func wrap(_ data: SecureBytes, key: SymmetricKey) throws -> [UInt8] {
        switch self {
        case .keyWrap: try AESKeyWrap.wrap(data, using: key)
        case .keyWrapWithPadding: try AESKeyWrapWithPadding.wrap(data, using: key)
        case .gcm: throw ServiceError(.unsupportedCryptographicParameters, "GCM does not wrap keys here")
        }
    }

    func unwrap(_ data: [UInt8], key: SymmetricKey) throws -> SecureBytes {
        switch self {
        case .keyWrap: try AESKeyWrap.unwrap(data, using: key)
        case .keyWrapWithPadding: try AESKeyWrapWithPadding.unwrap(data, using: key)
        case .gcm: throw ServiceError(.unsupportedCryptographicParameters, "GCM does not unwrap keys here")
        }
    }
}

/// Checks shared by the operations that use a managed key inside the server.
enum KeyUse {
    /// The key an Encrypt, Decrypt or wrapped Get uses: an AES symmetric key in `states`, whose usage mask (when
    /// set) includes one of `usage`. Returns it with its material.
    static func key(_ uid: String, in context: OperationContext, states: [State], usage: CryptographicUsageMask,
                    purpose: String) throws -> (StoredObject, SymmetricKey) {
        let object = try context.object(uid)
        let a = object.attributes
        guard a.objectType == .symmetricKey, a.cryptographicAlgorithm == .aes else {
            throw ServiceError(.invalidField, "object \(uid) is not an AES key and cannot \(purpose)")
        }
        guard states.contains(a.state) else {
            throw ServiceError(.wrongLifecycleState, "key \(uid) is \(a.state) and cannot \(purpose)")
        }
        if let mask = a.usageMask, mask.isDisjoint(with: usage) {
            throw ServiceError(.incompatibleUsageMask, "key \(uid)'s Cryptographic Usage Mask does not allow it to \(purpose)")
        }
        return (object, SymmetricKey(try context.keyMaterial(object)))
    }

    /// The parameters a request gives, else the key's Cryptographic Parameters attribute (its first instance).
    static func parameters(_ given: CryptographicParameters?, of object: StoredObject) -> CryptographicParameters? {
        if let given { return given }
        guard case .cryptographicParameters(let stored)? = AttributeMapping.instances(.cryptographicParameters, in: object.attributes).first else {
            return nil
        }
        return stored
    }
}
