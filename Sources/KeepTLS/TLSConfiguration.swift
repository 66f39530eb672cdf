import KeepCrypto

/// The TLS versions Keep speaks. Older ones are not representable: TLS 1.0 and 1.1 are deprecated (RFC 8996).
public enum TLSProtocolVersion: Int, Sendable, Hashable, Comparable, CustomStringConvertible {
    case tls12 = 0x0303
    case tls13 = 0x0304

    public static func < (lhs: TLSProtocolVersion, rhs: TLSProtocolVersion) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String {
        switch self {
        case .tls12: "TLS 1.2"
        case .tls13: "TLS 1.3"
        }
    }
}

/// What `TLSServerContext` is built from. Reloading (SIGHUP) is building a new context from a new configuration.
public struct TLSServerConfiguration: Sendable {
    /// PEM file: the server certificate first, then any intermediates.
    public var certificateChainFile: String
    /// PEM file: the server's private key, optionally encrypted (then `privateKeyPassphrase` is required).
    public var privateKeyFile: String
    public var privateKeyPassphrase: SecureBytes?
    /// PEM files of the CAs whose client certificates verify. At least one: a client certificate outside them
    /// still completes the handshake, but is reported as not verified (see `PeerCertificate`).
    public var clientCAFiles: [String]
    public var minimumVersion: TLSProtocolVersion
    public var maximumVersion: TLSProtocolVersion

    public init(certificateChainFile: String, privateKeyFile: String, privateKeyPassphrase: SecureBytes? = nil,
                clientCAFiles: [String], minimumVersion: TLSProtocolVersion = .tls12, maximumVersion: TLSProtocolVersion = .tls13) {
        self.certificateChainFile = certificateChainFile
        self.privateKeyFile = privateKeyFile
        self.privateKeyPassphrase = privateKeyPassphrase
        self.clientCAFiles = clientCAFiles
        self.minimumVersion = minimumVersion
        self.maximumVersion = maximumVersion
    }
}

/// What `TLSClientContext` is built from.
public struct TLSClientConfiguration: Sendable {
    /// PEM file with the client certificate (then intermediates); nil for a client without one (which a Keep
    /// server refuses; useful for probes and tests).
    public var certificateChainFile: String?
    public var privateKeyFile: String?
    public var privateKeyPassphrase: SecureBytes?
    /// PEM files of the CAs the server's certificate must chain to. At least one.
    public var trustedCAFiles: [String]
    /// The DNS name or IP address the server certificate must carry (also sent as SNI if it is a name); nil checks
    /// the chain only.
    public var serverName: String?
    public var minimumVersion: TLSProtocolVersion
    public var maximumVersion: TLSProtocolVersion

    public init(certificateChainFile: String? = nil, privateKeyFile: String? = nil, privateKeyPassphrase: SecureBytes? = nil,
                trustedCAFiles: [String], serverName: String? = nil,
                minimumVersion: TLSProtocolVersion = .tls12, maximumVersion: TLSProtocolVersion = .tls13) {
        self.certificateChainFile = certificateChainFile
        self.privateKeyFile = privateKeyFile
        self.privateKeyPassphrase = privateKeyPassphrase
        self.trustedCAFiles = trustedCAFiles
        self.serverName = serverName
        self.minimumVersion = minimumVersion
        self.maximumVersion = maximumVersion
    }
}
