import Foundation
import KMIP
import KeepCrypto
import KeepServer
import KeepdTestSupport
import KeepTLS
import KeyHierarchy
import Testing

typealias Tag = KMIP.Tag

/// keepd as a process: mutual TLS, admission by registered certificate, limits, signals.
@Suite("keepd serving", .serialized)
struct ServingTests {
    static func discoverVersions(_ version: ProtocolVersion = .v1_1) -> RequestMessage {
        RequestMessage(version: version, [RequestBatchItem(DiscoverVersionsRequest())])
    }

    @Test func aRegisteredHypervisorCreatesAndGetsAKeyOverMutualTLS() throws {
        let keepd = try RunningKeepd()
        let client = try keepd.connect(as: "hypervisor-a")
        #expect(client.connection.protocolVersion == .tls13)
        let versions = try client.send(Self.discoverVersions())
        #expect(versions.batchItems.first?.resultStatus == .success)

        let template = AttributeSet([Attribute(.cryptographicAlgorithm, .enumeration(CryptographicAlgorithm.aes.rawValue)),
                                     Attribute(.cryptographicLength, .integer(256)),
                                     Attribute(.cryptographicUsageMask, .integer(CryptographicUsageMask.encrypt.rawValue | CryptographicUsageMask.decrypt.rawValue))])
        let created = try client.send(RequestMessage(version: .v1_1, [RequestBatchItem(CreateRequest(objectType: .symmetricKey, attributes: template))]))
        let item = try #require(created.batchItems.first)
        #expect(item.resultStatus == .success, "\(item.resultMessage ?? "")")
        guard case .typed(let payload) = item.payload, let uid = (payload as? CreateResponse)?.uniqueIdentifier else {
            Issue.record("no Create response payload"); return
        }

        let got = try client.send(RequestMessage(version: .v1_1, [RequestBatchItem(GetRequest(uniqueIdentifier: uid))]))
        guard case .typed(let getPayload) = got.batchItems.first?.payload,
              case .bytes(let bytes) = (getPayload as? GetResponse)?.object.keyBlock?.keyValue?.keyMaterial else {
            Issue.record("no raw key bytes in the Get response"); return
        }
        #expect(bytes.count == 32)
        client.close()
        #expect(keepd.stop() == 0)

        // The key's bytes appear nowhere in the log.
        let log = Array((try? Data(contentsOf: URL(fileURLWithPath: keepd.logPath))) ?? Data())
        #expect(!log.isEmpty && !contains(log, bytes.copyBytes()) && !contains(log, Array(hex(bytes.copyBytes()).utf8)))
        #expect(keepd.logEntries().contains { $0["event"] as? String == "stopped" })
    }

    /// Signed by the KMS CA but never registered; from another CA; none at all: each is refused and logged.
    @Test func unregisteredForeignAndAbsentCertificatesAreRefused() throws {
        let keepd = try RunningKeepd(clients: [RunningKeepd.Client(name: "hypervisor-a", domain: "tenant-a")])
        let stranger = try keepd.installation.issueClientCertificate(name: "stranger")
        let context = try TLSClientContext(configuration: TLSClientConfiguration(
            certificateChainFile: stranger.certificatePath, privateKeyFile: stranger.keyPath, trustedCAFiles: [keepd.caPath]))
        #expect(throws: (any Error).self) { _ = try KMIPTestConnection(port: keepd.port, context: context).send(Self.discoverVersions()) }

        let otherCA = try CertificateAuthority.create(subject: DistinguishedName(commonName: "Other CA"))
        let key = try PrivateKey.generate()
        let foreign = try otherCA.issueClientCertificate(for: key, subject: DistinguishedName(commonName: "foreign"))
        let foreignPath = keepd.installation.path("foreign.pem"), foreignKey = keepd.installation.path("foreign.key")
        try Certificate.writePEM([foreign], to: foreignPath)
        try key.writePEM(to: foreignKey)
        let foreignContext = try TLSClientContext(configuration: TLSClientConfiguration(
            certificateChainFile: foreignPath, privateKeyFile: foreignKey, trustedCAFiles: [keepd.caPath]))
        #expect(throws: (any Error).self) { _ = try KMIPTestConnection(port: keepd.port, context: foreignContext).send(Self.discoverVersions()) }

        #expect(throws: (any Error).self) { _ = try KMIPTestConnection(port: keepd.port, context: try keepd.clientContext(nil)).send(Self.discoverVersions()) }

        // The registered client is still served.
        #expect(try keepd.connect(as: "hypervisor-a").send(Self.discoverVersions()).batchItems.first?.resultStatus == .success)
        keepd.stop()
        let refusals = keepd.logEntries().filter { $0["event"] as? String == "client refused" }
        #expect(refusals.contains { $0["fingerprint"] as? String == stranger.fingerprint && $0["code"] as? String == "notRegistered" })
        #expect(refusals.contains { $0["fingerprint"] as? String == foreign.sha256Fingerprint && $0["code"] as? String == "notRegistered" })
        #expect(keepd.logEntries().contains { $0["event"] as? String == "handshake failed" })
    }

    /// Garbage and an oversized length close that connection only; the server goes on serving.
    @Test func malformedInputClosesOnlyThatConnection() throws {
        let keepd = try RunningKeepd(configure: { $0.limits.maxMessageBytes = 64 * 1024 })
        let garbage = try keepd.connect(as: "hypervisor-a")
        #expect(throws: (any Error).self) { _ = try garbage.roundTrip([0x42, 0x00, 0x78, 0x07, 0, 0, 0, 8, 1, 2, 3, 4, 5, 6, 7, 8]) }

        let huge = try keepd.connect(as: "hypervisor-a")
        #expect(throws: (any Error).self) { _ = try huge.roundTrip([0x42, 0x00, 0x78, 0x01, 0x7f, 0xff, 0xff, 0xf8]) }

        // A well-framed message whose body is not a valid request: an error response, and the connection lives on.
        let invalid = try keepd.connect(as: "hypervisor-a")
        let response = try ResponseMessage(from: try TTLVDecoder().decodeMessage(
            try invalid.roundTrip(TTLV(.requestMessage, .structure([TTLV(.batchCount, .integer(1))])).encoded())))
        #expect(response.batchItems.first?.resultStatus == .operationFailed)
        #expect(try invalid.send(Self.discoverVersions()).batchItems.first?.resultStatus == .success)

        #expect(try keepd.connect(as: "hypervisor-a").send(Self.discoverVersions()).batchItems.first?.resultStatus == .success)
        keepd.stop()
        let closes = keepd.logEntries().filter { $0["event"] as? String == "connection closed" }.compactMap { $0["reason"] as? String }
        #expect(closes.contains { $0.hasPrefix("not a KMIP message") })
        #expect(closes.contains { $0.contains("exceeds the limit") })
    }

    /// A client that connects and says nothing is dropped at the handshake timeout; one that stops mid-request
    /// at the read timeout; an idle one at the idle timeout.
    @Test func silentSlowAndIdleClientsAreDropped() throws {
        let keepd = try RunningKeepd(configure: {
            $0.limits.handshakeTimeout = 0.5
            $0.limits.readTimeout = 0.5
            $0.limits.idleTimeout = 0.8
        })
        let silent = try Socket.connect(host: "127.0.0.1", port: keepd.port, deadline: .now + .seconds(5))
        let slow = try keepd.connect(as: "hypervisor-a")
        try slow.connection.write([0x42, 0x00, 0x78, 0x01], deadline: .now + .seconds(5))
        let idle = try keepd.connect(as: "hypervisor-a")
        #expect(try idle.send(Self.discoverVersions()).batchItems.first?.resultStatus == .success)
        Thread.sleep(forTimeInterval: 1.6)
        #expect((try? silent.receive(max: 1, deadline: .now + .seconds(2)))?.isEmpty ?? true, "the silent client was not dropped")
        #expect(throws: (any Error).self) { _ = try slow.readMessage() }
        #expect(throws: (any Error).self) { _ = try idle.send(Self.discoverVersions()) }
        keepd.stop()
        let reasons = keepd.logEntries().compactMap { $0["reason"] as? String }
        #expect(reasons.contains("read timeout") && reasons.contains("idle timeout"))
        #expect(keepd.logEntries().contains { ($0["event"] as? String) == "handshake failed" })
    }

    /// SIGTERM while a client holds an open connection: keepd drains and exits 0.
    @Test func sigtermDrainsAndExitsCleanly() throws {
        let keepd = try RunningKeepd()
        let client = try keepd.connect(as: "hypervisor-a")
        #expect(try client.send(Self.discoverVersions()).batchItems.first?.resultStatus == .success)
        let start = Date()
        #expect(keepd.stop() == 0)
        #expect(Date().timeIntervalSince(start) < 5, "an idle connection held the drain")
        let events = keepd.logEntries().compactMap { $0["event"] as? String }
        #expect(events.contains("stopping") && events.contains("stopped"))
    }

    /// SIGHUP: new connections get the server certificate now on disk.
    @Test func sighupReloadsTheServerCertificate() throws {
        let keepd = try RunningKeepd()
        let before = try keepd.connect(as: "hypervisor-a")
        let oldFingerprint = try #require(before.connection.peerCertificate?.sha256Fingerprint)

        let ca = try CertificateAuthority(certificate: try Certificate.readPEMFile(keepd.caPath)[0],
                                          privateKey: try PrivateKey(pemFile: keepd.installation.path(Installation.caKey)))
        let key = try PrivateKey.generate()
        let renewed = try ca.issueServerCertificate(for: key, subject: DistinguishedName(commonName: "renewed"), ipAddresses: ["127.0.0.1"])
        try key.writePEM(to: keepd.installation.path(Installation.serverKey) + ".new")
        try Certificate.writePEM([renewed], to: keepd.installation.path(Installation.serverCertificate) + ".new")
        for file in [Installation.serverKey, Installation.serverCertificate] {
            _ = rename(keepd.installation.path(file) + ".new", keepd.installation.path(file))
        }
        kill(keepd.process.processIdentifier, SIGHUP)
        var newFingerprint = oldFingerprint
        for _ in 0..<100 where newFingerprint == oldFingerprint {
            Thread.sleep(forTimeInterval: 0.05)
            newFingerprint = try keepd.connect(as: "hypervisor-a").connection.peerCertificate?.sha256Fingerprint ?? oldFingerprint
        }
        #expect(newFingerprint == renewed.sha256Fingerprint)
        // The connection opened before the reload still works.
        #expect(try before.send(Self.discoverVersions()).batchItems.first?.resultStatus == .success)
        keepd.stop()
        #expect(keepd.logEntries().contains { $0["event"] as? String == "certificates reloaded" })
    }

    /// A thousand connections open at once, each served.
    @Test func aThousandConnectionsAtOnce() throws {
        let keepd = try RunningKeepd()
        let context = try keepd.clientContext("hypervisor-a")
        var connections: [KMIPTestConnection] = []
        for _ in 0..<1000 { connections.append(try KMIPTestConnection(port: keepd.port, context: context)) }
        let request = Self.discoverVersions().encoded()
        var served = 0
        for connection in connections where (try? connection.roundTrip(request)) != nil { served += 1 }
        #expect(served == 1000)
        connections.removeAll()
        #expect(keepd.stop() == 0)
    }
}

func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
    guard !needle.isEmpty, haystack.count >= needle.count else { return false }
    return (0...(haystack.count - needle.count)).contains { haystack[$0..<($0 + needle.count)].elementsEqual(needle) }
}

func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

/// Which client certificates keepd admits, end to end through KeepTLS's report and the registry.
@Suite("keepd admission", .serialized)
struct AdmissionTests {
    static func served(_ keepd: RunningKeepd, certificate: String, key: String) -> Bool {
        guard let context = try? TLSClientContext(configuration: TLSClientConfiguration(
                certificateChainFile: certificate, privateKeyFile: key, trustedCAFiles: [keepd.caPath])),
              let connection = try? KMIPTestConnection(port: keepd.port, context: context),
              let response = try? connection.send(ServingTests.discoverVersions()) else { return false }
        return response.batchItems.first?.resultStatus == .success
    }

    /// vCenter's case: a self-signed certificate without clientAuth, registered by fingerprint in a domain that
    /// waives the EKU, is served; the same kind of certificate in a domain that requires clientAuth is not; an
    /// expired CA-issued certificate and a revoked one are not.
    @Test func selfSignedExpiredRevokedAndEKU() throws {
        var vcenter: (cert: String, key: String)!
        var strict: (cert: String, key: String)!
        var expired: Installation.IssuedClient!
        var revoked: Installation.IssuedClient!
        let keepd = try RunningKeepd(
            domains: [("tenant-a", DomainPolicy(allowsKeyExport: true)),
                      ("vsphere", DomainPolicy(allowsKeyExport: true, requiresClientAuthUsage: false))],
            clients: [],
            setUp: { installation, _, registry in
                func selfSigned(_ name: String, domain: String) throws -> (String, String) {
                    let key = try PrivateKey.generate()
                    let certificate = try CertificateAuthority.selfSignedClientCertificate(for: key, subject: DistinguishedName(commonName: name))
                    let paths = (installation.path("\(name).pem"), installation.path("\(name).key"))
                    try Certificate.writePEM([certificate], to: paths.0)
                    try key.writePEM(to: paths.1)
                    try registry.register(fingerprint: certificate.sha256Fingerprint, domainID: domain, role: .hypervisor, name: name,
                                          subject: certificate.subject, selfSigned: true)
                    return paths
                }
                vcenter = try selfSigned("vcenter", domain: "vsphere")
                strict = try selfSigned("vcenter-strict", domain: "tenant-a")
                let now = Validity.now()
                expired = try installation.issueClientCertificate(name: "expired", validity: Validity(notBefore: now - 86_400 * 30, notAfter: now - 86_400))
                try registry.register(fingerprint: expired.fingerprint, domainID: "tenant-a", role: .hypervisor, name: "expired", subject: "CN=expired")
                revoked = try installation.issueClientCertificate(name: "revoked")
                try registry.register(fingerprint: revoked.fingerprint, domainID: "tenant-a", role: .hypervisor, name: "revoked", subject: "CN=revoked")
                try registry.revoke(fingerprint: revoked.fingerprint)
            })
        #expect(Self.served(keepd, certificate: vcenter.cert, key: vcenter.key))
        #expect(!Self.served(keepd, certificate: strict.cert, key: strict.key))
        #expect(!Self.served(keepd, certificate: expired.certificatePath, key: expired.keyPath))
        #expect(!Self.served(keepd, certificate: revoked.certificatePath, key: revoked.keyPath))
        keepd.stop()
        let codes = Set(keepd.logEntries().filter { $0["event"] as? String == "client refused" }.compactMap { $0["code"] as? String })
        #expect(codes == ["missingClientAuthUsage", "expired", "revoked"])
    }

    /// Two tenants over TLS: every request of one on the other's key answers Item Not Found, as for a key that
    /// does not exist.
    @Test func tenantsCannotSeeEachOthersKeys() throws {
        let keepd = try RunningKeepd(
            domains: [("tenant-a", DomainPolicy(allowsKeyExport: true)), ("tenant-b", DomainPolicy(allowsKeyExport: true))],
            clients: [RunningKeepd.Client(name: "hypervisor-a", domain: "tenant-a"), RunningKeepd.Client(name: "hypervisor-b", domain: "tenant-b")])
        let a = try keepd.connect(as: "hypervisor-a"), b = try keepd.connect(as: "hypervisor-b")
        let created = try a.send(RequestMessage(version: .v1_4, [RequestBatchItem(CreateRequest(objectType: .symmetricKey, attributes: AttributeSet([
            Attribute(.cryptographicAlgorithm, .enumeration(CryptographicAlgorithm.aes.rawValue)), Attribute(.cryptographicLength, .integer(256))])))]))
        guard case .typed(let payload) = created.batchItems.first?.payload, let uid = (payload as? CreateResponse)?.uniqueIdentifier else {
            Issue.record("create failed"); return
        }
        let requests: [(UniqueIdentifier) -> any RequestPayload] = [
            { GetRequest(uniqueIdentifier: $0) }, { GetAttributesRequest(uniqueIdentifier: $0) }, { ActivateRequest(uniqueIdentifier: $0) },
            { DestroyRequest(uniqueIdentifier: $0) },
        ]
        for make in requests {
            let foreign = try b.send(RequestMessage(version: .v1_4, [RequestBatchItem(make(uid))])).batchItems.first
            let missing = try b.send(RequestMessage(version: .v1_4, [RequestBatchItem(make(.text("00000000-0000-4000-8000-000000000000")))])).batchItems.first
            #expect(foreign?.resultStatus == .operationFailed && foreign?.resultReason == .itemNotFound)
            #expect(foreign?.resultReason == missing?.resultReason)
        }
        // Tenant A still has its key, untouched.
        let got = try a.send(RequestMessage(version: .v1_4, [RequestBatchItem(GetRequest(uniqueIdentifier: uid))]))
        #expect(got.batchItems.first?.resultStatus == .success)
        keepd.stop()
    }
}
