import Foundation
import KMIP
import KeepAudit
import KeepCrypto
import KeyHierarchy
import Synchronization
import Testing
@testable import KeepServer

/// The service over the real audit log: every outcome recorded before its response, and a response whose record
/// cannot be written is an error that carries no key.
@Suite("KMIP service: audit log, fail closed")
struct AuditServiceTests {
    final class AuditedServer: @unchecked Sendable {
        let installation: Installation
        let keys: HSMAuditKeys
        let log: AuditLog
        let service: KMIPService
        let failing = FaultSwitch()
        var directory: String { installation.directory.appendingPathComponent("audit").path }

        init() throws {
            installation = try Installation()
            keys = HSMAuditKeys(hsm: installation.hsm)
            try keys.ensureKeys()
            var configuration = AuditLog.Configuration(directory: installation.directory.appendingPathComponent("audit").path, nodeID: "test-node")
            let failing = self.failing
            configuration.faultInjector = { step in
                if failing.current == step { throw AuditError(.io, "No space left on device (injected)") }
            }
            log = try AuditLog.open(configuration, keys: keys)
            service = KMIPService(hierarchy: installation.hierarchy, audit: ChainAuditSink(log: log))
        }

        static let caller = CallerIdentity(domainID: "acme", role: .hypervisor, clientName: "acme-hv", fingerprint: String(repeating: "c", count: 64),
                                           subject: "CN=acme-hv,O=Keep", remoteAddress: "192.0.2.7:51000")

        func send(_ items: [RequestBatchItem]) throws -> (ResponseMessage, [UInt8]) {
            let bytes = service.handle(RequestMessage(version: .v2_1, items).encoded(), caller: Self.caller)
            return (try decodeResponse(bytes), bytes)
        }

        func createKey() throws -> String {
            let (response, _) = try send([RequestBatchItem(CreateRequest(objectType: .symmetricKey, attributes: AttributeSet(aes(256))))])
            let item = try #require(response.batchItems.first)
            #expect(item.resultStatus == .success)
            return try #require(item.payload(as: CreateResponse.self)?.uniqueIdentifier.text)
        }

        func get(_ uid: String) throws -> (ResponseBatchItem, [UInt8]) {
            let (response, bytes) = try send([RequestBatchItem(GetRequest(uniqueIdentifier: .text(uid)))])
            return (try #require(response.batchItems.first), bytes)
        }
    }

    @Test func everyOutcomeIsRecordedWithWhoWhatAndWhere() throws {
        let server = try AuditedServer()
        let uid = try server.createKey()
        let (got, _) = try server.get(uid)
        #expect(got.resultStatus == .success)
        let (missing, _) = try server.get("no-such-key")
        #expect(missing.resultStatus == .operationFailed)
        try server.log.close()

        let records = try AuditReader(directory: server.directory).records(matching: AuditQuery())
        #expect(records.map(\.entry.operation) == ["Create", "Get", "Get"])
        #expect(records.map(\.entry.objectIDs) == [[uid], [uid], ["no-such-key"]])
        #expect(records.map(\.entry.outcome) == [.success, .success, .failure] && records[2].entry.reason == "ItemNotFound")
        for record in records {
            #expect(record.entry.domain == "acme" && record.entry.kind == .kmip && record.nodeID == "test-node")
            #expect(record.entry.client == AuditEntry.Client(name: "acme-hv", role: "hypervisor", subject: "CN=acme-hv,O=Keep",
                                                             fingerprint: String(repeating: "c", count: 64)))
            #expect(record.entry.source == "192.0.2.7:51000" && record.entry.protocolVersion == "2.1")
        }
        #expect(try AuditVerifier(publicKeys: try server.keys.publicKeys(), macKeys: server.keys).verify(directory: server.directory).isValid)
        // The key's bytes are nowhere in the log.
        let material = try server.installation.hierarchy.keyMaterial(of: uid, in: "acme").copyBytes()
        let segment = try Data(contentsOf: URL(fileURLWithPath: (server.directory as NSString).appendingPathComponent("segment-000001.log")))
        #expect(!contains(Array(segment), material) && !String(decoding: segment, as: UTF8.self).contains(hex(material)))
    }

    @Test func anOutcomeThatCannotBeRecordedIsAnErrorAndNoKeyLeaves() throws {
        let server = try AuditedServer()
        let uid = try server.createKey()
        let material = try server.installation.hierarchy.keyMaterial(of: uid, in: "acme").copyBytes()
        #expect(contains(try server.get(uid).1, material))   // the healthy path does return the key

        // The disk fills: the Get, alone or in a batch, fails, and its response holds no key.
        server.failing.set(.write)
        let (failed, bytes) = try server.get(uid)
        expectFailure(failed, .internalServerError, "audit log")
        #expect(!contains(bytes, material))
        let (batch, batchBytes) = try server.send([RequestBatchItem(GetRequest(uniqueIdentifier: .text(uid))),
                                                   RequestBatchItem(GetAttributesRequest(uniqueIdentifier: .text(uid)))])
        #expect(batch.batchItems.count == 2)
        for item in batch.batchItems { expectFailure(item, .internalServerError, "audit log") }
        #expect(!contains(batchBytes, material))

        // Space again: served and recorded again; the failed requests left no record and no partial frame.
        server.failing.set(nil)
        #expect(try server.get(uid).0.resultStatus == .success)
        #expect(try AuditReader(directory: server.directory).records(matching: AuditQuery()).map(\.sequence) == [1, 2, 3])

        // A failed fsync: unavailable until keepd restarts, whatever happens next.
        server.failing.set(.sync)
        expectFailure(try server.get(uid).0, .internalServerError)
        server.failing.set(nil)
        let (after, afterBytes) = try server.get(uid)
        expectFailure(after, .internalServerError, "audit log")
        #expect(!contains(afterBytes, material))
        let report = AuditVerifier(publicKeys: try server.keys.publicKeys(), macKeys: server.keys).verify(directory: server.directory, allowOpenTail: true)
        #expect(report.isValid, "\(report)")
    }
}

/// Whether `needle` occurs in `haystack`.
func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
    guard !needle.isEmpty, needle.count <= haystack.count else { return false }
    return (0...(haystack.count - needle.count)).contains { haystack[$0] == needle[0] && Array(haystack[$0..<($0 + needle.count)]) == needle }
}

/// Which I/O step the audit log's fault injector fails, switched by a test.
final class FaultSwitch: Sendable {
    private let step = Mutex<AuditLog.IOStep?>(nil)
    var current: AuditLog.IOStep? { step.withLock { $0 } }
    func set(_ value: AuditLog.IOStep?) { step.withLock { $0 = value } }
}
