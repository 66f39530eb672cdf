internal import COpenSSL
internal import CKeepShims
internal import Glibc
import KeepCrypto

/// One TLS connection over a connected socket, for one thread: every call blocks until it completes or its deadline
/// passes (`.timeout`). The socket is closed when the connection goes.
///
/// How deadlines hold: the socket is non-blocking; each OpenSSL call runs until it needs the network
/// (SSL_ERROR_WANT_READ / WANT_WRITE, which either direction can need in either call, e.g. a TLS 1.3 key update
/// during a read), then the thread polls the socket for that direction until the deadline. A read first asks OpenSSL,
/// which returns bytes already decrypted and buffered (SSL_pending) without touching the socket, so buffered data
/// is never left waiting for a poll that would not fire.
///
/// After an error the connection is finished (further calls throw the same error), except a read `.timeout`:
/// reading again is fine, which lets a server wait for the next request in slices.
public final class TLSConnection {
    public enum Role: Sendable, Hashable { case server, client }

    public let role: Role
    public let socket: Socket
    private let session: SSLSession
    /// Holds the context for the connection's life (OpenSSL holds its own reference too).
    private let contextOwner: AnyObject
    private var handshakeDone = false
    private var finished: TLSError?

    /// The peer's certificate, after the handshake. Always present on the server (it requires one).
    public private(set) var peerCertificate: PeerCertificate?
    /// The negotiated version, after the handshake.
    public private(set) var protocolVersion: TLSProtocolVersion?
    /// The negotiated cipher suite by its IANA name (e.g. "TLS_AES_256_GCM_SHA384",
    /// "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384"), after the handshake.
    public private(set) var cipherSuite: String?

    /// The server end of a connection `socket` accepted. Call `handshake(deadline:)` next.
    public init(socket: Socket, context: TLSServerContext) throws {
        role = .server
        self.socket = socket
        contextOwner = context
        session = try SSLSession(context.context, fd: socket.fileDescriptor)
        session.withPointer { SSL_set_accept_state($0) }
    }

    /// The client end over a connected `socket`. Checks the server's name if the context has one.
    public init(socket: Socket, context: TLSClientContext) throws {
        role = .client
        self.socket = socket
        contextOwner = context
        session = try SSLSession(context.context, fd: socket.fileDescriptor)
        try session.withPointer { ssl in
            SSL_set_connect_state(ssl)
            guard let name = context.serverName else { return }
            if CertificateBuilder.isNumericIPAddress(name) { // IP SANs are matched by address, not as a name
                try check(X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(ssl), name), "server IP address \(name)", as: .configuration)
            } else {
                try check(SSL_set1_host(ssl, name), "server name \(name)", as: .configuration)
                try check(CKeepShims_SSL_set_tlsext_host_name(ssl, name), "SNI \(name)", as: .configuration)
            }
        }
    }

    // MARK: Handshake

    /// Runs the handshake. On the server it fails with `.peerCertificateRequired` if the client sends no
    /// certificate, `.protocolVersion` if it offers nothing above TLS 1.1, `.handshakeFailed` otherwise; a client
    /// certificate that does not verify does not fail it (see `PeerCertificate`).
    public func handshake(deadline: ContinuousClock.Instant) throws {
        guard !handshakeDone else { return }
        try drive(.handshake, deadline: deadline) { ssl in SSL_do_handshake(ssl) }
        try session.withPointer { ssl in
            peerCertificate = try PeerCertificate.read(from: ssl)
            protocolVersion = TLSProtocolVersion(rawValue: Int(SSL_version(ssl)))
            cipherSuite = SSL_get_current_cipher(ssl).flatMap { SSL_CIPHER_standard_name($0) }.map { String(cString: $0) }
        }
        if role == .server, peerCertificate == nil { // FAIL_IF_NO_PEER_CERT makes this unreachable; never assume it
            throw finish(TLSError(.peerCertificateRequired, "handshake completed without a client certificate"))
        }
        handshakeDone = true
    }

    // MARK: Reading

    /// Reads what is available, at least one byte, into `buffer`; waits until `deadline` for some to arrive.
    /// Returns 0 when the peer closed the TLS session properly (close_notify); a connection that ends without
    /// one throws `.peerClosed`, so a truncation is never mistaken for an orderly end.
    public func read(into buffer: UnsafeMutableRawBufferPointer, deadline: ContinuousClock.Instant) throws -> Int {
        precondition(!buffer.isEmpty, "read(into:) needs room for at least one byte")
        try requireHandshake()
        var count = 0
        let open = try drive(.read, deadline: deadline) { ssl in SSL_read_ex(ssl, buffer.baseAddress, buffer.count, &count) }
        return open ? count : 0
    }

    /// Appends up to `max` bytes to `buffer`; returns how many (0: the peer closed properly, see above).
    public func read(into buffer: inout [UInt8], max: Int, deadline: ContinuousClock.Instant) throws -> Int {
        precondition(max > 0, "read(into:max:) needs room for at least one byte")
        let start = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: max))
        let count: Int
        do {
            count = try buffer.withUnsafeMutableBytes { try read(into: UnsafeMutableRawBufferPointer(rebasing: $0[start...]), deadline: deadline) }
        } catch {
            buffer.removeLast(max)
            throw error
        }
        buffer.removeLast(max - count)
        return count
    }

    /// Fills `buffer` completely, waiting until `deadline`; a close before it is full throws `.peerClosed`.
    public func readExactly(into buffer: UnsafeMutableRawBufferPointer, deadline: ContinuousClock.Instant) throws {
        var filled = 0
        while filled < buffer.count {
            let count = try read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]), deadline: deadline)
            guard count > 0 else {
                throw finish(TLSError(.peerClosed, "the peer closed after \(filled) of \(buffer.count) bytes"))
            }
            filled += count
        }
    }

    /// Reads exactly `count` bytes (a KMIP header, then the length it announces).
    public func readExactly(_ count: Int, deadline: ContinuousClock.Instant) throws -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        try bytes.withUnsafeMutableBytes { try readExactly(into: $0, deadline: deadline) }
        return bytes
    }

    /// Reads exactly `count` bytes into secure storage, for a message that may carry key material.
    public func readExactlySecure(_ count: Int, deadline: ContinuousClock.Instant) throws -> SecureBytes {
        var bytes = SecureBytes(zeroes: count)
        try bytes.withUnsafeMutableBytes { try readExactly(into: $0, deadline: deadline) }
        return bytes
    }

    // MARK: Writing

    /// Writes all of `bytes`, waiting for the socket until `deadline`.
    public func write(_ bytes: UnsafeRawBufferPointer, deadline: ContinuousClock.Instant) throws {
        try requireHandshake()
        guard !bytes.isEmpty else { return }
        var written = 0
        // Without SSL_MODE_ENABLE_PARTIAL_WRITE, SSL_write_ex succeeds only once all bytes are written; after
        // WANT_WRITE it is called again with the same buffer, as OpenSSL requires.
        let open = try drive(.write, deadline: deadline) { ssl in SSL_write_ex(ssl, bytes.baseAddress, bytes.count, &written) }
        guard open else { throw finish(TLSError(.peerClosed, "write: the peer closed the TLS session")) }
    }

    public func write(_ bytes: [UInt8], deadline: ContinuousClock.Instant) throws {
        try bytes.withUnsafeBytes { try write($0, deadline: deadline) }
    }

    public func write(_ bytes: SecureBytes, deadline: ContinuousClock.Instant) throws {
        try bytes.withUnsafeBytes { try write($0, deadline: deadline) }
    }

    // MARK: Closing

    /// Sends close_notify, so the peer can tell the end of the session from a truncation. It does not wait for the
    /// peer's close_notify: KMIP has nothing to say after it, and waiting would let a peer hold the thread. A
    /// connection whose handshake never completed, or that already failed, has nothing to close: a no-op.
    public func shutdown(deadline: ContinuousClock.Instant = .now + .seconds(1)) throws {
        guard handshakeDone, finished == nil else { return }
        _ = try drive(.shutdown, deadline: deadline, succeeds: { $0 >= 0 }) { ssl in SSL_shutdown(ssl) }
        finished = TLSError(.peerClosed, "the connection was shut down")
    }

    // MARK: Driving OpenSSL

    private enum Operation: String {
        case handshake, read, write, shutdown
    }

    private func requireHandshake() throws {
        if let finished { throw finished }
        guard handshakeDone else { throw TLSError(.handshakeFailed, "no completed handshake on this connection") }
    }

    /// Remembers a fatal error: OpenSSL forbids further calls (even SSL_shutdown) after one.
    private func finish(_ error: TLSError) -> TLSError {
        finished = error
        return error
    }

    /// Calls `call` until it succeeds, polling the socket on WANT_READ / WANT_WRITE until `deadline`. Returns false
    /// if the peer closed the TLS session properly (SSL_ERROR_ZERO_RETURN).
    @discardableResult
    private func drive(_ operation: Operation, deadline: ContinuousClock.Instant, succeeds: (Int32) -> Bool = { $0 > 0 },
                       _ call: (OpaquePointer) -> Int32) throws -> Bool {
        if let finished { throw finished }
        return try session.withPointer { ssl in
            while true {
                OpenSSLErrorQueue.clear() // SSL_get_error reads the thread's queue: no stale entry may be in it
                session.state.pointee.lastErrno = 0
                let result = call(ssl)
                if succeeds(result) { return true }
                switch SSL_get_error(ssl, result) {
                case SSL_ERROR_WANT_READ:
                    try wait(.readable, operation, deadline)
                case SSL_ERROR_WANT_WRITE:
                    try wait(.writable, operation, deadline)
                case SSL_ERROR_ZERO_RETURN:
                    if operation == .read { return false }
                    throw finish(TLSError(.peerClosed, "\(operation.rawValue): the peer closed the TLS session"))
                case let error:
                    throw finish(classify(error, operation, ssl))
                }
            }
        }
    }

    /// Waits for the socket. A read that times out can simply be called again (OpenSSL keeps any partial record);
    /// any other operation that times out is left half done (a write must be retried with the same bytes, a
    /// handshake cannot be resumed later by a caller that has moved on), so the connection is finished.
    private func wait(_ readiness: Readiness, _ operation: Operation, _ deadline: ContinuousClock.Instant) throws {
        do {
            try waitUntil(readiness, fd: socket.fileDescriptor, deadline: deadline, operation.rawValue)
        } catch let error as TLSError {
            throw operation == .read ? error : finish(error)
        }
    }

    /// Turns a failed call into a typed error, by OpenSSL's reason codes and errno, never by message text.
    private func classify(_ sslError: Int32, _ operation: Operation, _ ssl: OpaquePointer) -> TLSError {
        let errors = OpenSSLErrorQueue.drain()
        let state = session.state.pointee
        let what = operation.rawValue
        if state.lastErrno == ECONNRESET || state.lastErrno == EPIPE {
            return systemError(.peerClosed, "\(what): the peer reset the connection", errno: state.lastErrno)
        }
        if sslError == SSL_ERROR_SYSCALL {
            if state.lastErrno != 0 { return systemError(.socket, what, errno: state.lastErrno) }
            return TLSError(.peerClosed, errors.describe(context: "\(what): the connection ended without close_notify"))
        }
        guard sslError == SSL_ERROR_SSL else {
            return TLSError(.openSSL, errors.describe(context: "\(what): SSL_get_error \(sslError)"))
        }
        if errors.hasSSLReason(in: Self.eofReasons) || (state.sawEOF && operation != .handshake) {
            return TLSError(.peerClosed, errors.describe(context: "\(what): the connection ended without close_notify"))
        }
        if errors.hasSSLReason(in: Self.versionReasons) {
            return TLSError(.protocolVersion, errors.describe(context: "\(what): no protocol version in common (TLS 1.2 and 1.3 only)"))
        }
        if errors.hasSSLReason(in: Self.missingCertificateReasons) {
            return TLSError(.peerCertificateRequired, errors.describe(context: "\(what): the client sent no certificate"))
        }
        if errors.hasSSLReason(in: [SSL_R_CERTIFICATE_VERIFY_FAILED]) {
            let result = Int(SSL_get_verify_result(ssl))
            let why = String(cString: X509_verify_cert_error_string(result))
            return TLSError(.peerCertificateRejected, errors.describe(context: "\(what): the peer's certificate did not verify: \(why)"))
        }
        if operation == .handshake {
            if state.sawEOF {
                return TLSError(.peerClosed, errors.describe(context: "handshake: the peer closed the connection"))
            }
            return TLSError(.handshakeFailed, errors.describe(context: "handshake"))
        }
        return TLSError(.protocolFailure, errors.describe(context: what))
    }

    private static let eofReasons: Set<Int32> = [SSL_R_UNEXPECTED_EOF_WHILE_READING]
    /// Our side refusing an old version, or the peer's protocol_version alert.
    private static let versionReasons: Set<Int32> = [
        SSL_R_UNSUPPORTED_PROTOCOL, SSL_R_VERSION_TOO_LOW, SSL_R_WRONG_SSL_VERSION, SSL_R_NO_PROTOCOLS_AVAILABLE,
        SSL_R_TLSV1_ALERT_PROTOCOL_VERSION, SSL_R_UNSUPPORTED_SSL_VERSION,
    ]
    /// Our side (server) missing the certificate, or the TLS 1.3 certificate_required alert (client).
    private static let missingCertificateReasons: Set<Int32> = [
        SSL_R_PEER_DID_NOT_RETURN_A_CERTIFICATE, SSL_R_TLSV13_ALERT_CERTIFICATE_REQUIRED,
    ]
}
