internal import COpenSSL

// AES-256-GCM with 96-bit nonces and 128-bit tags.
//
// Why random nonces are safe here: with 96-bit random nonces the chance that two messages under one key share a
// nonce stays below 2^-32 for up to 2^32 messages (NIST SP 800-38D §8.3), far more than Keep seals under one key
// before rotating it. A repeated nonce would reveal the XOR of two plaintexts and let an attacker forge tags,
// so callers pass their own nonce only when they can prove it unique (a counter they persist).
// Why only 256-bit keys: everything Keep seals is long-lived; one key size means one thing to audit.

public enum AESGCM {
    public static let keyByteCount = 32
    public static let nonceByteCount = 12
    public static let tagByteCount = 16
    /// SP 800-38D §5.2.1.1: at most 2^39 − 256 bits per message; beyond that the 32-bit block counter wraps and
    /// the keystream repeats.
    public static let maxPlaintextByteCount = (1 << 36) - 32

    private static let cipher = Result { try FetchedCipher("AES-256-GCM") }

    /// A GCM ciphertext with the nonce and tag it needs to open. `combined` is nonce ‖ ciphertext ‖ tag.
    public struct SealedBox: Sendable, Hashable {
        public let nonce: [UInt8]
        public let ciphertext: [UInt8]
        public let tag: [UInt8]

        public init(nonce: [UInt8], ciphertext: [UInt8], tag: [UInt8]) throws {
            guard nonce.count == AESGCM.nonceByteCount else {
                throw CryptoError(.invalidInput, "an AES-GCM nonce is \(AESGCM.nonceByteCount) bytes, not \(nonce.count)")
            }
            guard tag.count == AESGCM.tagByteCount else {
                throw CryptoError(.invalidInput, "an AES-GCM tag is \(AESGCM.tagByteCount) bytes, not \(tag.count)")
            }
            self.nonce = nonce
            self.ciphertext = ciphertext
            self.tag = tag
        }

        /// Splits nonce ‖ ciphertext ‖ tag.
        public init(combined: [UInt8]) throws {
            let overhead = AESGCM.nonceByteCount + AESGCM.tagByteCount
            guard combined.count >= overhead else {
                throw CryptoError(.invalidInput, "a sealed AES-GCM box is at least \(overhead) bytes, not \(combined.count)")
            }
            try self.init(
                nonce: Array(combined.prefix(AESGCM.nonceByteCount)),
                ciphertext: Array(combined[AESGCM.nonceByteCount..<(combined.count - AESGCM.tagByteCount)]),
                tag: Array(combined.suffix(AESGCM.tagByteCount)))
        }

        public var combined: [UInt8] { nonce + ciphertext + tag }
    }

    public static func seal(
        _ plaintext: some Collection<UInt8>, using key: SymmetricKey, nonce: [UInt8]? = nil, authenticating aad: [UInt8] = []
    ) throws -> SealedBox {
        try withContiguousBytes(plaintext) { try seal(bytes: $0, using: key, nonce: nonce, authenticating: aad) }
    }

    public static func seal(
        _ plaintext: SecureBytes, using key: SymmetricKey, nonce: [UInt8]? = nil, authenticating aad: [UInt8] = []
    ) throws -> SealedBox {
        try plaintext.withUnsafeBytes { try seal(bytes: $0, using: key, nonce: nonce, authenticating: aad) }
    }

    /// Opens `box`; throws `.authenticationFailure` if the ciphertext, tag, nonce, AAD or key do not match.
    public static func open(_ box: SealedBox, using key: SymmetricKey, authenticating aad: [UInt8] = []) throws -> SecureBytes {
        try checkKey(key)
        let context = try CipherContext()
        var plaintext = SecureBytes(zeroes: box.ciphertext.count)
        try context.withPointer { ctx in
            try start(ctx, key: key, nonce: box.nonce, encrypt: false)
            try authenticate(ctx, aad)
            try box.ciphertext.withUnsafeBytes { input in
                try plaintext.withUnsafeMutableBytes { output in try update(ctx, input, into: output) }
            }
            var tag = box.tag
            try tag.withUnsafeMutableBytes { tag in
                try check(EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_TAG, Int32(tagByteCount), tag.baseAddress), "EVP_CTRL_GCM_SET_TAG")
            }
            var spare = [UInt8](repeating: 0, count: 16), written: Int32 = 0
            do {
                try check(EVP_DecryptFinal_ex(ctx, &spare, &written), "EVP_DecryptFinal_ex(AES-256-GCM)")
            } catch let error as CryptoError {
                // The decrypted bytes are discarded (and zeroed with `plaintext`): never released unauthenticated.
                throw CryptoError(.authenticationFailure, "AES-GCM tag did not verify (\(error.reason))")
            }
        }
        return plaintext
    }

    private static func seal(bytes: UnsafeRawBufferPointer, using key: SymmetricKey, nonce: [UInt8]?, authenticating aad: [UInt8]) throws -> SealedBox {
        try checkKey(key)
        guard bytes.count <= maxPlaintextByteCount else {
            throw CryptoError(.invalidInput, "AES-GCM seals at most \(maxPlaintextByteCount) bytes per message")
        }
        let nonce = try nonce ?? SecureRandom.publicBytes(count: nonceByteCount)
        guard nonce.count == nonceByteCount else {
            throw CryptoError(.invalidInput, "an AES-GCM nonce is \(nonceByteCount) bytes, not \(nonce.count)")
        }
        let context = try CipherContext()
        var ciphertext = [UInt8](repeating: 0, count: bytes.count)
        var tag = [UInt8](repeating: 0, count: tagByteCount)
        try context.withPointer { ctx in
            try start(ctx, key: key, nonce: nonce, encrypt: true)
            try authenticate(ctx, aad)
            try ciphertext.withUnsafeMutableBytes { output in try update(ctx, bytes, into: output) }
            var spare = [UInt8](repeating: 0, count: 16), written: Int32 = 0
            try check(EVP_EncryptFinal_ex(ctx, &spare, &written), "EVP_EncryptFinal_ex(AES-256-GCM)")
            try tag.withUnsafeMutableBytes { tag in
                try check(EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_GET_TAG, Int32(tagByteCount), tag.baseAddress), "EVP_CTRL_GCM_GET_TAG")
            }
        }
        return try SealedBox(nonce: nonce, ciphertext: ciphertext, tag: tag)
    }

    private static func checkKey(_ key: SymmetricKey) throws {
        guard key.byteCount == keyByteCount else {
            throw CryptoError(.invalidKeySize, "AES-GCM here takes only 256-bit keys, not \(key.bitCount) bits")
        }
    }

    private static func start(_ ctx: OpaquePointer, key: SymmetricKey, nonce: [UInt8], encrypt: Bool) throws {
        // The default GCM IV length is 12 bytes, the length we accept, so no EVP_CTRL_GCM_SET_IVLEN.
        try cipher.get().withPointer { cipher in
            try key.withUnsafeBytes { key in
                try nonce.withUnsafeBytes { nonce in
                    try check(EVP_CipherInit_ex(ctx, cipher, nil, key.uint8Start, nonce.uint8Start, encrypt ? 1 : 0), "EVP_CipherInit_ex(AES-256-GCM)")
                }
            }
        }
    }

    private static func authenticate(_ ctx: OpaquePointer, _ aad: [UInt8]) throws {
        guard !aad.isEmpty else { return }
        guard aad.count <= Int(Int32.max) else {
            throw CryptoError(.invalidInput, "AES-GCM additional data of \(aad.count) bytes is longer than one EVP update takes")
        }
        var written: Int32 = 0
        try aad.withUnsafeBytes { aad in
            try check(EVP_CipherUpdate(ctx, nil, &written, aad.uint8Start, Int32(aad.count)), "EVP_CipherUpdate(AES-256-GCM AAD)")
        }
    }

    /// EVP lengths are `int`; a long message goes through in chunks well below Int32.max.
    private static func update(_ ctx: OpaquePointer, _ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) throws {
        let chunk = 1 << 30
        var offset = 0
        while offset < input.count {
            let length = Swift.min(chunk, input.count - offset)
            var written: Int32 = 0
            try check(EVP_CipherUpdate(ctx, output.uint8Start + offset, &written, input.uint8Start + offset, Int32(length)), "EVP_CipherUpdate(AES-256-GCM)")
            guard Int(written) == length else {
                throw CryptoError(.openSSL, "AES-GCM update wrote \(written) of \(length) bytes")
            }
            offset += length
        }
    }
}
