import KMIP

/// Why an administration request did not succeed. The code says where it failed (what `keepctl` turns into its
/// exit status); the reason is one line for the operator, naming files, hosts and identifiers, never a key.
public struct AdminClientError: Error, Hashable, Sendable, CustomStringConvertible {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        fileprivate let name: String
        /// The settings are incomplete or a local file (certificate, key, CA, configuration) cannot be used.
        public static let configuration = Code(name: "configuration")
        /// No TCP connection to keepd: refused, unreachable, timed out, or the name does not resolve.
        public static let unreachable = Code(name: "unreachable")
        /// The TLS handshake failed: keepd's certificate is not trusted or does not name the server, or no
        /// protocol version or cipher suite is shared.
        public static let tls = Code(name: "tls")
        /// keepd closed the connection without answering after the handshake: it did not admit this client's
        /// certificate (not registered, revoked, expired, untrusted); keepd's log says which.
        public static let certificateRefused = Code(name: "certificateRefused")
        /// keepd answered, and the operation failed: `resultReason` and the reason say why.
        public static let operationFailed = Code(name: "operationFailed")
        /// The connection broke or timed out mid-request, or the answer was not a KMIP response to the request.
        public static let protocolFailure = Code(name: "protocolFailure")
        public var description: String { name }
    }

    public let code: Code
    public let reason: String
    /// For `.operationFailed`: the Result Reason keepd gave.
    public let resultReason: ResultReason?

    public init(_ code: Code, _ reason: String, resultReason: ResultReason? = nil) {
        self.code = code
        self.reason = reason
        self.resultReason = resultReason
    }

    public var description: String { reason }
}
