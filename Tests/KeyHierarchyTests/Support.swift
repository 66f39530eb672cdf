import Foundation
import KeepCrypto
import KeepStore
@testable import KeepHSM
@testable import KeyHierarchy

/// A fresh installation (partition + store) in a temporary directory, removed afterwards.
final class Installation {
    let directory: URL
    let hsm: EmbeddedHSM
    let store: SQLiteObjectStore
    let hierarchy: KeyHierarchy

    static let pin = PINSource.value(SecureBytes(Array("test installation pin".utf8)))

    init(storeWrapper: ((SQLiteObjectStore) -> any ObjectStore)? = nil) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("keep-hierarchy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        hsm = try EmbeddedHSM.initialize(path: directory.appendingPathComponent("partition").path, pin: Self.pin, parameters: .insecureFastForTests)
        store = try SQLiteObjectStore(path: directory.appendingPathComponent("keep.db").path)
        hierarchy = KeyHierarchy(hsm: hsm, store: storeWrapper?(store) ?? store)
    }

    var storePath: String { directory.appendingPathComponent("keep.db").path }

    deinit { try? FileManager.default.removeItem(at: directory) }
}

/// An ObjectStore that fails every write after the first `allowedWrites`: a process dying mid-operation,
/// as seen by the data that reached the disk.
final class CrashingStore: ObjectStore, @unchecked Sendable {
    struct Crash: Error {}
    let inner: any ObjectStore
    private let lock = NSLock()
    private var remaining: Int

    init(_ inner: any ObjectStore, allowedWrites: Int) {
        self.inner = inner
        remaining = allowedWrites
    }

    func read<T>(_ body: (any ObjectStoreReader) throws -> T) throws -> T { try inner.read(body) }

    func write<T>(_ body: (any ObjectStoreWriter) throws -> T) throws -> T {
        lock.lock()
        let allowed = remaining > 0
        remaining -= 1
        lock.unlock()
        guard allowed else { throw Crash() }
        return try inner.write(body)
    }

    func integrityCheck() throws -> [String] { try inner.integrityCheck() }
}

func fileBytes(_ path: String) -> [UInt8] {
    (try? Data(contentsOf: URL(fileURLWithPath: path))).map(Array.init) ?? []
}

func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
    guard !needle.isEmpty, needle.count <= haystack.count else { return false }
    let first = needle[0]
    var i = 0
    while i <= haystack.count - needle.count {
        if haystack[i] == first, Array(haystack[i..<(i + needle.count)]) == needle { return true }
        i += 1
    }
    return false
}

/// An HSM that fails `destroyVersions` while armed: a process dying after the last KEK was re-wrapped and
/// before the old DK version was destroyed.
final class FailingDestroyHSM: HSM, @unchecked Sendable {
    struct Crash: Error {}
    let inner: any HSM
    var armed = true

    init(_ inner: any HSM) { self.inner = inner }

    func rootOfTrustVersion() throws -> UInt32 { try inner.rootOfTrustVersion() }
    func createKey(label: String) throws -> KeyHandle { try inner.createKey(label: label) }
    func rotateKey(label: String) throws -> KeyHandle { try inner.rotateKey(label: label) }
    func destroyVersions(label: String, below version: UInt32) throws {
        if armed { throw Crash() }
        try inner.destroyVersions(label: label, below: version)
    }
    func destroyKey(label: String) throws { try inner.destroyKey(label: label) }
    func keyInfo(label: String) throws -> KeyInfo? { try inner.keyInfo(label: label) }
    func keys() throws -> [KeyInfo] { try inner.keys() }
    func wrap(_ key: SecureBytes, under handle: KeyHandle, context: [UInt8]) throws -> [UInt8] {
        try inner.wrap(key, under: handle, context: context)
    }
    func unwrap(_ wrapped: [UInt8], under handle: KeyHandle, context: [UInt8]) throws -> SecureBytes {
        try inner.unwrap(wrapped, under: handle, context: context)
    }
    func authenticationCode(for data: [UInt8], under handle: KeyHandle, context: [UInt8]) throws -> [UInt8] {
        try inner.authenticationCode(for: data, under: handle, context: context)
    }
    func rotateRootOfTrust(progress: (Int, Int) -> Void) throws -> UInt32 { try inner.rotateRootOfTrust(progress: progress) }
}
