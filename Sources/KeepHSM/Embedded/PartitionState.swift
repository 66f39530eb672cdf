import KeepCrypto

/// The partition's contents in memory. Serialized (big-endian) only into SecureBytes, then sealed:
///
/// ```
/// 16  partition id
///  8  generation (incremented on every write)
///  4  current Root-of-Trust version
///  4  pending Root-of-Trust version (0: no rotation in progress)
///  2  number of RoT versions, then per version: 4 version, 32 key
///  4  number of key versions, then per key version:
///     2+n label, 4 version, 4 RoT version it is wrapped under, 2+m wrapped key (RFC 5649)
/// ```
/// A key's wrapping is bound to its label, its version and the RoT version (HKDF info), so entries cannot be
/// swapped or relabelled inside the partition.
struct PartitionState {
    struct Entry {
        var rootVersion: UInt32
        var wrapped: [UInt8]
        /// The unwrapped key, held in memory while the partition is open.
        var key: SymmetricKey
    }

    var partitionID: [UInt8]
    var generation: UInt64
    var roots: [UInt32: SymmetricKey]
    var currentRoot: UInt32
    var pendingRoot: UInt32?
    var keys: [String: [UInt32: Entry]]

    /// Labels are identifiers, not data: short, printable, and free of separators that could confuse a context.
    static let maximumLabelLength = 128

    static func validate(label: String) throws {
        let allowed = label.utf8.allSatisfy { c in
            (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x2D || c == 0x2E || c == 0x5F || c == 0x2F || c == 0x3A
        }
        guard !label.isEmpty, label.utf8.count <= maximumLabelLength, allowed else {
            throw HSMError(.invalidLabel, "a key label is 1 to \(maximumLabelLength) characters of A-Z a-z 0-9 - . _ / :")
        }
    }

    /// The root under which new keys are wrapped: the rotation target while a rotation runs.
    var wrappingRoot: UInt32 { pendingRoot ?? currentRoot }

    mutating func add(_ handle: KeyHandle, key: SymmetricKey) throws {
        let root = wrappingRoot
        let wrapped = try AESKeyWrapWithPadding.wrap(key.bytes, using: try rootKey(root, for: handle))
        keys[handle.label, default: [:]][handle.version] = Entry(rootVersion: root, wrapped: wrapped, key: key)
    }

    mutating func rewrap(_ handle: KeyHandle, underRoot target: UInt32) throws {
        guard let entry = keys[handle.label]?[handle.version], entry.rootVersion < target else { return }
        let wrapped = try AESKeyWrapWithPadding.wrap(entry.key.bytes, using: try rootKey(target, for: handle))
        keys[handle.label]![handle.version] = Entry(rootVersion: target, wrapped: wrapped, key: entry.key)
    }

    func handles(wrappedBelow root: UInt32) -> [KeyHandle] {
        keys.flatMap { label, versions in
            versions.filter { $0.value.rootVersion < root }.map { KeyHandle(label: label, version: $0.key) }
        }.sorted { ($0.label, $0.version) < ($1.label, $1.version) }
    }

    /// The key that wraps `handle` under RoT version `root`.
    private func rootKey(_ root: UInt32, for handle: KeyHandle) throws -> SymmetricKey {
        guard let rootKey = roots[root] else { throw HSMError(.corruptPartition, "Root of Trust v\(root) is missing") }
        return try HKDF.deriveKey(inputKeyMaterial: rootKey, salt: Array("keep/hsm/root-wrap/v1".utf8),
                                  info: Self.context(handle, root: root), outputByteCount: 32)
    }

    private static func context(_ handle: KeyHandle, root: UInt32) -> [UInt8] {
        let label = Array(handle.label.utf8)
        return withUnsafeBytes(of: UInt16(label.count).bigEndian, Array.init) + label
            + withUnsafeBytes(of: handle.version.bigEndian, Array.init) + withUnsafeBytes(of: root.bigEndian, Array.init)
    }

    // MARK: Serialization

    func serialized() -> SecureBytes {
        var w = SecureWriter()
        w.append(partitionID)
        w.append(generation)
        w.append(currentRoot)
        w.append(pendingRoot ?? 0)
        w.append(UInt16(roots.count))
        for version in roots.keys.sorted() {
            w.append(version)
            w.append(roots[version]!.bytes)
        }
        let entries = keys.flatMap { label, versions in versions.map { (label, $0.key, $0.value) } }.sorted { ($0.0, $0.1) < ($1.0, $1.1) }
        w.append(UInt32(entries.count))
        for (label, version, entry) in entries {
            w.appendShortBytes(Array(label.utf8))
            w.append(version)
            w.append(entry.rootVersion)
            w.appendShortBytes(entry.wrapped)
        }
        return w.bytes
    }

    init(partitionID: [UInt8], generation: UInt64, roots: [UInt32: SymmetricKey], currentRoot: UInt32, pendingRoot: UInt32?,
         keys: [String: [UInt32: Entry]]) {
        self.partitionID = partitionID
        self.generation = generation
        self.roots = roots
        self.currentRoot = currentRoot
        self.pendingRoot = pendingRoot
        self.keys = keys
    }

    init(deserializing contents: SecureBytes) throws {
        var r = SecureReader(contents)
        partitionID = try r.raw(16)
        generation = try r.uint64()
        currentRoot = try r.uint32()
        let pending = try r.uint32()
        pendingRoot = pending == 0 ? nil : pending
        var roots: [UInt32: SymmetricKey] = [:]
        for _ in 0..<(try r.uint16()) {
            let version = try r.uint32()
            roots[version] = SymmetricKey(try r.secret(32))
        }
        self.roots = roots
        guard roots[currentRoot] != nil, pending == 0 || roots[pending] != nil else {
            throw HSMError(.corruptPartition, "partition names a Root of Trust it does not hold")
        }
        keys = [:]
        let count = try r.uint32()
        for _ in 0..<count {
            guard let label = String(validating: try r.shortBytes(), as: UTF8.self) else {
                throw HSMError(.corruptPartition, "key label is not UTF-8")
            }
            let version = try r.uint32()
            let root = try r.uint32()
            let wrapped = try r.shortBytes()
            let handle = KeyHandle(label: label, version: version)
            let key: SecureBytes
            do {
                key = try AESKeyWrapWithPadding.unwrap(wrapped, using: try rootKey(root, for: handle))
            } catch {
                throw HSMError(.corruptPartition, "key \(handle) does not unwrap under Root of Trust v\(root)")
            }
            keys[label, default: [:]][version] = Entry(rootVersion: root, wrapped: wrapped, key: SymmetricKey(key))
        }
        guard r.isAtEnd else { throw HSMError(.corruptPartition, "trailing bytes in partition contents") }
    }
}
