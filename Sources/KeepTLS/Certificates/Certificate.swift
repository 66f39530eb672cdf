internal import COpenSSL
internal import CKeepShims
internal import Glibc

/// An X.509 certificate: its DER bytes and the fields Keep decides on, read once when it is parsed.
/// Two certificates are equal when their DER bytes are.
public struct Certificate: Sendable, Hashable, CustomStringConvertible {
    /// What the certificate's extended key usage extension says about client authentication.
    public enum ExtendedKeyUsage: Sendable, Hashable, CustomStringConvertible {
        /// No extended key usage extension at all, which RFC 5280 reads as "any purpose". vCenter's self-signed
        /// KMS client certificates look like this.
        case absent
        /// The extension is present and lists clientAuth (or anyExtendedKeyUsage).
        case includesClientAuth
        /// The extension is present and does not list clientAuth: the certificate must not authenticate a client.
        case excludesClientAuth

        /// Whether the certificate may authenticate a TLS client.
        public var permitsClientAuth: Bool { self != .excludesClientAuth }

        public var description: String {
            switch self {
            case .absent: "no EKU extension"
            case .includesClientAuth: "EKU includes clientAuth"
            case .excludesClientAuth: "EKU without clientAuth"
            }
        }
    }

    /// The DER encoding.
    public let der: [UInt8]
    /// SHA-256 of `der`, lowercase hex without separators: how a self-signed certificate is registered.
    public let sha256Fingerprint: String
    /// Subject and issuer as RFC 2253 strings (most significant RDN last, e.g. "CN=vcenter,O=Example").
    public let subject: String
    public let issuer: String
    /// The serial number, lowercase hex.
    public let serialNumber: String
    /// The validity window in Unix seconds (UTC).
    public let notBefore: Int64
    public let notAfter: Int64
    /// Whether subject equals issuer, the key identifiers agree and the certificate's signature verifies under
    /// its own key.
    public let isSelfSigned: Bool
    public let extendedKeyUsage: ExtendedKeyUsage

    /// Parses DER. Throws `.invalidInput` if it is not exactly one certificate.
    public init(der: [UInt8]) throws {
        try self.init(try X509Object(der: der))
    }

    init(_ x509: X509Object) throws {
        (der, sha256Fingerprint, subject, issuer, serialNumber, notBefore, notAfter, isSelfSigned, extendedKeyUsage) =
            try x509.withPointer { x in
                (try Self.encode(x), try Self.fingerprint(x),
                 try distinguishedName(X509_get_subject_name(x)), try distinguishedName(X509_get_issuer_name(x)),
                 Self.serial(x),
                 try unixTime(X509_get0_notBefore(x), "notBefore"), try unixTime(X509_get0_notAfter(x), "notAfter"),
                 Self.selfSigned(x), Self.extendedKeyUsage(x))
            }
    }

    /// A fresh OpenSSL object for this certificate.
    func makeX509() throws -> X509Object { try X509Object(der: der, as: .openSSL) }

    public var description: String {
        "Certificate(subject: \(subject), issuer: \(issuer), sha256: \(sha256Fingerprint))"
    }

    public static func == (lhs: Certificate, rhs: Certificate) -> Bool { lhs.der == rhs.der }
    public func hash(into hasher: inout Hasher) { hasher.combine(der) }

    // MARK: PEM

    /// The PEM encoding ("-----BEGIN CERTIFICATE-----").
    public var pem: String {
        get throws {
            let bio = try BIOObject.memory()
            try makeX509().withPointer { x in
                try bio.withPointer { try check(PEM_write_bio_X509($0, x), "PEM_write_bio_X509") }
            }
            return try bio.string()
        }
    }

    /// Every certificate in a PEM text, in order. Throws `.certificateFile` if there is none or one is malformed.
    public static func parsePEM(_ pem: String) throws -> [Certificate] {
        let bytes = Array(pem.utf8)
        return try bytes.withUnsafeBytes { raw in
            try readAll(from: try BIOObject.readOnly(raw), source: "PEM text")
        }
    }

    /// Every certificate in a PEM file, in order (a chain file: leaf first).
    public static func readPEMFile(_ path: String) throws -> [Certificate] {
        try readAll(from: try BIOObject.readFile(path, as: .certificateFile), source: path)
    }

    /// Writes `certificates` as one PEM file (mode 0644: certificates are public).
    public static func writePEM(_ certificates: [Certificate], to path: String) throws {
        let text = try certificates.map { try $0.pem }.joined()
        try Array(text.utf8).withUnsafeBytes { try FileIO.write($0, to: path, mode: 0o644, as: .certificateFile) }
    }

    private static func readAll(from bio: BIOObject, source: String) throws -> [Certificate] {
        var certificates: [Certificate] = []
        OpenSSLErrorQueue.clear()
        while true {
            guard let x509 = bio.withPointer({ PEM_read_bio_X509($0, nil, nil, nil) }) else {
                let errors = OpenSSLErrorQueue.drain()
                // The loop ends at the end of the input, which PEM reports as "no start line"; anything else is
                // a malformed certificate.
                if !certificates.isEmpty, errors.entries.allSatisfy({ ERR_GET_LIB($0.code) == ERR_LIB_PEM && ERR_GET_REASON($0.code) == PEM_R_NO_START_LINE }) {
                    return certificates
                }
                throw TLSError(.certificateFile, errors.describe(context: "no readable certificate in \(source)"))
            }
            certificates.append(try Certificate(X509Object(owning: x509)))
        }
    }

    // MARK: Field extraction

    private static func encode(_ x: OpaquePointer) throws -> [UInt8] {
        let length = i2d_X509(x, nil)
        try check(length, "i2d_X509", success: .positive)
        var der = [UInt8](repeating: 0, count: Int(length))
        let written = der.withUnsafeMutableBufferPointer { buffer -> Int32 in
            var cursor: UnsafeMutablePointer<UInt8>? = buffer.baseAddress
            return i2d_X509(x, &cursor)
        }
        try check(written == length ? 1 : 0, "i2d_X509")
        return der
    }

    /// OpenSSL's own SHA-256 over the DER (the tests recompute it independently through KeepCrypto).
    private static func fingerprint(_ x: OpaquePointer) throws -> String {
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        try check(X509_digest(x, EVP_sha256(), &digest, &length), "X509_digest(SHA-256)")
        return hexString(digest.prefix(Int(length)))
    }

    private static func serial(_ x: OpaquePointer) -> String {
        guard let serial = X509_get0_serialNumber(x), let data = ASN1_STRING_get0_data(serial) else { return "" }
        return hexString(UnsafeBufferPointer(start: data, count: Int(ASN1_STRING_length(serial))))
    }

    /// X509_self_signed fails (-1) only for a key OpenSSL cannot use; such a certificate is not self-signed in any
    /// sense we can rely on, so that reads as false, and the error entry is dropped so it cannot taint a later report.
    private static func selfSigned(_ x: OpaquePointer) -> Bool {
        let result = X509_self_signed(x, 1)
        if result < 0 { _ = OpenSSLErrorQueue.drain() }
        return result == 1
    }

    private static func extendedKeyUsage(_ x: OpaquePointer) -> ExtendedKeyUsage {
        guard X509_get_extension_flags(x) & UInt32(EXFLAG_XKUSAGE) != 0 else { return .absent }
        return X509_get_extended_key_usage(x) & UInt32(XKU_SSL_CLIENT | XKU_ANYEKU) != 0 ? .includesClientAuth : .excludesClientAuth
    }
}

// MARK: - Shared helpers

/// A name as RFC 2253 with UTF-8 left as UTF-8: OpenSSL's XN_FLAG_RFC2253 minus ASN1_STRFLGS_ESC_MSB, which would
/// turn every non-ASCII byte into "\XX" and make an operator's "O=Müller" unreadable in logs. RFC 2253 §2.4 escapes
/// only the specials, which OpenSSL still does.
func distinguishedName(_ name: OpaquePointer?) throws -> String {
    guard let name else { throw TLSError(.openSSL, "certificate without a name") }
    let bio = try BIOObject.memory()
    try bio.withPointer { b in
        try check(X509_NAME_print_ex(b, name, 0, CKeepShims_XN_FLAG_RFC2253 & ~UInt(ASN1_STRFLGS_ESC_MSB)),
                  "X509_NAME_print_ex", success: .nonNegative)
    }
    return try bio.string()
}

/// An ASN1_TIME as Unix seconds.
func unixTime(_ time: UnsafePointer<ASN1_TIME>?, _ what: String) throws -> Int64 {
    var parts = tm()
    try check(ASN1_TIME_to_tm(time, &parts), "ASN1_TIME_to_tm(\(what))")
    return Int64(timegm(&parts))
}

func hexString(_ bytes: some Sequence<UInt8>) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var out: [UInt8] = []
    for byte in bytes {
        out.append(digits[Int(byte >> 4)])
        out.append(digits[Int(byte & 0x0f)])
    }
    return String(decoding: out, as: UTF8.self)
}
