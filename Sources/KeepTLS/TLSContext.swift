internal import COpenSSL
internal import CKeepShims
import KeepCrypto
import KeepSync

// TLS contexts: everything that is the same for every connection (versions, suites, certificates, trust), built
// once and shared by all connection threads. A context is immutable once built; reloading builds a new one.

/// The policy both ends apply.
enum TLSPolicy {
    /// TLS 1.2 suites: ECDHE only (forward secrecy) with AEAD only (AES-GCM, ChaCha20-Poly1305), for ECDSA and for
    /// RSA certificates (vCenter and operators may bring RSA). No CBC (Lucky 13 and padding oracles), no static RSA
    /// key exchange (no forward secrecy, ROBOT). TLS 1.3 keeps OpenSSL's defaults, which are all AEAD with ECDHE.
    static let tls12CipherList = [
        "ECDHE-ECDSA-AES256-GCM-SHA384", "ECDHE-RSA-AES256-GCM-SHA384",
        "ECDHE-ECDSA-CHACHA20-POLY1305", "ECDHE-RSA-CHACHA20-POLY1305",
        "ECDHE-ECDSA-AES128-GCM-SHA256", "ECDHE-RSA-AES128-GCM-SHA256",
    ].joined(separator: ":")

    /// OpenSSL security level 2: at least 112-bit security (RSA and DH ≥ 2048 bits, ECC ≥ 224 bits), no SHA-1 in
    /// signatures. Set explicitly so a distribution's openssl.cnf cannot lower it.
    static let securityLevel: Int32 = 2

    /// Longest certificate chain verified. Real chains are 2-4 certificates; a longer one is only work an attacker
    /// makes us do.
    static let maxChainDepth: Int32 = 8

    /// A context with versions, suites and options set; certificates and trust are added by the caller.
    static func makeContext(minimum: TLSProtocolVersion, maximum: TLSProtocolVersion) throws -> SSLContextObject {
        guard minimum <= maximum else {
            throw TLSError(.configuration, "minimum version \(minimum) is above maximum version \(maximum)")
        }
        let context = try SSLContextObject()
        try context.withPointer { ctx in
            try check(CKeepShims_SSL_CTX_set_min_proto_version(ctx, Int32(minimum.rawValue)), "set_min_proto_version(\(minimum))")
            try check(CKeepShims_SSL_CTX_set_max_proto_version(ctx, Int32(maximum.rawValue)), "set_max_proto_version(\(maximum))")
            SSL_CTX_set_security_level(ctx, securityLevel)
            try check(SSL_CTX_set_cipher_list(ctx, tls12CipherList), "SSL_CTX_set_cipher_list", as: .configuration)
            // No compression (CRIME), no renegotiation (a TLS 1.2 client could otherwise make the server redo the
            // expensive half of a handshake at will), the server's suite order, and no session tickets or cache:
            // every connection does a full handshake, so every connection presents and verifies its certificate.
            _ = SSL_CTX_set_options(ctx, CKeepShims_SSL_OP_NO_COMPRESSION | CKeepShims_SSL_OP_NO_RENEGOTIATION
                                    | CKeepShims_SSL_OP_NO_TICKET | CKeepShims_SSL_OP_CIPHER_SERVER_PREFERENCE)
            try check(SSL_CTX_set_num_tickets(ctx, 0), "SSL_CTX_set_num_tickets")
            _ = CKeepShims_SSL_CTX_set_session_cache_mode(ctx, Int(SSL_SESS_CACHE_OFF)) // returns the previous mode
            SSL_CTX_set_verify_depth(ctx, maxChainDepth)
            // The chain sent is exactly the chain file. Without this OpenSSL completes it from the trust store, and
            // the server's trust store holds the *client* CAs: it would send certificates nobody configured to send.
            _ = CKeepShims_SSL_CTX_set_mode(ctx, Int(SSL_MODE_NO_AUTO_CHAIN)) // returns the new mode bits
            // Read ahead: one recv takes a record's header and body (and whatever follows) instead of one recv for
            // the 5-byte header and another for the body. Every read asks OpenSSL before it waits on the socket
            // (`TLSConnection.drive`), so bytes buffered ahead are never left waiting for a poll.
            _ = CKeepShims_SSL_CTX_set_read_ahead(ctx, 1)
        }
        return context
    }

    /// Loads the certificate chain and its private key, and checks that they belong together.
    static func loadIdentity(_ context: SSLContextObject, chainFile: String, keyFile: String, passphrase: SecureBytes?) throws {
        let key = try PrivateKey(pemFile: keyFile, passphrase: passphrase)
        try context.withPointer { ctx in
            try check(SSL_CTX_use_certificate_chain_file(ctx, chainFile), "cannot load the certificate chain \(chainFile)",
                      as: .certificateFile)
            try key.object.withPointer {
                try check(SSL_CTX_use_PrivateKey(ctx, $0), "the key in \(keyFile) does not fit the certificate in \(chainFile)",
                          as: .privateKey)
            }
            try check(SSL_CTX_check_private_key(ctx), "the key in \(keyFile) does not fit the certificate in \(chainFile)",
                      as: .privateKey)
        }
    }

    /// Adds the certificates of every CA file to the context's trust store.
    static func loadTrust(_ context: SSLContextObject, caFiles: [String]) throws {
        guard !caFiles.isEmpty else { throw TLSError(.configuration, "no CA file: nothing could verify the peer") }
        try context.withPointer { ctx in
            for file in caFiles {
                try check(SSL_CTX_load_verify_file(ctx, file), "cannot load CA certificates from \(file)", as: .certificateFile)
            }
        }
    }

    /// The leaf certificate a context presents.
    static func leafCertificate(_ context: SSLContextObject) throws -> Certificate {
        let x509 = try context.withPointer { try check(SSL_CTX_get0_certificate($0), "SSL_CTX_get0_certificate") }
        try check(X509_up_ref(x509), "X509_up_ref") // the Certificate's owner releases its own reference
        return try Certificate(X509Object(owning: x509))
    }
}

// MARK: - Server

/// The server side of mutual TLS for keepd: its certificate and key, the client CAs, the policy.
///
/// Client certificates are required, but a certificate that does not chain to a configured CA still completes the
/// handshake: vCenter presents a self-signed certificate that an operator registers by fingerprint. The connection
/// then reports, in `PeerCertificate`, whether the chain verified and why not, and the server decides. This is sound
/// because the handshake proves the client holds the certificate's private key (CertificateVerify) whether or not
/// the chain verifies; what the server must not do is treat an unverified certificate as verified.
///
/// Immutable once built and shared by all connection threads. Reload (SIGHUP) = build a new one and swap it in
/// (`ReloadableTLSServerContext`); connections already open keep the context they started with.
public final class TLSServerContext: Sendable {
    let context: SSLContextObject
    /// The server certificate this context presents.
    public let certificate: Certificate
    public let minimumVersion: TLSProtocolVersion
    public let maximumVersion: TLSProtocolVersion

    public init(configuration: TLSServerConfiguration) throws {
        context = try TLSPolicy.makeContext(minimum: configuration.minimumVersion, maximum: configuration.maximumVersion)
        try TLSPolicy.loadIdentity(context, chainFile: configuration.certificateChainFile, keyFile: configuration.privateKeyFile,
                                   passphrase: configuration.privateKeyPassphrase)
        try TLSPolicy.loadTrust(context, caFiles: configuration.clientCAFiles)
        try context.withPointer { ctx in
            // The CA names sent in CertificateRequest, so a client holding several certificates picks a fitting one.
            let names = try check(SSL_load_client_CA_file(configuration.clientCAFiles[0]),
                                  "cannot read CA names from \(configuration.clientCAFiles[0])", as: .certificateFile)
            SSL_CTX_set_client_CA_list(ctx, names) // takes ownership
            for file in configuration.clientCAFiles.dropFirst() {
                try check(SSL_add_file_cert_subjects_to_stack(names, file), "cannot read CA names from \(file)", as: .certificateFile)
            }
            SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT, recordingVerifyCallback)
        }
        certificate = try TLSPolicy.leafCertificate(context)
        minimumVersion = configuration.minimumVersion
        maximumVersion = configuration.maximumVersion
    }
}

/// The server's verify callback: records the first chain error in the connection's state and lets the handshake go
/// on (see `TLSServerContext`). A missing certificate is still fatal: SSL_VERIFY_FAIL_IF_NO_PEER_CERT is checked
/// before and apart from this callback.
private let recordingVerifyCallback: @convention(c) (Int32, OpaquePointer?) -> Int32 = { preverified, store in
    guard preverified == 0, let store else { return 1 }
    if let ssl = X509_STORE_CTX_get_ex_data(store, SSL_get_ex_data_X509_STORE_CTX_idx()),
       let state = ConnectionState.of(OpaquePointer(ssl)),
       state.pointee.firstVerifyError == nil {
        state.pointee.firstVerifyError = (code: X509_STORE_CTX_get_error(store), depth: X509_STORE_CTX_get_error_depth(store))
    }
    return 1
}

/// Holds the server context in use and swaps it atomically on reload. Connection threads read `current` when
/// they accept; a reload that fails leaves the old context in place, so a bad file never takes the server down.
public final class ReloadableTLSServerContext: Sendable {
    private let slot: Locked<TLSServerContext>

    public init(_ context: TLSServerContext) { slot = Locked(context) }

    /// The context new connections use.
    public var current: TLSServerContext { slot.withLock { $0 } }

    /// Swaps in `context` for new connections.
    public func replace(with context: TLSServerContext) { slot.withLock { $0 = context } }

    /// Builds a context from `configuration` (outside the lock: it reads files and decrypts a key) and swaps it in;
    /// on failure throws and keeps the current one.
    @discardableResult
    public func reload(_ configuration: TLSServerConfiguration) throws -> TLSServerContext {
        let context = try TLSServerContext(configuration: configuration)
        replace(with: context)
        return context
    }
}

// MARK: - Client

/// The client side: a client certificate (optional), the CAs the server must chain to, an optional name check.
/// For the tests, the admin CLI and the client library. Immutable and shareable, like the server context.
public final class TLSClientContext: Sendable {
    let context: SSLContextObject
    /// The name the server's certificate must carry; nil checks the chain only.
    public let serverName: String?
    /// The client certificate presented, if any.
    public let certificate: Certificate?

    public init(configuration: TLSClientConfiguration) throws {
        context = try TLSPolicy.makeContext(minimum: configuration.minimumVersion, maximum: configuration.maximumVersion)
        switch (configuration.certificateChainFile, configuration.privateKeyFile) {
        case let (chain?, key?):
            try TLSPolicy.loadIdentity(context, chainFile: chain, keyFile: key, passphrase: configuration.privateKeyPassphrase)
            certificate = try TLSPolicy.leafCertificate(context)
        case (nil, nil):
            certificate = nil
        default:
            throw TLSError(.configuration, "a client certificate needs both a chain file and a key file")
        }
        try TLSPolicy.loadTrust(context, caFiles: configuration.trustedCAFiles)
        context.withPointer { SSL_CTX_set_verify($0, SSL_VERIFY_PEER, nil) } // a failed chain aborts the handshake
        if let name = configuration.serverName {
            guard !name.isEmpty, !name.utf8.contains(0) else { throw TLSError(.configuration, "empty or NUL-containing server name") }
        }
        serverName = configuration.serverName
    }
}
