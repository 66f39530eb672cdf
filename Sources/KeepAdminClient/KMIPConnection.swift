import KMIP
import KeepCrypto
import KeepTLS

/// One mutual-TLS connection to keepd that sends KMIP request messages and reads the responses, one at a time.
public final class KMIPConnection {
    private let connection: TLSConnection
    public let server: String

    /// Seconds to connect and complete the handshake.
    public static let connectTimeout = Duration.seconds(15)
    /// The largest response accepted: an administration response is a few KiB to a few hundred (a page of keys),
    /// and the cap keeps a confused or hostile peer from making keepctl allocate without bound.
    public static let maxResponseBytes = 16 << 20

    /// Connects and runs the handshake.
    public init(settings: ConnectionSettings) throws(AdminClientError) {
        guard let server = settings.server, let certificate = settings.certificate, let privateKey = settings.privateKey, let ca = settings.ca else {
            throw AdminClientError(.configuration,
                                   "no keepd to talk to: give --server, --cert, --key and --ca, or a settings file (keepctl init writes one; --config or KEEPCTL_CONFIG)")
        }
        let (host, port) = try ConnectionSettings.split(server)
        self.server = server
        let context: TLSClientContext
        do {
            context = try TLSClientContext(configuration: TLSClientConfiguration(
                certificateChainFile: certificate, privateKeyFile: privateKey, trustedCAFiles: [ca], serverName: settings.serverName ?? host))
        } catch let error as TLSError {
            throw AdminClientError(.configuration, "cannot use the client certificate, key or CA: \(Self.describe(error))")
        } catch {
            throw AdminClientError(.configuration, "cannot use the client certificate, key or CA: \(error)")
        }
        let deadline = ContinuousClock.now + Self.connectTimeout
        let socket: Socket
        do {
            socket = try Socket.connect(host: host, port: port, deadline: deadline)
            try? socket.setNoDelay()
        } catch {
            throw AdminClientError(.unreachable, "cannot reach keepd at \(server): \(Self.describe(error))")
        }
        do {
            connection = try TLSConnection(socket: socket, context: context)
            try connection.handshake(deadline: deadline)
        } catch let error as TLSError where error.code == .peerCertificateRejected {
            throw AdminClientError(.tls, "keepd's certificate is not trusted: it must chain to \(ca) and name \(settings.serverName ?? host) (\(Self.describe(error)))")
        } catch {
            throw AdminClientError(.tls, "TLS handshake with \(server) failed: \(Self.describe(error))")
        }
    }

    /// Sends one request and waits until `deadline` for its response.
    public func send(_ request: RequestMessage, deadline: ContinuousClock.Instant) throws(AdminClientError) -> ResponseMessage {
        var bytes = request.encoded()
        defer { bytes.withUnsafeMutableBytes { raw in for i in raw.indices { raw[i] = 0 } } }
        do {
            try connection.write(bytes, deadline: deadline)
        } catch {
            throw closedOrFailed(error, while: "sending")
        }
        let header: [UInt8]
        do {
            header = try connection.readExactly(8, deadline: deadline)
        } catch {
            throw closedOrFailed(error, while: "waiting for the answer")
        }
        let length = header[4..<8].reduce(0) { $0 << 8 | Int($1) }
        guard length + 8 <= Self.maxResponseBytes else {
            throw AdminClientError(.protocolFailure, "keepd announced a \(length)-byte response, more than \(Self.maxResponseBytes)")
        }
        do {
            let body = try connection.readExactly(length, deadline: deadline)
            return try ResponseMessage(from: TTLVDecoder().decodeMessage(header + body))
        } catch let error as KMIPDecodingError {
            throw AdminClientError(.protocolFailure, "keepd's answer is not a KMIP response: \(error.reason)")
        } catch {
            throw closedOrFailed(error, while: "reading the answer")
        }
    }

    public func close() { try? connection.shutdown() }

    /// After a successful handshake, keepd admits a client by its certificate and closes the connection at once if
    /// it does not: a close before the first answer is that refusal.
    private var answered = false

    private func closedOrFailed(_ error: any Error, while doing: String) -> AdminClientError {
        if let error = error as? TLSError, error.code == .peerClosed, !answered {
            return AdminClientError(.certificateRefused,
                                    "keepd at \(server) closed the connection: it does not accept this client certificate (not registered, revoked, expired or from an untrusted CA; keepd's log says which)")
        }
        if let error = error as? TLSError, error.code == .timeout {
            return AdminClientError(.protocolFailure, "no answer from keepd at \(server) in time (\(doing))")
        }
        return AdminClientError(.protocolFailure, "the connection to keepd at \(server) failed while \(doing): \(Self.describe(error))")
    }

    func markAnswered() { answered = true }

    static func describe(_ error: any Error) -> String {
        if let error = error as? TLSError { return error.reason }
        return String(describing: error)
    }
}
