internal import COpenSSL

// HMAC-SHA-256 (RFC 2104, FIPS 198-1) through EVP_MAC "HMAC".
//
// Why verification compares in constant time: a comparison that stops at the first differing byte tells an
// attacker, by its timing, how many leading bytes of a forged MAC are right, and lets them build a valid MAC
// byte by byte.

/// HMAC-SHA-256: `authenticationCode(for:using:)` for one buffer, an instance for data that arrives in pieces.
/// An instance is mutable state: not Sendable, one thread at a time.
public final class HMACSHA256 {
    public static let byteCount = 32

    /// Every instance starts as a copy of this context, which has SHA-256 set. Setting the digest by name, as a
    /// fresh context needs, fetches SHA-256 from the provider store on every call (a locked lookup, then parameter
    /// parsing); a copy costs a few hundred bytes of memcpy, and `EVP_MAC_init` with the new key and no parameters
    /// keeps the digest. keepd derives a key (two HMACs) for every key it wraps or unwraps, so this is on the
    /// request path. OpenSSL 3.0 copies only a keyed HMAC context, hence the placeholder key, which `init(key:)`
    /// always replaces.
    private static let template = Result { try MACTemplate() }

    private final class MACTemplate: @unchecked Sendable { // read-only once made: EVP_MAC_CTX_dup only reads it
        let context: MACContext
        init() throws {
            context = try MACContext(try FetchedMAC("HMAC"))
            let parameters = ParameterList()
            parameters.append(utf8: OSSL_MAC_PARAM_DIGEST, "SHA256")
            let placeholderKey = [UInt8](repeating: 0, count: HMACSHA256.byteCount)
            try context.withPointer { ctx in
                try parameters.withUnsafeParameters { params in
                    try check(EVP_MAC_init(ctx, placeholderKey, placeholderKey.count, params), "EVP_MAC_init(HMAC-SHA-256)")
                }
            }
        }
    }

    private let context: MACContext
    private var finished = false

    public init(key: SymmetricKey) throws {
        context = try MACContext(duplicating: try Self.template.get().context)
        // An empty key would leave the placeholder in place; HMAC pads a short key with zeroes to the block size, so
        // an empty key and a key of zero bytes are the same key.
        let keyBytes = key.byteCount == 0 ? SecureBytes(zeroes: Self.byteCount) : key.bytes
        try context.withPointer { ctx in
            try keyBytes.withUnsafeBytes { key in
                try check(EVP_MAC_init(ctx, key.uint8Start, key.count, nil), "EVP_MAC_init(HMAC-SHA-256)")
            }
        }
    }

    public func update(_ data: some Collection<UInt8>) throws {
        try withContiguousBytes(data) { try update(bytes: $0) }
    }

    public func update(_ data: SecureBytes) throws {
        try data.withUnsafeBytes { try update(bytes: $0) }
    }

    /// The MAC of everything passed to `update`. An instance finalizes once; afterwards it throws `.invalidInput`.
    public func finalize() throws -> [UInt8] {
        try finalizeSecure().copyBytes()
    }

    /// The MAC into secure storage, for a MAC that is itself a key (HKDF's pseudorandom key and output blocks).
    func finalizeSecure() throws -> SecureBytes {
        guard !finished else { throw CryptoError(.invalidInput, "HMACSHA256 instance already finalized") }
        finished = true
        return try SecureBytes(count: Self.byteCount) { code in
            var length = 0
            try context.withPointer { try check(EVP_MAC_final($0, code.uint8Start, &length, code.count), "EVP_MAC_final(HMAC-SHA-256)") }
        }
    }

    public static func authenticationCode(for data: some Collection<UInt8>, using key: SymmetricKey) throws -> [UInt8] {
        let hmac = try HMACSHA256(key: key)
        try hmac.update(data)
        return try hmac.finalize()
    }

    public static func authenticationCode(for data: SecureBytes, using key: SymmetricKey) throws -> [UInt8] {
        let hmac = try HMACSHA256(key: key)
        try hmac.update(data)
        return try hmac.finalize()
    }

    /// Whether `mac` is the HMAC of `data` under `key`, compared in constant time. A MAC of the wrong length is
    /// simply invalid (lengths are not secret).
    public static func isValid(_ mac: [UInt8], for data: some Collection<UInt8>, using key: SymmetricKey) throws -> Bool {
        let expected = try authenticationCode(for: data, using: key)
        return expected.withUnsafeBytes { expected in mac.withUnsafeBytes { constantTimeEquals(expected, $0) } }
    }

    private func update(bytes: UnsafeRawBufferPointer) throws {
        guard !finished else { throw CryptoError(.invalidInput, "HMACSHA256 instance updated after finalize()") }
        guard !bytes.isEmpty else { return }
        try context.withPointer { try check(EVP_MAC_update($0, bytes.uint8Start, bytes.count), "EVP_MAC_update(HMAC-SHA-256)") }
    }
}
