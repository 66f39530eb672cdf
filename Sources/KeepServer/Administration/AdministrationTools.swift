import Foundation
public import KeepAudit
import KeepTLS
import KeyHierarchy
import Synchronization

/// What the administration operations need beyond the key hierarchy: the client registry, the KMS CA (to issue
/// client certificates) and the CAs keepd trusts (to register certificates made elsewhere), and the live state of
/// the server (uptime, connections, running rotations, recent activity, the audit chain's head).
///
/// keepd builds one per process (`Daemon`); a `KMIPService` without one answers administration operations with
/// Feature Not Supported. Not to be confused with `Administration`, keepctl's audited actions on a stopped
/// installation: inside keepd an administration request is audited by `KMIPService`, like every request.
public final class AdministrationTools: Sendable {
    /// Where the certificates the administration operations use are.
    public struct Certificates: Sendable, Equatable {
        /// The KMS CA's certificate, which signs issued client certificates.
        public var issuerCertificate: String
        /// Its private key. Read only when a certificate is issued; keepd starts without it (a CA kept offline),
        /// and then only registration of certificates issued elsewhere is possible.
        public var issuerPrivateKey: String
        /// The CAs keepd verifies client certificates against (a registered certificate must chain to one, or be
        /// self-signed).
        public var clientCAs: [String]

        public init(issuerCertificate: String, issuerPrivateKey: String, clientCAs: [String]) {
            self.issuerCertificate = issuerCertificate
            self.issuerPrivateKey = issuerPrivateKey
            self.clientCAs = clientCAs
        }
    }

    /// Days a client certificate is valid when the request does not say: 825 is what browsers accept for TLS
    /// certificates, and a KMS client is renewed no less often than a web server.
    public static let defaultValidityDays: Int32 = 825
    /// The longest validity one may ask for: a lost client key stays usable until revoked or expired.
    public static let maximumValidityDays: Int32 = 3650

    public let registry: ClientRegistry
    public let certificates: Certificates
    public let nodeID: String
    public let serverVersion: String
    public let activity: ActivityLog
    /// Microseconds since the POSIX epoch.
    public let startedAt: Int64
    let rotations = RotationTracker()
    private let load = Mutex<(@Sendable () -> (connections: Int, requests: Int))?>(nil)
    private let auditChainHead: @Sendable () -> String?
    /// The audit log and its keys, for the audit operations; nil when keepd keeps no audit log.
    public let audit: AuditReading?

    public init(registry: ClientRegistry, certificates: Certificates, nodeID: String, serverVersion: String,
                activity: ActivityLog = ActivityLog(), startedAt: Int64 = KeyHierarchy.systemClock(),
                auditChainHead: @escaping @Sendable () -> String? = { nil }, audit: AuditReading? = nil) {
        self.audit = audit
        self.registry = registry
        self.certificates = certificates
        self.nodeID = nodeID
        self.serverVersion = serverVersion
        self.activity = activity
        self.startedAt = startedAt
        self.auditChainHead = auditChainHead
    }

    /// The network server reports its connections through this once it exists (it is built after the service).
    public func attach(load source: @escaping @Sendable () -> (connections: Int, requests: Int)) {
        load.withLock { $0 = source }
    }

    var currentLoad: (connections: Int, requests: Int) {
        load.withLock { $0 }?() ?? (0, 0)
    }

    var chainHead: String? { auditChainHead() }

    /// The KMS CA, read from its files for each issuance (a CA key replaced on disk takes effect at once, and
    /// keepd holds the key in memory only while it signs).
    func certificateAuthority() throws(ServiceError) -> CertificateAuthority {
        guard FileManager.default.fileExists(atPath: certificates.issuerPrivateKey) else {
            throw ServiceError(.featureNotSupported,
                               "this keepd has no CA private key (\(certificates.issuerPrivateKey)): issue the certificate elsewhere and register it")
        }
        do {
            let certificate = try Certificate.readPEMFile(certificates.issuerCertificate)[0]
            return try CertificateAuthority(certificate: certificate, privateKey: try PrivateKey(pemFile: certificates.issuerPrivateKey))
        } catch {
            throw ServiceError(.internalError, "the KMS CA could not be read")
        }
    }

    /// The CA certificates keepd trusts for client certificates.
    func trustedIssuers() throws(ServiceError) -> [Certificate] {
        do {
            return try certificates.clientCAs.flatMap { try Certificate.readPEMFile($0) }
        } catch {
            throw ServiceError(.internalError, "the client CA certificates could not be read")
        }
    }
}
