import Foundation
import KeepCrypto
import Testing
@testable import KeepHSM

/// A fresh directory per test, removed afterwards.
final class TemporaryDirectory {
    let url: URL
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("keep-hsm-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: url) }
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
}

let pin = PINSource.value(SecureBytes(Array("correct horse battery".utf8)))
let wrongPin = PINSource.value(SecureBytes(Array("incorrect horse battery".utf8)))
let fast = Scrypt.Parameters.insecureFastForTests

func bytes(_ path: String) throws -> [UInt8] { Array(try Data(contentsOf: URL(fileURLWithPath: path))) }
func write(_ bytes: [UInt8], _ path: String) throws { try Data(bytes).write(to: URL(fileURLWithPath: path)) }

func expectHSMError(_ code: HSMError.Code, _ body: () throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(sourceLocation: sourceLocation) { try body() } throws: { ($0 as? HSMError)?.code == code }
}

@Suite("Embedded HSM")
struct EmbeddedHSMTests {
    @Test func keysSurviveReopenAndWrapsAreBoundToTheirContext() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("partition")
        let secret = try SecureRandom.bytes(count: 32)
        let blob: [UInt8]
        do {
            let hsm = try EmbeddedHSM.initialize(path: path, pin: pin, parameters: fast)
            let dk = try hsm.createKey(label: "dk/acme")
            #expect(dk == KeyHandle(label: "dk/acme", version: 1))
            blob = try hsm.wrap(secret, under: dk, context: Array("acme/obj-1".utf8))
        }
        let hsm = try EmbeddedHSM(path: path, pin: pin)
        let dk = KeyHandle(label: "dk/acme", version: 1)
        #expect(try hsm.unwrap(blob, under: dk, context: Array("acme/obj-1".utf8)) == secret)
        expectHSMError(.unwrapFailed) { _ = try hsm.unwrap(blob, under: dk, context: Array("acme/obj-2".utf8)) }
        try hsm.createKey(label: "dk/other")
        expectHSMError(.unwrapFailed) { _ = try hsm.unwrap(blob, under: KeyHandle(label: "dk/other", version: 1), context: Array("acme/obj-1".utf8)) }
        var tampered = blob
        tampered[5] ^= 1
        expectHSMError(.unwrapFailed) { _ = try hsm.unwrap(tampered, under: dk, context: Array("acme/obj-1".utf8)) }
        expectHSMError(.keyNotFound) { _ = try hsm.unwrap(blob, under: KeyHandle(label: "dk/acme", version: 2), context: []) }
        // MACs are bound the same way.
        let mac = try hsm.authenticationCode(for: [1, 2, 3], under: dk, context: Array("audit".utf8))
        #expect(mac.count == 32)
        #expect(try hsm.authenticationCode(for: [1, 2, 3], under: dk, context: Array("audit".utf8)) == mac)
        #expect(try hsm.authenticationCode(for: [1, 2, 3], under: dk, context: Array("other".utf8)) != mac)
    }

    @Test func failuresToOpenChangeNothing() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("partition")
        do { _ = try EmbeddedHSM.initialize(path: path, pin: pin, parameters: fast).createKey(label: "dk/acme") }
        let original = try bytes(path)

        expectHSMError(.wrongPIN) { _ = try EmbeddedHSM(path: path, pin: wrongPin) }
        #expect(try bytes(path) == original)

        for offset in [40, 200, original.count - 40] {  // salt, ciphertext, tag
            var damaged = original
            damaged[offset] ^= 0x01
            try write(damaged, path)
            expectHSMError(.corruptPartition) { _ = try EmbeddedHSM(path: path, pin: pin) }
            #expect(try bytes(path) == damaged)
        }
        // Tampering that also recomputes the checksum still fails: the GCM tag covers header and contents.
        var forged = Array(original[..<(original.count - 32)])
        forged[150] ^= 0x01
        try write(forged + SHA256.hash(forged), path)
        expectHSMError(.corruptPartition) { _ = try EmbeddedHSM(path: path, pin: pin) }

        try write(Array(original[..<(original.count / 2)]), path)
        expectHSMError(.corruptPartition) { _ = try EmbeddedHSM(path: path, pin: pin) }
        try write([], path)
        expectHSMError(.corruptPartition) { _ = try EmbeddedHSM(path: path, pin: pin) }

        var future = Array(original[..<(original.count - 32)])
        future[9] = 2
        try write(future + SHA256.hash(future), path)
        expectHSMError(.unsupportedVersion) { _ = try EmbeddedHSM(path: path, pin: pin) }

        try write(original, path)
        let hsm = try EmbeddedHSM(path: path, pin: pin)
        #expect(try hsm.keyInfo(label: "dk/acme")?.versions == [1])
        expectHSMError(.noPartition) { _ = try EmbeddedHSM(path: dir.path("absent"), pin: pin) }
    }

    @Test func initRefusesToOverwriteAndOneProcessAtATime() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("partition")
        let hsm = try EmbeddedHSM.initialize(path: path, pin: pin, parameters: fast)
        try hsm.createKey(label: "dk/acme")
        expectHSMError(.partitionInUse) { _ = try EmbeddedHSM(path: path, pin: pin) }
        let before = try bytes(path)
        _ = consume hsm
        expectHSMError(.partitionExists) { _ = try EmbeddedHSM.initialize(path: path, pin: pin, parameters: fast) }
        #expect(try bytes(path) == before)
    }

    @Test func pinRules() throws {
        let dir = try TemporaryDirectory()
        expectHSMError(.pinUnavailable) {
            _ = try EmbeddedHSM.initialize(path: dir.path("p"), pin: .value(SecureBytes(Array("short".utf8))), parameters: fast)
        }
        let pinFile = dir.path("pin")
        try write(Array("correct horse battery\n".utf8), pinFile)
        do { _ = try EmbeddedHSM.initialize(path: dir.path("p"), pin: .file(pinFile), parameters: fast) }
        _ = try EmbeddedHSM(path: dir.path("p"), pin: pin)  // the file's newline is not part of the PIN
        setenv("KEEP_TEST_HSM_PIN", "correct horse battery", 1)
        _ = try EmbeddedHSM(path: dir.path("p"), pin: .environment("KEEP_TEST_HSM_PIN"))
        expectHSMError(.pinUnavailable) { _ = try EmbeddedHSM(path: dir.path("p"), pin: .environment("KEEP_TEST_UNSET_PIN")) }
        expectHSMError(.pinUnavailable) { _ = try EmbeddedHSM(path: dir.path("p"), pin: .file(dir.path("no-such-pin"))) }
    }

    @Test func keyVersionsRotateAndAreDestroyed() throws {
        let dir = try TemporaryDirectory()
        let hsm = try EmbeddedHSM.initialize(path: dir.path("partition"), pin: pin, parameters: fast)
        let v1 = try hsm.createKey(label: "dk/acme")
        let secret = try SecureRandom.bytes(count: 32)
        let blob1 = try hsm.wrap(secret, under: v1, context: [1])
        let v2 = try hsm.rotateKey(label: "dk/acme")
        #expect(v2.version == 2)
        #expect(try hsm.keyInfo(label: "dk/acme")?.current == v2)
        #expect(try hsm.unwrap(blob1, under: v1, context: [1]) == secret)
        expectHSMError(.keyNotFound) { try hsm.destroyVersions(label: "dk/acme", below: 3) } // would leave no version
        #expect(try hsm.keyInfo(label: "dk/acme")?.versions == [1, 2])
        try hsm.destroyVersions(label: "dk/acme", below: 2)
        expectHSMError(.keyNotFound) { _ = try hsm.unwrap(blob1, under: v1, context: [1]) }
        let file = try bytes(dir.path("partition"))
        try hsm.destroyVersions(label: "dk/acme", below: 2)                                  // again: nothing to do
        #expect(try bytes(dir.path("partition")) == file, "a no-op destroy rewrote the partition")
        expectHSMError(.keyExists) { try hsm.createKey(label: "dk/acme") }
        expectHSMError(.invalidLabel) { try hsm.createKey(label: "dk acme") }
        expectHSMError(.keyNotFound) { try hsm.rotateKey(label: "dk/none") }
        try hsm.destroyKey(label: "dk/acme")
        #expect(try hsm.keyInfo(label: "dk/acme") == nil)
    }

    /// A writer killed before its rename leaves `<partition>.tmp-<pid>`, a whole sealed copy that may hold key
    /// versions destroyed later; the next open removes it.
    @Test func openRemovesTemporariesOfDeadWriters() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("partition")
        do { _ = try EmbeddedHSM.initialize(path: path, pin: pin, parameters: fast) }
        try write(try bytes(path), path + ".tmp-999999")
        try write([1, 2, 3], dir.path("unrelated.tmp-1"))
        _ = try EmbeddedHSM(path: path, pin: pin)
        #expect(!FileManager.default.fileExists(atPath: path + ".tmp-999999"))
        #expect(FileManager.default.fileExists(atPath: dir.path("unrelated.tmp-1")))
    }

    /// Key bytes never appear in the partition file (sealed) nor in any description.
    @Test func keyBytesNeverLeave() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("partition")
        let hsm = try EmbeddedHSM.initialize(path: path, pin: pin, parameters: fast)
        let dk = try hsm.createKey(label: "dk/acme")
        let file = try bytes(path)
        let secrets = try hsm.internalKeyBytesForTests(dk) + [hsm.internalRootBytesForTests()]
        for secret in secrets {
            #expect(!contains(file, secret))
            #expect(!String(describing: hsm).contains(hexString(secret)))
        }
        #expect(!"\(dk)".contains(hexString(secrets[0])))
    }

    @Test func rootRotationRewrapsEveryKeyAndDestroysTheOldRoot() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("partition")
        let secret = try SecureRandom.bytes(count: 32)
        var blobs: [(KeyHandle, [UInt8])] = []
        do {
            let hsm = try EmbeddedHSM.initialize(path: path, pin: pin, parameters: fast)
            for i in 0..<5 {
                let handle = try hsm.createKey(label: "dk/t\(i)")
                blobs.append((handle, try hsm.wrap(secret, under: handle, context: [UInt8(i)])))
            }
            let oldRoot = try hsm.internalRootBytesForTests()
            var seen: [(Int, Int)] = []
            #expect(try hsm.rotateRootOfTrust { seen.append(($0, $1)) } == 2)
            #expect(seen.map(\.0) == [1, 2, 3, 4, 5] && seen.allSatisfy { $0.1 == 5 })
            #expect(try hsm.rootOfTrustVersion() == 2)
            #expect(try hsm.internalRootBytesForTests() != oldRoot)
            #expect(hsm.internalRootVersionsForTests() == [2])
        }
        let reopened = try EmbeddedHSM(path: path, pin: pin)
        for (i, (handle, blob)) in blobs.enumerated() {
            #expect(try reopened.unwrap(blob, under: handle, context: [UInt8(i)]) == secret)
        }
    }

    /// Crash injection: the rotation is interrupted after each durable step in turn; the partition, reopened,
    /// still unwraps every key, and running the rotation again completes it to the same target version.
    @Test(arguments: ["root.begin", "root.rewrap#1", "root.rewrap#3", "root.rewrap#5", "root.finish"])
    func rootRotationSurvivesACrashAt(_ crashPoint: String) throws {
        struct Crash: Error {}
        let dir = try TemporaryDirectory()
        let path = dir.path("partition")
        let secret = try SecureRandom.bytes(count: 32)
        var blobs: [(KeyHandle, [UInt8])] = []
        do {
            let hsm = try EmbeddedHSM.initialize(path: path, pin: pin, parameters: fast)
            for i in 0..<5 {
                let handle = try hsm.createKey(label: "dk/t\(i)")
                blobs.append((handle, try hsm.wrap(secret, under: handle, context: [UInt8(i)])))
            }
        }
        let counter = Counter()
        do {
            let hsm = try EmbeddedHSM(path: path, pin: pin) { step in
                let n = counter.next(step)
                if crashPoint == step || crashPoint == "\(step)#\(n)" { throw Crash() }
            }
            #expect(throws: Crash.self) { try hsm.rotateRootOfTrust() }
        }
        let reopened = try EmbeddedHSM(path: path, pin: pin)
        for (i, (handle, blob)) in blobs.enumerated() {
            #expect(try reopened.unwrap(blob, under: handle, context: [UInt8(i)]) == secret)
        }
        if crashPoint == "root.finish" {
            // The crash came after the last durable step: the rotation had completed.
            #expect(try reopened.rootOfTrustVersion() == 2)
        } else {
            #expect(try reopened.rootOfTrustVersion() == 1)
            #expect(try reopened.rotateRootOfTrust() == 2)
        }
        #expect(reopened.internalRootVersionsForTests() == [2])
        for (i, (handle, blob)) in blobs.enumerated() {
            #expect(try reopened.unwrap(blob, under: handle, context: [UInt8(i)]) == secret)
        }
        // Keys created mid-rotation are wrapped under the target root and need no re-wrap.
        let late = try reopened.createKey(label: "dk/late")
        #expect(try reopened.unwrap(try reopened.wrap(secret, under: late, context: []), under: late, context: []) == secret)
    }
}

final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var counts: [String: Int] = [:]
    func next(_ key: String) -> Int {
        lock.lock(); defer { lock.unlock() }
        counts[key, default: 0] += 1
        return counts[key]!
    }
}

func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
    guard needle.count <= haystack.count else { return false }
    return (0...(haystack.count - needle.count)).contains { Array(haystack[$0..<($0 + needle.count)]) == needle }
}

func hexString(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }
