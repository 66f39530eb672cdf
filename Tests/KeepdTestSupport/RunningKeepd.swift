import Foundation
import KMIP
import KeepCrypto
import KeepServer
import KeepTLS
import KeyHierarchy

/// keepd as a real process for a test: a fresh installation in a temporary directory (its own CA, server
/// certificate, partition and store, scrypt at test strength), the domains and clients the test asks for, then
/// `keepd --config` on a free loopback port. `stop()` sends SIGTERM; `restart(port:)` starts keepd again over the
/// same installation (the partition is locked to one process, so never two at once); `deinit` kills it if the
/// test did not stop it, and removes the installation.
///
/// Shared by the test targets that need keepd (KeepdTests, KeepClientTests): a plain target, not a test target.
public final class RunningKeepd: @unchecked Sendable {
    public struct Client: Sendable {
        public var name: String
        public var domain: String
        public var role: ClientRole
        public var clientAuthEKU: Bool
        public var wireProfile: WireProfile

        public init(name: String, domain: String, role: ClientRole = .hypervisor, clientAuthEKU: Bool = true, wireProfile: WireProfile = .standard) {
            self.name = name
            self.domain = domain
            self.role = role
            self.clientAuthEKU = clientAuthEKU
            self.wireProfile = wireProfile
        }
    }

    public static let pin = "keepd integration test PIN"

    public let installation: Installation
    public private(set) var process: Process
    public private(set) var port: UInt16
    public private(set) var clients: [String: Installation.IssuedClient] = [:]

    public var directory: String { installation.dataDirectory }
    public var logPath: String { installation.path("keepd.log") }
    public var caPath: String { installation.path(Installation.caCertificate) }

    /// A fresh installation with `domains` and `clients`; with `administrator`, also an installation administrator
    /// named `admin` (a client of the system domain, as `keepctl init` makes one).
    public convenience init(domains: [(String, DomainPolicy)] = [("tenant-a", DomainPolicy(allowsKeyExport: true))],
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
    public init(installation: Installation, clients: [String: Installation.IssuedClient] = [:],
                configure: (inout ServerConfiguration) -> Void = { _ in }) throws {
        self.installation = installation
        self.clients = clients
        var configuration = try installation.configuration()
        configuration.log.path = "keepd.log"
        configure(&configuration)
        try installation.writeConfiguration(configuration)
        (process, port) = try Self.launch(installation)
    }

    public static let administratorName = "admin"

    deinit {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// SIGTERM, then waits; returns the exit status.
    @discardableResult
    public func stop() -> Int32 {
        if process.isRunning {
            kill(process.processIdentifier, SIGTERM)
            process.waitUntilExit()
        }
        if process.terminationReason == .uncaughtSignal {
            // keepd died on a signal: what it wrote to standard error is the only trace of why.
            let stderr = (try? String(contentsOfFile: installation.path("keepd.stderr"), encoding: .utf8)) ?? ""
            FileHandle.standardError.write(Data("keepd died on signal \(process.terminationStatus):\n\(stderr.suffix(4000))\n".utf8))
        }
        return process.terminationStatus
    }

    /// Starts keepd again over the same installation (stopping the running one first) on `port`, 0 for any free
    /// port. Keys, domains and clients are those of the installation. With `fileSizeLimit` (bytes, a multiple of
    /// 512) keepd runs under that RLIMIT_FSIZE: a write that would take any file past it writes up to the limit
    /// and then fails with EFBIG (keepd ignores SIGXFSZ). A disk that fills up, for one process, without root.
    public func restart(port newPort: UInt16 = 0, fileSizeLimit: Int? = nil) throws {
        stop()
        var configuration = try installation.configuration()
        configuration.listen.port = newPort
        try installation.writeConfiguration(configuration)
        (process, port) = try Self.launch(installation, fileSizeLimit: fileSizeLimit)
    }

    /// Changes the installation's hierarchy or registry while keepd is stopped (the partition is locked to one
    /// process), then starts it again on the same port.
    public func withStoppedServer(_ body: (KeyHierarchy, ClientRegistry) throws -> Void) throws {
        let current = port
        stop()
        try installation.withHierarchy(pin: .file(installation.path("hsm/pin"))) { try body($0, $1) }
        try restart(port: current)
    }

    /// A loopback port nothing listens on now (bound, then released): for an endpoint that refuses, or one a
    /// later keepd takes.
    public static func freePort() throws -> UInt16 {
        let socket = try Socket.listen(host: "127.0.0.1", port: 0)
        return try socket.localPort
    }

    /// The log so far, one decoded JSON object per line.
    public func logEntries() -> [[String: Any]] {
        Self.logEntries(at: logPath)
    }

    private static func logEntries(at path: String) -> [[String: Any]] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any]
        }
    }

    /// A TLS client context presenting `client`'s certificate (or none).
    public func clientContext(_ client: String?) throws -> TLSClientContext {
        let issued = client.map { clients[$0]! }
        return try TLSClientContext(configuration: TLSClientConfiguration(
            certificateChainFile: issued?.certificatePath, privateKeyFile: issued?.keyPath, trustedCAFiles: [caPath], serverName: "127.0.0.1"))
    }

    /// A connected, handshaken KMIP connection as `client`.
    public func connect(as client: String) throws -> KMIPTestConnection {
        try KMIPTestConnection(port: port, context: try clientContext(client))
    }

    /// Where the test binary and the package's executables (keepd, keep-vm) are built.
    public static var productsDirectory: URL {
        URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
    }

    /// Runs keepd over `installation`; returns it with the port it reports once listening. A `fileSizeLimit` is
    /// set by /bin/sh (`ulimit -f`, in 512-byte blocks in a POSIX shell), which then execs keepd: the process,
    /// its pid and its exit status are keepd's.
    private static func launch(_ installation: Installation, fileSizeLimit: Int? = nil) throws -> (Process, UInt16) {
        let logPath = installation.path("keepd.log")
        let listeningBefore = logEntries(at: logPath).filter { $0["event"] as? String == "listening" }.count
        let process = Process()
        let keepd = productsDirectory.appendingPathComponent("keepd")
        let arguments = ["--config", installation.path(Installation.configurationFile)]
        if let fileSizeLimit {
            guard fileSizeLimit > 0, fileSizeLimit % 512 == 0 else { throw KeepdTestError("a file-size limit is a positive multiple of 512 bytes, not \(fileSizeLimit)") }
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "ulimit -f \(fileSizeLimit / 512) && exec \"$0\" \"$@\"", keepd.path] + arguments
        } else {
            process.executableURL = keepd
            process.arguments = arguments
        }
        process.standardOutput = FileHandle.nullDevice
        let stderrPath = installation.path("keepd.stderr")
        _ = FileManager.default.createFile(atPath: stderrPath, contents: nil)
        process.standardError = FileHandle(forWritingAtPath: stderrPath)
        // keepd starts as a service manager starts it, with no signal blocked. Process spawns it from this thread,
        // whose mask it inherits, and a test's thread blocks most signals: a SIGXFSZ blocked in keepd would hide a
        // keepd that does not ignore it. Process learns of the exit through a socket, not SIGCHLD.
        do {
            var none = sigset_t(), mask = sigset_t()
            sigemptyset(&none)
            pthread_sigmask(SIG_SETMASK, &none, &mask)
            defer { pthread_sigmask(SIG_SETMASK, &mask, nil) }
            try process.run()
        }
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            let listening = logEntries(at: logPath).filter { $0["event"] as? String == "listening" }
            if listening.count > listeningBefore, let port = listening.last?["port"] as? Int {
                return (process, UInt16(port))
            }
            if !process.isRunning {
                let stderr = (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? ""
                throw KeepdTestError("keepd exited with status \(process.terminationStatus) before listening: \(stderr)")
            }
            Thread.sleep(forTimeInterval: 0.02)
        }
        kill(process.processIdentifier, SIGKILL)
        throw KeepdTestError("keepd did not report its port within 30 s")
    }
}

public struct KeepdTestError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// One mutual-TLS connection to keepd that sends KMIP messages and reads the responses.
public final class KMIPTestConnection {
    public let connection: TLSConnection
    public static let timeout = Duration.seconds(20)

    public init(port: UInt16, context: TLSClientContext) throws {
        let socket = try Socket.connect(host: "127.0.0.1", port: port, deadline: .now + Self.timeout)
        connection = try TLSConnection(socket: socket, context: context)
        try connection.handshake(deadline: .now + Self.timeout)
    }

    /// Sends raw bytes and reads one response message's bytes.
    public func roundTrip(_ request: [UInt8]) throws -> [UInt8] {
        try connection.write(request, deadline: .now + Self.timeout)
        return try readMessage()
    }

    public func readMessage() throws -> [UInt8] {
        let header = try connection.readExactly(8, deadline: .now + Self.timeout)
        let length = header[4..<8].reduce(0) { $0 << 8 | Int($1) }
        return header + (try connection.readExactly(length, deadline: .now + Self.timeout))
    }

    public func send(_ request: RequestMessage) throws -> ResponseMessage {
        try ResponseMessage(from: try TTLVDecoder().decodeMessage(try roundTrip(request.encoded())))
    }

    public func close() { try? connection.shutdown() }
}
