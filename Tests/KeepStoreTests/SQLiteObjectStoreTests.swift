import Foundation
import Testing
@testable import KeepStore

/// A fresh directory per test, removed afterwards.
final class TemporaryDirectory {
    let url: URL
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("keep-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: url) }
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
}

@Suite("SQLite object store")
struct SQLiteObjectStoreTests {
    static func domain(_ id: String) -> DomainRecord {
        DomainRecord(id: id, displayName: id.uppercased(), domainKeyVersion: 1, createdAt: 1, updatedAt: 1)
    }

    static func key(_ uid: String, domain: String, names: [String] = [], custom: [CustomAttribute] = [],
                    state: UInt32 = 1, length: Int32 = 256, dkVersion: UInt32 = 1) -> ObjectRecord {
        ObjectRecord(uid: uid, domainID: domain, objectType: 2, state: state, algorithm: 3, length: length,
                     wrappedKey: Array(uid.utf8), domainKeyVersion: dkVersion, attributes: [1, 2, 3],
                     names: names, customAttributes: custom, createdAt: 10, updatedAt: 10)
    }

    @Test func objectsRoundTripWithNamesAndCustomAttributes() throws {
        let dir = try TemporaryDirectory()
        let store = try SQLiteObjectStore(path: dir.path("keep.db"))
        try store.write { try $0.insert(Self.domain("acme")) }
        let object = Self.key("k1", domain: "acme", names: ["vm-42-kek"], custom: [CustomAttribute(name: "x-vm-uuid", value: "4211")])
        try store.write { try $0.insert(object) }
        #expect(try store.object(uid: "k1", domainID: "acme") == object)

        var changed = object
        changed.wrappedKey = [0xEE]  // ignored by update: key material changes only through rotation or destroy
        changed.state = 2
        changed.names = ["renamed"]
        changed.customAttributes = [CustomAttribute(name: "x-vm-uuid", index: 0, value: "4212"), CustomAttribute(name: "x-vm-uuid", index: 1, value: "4213")]
        try store.write { try $0.update(changed) }
        changed.wrappedKey = object.wrappedKey
        #expect(try store.object(uid: "k1", domainID: "acme") == changed)
        #expect(try store.locate(ObjectQuery(domainID: "acme", name: "vm-42-kek")).isEmpty)
        #expect(try store.locate(ObjectQuery(domainID: "acme", name: "renamed")) == ["k1"])
    }

    @Test func anotherDomainsObjectIsAbsent() throws {
        let dir = try TemporaryDirectory()
        let store = try SQLiteObjectStore(path: dir.path("keep.db"))
        try store.write { w in
            try w.insert(Self.domain("a"))
            try w.insert(Self.domain("b"))
            try w.insert(Self.key("ka", domain: "a", names: ["shared-name"]))
        }
        #expect(try store.object(uid: "ka", domainID: "b") == nil)
        #expect(try store.locate(ObjectQuery(domainID: "b", name: "shared-name")).isEmpty)
        #expect(try store.locate(ObjectQuery(domainID: "a", name: "shared-name")) == ["ka"])
        var stolen = Self.key("ka", domain: "b")
        stolen.state = 5
        #expect(throws: StoreError.self) { try store.write { try $0.update(stolen) } }
        #expect(try store.object(uid: "ka", domainID: "a")?.state == 1)
    }

    @Test func locateFiltersOffsetAndLimit() throws {
        let dir = try TemporaryDirectory()
        let store = try SQLiteObjectStore(path: dir.path("keep.db"))
        try store.write { w in
            try w.insert(Self.domain("acme"))
            for i in 0..<10 {
                try w.insert(Self.key("k\(i)", domain: "acme", names: i % 2 == 0 ? ["even"] : ["odd"],
                                      custom: [CustomAttribute(name: "x-group", value: "g\(i % 3)")],
                                      state: i < 5 ? 1 : 2, length: i < 8 ? 256 : 128))
            }
        }
        #expect(try store.locate(ObjectQuery(domainID: "acme")).count == 10)
        #expect(try store.locate(ObjectQuery(domainID: "acme", name: "even")) == ["k0", "k2", "k4", "k6", "k8"])
        #expect(try store.locate(ObjectQuery(domainID: "acme", state: 2)) == ["k5", "k6", "k7", "k8", "k9"])
        #expect(try store.locate(ObjectQuery(domainID: "acme", name: "even", excludedStates: [1])) == ["k6", "k8"])
        #expect(try store.locate(ObjectQuery(domainID: "acme", excludedStates: [1, 2])).isEmpty)
        #expect(try store.locate(ObjectQuery(domainID: "acme", length: 128)) == ["k8", "k9"])
        #expect(try store.locate(ObjectQuery(domainID: "acme", customAttribute: CustomAttribute(name: "x-group", value: "g1"))) == ["k1", "k4", "k7"])
        #expect(try store.locate(ObjectQuery(domainID: "acme", name: "even", customAttribute: CustomAttribute(name: "x-group", value: "g0"))) == ["k0", "k6"])
        #expect(try store.locate(ObjectQuery(domainID: "acme", state: 2, name: "odd", customAttribute: CustomAttribute(name: "x-group", value: "g1"))) == ["k7"])
        #expect(try store.locate(ObjectQuery(domainID: "acme", offset: 3, limit: 4)) == ["k3", "k4", "k5", "k6"])
        #expect(try store.locate(ObjectQuery(domainID: "acme", objectType: 7)).isEmpty)
    }

    @Test func failedWriteChangesNothing() throws {
        let dir = try TemporaryDirectory()
        let store = try SQLiteObjectStore(path: dir.path("keep.db"))
        try store.write { try $0.insert(Self.domain("acme")) }
        struct Abort: Error {}
        #expect(throws: Abort.self) {
            try store.write { w in
                try w.insert(Self.key("k1", domain: "acme", names: ["n"]))
                throw Abort()
            }
        }
        #expect(try store.object(uid: "k1", domainID: "acme") == nil)
        #expect(try store.locate(ObjectQuery(domainID: "acme", name: "n")).isEmpty)
        // A duplicate identifier is refused as alreadyExists, and the original is intact.
        try store.write { try $0.insert(Self.key("k1", domain: "acme")) }
        #expect { try store.write { try $0.insert(Self.key("k1", domain: "acme", length: 128)) } } throws: {
            ($0 as? StoreError)?.code == .alreadyExists
        }
        #expect(try store.object(uid: "k1", domainID: "acme")?.length == 256)
    }

    @Test func fullDiskIsATypedErrorAndLosesNothing() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("keep.db")
        do {
            let store = try SQLiteObjectStore(path: path)
            try store.write { try $0.insert(Self.domain("acme")) }
        }
        // Cap the file at its current size: the next large write cannot fit.
        let store = try SQLiteObjectStore(path: path, schemaVersion: Schema.latestVersion, maxPageCount: 1)
        #expect { try store.write { w in
            var big = Self.key("big", domain: "acme")
            big.attributes = [UInt8](repeating: 7, count: 1 << 20)
            try w.insert(big)
        } } throws: { ($0 as? StoreError)?.code == .full }
        #expect(try store.object(uid: "big", domainID: "acme") == nil)
        #expect(try store.domain(id: "acme") != nil)
        #expect(try store.integrityCheck().isEmpty)
    }

    @Test func migratesAnOlderSchemaKeepingData() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("keep.db")
        do {
            let v1 = try SQLiteObjectStore(path: path, schemaVersion: 1, maxPageCount: nil)
            try v1.write { w in
                try w.insert(Self.domain("acme"))
                try w.insert(Self.key("k1", domain: "acme", names: ["n1"]))
            }
            #expect(throws: StoreError.self) { try v1.read { _ = try $0.rotation(scope: "root") } }
        }
        let latest = try SQLiteObjectStore(path: path)
        #expect(try latest.object(uid: "k1", domainID: "acme")?.names == ["n1"])
        let rotation = RotationRecord(scope: "domain:acme", fromVersion: 1, toVersion: 2, startedAt: 5)
        try latest.write { try $0.beginRotation(rotation) }
        #expect(try latest.read { try $0.rotation(scope: "domain:acme") } == rotation)
        try latest.write { try $0.finishRotation(scope: "domain:acme") }
        #expect(try latest.read { try $0.rotation(scope: "domain:acme") } == nil)
        let problems = try latest.integrityCheck()
        #expect(problems.isEmpty, "\(problems)")
    }

    static func client(_ fingerprint: String, domain: String, name: String, role: String = "hypervisor") -> ClientRecord {
        ClientRecord(fingerprint: fingerprint, domainID: domain, role: role, name: name, subject: "CN=\(name)", createdAt: 7)
    }

    @Test func clientsRoundTripAndAreUniqueByFingerprintAndNameInDomain() throws {
        let dir = try TemporaryDirectory()
        let store = try SQLiteObjectStore(path: dir.path("keep.db"))
        try store.write { w in
            try w.insert(Self.domain("acme"))
            try w.insert(Self.domain("globex"))
        }
        let vcenter = Self.client(String(repeating: "a", count: 64), domain: "acme", name: "vcenter")
        let auditor = Self.client(String(repeating: "b", count: 64), domain: "acme", name: "audit", role: "auditor")
        let other = Self.client(String(repeating: "c", count: 64), domain: "globex", name: "vcenter")
        try store.write { w in
            try w.insert(vcenter)
            try w.insert(auditor)
            try w.insert(other)  // the same name in another domain is fine
        }
        #expect(try store.client(fingerprint: vcenter.fingerprint) == vcenter)
        #expect(try store.client(fingerprint: String(repeating: "d", count: 64)) == nil)
        #expect(try store.read { try $0.clients(domainID: "acme") } == [auditor, vcenter])
        #expect(try store.read { try $0.clients(domainID: nil) }.map(\.fingerprint) == [auditor, vcenter, other].map(\.fingerprint))

        // The fingerprint, and the name within a domain, are unique.
        #expect { try store.write { try $0.insert(Self.client(vcenter.fingerprint, domain: "globex", name: "x")) } } throws: {
            ($0 as? StoreError)?.code == .alreadyExists
        }
        #expect { try store.write { try $0.insert(Self.client(String(repeating: "e", count: 64), domain: "acme", name: "vcenter")) } } throws: {
            ($0 as? StoreError)?.code == .alreadyExists
        }
        // A client names an existing domain.
        #expect(throws: StoreError.self) { try store.write { try $0.insert(Self.client(String(repeating: "f", count: 64), domain: "nowhere", name: "n")) } }

        var revoked = vcenter
        revoked.revoked = true
        revoked.revokedAt = 99
        try store.write { try $0.update(revoked) }
        #expect(try store.client(fingerprint: vcenter.fingerprint) == revoked)
        #expect { try store.write { try $0.update(Self.client(String(repeating: "9", count: 64), domain: "acme", name: "ghost")) } } throws: {
            ($0 as? StoreError)?.code == .notFound
        }
    }

    @Test func migratesAVersion2StoreToTheClientRegistry() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("keep.db")
        do {
            let v2 = try SQLiteObjectStore(path: path, schemaVersion: 2, maxPageCount: nil)
            try v2.write { w in
                try w.insert(Self.domain("acme"))
                try w.insert(Self.key("k1", domain: "acme", names: ["n1"]))
                try w.beginRotation(RotationRecord(scope: "domain:acme", fromVersion: 1, toVersion: 2, startedAt: 5))
            }
            // Version 2 has no client table.
            #expect(throws: StoreError.self) { try v2.read { _ = try $0.client(fingerprint: "00") } }
        }
        let latest = try SQLiteObjectStore(path: path)
        #expect(Schema.latestVersion == 3)
        #expect(try latest.object(uid: "k1", domainID: "acme")?.names == ["n1"])
        #expect(try latest.read { try $0.rotation(scope: "domain:acme") }?.toVersion == 2)
        let client = Self.client(String(repeating: "a", count: 64), domain: "acme", name: "vcenter")
        try latest.write { try $0.insert(client) }
        #expect(try latest.client(fingerprint: client.fingerprint) == client)
        let problems = try latest.integrityCheck()
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test func refusesAStoreFromANewerBuild() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("keep.db")
        do {
            let store = try SQLiteObjectStore(path: path)
            _ = store
            let raw = try Connection(path: path)
            try raw.execute("INSERT INTO schema_version (version) VALUES (\(Schema.latestVersion + 1))")
        }
        #expect { try SQLiteObjectStore(path: path) } throws: { ($0 as? StoreError)?.code == .schemaTooNew }
    }

    @Test func notAStoreIsCorrupt() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("keep.db")
        try Data(repeating: 0x41, count: 8192).write(to: URL(fileURLWithPath: path))
        #expect { try SQLiteObjectStore(path: path) } throws: { ($0 as? StoreError)?.code == .corrupt }
    }

    @Test func rotationScanFindsOnlyOlderVersions() throws {
        let dir = try TemporaryDirectory()
        let store = try SQLiteObjectStore(path: dir.path("keep.db"))
        try store.write { w in
            try w.insert(Self.domain("acme"))
            try w.insert(Self.domain("other"))
            for i in 0..<5 { try w.insert(Self.key("old\(i)", domain: "acme", dkVersion: 1)) }
            try w.insert(Self.key("new", domain: "acme", dkVersion: 2))
            try w.insert(Self.key("foreign", domain: "other", dkVersion: 1))
        }
        #expect(try store.read { try $0.countWrapped(domainID: "acme", belowDomainKeyVersion: 2) } == 5)
        let batch = try store.read { try $0.objectsWrapped(domainID: "acme", belowDomainKeyVersion: 2, limit: 3) }
        #expect(batch.map(\.uid) == ["old0", "old1", "old2"])
        let swapped = try store.write { w in
            try batch.map { try w.replaceWrappedKey(uid: $0.uid, domainID: "acme", expectedVersion: 1, wrappedKey: [9], domainKeyVersion: 2) }
        }
        #expect(swapped == [true, true, true])
        #expect(try store.read { try $0.countWrapped(domainID: "acme", belowDomainKeyVersion: 2) } == 2)
        #expect(try store.object(uid: "old0", domainID: "acme")?.wrappedKey == [9])
        // The swap is conditional: a second rotation pass, or a destroyed object, is left alone.
        #expect(try store.write { try $0.replaceWrappedKey(uid: "old0", domainID: "acme", expectedVersion: 1, wrappedKey: [8], domainKeyVersion: 3) } == false)
        try store.write { try $0.eraseWrappedKey(uid: "old3", domainID: "acme") }
        #expect(try store.write { try $0.replaceWrappedKey(uid: "old3", domainID: "acme", expectedVersion: 1, wrappedKey: [8], domainKeyVersion: 2) } == false)
        #expect(try store.object(uid: "old3", domainID: "acme")?.wrappedKey == nil)
        #expect(try store.object(uid: "old0", domainID: "acme")?.wrappedKey == [9])
    }
}
