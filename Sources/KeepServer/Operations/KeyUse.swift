import KMIP
import KeepCrypto
import KeyHierarchy

/// The ciphers the server runs with a managed AES key: for Encrypt/Decrypt, and for wrapping keys on Get.
enum KeyCipher: Hashable, Sendable {
    /// ECB or CBC, with PKCS#7 padding (KMIP "PKCS5") or none.
    case block(AESBlockMode, padding: Bool)
    /// AES-GCM with a tag of `tagByteCount` bytes (12 to 16).
    case gcm(tagByteCount: Int)
    /// AES Key Wrap, RFC 3394 (NIST KW).
    case keyWrap
    /// AES Key Wrap with Padding, RFC 5649 (NIST KWP).
    case keyWrapWithPadding

    /// Reads Cryptographic Parameters: AES (or unspecified), a mode Keep runs, a padding method it offers for that
    /// mode, and (GCM) a tag length of 12 to 16 bytes (SP 800-38D's general-purpose lengths; KMIP's default is 16).
    /// `defaultMode` applies when no Block Cipher Mode is given.
    init(_ parameters: CryptographicParameters?, defaultMode: BlockCipherMode?) throws(ServiceError) {
        if let algorithm = parameters?.cryptographicAlgorithm, algorithm != .aes {
            throw ServiceError(.unsupportedCryptographicParameters, "Keep's symmetric ciphers are AES, not \(algorithm)")
        }
        guard let mode = parameters?.blockCipherMode ?? defaultMode else {
            throw ServiceError(.invalidField, "Cryptographic Parameters with a Block Cipher Mode (ECB, CBC, GCM, NISTKeyWrap or AESKeyWrapPadding) are required")
        }
        let padding = parameters?.paddingMethod
        if let padding, padding != .noPadding && !(padding == .pkcs5 && (mode == .ecb || mode == .cbc)) {
            throw ServiceError(.unsupportedCryptographicParameters, "padding method \(padding) is not supported with \(mode): ECB and CBC take PKCS5 or none")
        }
        switch mode {
        case .ecb: self = .block(.ecb, padding: padding == .pkcs5)
        case .cbc: self = .block(.cbc, padding: padding == .pkcs5)
        case .gcm:
            let tagLength = Int(parameters?.tagLength ?? Int32(AESGCM.tagByteCount))
            guard AESGCMMode.tagByteCounts.contains(tagLength) else {
                throw ServiceError(.badCryptographicParameters, "an AES-GCM tag is 12 to 16 bytes, not \(tagLength)")
            }
            self = .gcm(tagByteCount: tagLength)
        case .nistKeyWrap: self = .keyWrap
        case .aesKeyWrapPadding: self = .keyWrapWithPadding
        default:
            throw ServiceError(.unsupportedCryptographicParameters, "block cipher mode \(mode) is not supported: use ECB, CBC, GCM, NISTKeyWrap or AESKeyWrapPadding")
        }
    }

    var isKeyWrap: Bool { self == .keyWrap || self == .keyWrapWithPadding }

    /// Usage-mask bits that allow encrypting with this cipher: key-wrapping modes also accept Wrap Key.
    var encryptUsage: CryptographicUsageMask { isKeyWrap ? [.encrypt, .wrapKey] : [.encrypt] }
    var decryptUsage: CryptographicUsageMask { isKeyWrap ? [.decrypt, .unwrapKey] : [.decrypt] }

    func wrap(_ data: SecureBytes, key: SymmetricKey) throws -> [UInt8] {
        switch self {
        case .keyWrap: try AESKeyWrap.wrap(data, using: key)
        case .keyWrapWithPadding: try AESKeyWrapWithPadding.wrap(data, using: key)
        default: throw ServiceError(.unsupportedCryptographicParameters, "\(self) does not wrap keys here")
        }
    }

    func unwrap(_ data: [UInt8], key: SymmetricKey) throws -> SecureBytes {
        switch self {
        case .keyWrap: try AESKeyWrap.unwrap(data, using: key)
        case .keyWrapWithPadding: try AESKeyWrapWithPadding.unwrap(data, using: key)
        default: throw ServiceError(.unsupportedCryptographicParameters, "\(self) does not unwrap keys here")
        }
    }
}

/// Checks shared by the operations that use a managed key inside the server.
enum KeyUse {
    /// What a use does to data, for the dates that bound it (KMIP 1.4 §3.25, §3.26).
    enum Direction {
        /// Encrypt, wrap: not after the key's Protect Stop Date.
        case protect
        /// Decrypt, unwrap: not before the key's Process Start Date.
        case process
    }

    /// The key an Encrypt, Decrypt or wrapped Get uses: an AES symmetric key in `states`, whose usage mask (when
    /// set) includes one of `usage`, inside its protect or process window. Returns it with its material.
    static func key(_ uid: String, in context: OperationContext, states: [State], usage: CryptographicUsageMask, direction: Direction,
                    purpose: String) throws -> (StoredObject, SymmetricKey) {
        let object = try check(uid, in: context, states: states, usage: usage, direction: direction, purpose: purpose)
        return (object, SymmetricKey(try context.keyMaterial(object)))
    }

    /// The checks of `key(_:in:states:usage:direction:purpose:)` without the material: what every later part of a
    /// stream checks again, so a key revoked, destroyed, moved past its dates or narrowed in use mid-stream stops it.
    static func check(_ uid: String, in context: OperationContext, states: [State], usage: CryptographicUsageMask, direction: Direction,
                      purpose: String) throws -> StoredObject {
        let object = try context.object(uid)
        try check(object, in: context, states: states, usage: usage, direction: direction, purpose: purpose)
        return object
    }

    /// The same checks on an object the caller has read already, and its material.
    static func key(_ object: StoredObject, in context: OperationContext, states: [State], usage: CryptographicUsageMask, direction: Direction,
                    purpose: String) throws -> SymmetricKey {
        try check(object, in: context, states: states, usage: usage, direction: direction, purpose: purpose)
        return SymmetricKey(try context.keyMaterial(object))
    }

    private static func check(_ object: StoredObject, in context: OperationContext, states: [State], usage: CryptographicUsageMask,
                              direction: Direction, purpose: String) throws {
        let uid = object.uid
        let a = object.attributes
        guard a.objectType == .symmetricKey, a.cryptographicAlgorithm == .aes else {
            throw ServiceError(.invalidField, "object \(uid) is not an AES key and cannot \(purpose)")
        }
        guard object.valueForm != .absent else {
            throw ServiceError(.keyValueNotPresent, "key \(uid) was registered without its value (Key Value Present is false) and cannot \(purpose)")
        }
        guard states.contains(a.state) else {
            throw ServiceError(.wrongLifecycleState, "key \(uid) is \(a.state) and cannot \(purpose)")
        }
        if let mask = a.usageMask, mask.isDisjoint(with: usage) {
            throw ServiceError(.incompatibleUsageMask, "key \(uid)'s Cryptographic Usage Mask does not allow it to \(purpose)")
        }
        switch direction {
        case .protect:
            if let stop = date(.protectStopDate, in: a), stop <= context.now {
                throw ServiceError(.permissionDenied, "key \(uid) is past its Protect Stop Date and cannot \(purpose)")
            }
        case .process:
            if let start = date(.processStartDate, in: a), start > context.now {
                throw ServiceError(.permissionDenied, "key \(uid) is before its Process Start Date and cannot \(purpose)")
            }
        }
    }

    /// The parameters a request gives, else the key's Cryptographic Parameters attribute (its first instance).
    static func parameters(_ given: CryptographicParameters?, of object: StoredObject) -> CryptographicParameters? {
        if let given { return given }
        guard case .cryptographicParameters(let stored)? = AttributeMapping.instances(.cryptographicParameters, in: object.attributes).first else {
            return nil
        }
        return stored
    }

    /// Usage Limits (KMIP 1.4 §3.21) in bytes: `count` bytes of the key's allowance are taken, or the use is
    /// refused when fewer remain. The Usage Limits Count starts at the Total and only goes down. A key without
    /// Usage Limits, or limited in objects rather than bytes, is not counted here.
    static func consumeUsage(_ count: Int, of uid: String, in context: OperationContext) throws {
        guard let limits = try context.object(uid).attributes.other.first(where: { $0.tag == .usageLimits }),
              case .enumeration(UsageLimitsUnit.byte.rawValue)? = limits[.usageLimitsUnit]?.value else { return }
        try context.hierarchy.updateAttributes(of: uid, in: context.domainID) { a in
            guard let position = a.other.firstIndex(where: { $0.tag == .usageLimits }) else { return }
            var fields = a.other[position].children
            let remaining = fields.first { $0.tag == .usageLimitsCount }.flatMap(longValue) ?? fields.first { $0.tag == .usageLimitsTotal }.flatMap(longValue) ?? 0
            guard remaining >= Int64(count) else {
                throw ServiceError(.usageLimitExceeded, "key \(uid) has \(remaining) bytes of its Usage Limits left, not \(count)")
            }
            fields.removeAll { $0.tag == .usageLimitsCount }
            let total = fields.firstIndex { $0.tag == .usageLimitsTotal }.map { $0 + 1 } ?? 0
            fields.insert(TTLV(.usageLimitsCount, .longInteger(remaining - Int64(count))), at: total)
            a.other[position] = TTLV(.usageLimits, .structure(fields))
        }
    }

    private static func longValue(_ item: TTLV) -> Int64? {
        switch item.value {
        case .longInteger(let v): v
        case .integer(let v): Int64(v)
        default: nil
        }
    }

    private static func date(_ tag: Tag, in a: ObjectAttributes) -> Int64? {
        guard case .dateTime(let seconds)? = a.other.first(where: { $0.tag == tag })?.value else { return nil }
        return seconds
    }
}
