import Foundation
import KeepCrypto
import KeepServer
import KeepTLS
import KeyHierarchy

/// A KMIP server started for the benchmark as a child process, in a temporary directory of its own.
protocol BenchmarkServer: AnyObject {
    var endpoint: KMIPEndpoint { get }
    /// The server's temporary directory, on the disk its store is on.
    var directory: URL { get }
    /// What the server is, for the report (its version, how it stores).
    var detail: String { get }
    /// Stops the process and removes the directory.
    func stop()
}

/// keepd from the same build as keep-bench (the sibling binary in the products directory), serving a throwaway
/// installation: its own CA and certificates, a partition sealed under a PIN (scrypt at interactive strength, as
/// an operator's), one domain that allows export (so Get returns keys in the clear, as vCenter's Standard Key
/// Provider needs), and one registered client. keepd logs one JSON line per request to a file, as in production.
final class KeepdServer: BenchmarkServer {
    static let pin = "keep-bench kmip partition pin"
    static let domain = "bench"
    static let client = "bench-client"

    let directory: URL
    let process: Process
    let endpoint: KMIPEndpoint
    var detail: String { "keepd (\(executable.path)), store synchronous=FULL, log at info to a file" }
    private let executable: URL
    private let name: String
    /// The installation keepd serves (its certificates serve `keep-bench tls`'s echo server too).
    let installation: Installation

    /// keepd beside keep-bench, or another build's (`executable`), reported as `name`.
    init(executable other: String? = nil, name: String = "keepd") throws {
        self.name = name
        executable = other.map { URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("keepd")
        guard FileManager.default.isExecutableFile(atPath: executable.path) else {
            throw BenchmarkError("no keepd beside keep-bench at \(executable.path): build both with `swift build -c release`")
        }
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("keep-bench-kmip-\(UUID().uuidString)")
        var options = Installation.Options()
        options.listenPort = 0
        options.pinFile = "hsm/pin"
        options.scrypt = .interactive
        let pin = SecureBytes(Array(Self.pin.utf8))
        installation = try Installation.create(at: directory.path, pin: pin, options: options)
        guard FileManager.default.createFile(atPath: installation.path("hsm/pin"), contents: Data(Self.pin.utf8),
                                             attributes: [.posixPermissions: 0o600]) else {
            throw BenchmarkError("cannot write \(installation.path("hsm/pin"))")
        }
        let issued = try installation.issueClientCertificate(name: Self.client)
        try installation.withHierarchy(pin: .file(installation.path("hsm/pin"))) { hierarchy, registry in
            try hierarchy.createDomain(id: Self.domain, policy: DomainPolicy(allowsKeyExport: true))
            try registry.register(fingerprint: issued.fingerprint, domainID: Self.domain, role: .hypervisor,
                                  name: Self.client, subject: "CN=\(Self.client),O=Keep")
        }
        var configuration = try installation.configuration()
        configuration.log.path = "keepd.log"
        try installation.writeConfiguration(configuration)

        process = Process()
        process.executableURL = executable
        process.arguments = ["--config", installation.path(Installation.configurationFile)]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let port = try Self.waitForPort(logPath: installation.path("keepd.log"), process: process)
        let context = try TLSClientContext(configuration: TLSClientConfiguration(
            certificateChainFile: issued.certificatePath, privateKeyFile: issued.keyPath,
            trustedCAFiles: [installation.path(Installation.caCertificate)], serverName: "127.0.0.1"))
        endpoint = KMIPEndpoint(name: name, port: port, context: context, pid: process.processIdentifier)
    }

    deinit { stop() }

    func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: directory)
    }

    /// keepd logs `{"event":"listening","port":N}` once bound to the port it was given (0: a free one).
    private static func waitForPort(logPath: String, process: Process) throws -> UInt16 {
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            if let text = try? String(contentsOfFile: logPath, encoding: .utf8) {
                for line in text.split(separator: "\n") where line.contains("\"listening\"") {
                    if let entry = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any],
                       let port = entry["port"] as? Int {
                        return UInt16(port)
                    }
                }
            }
            guard process.isRunning else { throw BenchmarkError("keepd exited with status \(process.terminationStatus) before listening") }
            Thread.sleep(forTimeInterval: 0.02)
        }
        throw BenchmarkError("keepd did not report its port within 60 s")
    }
}

/// PyKMIP's server (`pykmip-server` on PATH), configured with certificates of its own (a CA, a server certificate
/// for 127.0.0.1 and a client certificate with clientAuth, made with KeepTLS), its TLS 1.2 suite, a SQLite
/// database in the temporary directory, and its log at INFO.
final class PyKMIPServer: BenchmarkServer {
    static let command = "pykmip-server"

    let directory: URL
    let process: Process
    let endpoint: KMIPEndpoint
    let executable: String
    var detail: String { "\(executable), its SQLite database, log at INFO" }

    /// The program's path, if it is on PATH.
    static func find() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        return path.split(separator: ":").map { "\($0)/\(command)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    init(executable: String) throws {
        self.executable = executable
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("keep-bench-pykmip-\(UUID().uuidString)")
        self.directory = directory
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("policies"), withIntermediateDirectories: true)
        func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

        let ca = try CertificateAuthority.create(subject: DistinguishedName(commonName: "PyKMIP bench CA"))
        try Certificate.writePEM([ca.certificate], to: path("ca.pem"))
        let serverKey = try PrivateKey.generate()
        try Certificate.writePEM([try ca.issueServerCertificate(for: serverKey, subject: DistinguishedName(commonName: "127.0.0.1"),
                                                                 ipAddresses: ["127.0.0.1"])], to: path("server.pem"))
        try serverKey.writePEM(to: path("server.key"))
        let clientKey = try PrivateKey.generate()
        try Certificate.writePEM([try ca.issueClientCertificate(for: clientKey, subject: DistinguishedName(commonName: "bench-client"))],
                                 to: path("client.pem"))
        try clientKey.writePEM(to: path("client.key"))

        let port = try Self.freePort()
        let configuration = """
            [server]
            hostname=127.0.0.1
            port=\(port)
            certificate_path=\(path("server.pem"))
            key_path=\(path("server.key"))
            ca_path=\(path("ca.pem"))
            auth_suite=TLS1.2
            policy_path=\(path("policies"))
            enable_tls_client_auth=True
            logging_level=INFO
            database_path=\(path("pykmip.db"))

            """
        try configuration.write(toFile: path("server.conf"), atomically: true, encoding: .utf8)

        process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-f", path("server.conf"), "-l", path("server.log")]
        process.currentDirectoryURL = directory
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let context = try TLSClientContext(configuration: TLSClientConfiguration(
            certificateChainFile: path("client.pem"), privateKeyFile: path("client.key"), trustedCAFiles: [path("ca.pem")],
            serverName: "127.0.0.1"))
        endpoint = KMIPEndpoint(name: "pykmip-server", port: port, context: context, pid: process.processIdentifier)
        try waitUntilServing()
    }

    deinit { stop() }

    func stop() {
        if process.isRunning {
            process.interrupt() // SIGINT: PyKMIP's server shuts its sessions down on it
            let deadline = Date().addingTimeInterval(10)
            while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: directory)
    }

    /// A port free now (the server binds it a moment later; on loopback nothing else is racing for it).
    private static func freePort() throws -> UInt16 {
        let socket = try Socket.listen(host: "127.0.0.1", port: 0)
        defer { socket.shutdown() }
        return try socket.localPort
    }

    /// Python takes a second or two to start: retry the handshake until it answers.
    private func waitUntilServing() throws {
        let deadline = Date().addingTimeInterval(60)
        while true {
            do {
                try LoadConnection(endpoint).close()
                return
            } catch {
                guard process.isRunning else {
                    let log = (try? String(contentsOfFile: directory.appendingPathComponent("server.log").path, encoding: .utf8)) ?? ""
                    throw BenchmarkError("pykmip-server exited with status \(process.terminationStatus): \(log.suffix(1000))")
                }
                guard Date() < deadline else { throw BenchmarkError("pykmip-server did not accept a connection within 60 s: \(error)") }
                Thread.sleep(forTimeInterval: 0.2)
            }
        }
    }
}
