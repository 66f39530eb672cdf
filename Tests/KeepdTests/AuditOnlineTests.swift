import KeepdTestSupport
import Foundation
import KeepAdminClient
import KeepServer
import KeyHierarchy
import Testing

/// `keepctl audit show|verify|export` through keepd (Keep Audit Query, Verify, Export): who sees what, filters,
/// online verification against a tampered offline copy, and a tenant export that verifies with the public key only.
@Suite("keepctl audit through keepd", .serialized)
struct AuditOnlineTests {
    static func keepctl(_ keepd: RunningKeepd, as name: String) throws -> Keepctl {
        let client = try keepd.clients[name].orThrow("no client \(name)")
        return try Keepctl(settings: ConnectionSettings(server: "127.0.0.1:\(keepd.port)", certificate: client.certificatePath,
                                                        privateKey: client.keyPath, ca: keepd.caPath, serverName: "127.0.0.1"))
    }

    /// `audit show --json` lines as objects.
    static func records(_ result: Keepctl.Result) throws -> [[String: Any]] {
        try result.stdout.split(separator: "\n").map {
            try (JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]).orThrow("not a JSON record: \($0)")
        }
    }

    @Test func eachReaderSeesWhatItsRoleAllowsAndTheLogVerifiesOnlineAndOffline() throws {
        let keepd = try RunningKeepd(
            domains: [("tenant-a", DomainPolicy(allowsKeyExport: true)), ("tenant-b", DomainPolicy(allowsKeyExport: true))],
            clients: [RunningKeepd.Client(name: "hypervisor-a", domain: "tenant-a"), RunningKeepd.Client(name: "hypervisor-b", domain: "tenant-b"),
                      RunningKeepd.Client(name: "auditor-a", domain: "tenant-a", role: .auditor)],
            administrator: true)
        let keyA = try KeepctlTests.createKey(try keepd.connect(as: "hypervisor-a"))
        let keyB = try KeepctlTests.createKey(try keepd.connect(as: "hypervisor-b"))
        let auditor = try Self.keepctl(keepd, as: "auditor-a")
        let admin = try Keepctl(administering: keepd)

        // A tenant's auditor: its domain's records matching every filter, and nothing of tenant-b's.
        let created = try Self.records(try auditor.ok(["audit", "show", "--json", "--operation", "create", "--result", "success", "--kind", "kmip"]))
        #expect(created.count == 1 && created.allSatisfy { $0["domain"] as? String == "tenant-a" && $0["operation"] as? String == "Create" })
        #expect(created.first?["objects"] as? [String] == [keyA])
        let onKey = try Self.records(try auditor.ok(["audit", "show", "--json", "--object", keyA, "--client", "hypervisor-a"]))
        #expect(onKey.map { $0["operation"] as? String } == ["Create", "Activate"])
        let everything = try auditor.ok(["audit", "show", "--json"])
        #expect(try Self.records(everything).allSatisfy { $0["domain"] as? String == "tenant-a" })
        #expect(!everything.stdout.contains(keyB) && !everything.stdout.contains("hypervisor-b"))
        let later = try auditor.ok(["audit", "show", "--json", "--since", "2999-01-01T00:00:00Z"])
        #expect(later.stdout.isEmpty)
        let otherTenant = try auditor.run(["audit", "show", "--domain", "tenant-b"])
        #expect(otherTenant.status == 1 && otherTenant.stderr.contains("PermissionDenied") && otherTenant.stdout.isEmpty, "\(otherTenant.summary)")
        #expect(try auditor.run(["audit", "verify"]).status == 1, "the whole log's report is the installation's")

        // An installation administrator sees both tenants, and the auditor's reads, themselves audited.
        let allCreates = try Self.records(try admin.ok(["audit", "show", "--json", "--operation", "Create"]))
        #expect(Set(allCreates.compactMap { $0["domain"] as? String }) == ["tenant-a", "tenant-b"])
        #expect(Set(allCreates.flatMap { $0["objects"] as? [String] ?? [] }) == [keyA, keyB])
        let reads = try Self.records(try admin.ok(["audit", "show", "--json", "--operation", "KeepAuditQuery", "--client", "auditor-a"]))
        #expect(reads.count >= 5 && reads.allSatisfy { $0["domain"] as? String == "tenant-a" })
        #expect(reads.contains { $0["result"] as? String == "failure" }, "the refused read of tenant-b is recorded too")
        let cef = try admin.ok(["audit", "export", "--format", "cef", "--domain", "tenant-b", "--operation", "Create"])
        #expect(cef.stdout.hasPrefix("CEF:0|Keep|keepd|1|kmip:Create|Create|3|") && cef.stdout.contains(keyB))

        // A hypervisor reads nothing.
        let hypervisor = try Self.keepctl(keepd, as: "hypervisor-a")
        let refused = try hypervisor.run(["audit", "show", "--json"])
        #expect(refused.status != 0 && refused.stdout.isEmpty && refused.stderr.contains("PermissionDenied"), "\(refused.summary)")
        #expect(try hypervisor.run(["audit", "export", "--domain", "tenant-a", "--proof"]).status != 0)

        // keepd verifies its own log; a tampered copy fails offline with the public key alone.
        let verified = try admin.ok(["audit", "verify"])
        #expect(verified.stdout.hasPrefix("verified:") && verified.stdout.contains("MACs checked"), "\(verified.stdout)")
        let audit = keepd.installation.path("audit")
        let copy = auditor.path("audit-copy"), keys = auditor.path("keys")
        for directory in [copy, keys] { try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) }
        for name in try FileManager.default.contentsOfDirectory(atPath: audit) where name.hasPrefix("segment-") || name.hasPrefix("public-key-") {
            try FileManager.default.copyItem(atPath: (audit as NSString).appendingPathComponent(name),
                                            toPath: ((name.hasPrefix("segment-") ? copy : keys) as NSString).appendingPathComponent(name))
        }
        let keyPath = (keys as NSString).appendingPathComponent("public-key-v1.pem")
        try auditor.ok(["audit", "verify", "--offline", copy, "--public-key", keyPath, "--allow-open"])
        let segment = (copy as NSString).appendingPathComponent("segment-000001.log")
        var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: segment)))
        bytes[bytes.count / 2] ^= 0x40
        try Data(bytes).write(to: URL(fileURLWithPath: segment))
        let broken = try auditor.run(["audit", "verify", "--offline", copy, "--public-key", keyPath, "--allow-open"])
        #expect(broken.status == 1 && broken.stdout.hasPrefix("BROKEN:") && broken.stdout.contains("record"), "\(broken.summary)")

        // The tenant's export through keepd, checked with the public key only; the admin exports it too.
        for reader in [auditor, admin] {
            let exported = try reader.ok(["audit", "export", "--domain", "tenant-a", "--proof"])
            #expect(!exported.stdout.contains(keyB))
            let file = reader.path("export-a.jsonl")
            try exported.stdout.write(toFile: file, atomically: true, encoding: .utf8)
            let checked = try reader.ok(["audit", "verify-export", file, "--public-key", keyPath])
            #expect(checked.stdout.hasPrefix("verified:") && checked.stdout.contains("domain tenant-a"), "\(checked.stdout)")
        }
        #expect(try auditor.run(["audit", "export", "--domain", "tenant-b", "--proof"]).status == 1)
    }
}
