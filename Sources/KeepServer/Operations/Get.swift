import KMIP
import KeepCrypto
import KeyHierarchy

/// Get: the object's value. A symmetric key comes in Raw (default) or Transparent Symmetric Key format, in the
/// clear only if the domain's policy allows exporting KEKs; wrapped (Key Wrapping Specification) under another
/// AES key of the same domain with RFC 3394 (default) or RFC 5649 whatever the policy, since it then leaves the
/// server only under a key the server holds. Secret data comes in the format it was registered in; opaque
/// objects as they are.
struct GetHandler: OperationHandler {
    let access = OperationAccess.readKeyMaterial
    let introduced = ProtocolVersion.v1_0

    func handle(_ request: GetRequest, in context: OperationContext) throws -> any ResponsePayload {
        let uid = try context.resolve(request.uniqueIdentifier)
        let object = try context.object(uid)
        context.idPlaceholder = uid
        let a = object.attributes
        guard request.keyCompressionType == nil else {
            throw ServiceError(.keyCompressionTypeNotSupported, "key compression is not supported")
        }
        guard object.hasKeyMaterial else {
            throw ServiceError(.objectDestroyed, "object \(uid) is \(a.state): its key material is destroyed")
        }
        // KMIP 1.4 §3.48–3.51: a non-extractable object's value never leaves the server; a sensitive one only wrapped.
        if ServerAttributes.boolean(.extractable, in: a) == false {
            throw ServiceError(.permissionDenied, "object \(uid) is not extractable: its value does not leave the server")
        }
        if ServerAttributes.boolean(.sensitive, in: a) == true && request.keyWrappingSpecification == nil {
            throw ServiceError(.permissionDenied, "object \(uid) is sensitive: ask for it wrapped (Key Wrapping Specification)")
        }
        let managed: KMIP.ManagedObject
        switch a.objectType {
        case .symmetricKey:
            let format = request.keyFormatType ?? .raw
            guard format == .raw || format == .transparentSymmetricKey else {
                throw ServiceError(.keyFormatTypeNotSupported, "symmetric keys are returned as Raw or Transparent Symmetric Key, not \(format)")
            }
            if request.keyWrappingSpecification == nil && !context.domain.policy.allowsKeyExport {
                throw ServiceError(.permissionDenied, "domain \(context.domainID)'s policy does not export keys in the clear: "
                                   + "ask for the key wrapped (Key Wrapping Specification) or use Encrypt/Decrypt")
            }
            let block = try keyBlock(object, format: format, algorithm: a.cryptographicAlgorithm, length: a.cryptographicLength,
                                     wrapping: request.keyWrappingSpecification, in: context)
            managed = .symmetricKey(block)
        case .secretData:
            let stored = ObjectFacts.enumeration(ObjectFacts.keyFormatType, in: a).map(KeyFormatType.init(rawValue:)) ?? .opaque
            let format = request.keyFormatType ?? stored
            guard format == stored else {
                throw ServiceError(.keyFormatTypeNotSupported, "this secret is returned in the format it was registered in, \(stored)")
            }
            let type = ObjectFacts.enumeration(ObjectFacts.secretDataType, in: a).map(SecretDataType.init(rawValue:)) ?? .password
            let block = try keyBlock(object, format: format, algorithm: nil, length: nil, wrapping: request.keyWrappingSpecification, in: context)
            managed = .secretData(type, block)
        case .opaqueObject:
            guard request.keyFormatType == nil, request.keyWrappingSpecification == nil else {
                throw ServiceError(.featureNotSupported, "an opaque object is returned as it is: no key format or wrapping applies")
            }
            // Register always records the type; the fallback is the first vendor-defined value.
            let type = ObjectFacts.enumeration(ObjectFacts.opaqueDataType, in: a).map(OpaqueDataType.init(rawValue:)) ?? OpaqueDataType(rawValue: 0x8000_0000)
            managed = .opaqueObject(type, try context.keyMaterial(object))
        case .template:
            guard request.keyFormatType == nil, request.keyWrappingSpecification == nil else {
                throw ServiceError(.featureNotSupported, "a template is returned as it is: no key format or wrapping applies")
            }
            let attributes = try Templates.decode(try context.keyMaterial(object))
            managed = .preserved(.template, .structure(.template, attributes.map { $0.kmip1TTLV(version: context.version) }))
        default:
            throw ServiceError(.invalidField, "object \(uid) has no value Keep can return")
        }
        if ServerAttributes.boolean(.fresh, in: a) == true {
            // Served once: no longer Fresh (KMIP 1.4 §3.34). A write, but only on the first Get.
            try context.hierarchy.updateAttributes(of: uid, in: context.domainID) { ServerAttributes.set(TTLV(.fresh, .boolean(false)), in: &$0) }
        }
        return GetResponse(uniqueIdentifier: .text(uid), object: managed)
    }

    private func keyBlock(_ object: StoredObject, format: KeyFormatType, algorithm: CryptographicAlgorithm?, length: Int32?,
                          wrapping: KeyWrappingSpecification?, in context: OperationContext) throws -> KeyBlock {
        let uid = object.uid
        guard let wrapping else {
            let material = try context.keyMaterial(object)
            let keyMaterial: KeyMaterial = format == .transparentSymmetricKey ? .transparentSymmetricKey(material) : .bytes(material)
            return KeyBlock(keyFormatType: format, keyValue: .structure(keyMaterial, attributes: nil),
                            cryptographicAlgorithm: algorithm, cryptographicLength: length)
        }
        guard wrapping.wrappingMethod == .encrypt else {
            throw ServiceError(.featureNotSupported, "wrapping method \(wrapping.wrappingMethod) is not supported: use Encrypt")
        }
        guard wrapping.macSignatureKeyInformation == nil else {
            throw ServiceError(.featureNotSupported, "MAC/signature key wrapping is not supported")
        }
        guard wrapping.encodingOption == nil || wrapping.encodingOption == .noEncoding, wrapping.attributeNames.isEmpty else {
            throw ServiceError(.encodingOptionError, "keys are wrapped with No Encoding (the key bytes alone, without attributes)")
        }
        guard let information = wrapping.encryptionKeyInformation else {
            throw ServiceError(.invalidField, "a Key Wrapping Specification needs Encryption Key Information")
        }
        guard case .text(let wrappingUID) = information.uniqueIdentifier else {
            throw ServiceError(.invalidField, "the wrapping key is named by its Unique Identifier")
        }
        guard wrappingUID != uid else {
            throw ServiceError(.invalidField, "a key cannot be wrapped under itself")
        }
        let cipher = try KeyCipher(information.cryptographicParameters, defaultMode: .nistKeyWrap)
        guard cipher.isKeyWrap else {
            throw ServiceError(.unsupportedCryptographicParameters, "keys are wrapped with NISTKeyWrap (RFC 3394) or AESKeyWrapPadding (RFC 5649)")
        }
        context.touch(wrappingUID)
        let wrappingKey: SymmetricKey
        do {
            (_, wrappingKey) = try KeyUse.key(wrappingUID, in: context, states: [.active], usage: [.wrapKey], direction: .protect, purpose: "wrap keys")
        } catch let error as HierarchyError where error.code == .objectNotFound {
            // Not in the caller's domain: reported exactly like a wrapping key that does not exist.
            throw ServiceError(.wrappingKeyNotFound, "no wrapping key \(wrappingUID)")
        }
        let wrapped = try cipher.wrap(try context.keyMaterial(object), key: wrappingKey)
        // Encoding Option arrived in 1.1; a 1.0 Key Wrapping Data has none (and means the same: no encoding).
        let data = KeyWrappingData(wrappingMethod: .encrypt, encryptionKeyInformation: information,
                                   encodingOption: context.version >= .v1_1 ? .noEncoding : nil)
        let value: KeyValue = switch context.caller.wireProfile {
        case .standard: .byteString(SecureBytes(wrapped))
        case .pykmip: .structure(.bytes(SecureBytes(wrapped)), attributes: nil)
        }
        return KeyBlock(keyFormatType: format, keyValue: value, cryptographicAlgorithm: algorithm,
                        cryptographicLength: length, keyWrappingData: data)
    }
}
