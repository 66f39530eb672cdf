import KeepCrypto
import KeepHSM

/// Key material at rest: wrapped under the domain key, bound to where it is stored.
///
/// ```
/// offset size  field
///      0    1  format: 1 = the object's value (key material); 2 = a registered wrapped value (see below)
///      1    4  domain-key version the material is wrapped under (big-endian)
///      5    n  AES Key Wrap with Padding (RFC 5649) of the material, under HKDF-SHA-256(DK, context)
/// ```
/// The context (HKDF info) is `"keep/kek/v1" ‖ len‖domain ‖ len‖object id ‖ object type ‖ DK version ‖ format`,
/// each length a 16-bit big-endian prefix. A record copied to another object or another tenant, or with its
/// version or format fields edited, therefore unwraps under a different key and fails RFC 5649's integrity check.
/// The Root-of-Trust version above the DK is recorded with the DK inside the HSM partition, which RoT
/// rotation rewrites; KEK records never need touching for it.
///
/// Format 2 holds what a client registered wrapped under one of its own keys (`RegisteredWrappedValue`: the
/// Key Wrapping Data and the wrapped bytes), not a plaintext key. It is a format of its own, bound into the
/// context, so that no reader can take those bytes for the key itself: `KeyHierarchy.keyMaterial(of:)` refuses
/// it, and only `registeredWrappedValue(of:)` opens it. Format 1 records are read as they always were.
struct WrappedKeyRecord: Hashable {
    /// What the wrapped bytes are; the raw value is the record's first byte and the last byte of its context.
    enum Format: UInt8, Hashable {
        /// The object's value: the key material itself.
        case keyMaterial = 1
        /// A value the client registered wrapped under another key of its domain (`RegisteredWrappedValue`).
        case registeredWrapped = 2
    }

    static let label = Array("keep/kek/v1".utf8)

    var format: Format
    var domainKeyVersion: UInt32
    var wrapped: [UInt8]

    var bytes: [UInt8] { [format.rawValue] + withUnsafeBytes(of: domainKeyVersion.bigEndian, Array.init) + wrapped }

    init(format: Format = .keyMaterial, domainKeyVersion: UInt32, wrapped: [UInt8]) {
        self.format = format
        self.domainKeyVersion = domainKeyVersion
        self.wrapped = wrapped
    }

    init(decoding bytes: [UInt8]) throws {
        guard bytes.count > 5 else { throw HierarchyError(.corruptRecord, "wrapped key record truncated") }
        guard let format = Format(rawValue: bytes[0]) else {
            throw HierarchyError(.corruptRecord, "wrapped key record format \(bytes[0]) is not one this build reads")
        }
        self.format = format
        domainKeyVersion = bytes[1...4].reduce(0) { $0 << 8 | UInt32($1) }
        wrapped = Array(bytes[5...])
    }

    /// The format a stored record declares, without decoding the rest (nil for bytes no record starts with).
    static func format(of bytes: [UInt8]) -> Format? {
        bytes.first.flatMap(Format.init(rawValue:))
    }

    static func context(domainID: String, uid: String, objectType: UInt32, domainKeyVersion: UInt32,
                        format: Format = .keyMaterial) -> [UInt8] {
        func prefixed(_ s: String) -> [UInt8] {
            let utf8 = Array(s.utf8)
            return withUnsafeBytes(of: UInt16(utf8.count).bigEndian, Array.init) + utf8
        }
        return label + prefixed(domainID) + prefixed(uid) + withUnsafeBytes(of: objectType.bigEndian, Array.init)
            + withUnsafeBytes(of: domainKeyVersion.bigEndian, Array.init) + [format.rawValue]
    }

    static func wrap(_ material: SecureBytes, format: Format = .keyMaterial, hsm: any HSM, domainID: String, uid: String,
                     objectType: UInt32, domainKey: KeyHandle) throws -> WrappedKeyRecord {
        let context = context(domainID: domainID, uid: uid, objectType: objectType, domainKeyVersion: domainKey.version, format: format)
        return WrappedKeyRecord(format: format, domainKeyVersion: domainKey.version,
                                wrapped: try hsm.wrap(material, under: domainKey, context: context))
    }

    func unwrap(hsm: any HSM, domainID: String, uid: String, objectType: UInt32) throws -> SecureBytes {
        let handle = KeyHandle(label: Domain.domainKeyLabel(domainID), version: domainKeyVersion)
        let context = Self.context(domainID: domainID, uid: uid, objectType: objectType, domainKeyVersion: domainKeyVersion, format: format)
        do {
            return try hsm.unwrap(wrapped, under: handle, context: context)
        } catch let error as HSMError where error.code == .unwrapFailed {
            throw HierarchyError(.corruptRecord, "key record of \(uid) does not unwrap in domain \(domainID): altered or moved", underlying: error)
        }
    }
}
