import KMIP
import KeepCrypto
import KeyHierarchy

/// Symmetric keys a client registers wrapped under another key of its domain (Register with Key Wrapping Data):
/// what Register accepts, and how the server recovers the key when an operation needs it.
///
/// Keep stores the wrapped form exactly as registered (`RegisteredWrappedValue`, itself under the domain's DK) and
/// unwraps it at use, never at Register:
/// - Get As Registered returns the registered form unchanged, so it must be kept whatever else is.
/// - The wrapping key keeps governing the key it wraps: revoke, deactivate or destroy it, or take Unwrap Key out of
///   its usage mask, and the wrapped key can no longer be used; nothing unwrapped lingers at rest.
/// - Register succeeds whatever the wrapping key allows today (the OASIS case TC-WRAP-1-14 registers under a key
///   whose usage mask is Wrap Key alone), and the checks happen when the key is needed.
/// The cost is one unwrap of the wrapping key and one AES key unwrap per use.
///
/// Unwrapping (Get Not Wrapped, Get with a Key Wrapping Specification, Encrypt, Decrypt, use as a wrapping key)
/// needs the wrapping key in the caller's domain (another domain's is not found, as if absent), Active, an AES
/// key whose usage mask allows Unwrap Key, past its Process Start Date, holding its own value (not itself
/// registered wrapped or without value: one level is unwrapped). The algorithm is the Key Wrapping Data's: AES
/// Key Wrap (RFC 3394, the default) or with Padding (RFC 5649), No Encoding.
enum RegisteredWrapping {
    /// Checks the wrapped Key Block of a symmetric key registered with `attributes` (algorithm and length already
    /// settled) and the key it names; returns the form to store. The wrapping key must exist in the caller's
    /// domain and hold its value; its state and usage are checked at use.
    static func accept(_ block: KeyBlock, attributes: ObjectAttributes, in context: OperationContext) throws -> RegisteredWrappedValue {
        guard let data = block.keyWrappingData else {
            throw ServiceError(.invalidField, "the Key Block has no Key Wrapping Data")
        }
        guard data.wrappingMethod == .encrypt else {
            throw ServiceError(.featureNotSupported, "wrapping method \(data.wrappingMethod) is not supported: register keys wrapped with Encrypt")
        }
        guard data.macSignatureKeyInformation == nil, data.macSignature == nil else {
            throw ServiceError(.featureNotSupported, "MAC/signature key wrapping is not supported")
        }
        guard data.ivCounterNonce == nil else {
            throw ServiceError(.featureNotSupported, "AES key wrap takes no IV/Counter/Nonce: RFC 3394 and RFC 5649 fix their initial values")
        }
        // KMIP 1.0 has no Encoding Option and wraps the key bytes; from 1.1 an absent one means TTLV encoding (1.4 §2.1.5).
        guard (data.encodingOption ?? (context.version >= .v1_1 ? .ttlvEncoding : .noEncoding)) == .noEncoding else {
            throw ServiceError(.encodingOptionError, "keys are registered wrapped with No Encoding (the wrapped key bytes alone)")
        }
        guard block.keyFormatType == .raw else {
            throw ServiceError(.keyFormatTypeNotSupported, "a key registered wrapped is Raw (No Encoding wraps the bytes of a Raw key), not \(block.keyFormatType)")
        }
        guard let information = data.encryptionKeyInformation else {
            throw ServiceError(.invalidField, "the Key Wrapping Data needs Encryption Key Information naming the wrapping key")
        }
        guard case .text(let wrappingUID) = information.uniqueIdentifier else {
            throw ServiceError(.invalidField, "the wrapping key is named by its Unique Identifier")
        }
        guard try KeyCipher(information.cryptographicParameters, defaultMode: .nistKeyWrap).isKeyWrap else {
            throw ServiceError(.unsupportedCryptographicParameters, "keys are registered wrapped with NISTKeyWrap (RFC 3394) or AESKeyWrapPadding (RFC 5649)")
        }
        let form: RegisteredWrappedValue.Form, wrapped: SecureBytes
        switch block.keyValue {
        case .byteString(let bytes)?: (form, wrapped) = (.byteString, bytes)
        case .structure(.bytes(let bytes), attributes: nil)?: (form, wrapped) = (.keyMaterial, bytes)
        case .structure(.bytes, attributes: _)?:
            throw ServiceError(.invalidField, "a wrapped Key Value carries no attributes here: send them in the template")
        default:
            throw ServiceError(.invalidField, "a wrapped Key Value is the wrapped bytes: a Byte String, or a Key Material Byte String")
        }
        // Wrapping an AES key (16, 24 or 32 bytes, whole 8-byte blocks) adds one 8-byte block, with or without padding.
        guard let length = attributes.cryptographicLength, wrapped.count == Int(length) / 8 + 8 else {
            throw ServiceError(.invalidField, "\(wrapped.count) wrapped bytes do not hold a \(attributes.cryptographicLength ?? 0)-bit key under AES key wrap")
        }
        context.touch(wrappingUID)
        let wrapping = try wrappingKey(wrappingUID, in: context)
        guard wrapping.attributes.objectType == .symmetricKey, wrapping.attributes.cryptographicAlgorithm == .aes else {
            throw ServiceError(.invalidField, "object \(wrappingUID) is not an AES key and cannot wrap keys")
        }
        switch wrapping.valueForm {
        case .held: break
        case .registeredWrapped:
            throw ServiceError(.featureNotSupported, "wrapping key \(wrappingUID) is itself registered wrapped: Keep unwraps one level")
        case .absent:
            throw ServiceError(.keyValueNotPresent, "wrapping key \(wrappingUID) was registered without its value")
        case .erased:
            throw ServiceError(.objectDestroyed, "wrapping key \(wrappingUID) is destroyed")
        }
        return RegisteredWrappedValue(form: form, keyWrappingData: data, wrappedValue: wrapped)
    }

    /// The plaintext of `object`, a key registered wrapped, unwrapped with the key its Key Wrapping Data names if
    /// that key may unwrap it now. Errors name the keys, never a value.
    static func unwrap(_ object: StoredObject, in context: OperationContext) throws -> SecureBytes {
        let registered = try context.hierarchy.registeredWrappedValue(of: object)
        // Register accepted only Key Wrapping Data that names its key.
        guard let information = registered.keyWrappingData.encryptionKeyInformation, case .text(let wrappingUID) = information.uniqueIdentifier else {
            throw ServiceError(.cryptographicFailure, "the Key Wrapping Data registered with object \(object.uid) names no wrapping key")
        }
        context.touch(wrappingUID)
        let wrapping = try wrappingKey(wrappingUID, in: context)
        guard wrapping.valueForm != .registeredWrapped else {
            throw ServiceError(.featureNotSupported, "wrapping key \(wrappingUID) is itself registered wrapped: Keep unwraps one level")
        }
        let key = try KeyUse.key(wrapping, in: context, states: [.active], usage: [.unwrapKey], direction: .process,
                                 purpose: "unwrap key \(object.uid)")
        let cipher = try KeyCipher(information.cryptographicParameters, defaultMode: .nistKeyWrap)
        let plaintext: SecureBytes
        do {
            plaintext = try cipher.unwrap(registered.wrappedValue.copyBytes(), key: key)
        } catch let error as CryptoError where error.code == .authenticationFailure {
            throw ServiceError(.cryptographicFailure, "the value registered for object \(object.uid) does not unwrap under key \(wrappingUID): another key, or altered")
        }
        guard let length = object.attributes.cryptographicLength, plaintext.count * 8 == Int(length) else {
            throw ServiceError(.cryptographicFailure, "the key unwrapped for object \(object.uid) is \(plaintext.count * 8) bits, "
                               + "not its Cryptographic Length \(object.attributes.cryptographicLength ?? 0)")
        }
        return plaintext
    }

    /// The wrapping key, if it is in the caller's domain; another domain's is not found, exactly like a missing one.
    private static func wrappingKey(_ uid: String, in context: OperationContext) throws -> StoredObject {
        do {
            return try context.object(uid)
        } catch let error as HierarchyError where error.code == .objectNotFound {
            throw ServiceError(.wrappingKeyNotFound, "no wrapping key \(uid)")
        }
    }
}
