import Foundation
import KeepCrypto
import KeepServer
import KeyHierarchy

/// A throwaway keepd installation for a benchmark: a temporary directory, a partition sealed at test strength (only
/// its unlock at start depends on it, nothing measured), its PIN in `hsm/pin`, one domain `bench` that allows export
/// (so Get returns keys in the clear, as vCenter's Standard Key Provider needs), one registered hypervisor client
/// `bench`, keepd's log in `keepd.log`, and the audit log on or off.
enum BenchInstallation {
    static let domain = "bench"
    static let client = "bench"
    static let subject = "CN=bench,O=Keep"

    static func create(prefix: String, audited: Bool) throws -> (installation: Installation, client: Installation.IssuedClient) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)").path
        let pin = "\(prefix) partition pin"
        var options = Installation.Options()
        options.listenPort = 0
        options.pinFile = "hsm/pin"
        options.scrypt = .insecureFastForTests
        let installation = try Installation.create(at: directory, pin: SecureBytes(Array(pin.utf8)), options: options)
        _ = FileManager.default.createFile(atPath: installation.path("hsm/pin"), contents: Data(pin.utf8), attributes: [.posixPermissions: 0o600])
        let client = try installation.issueClientCertificate(name: Self.client)
        try installation.administer(pin: .file(installation.path("hsm/pin"))) { admin in
            try admin.createDomain(id: Self.domain, policy: DomainPolicy(allowsKeyExport: true))
            try admin.registerClient(fingerprint: client.fingerprint, domainID: Self.domain, role: .hypervisor, name: Self.client, subject: Self.subject)
        }
        var configuration = try installation.configuration()
        configuration.log.path = "keepd.log"
        configuration.audit.enabled = audited
        try installation.writeConfiguration(configuration)
        return (installation, client)
    }
}
