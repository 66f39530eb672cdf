internal import COpenSSL

/// The certificate the peer presented, and whether its chain verified against the configured CAs.
///
/// On the server, a client certificate that does not verify still completes the handshake; `chainVerified` and
/// `verificationFailure` say so, and the server decides (accept a registered fingerprint, refuse the rest).
/// On the client, a server certificate that does not verify aborts the handshake, so a connected client always
/// sees `chainVerified == true`.
public struct PeerCertificate: Sendable, Hashable, CustomStringConvertible {
    /// Why a chain did not verify.
    public struct VerificationFailure: Sendable, Hashable, CustomStringConvertible {
        public enum Kind: Sendable, Hashable {
            /// A certificate in the chain is past its notAfter.
            case expired
            /// A certificate in the chain is before its notBefore.
            case notYetValid
            /// The certificate is self-signed and not itself a configured CA (vCenter's case).
            case selfSigned
            /// The chain ends at a CA that is not configured, or at a certificate whose issuer is unknown.
            case untrustedIssuer
            /// A certificate in the chain may not be used for this purpose (e.g. an EKU without clientAuth).
            case invalidPurpose
            /// Anything else (bad signature, malformed extension…); see `reason`.
            case other
        }

        public let kind: Kind
        /// OpenSSL's X509_V_ERR_* number, for logs and support.
        public let code: Int32
        /// Where in the chain: 0 is the peer's own certificate.
        public let depth: Int32
        /// OpenSSL's text for `code`, e.g. "certificate has expired".
        public let reason: String

        init(code: Int32, depth: Int32) {
            self.code = code
            self.depth = depth
            reason = String(cString: X509_verify_cert_error_string(Int(code)))
            kind = switch code {
            case X509_V_ERR_CERT_HAS_EXPIRED: .expired
            case X509_V_ERR_CERT_NOT_YET_VALID: .notYetValid
            case X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT: .selfSigned
            case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT, X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY,
                 X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE, X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN,
                 X509_V_ERR_CERT_UNTRUSTED: .untrustedIssuer
            case X509_V_ERR_INVALID_PURPOSE: .invalidPurpose
            default: .other
            }
        }

        public var description: String { "\(reason) (X509_V_ERR \(code) at depth \(depth))" }
    }

    /// The certificate itself: DER, fingerprint, subject, issuer, validity, self-signedness, extended key usage.
    public let certificate: Certificate
    /// Why the chain did not verify against the configured CAs; nil if it did.
    public let verificationFailure: VerificationFailure?

    /// Whether the chain verified against the configured CAs (validity, signatures, purpose included).
    public var chainVerified: Bool { verificationFailure == nil }
    /// OpenSSL's verify error text, if the chain did not verify.
    public var verificationError: String? { verificationFailure?.reason }

    public var der: [UInt8] { certificate.der }
    public var sha256Fingerprint: String { certificate.sha256Fingerprint }
    public var subject: String { certificate.subject }
    public var issuer: String { certificate.issuer }
    public var notBefore: Int64 { certificate.notBefore }
    public var notAfter: Int64 { certificate.notAfter }
    public var isSelfSigned: Bool { certificate.isSelfSigned }
    public var extendedKeyUsage: Certificate.ExtendedKeyUsage { certificate.extendedKeyUsage }

    public var description: String {
        "PeerCertificate(\(certificate.subject), sha256 \(certificate.sha256Fingerprint), "
            + (verificationFailure.map { "not verified: \($0)" } ?? "verified") + ")"
    }

    /// Reads the peer certificate of a finished handshake. The chain counts as verified only if the callback saw no
    /// error and OpenSSL's own verify result agrees; either one objecting is enough.
    static func read(from ssl: OpaquePointer) throws -> PeerCertificate? {
        guard let peer = SSL_get1_peer_certificate(ssl) else { return nil }
        let certificate = try Certificate(X509Object(owning: peer))
        let recorded = ConnectionState.of(ssl)?.pointee.firstVerifyError
        let result = Int32(SSL_get_verify_result(ssl))
        let failure: VerificationFailure? =
            if let recorded { VerificationFailure(code: recorded.code, depth: recorded.depth) }
            else if result != X509_V_OK { VerificationFailure(code: result, depth: -1) }
            else { nil }
        return PeerCertificate(certificate: certificate, verificationFailure: failure)
    }
}
