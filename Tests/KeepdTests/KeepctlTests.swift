import KeepdTestSupport
import Foundation
import KMIP
import KeepAdminClient
import KeepAudit
import KeepCrypto
import KeepServer
import KeepTLS
import KeyHierarchy
import Synchronization
import Testing

/// The built keepctl binary against keepd as a process: init, domains, clients, rotation under load, keys,
/// JSON output and the exit status of each kind of failure.
@Suite("keepctl against keepd", .serialized)
struct KeepctlTests {
    // MARK: KMIP as a tenant's hypervisor

    static func createKey(_ connection: KMIPTestConnection, activate: Bool = true) throws -> String {
        let template = AttributeSet([Attribute(.cryptographicAlgorithm, .enumeration(CryptographicAlgorithm.aes.rawValue)),
                                     Attribute(.cryptographicLength, .integer(256)),
                                     Attribute(.cryptographicUsageMask, .integer(CryptographicUsageMask([.encrypt, .decrypt]).rawValue))])
        let created = try connection.send(RequestMessage(version: .v1_4, [RequestBatchItem(CreateRequest(objectType: .symmetricKey, attributes: template))]))
        let uid = try #require(created.batchItems.first?.payload(as: CreateResponse.self)?.uniqueIdentifier.text,
                               "Create failed: \(created.batchItems.first?.resultMessage ?? "")")
        if activate {
            let activated = try connection.send(RequestMessage(version: .v1_4, [RequestBatchItem(ActivateRequest(uniqueIdentifier: .text(uid)))]))
            #expect(activated.batchItems.first?.resultStatus == .success)
        }
        return uid
    }

    /// The key's bytes, or the failed item.
    static func get(_ connection: KMIPTestConnection, _ uid: String) throws -> Result<[UInt8], KeepdTestError> {
        let response = try connection.send(RequestMessage(version: .v1_4, [RequestBatchItem(GetRequest(uniqueIdentifier: .text(uid)))]))
        let item = try #require(response.batchItems.first)
        guard case .bytes(let bytes)? = item.payload(as: GetResponse.self)?.object.keyBlock?.keyValue?.keyMaterial else {
            return .failure(KeepdTestError("\(item.resultReason?.description ?? "?"): \(item.resultMessage ?? "")"))
        }
        return .success(bytes.copyBytes())
    }

    static func connect(_ keepd: RunningKeepd, certificate: String, key: String) throws -> KMIPTestConnection {
        try KMIPTestConnection(port: keepd.port, context: TLSClientContext(configuration: TLSClientConfiguration(
            certificateChainFile: certificate, privateKeyFile: key, trustedCAFiles: [keepd.caPath], serverName: "127.0.0.1")))
    }

    /// Whether keepd serves a Discover Versions to this certificate.
    static func served(_ keepd: RunningKeepd, certificate: String, key: String) -> Bool {
        guard let connection = try? connect(keepd, certificate: certificate, key: key),
              let response = try? connection.send(ServingTests.discoverVersions()) else { return false }
        return response.batchItems.first?.resultStatus == .success
    }

    static func mode(_ path: String) throws -> Int {
        try (FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber).orThrow("no mode for \(path)").intValue
    }

    // MARK: init

    @Test func initMakesAnInstallationThatKeepdServesAndKeepctlAdministers() throws {
        let keepctl = try Keepctl()
        let data = keepctl.path("data")
        let pinFile = keepctl.path("pin")
        try "an operator's PIN for the test".write(toFile: pinFile, atomically: true, encoding: .utf8)
        let made = try keepctl.ok(["init", "--data-dir", data, "--listen", "127.0.0.1:0", "--pin-file", pinFile, "--demo", "--json"])
        let report = try made.json
        let admin = try (report["admin"] as? [String: Any]).orThrow("no admin in \(made.stdout)")
        let adminCertificate = try (admin["certificate"] as? String).orThrow("no admin certificate")
        #expect(FileManager.default.fileExists(atPath: adminCertificate))
        #expect(try Self.mode(try (admin["privateKey"] as? String).orThrow("no admin key")) == 0o600)
        #expect(report["clientConfig"] as? [String] == [data + "/keepctl.json", keepctl.settingsPath])
        let demo = try (report["demo"] as? [String: Any]).orThrow("no demo in \(made.stdout)")
        let hypervisor = try (demo["hypervisor"] as? [String: Any]).orThrow("no demo hypervisor")

        let keepd = try RunningKeepd(installation: Installation(dataDirectory: data))
        let server = ["--server", "127.0.0.1:\(keepd.port)"]
        // The settings init wrote (KEEPCTL_CONFIG) are all keepctl needs, given the port keepd picked.
        let status = try keepctl.ok(["status", "--json"] + server).json
        #expect(status["rootOfTrustVersion"] as? Int == 1 && status["version"] as? String == "0.1")
        #expect((status["auditChainHead"] as? String)?.hasPrefix("record ") == true, "\(status)")
        let domains = try (status["domains"] as? [[String: Any]]).orThrow("no domains")
        #expect(domains.compactMap { ($0["domain"] as? [String: Any])?["id"] as? String } == ["demo"])
        let listed = try keepctl.ok(["domain", "list", "--json", "--config", data + "/keepctl.json"] + server).json
        #expect((listed["domains"] as? [[String: Any]])?.first?["keyExportAllowed"] as? Bool == true)
        // The demo hypervisor is a working KMIP client at once.
        let connection = try Self.connect(keepd, certificate: try (hypervisor["certificate"] as? String).orThrow("?"),
                                          key: try (hypervisor["privateKey"] as? String).orThrow("?"))
        let uid = try Self.createKey(connection)
        #expect(try Self.get(connection, uid).get().count == 32)

        // A second init refuses, and changes nothing.
        let configuration = try Data(contentsOf: URL(fileURLWithPath: data + "/keepd.json"))
        let again = try keepctl.run(["init", "--data-dir", data, "--pin-file", pinFile])
        #expect(again.status == 1 && again.isOneLineFailure && again.stderr.contains("already an installation"), "\(again.summary)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: data + "/keepd.json")) == configuration)
        #expect(keepd.stop() == 0)
    }

    // MARK: Domains

    @Test func domainsAreCreatedSuspendedDisabledAndShown() throws {
        let keepd = try RunningKeepd(administrator: true)
        let keepctl = try Keepctl(administering: keepd)
        let created = try keepctl.ok(["domain", "create", "acme", "--name", "Acme Corp", "--allow-key-export", "--waive-client-auth", "--json"]).json
        let acme = try (created["domain"] as? [String: Any]).orThrow("no domain")
        #expect(acme["id"] as? String == "acme" && acme["displayName"] as? String == "Acme Corp" && acme["keyExportAllowed"] as? Bool == true
                && acme["clientAuthRequired"] as? Bool == false && acme["subscription"] as? String == "active" && acme["enabled"] as? Bool == true)
        let listed = try keepctl.ok(["domain", "list", "--json"]).json
        #expect((listed["domains"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ["acme", "tenant-a"])
        let table = try keepctl.ok(["domain", "list"]).stdout
        #expect(table.hasPrefix("DOMAIN") && table.contains("acme") && table.contains("Acme Corp"))

        let hypervisor = try keepd.connect(as: "hypervisor-a")
        let uid = try Self.createKey(hypervisor)
        // Suspended: existing keys are served, no new key is made.
        try keepctl.ok(["domain", "suspend", "tenant-a"])
        let refused = try hypervisor.send(RequestMessage(version: .v1_4, [RequestBatchItem(CreateRequest(objectType: .symmetricKey, attributes: AttributeSet([
            Attribute(.cryptographicAlgorithm, .enumeration(CryptographicAlgorithm.aes.rawValue)), Attribute(.cryptographicLength, .integer(256))])))]))
        #expect(refused.batchItems.first?.resultReason == .permissionDenied)
        #expect(try Self.get(hypervisor, uid).get().count == 32)
        try keepctl.ok(["domain", "resume", "tenant-a"])
        _ = try Self.createKey(hypervisor)
        // Disabling asks; without a terminal it needs --yes, and until then nothing changes.
        let unconfirmed = try keepctl.run(["domain", "disable", "tenant-a"])
        #expect(unconfirmed.status == 2 && unconfirmed.isOneLineFailure && unconfirmed.stderr.contains("--yes"), "\(unconfirmed.summary)")
        #expect(try Self.get(hypervisor, uid).get().count == 32)
        try keepctl.ok(["domain", "disable", "tenant-a", "--yes"])
        if case .success = try Self.get(hypervisor, uid) { Issue.record("a disabled domain's key was served") }
        try keepctl.ok(["domain", "enable", "tenant-a"])
        #expect(try Self.get(hypervisor, uid).get().count == 32)

        let shown = try keepctl.ok(["domain", "show", "tenant-a", "--json"]).json
        let objects = try (shown["objects"] as? [String: Any]).orThrow("no objects")
        #expect(objects["active"] as? Int == 2 && objects["total"] as? Int == 2)
        let activity = try (shown["recentActivity"] as? [[String: Any]]).orThrow("no activity")
        #expect(activity.first?["operation"] as? String == "Get" && activity.first?["client"] as? String == "hypervisor-a")
        #expect(activity.contains { $0["operation"] as? String == "KeepModifyDomain" && $0["client"] as? String == "admin" })
        #expect(activity.contains { $0["operation"] as? String == "Get" && $0["status"] as? String == "OperationFailed" && $0["reason"] as? String == "PermissionDenied" })
        let human = try keepctl.ok(["domain", "show", "tenant-a"]).stdout
        #expect(human.contains("key export     allowed") && human.contains("client auth    required") && human.contains("keys           2 (2 active)"))

        let unknown = try keepctl.run(["domain", "show", "nope"])
        #expect(unknown.status == 1 && unknown.isOneLineFailure && unknown.stderr.contains("no domain nope"), "\(unknown.summary)")
        let duplicate = try keepctl.run(["domain", "create", "acme"])
        #expect(duplicate.status == 1 && duplicate.isOneLineFailure && duplicate.stderr.contains("exists"), "\(duplicate.summary)")
    }

    // MARK: Clients

    @Test func clientsAreIssuedRegisteredAndRevoked() throws {
        let keepd = try RunningKeepd(administrator: true)
        let keepctl = try Keepctl(administering: keepd)
        let out = keepctl.path("certs")
        let issued = try keepctl.ok(["client", "issue", "--domain", "tenant-a", "--role", "hypervisor", "--name", "esx-1", "--out", out, "--json"]).json
        let certificate = try (issued["certificate"] as? String).orThrow("no certificate"), key = try (issued["privateKey"] as? String).orThrow("no key")
        let keyMode = try Self.mode(key)
        #expect(certificate == out + "/esx-1.pem" && key == out + "/esx-1.key" && keyMode == 0o600)
        let pem = try Certificate.readPEMFile(certificate)[0]
        #expect(try PrivateKey(pemFile: key).matches(pem))
        #expect(((issued["client"] as? [String: Any])?["fingerprint"] as? String) == pem.sha256Fingerprint)
        let esx = try Self.connect(keepd, certificate: certificate, key: key)
        _ = try Self.createKey(esx)
        let clash = try keepctl.run(["client", "issue", "--domain", "tenant-a", "--role", "hypervisor", "--name", "esx-1", "--out", out])
        #expect(clash.status == 1 && clash.isOneLineFailure && clash.stderr.contains("exists"), "\(clash.summary)")

        // vCenter's own certificate: self-signed, no clientAuth. Refused while the domain requires clientAuth.
        let vcenterKey = try PrivateKey.generate()
        let vcenter = try CertificateAuthority.selfSignedClientCertificate(for: vcenterKey, subject: DistinguishedName(commonName: "vcenter-prod"))
        let vcenterPath = keepctl.path("vcenter.pem"), vcenterKeyPath = keepctl.path("vcenter.key")
        try Certificate.writePEM([vcenter], to: vcenterPath)
        try vcenterKey.writePEM(to: vcenterKeyPath)
        let strict = try keepctl.run(["client", "register", "--domain", "tenant-a", "--role", "hypervisor", "--cert", vcenterPath])
        #expect(strict.status == 1 && strict.isOneLineFailure && strict.stderr.contains("clientAuth"), "\(strict.summary)")
        try keepctl.ok(["domain", "policy", "tenant-a", "--client-auth", "waive"])
        let registered = try keepctl.ok(["client", "register", "--domain", "tenant-a", "--role", "hypervisor", "--cert", vcenterPath, "--json"]).json
        let vcenterClient = try (registered["client"] as? [String: Any]).orThrow("no client")
        #expect(vcenterClient["name"] as? String == "vcenter-prod" && vcenterClient["selfSigned"] as? Bool == true)
        #expect(Self.served(keepd, certificate: vcenterPath, key: vcenterKeyPath))

        // Revoked: refused from the next connection on.
        try keepctl.ok(["client", "revoke", "--domain", "tenant-a", "--name", "esx-1", "--yes"])
        #expect(!Self.served(keepd, certificate: certificate, key: key))
        try keepctl.ok(["client", "revoke", String(vcenter.sha256Fingerprint.prefix(12)), "--yes"])
        #expect(!Self.served(keepd, certificate: vcenterPath, key: vcenterKeyPath))
        let clients = try (try keepctl.ok(["client", "list", "--json"]).json["clients"] as? [[String: Any]]).orThrow("no clients")
        let byName = Dictionary(uniqueKeysWithValues: clients.compactMap { c in (c["name"] as? String).map { ($0, c) } })
        #expect(Set(byName.keys) == ["admin", "hypervisor-a", "esx-1", "vcenter-prod"])
        #expect(byName["esx-1"]?["revoked"] as? Bool == true && byName["vcenter-prod"]?["revoked"] as? Bool == true
                && byName["hypervisor-a"]?["revoked"] as? Bool == false && byName["admin"]?["domain"] as? String == "_system")
        #expect(Self.served(keepd, certificate: keepd.clients["hypervisor-a"]!.certificatePath, key: keepd.clients["hypervisor-a"]!.keyPath))

        // A second installation administrator works at once; once revoked, keepd refuses its certificate (exit 4).
        try keepctl.ok(["client", "issue", "--domain", "_system", "--role", "admin", "--name", "alice", "--out", out])
        let alice = ["--cert", out + "/alice.pem", "--key", out + "/alice.key"]
        let connections = try keepctl.ok(["status", "--json"] + alice).json["connections"] as? Int
        #expect((connections ?? 0) >= 1)
        try keepctl.ok(["client", "revoke", "--domain", "_system", "--name", "alice", "--yes"])
        let refused = try keepctl.run(["status"] + alice)
        #expect(refused.status == 4 && refused.isOneLineFailure && refused.stderr.contains("does not accept this client certificate"), "\(refused.summary)")
        let last = try keepctl.run(["client", "revoke", "--domain", "_system", "--name", "admin", "--yes"])
        #expect(last.status == 1 && last.isOneLineFailure && last.stderr.contains("last installation administrator"), "\(last.summary)")
    }

    // MARK: Rotation

    /// A hypervisor reads keys in a loop on its own connection while keepctl rotates the Root of Trust and then the
    /// domain's DK: every read succeeds and returns the same bytes, and the rotations complete.
    @Test func rotationsStayOnlineWhileAClientKeepsReadingKeys() throws {
        let keyCount = 2_000
        var uids: [String] = []
        let keepd = try RunningKeepd(administrator: true, setUp: { _, hierarchy, _ in
            uids = try hierarchy.createSymmetricKeys(count: keyCount, in: "tenant-a").map(\.uid)
        })
        let keepctl = try Keepctl(administering: keepd)
        let sample = Array(uids.prefix(24))
        let checker = try keepd.connect(as: "hypervisor-a")
        let expected = try sample.map { try Self.get(checker, $0).get() }
        let port = keepd.port, context = try keepd.clientContext("hypervisor-a")

        let stop = Mutex(false)
        let outcome = Mutex((reads: 0, failures: [String]()))
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            defer { done.signal() }
            let reader: KMIPTestConnection
            do {
                reader = try KMIPTestConnection(port: port, context: context)
            } catch {
                return outcome.withLock { $0.failures.append("cannot connect: \(error)") }
            }
            var index = 0
            while !stop.withLock({ $0 }) {
                let i = index % sample.count
                index += 1
                do {
                    let bytes = try Self.get(reader, sample[i]).get()
                    outcome.withLock { $0.reads += 1; if bytes != expected[i] { $0.failures.append("key \(i) changed") } }
                } catch {
                    outcome.withLock { $0.failures.append("\(error)") }
                }
            }
        }
        thread.start()
        while outcome.withLock({ $0.reads }) == 0 { Thread.sleep(forTimeInterval: 0.005) }
        let root = try keepctl.ok(["rotate", "root", "--json"]).json["rotation"] as? [String: Any]
        let readsDuringRoot = outcome.withLock { $0.reads }
        // The reads completed while keepctl waited for the domain rotation's answer were served during it.
        let domain = try keepctl.ok(["rotate", "domain", "tenant-a", "--json"]).json["rotation"] as? [String: Any]
        let readsAfterDomain = outcome.withLock { $0.reads }
        stop.withLock { $0 = true }
        done.wait()

        #expect(root?["target"] as? String == "root" && root?["version"] as? Int == 2)
        #expect(domain?["target"] as? String == "domain" && domain?["version"] as? Int == 2 && domain?["total"] as? Int == keyCount)
        let (reads, failures) = outcome.withLock { ($0.reads, $0.failures) }
        #expect(failures.isEmpty, "\(failures.prefix(5))")
        #expect(readsDuringRoot > 0 && readsAfterDomain - readsDuringRoot >= 5,
                "reads: \(readsDuringRoot) by the end of the RoT rotation, \(readsAfterDomain - readsDuringRoot) during the DK rotation, \(reads) in all")
        #expect(try sample.map { try Self.get(checker, $0).get() } == expected)
        let status = try keepctl.ok(["rotate", "status", "--json"]).json
        #expect((status["rotations"] as? [Any])?.isEmpty == true)
        let shown = try keepctl.ok(["domain", "show", "tenant-a", "--json"]).json
        #expect((shown["domain"] as? [String: Any])?["domainKeyVersion"] as? Int == 2)
        // The audit log proves the overlap: Gets were recorded while the domain rotation ran, and the rotation is
        // recorded as the administrator's, filed under the tenant it acted on.
        let records = try AuditReader(directory: keepd.installation.auditDirectory).records(matching: AuditQuery(kind: .kmip))
        let rotation = try records.first { $0.entry.operation == "KeepRotate" && $0.entry.objectIDs == ["domain:tenant-a"] }.orThrow("no KeepRotate record")
        #expect(rotation.entry.domain == "tenant-a" && rotation.entry.client.name == "admin" && rotation.entry.outcome == .success)
        let window = (rotation.time - rotation.entry.durationMicroseconds)...rotation.time
        let readsDuring = records.filter { $0.entry.operation == "Get" && $0.entry.outcome == .success && window.contains($0.time) }.count
        #expect(readsDuring > 0, "no Get was served during the \(rotation.entry.durationMicroseconds) µs domain rotation")
        let human = try keepctl.ok(["rotate", "domain", "tenant-a"])
        #expect(human.stdout.contains("rotated domain tenant-a to v3: \(keyCount) keys re-wrapped") && human.stderr.isEmpty, "\(human.summary)")
        // On a terminal (script(1) gives keepctl one), a progress bar is drawn on standard error.
        let onTerminal = try keepctl.ok(["/usr/bin/script", "-qec", "\(Keepctl.binary.path) rotate domain tenant-a", "/dev/null"], program: "/usr/bin/env")
        #expect(onTerminal.stdout.contains("rotating domain tenant-a [") && onTerminal.stdout.contains("rotated domain tenant-a to v4"), "\(onTerminal.summary)")
    }

    // MARK: Keys

    @Test func keysAreListedRevokedAndDestroyed() throws {
        let keepd = try RunningKeepd(administrator: true)
        let keepctl = try Keepctl(administering: keepd)
        let hypervisor = try keepd.connect(as: "hypervisor-a")
        let uid = try Self.createKey(hypervisor)
        let listed = try keepctl.ok(["key", "list", "--domain", "tenant-a", "--json"]).json
        #expect(listed["total"] as? Int == 1)
        let key = try ((listed["keys"] as? [[String: Any]])?.first).orThrow("no key listed")
        #expect(key["id"] as? String == uid && key["state"] as? String == "active" && key["algorithm"] as? String == "AES" && key["length"] as? Int == 256)
        let shown = try keepctl.ok(["key", "show", "--domain", "tenant-a", uid]).stdout
        #expect(shown.contains("state          active") && shown.contains("domain key     v1"))

        let active = try keepctl.run(["key", "destroy", "--domain", "tenant-a", uid, "--yes"])
        #expect(active.status == 1 && active.isOneLineFailure && active.stderr.contains("WrongKeyLifecycleState"), "\(active.summary)")
        let unconfirmed = try keepctl.run(["key", "revoke", "--domain", "tenant-a", uid])
        #expect(unconfirmed.status == 2 && unconfirmed.isOneLineFailure)
        let revoked = try keepctl.ok(["key", "revoke", "--domain", "tenant-a", uid, "--reason", "compromise", "--message", "host stolen", "--yes", "--json"]).json
        #expect((revoked["key"] as? [String: Any])?["state"] as? String == "compromised")
        let destroyed = try keepctl.ok(["key", "destroy", "--domain", "tenant-a", uid, "--yes", "--json"]).json
        let gone = try (destroyed["key"] as? [String: Any]).orThrow("no key")
        #expect(gone["state"] as? String == "destroyed-compromised" && gone["hasKeyMaterial"] as? Bool == false
                && gone["revocationMessage"] as? String == "host stolen")
        if case .success = try Self.get(hypervisor, uid) { Issue.record("a destroyed key was served") }
        let missing = try keepctl.run(["key", "show", "--domain", "tenant-a", "00000000-0000-4000-8000-000000000000"])
        #expect(missing.status == 1 && missing.isOneLineFailure, "\(missing.summary)")
        let byState = try keepctl.ok(["key", "list", "--domain", "tenant-a", "--state", "active", "--json"]).json
        #expect(byState["total"] as? Int == 0)
    }

    // MARK: Failures

    @Test func failuresExitWithTheirStatusAndAOneLineReason() throws {
        let keepd = try RunningKeepd(administrator: true)
        let keepctl = try Keepctl(administering: keepd)
        func expect(_ arguments: [String], _ status: Int32, _ fragment: String, environment: [String: String] = [:],
                    sourceLocation: SourceLocation = #_sourceLocation) throws {
            let result = try keepctl.run(arguments, environment: environment)
            #expect(result.status == status && result.isOneLineFailure && result.stderr.contains(fragment), "\(result.summary)", sourceLocation: sourceLocation)
        }
        // Usage: 2.
        try expect(["frobnicate"], 2, "unknown command")
        try expect(["domain", "explode"], 2, "unknown subcommand")
        try expect(["domain", "create"], 2, "takes 1 argument")
        try expect(["domain", "list", "--colour"], 2, "unknown flag --colour")
        try expect(["client", "issue", "--domain", "tenant-a", "--role", "emperor", "--name", "x"], 2, "--role is one of")
        try expect(["status"], 2, "no keepd to talk to", environment: ["KEEPCTL_CONFIG": ""])
        try expect(["status"], 2, "cannot read", environment: ["KEEPCTL_CONFIG": keepctl.path("absent.json")])
        // Unreachable: 3.
        try expect(["status", "--server", "127.0.0.1:1"], 3, "cannot reach keepd")
        // TLS and authentication: 4.
        let otherCA = try CertificateAuthority.create(subject: DistinguishedName(commonName: "Other CA"))
        try Certificate.writePEM([otherCA.certificate], to: keepctl.path("other-ca.pem"))
        try expect(["status", "--ca", keepctl.path("other-ca.pem")], 4, "keepd's certificate is not trusted")
        let stranger = try keepd.installation.issueClientCertificate(name: "stranger")
        try expect(["status", "--cert", stranger.certificatePath, "--key", stranger.keyPath], 4, "does not accept this client certificate")
        // The operation failed: 1. A tenant's client is not an administrator.
        let tenant = keepd.clients["hypervisor-a"]!
        try expect(["status", "--cert", tenant.certificatePath, "--key", tenant.keyPath], 1, "PermissionDenied")
        try expect(["domain", "disable", "nope", "--yes"], 1, "no domain nope")

        // recover-admin: the partition is in use while keepd runs; with keepd stopped a wrong PIN is said so.
        try expect(["recover-admin", "--data-dir", keepd.directory], 1, "stop keepd")
        #expect(keepd.stop() == 0)
        try "not the PIN".write(toFile: keepctl.path("wrong-pin"), atomically: true, encoding: .utf8)
        try expect(["recover-admin", "--data-dir", keepd.directory, "--pin-file", keepctl.path("wrong-pin")], 1, "wrong PIN")
        let recovered = try keepctl.ok(["recover-admin", "--data-dir", keepd.directory, "--name", "rescue", "--json"]).json
        #expect((recovered["admin"] as? [String: Any])?["name"] as? String == "rescue")
        #expect(FileManager.default.fileExists(atPath: keepd.installation.path("clients/rescue.key")))
    }

    // MARK: Help

    static let commands: [[String]] = [
        [], ["init"], ["status"], ["recover-admin"],
        ["domain"], ["domain", "create"], ["domain", "list"], ["domain", "show"], ["domain", "disable"], ["domain", "enable"],
        ["domain", "suspend"], ["domain", "resume"], ["domain", "policy"],
        ["client"], ["client", "issue"], ["client", "register"], ["client", "list"], ["client", "revoke"],
        ["rotate"], ["rotate", "root"], ["rotate", "domain"], ["rotate", "status"],
        ["key"], ["key", "list"], ["key", "show"], ["key", "revoke"], ["key", "destroy"], ["audit"],
    ]

    @Test func everyCommandAndSubcommandAnswersHelp() throws {
        let keepctl = try Keepctl()
        for words in Self.commands {
            let result = try keepctl.run(words + ["--help"])
            #expect(result.status == 0 && result.stdout.hasPrefix("usage: keepctl") && result.stderr.isEmpty, "\(result.summary)")
            if words.count == 2 { #expect(result.stdout.contains("--help") && result.stdout.contains("flags:"), "\(words)") }
        }
        let bare = try keepctl.run([])
        #expect(bare.status == 2 && bare.stderr.hasPrefix("usage: keepctl"))
    }
}
