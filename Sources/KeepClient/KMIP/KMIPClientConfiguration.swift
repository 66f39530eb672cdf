import KMIP
import KeepCrypto

/// How a `KMIPClient` reaches keepd: the endpoints to try in order, the client's certificate and the CAs the
/// servers chain to, the protocol version, and the limits that keep every call bounded in time.
public struct KMIPClientConfiguration: Sendable {
    /// Tried in order: the first that answers is used until it fails, then the next (failover). At least one.
    public var endpoints: [KMIPEndpoint]
    /// PEM: the client certificate, then intermediates. Its registration binds the client to one tenant domain.
    public var certificateChainFile: String
    public var privateKeyFile: String
    public var privateKeyPassphrase: SecureBytes?
    /// PEM files of the CAs the servers' certificates chain to.
    public var trustedCAFiles: [String]
    /// Sent in every request header. 1.4 by default: Encrypt and Decrypt with key wrapping need 1.2, AES-GCM 1.4.
    public var protocolVersion: ProtocolVersion = .v1_4
    /// TCP connect plus TLS handshake, per endpoint and attempt: a dead zone costs at most this before failover.
    public var connectTimeout: Duration = .seconds(5)
    /// Writing a request and reading its answer.
    public var requestTimeout: Duration = .seconds(30)
    /// Rounds over the endpoint list before giving up: a transient failure (a restart, a dropped connection) gets
    /// another chance on every endpoint.
    public var rounds = 2
    /// Pause before each further round, doubled each time.
    public var retryDelay: Duration = .milliseconds(200)
    /// Largest response accepted: a response is held in memory whole, so a confused or hostile server must not
    /// make the client allocate without bound. keepd's responses are a few KiB (Encrypt/Decrypt at most 64 KiB of data).
    public var maxResponseBytes = 1 << 20

    public init(endpoints: [KMIPEndpoint], certificateChainFile: String, privateKeyFile: String, privateKeyPassphrase: SecureBytes? = nil,
                trustedCAFiles: [String]) {
        self.endpoints = endpoints
        self.certificateChainFile = certificateChainFile
        self.privateKeyFile = privateKeyFile
        self.privateKeyPassphrase = privateKeyPassphrase
        self.trustedCAFiles = trustedCAFiles
    }
}

/// What a client reports as it goes: connections, failover, retries. Strings for a log; never a value.
public enum KMIPClientEvent: Sendable, CustomStringConvertible {
    case connected(KMIPEndpoint)
    case connectionFailed(KMIPEndpoint, reason: String)
    /// The idle connection was closed by the server (its idle timeout) and is replaced before the next request.
    case staleConnectionDropped(KMIPEndpoint)
    case requestFailed(KMIPEndpoint, operation: String, reason: String)
    case failedOver(from: KMIPEndpoint, to: KMIPEndpoint)

    public var description: String {
        switch self {
        case .connected(let endpoint): "connected to keepd at \(endpoint)"
        case .connectionFailed(let endpoint, let reason): "could not connect to keepd at \(endpoint): \(reason)"
        case .staleConnectionDropped(let endpoint): "the idle connection to \(endpoint) was closed by the server; reconnecting"
        case .requestFailed(let endpoint, let operation, let reason): "\(operation) to \(endpoint) failed: \(reason)"
        case .failedOver(let from, let to): "failed over from \(from) to \(to)"
        }
    }
}
