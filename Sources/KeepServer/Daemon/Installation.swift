import Foundation
public import KeepAudit
import KeepCrypto
import KeepHSM
import KeepStore
import KeepTLS
import KeyHierarchy

/// A Keep installation on disk: the data directory keepd runs from.
///
/// ```
/// <data>/keepd.json            configuration (paths relative to <data>)
/// <data>/hsm/partition         the HSM partition, sealed under the PIN
/// <data>/keep.db               the object store
/// <data>/tls/ca.pem, ca.key    the KMS certificate authority (the key never leaves this directory)
/// <data>/tls/server.pem, .key  keepd's certificate, issued by the KMS CA
/// <data>/clients/<name>.pem, .key   client certificates issued here
/// <data>/audit/segment-NNNNNN.log  the audit log; audit/public-key-vN.pem the keys auditors verify it with
/// ```
///
/// `create` makes one from nothing and refuses to touch an existing one; `issueClient` and `createDomain` work
/// on a stopped installation (the partition admits one process at a time). Private keys are written 0600.
public struct Installation: Sendable {
    public let dataDirectory: String

    public static let configurationFile = "keepd.json"
    public static let partitionPath = "hsm/partition"
    public static let caCertificate = "tls/ca.pem"
    public static let caKey = "tls/ca.key"
    public static let serverCertificate = "tls/server.pem"
    public static let serverKey = "tls/server.key"

    public init(dataDirectory: String) { self.dataDirectory = dataDirectory }

    public func path(_ relative: String) -> String { (dataDirectory as NSString).appendingPathComponent(relative) }

    public struct Options: Sendable {
        public var hostNames: [String] = ["localhost"]
        public var ipAddresses: [String] = ["127.0.0.1"]
        public var listenHost = "127.0.0.1"
        public var listenPort: UInt16 = 5696
        /// Where keepd reads the PIN: a file (relative to the data directory) or, when nil, `KEEP_HSM_PIN`.
        public var pinFile: String?
        public var scrypt: Scrypt.Parameters = .interactive
        public init() {}
    }

    /// Creates the installation: directories, CA, server certificate, partition with its Root of Trust, store,
    /// configuration. Refuses if the data directory already holds a partition or a configuration.
    @discardableResult
    public static func create(at dataDirectory: String, pin: SecureBytes, options: Options = Options()) throws -> Installation {
        let absolute = dataDirectory.hasPrefix("/") ? dataDirectory
            : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(dataDirectory)
        let installation = Installation(dataDirectory: absolute)
        let fm = FileManager.default
        for existing in [configurationFile, partitionPath, Daemon.storeFileName] where fm.fileExists(atPath: installation.path(existing)) {
            throw ConfigurationError("\(installation.path(existing)) exists: \(dataDirectory) is already an installation")
        }
        for directory in ["", "hsm", "tls", "clients"] {
            try fm.createDirectory(atPath: installation.path(directory), withIntermediateDirectories: true,
                                   attributes: [.posixPermissions: 0o700])
        }
        let ca = try CertificateAuthority.create(subject: DistinguishedName(commonName: "Keep KMS CA", organization: "Keep"))
        try Certificate.writePEM([ca.certificate], to: installation.path(caCertificate))
        try ca.privateKey.writePEM(to: installation.path(caKey))
        let serverKey = try PrivateKey.generate()
        let server = try ca.issueServerCertificate(for: serverKey, subject: DistinguishedName(commonName: options.hostNames.first ?? "keepd", organization: "Keep"),
                                                   dnsNames: options.hostNames, ipAddresses: options.ipAddresses)
        try Certificate.writePEM([server], to: installation.path(serverCertificate))
        try serverKey.writePEM(to: installation.path(Self.serverKey))

        var configuration = ServerConfiguration()
        configuration.dataDirectory = absolute
        do {
            // The audit keys are made with the partition, and the log begins with the installation's own record.
            let hsm = try EmbeddedHSM.initialize(path: installation.path(partitionPath), pin: .value(pin), parameters: options.scrypt)
            let store = try SQLiteObjectStore(path: installation.path(Daemon.storeFileName))
            let keys = HSMAuditKeys(hsm: hsm)
            try keys.ensureKeys()
            let audit = try installation.openAudit(keys: keys, configuration: configuration)
            let administration = Administration(hierarchy: KeyHierarchy(hsm: hsm, store: store), registry: ClientRegistry(store: store),
                                                audit: audit, actor: Administration.localActor())
            try administration.recordAction("CreateInstallation", message: "installation created in \(absolute)")
            try audit.close()
        }

        configuration.listen.host = options.listenHost
        configuration.listen.port = options.listenPort
        configuration.tls.certificate = serverCertificate
        configuration.tls.privateKey = Self.serverKey
        configuration.tls.clientCAs = [caCertificate]
        configuration.hsm.partition = partitionPath
        configuration.hsm.pinFile = options.pinFile
        try installation.writeConfiguration(configuration)
        return installation
    }

    public func writeConfiguration(_ configuration: ServerConfiguration) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try encoder.encode(configuration).write(to: URL(fileURLWithPath: path(Self.configurationFile)))
    }

    public func configuration() throws -> ServerConfiguration { try ServerConfiguration.load(path: path(Self.configurationFile)) }

    /// Opens the partition and the store (keepd must not be running) for `body`.
    public func withHierarchy<T>(pin: PINSource, _ body: (KeyHierarchy, ClientRegistry) throws -> T) throws -> T {
        let hsm = try EmbeddedHSM(path: path(Self.partitionPath), pin: pin)
        let store = try SQLiteObjectStore(path: path(Daemon.storeFileName))
        let hierarchy = KeyHierarchy(hsm: hsm, store: store)
        try hierarchy.checkPartition()
        return try withExtendedLifetime(hsm) { try body(hierarchy, ClientRegistry(store: store)) }
    }

    /// Opens the partition, the store and the audit log (keepd must not be running) for administrative actions,
    /// each recorded in the audit log; the log is closed (shutdown checkpoint) afterwards.
    public func administer<T>(pin: PINSource, actor: AuditEntry.Client = Administration.localActor(),
                              _ body: (Administration) throws -> T) throws -> T {
        let hsm = try EmbeddedHSM(path: path(Self.partitionPath), pin: pin)
        let store = try SQLiteObjectStore(path: path(Daemon.storeFileName))
        let keys = HSMAuditKeys(hsm: hsm)
        try keys.ensureKeys()
        let audit = try openAudit(keys: keys, configuration: try configuration())
        let administration = Administration(hierarchy: KeyHierarchy(hsm: hsm, store: store), registry: ClientRegistry(store: store), audit: audit,
                                            actor: actor)
        do {
            let value = try withExtendedLifetime(hsm) { try body(administration) }
            try audit.close()
            return value
        } catch {
            try? audit.close()
            throw error
        }
    }

    /// The audit log as keepd's configuration places it, its public keys exported beside it.
    func openAudit(keys: HSMAuditKeys, configuration: ServerConfiguration) throws -> AuditLog {
        let directory = configuration.resolve(configuration.audit.directory)
        try keys.exportPublicKeys(to: directory)
        var audit = AuditLog.Configuration(directory: directory, nodeID: configuration.nodeID)
        audit.segmentBytes = configuration.audit.segmentBytes
        audit.checkpointRecords = configuration.audit.checkpointRecords
        audit.checkpointInterval = .seconds(configuration.audit.checkpointInterval)
        return try AuditLog.open(audit, keys: keys)
    }

    /// The audit directory and the public keys in it, for offline verification.
    public var auditDirectory: String { (try? configuration().resolve(configuration().audit.directory)) ?? path("audit") }

    /// A client certificate issued by the KMS CA, written to `clients/<name>.pem` and `.key`.
    public struct IssuedClient: Sendable {
        public let name: String
        public let certificatePath: String
        public let keyPath: String
        public let fingerprint: String
    }

    /// Issues a client certificate with the KMS CA (`clientAuthEKU: false` mimics vCenter's) and writes it.
    /// Registering it is separate (`ClientRegistry.register`): a certificate binds to a domain only there.
    public func issueClientCertificate(name: String, validity: Validity = .days(825), clientAuthEKU: Bool = true) throws -> IssuedClient {
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." }), !name.hasPrefix(".") else {
            throw ConfigurationError("a client name is letters, digits, '-', '_' and '.', not \(name)")
        }
        let ca = try CertificateAuthority(certificate: try Certificate.readPEMFile(path(Self.caCertificate))[0],
                                          privateKey: try PrivateKey(pemFile: path(Self.caKey)))
        let key = try PrivateKey.generate()
        let certificate = try ca.issueClientCertificate(for: key, subject: DistinguishedName(commonName: name, organization: "Keep"),
                                                        validity: validity, clientAuthEKU: clientAuthEKU)
        let issued = IssuedClient(name: name, certificatePath: path("clients/\(name).pem"), keyPath: path("clients/\(name).key"),
                                  fingerprint: certificate.sha256Fingerprint)
        guard !FileManager.default.fileExists(atPath: issued.certificatePath) else {
            throw ConfigurationError("\(issued.certificatePath) exists: a client named \(name) was issued already")
        }
        try key.writePEM(to: issued.keyPath)
        try Certificate.writePEM([certificate], to: issued.certificatePath)
        return issued
    }
}
