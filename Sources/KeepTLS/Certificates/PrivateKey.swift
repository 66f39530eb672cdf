internal import COpenSSL
import KeepCrypto

/// The key types Keep generates.
public enum KeyAlgorithm: Sendable, Hashable, CustomStringConvertible {
    /// ECDSA on NIST P-256: what every KMIP client we know (vCenter included) accepts in TLS 1.2 and 1.3. The default.
    case p256
    /// Ed25519: smaller and faster, but TLS clients built on older libraries (and vCenter) do not accept it.
    case ed25519

    public var description: String {
        switch self {
        case .p256: "P-256"
        case .ed25519: "Ed25519"
        }
    }
}

/// A private key (and its public half). The key never leaves as anything but PEM in `SecureBytes` or a 0600 file;
/// `description` never shows it.
public final class PrivateKey: Sendable, CustomStringConvertible {
    let object: PKeyObject

    /// Scrypt parameters for an encrypted PEM, the ones `openssl pkcs8 -topk8 -scrypt` uses. Why scrypt and not
    /// OpenSSL's default PBKDF2 (2048 iterations): the file may be copied off the machine, and the passphrase is
    /// all that protects it; scrypt makes each guess cost 16 MiB of memory as well as time. N is capped here by
    /// OpenSSL itself, whose PKCS#8 reader refuses scrypt parameters needing more than 32 MiB.
    static let scryptN: UInt64 = 1 << 14, scryptR: UInt64 = 8, scryptP: UInt64 = 1
    static let saltByteCount = 16
    /// OpenSSL's passphrase buffer (PEM_BUFSIZE) is 1024 bytes.
    public static let maxPassphraseByteCount = 1023

    init(_ object: PKeyObject) { self.object = object }

    /// A fresh key from OpenSSL's CSPRNG.
    public static func generate(_ algorithm: KeyAlgorithm = .p256) throws -> PrivateKey {
        let context = try PKeyContextObject(algorithm: algorithm == .p256 ? "EC" : "ED25519")
        let key: OpaquePointer = try context.withPointer { ctx in
            try check(EVP_PKEY_keygen_init(ctx), "EVP_PKEY_keygen_init(\(algorithm))")
            if algorithm == .p256 {
                try check(EVP_PKEY_CTX_set_group_name(ctx, "P-256"), "EVP_PKEY_CTX_set_group_name(P-256)")
            }
            var key: OpaquePointer?
            try check(EVP_PKEY_generate(ctx, &key), "EVP_PKEY_generate(\(algorithm))")
            return try check(key, "EVP_PKEY_generate(\(algorithm))")
        }
        return PrivateKey(PKeyObject(owning: key))
    }

    /// Reads a PEM private key (PKCS#8, encrypted PKCS#8, or the traditional EC/RSA forms). An encrypted key needs
    /// `passphrase`; a wrong or missing one throws `.wrongPassphrase`, anything else unreadable `.privateKey`.
    public convenience init(pem: SecureBytes, passphrase: SecureBytes? = nil) throws {
        let object = try pem.withUnsafeBytes { raw in
            try Self.decode(bio: try BIOObject.readOnly(raw), passphrase: passphrase, source: "PEM text")
        }
        self.init(object)
    }

    /// Reads a PEM private key file; see `init(pem:passphrase:)`. The file's bytes pass only through secure storage.
    public convenience init(pemFile path: String, passphrase: SecureBytes? = nil) throws {
        let pem = try FileIO.readSecret(path, as: .privateKey)
        let object = try pem.withUnsafeBytes { raw in
            try Self.decode(bio: try BIOObject.readOnly(raw), passphrase: passphrase, source: path)
        }
        self.init(object)
    }

    /// The key as PKCS#8 PEM; with a passphrase, encrypted (PBES2: scrypt and AES-256-CBC).
    public func pem(passphrase: SecureBytes? = nil) throws -> SecureBytes {
        let bio = try BIOObject.memory()
        try object.withPointer { key in
            try bio.withPointer { b in
                guard let passphrase else {
                    try check(PEM_write_bio_PrivateKey(b, key, nil, nil, 0, nil, nil), "PEM_write_bio_PrivateKey")
                    return
                }
                try Self.writeEncrypted(key, to: b, passphrase: passphrase)
            }
        }
        return try bio.secureBytes()
    }

    /// Writes `pem(passphrase:)` to `path` with mode 0600 (owner only), also when the file existed.
    public func writePEM(to path: String, passphrase: SecureBytes? = nil) throws {
        try pem(passphrase: passphrase).withUnsafeBytes { try FileIO.write($0, to: path, mode: 0o600, as: .privateKey) }
    }

    /// Whether `certificate` carries this key's public half.
    public func matches(_ certificate: Certificate) throws -> Bool {
        let x509 = try certificate.makeX509()
        let result = x509.withPointer { x in object.withPointer { X509_check_private_key(x, $0) } }
        if result != 1 { _ = OpenSSLErrorQueue.drain() } // a mismatch is an answer, not an error
        return result == 1
    }

    /// OpenSSL's name for the key type ("EC", "ED25519", "RSA").
    public var typeName: String {
        object.withPointer { EVP_PKEY_get0_type_name($0).map { String(cString: $0) } ?? "unknown" }
    }

    public var description: String { "PrivateKey(\(typeName), redacted)" }

    // MARK: Encoding

    private static func writeEncrypted(_ key: OpaquePointer, to bio: OpaquePointer, passphrase: SecureBytes) throws {
        guard !passphrase.isEmpty else { throw TLSError(.invalidInput, "an empty passphrase protects nothing") }
        guard passphrase.count <= maxPassphraseByteCount else {
            throw TLSError(.invalidInput, "passphrase longer than \(maxPassphraseByteCount) bytes")
        }
        let info = try check(EVP_PKEY2PKCS8(key), "EVP_PKEY2PKCS8")
        defer { PKCS8_PRIV_KEY_INFO_free(info) } // its free cleanses the key octets
        let salt = try SecureRandom.publicBytes(count: saltByteCount)
        let algorithm = try check(PKCS5_pbe2_set_scrypt(EVP_aes_256_cbc(), salt, Int32(salt.count), nil, scryptN, scryptR, scryptP),
                                  "PKCS5_pbe2_set_scrypt")
        let encrypted: OpaquePointer = try passphrase.withUnsafeBytes { pass in
            guard let sealed = PKCS8_set0_pbe(pass.baseAddress!.assumingMemoryBound(to: CChar.self), Int32(pass.count), info, algorithm) else {
                X509_ALGOR_free(algorithm) // PKCS8_set0_pbe takes the algorithm only on success
                throw TLSError(.openSSL, OpenSSLErrorQueue.drain().describe(context: "PKCS8_set0_pbe"))
            }
            return sealed
        }
        defer { X509_SIG_free(encrypted) }
        try check(PEM_write_bio_PKCS8(bio, encrypted), "PEM_write_bio_PKCS8")
    }

    // MARK: Decoding

    /// What the passphrase callback sees: the passphrase lent for the duration of the decode, and whether OpenSSL
    /// asked for it at all (it does only for an encrypted key), which is how a wrong passphrase is told apart from
    /// a malformed file without reading error text.
    private struct PassphraseRequest {
        var passphrase: UnsafeRawBufferPointer?
        var requested = false
    }

    /// Copies the lent passphrase into OpenSSL's buffer. Returning -1 when there is none stops OpenSSL from falling
    /// back to prompting on the terminal, which a server must never do.
    private static let passphraseCallback: @convention(c) (UnsafeMutablePointer<CChar>?, Int32, Int32, UnsafeMutableRawPointer?) -> Int32 = { buffer, size, _, context in
        guard let request = context?.assumingMemoryBound(to: PassphraseRequest.self) else { return -1 }
        request.pointee.requested = true
        guard let buffer, let passphrase = request.pointee.passphrase, passphrase.count <= Int(size) else { return -1 }
        UnsafeMutableRawPointer(buffer).copyMemory(from: passphrase.baseAddress ?? UnsafeRawPointer(buffer), byteCount: passphrase.count)
        return Int32(passphrase.count)
    }

    private static func decode(bio: BIOObject, passphrase: SecureBytes?, source: String) throws -> PKeyObject {
        if let passphrase, passphrase.count > maxPassphraseByteCount {
            throw TLSError(.wrongPassphrase, "passphrase longer than \(maxPassphraseByteCount) bytes")
        }
        var request = PassphraseRequest()
        OpenSSLErrorQueue.clear()
        let key: OpaquePointer? = withOptionalBytes(passphrase) { lent in
            request.passphrase = lent
            defer { request.passphrase = nil }
            return bio.withPointer { b in
                withUnsafeMutablePointer(to: &request) { PEM_read_bio_PrivateKey(b, nil, passphraseCallback, UnsafeMutableRawPointer($0)) }
            }
        }
        guard let key else {
            let errors = OpenSSLErrorQueue.drain()
            if request.requested {
                let why = passphrase == nil ? "the private key in \(source) is encrypted and no passphrase was given"
                                            : "cannot decrypt the private key in \(source): wrong passphrase"
                throw TLSError(.wrongPassphrase, errors.describe(context: why))
            }
            throw TLSError(.privateKey, errors.describe(context: "no readable private key in \(source)"))
        }
        return PKeyObject(owning: key)
    }
}

/// Lends `bytes` (or nil) to `body`.
private func withOptionalBytes<R>(_ bytes: SecureBytes?, _ body: (UnsafeRawBufferPointer?) throws -> R) rethrows -> R {
    guard let bytes else { return try body(nil) }
    return try bytes.withUnsafeBytes { try body($0) }
}
