internal import COpenSSL
internal import Glibc
import KeepCrypto

// Certificate tooling for `keepctl init` and the tests: a CA, server certificates, client certificates.
//
// Why extensions are built from OpenSSL's configuration syntax ("critical,CA:TRUE"): it is the syntax operators
// know from openssl.cnf, and OpenSSL parses it. What comes from a caller (DNS names, IP addresses) is validated
// first, so no caller string can inject another extension value; subject names never go through that syntax.

/// A subject or issuer name. Values are UTF-8; OpenSSL enforces X.520's length limits (a common name of at most
/// 64 characters).
public struct DistinguishedName: Sendable, Hashable {
    public var commonName: String
    public var organization: String?
    public var organizationalUnit: String?

    public init(commonName: String, organization: String? = nil, organizationalUnit: String? = nil) {
        self.commonName = commonName
        self.organization = organization
        self.organizationalUnit = organizationalUnit
    }

    func makeName() throws -> X509NameObject {
        let name = try X509NameObject()
        let entries = [("O", organization), ("OU", organizationalUnit), ("CN", commonName as String?)]
        try name.withPointer { n in
            for case let (field, value?) in entries {
                let bytes = Array(value.utf8)
                guard !bytes.isEmpty, !bytes.contains(0) else { throw TLSError(.invalidInput, "empty or NUL-containing \(field)") }
                try check(X509_NAME_add_entry_by_txt(n, field, MBSTRING_UTF8, bytes, Int32(bytes.count), -1, 0),
                          "\(field) '\(value)'", as: .invalidInput)
            }
        }
        return name
    }
}

/// A validity window in Unix seconds (UTC), both ends inclusive as in X.509.
public struct Validity: Sendable, Hashable {
    public var notBefore: Int64
    public var notAfter: Int64

    public init(notBefore: Int64, notAfter: Int64) {
        self.notBefore = notBefore
        self.notAfter = notAfter
    }

    /// Backdating tolerates clocks of peers that run behind ours; an hour is what common CAs use.
    public static let clockSkewTolerance: Int64 = 3600

    /// From an hour ago (clock skew) for `days` days.
    public static func days(_ days: Int, from start: Int64 = Validity.now()) -> Validity {
        Validity(notBefore: start - clockSkewTolerance, notAfter: start + Int64(days) * 86_400)
    }

    /// The current time in Unix seconds.
    public static func now() -> Int64 { Int64(time(nil)) }
}

/// A certificate authority: its certificate and key. Issues server and client certificates.
public struct CertificateAuthority: Sendable {
    public let certificate: Certificate
    public let privateKey: PrivateKey

    /// An existing CA (e.g. read back from PEM files). Throws `.privateKey` if the key is not the certificate's.
    public init(certificate: Certificate, privateKey: PrivateKey) throws {
        guard try privateKey.matches(certificate) else {
            throw TLSError(.privateKey, "the private key is not the key of CA certificate \(certificate.subject)")
        }
        self.certificate = certificate
        self.privateKey = privateKey
    }

    /// A new self-signed CA with a fresh key.
    public static func create(subject: DistinguishedName, validity: Validity = .days(3650),
                              keyAlgorithm: KeyAlgorithm = .p256) throws -> CertificateAuthority {
        let key = try PrivateKey.generate(keyAlgorithm)
        let certificate = try CertificateBuilder.build(
            subject: subject, publicKey: key.object, issuer: nil, signingKey: key, validity: validity,
            extensions: [
                (NID_basic_constraints, "critical,CA:TRUE"),
                (NID_key_usage, "critical,keyCertSign,cRLSign"),
                (NID_subject_key_identifier, "hash"),
            ])
        return try CertificateAuthority(certificate: certificate, privateKey: key)
    }

    /// A server certificate for `key`: serverAuth, and a subjectAltName with `dnsNames` and `ipAddresses` (what
    /// clients check; the common name is only a label).
    public func issueServerCertificate(for key: PrivateKey, subject: DistinguishedName, dnsNames: [String] = [],
                                       ipAddresses: [String] = [], validity: Validity = .days(825)) throws -> Certificate {
        guard !dnsNames.isEmpty || !ipAddresses.isEmpty else {
            throw TLSError(.invalidInput, "a server certificate needs at least one DNS name or IP address")
        }
        let names = try dnsNames.map { "DNS:\(try CertificateBuilder.validDNSName($0))" }
            + ipAddresses.map { "IP:\(try CertificateBuilder.validIPAddress($0))" }
        return try CertificateBuilder.build(
            subject: subject, publicKey: key.object, issuer: certificate, signingKey: privateKey, validity: validity,
            extensions: CertificateBuilder.leafExtensions(extendedKeyUsage: "serverAuth", issued: true)
                + [(NID_subject_alt_name, names.joined(separator: ","))])
    }

    /// A client certificate for `key`. `clientAuthEKU: false` leaves the extended key usage extension out
    /// altogether, as vCenter's certificates do.
    public func issueClientCertificate(for key: PrivateKey, subject: DistinguishedName, validity: Validity = .days(825),
                                       clientAuthEKU: Bool = true) throws -> Certificate {
        try CertificateBuilder.build(
            subject: subject, publicKey: key.object, issuer: certificate, signingKey: privateKey, validity: validity,
            extensions: CertificateBuilder.leafExtensions(extendedKeyUsage: clientAuthEKU ? "clientAuth" : nil, issued: true))
    }

    /// A self-signed leaf certificate for `key`, like the one vCenter generates for itself and an operator
    /// registers by fingerprint. Not a CA: it cannot issue.
    public static func selfSignedClientCertificate(for key: PrivateKey, subject: DistinguishedName,
                                                   validity: Validity = .days(825), clientAuthEKU: Bool = false) throws -> Certificate {
        try CertificateBuilder.build(
            subject: subject, publicKey: key.object, issuer: nil, signingKey: key, validity: validity,
            extensions: CertificateBuilder.leafExtensions(extendedKeyUsage: clientAuthEKU ? "clientAuth" : nil, issued: false))
    }
}

enum CertificateBuilder {
    /// RFC 5280 §4.1.2.2: serial numbers are positive and at most 20 octets. 128 random bits make them unguessable,
    /// which is what stops chosen-prefix collision attacks on a CA's signatures.
    static let serialByteCount = 16

    static func leafExtensions(extendedKeyUsage: String?, issued: Bool) -> [(Int32, String)] {
        var extensions: [(Int32, String)] = [
            (NID_basic_constraints, "critical,CA:FALSE"),
            // ECDHE suites only: the key signs the handshake and never decrypts, so digitalSignature is all it needs.
            (NID_key_usage, "critical,digitalSignature"),
            (NID_subject_key_identifier, "hash"),
        ]
        if issued { extensions.append((NID_authority_key_identifier, "keyid")) }
        if let extendedKeyUsage { extensions.append((NID_ext_key_usage, extendedKeyUsage)) }
        return extensions
    }

    /// Builds and signs a certificate. `issuer` nil means self-signed (issuer name = subject name).
    static func build(subject: DistinguishedName, publicKey: PKeyObject, issuer: Certificate?, signingKey: PrivateKey,
                      validity: Validity, extensions: [(Int32, String)]) throws -> Certificate {
        guard validity.notBefore < validity.notAfter else {
            throw TLSError(.invalidInput, "validity window ends (\(validity.notAfter)) before it begins (\(validity.notBefore))")
        }
        let x509 = X509Object(owning: try check(X509_new(), "X509_new"))
        let issuerX509 = try issuer?.makeX509()
        let subjectName = try subject.makeName()
        try x509.withPointer { x in
            try check(X509_set_version(x, Int(X509_VERSION_3)), "X509_set_version")
            try setRandomSerial(x)
            try subjectName.withPointer { try check(X509_set_subject_name(x, $0), "X509_set_subject_name") }
            if let issuerX509 {
                try issuerX509.withPointer { try check(X509_set_issuer_name(x, X509_get_subject_name($0)), "X509_set_issuer_name") }
            } else {
                try subjectName.withPointer { try check(X509_set_issuer_name(x, $0), "X509_set_issuer_name") }
            }
            _ = try check(ASN1_TIME_set(X509_getm_notBefore(x), time_t(validity.notBefore)), "notBefore \(validity.notBefore)", as: .invalidInput)
            _ = try check(ASN1_TIME_set(X509_getm_notAfter(x), time_t(validity.notAfter)), "notAfter \(validity.notAfter)", as: .invalidInput)
            try publicKey.withPointer { try check(X509_set_pubkey(x, $0), "X509_set_pubkey") }

            var context = X509V3_CTX()
            try (issuerX509 ?? x509).withPointer { issuerPointer in
                X509V3_set_ctx(&context, issuerPointer, x, nil, nil, 0)
                for (nid, value) in extensions {
                    let ext = try check(X509V3_EXT_conf_nid(nil, &context, nid, value), "extension \(String(cString: OBJ_nid2sn(nid))) = \(value)",
                                        as: .invalidInput)
                    defer { X509_EXTENSION_free(ext) }
                    try check(X509_add_ext(x, ext, -1), "X509_add_ext")
                }
            }

            try signingKey.object.withPointer { key in
                // Ed25519 hashes internally and takes no digest; ECDSA and RSA sign SHA-256.
                let digest = EVP_PKEY_get_id(key) == EVP_PKEY_ED25519 ? nil : EVP_sha256()
                try check(X509_sign(x, key, digest), "X509_sign", success: .positive)
            }
        }
        return try Certificate(x509)
    }

    private static func setRandomSerial(_ x: OpaquePointer) throws {
        var bytes = try SecureRandom.publicBytes(count: serialByteCount)
        while bytes.allSatisfy({ $0 == 0 }) { bytes = try SecureRandom.publicBytes(count: serialByteCount) } // zero is not positive
        let number = try check(BN_bin2bn(bytes, Int32(bytes.count), nil), "BN_bin2bn")
        defer { BN_free(number) }
        _ = try check(BN_to_ASN1_INTEGER(number, X509_get_serialNumber(x)), "BN_to_ASN1_INTEGER")
    }

    /// A DNS name (or a "*." wildcard) made of letters, digits, hyphens and dots: nothing that could end the
    /// configuration value it is spliced into.
    static func validDNSName(_ name: String) throws -> String {
        let labels = (name.hasPrefix("*.") ? String(name.dropFirst(2)) : name).split(separator: ".", omittingEmptySubsequences: false)
        let valid = !labels.isEmpty && name.utf8.count <= 253 && labels.allSatisfy { label in
            (1...63).contains(label.utf8.count) && !label.hasPrefix("-") && !label.hasSuffix("-")
                && label.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7a) || ($0 >= 0x41 && $0 <= 0x5a) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2d }
        }
        guard valid else { throw TLSError(.invalidInput, "'\(name)' is not a DNS name") }
        return name
    }

    /// A numeric IPv4 or IPv6 address, as inet_pton accepts it.
    static func validIPAddress(_ address: String) throws -> String {
        guard isNumericIPAddress(address) else { throw TLSError(.invalidInput, "'\(address)' is not a numeric IP address") }
        return address
    }

    static func isNumericIPAddress(_ address: String) -> Bool {
        var buffer = in6_addr()
        return inet_pton(AF_INET, address, &buffer) == 1 || inet_pton(AF_INET6, address, &buffer) == 1
    }
}
