import KeyHierarchy

/// What the TLS layer learnt about the peer's certificate. KeepServer never parses certificates: KeepTLS does
/// (with OpenSSL) and hands over these facts.
public struct ClientCertificate: Hashable, Sendable {
    /// SHA-256 of the certificate's DER encoding, hexadecimal (either case; `:` separators allowed).
    public var fingerprint: String
    public var subject: String
    /// A chain to a CA in the server's trust store was verified by the TLS layer.
    public var chainVerified: Bool
    /// Issuer equals subject and the certificate verifies under its own key.
    public var selfSigned: Bool
    /// Whether the Extended Key Usage extension lists clientAuth; nil when the certificate has no EKU extension.
    public var hasClientAuthEKU: Bool?
    /// Validity period, seconds since the POSIX epoch.
    public var notBefore: Int64
    public var notAfter: Int64

    public init(fingerprint: String, subject: String, chainVerified: Bool, selfSigned: Bool, hasClientAuthEKU: Bool?,
                notBefore: Int64, notAfter: Int64) {
        self.fingerprint = fingerprint
        self.subject = subject
        self.chainVerified = chainVerified
        self.selfSigned = selfSigned
        self.hasClientAuthEKU = hasClientAuthEKU
        self.notBefore = notBefore
        self.notAfter = notAfter
    }
}

/// The outcome of authorizing a peer: who it is, or why it is refused.
public enum ClientAuthorization: Hashable, Sendable {
    case accepted(CallerIdentity)
    case refused(ClientRefusal)
}

/// Why a peer is refused. The TLS layer logs the code and closes the connection; the reason is for operators
/// (it names the client and the certificate's fingerprint, never anything secret).
public struct ClientRefusal: Error, Hashable, Sendable, CustomStringConvertible {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        fileprivate let name: String
        /// No client is registered with this certificate. A certificate from a trusted CA must be registered too:
        /// the CA vouches for a name, the registry binds it to a tenant.
        public static let notRegistered = Code(name: "notRegistered")
        public static let revoked = Code(name: "revoked")
        public static let expired = Code(name: "expired")
        public static let notYetValid = Code(name: "notYetValid")
        /// Neither chained to a trusted CA nor self-signed.
        public static let untrustedIssuer = Code(name: "untrustedIssuer")
        /// Self-signed, but registered as CA-issued: a self-signed certificate is trusted only when the operator
        /// said so at registration.
        public static let selfSignedNotRegistered = Code(name: "selfSignedNotRegistered")
        /// The domain requires the clientAuth extended key usage and the certificate lacks it.
        public static let missingClientAuthUsage = Code(name: "missingClientAuthUsage")
        /// The registration names a domain that does not exist, or a role this build does not know.
        public static let invalidRegistration = Code(name: "invalidRegistration")
        /// The fingerprint is not 32 bytes of hexadecimal.
        public static let invalidFingerprint = Code(name: "invalidFingerprint")
        /// The registry could not be read.
        public static let registryUnavailable = Code(name: "registryUnavailable")
        public var description: String { name }
    }

    public let code: Code
    public let reason: String

    public init(_ code: Code, _ reason: String) {
        self.code = code
        self.reason = reason
    }

    public var description: String { "ClientRefusal.\(code): \(reason)" }
}

/// Decides whether a peer may talk to the service, and as whom. Pure: no I/O, no clock.
///
/// The checks run from the cheapest proof of "not this client" to the most specific policy, and the first
/// failure is the answer:
/// 1. the fingerprint is registered, 2. and not revoked, 3. the certificate is within its validity period,
/// 4. it chains to a trusted CA, or it is self-signed and was registered as self-signed,
/// 5. it carries clientAuth unless the domain waives that (vCenter's self-signed certificate has no EKU).
public enum ClientAuthorizer {
    /// `now` is seconds since the POSIX epoch. `domainPolicy` is the policy of the registration's domain (nil
    /// when that domain does not exist).
    public static func authorize(_ peer: ClientCertificate, registration: RegisteredClient?, domainPolicy: DomainPolicy?,
                                 now: Int64) -> ClientAuthorization {
        guard let fingerprint = ClientRegistry.normalizedFingerprint(peer.fingerprint) else {
            return .refused(ClientRefusal(.invalidFingerprint, "certificate fingerprint is not a SHA-256 in hexadecimal"))
        }
        guard let client = registration, client.fingerprint == fingerprint else {
            return .refused(ClientRefusal(.notRegistered, "no client is registered with certificate \(fingerprint)"))
        }
        guard !client.revoked else {
            return .refused(ClientRefusal(.revoked, "client \(client.name) (certificate \(fingerprint)) is revoked"))
        }
        guard now >= peer.notBefore else {
            return .refused(ClientRefusal(.notYetValid, "certificate \(fingerprint) of client \(client.name) is not valid yet"))
        }
        guard now <= peer.notAfter else {
            return .refused(ClientRefusal(.expired, "certificate \(fingerprint) of client \(client.name) has expired"))
        }
        if !peer.chainVerified {
            guard peer.selfSigned else {
                return .refused(ClientRefusal(.untrustedIssuer, "certificate \(fingerprint) of client \(client.name) is not issued by a trusted CA"))
            }
            guard client.selfSigned else {
                return .refused(ClientRefusal(.selfSignedNotRegistered,
                                              "certificate \(fingerprint) of client \(client.name) is self-signed but was not registered as self-signed"))
            }
        }
        guard let policy = domainPolicy else {
            return .refused(ClientRefusal(.invalidRegistration, "client \(client.name) is bound to domain \(client.domainID), which does not exist"))
        }
        // RFC 5280 reads a missing EKU extension as "any usage"; a domain that requires clientAuth asks for more:
        // the certificate must say it is for TLS clients, so a server or code-signing certificate cannot log in.
        if policy.requiresClientAuthUsage && peer.hasClientAuthEKU != true {
            return .refused(ClientRefusal(.missingClientAuthUsage,
                                          "certificate \(fingerprint) of client \(client.name) lacks the clientAuth extended key usage that domain \(client.domainID) requires"))
        }
        return .accepted(CallerIdentity(domainID: client.domainID, role: client.role, clientName: client.name,
                                        fingerprint: fingerprint, subject: client.subject, wireProfile: client.wireProfile))
    }
}
