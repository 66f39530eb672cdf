import Foundation
import KMIP
import KeepCrypto
import KeepServer
import KeepTLS
import KeyHierarchy
import Testing

/// keepd as a real process for a test: a fresh installation in a temporary directory (its own CA, server
/// certificate, partition and store, scrypt at test strength), the domains and clients the test asks for, then
/// `keepd --config` on a free loopback port. `stop()` sends SIGTERM; `deinit` kills it if the test did not.
final class RunningKeepd: @unchecked Sendable {
    struct Client {
        var name: String
        var domain: String
        var role: ClientRole = .hypervisor
        var clientAuthEKU = true
        var wireProfile = WireProfile.standard
    }

    static let pin = "keepd integration test PIN"

    let installation: Installation
    let process: Process
    let port: UInt16
    private(set) var clients: [String: Installation.IssuedClient] = [:]

    var directory: String { installation.dataDirectory }
    var logPath: String { installation.path("keepd.log") }
    var caPath: String { installation.path(Installation.caCertificate) }

    /// A fresh installation with `domains` and `clients`; with `administrator`, also an installation administrator
    /// named `admin` (a client of the system domain, as `keepctl init` makes one).
    convenience init(domains: [(String, DomainPolicy)] = [("tenant-a", DomainPolicy(allowsKeyExport: true))],
                     clients: [Client] = [Client(name: "hypervisor-a", domain: "tenant-a")],
                     administrator: Bool = false,
                     setUp: (Installation, KeyHierarchy, ClientRegistry) throws -> Void = { _, _, _ in },
                     configure: (inout ServerConfiguration) -> Void = { _ in }) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("keepd-test-\(UUID().uuidString)").path
        var options = Installation.Options()
        options.listenPort = 0
        options.pinFile = "hsm/pin"
        options.scrypt = .insecureFastForTests
        let installation = try Installation.create(at: directory, pin: SecureBytes(Array(Self.pin.utf8)), options: options)
        _ = FileManager.default.createFile(atPath: installation.path("hsm/pin"), contents: Data(Self.pin.utf8),
                                       attributes: [.posixPermissions: 0o600])
        var issued: [String: Installation.IssuedClient] = [:]
        for client in clients {
            issued[client.name] = try installation.issueClientCertificate(name: client.name, clientAuthEKU: client.clientAuthEKU)
        }
        // Through the audited administration, so the log begins as an operator's would.
        try installation.administer(pin: .file(installation.path("hsm/pin"))) { admin in
            for (id, policy) in domains { try admin.createDomain(id: id, policy: policy) }
            for client in clients {
                let certificate = issued[client.name]!
                try admin.registerClient(fingerprint: certificate.fingerprint, domainID: client.domain, role: client.role,
                                         name: client.name, subject: "CN=\(client.name),O=Keep", wireProfile: client.wireProfile)
            }
            try setUp(installation, admin.hierarchy, admin.registry)
        }
        if administrator {
            issued[Self.administratorName] = try installation.bootstrapAdministrator(name: Self.administratorName, pin: .file(installation.path("hsm/pin")))
        }
        try self.init(installation: installation, clients: issued, configure: configure)
    }

    /// keepd on an installation made elsewhere (by `keepctl init`, say), logging to keepd.log in it.
    init(installation: Installation, clients: [String: Installation.IssuedClient] = [:],
         configure: (inout ServerConfiguration) -> Void = { _ in }) throws {
        self.installation = installation
        self.clients = clients
        var configuration = try installation.configuration()
        configuration.log.path = "keepd.log"
        configure(&configuration)
        try installation.writeConfiguration(configuration)

        process = Process()
        process.executableURL = Self.productsDirectory.appendingPathComponent("keepd")
        process.arguments = ["--config", installation.path(Installation.configurationFile)]
        process.standardOutput = FileHandle.nullDevice
        let stderrPath = installation.path("keepd.stderr")
        _ = FileManager.default.createFile(atPath: stderrPath, contents: nil)
        process.standardError = FileHandle(forWritingAtPath: stderrPath)
        try process.run()
        port = try Self.waitForPort(logPath: installation.path("keepd.log"), stderrPath: stderrPath, process: process)
    }

    static let administratorName = "admin"

    deinit {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// SIGTERM, then waits; returns the exit status.
    @discardableResult
    func stop(sourceLocation: SourceLocation = #_sourceLocation) -> Int32 {
        if process.isRunning {
            kill(process.processIdentifier, SIGTERM)
            process.waitUntilExit()
        }
        if process.terminationReason == .uncaughtSignal {
            // keepd died on a signal: what it wrote to standard error is the only trace of why.
            let stderr = (try? String(contentsOfFile: installation.path("keepd.stderr"), encoding: .utf8)) ?? ""
            Issue.record("keepd died on signal \(process.terminationStatus): \(stderr.suffix(4000))", sourceLocation: sourceLocation)
        }
        return process.terminationStatus
    }

    /// The log so far, one decoded JSON object per line.
    func logEntries() -> [[String: Any]] {
        guard let text = try? String(contentsOfFile: logPath, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any]
        }
    }

    /// A TLS client context presenting `client`'s certificate (or none).
    func clientContext(_ client: String?) throws -> TLSClientContext {
        let issued = client.map { clients[$0]! }
        return try TLSClientContext(configuration: TLSClientConfiguration(
            certificateChainFile: issued?.certificatePath, privateKeyFile: issued?.keyPath, trustedCAFiles: [caPath], serverName: "127.0.0.1"))
    }

    /// A connected, handshaken KMIP connection as `client`.
    func connect(as client: String) throws -> KMIPTestConnection {
        try KMIPTestConnection(port: port, context: try clientContext(client))
    }

    static var productsDirectory: URL {
        URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
    }

    private static func waitForPort(logPath: String, stderrPath: String, process: Process) throws -> UInt16 {
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            if let text = try? String(contentsOfFile: logPath, encoding: .utf8) {
                for line in text.split(separator: "\n") {
                    guard let entry = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any],
                          entry["event"] as? String == "listening", let port = entry["port"] as? Int else { continue }
                    return UInt16(port)
                }
            }
            if !process.isRunning {
                let stderr = (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? ""
                throw KeepdTestError("keepd exited with status \(process.terminationStatus) before listening: \(stderr)")
            }
            Thread.sleep(forTimeInterval: 0.02)
        }
        throw KeepdTestError("keepd did not report its port within 30 s")
    }
}

struct KeepdTestError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// One mutual-TLS connection to keepd that sends KMIP messages and reads the responses.
final class KMIPTestConnection {
    let connection: TLSConnection
    static let timeout = Duration.seconds(20)

    init(port: UInt16, context: TLSClientContext) throws {
        let socket = try Socket.connect(host: "127.0.0.1", port: port, deadline: .now + Self.timeout)
        connection = try TLSConnection(socket: socket, context: context)
        try connection.handshake(deadline: .now + Self.timeout)
    }

    /// Sends raw bytes and reads one response message's bytes.
    func roundTrip(_ request: [UInt8]) throws -> [UInt8] {
        try connection.write(request, deadline: .now + Self.timeout)
        return try readMessage()
    }

    func readMessage() throws -> [UInt8] {
        let header = try connection.readExactly(8, deadline: .now + Self.timeout)
        let length = header[4..<8].reduce(0) { $0 << 8 | Int($1) }
        return header + (try connection.readExactly(length, deadline: .now + Self.timeout))
    }

    func send(_ request: RequestMessage) throws -> ResponseMessage {
        try ResponseMessage(from: try TTLVDecoder().decodeMessage(try roundTrip(request.encoded())))
    }

    func close() { try? connection.shutdown() }
}
