#if canImport(Glibc)
import Glibc
#endif
import KeepCrypto
import KeepSync

/// The embedded HSM: a partition file sealed under a PIN (see `PartitionFile`), held open by one process.
///
/// Inside the partition, the Root of Trust versions are stored as they are (the file's seal protects them) and
/// every other key is stored wrapped under a Root-of-Trust version, so rotating the RoT re-wraps them all.
/// Every change is written atomically before it is acknowledged.
public final class EmbeddedHSM: HSM {
    public let path: String
    private let state: Locked<PartitionState>
    private let sealing: PartitionFile.SealingKeys
    private let lockDescriptor: Int32
    /// Test hook: called after each durable step of a multi-step operation; throwing simulates a crash there.
    let faultInjector: (@Sendable (String) throws -> Void)?

    /// Creates a new partition with a fresh Root of Trust. Refuses to overwrite an existing one.
    public static func initialize(path: String, pin: PINSource, parameters: Scrypt.Parameters = .interactive) throws -> EmbeddedHSM {
        let lock = try Self.lock(path)
        do {
            if access(path, F_OK) == 0 { throw HSMError(.partitionExists, "an HSM partition already exists at \(path)") }
            let sealing = try PartitionFile.SealingKeys(pin: pin.read(), salt: SecureRandom.publicBytes(count: 32), parameters: parameters)
            let root = try SecureRandom.bytes(count: 32)
            let state = PartitionState(partitionID: try SecureRandom.publicBytes(count: 16), generation: 1,
                                       roots: [1: SymmetricKey(root)], currentRoot: 1, pendingRoot: nil, keys: [:])
            try PartitionFile.writeAtomically(PartitionFile.seal(state.serialized(), with: sealing), to: path, exclusive: true)
            return EmbeddedHSM(path: path, state: state, sealing: sealing, lockDescriptor: lock, faultInjector: nil)
        } catch {
            close(lock)
            throw error
        }
    }

    /// Opens an existing partition. A wrong PIN, a damaged file or an unknown version is an error and changes nothing.
    public convenience init(path: String, pin: PINSource) throws {
        try self.init(path: path, pin: pin, faultInjector: nil)
    }

    convenience init(path: String, pin: PINSource, faultInjector: (@Sendable (String) throws -> Void)?) throws {
        let lock = try Self.lock(path)
        do {
            PartitionFile.removeStaleTemporaries(of: path)
            let file = try PartitionFile.read(path)
            let header = try PartitionFile.header(of: file)
            let sealing = try PartitionFile.SealingKeys(pin: pin.read(), salt: header.salt, parameters: header.parameters)
            let contents = try PartitionFile.open(file, header: header, with: sealing)
            let state = try PartitionState(deserializing: contents)
            self.init(path: path, state: state, sealing: sealing, lockDescriptor: lock, faultInjector: faultInjector)
        } catch {
            close(lock)
            throw error
        }
    }

    private init(path: String, state: PartitionState, sealing: PartitionFile.SealingKeys, lockDescriptor: Int32,
                 faultInjector: (@Sendable (String) throws -> Void)?) {
        self.path = path
        self.state = Locked(state)
        self.sealing = sealing
        self.lockDescriptor = lockDescriptor
        self.faultInjector = faultInjector
    }

    deinit { close(lockDescriptor) }

    /// One process at a time: a second keepd on the same partition would lose the first one's writes.
    private static func lock(_ path: String) throws -> Int32 {
        let fd = open("\(path).lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw HSMError(.io, "cannot open \(path).lock: \(String(cString: strerror(errno)))") }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            throw HSMError(.partitionInUse, "another process has the HSM partition \(path) open")
        }
        return fd
    }

    // MARK: HSM

    public func rootOfTrustVersion() throws -> UInt32 { state.withLock { $0.currentRoot } }

    public func partitionVersion() throws -> PartitionVersion? {
        state.withLock { PartitionVersion(id: $0.partitionID, generation: $0.generation) }
    }

    @discardableResult
    public func createKey(label: String) throws -> KeyHandle {
        try PartitionState.validate(label: label)
        return try mutate { state in
            guard state.keys[label] == nil else { throw HSMError(.keyExists, "key \(label) exists") }
            let handle = KeyHandle(label: label, version: 1)
            try state.add(handle, key: SymmetricKey(SecureRandom.bytes(count: 32)))
            return handle
        }
    }

    @discardableResult
    public func rotateKey(label: String) throws -> KeyHandle {
        try mutate { state in
            guard let versions = state.keys[label], let latest = versions.keys.max() else {
                throw HSMError(.keyNotFound, "no key \(label)")
            }
            let handle = KeyHandle(label: label, version: latest + 1)
            try state.add(handle, key: SymmetricKey(SecureRandom.bytes(count: 32)))
            return handle
        }
    }

    /// Destroys every version of `label` older than `version`, which must exist (so the label always keeps a
    /// current version). Running it again is a no-op that writes nothing.
    public func destroyVersions(label: String, below version: UInt32) throws {
        let versions = state.withLock { $0.keys[label].map { Array($0.keys) } }
        guard let versions, versions.contains(version) else { throw HSMError(.keyNotFound, "no key \(label) version \(version)") }
        guard versions.contains(where: { $0 < version }) else { return }
        try mutate { state in
            state.keys[label] = state.keys[label]?.filter { $0.key >= version }
        }
    }

    public func destroyKey(label: String) throws {
        try mutate { state in
            guard state.keys.removeValue(forKey: label) != nil else { throw HSMError(.keyNotFound, "no key \(label)") }
        }
    }

    public func keyInfo(label: String) throws -> KeyInfo? {
        state.withLock { state in state.keys[label].map { KeyInfo(label: label, versions: $0.keys.sorted()) } }
    }

    public func keys() throws -> [KeyInfo] {
        state.withLock { state in
            state.keys.map { KeyInfo(label: $0.key, versions: $0.value.keys.sorted()) }.sorted { $0.label < $1.label }
        }
    }

    public func wrap(_ key: SecureBytes, under handle: KeyHandle, context: [UInt8]) throws -> [UInt8] {
        let kek = try derived(handle, purpose: .wrap, context: context)
        do { return try AESKeyWrapWithPadding.wrap(key, using: kek) } catch { throw HSMError(.crypto, "wrap under \(handle): \(error)") }
    }

    public func unwrap(_ wrapped: [UInt8], under handle: KeyHandle, context: [UInt8]) throws -> SecureBytes {
        let kek = try derived(handle, purpose: .wrap, context: context)
        do {
            return try AESKeyWrapWithPadding.unwrap(wrapped, using: kek)
        } catch {
            throw HSMError(.unwrapFailed, "blob does not unwrap under \(handle) in this context")
        }
    }

    public func authenticationCode(for data: [UInt8], under handle: KeyHandle, context: [UInt8]) throws -> [UInt8] {
        let key = try derived(handle, purpose: .mac, context: context)
        do { return try HMACSHA256.authenticationCode(for: data, using: key) } catch { throw HSMError(.crypto, "MAC under \(handle): \(error)") }
    }

    public func signingPublicKey(under handle: KeyHandle, context: [UInt8]) throws -> Ed25519.PublicKey {
        try signingKey(handle, context: context).publicKey
    }

    public func sign(_ message: [UInt8], under handle: KeyHandle, context: [UInt8]) throws -> [UInt8] {
        let key = try signingKey(handle, context: context)
        do { return try key.signature(for: message) } catch { throw HSMError(.crypto, "signature under \(handle): \(error)") }
    }

    /// The Ed25519 key of (handle, context): its 32-byte seed is HKDF output, which RFC 8032 accepts as a private
    /// key as it is (any 32 uniformly random bytes). The partition therefore stores nothing new for signing: the
    /// key under `handle` is an ordinary partition key, versioned, rotated and wrapped like every other, and the
    /// purpose salt keeps its signing seed independent of its wrap and MAC keys.
    private func signingKey(_ handle: KeyHandle, context: [UInt8]) throws -> Ed25519.PrivateKey {
        let seed = try derived(handle, purpose: .sign, context: context)
        do { return try Ed25519.PrivateKey(seed: seed.bytes) } catch { throw HSMError(.crypto, "signing key for \(handle): \(error)") }
    }

    public func rotateRootOfTrust(progress: (Int, Int) -> Void) throws -> UInt32 {
        // Step 1: a new RoT version, recorded as pending. Skipped when resuming an interrupted rotation.
        let target: UInt32 = try mutate(step: "root.begin") { state in
            if let pending = state.pendingRoot { return pending }
            let next = (state.roots.keys.max() ?? 0) + 1
            state.roots[next] = SymmetricKey(try SecureRandom.bytes(count: 32))
            state.pendingRoot = next
            return next
        }
        // Step 2: re-wrap each key still under an older RoT, one durable write per key, so an interruption
        // loses at most the key in flight, and every key is readable under whichever RoT its entry names.
        let pending = state.withLock { $0.handles(wrappedBelow: target) }
        for (index, handle) in pending.enumerated() {
            try mutate(step: "root.rewrap") { state in try state.rewrap(handle, underRoot: target) }
            progress(index + 1, pending.count)
        }
        // Step 3: switch, and destroy the RoT versions nothing refers to any more.
        try mutate(step: "root.finish") { state in
            guard state.handles(wrappedBelow: target).isEmpty else {
                throw HSMError(.crypto, "root rotation found keys still under an old root; run it again")
            }
            state.currentRoot = target
            state.pendingRoot = nil
            state.roots = state.roots.filter { $0.key >= target }
        }
        return target
    }

    // MARK: Internals

    private enum Purpose: String {
        case wrap = "keep/hsm/wrap/v1"
        case mac = "keep/hsm/mac/v1"
        case sign = "keep/hsm/ed25519/v1"
    }

    /// The key for one (handle, purpose, context): HKDF-SHA-256 with the purpose as salt and the caller's
    /// context as info. A blob wrapped for one object or tenant therefore never unwraps for another.
    private func derived(_ handle: KeyHandle, purpose: Purpose, context: [UInt8]) throws -> SymmetricKey {
        guard let key = state.withLock({ $0.keys[handle.label]?[handle.version]?.key }) else {
            throw HSMError(.keyNotFound, "no key \(handle)")
        }
        do {
            return try HKDF.deriveKey(inputKeyMaterial: key, salt: Array(purpose.rawValue.utf8), info: context, outputByteCount: 32)
        } catch {
            throw HSMError(.crypto, "key derivation for \(handle): \(error)")
        }
    }

    /// Applies `change` to a copy of the state, writes it durably, and only then makes it current. If the write
    /// fails, the in-memory state is unchanged too: memory never runs ahead of the file.
    @discardableResult
    private func mutate<T>(step: String? = nil, _ change: (inout PartitionState) throws -> T) throws -> T {
        var result: Result<T, any Error>?
        state.withLock { current in
            result = Result {
                var next = current
                let value = try change(&next)
                next.generation += 1
                do {
                    try PartitionFile.writeAtomically(PartitionFile.seal(next.serialized(), with: sealing), to: path, exclusive: false)
                } catch let notSynced as PartitionFile.ReplacedButNotSynced {
                    current = next
                    throw notSynced.error
                }
                current = next
                return value
            }
        }
        let value = try result!.get()
        if let step { try faultInjector?(step) }
        return value
    }
}

extension EmbeddedHSM {
    // Test-only views of key bytes, so tests can prove those bytes appear nowhere else. Internal: not
    // reachable from any other module without @testable.
    func internalKeyBytesForTests(_ handle: KeyHandle) throws -> [[UInt8]] {
        guard let key = state.withLock({ $0.keys[handle.label]?[handle.version]?.key }) else { throw HSMError(.keyNotFound, "\(handle)") }
        return [key.bytes.copyBytes()]
    }

    func internalRootBytesForTests() throws -> [UInt8] {
        state.withLock { $0.roots[$0.currentRoot]!.bytes.copyBytes() }
    }

    func internalRootVersionsForTests() -> [UInt32] {
        state.withLock { $0.roots.keys.sorted() }
    }
}

extension EmbeddedHSM: CustomStringConvertible {
    public var description: String { "EmbeddedHSM(\(path))" }
}
