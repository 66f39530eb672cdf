internal import COpenSSL

// Ed25519 signatures (RFC 8032) through EVP_PKEY "ED25519".
//
// Why Ed25519 for audit checkpoints: verification needs only a 32-byte public key that an auditor can hold
// offline; signing is deterministic (no per-signature nonce whose reuse or bias would leak the key, the failure
// that broke ECDSA deployments); signatures are 64 bytes, so a checkpoint stays small.
// Why the private key is a 32-byte seed: RFC 8032 §5.1.5 derives the scalar and the nonce key from any 32 random
// bytes, so a seed from HKDF inside the HSM is a valid key and nothing else needs storing.

public enum Ed25519 {
    public static let seedByteCount = 32
    public static let publicKeyByteCount = 32
    public static let signatureByteCount = 64

    /// A signing key. Prints as `Ed25519.PrivateKey(redacted)`; its seed is lent out only inside the HSM.
    public struct PrivateKey: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
        private let key: PKey
        public let publicKey: PublicKey

        /// The key RFC 8032 derives from `seed` (32 bytes, uniformly random, secret).
        public init(seed: SecureBytes) throws {
            guard seed.count == Ed25519.seedByteCount else {
                throw CryptoError(.invalidKeySize, "an Ed25519 seed is \(Ed25519.seedByteCount) bytes, not \(seed.count)")
            }
            let pointer = try seed.withUnsafeBytes { seed in
                try check(EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nil, seed.uint8Start, seed.count),
                          "EVP_PKEY_new_raw_private_key(ED25519)")
            }
            key = PKey(owning: pointer)
            var raw = [UInt8](repeating: 0, count: Ed25519.publicKeyByteCount)
            var length = raw.count
            try key.withPointer { try check(EVP_PKEY_get_raw_public_key($0, &raw, &length), "EVP_PKEY_get_raw_public_key") }
            publicKey = try PublicKey(rawRepresentation: raw)
        }

        /// A fresh key from OpenSSL's CSPRNG.
        public static func generate() throws -> PrivateKey {
            try PrivateKey(seed: SecureRandom.bytes(count: Ed25519.seedByteCount))
        }

        /// The signature of `message` (PureEdDSA: the message itself is signed, no pre-hash).
        public func signature(for message: some Collection<UInt8>) throws -> [UInt8] {
            let context = try DigestContext()
            var signature = [UInt8](repeating: 0, count: Ed25519.signatureByteCount)
            var length = signature.count
            try withContiguousBytes(message) { message in
                try context.withPointer { ctx in
                    try key.withPointer { pkey in
                        try check(EVP_DigestSignInit_ex(ctx, nil, nil, nil, nil, pkey, nil), "EVP_DigestSignInit_ex(ED25519)")
                    }
                    try check(EVP_DigestSign(ctx, &signature, &length, message.uint8Start, message.count), "EVP_DigestSign(ED25519)")
                }
            }
            guard length == Ed25519.signatureByteCount else { throw CryptoError(.openSSL, "Ed25519 signature of \(length) bytes") }
            return signature
        }

        public var description: String { "Ed25519.PrivateKey(redacted)" }
        public var debugDescription: String { description }
    }

    /// A verification key. Not secret: it goes to auditors as PEM (SubjectPublicKeyInfo) or 32 raw bytes.
    public struct PublicKey: Sendable, Hashable, CustomStringConvertible {
        public let rawRepresentation: [UInt8]
        private let key: PKey

        public init(rawRepresentation raw: [UInt8]) throws {
            guard raw.count == Ed25519.publicKeyByteCount else {
                throw CryptoError(.invalidKeySize, "an Ed25519 public key is \(Ed25519.publicKeyByteCount) bytes, not \(raw.count)")
            }
            key = PKey(owning: try check(EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nil, raw, raw.count),
                                         "EVP_PKEY_new_raw_public_key(ED25519)"))
            rawRepresentation = raw
        }

        /// Reads a `-----BEGIN PUBLIC KEY-----` block; anything but an Ed25519 key is refused.
        public init(pemRepresentation pem: String) throws {
            let bio = try MemoryBIO(reading: Array(pem.utf8))
            OpenSSLErrorQueue.clear()
            let pointer = try bio.withPointer { try check(PEM_read_bio_PUBKEY($0, nil, nil, nil), "PEM_read_bio_PUBKEY") }
            let parsed = PKey(owning: pointer)
            guard parsed.withPointer({ EVP_PKEY_get_base_id($0) }) == EVP_PKEY_ED25519 else {
                throw CryptoError(.invalidInput, "the PEM public key is not an Ed25519 key")
            }
            var raw = [UInt8](repeating: 0, count: Ed25519.publicKeyByteCount)
            var length = raw.count
            try parsed.withPointer { try check(EVP_PKEY_get_raw_public_key($0, &raw, &length), "EVP_PKEY_get_raw_public_key") }
            try self.init(rawRepresentation: raw)
        }

        /// SubjectPublicKeyInfo in PEM (RFC 8410), what `openssl pkey -pubin` reads.
        public var pemRepresentation: String {
            get throws {
                let bio = try MemoryBIO()
                try bio.withPointer { b in try key.withPointer { try check(PEM_write_bio_PUBKEY(b, $0), "PEM_write_bio_PUBKEY") } }
                return String(decoding: try bio.contents(), as: UTF8.self)
            }
        }

        /// Whether `signature` is this key's signature of `message`. A malformed signature is simply invalid.
        public func isValidSignature(_ signature: [UInt8], for message: some Collection<UInt8>) -> Bool {
            guard signature.count == Ed25519.signatureByteCount, let context = try? DigestContext() else { return false }
            defer { OpenSSLErrorQueue.clear() }
            return withContiguousBytes(message) { message in
                context.withPointer { ctx in
                    let initialized = key.withPointer { EVP_DigestVerifyInit_ex(ctx, nil, nil, nil, nil, $0, nil) }
                    guard initialized == 1 else { return false }
                    return EVP_DigestVerify(ctx, signature, signature.count, message.uint8Start, message.count) == 1
                }
            }
        }

        /// SHA-256 of the raw key: how checkpoints and reports name the key, hexadecimal.
        public var fingerprint: [UInt8] { SHA256.hash(rawRepresentation) }

        public var description: String {
            "Ed25519.PublicKey(\(hexadecimal(fingerprint.prefix(8))))"
        }

        public static func == (lhs: PublicKey, rhs: PublicKey) -> Bool { lhs.rawRepresentation == rhs.rawRepresentation }
        public func hash(into hasher: inout Hasher) { hasher.combine(rawRepresentation) }
    }
}

/// Lowercase hexadecimal, without Foundation.
func hexadecimal(_ bytes: some Collection<UInt8>) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count * 2)
    for byte in bytes { out.append(digits[Int(byte >> 4)]); out.append(digits[Int(byte & 0x0f)]) }
    return String(decoding: out, as: UTF8.self)
}
