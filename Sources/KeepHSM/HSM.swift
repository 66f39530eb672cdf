public import KeepCrypto

/// A key inside the HSM, by label and version. The handle is all a caller ever holds: key bytes never leave.
public struct KeyHandle: Hashable, Sendable, CustomStringConvertible {
    public let label: String
    public let version: UInt32

    public init(label: String, version: UInt32) {
        self.label = label
        self.version = version
    }

    public var description: String { "\(label)@v\(version)" }
}

/// What the HSM holds under one label.
public struct KeyInfo: Hashable, Sendable {
    public let label: String
    /// Versions present, ascending. The last is current: new wraps use it.
    public let versions: [UInt32]
    public var current: KeyHandle { KeyHandle(label: label, version: versions.last ?? 0) }
}

/// An HSM partition: non-exportable AES-256 keys referred to by handle, and the operations Keep needs of them.
///
/// The embedded partition (`EmbeddedHSM`) is the default; a PKCS#11 backend (SoftHSM2, then a network HSM)
/// implements the same protocol. Every wrap and MAC takes a `context` that the HSM binds into the key it uses
/// (HKDF), so a wrapped blob or MAC made for one context is useless in any other.
public protocol HSM: AnyObject, Sendable {
    /// The version of the Root of Trust in force. Every other key is wrapped under it inside the partition.
    func rootOfTrustVersion() throws -> UInt32

    /// Generates a new AES-256 key, version 1, under `label`. Fails if the label exists.
    @discardableResult
    func createKey(label: String) throws -> KeyHandle
    /// Adds a new version under `label`, which becomes current. Older versions stay until destroyed.
    @discardableResult
    func rotateKey(label: String) throws -> KeyHandle
    /// Destroys every version of `label` below `version`. The caller guarantees nothing refers to them.
    func destroyVersions(label: String, below version: UInt32) throws
    /// Destroys every version of `label`.
    func destroyKey(label: String) throws
    func keyInfo(label: String) throws -> KeyInfo?
    func keys() throws -> [KeyInfo]

    /// Wraps `key` (AES Key Wrap with Padding, RFC 5649) under a key derived from `handle` and `context`.
    func wrap(_ key: SecureBytes, under handle: KeyHandle, context: [UInt8]) throws -> [UInt8]
    /// Unwraps; fails with `.unwrapFailed` if the blob, handle or context differ from the wrap's.
    func unwrap(_ wrapped: [UInt8], under handle: KeyHandle, context: [UInt8]) throws -> SecureBytes
    /// HMAC-SHA-256 of `data` under a key derived from `handle` and `context`.
    func authenticationCode(for data: [UInt8], under handle: KeyHandle, context: [UInt8]) throws -> [UInt8]

    /// The public half of the Ed25519 signing key derived from `handle` and `context`. The private half exists only
    /// inside the HSM, for `sign`.
    func signingPublicKey(under handle: KeyHandle, context: [UInt8]) throws -> Ed25519.PublicKey
    /// An Ed25519 signature of `message` under the signing key derived from `handle` and `context`.
    func sign(_ message: [UInt8], under handle: KeyHandle, context: [UInt8]) throws -> [UInt8]

    /// Rotates the Root of Trust: a new version, every key re-wrapped under it, then the old version destroyed.
    /// Resumable: a rotation interrupted at any point leaves every key readable, and calling this again
    /// completes it instead of starting another. `progress` receives (done, total).
    @discardableResult
    func rotateRootOfTrust(progress: (Int, Int) -> Void) throws -> UInt32

    /// Which partition this is and how far its state has moved on, if the backend can tell; the hierarchy
    /// records it in the store to notice a partition swapped for another or rolled back to an older copy.
    func partitionVersion() throws -> PartitionVersion?
}

/// A partition's identity (random, fixed at `init`) and generation (incremented by every change it makes).
public struct PartitionVersion: Hashable, Sendable {
    public let id: [UInt8]
    public let generation: UInt64

    public init(id: [UInt8], generation: UInt64) {
        self.id = id
        self.generation = generation
    }
}

extension HSM {
    /// Backends that cannot tell (a network HSM may not expose a generation) answer nil.
    public func partitionVersion() throws -> PartitionVersion? { nil }

    /// An HSM without signing keys (a test double, a backend that has not implemented them) says so.
    public func signingPublicKey(under handle: KeyHandle, context: [UInt8]) throws -> Ed25519.PublicKey {
        throw HSMError(.crypto, "this HSM does not hold signing keys")
    }

    public func sign(_ message: [UInt8], under handle: KeyHandle, context: [UInt8]) throws -> [UInt8] {
        throw HSMError(.crypto, "this HSM does not hold signing keys")
    }

    @discardableResult
    public func rotateRootOfTrust() throws -> UInt32 { try rotateRootOfTrust { _, _ in } }
}
