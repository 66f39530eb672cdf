import KeepdTestSupport
import Foundation
import KMIP
import KeepAudit
import KeepCrypto
import KeepServer
import KeepTLS
import KeyHierarchy
import Synchronization
import Testing

/// keepd's audit log end to end: 16 connections at once, then the log verified offline from a copy of its files
/// with nothing but the public key, and read back with filters.
@Suite("keepd audit log", .serialized)
struct KeepdAuditTests {
    static let template = AttributeSet([Attribute(.cryptographicAlgorithm, .enumeration(CryptographicAlgorithm.aes.rawValue)),
                                        Attribute(.cryptographicLength, .integer(256)),
                                        Attribute(.cryptographicUsageMask, .integer(CryptographicUsageMask.encrypt.rawValue | CryptographicUsageMask.decrypt.rawValue))])

    @Test func sixteenConnectionsMakeAChainThatVerifiesOfflineWithOnlyThePublicKey() throws {
        let clients = (0..<16).map { RunningKeepd.Client(name: "hv-\($0)", domain: $0 % 2 == 0 ? "tenant-a" : "tenant-b") }
        let keepd = try RunningKeepd(domains: [("tenant-a", DomainPolicy(allowsKeyExport: true)), ("tenant-b", DomainPolicy(allowsKeyExport: true))],
                                     clients: clients, configure: { $0.audit.checkpointRecords = 100 })
        let perConnection = 25
        let results = LoadResults()
        // A thread per connection, all 16 at once (concurrentPerform would run only as many as there are cores).
        let group = DispatchGroup()
        for index in 0..<16 {
            group.enter()
            Thread {
                defer { group.leave() }
                do {
                    let name = "hv-\(index)"
                    let connection = try keepd.connect(as: name)
                    defer { connection.close() }
                    for _ in 0..<perConnection {
                        let response = try connection.send(RequestMessage(version: .v2_1, [RequestBatchItem(CreateRequest(objectType: .symmetricKey, attributes: Self.template))]))
                        guard case .typed(let payload)? = response.batchItems.first?.payload, let uid = (payload as? CreateResponse)?.uniqueIdentifier.text else {
                            throw KeepdTestError("Create failed: \(response.batchItems.first?.resultMessage ?? "")")
                        }
                        let got = try connection.send(RequestMessage(version: .v2_1, [RequestBatchItem(GetRequest(uniqueIdentifier: .text(uid)))]))
                        guard got.batchItems.first?.resultStatus == .success else { throw KeepdTestError("Get failed") }
                        results.created.withLock { $0[name, default: []].append(uid) }
                    }
                } catch {
                    results.failures.withLock { $0.append("\(error)") }
                }
            }.start()
        }
        group.wait()
        #expect(results.failures.withLock { $0 }.isEmpty, "\(results.failures.withLock { $0 })")
        // A certificate nobody registered is refused, and the refusal recorded.
        let stranger = try keepd.installation.issueClientCertificate(name: "stranger")
        let context = try TLSClientContext(configuration: TLSClientConfiguration(
            certificateChainFile: stranger.certificatePath, privateKeyFile: stranger.keyPath, trustedCAFiles: [keepd.caPath]))
        _ = try? KMIPTestConnection(port: keepd.port, context: context).send(ServingTests.discoverVersions())
        #expect(keepd.stop() == 0)

        // The auditor's copy: the segments and the public key, nothing else.
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("keepd-audit-copy-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: copy) }
        try FileManager.default.createDirectory(atPath: copy, withIntermediateDirectories: true)
        let audit = keepd.installation.path("audit")
        for name in try FileManager.default.contentsOfDirectory(atPath: audit) where name.hasPrefix("segment-") {
            try FileManager.default.copyItem(atPath: (audit as NSString).appendingPathComponent(name), toPath: (copy as NSString).appendingPathComponent(name))
        }
        let publicKey = try Ed25519.PublicKey(pemRepresentation: String(contentsOfFile: (audit as NSString).appendingPathComponent("public-key-v1.pem"), encoding: .utf8))
        let report = AuditVerifier(publicKeys: [publicKey]).verify(directory: copy)
        #expect(report.isValid && report.endsWithShutdown, "\(report)")

        let requests = 16 * perConnection * 2
        let reader = AuditReader(directory: copy)
        let kmip = try reader.records(matching: AuditQuery(kind: .kmip))
        #expect(kmip.count == requests && kmip.allSatisfy { $0.entry.outcome == .success })
        // Every client's records are its own, with its certificate and address, and name the keys it made.
        for index in 0..<16 {
            let name = "hv-\(index)"
            let records = try reader.records(matching: AuditQuery(client: name))
            #expect(records.count == perConnection * 2)
            let fingerprint = ClientRegistry.normalizedFingerprint(keepd.clients[name]!.fingerprint)
            #expect(records.allSatisfy { $0.entry.client.fingerprint == fingerprint && $0.entry.source.hasPrefix("127.0.0.1:") },
                    "\(records.first.map { "\($0.entry.client.fingerprint) \($0.entry.source)" } ?? "")")
            #expect(Set(records.flatMap(\.entry.objectIDs)) == Set(results.created.withLock { $0[name] ?? [] }))
            #expect(records.allSatisfy { $0.entry.domain == (index % 2 == 0 ? "tenant-a" : "tenant-b") })
        }
        #expect(try reader.records(matching: AuditQuery(domain: "tenant-a", operation: "Create")).count == 8 * perConnection)
        let refused = try reader.records(matching: AuditQuery(outcome: .refused))
        #expect(refused.count == 1 && refused[0].entry.client.fingerprint == stranger.fingerprint && refused[0].entry.reason == "notRegistered")
        #expect(try reader.records(matching: AuditQuery(kind: .server)).map(\.entry.operation) == ["Start", "Stop"])
        #expect(try reader.records(matching: AuditQuery(kind: .admin)).map(\.entry.operation).filter { $0 == "RegisterClient" }.count == 16)

        // Group commit under 16 connections: fsyncs per request, from keepd's own count.
        let closed = try #require(keepd.logEntries().first { $0["event"] as? String == "audit log closed" })
        let records = try #require(closed["records"] as? Int), syncs = try #require(closed["syncs"] as? Int)
        print("keepd audit: \(records) records, \(syncs) fsyncs, \(String(format: "%.2f", Double(syncs) / Double(records))) fsyncs per record")
        #expect(syncs < records)

        // The offline verifier of keepctl says the same, and finds a record removed from the copy.
        let keepctl = RunningKeepd.productsDirectory.appendingPathComponent("keepctl").path
        let keyPath = (audit as NSString).appendingPathComponent("public-key-v1.pem")
        #expect(try run(keepctl, ["audit", "verify", "--offline", copy, "--public-key", keyPath]).status == 0)
        let segment = (copy as NSString).appendingPathComponent("segment-000001.log")
        var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: segment)))
        bytes[bytes.count / 2] ^= 0x40
        try Data(bytes).write(to: URL(fileURLWithPath: segment))
        let broken = try run(keepctl, ["audit", "verify", "--offline", copy, "--public-key", keyPath])
        #expect(broken.status == 1 && broken.output.hasPrefix("BROKEN:"), "\(broken.output)")
    }

    /// keepd will not start on an audit log that was tampered with.
    @Test func keepdRefusesToStartOnATamperedLog() throws {
        let keepd = try RunningKeepd()
        #expect(try keepd.connect(as: "hypervisor-a").send(ServingTests.discoverVersions()).batchItems.first?.resultStatus == .success)
        #expect(keepd.stop() == 0)
        let segment = keepd.installation.path("audit/segment-000001.log")
        var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: segment)))
        let at = try #require(bytes.firstRange(of: Array("DiscoverVersions".utf8))).lowerBound
        bytes[at] = UInt8(ascii: "d")
        try Data(bytes).write(to: URL(fileURLWithPath: segment))
        let restarted = try run(RunningKeepd.productsDirectory.appendingPathComponent("keepd").path,
                                ["--config", keepd.installation.path(Installation.configurationFile)])
        #expect(restarted.status != 0 && restarted.output.contains("does not verify"), "\(restarted.output)")
    }

    private func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

/// What the load threads report.
final class LoadResults: Sendable {
    let created = Mutex<[String: [String]]>([:])
    let failures = Mutex<[String]>([])
}
