// keepctl: the operator's CLI. `init` (a new installation, optionally with a demo tenant) and `audit` (verify,
// show and export the audit log, from its files); the commands that go through keepd come with the admin protocol.
import Foundation
import KeepCrypto
import KeepHSM
import KeepServer
import KeyHierarchy

let usage = """
    usage: keepctl audit verify|show|export|verify-export ...   (keepctl audit --help)
           keepctl init [--data-dir DIR] [--host NAME]... [--ip ADDRESS]... [--listen HOST:PORT]
                        [--pin-file FILE] [--demo]

    Creates a new installation in DIR (default /var/lib/keep): the HSM partition and its Root of Trust, the
    object store, a certificate authority for the KMS, keepd's server certificate (for the host names and IP
    addresses given; default localhost and 127.0.0.1) and keepd.json. Refuses to overwrite an installation.

    The partition PIN is read from FILE (which keepd then reads too), or from KEEP_HSM_PIN. With --demo and
    neither, a random PIN is written to DIR/hsm/pin: for a development machine only.

    --demo also creates the tenant domain `demo` and client certificates for a hypervisor (`demo-hypervisor`)
    and an administrator (`demo-admin`) in DIR/clients.

    """

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("keepctl: \(message)\n".utf8))
    exit(1)
}

func say(_ text: String) { FileHandle.standardOutput.write(Data((text + "\n").utf8)) }

var arguments = Array(CommandLine.arguments.dropFirst())
guard let command = arguments.first, command != "--help", command != "-h" else {
    FileHandle.standardOutput.write(Data(usage.utf8))
    exit(arguments.isEmpty ? 2 : 0)
}
if command == "audit" { exit(runAudit(Array(arguments.dropFirst()))) }
guard command == "init" else { fail("unknown command \(command) (keepctl --help)") }
arguments.removeFirst()

/// `keepctl init`'s flags.
struct InitFlags {
    var dataDirectory = "/var/lib/keep"
    var options = Installation.Options()
    var pinFile: String?
    var demo = false

    init(_ arguments: [String]) {
        var hosts: [String] = [], addresses: [String] = []
        var index = 0
        func value(_ flag: String) -> String {
            index += 1
            guard index < arguments.count else { fail("\(flag) needs a value") }
            return arguments[index]
        }
        while index < arguments.count {
            switch arguments[index] {
            case "--help", "-h":
                FileHandle.standardOutput.write(Data(usage.utf8))
                exit(0)
            case "--data-dir": dataDirectory = value("--data-dir")
            case "--host": hosts.append(value("--host"))
            case "--ip": addresses.append(value("--ip"))
            case "--listen":
                let text = value("--listen")
                guard let colon = text.lastIndex(of: ":"), let port = UInt16(text[text.index(after: colon)...]) else {
                    fail("--listen takes HOST:PORT, not \(text)")
                }
                options.listenHost = String(text[..<colon])
                options.listenPort = port
            case "--pin-file": pinFile = value("--pin-file")
            case "--demo": demo = true
            case let other: fail("unknown flag \(other) (keepctl init --help)")
            }
            index += 1
        }
        if !hosts.isEmpty || !addresses.isEmpty {
            options.hostNames = hosts
            options.ipAddresses = addresses
        }
        dataDirectory = Self.absolute(dataDirectory)
        pinFile = pinFile.map(Self.absolute)
    }

    static func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(path)
    }
}

let flags = InitFlags(arguments)
var options = flags.options
let dataDirectory = flags.dataDirectory
let demo = flags.demo

do {
    let pin: SecureBytes
    var generatedPIN = false
    if let pinFile = flags.pinFile {
        pin = try PINSource.file(pinFile).read()
        options.pinFile = pinFile
    } else if ProcessInfo.processInfo.environment["KEEP_HSM_PIN"] != nil {
        pin = try PINSource.environment("KEEP_HSM_PIN").read()
    } else if demo {
        // 24 random bytes as hex: a PIN nobody chose, kept beside the partition because this is a development setup.
        pin = SecureBytes(Array(try SecureRandom.bytes(count: 24).copyBytes().map { String(format: "%02x", $0) }.joined().utf8))
        options.pinFile = "hsm/pin"
        generatedPIN = true
    } else {
        fail("no PIN: give --pin-file FILE or set KEEP_HSM_PIN")
    }
    let installation = try Installation.create(at: dataDirectory, pin: pin, options: options)
    if generatedPIN {
        let path = installation.path("hsm/pin")
        guard FileManager.default.createFile(atPath: path, contents: pin.withUnsafeBytes { Data($0) }, attributes: [.posixPermissions: 0o600]) else {
            fail("cannot write \(path)")
        }
    }
    say("keepctl: created an installation in \(dataDirectory)")
    say("  CA            \(installation.path(Installation.caCertificate))")
    say("  server        \(installation.path(Installation.serverCertificate)) (\((options.hostNames + options.ipAddresses).joined(separator: ", ")))")
    say("  configuration \(installation.path(Installation.configurationFile))")
    if demo {
        let hypervisor = try installation.issueClientCertificate(name: "demo-hypervisor")
        let adminClient = try installation.issueClientCertificate(name: "demo-admin")
        try installation.administer(pin: .value(pin)) { admin in
            try admin.createDomain(id: "demo", displayName: "Demo tenant", policy: DomainPolicy(allowsKeyExport: true))
            try admin.registerClient(fingerprint: hypervisor.fingerprint, domainID: "demo", role: .hypervisor, name: hypervisor.name,
                                     subject: "CN=\(hypervisor.name),O=Keep")
            try admin.registerClient(fingerprint: adminClient.fingerprint, domainID: "demo", role: .admin, name: adminClient.name,
                                     subject: "CN=\(adminClient.name),O=Keep")
        }
        say("  domain        demo (KEK export allowed, for vCenter-style clients)")
        say("  clients       \(hypervisor.certificatePath) (hypervisor), \(adminClient.certificatePath) (admin)")
        if generatedPIN { say("  PIN           \(installation.path("hsm/pin")) (random; development only)") }
    }
    say("")
    say("Next: keepd --config \(installation.path(Installation.configurationFile))")
    say("Then point a KMIP client at \(options.listenHost):\(options.listenPort) with a client certificate and \(installation.path(Installation.caCertificate)).")
} catch {
    fail("init failed: \(error)")
}
