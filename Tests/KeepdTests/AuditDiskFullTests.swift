import KeepdTestSupport
import Foundation
import KMIP
import KeepAudit
import KeepCrypto
import KeyHierarchy
import Testing

/// The audit log fails closed on a real write failure, not an injected one (`AuditServiceTests` in KeepServerTests
/// injects its faults): keepd runs under a file-size limit (RLIMIT_FSIZE, no root needed) that only the audit
/// segment reaches, so a group commit's write(2) writes what fits, then fails with EFBIG, as on a full disk.
@Suite("keepd audit log at a file-size limit", .serialized)
struct AuditDiskFullTests {
    /// Room above the largest file of the installation. The store, its WAL and shared-memory index and keepd's log
    /// stay below the limit with this to spare (a Get of a key already served writes none of them, and keepd's log
    /// takes a line per connection or failure), while the audit segment, which grows by a record per Get, reaches it.
    static let headroom = 8 * 1024

    @Test func aGetThatCannotBeRecordedIsRefusedWithoutItsKeyAndWhatWasAcknowledgedIsKept() throws {
        // A domain that exports keys in the clear, so that a Get answered without its record would carry the key's
        // bytes. No interval checkpoint while the test runs: the segment grows by Get records only, all of one size.
        let keepd = try RunningKeepd(domains: [("tenant-a", DomainPolicy(allowsKeyExport: true))],
                                     clients: [RunningKeepd.Client(name: "hypervisor-a", domain: "tenant-a")],
                                     configure: { $0.audit.checkpointInterval = 3_600 })
        // The key is made and served once without a limit: its first Get clears Fresh, a store write.
        let setup = try keepd.connect(as: "hypervisor-a")
        let uid = try KeepctlTests.createKey(setup)
        let key = try KeepctlTests.get(setup, uid).get()
        setup.close()
        #expect(keepd.stop() == 0)

        let sizes = try Self.fileSizes(under: keepd.directory)
        let limit = (try #require(sizes.values.max()) + Self.headroom) / 1024 * 1024
        try keepd.restart(fileSizeLimit: limit)
        #expect(try Self.fileSizeLimit(of: keepd.process.processIdentifier) == limit)
        let audit = keepd.installation.path("audit")
        let segment = (audit as NSString).appendingPathComponent("segment-000001.log")

        // Gets, each recorded before it is answered, until the segment cannot take one more record. A keepd that did
        // not ignore SIGXFSZ would die here, at the write past the limit.
        var acknowledged = 1
        let connection = try keepd.connect(as: "hypervisor-a")
        var durable = try Self.size(segment), record = 0
        var answer = try Self.get(uid, on: connection)
        while answer.item.resultStatus == .success {
            #expect(contains(answer.bytes, key))
            acknowledged += 1
            let size = try Self.size(segment)
            try #require(size > durable, "a Get was answered with the key but the audit segment did not grow: its record was not written")
            record = size - durable
            durable = size
            try #require(acknowledged < 5_000, "\(acknowledged) Gets and the audit segment (\(durable) bytes) has not reached the limit of \(limit)")
            answer = try Self.get(uid, on: connection)
        }
        // The failed write was a short one: it wrote up to the limit, then met EFBIG; the writer cut those bytes back.
        #expect(durable < limit && durable + record > limit, "segment \(durable) bytes, record \(record) bytes, limit \(limit)")
        #expect(try Self.size(segment) == durable)
        Self.expectRefused(answer, key: key)

        // From then on every Get is refused, on this connection and on a new one, and keepd stays up to say so.
        var refused = 1
        let another = try keepd.connect(as: "hypervisor-a")
        for client in [connection, connection, connection, another] {
            Self.expectRefused(try Self.get(uid, on: client), key: key)
            refused += 1
        }
        #expect(keepd.process.isRunning)
        #expect(try Self.size(segment) == durable)
        connection.close()
        another.close()

        // keepd's log says why, once per refused message, and holds no key material.
        let failures = keepd.logEntries().filter { $0["event"] as? String == "audit record failed" }
        #expect(failures.count == refused, "\(failures)")
        #expect(failures.allSatisfy { $0["level"] as? String == "error" && $0["operation"] as? String == "Get"
                && ($0["error"] as? String)?.contains("File too large") == true }, "\(failures)")
        let log = Array(try Data(contentsOf: URL(fileURLWithPath: keepd.logPath)))
        let text = String(decoding: log, as: UTF8.self).lowercased()
        #expect(!contains(log, key) && !text.contains(hex(key)) && !text.contains(Data(key).base64EncodedString().lowercased()))

        // What is on disk is whole: every frame complete, every link and MAC in place, up to the last acknowledged Get.
        let publicKey = try Ed25519.PublicKey(pemRepresentation: String(contentsOfFile: (audit as NSString).appendingPathComponent("public-key-v1.pem"),
                                                                        encoding: .utf8))
        let live = AuditVerifier(publicKeys: [publicKey]).verify(directory: audit, allowOpenTail: true)
        #expect(live.isValid, "\(live)")
        // Stopped, it exits (its Stop record may not fit) rather than dying of SIGXFSZ.
        keepd.stop()
        #expect(keepd.process.terminationReason == .exit)

        // With the limit gone the same log goes on, and nothing acknowledged was lost.
        try keepd.restart()
        let after = try keepd.connect(as: "hypervisor-a")
        #expect(try KeepctlTests.get(after, uid).get() == key)
        acknowledged += 1
        after.close()
        #expect(keepd.stop() == 0)
        let report = AuditVerifier(publicKeys: [publicKey]).verify(directory: audit)
        #expect(report.isValid && report.endsWithShutdown, "\(report)")
        let reader = AuditReader(directory: audit)
        let gets = try reader.records(matching: AuditQuery(operation: "Get"))
        #expect(gets.count == acknowledged && gets.allSatisfy { $0.entry.outcome == .success && $0.entry.objectIDs == [uid] },
                "\(gets.count) Get records, \(acknowledged) Gets answered with the key")
        let starts = try reader.records(matching: AuditQuery(kind: .server, operation: "Start"))
        #expect(starts.count == 3 && !(starts.last?.entry.message.contains("discarded") ?? true), "\(starts.map(\.entry.message))")
    }

    /// A Get refused because its record could not be written: an error, and not a byte of the key.
    static func expectRefused(_ answer: (item: ResponseBatchItem, bytes: [UInt8]), key: [UInt8],
                              sourceLocation: SourceLocation = #_sourceLocation) {
        let item = answer.item
        #expect(item.resultStatus == .operationFailed && item.resultReason == .internalServerError && item.payload == nil,
                "\(item.resultStatus) \(item.resultReason?.description ?? "-")", sourceLocation: sourceLocation)
        #expect(item.resultMessage?.contains("the audit log could not record this request") == true, sourceLocation: sourceLocation)
        #expect(!contains(answer.bytes, key), "the refused response carries the key", sourceLocation: sourceLocation)
    }

    static func get(_ uid: String, on connection: KMIPTestConnection) throws -> (item: ResponseBatchItem, bytes: [UInt8]) {
        let bytes = try connection.roundTrip(RequestMessage(version: .v2_1, [RequestBatchItem(GetRequest(uniqueIdentifier: .text(uid)))]).encoded())
        let response = try ResponseMessage(from: try TTLVDecoder().decodeMessage(bytes))
        return (try #require(response.batchItems.first), bytes)
    }

    static func size(_ path: String) throws -> Int {
        try (FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber).orThrow("no size for \(path)").intValue
    }

    /// Every regular file under `directory` with its size.
    static func fileSizes(under directory: String) throws -> [String: Int] {
        var sizes: [String: Int] = [:]
        for case let name as String in FileManager.default.enumerator(atPath: directory)?.allObjects ?? [] {
            let path = (directory as NSString).appendingPathComponent(name)
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            if attributes[.type] as? FileAttributeType == .typeRegular { sizes[name] = (attributes[.size] as? NSNumber)?.intValue ?? 0 }
        }
        return sizes
    }

    /// The soft RLIMIT_FSIZE of a process, in bytes, as the kernel reports it (nil: unlimited).
    static func fileSizeLimit(of pid: Int32) throws -> Int? {
        let limits = try String(contentsOfFile: "/proc/\(pid)/limits", encoding: .utf8)
        let line = try limits.split(separator: "\n").first { $0.hasPrefix("Max file size") }.orThrow("no file-size limit in /proc/\(pid)/limits")
        let soft = line.dropFirst("Max file size".count).split(separator: " ").first.map(String.init)
        return soft.flatMap { Int($0) }
    }
}
