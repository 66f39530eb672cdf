import Foundation
import KeepAdminClient
import KeepCrypto
import KeepHSM
import KeepServer
import KeyHierarchy

/// `keepctl init` and `keepctl recover-admin`: the two commands that work on the installation's files directly,
/// with keepd stopped. Everything else goes through keepd.
enum InitCommands {
    static let all = [initialize, recoverAdmin]

    static let initialize = Command(
        words: ["init"],
        synopsis: "[--data-dir DIR] [--host NAME]... [--ip ADDRESS]... [--listen HOST:PORT] [--pin-file FILE] [--admin-name NAME] [--demo]",
        summary: "Creates a new installation: the HSM partition and its Root of Trust, the object store, a certificate authority for the KMS, keepd's server certificate and keepd.json, and the first installation administrator's client certificate with keepctl's settings to use it.",
        details: """
            Refuses to touch a directory that already holds an installation.

            The partition PIN is read from FILE (which keepd then reads too), or from KEEP_HSM_PIN. With --demo and
            neither, a random PIN is written to DIR/hsm/pin: for a development machine only.

            The administrator's certificate and key go to DIR/clients/NAME.pem and .key; keepctl's settings for it to
            DIR/keepctl.json, and to --client-config FILE (default: $KEEPCTL_CONFIG, else ~/.config/keep/keepctl.json)
            unless that file exists already.

            --demo also creates the tenant domain `demo` (KEK export allowed, as vCenter's Standard Key Provider
            needs) and a hypervisor client certificate for it, DIR/clients/demo-hypervisor.pem and .key.
            """,
        flags: [
            Flag("--data-dir", "DIR", "the installation directory (default /var/lib/keep)"),
            Flag("--host", "NAME", "a DNS name for keepd's certificate (default localhost)", repeatable: true),
            Flag("--ip", "ADDRESS", "an IP address for keepd's certificate (default 127.0.0.1)", repeatable: true),
            Flag("--listen", "HOST:PORT", "where keepd listens (default 127.0.0.1:5696)"),
            Flag("--pin-file", "FILE", "file holding the partition PIN (default: $KEEP_HSM_PIN)"),
            Flag("--admin-name", "NAME", "the first administrator's name (default admin)"),
            Flag("--client-config", "FILE", "where to write keepctl's settings for the administrator"),
            Flag("--demo", "add the demo tenant and its hypervisor client (development)"),
            Flag.json,
        ],
        run: runInit)

    static let recoverAdmin = Command(
        words: ["recover-admin"],
        synopsis: "[--data-dir DIR] [--name NAME] [--pin-file FILE] [--client-config FILE]",
        summary: "Issues a new installation administrator certificate on a stopped installation, for when every administrator certificate is lost, or for an installation made before keepctl administered keepd.",
        details: """
            keepd must be stopped (the HSM partition admits one process). The PIN is read from --pin-file, else
            from the file keepd.json names, else from KEEP_HSM_PIN. Writes DIR/clients/NAME.pem and .key and
            DIR/keepctl.json; creates the system domain if it is missing. Revoke the lost certificates afterwards
            (keepctl client list --domain _system; keepctl client revoke).
            """,
        flags: [
            Flag("--data-dir", "DIR", "the installation directory (default /var/lib/keep)"),
            Flag("--name", "NAME", "the new administrator's name (default admin-YYYYMMDD-HHMMSS)"),
            Flag("--pin-file", "FILE", "file holding the partition PIN"),
            Flag("--client-config", "FILE", "also write keepctl's settings here"),
            Flag.json,
        ],
        run: runRecoverAdmin)

    // MARK: init

    static func runInit(_ invocation: Invocation) throws {
        let dataDirectory = absolute(invocation.value("--data-dir") ?? "/var/lib/keep")
        var options = Installation.Options()
        let hosts = invocation.all("--host"), addresses = invocation.all("--ip")
        if !hosts.isEmpty || !addresses.isEmpty {
            options.hostNames = hosts
            options.ipAddresses = addresses
        }
        if let listen = invocation.value("--listen") {
            guard let colon = listen.lastIndex(of: ":"), let port = UInt16(listen[listen.index(after: colon)...]) else {
                throw Failure.usage("--listen takes HOST:PORT, not \(listen)")
            }
            options.listenHost = String(listen[..<colon]).trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
            options.listenPort = port
        }
        let adminName = invocation.value("--admin-name") ?? Installation.firstAdministratorName
        let demo = invocation.has("--demo")

        let pin: SecureBytes
        var generatedPIN = false
        if let pinFile = invocation.value("--pin-file") {
            pin = try local("cannot read the PIN") { try PINSource.file(absolute(pinFile)).read() }
            options.pinFile = absolute(pinFile)
        } else if ProcessInfo.processInfo.environment["KEEP_HSM_PIN"] != nil {
            pin = try local("cannot read the PIN") { try PINSource.environment("KEEP_HSM_PIN").read() }
        } else if demo {
            // 24 random bytes as hex: a PIN nobody chose, kept beside the partition because this is a development setup.
            pin = SecureBytes(Array(try SecureRandom.bytes(count: 24).copyBytes().map { String(format: "%02x", $0) }.joined().utf8))
            options.pinFile = "hsm/pin"
            generatedPIN = true
        } else {
            throw Failure.usage("no PIN: give --pin-file FILE or set KEEP_HSM_PIN")
        }

        let installation = try local("init failed") { try Installation.create(at: dataDirectory, pin: pin, options: options) }
        if generatedPIN {
            let path = installation.path("hsm/pin")
            guard FileManager.default.createFile(atPath: path, contents: pin.withUnsafeBytes { Data($0) }, attributes: [.posixPermissions: 0o600]) else {
                throw Failure.failed("cannot write \(path)")
            }
        }
        let admin = try local("init failed") { try installation.bootstrapAdministrator(name: adminName, pin: .value(pin)) }
        var hypervisor: Installation.IssuedClient?
        if demo {
            hypervisor = try local("init failed") {
                let issued = try installation.issueClientCertificate(name: "demo-hypervisor")
                try installation.administer(pin: .value(pin)) { administration in
                    try administration.createDomain(id: "demo", displayName: "Demo tenant", policy: DomainPolicy(allowsKeyExport: true))
                    try administration.registerClient(fingerprint: issued.fingerprint, domainID: "demo", role: .hypervisor, name: issued.name,
                                                      subject: "CN=\(issued.name),O=Keep")
                }
                return issued
            }
        }
        let settings = clientSettings(installation, options: options, admin: admin)
        let written = try writeSettings(settings, installation: installation, invocation: invocation)

        if invocation.json {
            Console.json(.object([
                ("dataDirectory", .string(dataDirectory)),
                ("configuration", .string(installation.path(Installation.configurationFile))),
                ("ca", .string(installation.path(Installation.caCertificate))),
                ("serverCertificate", .string(installation.path(Installation.serverCertificate))),
                ("listen", .string("\(options.listenHost):\(options.listenPort)")),
                ("admin", client(admin)),
                ("clientConfig", .array(written.map(JSON.string))),
                ("demo", hypervisor.map { .object([("domain", "demo"), ("hypervisor", client($0))]) } ?? .null),
            ]))
            return
        }
        Console.out("keepctl: created an installation in \(dataDirectory)")
        Console.out("  CA            \(installation.path(Installation.caCertificate))")
        Console.out("  server        \(installation.path(Installation.serverCertificate)) (\((options.hostNames + options.ipAddresses).joined(separator: ", ")))")
        Console.out("  configuration \(installation.path(Installation.configurationFile))")
        Console.out("  admin         \(admin.certificatePath) (installation administrator)")
        if let hypervisor {
            Console.out("  domain        demo (KEK export allowed, for vCenter-style clients)")
            Console.out("  hypervisor    \(hypervisor.certificatePath) (client of demo)")
        }
        if generatedPIN { Console.out("  PIN           \(installation.path("hsm/pin")) (random; development only)") }
        Console.out("  keepctl       \(written.joined(separator: ", "))")
        Console.out("")
        Console.out("Next:")
        Console.out("  keepd --config \(installation.path(Installation.configurationFile))")
        if written.contains(where: { $0 != installation.path(settingsFileName) }) {
            Console.out("  keepctl status")
        } else {
            Console.out("  KEEPCTL_CONFIG=\(installation.path(settingsFileName)) keepctl status")
        }
        Console.out("  keepctl domain create TENANT; keepctl client issue --domain TENANT --role hypervisor --name NAME")
        Console.out("Keep \(installation.path(Installation.caKey)) and the administrator's key private; see docs/operations.md.")
    }

    // MARK: recover-admin

    static func runRecoverAdmin(_ invocation: Invocation) throws {
        let dataDirectory = absolute(invocation.value("--data-dir") ?? "/var/lib/keep")
        let installation = Installation(dataDirectory: dataDirectory)
        guard FileManager.default.fileExists(atPath: installation.path(Installation.configurationFile)) else {
            throw Failure.failed("\(dataDirectory) is not an installation (no \(Installation.configurationFile))")
        }
        let configuration = try local("cannot read keepd's configuration") { try installation.configuration() }
        let pin: PINSource
        if let file = invocation.value("--pin-file") {
            pin = .file(absolute(file))
        } else if let file = configuration.hsm.pinFile {
            pin = .file(configuration.resolve(file))
        } else {
            pin = .environment("KEEP_HSM_PIN")
        }
        let name = invocation.value("--name") ?? "admin-" + timestampForName()
        let admin = try local("recover-admin failed") { try installation.bootstrapAdministrator(name: name, pin: pin) }
        var options = Installation.Options()
        options.listenHost = configuration.listen.host
        options.listenPort = configuration.listen.port
        let settings = clientSettings(installation, options: options, admin: admin)
        try local("cannot write keepctl's settings") { try settings.write(to: installation.path(settingsFileName)) }
        var written = [installation.path(settingsFileName)]
        if let extra = invocation.value("--client-config") {
            try local("cannot write keepctl's settings") { try settings.write(to: absolute(extra)) }
            written.append(absolute(extra))
        }
        if invocation.json {
            Console.json(.object([("admin", client(admin)), ("clientConfig", .array(written.map(JSON.string)))]))
            return
        }
        Console.out("keepctl: \(name) is an installation administrator: \(admin.certificatePath)")
        Console.out("  keepctl settings: \(written.joined(separator: ", "))")
        Console.out("Start keepd, then revoke the certificates that were lost: keepctl client list --domain \(SystemDomain.identifier)")
    }

    // MARK: Shared

    /// keepctl's settings file inside the data directory.
    static let settingsFileName = "keepctl.json"

    static func clientSettings(_ installation: Installation, options: Installation.Options, admin: Installation.IssuedClient) -> ConnectionSettings {
        // A wildcard listener is reached on a name or address the certificate carries, loopback first.
        let host: String
        if !["0.0.0.0", "::", ""].contains(options.listenHost) {
            host = options.listenHost
        } else if options.ipAddresses.contains("127.0.0.1") {
            host = "127.0.0.1"
        } else {
            host = options.hostNames.first ?? options.ipAddresses.first ?? "127.0.0.1"
        }
        let server = host.contains(":") ? "[\(host)]:\(options.listenPort)" : "\(host):\(options.listenPort)"
        return ConnectionSettings(server: server, certificate: admin.certificatePath, privateKey: admin.keyPath,
                                  ca: installation.path(Installation.caCertificate), serverName: host)
    }

    /// Writes DATA/keepctl.json, and the operator's settings file unless one is there already. Returns the paths written.
    static func writeSettings(_ settings: ConnectionSettings, installation: Installation, invocation: Invocation) throws -> [String] {
        var written: [String] = []
        try local("cannot write keepctl's settings") { try settings.write(to: installation.path(settingsFileName)) }
        written.append(installation.path(settingsFileName))
        let explicit = invocation.value("--client-config").map(absolute)
        let target = explicit ?? ProcessInfo.processInfo.environment["KEEPCTL_CONFIG"].map(absolute) ?? ConnectionSettings.defaultPath()
        if let target, target != installation.path(settingsFileName) {
            if FileManager.default.fileExists(atPath: target) {
                if explicit != nil { throw Failure.failed("\(target) exists: keepctl's settings were written to \(installation.path(settingsFileName)) only") }
                Console.error("keepctl: \(target) exists and was left alone; use --config \(installation.path(settingsFileName))")
            } else {
                try local("cannot write keepctl's settings") { try settings.write(to: target) }
                written.append(target)
            }
        }
        return written
    }

    static func client(_ issued: Installation.IssuedClient) -> JSON {
        .object([("name", .string(issued.name)), ("certificate", .string(issued.certificatePath)), ("privateKey", .string(issued.keyPath)),
                 ("fingerprint", .string(issued.fingerprint))])
    }

    static func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(path)
    }

    static func timestampForName() -> String {
        var seconds = time(nil)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return String(format: "%04d%02d%02d-%02d%02d%02d", parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday, parts.tm_hour, parts.tm_min, parts.tm_sec)
    }

    /// Runs a local step; its failure is one line, with a wrong PIN and a running keepd said plainly.
    static func local<T>(_ what: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let failure as Failure {
            throw failure
        } catch let error as HSMError where error.code == .wrongPIN {
            throw Failure.failed("\(what): wrong PIN for the HSM partition")
        } catch let error as HSMError where error.code == .partitionInUse {
            throw Failure.failed("\(what): the HSM partition is in use; stop keepd first")
        } catch let error as HierarchyError {
            if let hsm = error.underlying as? HSMError, hsm.code == .wrongPIN { throw Failure.failed("\(what): wrong PIN for the HSM partition") }
            if let hsm = error.underlying as? HSMError, hsm.code == .partitionInUse { throw Failure.failed("\(what): the HSM partition is in use; stop keepd first") }
            throw Failure.failed("\(what): \(error.reason)")
        } catch let error as HSMError {
            throw Failure.failed("\(what): \(error.reason)")
        } catch let error as ConfigurationError {
            throw Failure.failed("\(what): \(error.description)")
        } catch let error as ClientRegistryError {
            throw Failure.failed("\(what): \(error.reason)")
        } catch let error as AdminClientError {
            throw Failure.failed("\(what): \(error.reason)")
        } catch {
            throw Failure.failed("\(what): \(error)")
        }
    }
}
