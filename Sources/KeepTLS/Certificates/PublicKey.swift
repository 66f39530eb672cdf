internal import COpenSSL
import KeepCrypto

/// A public key as a DER SubjectPublicKeyInfo. `keepctl client issue` sends one to keepd, which signs a
/// certificate for it: the private half stays on the machine that generated it and never crosses the network.
public final class PublicKey: Sendable, Hashable, CustomStringConvertible {
    let object: PKeyObject
    /// The SubjectPublicKeyInfo, DER.
    public let der: [UInt8]

    /// A SubjectPublicKeyInfo is a few hundred bytes (an RSA-8192 key is about 1.1 KiB); the cap keeps a request from
    /// making OpenSSL parse megabytes.
    public static let maxDERByteCount = 4096
    /// Below 2048 bits an RSA modulus is within reach of factoring; NIST has disallowed it since 2013.
    public static let minimumRSABits = 2048
    /// Curves accepted for EC client keys: the ones TLS clients and keepd's TLS policy agree on.
    public static let acceptedCurves: Set<String> = ["P-256", "P-384", "prime256v1", "secp384r1"]

    /// Parses a DER SubjectPublicKeyInfo. Throws `.invalidInput` if it is not exactly one.
    public init(der: [UInt8]) throws {
        guard !der.isEmpty, der.count <= Self.maxDERByteCount else {
            throw TLSError(.invalidInput, "a public key is 1 to \(Self.maxDERByteCount) bytes of DER, not \(der.count)")
        }
        OpenSSLErrorQueue.clear()
        let key: OpaquePointer = try der.withUnsafeBufferPointer { buffer in
            var cursor: UnsafePointer<UInt8>? = buffer.baseAddress
            let key = try check(d2i_PUBKEY(nil, &cursor, buffer.count), "d2i_PUBKEY: not a SubjectPublicKeyInfo", as: .invalidInput)
            guard cursor == buffer.baseAddress.map({ $0 + buffer.count }) else {
                EVP_PKEY_free(key)
                throw TLSError(.invalidInput, "trailing bytes after the public key's DER")
            }
            return key
        }
        object = PKeyObject(owning: key)
        self.der = der
    }

    init(_ object: PKeyObject) throws {
        self.object = object
        der = try object.withPointer { key in
            let length = i2d_PUBKEY(key, nil)
            try check(length, "i2d_PUBKEY", success: .positive)
            var der = [UInt8](repeating: 0, count: Int(length))
            let written = der.withUnsafeMutableBufferPointer { buffer -> Int32 in
                var cursor: UnsafeMutablePointer<UInt8>? = buffer.baseAddress
                return i2d_PUBKEY(key, &cursor)
            }
            try check(written == length ? 1 : 0, "i2d_PUBKEY")
            return der
        }
    }

    /// OpenSSL's name for the key type ("EC", "ED25519", "RSA").
    public var typeName: String {
        object.withPointer { EVP_PKEY_get0_type_name($0).map { String(cString: $0) } ?? "unknown" }
    }

    public var bits: Int { Int(object.withPointer { EVP_PKEY_get_bits($0) }) }

    /// The curve of an EC key ("P-256"), nil for other types.
    public var curveName: String? {
        guard typeName == "EC" else { return nil }
        var name = [CChar](repeating: 0, count: 64)
        var length = 0
        let ok = object.withPointer { EVP_PKEY_get_group_name($0, &name, name.count, &length) }
        guard ok == 1 else { _ = OpenSSLErrorQueue.drain(); return nil }
        return String(decoding: name.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Throws `.invalidInput` unless the key is one a client certificate may carry: EC on P-256 or P-384, Ed25519,
    /// or RSA of at least `minimumRSABits`.
    public func checkAcceptableForClientCertificate() throws {
        switch typeName {
        case "EC":
            guard let curve = curveName, Self.acceptedCurves.contains(curve) else {
                throw TLSError(.invalidInput, "EC keys on \(curveName ?? "an unknown curve") are not accepted: use P-256 or P-384")
            }
        case "ED25519":
            return
        case "RSA":
            guard bits >= Self.minimumRSABits else {
                throw TLSError(.invalidInput, "RSA keys of \(bits) bits are too short: at least \(Self.minimumRSABits)")
            }
        default:
            throw TLSError(.invalidInput, "\(typeName) keys are not accepted: use EC P-256, P-384, Ed25519 or RSA")
        }
    }

    public var description: String { "PublicKey(\(typeName), \(bits) bits)" }
    public static func == (lhs: PublicKey, rhs: PublicKey) -> Bool { lhs.der == rhs.der }
    public func hash(into hasher: inout Hasher) { hasher.combine(der) }
}

extension PrivateKey {
    /// The public half.
    public var publicKey: PublicKey {
        get throws { try PublicKey(object) }
    }
}

extension CertificateAuthority {
    /// A client certificate for a public key sent by the client's owner (see `PublicKey`). The key must be one
    /// `checkAcceptableForClientCertificate` accepts.
    public func issueClientCertificate(for publicKey: PublicKey, subject: DistinguishedName, validity: Validity = .days(825),
                                       clientAuthEKU: Bool = true) throws -> Certificate {
        try publicKey.checkAcceptableForClientCertificate()
        return try CertificateBuilder.build(
            subject: subject, publicKey: publicKey.object, issuer: certificate, signingKey: privateKey, validity: validity,
            extensions: CertificateBuilder.leafExtensions(extendedKeyUsage: clientAuthEKU ? "clientAuth" : nil, issued: true))
    }
}

extension Certificate {
    /// Whether `issuer` issued this certificate: its subject is this one's issuer (and the key identifiers agree)
    /// and this certificate's signature verifies under its key. One link of a chain; no validity or purpose check.
    public func isIssued(by issuer: Certificate) throws -> Bool {
        let subject = try makeX509(), parent = try issuer.makeX509()
        return try subject.withPointer { s in
            try parent.withPointer { p in
                guard X509_check_issued(p, s) == X509_V_OK else { return false }
                let key = try check(X509_get0_pubkey(p), "X509_get0_pubkey")
                let verified = X509_verify(s, key)
                if verified != 1 { _ = OpenSSLErrorQueue.drain() } // a bad signature is an answer, not an error
                return verified == 1
            }
        }
    }

    /// The public key the certificate carries.
    public var publicKey: PublicKey {
        get throws {
            let x509 = try makeX509()
            let key: OpaquePointer = try x509.withPointer { try check(X509_get_pubkey($0), "X509_get_pubkey") }
            return try PublicKey(PKeyObject(owning: key))
        }
    }
}
