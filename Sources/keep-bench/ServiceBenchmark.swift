import Foundation
import KMIP
import KeepCrypto
import KeepServer
import KeyHierarchy

/// The KMIP request path without the network (`keep-bench service`): keepd's own `Daemon` in this process, on a
/// throwaway installation, and its `KMIPService.handle` called directly with encoded requests on one thread, as a
/// connection thread calls it: decode, caller's domain and role, store lookup, unwrap in the HSM, encode, and
/// (audited) the record made durable before the call returns. Measured in thread CPU time per request, so what it
/// shows is what one request costs a core, apart from TLS, sockets and threads; set beside `keep-bench kmip`'s
/// server µs/op it says how much of keepd's cost is the service and how much the rest.
struct ServiceBenchmark: Benchmark {
    let name = "service"
    let summary = "KMIPService.handle in process, one thread: CPU µs per Get and Create, audited and not"

    static let keys = 200
    static let requests = 20_000

    func run() throws {
        print("  keepd's Daemon in process; \(Self.requests) requests per line on one thread, median of 5 runs; CPU µs per request (thread CPU time), wall µs")
        print("    operation  audit    CPU µs    wall µs")
        for audited in [false, true] {
            let fixture = try Fixture(audited: audited)
            defer { fixture.remove() }
            let uids = try (0..<Self.keys).map { _ in try fixture.create() }
            let gets = uids.map { RequestMessage(version: .v1_2, [RequestBatchItem(GetRequest(uniqueIdentifier: .text($0)))]).encoded() }
            for (operation, requests, count) in [("Get", gets, Self.requests), ("Create", [fixture.createRequest], Self.requests / 4)] {
                var cpu: [Double] = [], wall: [Double] = []
                for _ in 0..<5 {
                    var elapsed = 0.0
                    let used = threadCPUSeconds {
                        elapsed = seconds {
                            for index in 0..<count { _ = fixture.daemon.service.handle(requests[index % requests.count], caller: fixture.caller) }
                        }
                    }
                    cpu.append(used / Double(count) * 1e6)
                    wall.append(elapsed / Double(count) * 1e6)
                }
                print("    \(operation.padding(toLength: 9, withPad: " ", startingAt: 0))  \(audited ? "on " : "off")   \(format(median(cpu), decimals: 1).leftPadded(7))    \(format(median(wall), decimals: 1).leftPadded(7))")
            }
        }
    }

    /// A throwaway installation with one exporting domain, keepd's Daemon on it (listening on a free port, never
    /// accepting), and the identity of a hypervisor client of that domain.
    private final class Fixture {
        static let pin = "keep-bench service partition pin"
        let installation: Installation
        let daemon: Daemon
        let caller: CallerIdentity
        let createRequest: [UInt8]

        init(audited: Bool) throws {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("keep-bench-service-\(UUID().uuidString)").path
            var options = Installation.Options()
            options.listenPort = 0
            options.pinFile = "hsm/pin"
            options.scrypt = .insecureFastForTests   // only the partition's unlock; nothing measured depends on it
            installation = try Installation.create(at: directory, pin: SecureBytes(Array(Self.pin.utf8)), options: options)
            _ = FileManager.default.createFile(atPath: installation.path("hsm/pin"), contents: Data(Self.pin.utf8), attributes: [.posixPermissions: 0o600])
            let client = try installation.issueClientCertificate(name: "bench")
            try installation.administer(pin: .file(installation.path("hsm/pin"))) { admin in
                try admin.createDomain(id: "bench", policy: DomainPolicy(allowsKeyExport: true))
                try admin.registerClient(fingerprint: client.fingerprint, domainID: "bench", role: .hypervisor, name: "bench", subject: "CN=bench,O=Keep")
            }
            var configuration = try installation.configuration()
            configuration.log.path = "keepd.log"
            configuration.audit.enabled = audited
            try installation.writeConfiguration(configuration)
            daemon = try Daemon(configuration: try installation.configuration())
            caller = CallerIdentity(domainID: "bench", role: .hypervisor, clientName: "bench", fingerprint: client.fingerprint,
                                    subject: "CN=bench,O=Keep", remoteAddress: "127.0.0.1:50000")
            let usage = CryptographicUsageMask.encrypt.rawValue | CryptographicUsageMask.decrypt.rawValue
            createRequest = RequestMessage(version: .v1_2, [RequestBatchItem(CreateRequest(objectType: .symmetricKey, attributes: AttributeSet([
                Attribute(.cryptographicAlgorithm, .enumeration(CryptographicAlgorithm.aes.rawValue)),
                Attribute(.cryptographicLength, .integer(256)),
                Attribute(.cryptographicUsageMask, .integer(usage)),
            ])))]).encoded()
        }

        func create() throws -> String { try LoadOperation.check(daemon.service.handle(createRequest, caller: caller)) }

        func remove() {
            try? daemon.audit?.close()
            try? FileManager.default.removeItem(atPath: installation.dataDirectory)
        }
    }
}

private extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}
