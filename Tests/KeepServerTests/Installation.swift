import Foundation
import KeepCrypto
import KeepHSM
import KeepStore
import KeyHierarchy
@testable import KeepServer

/// A fresh installation in a temporary directory, removed afterwards: embedded HSM (fast scrypt), SQLite
/// store, hierarchy, client registry. Domains: `acme` (exports KEKs in the clear and waives clientAuth, like a
/// vCenter tenant) and `globex` (neither), both active.
final class Installation {
    let directory: URL
    let hsm: EmbeddedHSM
    let store: SQLiteObjectStore
    let hierarchy: KeyHierarchy
    let registry: ClientRegistry

    static let pin = PINSource.value(SecureBytes(Array("test server partition pin".utf8)))

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("keep-server-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        hsm = try EmbeddedHSM.initialize(path: directory.appendingPathComponent("partition").path, pin: Self.pin, parameters: .insecureFastForTests)
        store = try SQLiteObjectStore(path: directory.appendingPathComponent("keep.db").path)
        hierarchy = KeyHierarchy(hsm: hsm, store: store)
        registry = ClientRegistry(store: store)
        try hierarchy.createDomain(id: "acme", policy: DomainPolicy(allowsKeyExport: true, requiresClientAuthUsage: false))
        try hierarchy.createDomain(id: "globex", policy: DomainPolicy(allowsKeyExport: false, requiresClientAuthUsage: true))
    }

    deinit { try? FileManager.default.removeItem(at: directory) }
}
