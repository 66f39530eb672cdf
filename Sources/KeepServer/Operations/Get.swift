import KMIP
import KeepCrypto
import KeyHierarchy

/// Get: the object's value. A symmetric key comes in Raw (default) or Transparent Symmetric Key format, in the
/// clear only if the domain's policy allows exporting KEKs; wrapped (Key Wrapping Specification) under another
/// AES key of the same domain with RFC 3394 (default) or RFC 5649 whatever the policy, since it then leaves the
/// server only under a key the server holds. Secret data comes in the format it was registered in; opaque
/// objects as they are.
///
/// Key Wrap Type (1.4+): Not Wrapped (the default) gives the plaintext, unwrapping a key registered wrapped with
/// its wrapping key (`RegisteredWrapping`); As Registered gives such a key exactly as registered (its wrapped bytes
/// and Key Wrapping Data), whatever the export policy, since it is wrapped under a key of the domain, and any other
/// object as Not Wrapped would. An object registered without its value comes back as its Key Block without a Key
/// Value; asking for it wrapped is Key Value Not Present.
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
        var asRegistered = false
        if let wrapType = request.keyWrapType, wrapType != .notWrapped {
            guard wrapType == .asRegistered else {
                throw ServiceError(.invalidField, "Key Wrap Type \(wrapType.rawValue) is neither Not Wrapped nor As Registered")
            }
            guard request.keyWrappingSpecification == nil else {
                throw ServiceError(.invalidField, "Key Wrap Type As Registered and a Key Wrapping Specification ask for two different forms")
            }
            asRegistered = true
        }
        let managed: KMIP.ManagedObject
        switch object.valueForm {
        case .erased:
            throw ServiceError(.objectDestroyed, "object \(uid) is \(a.state): its key material is destroyed")
        case .absent:
            guard request.keyWrappingSpecification == nil else {
                throw ServiceError(.keyValueNotPresent, "object \(uid) was registered without its value (Key Value Present is false): there is nothing to wrap")
            }
            managed = try withoutValue(object, format: request.keyFormatType)
        case .held, .registeredWrapped:
            let registeredForm = asRegistered && object.valueForm == .registeredWrapped
            // KMIP 1.4 §3.48–3.51: a non-extractable object's value never leaves the server; a sensitive one only wrapped.
            if ServerAttributes.boolean(.extractable, in: a) == false {
                throw ServiceError(.permissionDenied, "object \(uid) is not extractable: its value does not leave the server")
            }
            if ServerAttributes.boolean(.sensitive, in: a) == true && request.keyWrappingSpecification == nil && !registeredForm {
                throw ServiceError(.permissionDenied, "object \(uid) is sensitive: ask for it wrapped (Key Wrapping Specification)")
            }
            managed = try withValue(object, request: request, registeredForm: registeredForm, in: context)
        }
        if ServerAttributes.boolean(.fresh, in: a) == true {
            // Served once: no longer Fresh (KMIP 1.4 §3.34). A write, but only on the first Get.
            try context.hierarchy.updateAttributes(of: uid, in: context.domainID) { ServerAttributes.set(TTLV(.fresh, .boolean(false)), in: &$0) }
        }
        return GetResponse(uniqueIdentifier: .text(uid), object: managed)
    }

    /// An object that holds its value, plainly or as registered wrapped. `registeredForm`: As Registered was asked
    /// of a key registered wrapped.
    private func withValue(_ object: StoredObject, request: GetRequest, registeredForm: Bool, in context: OperationContext) throws -> KMIP.ManagedObject {
        let uid = object.uid
        let a = object.attributes
        switch a.objectType {
        case .symmetricKey:
            let format = request.keyFormatType ?? .raw
            guard format == .raw || format == .transparentSymmetricKey else {
                throw ServiceError(.keyFormatTypeNotSupported, "symmetric keys are returned as Raw or Transparent Symmetric Key, not \(format)")
            }
            if registeredForm {
                guard format == .raw else {
                    throw ServiceError(.keyFormatTypeNotSupported, "key \(uid) was registered wrapped in Raw format: As Registered returns it so")
                }
                return .symmetricKey(try registeredBlock(object, in: context))
            }
            if request.keyWrappingSpecification == nil && !context.domain.policy.allowsKeyExport {
                throw ServiceError(.permissionDenied, "domain \(context.domainID)'s policy does not export keys in the clear: "
                                   + "ask for the key wrapped (Key Wrapping Specification) or use Encrypt/Decrypt")
            }
            return .symmetricKey(try keyBlock(object, format: format, algorithm: a.cryptographicAlgorithm, length: a.cryptographicLength,
                                              wrapping: request.keyWrappingSpecification, in: context))
        case .secretData:
            let (type, format) = try secretForm(object, requested: request.keyFormatType)
            return .secretData(type, try keyBlock(object, format: format, algorithm: nil, length: nil, wrapping: request.keyWrappingSpecification, in: context))
        case .opaqueObject:
            guard request.keyFormatType == nil, request.keyWrappingSpecification == nil else {
                throw ServiceError(.featureNotSupported, "an opaque object is returned as it is: no key format or wrapping applies")
            }
            // Register always records the type; the fallback is the first vendor-defined value.
            let type = ObjectFacts.enumeration(ObjectFacts.opaqueDataType, in: a).map(OpaqueDataType.init(rawValue:)) ?? OpaqueDataType(rawValue: 0x8000_0000)
            return .opaqueObject(type, try context.keyMaterial(object))
        case .template:
            guard request.keyFormatType == nil, request.keyWrappingSpecification == nil else {
                throw ServiceError(.featureNotSupported, "a template is returned as it is: no key format or wrapping applies")
            }
            let attributes = try Templates.decode(try context.keyMaterial(object))
            return .preserved(.template, .structure(.template, attributes.map { $0.kmip1TTLV(version: context.version) }))
        default:
            throw ServiceError(.invalidField, "object \(uid) has no value Keep can return")
        }
    }

    /// An object registered without its value (KMIP 1.2+): its Key Block, with no Key Value.
    private func withoutValue(_ object: StoredObject, format requested: KeyFormatType?) throws -> KMIP.ManagedObject {
        let a = object.attributes
        switch a.objectType {
        case .symmetricKey:
            let format = requested ?? .raw
            guard format == .raw || format == .transparentSymmetricKey else {
                throw ServiceError(.keyFormatTypeNotSupported, "symmetric keys are returned as Raw or Transparent Symmetric Key, not \(format)")
            }
            return .symmetricKey(KeyBlock(keyFormatType: format, keyValue: nil, cryptographicAlgorithm: a.cryptographicAlgorithm,
                                          cryptographicLength: a.cryptographicLength))
        case .secretData:
            let (type, format) = try secretForm(object, requested: requested)
            return .secretData(type, KeyBlock(keyFormatType: format, keyValue: nil))
        default:
            throw ServiceError(.invalidField, "object \(object.uid) has no value Keep can return")
        }
    }

    /// A secret's Secret Data Type and the Key Format Type it was registered in, which is the one it is returned in.
    private func secretForm(_ object: StoredObject, requested: KeyFormatType?) throws(ServiceError) -> (SecretDataType, KeyFormatType) {
        let a = object.attributes
        let stored = ObjectFacts.enumeration(ObjectFacts.keyFormatType, in: a).map(KeyFormatType.init(rawValue:)) ?? .opaque
        guard (requested ?? stored) == stored else {
            throw ServiceError(.keyFormatTypeNotSupported, "this secret is returned in the format it was registered in, \(stored)")
        }
        return (ObjectFacts.enumeration(ObjectFacts.secretDataType, in: a).map(SecretDataType.init(rawValue:)) ?? .password, stored)
    }

    /// A key registered wrapped, as registered: the same wrapped bytes in the same Key Value form, and the same Key
    /// Wrapping Data. Only the server holds the key that opens it, so the export policy does not apply.
    private func registeredBlock(_ object: StoredObject, in context: OperationContext) throws -> KeyBlock {
        let registered = try context.hierarchy.registeredWrappedValue(of: object)
        if case .text(let wrappingUID)? = registered.keyWrappingData.encryptionKeyInformation?.uniqueIdentifier { context.touch(wrappingUID) }
        let value: KeyValue = switch registered.form {
        case .byteString: .byteString(registered.wrappedValue)
        case .keyMaterial: .structure(.bytes(registered.wrappedValue), attributes: nil)
        }
        return KeyBlock(keyFormatType: .raw, keyValue: value, cryptographicAlgorithm: object.attributes.cryptographicAlgorithm,
                        cryptographicLength: object.attributes.cryptographicLength, keyWrappingData: registered.keyWrappingData)
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
