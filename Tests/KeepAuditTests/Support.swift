import Foundation
import KeepCrypto
import KeepHSM
import Synchronization
import Testing
@testable import KeepAudit

/// A fresh directory per test, removed afterwards.
final class TemporaryDirectory: @unchecked Sendable {
    let path: String
    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("keep-audit-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }
    func path(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }
}

/// A clock that advances 1 ms per reading, from a fixed start, so times in tests are predictable.
final class TestClock: Sendable {
    static let start: Int64 = 1_795_000_000_000_000
    private let now = Mutex<Int64>(TestClock.start)
    var read: @Sendable () -> Int64 { { self.now.withLock { $0 += 1_000; return $0 } } }
}

/// An HSM partition with the audit keys, and a log directory.
final class AuditFixture: @unchecked Sendable {
    let directory: TemporaryDirectory
    let hsm: EmbeddedHSM
    let keys: HSMAuditKeys
    let clock = TestClock()

    init() throws {
        directory = try TemporaryDirectory()
        hsm = try EmbeddedHSM.initialize(path: directory.path("partition"), pin: .value(SecureBytes(Array("audit test PIN".utf8))),
                                         parameters: .insecureFastForTests)
        keys = HSMAuditKeys(hsm: hsm)
        try keys.ensureKeys()
    }

    var logDirectory: String { directory.path("audit") }

    func configuration(segmentBytes: Int = 64 << 20, checkpointRecords: Int = 10_000, directory: String? = nil,
                       faults: (@Sendable (AuditLog.IOStep) throws -> Void)? = nil) -> AuditLog.Configuration {
        var configuration = AuditLog.Configuration(directory: directory ?? logDirectory, nodeID: "node-1")
        configuration.segmentBytes = segmentBytes
        configuration.checkpointRecords = checkpointRecords
        configuration.clock = clock.read
        configuration.faultInjector = faults
        return configuration
    }

    func open(segmentBytes: Int = 64 << 20, checkpointRecords: Int = 10_000, directory: String? = nil,
              faults: (@Sendable (AuditLog.IOStep) throws -> Void)? = nil) throws -> AuditLog {
        try AuditLog.open(configuration(segmentBytes: segmentBytes, checkpointRecords: checkpointRecords, directory: directory, faults: faults),
                          keys: keys)
    }

    var publicKeys: [Ed25519.PublicKey] { get throws { try keys.publicKeys() } }

    func verify(_ directory: String? = nil, macs: Bool = false, allowOpenTail: Bool = false) throws -> AuditVerifier.Report {
        AuditVerifier(publicKeys: try publicKeys, macKeys: macs ? keys : nil).verify(directory: directory ?? logDirectory, allowOpenTail: allowOpenTail)
    }

    /// The one segment file's path (tests that tamper use a single segment).
    var firstSegment: String { (logDirectory as NSString).appendingPathComponent(SegmentFormat.fileName(1)) }
}

/// A KMIP-like entry: domain, operation, client, objects, outcome.
func entry(_ domain: String = "tenant-a", _ operation: String = "Get", client: String = "hypervisor-a", objects: [String] = [],
           outcome: AuditEntry.Outcome = .success, reason: String = "") -> AuditEntry {
    AuditEntry(kind: .kmip, domain: domain,
               client: AuditEntry.Client(name: client, role: "hypervisor", subject: "CN=\(client),O=Keep",
                                         fingerprint: hex(SHA256.hash(Array(client.utf8)))),
               source: "127.0.0.1:50000", operation: operation, objectIDs: objects, protocolVersion: "2.1", outcome: outcome,
               reason: reason, durationMicroseconds: 120)
}

func fileBytes(_ path: String) throws -> [UInt8] { Array(try Data(contentsOf: URL(fileURLWithPath: path))) }
func writeFile(_ bytes: [UInt8], _ path: String) throws { try Data(bytes).write(to: URL(fileURLWithPath: path)) }

/// A segment's header and whole frames, without the zeros preallocated after them.
func segmentData(_ path: String) throws -> [UInt8] {
    let bytes = try fileBytes(path)
    let (_, length) = try SegmentFormat.Header.decode(bytes)
    return Array(bytes[..<SegmentFormat.dataEnd(of: SegmentFormat.frames(bytes, from: length), headerLength: length)])
}

/// A segment's header length and frames.
func frames(of path: String) throws -> (headerLength: Int, frames: [SegmentFormat.Frame], bytes: [UInt8]) {
    let bytes = try fileBytes(path)
    let (_, length) = try SegmentFormat.Header.decode(bytes)
    return (length, SegmentFormat.frames(bytes, from: length), bytes)
}

/// Byte ranges of each frame in a segment, by kind.
struct FrameMap {
    var records: [UInt64: Range<Int>] = [:]
    var checkpoints: [(sequence: UInt64, range: Range<Int>)] = []
    var bytes: [UInt8]

    init(_ path: String) throws {
        let (_, frames, bytes) = try KeepAuditTests.frames(of: path)
        self.bytes = bytes
        for (index, frame) in frames.enumerated() {
            let end = index + 1 < frames.count ? frames[index + 1].offset : bytes.count
            switch frame {
            case .record(let record, _, _, let offset): records[record.sequence] = offset..<end
            case .checkpoint(let checkpoint, _, _, let offset): checkpoints.append((checkpoint.sequence, offset..<end))
            default: break
            }
        }
    }
}
