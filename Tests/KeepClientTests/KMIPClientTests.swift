import Foundation
import KMIP
import KeepClient
import KeepCrypto
import KeepServer
import KeepTLS
import KeepdTestSupport
import KeyHierarchy
import Testing

/// KMIPClient against keepd as a process: every operation keepd serves, refusals with their Result Reason,
/// connection reuse, a stale connection replaced, failover across endpoints (refused, silent, stopped), and a
/// non-repeatable request whose answer is lost reported as such instead of repeated.
@Suite("KMIP client against keepd", .serialized)
struct KMIPClientTests {
    static let kekUsage: CryptographicUsageMask = [.encrypt, .decrypt, .wrapKey, .unwrapKey]

    @Test func everyOperationKeepdServes() throws {
        let keepd = try RunningKeepd()
        let log = EventLog()
        let client = try keepd.kmipClient(as: "hypervisor-a", events: log.handler)
        #expect(try client.discoverVersions().first == .v2_1)
        #expect(try client.discoverVersions([.v1_1, .v1_4]) == [.v1_1, .v1_4])
        let query = try client.query([.queryOperations, .queryServerInformation])
        #expect(query.operations.contains(.encrypt) && query.operations.contains(.keepDomainStatus) && query.vendorIdentification == "Keep")
        #expect(try client.domainStatus() == KeepDomainStatusResponse(domainIdentifier: "tenant-a", subscriptionState: .active, keyExportAllowed: true))

        // Create with a name and custom attributes, activated in the same message.
        let kek = try client.createSymmetricKey(usage: Self.kekUsage, names: ["vm-1/kek"], customAttributes: [("x-vm-id", "vm-1")])
        let attributes = try client.getAttributes(kek)
        #expect(attributes[.state]?.enumeration(as: State.self) == .active)
        #expect(attributes.all(.custom("vm-id")).first?.value == .text("vm-1"))
        #expect(try client.getAttributeList(kek).contains(.standard(.cryptographicLength)))
        #expect(try client.locate([Attribute(.custom("vm-id"), .text("vm-1"))]) == [kek])
        #expect(try client.locate([Attribute(.name, .name(Name("vm-1/kek")))]) == [kek])

        // Attributes: add, modify, delete.
        try client.addAttribute(kek, Attribute(.custom("owner"), .text("team-a")))
        try client.modifyAttribute(kek, new: Attribute(.custom("owner"), index: 0, .text("team-b")))
        #expect(try client.getAttributes(kek, [.custom("owner")]).first?.value == .text("team-b"))
        try client.deleteAttribute(kek, name: .custom("owner"), index: 0)
        #expect(try client.getAttributes(kek, [.custom("owner")]).isEmpty)

        // Key material: in the clear (the domain allows export), wrapped under another key, used in keepd.
        let plain = try client.symmetricKey(kek)
        #expect(plain.byteCount == 32)
        let wrapper = try client.createSymmetricKey(usage: Self.kekUsage)
        let wrapped = try client.wrappedKey(kek, under: wrapper)
        #expect(try AESKeyWrap.unwrap(wrapped, using: try client.symmetricKey(wrapper)) == plain.bytes)
        let dek = try SymmetricKey.generate(bitCount: 512)
        let serverWrapped = try client.wrap(dek.bytes, under: kek)
        #expect(serverWrapped == (try AESKeyWrap.wrap(dek.bytes, using: plain)), "RFC 3394 is deterministic: keepd and KeepCrypto agree")
        #expect(try client.unwrap(serverWrapped, under: kek) == dek.bytes)
        let sealed = try client.encrypt(kek, SecureBytes(Array("disk label".utf8)), parameters: CryptographicParameters(blockCipherMode: .gcm),
                                        additionalData: [1, 2, 3])
        let opened = try client.decrypt(kek, sealed.data!, parameters: CryptographicParameters(blockCipherMode: .gcm), iv: sealed.ivCounterNonce,
                                        additionalData: [1, 2, 3], tag: sealed.authenticatedEncryptionTag)
        #expect(opened == SecureBytes(Array("disk label".utf8)))
        #expect(try client.randomBytes(32).count == 32)
        #expect(try client.check(kek, usage: [.wrapKey]).uniqueIdentifier == .text(kek))

        // Register, ReKey, Revoke, Destroy.
        let registered = try client.register(.secretData(.password, KeyBlock(keyFormatType: .opaque, keyValue: .structure(.bytes(SecureBytes(Array("p4ss".utf8))), attributes: nil))),
                                             attributes: [Attribute(.cryptographicUsageMask, .integer(CryptographicUsageMask.verify.rawValue))])
        #expect(try client.get(registered).object.keyBlock?.keyValue?.keyMaterial?.symmetricKeyBytes == SecureBytes(Array("p4ss".utf8)))
        let replacement = try client.reKey(kek)
        #expect(replacement != kek)
        try client.revoke(kek, reason: .cessationOfOperation, message: "rekeyed")
        #expect(try client.getAttributes(kek, [.standard(.state)]).first?.enumeration(as: State.self) == .deactivated)
        try client.destroy(kek)
        #expect(try client.getAttributes(kek, [.standard(.state)]).first?.enumeration(as: State.self) == .destroyed)

        // Set Attribute is KMIP 2.x: a 2.1 client.
        let v21 = try keepd.kmipClient(as: "hypervisor-a", version: .v2_1)
        try v21.setAttribute(wrapper, Attribute(.comment, .text("wraps vm-1's kek")))
        #expect(try v21.getAttributes(wrapper, [.standard(.comment)]).first?.value == .text("wraps vm-1's kek"))
        let pending = try v21.createSymmetricKey(usage: Self.kekUsage, activate: false)
        try v21.activate(pending)

        // One connection for all of it.
        #expect(log.kinds == ["connected \(keepd.port)"])
        client.close()
        #expect(keepd.stop() == 0)
    }

    @Test func refusalsCarryTheResultReasonAndMessageAndNoKey() throws {
        let keepd = try RunningKeepd(domains: [("tenant-a", DomainPolicy(allowsKeyExport: false))])
        let client = try keepd.kmipClient(as: "hypervisor-a")
        #expect(throws: KMIPClientError.self) { try client.symmetricKey("0a4a1c6e-0000-0000-0000-000000000000") }
        do {
            _ = try client.symmetricKey("0a4a1c6e-0000-0000-0000-000000000000")
        } catch {
            #expect(error.code == .operationFailed && error.resultReason == .itemNotFound && error.operation == .get)
            #expect(error.resultMessage?.isEmpty == false && error.description.contains(error.resultMessage!), "\(error)")
            #expect(error.description.contains("\(ResultReason.itemNotFound)"), "\(error)")
        }
        // The domain keeps its KEKs inside keepd: Get in the clear is Permission Denied; wrapping in keepd works.
        let kek = try client.createSymmetricKey(usage: Self.kekUsage)
        let dek = try SymmetricKey.generate(bitCount: 512)
        do {
            _ = try client.symmetricKey(kek)
            Issue.record("a KEK left a domain that forbids export")
        } catch {
            #expect(error.resultReason == .permissionDenied, "\(error)")
            #expect(!reveals(error.description, dek))
        }
        let wrapped = try client.wrap(dek.bytes, under: kek)
        do {
            _ = try client.unwrap(wrapped.reversed(), under: kek)
            Issue.record("a damaged wrapped key unwrapped")
        } catch {
            #expect(error.resultReason == .cryptographicFailure, "\(error)")
            #expect(!reveals(error.description, dek) && !error.description.contains(hex(wrapped)))
        }
        #expect(try client.unwrap(wrapped, under: kek) == dek.bytes)
    }

    /// keepd closes idle connections; the client notices before it sends and reconnects, so even a Create (which
    /// is never repeated blindly) goes through.
    @Test func aStaleConnectionIsReplacedBeforeTheNextRequest() throws {
        let keepd = try RunningKeepd(configure: { $0.limits.idleTimeout = 0.4 })
        let log = EventLog()
        let client = try keepd.kmipClient(as: "hypervisor-a", events: log.handler)
        _ = try client.createSymmetricKey(usage: Self.kekUsage)
        _ = try client.domainStatus()
        Thread.sleep(forTimeInterval: 1.2)
        _ = try client.createSymmetricKey(usage: Self.kekUsage)
        #expect(log.kinds == ["connected \(keepd.port)", "stale \(keepd.port)", "connected \(keepd.port)"])
        #expect(try client.locate([]).count == 2)
    }

    /// Endpoints: one refusing connections, one that accepts TCP and never speaks TLS (the connect timeout), then
    /// keepd A, then B. A serves; then A stops and B starts over the same installation: the same client moves to
    /// B, and the key created through A is there.
    @Test func failsOverAcrossEndpoints() throws {
        let keepd = try RunningKeepd()
        let refusing = try RunningKeepd.freePort()
        let silent = try Socket.listen(host: "127.0.0.1", port: 0)
        let portB = try RunningKeepd.freePort()
        let portA = keepd.port
        let log = EventLog()
        let client = try keepd.kmipClient(as: "hypervisor-a", ports: [refusing, try silent.localPort, portA, portB], tune: {
            $0.connectTimeout = .milliseconds(400)
            $0.retryDelay = .milliseconds(50)
        }, events: log.handler)
        let start = ContinuousClock.now
        let kek = try client.createSymmetricKey(usage: Self.kekUsage)
        #expect(ContinuousClock.now - start < .seconds(3))
        #expect(client.currentEndpoint.port == portA)
        #expect(log.kinds == ["connectionFailed \(refusing)", "connectionFailed \(try silent.localPort)", "connected \(portA)",
                              "failedOver \(refusing) \(portA)"])
        let key = try client.symmetricKey(kek)

        try keepd.restart(port: portB)
        #expect(keepd.port == portB)
        #expect(try client.symmetricKey(kek) == key)
        #expect(client.currentEndpoint.port == portB)
        #expect(log.kinds.suffix(3) == ["connectionFailed \(portA)", "connected \(portB)", "failedOver \(portA) \(portB)"])
        #expect(log.kinds.contains("stale \(portA)") || log.kinds.contains("requestFailed \(portA)"))
    }

    @Test func noEndpointAnswering() throws {
        let keepd = try RunningKeepd()
        let dead = try RunningKeepd.freePort()
        let client = try keepd.kmipClient(as: "hypervisor-a", ports: [dead], tune: { $0.retryDelay = .milliseconds(10) })
        do {
            _ = try client.domainStatus()
            Issue.record("an unreachable endpoint answered")
        } catch {
            #expect(error.code == .unavailable)
            #expect(error.attempts.count == 2, "two rounds over one endpoint: \(error.attempts)")
        }
    }

    /// A server that reads the request and hangs up without answering: a repeatable request is retried (and
    /// fails as unavailable), a Create is reported as having an unknown outcome after one attempt.
    @Test func aLostAnswerIsRetriedOnlyWhenRepeatingIsSafe() throws {
        let keepd = try RunningKeepd()
        let server = try MuteServer(installation: keepd.installation)
        let client = try keepd.kmipClient(as: "hypervisor-a", ports: [server.port], tune: { $0.retryDelay = .milliseconds(10) })
        do {
            _ = try client.domainStatus()
            Issue.record("the mute server answered")
        } catch {
            #expect(error.code == .unavailable, "\(error)")
        }
        #expect(server.requests == 2)
        do {
            _ = try client.createSymmetricKey(usage: Self.kekUsage)
            Issue.record("the mute server answered")
        } catch {
            #expect(error.code == .outcomeUnknown, "\(error)")
        }
        #expect(server.requests == 3)
        server.stop()
    }

    @Test func endpointsParse() throws {
        #expect(try KMIPEndpoint(parsing: "kms-a.example") == KMIPEndpoint(host: "kms-a.example", port: 5696))
        #expect(try KMIPEndpoint(parsing: "10.0.0.5:15696") == KMIPEndpoint(host: "10.0.0.5", port: 15696))
        #expect(try KMIPEndpoint(parsing: "[fd00::5]:5697") == KMIPEndpoint(host: "fd00::5", port: 5697))
        #expect(try KMIPEndpoint(parsing: "[fd00::5]").description == "[fd00::5]:5696")
        for bad in ["", ":5696", "host:", "host:0", "host:99999", "fd00::5", "[fd00::5", "[fd00::5]x"] {
            #expect(throws: KMIPClientError.self, "\(bad)") { try KMIPEndpoint(parsing: bad) }
        }
    }
}

/// A TLS server with keepd's certificate that reads one request per connection and closes without answering.
final class MuteServer: @unchecked Sendable {
    let port: UInt16
    private let listener: Socket
    private let context: TLSServerContext
    private let lock = NSLock()
    private var count = 0
    private var stopped = false

    init(installation: Installation) throws {
        context = try TLSServerContext(configuration: TLSServerConfiguration(
            certificateChainFile: installation.path(Installation.serverCertificate), privateKeyFile: installation.path(Installation.serverKey),
            clientCAFiles: [installation.path(Installation.caCertificate)]))
        listener = try Socket.listen(host: "127.0.0.1", port: 0)
        port = try listener.localPort
        Thread { [self] in serve() }.start()
    }

    var requests: Int {
        lock.lock()
        defer { lock.unlock() }
        return count
    }

    func stop() {
        lock.lock()
        stopped = true
        lock.unlock()
    }

    private func serve() {
        while true {
            lock.lock()
            let done = stopped
            lock.unlock()
            if done { return }
            guard let socket = try? listener.accept(deadline: .now + .milliseconds(200)) else { continue }
            do {
                let connection = try TLSConnection(socket: socket, context: context)
                try connection.handshake(deadline: .now + .seconds(5))
                let header = try connection.readExactly(8, deadline: .now + .seconds(5))
                let length = header[4..<8].reduce(0) { $0 << 8 | Int($1) }
                _ = try connection.readExactly(length, deadline: .now + .seconds(5))
                lock.lock()
                count += 1
                lock.unlock()
                socket.shutdown()
            } catch {
                continue
            }
        }
    }
}
