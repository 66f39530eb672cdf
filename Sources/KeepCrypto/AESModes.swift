internal import COpenSSL

// AES in the modes KMIP clients ask a server to run with a managed key (Encrypt, Decrypt: the KMIP 1.4
// cryptographic-services profile): ECB and CBC, with PKCS#7 padding or none, and GCM with any AES key size,
// the client's IV length and a tag of 96 to 128 bits. Keep's own sealing never uses these: it uses `AESGCM`
// (256-bit keys, 96-bit random nonces, full tags) and key wrap.
//
// Why offer ECB at all: the profile requires it, and a client may need a single-block transform (a key check
// value, a legacy format). ECB leaks equal plaintext blocks; the choice is the client's, made per request.
// Why bound GCM tags to 96..128 bits: SP 800-38D §5.2.1.2 allows 32 and 64 bits only for special uses with
// limits on message count that a general-purpose server cannot enforce; a shorter tag is easier to forge.

/// ECB and CBC. Without padding the data is whole 16-byte blocks; with PKCS#7 padding (KMIP "PKCS5") any length.
public enum AESBlockMode: Sendable, Hashable {
    case ecb
    case cbc

    public static let blockByteCount = 16

    public func encrypt(_ plaintext: SecureBytes, using key: SymmetricKey, iv: [UInt8]?, padding: Bool) throws -> [UInt8] {
        try checkInput(plaintext.count, padding: padding, decrypting: false)
        var out = [UInt8](repeating: 0, count: plaintext.count + Self.blockByteCount)
        let written = try plaintext.withUnsafeBytes { input in
            try out.withUnsafeMutableBytes { output in try run(input, into: output, key: key, iv: iv, padding: padding, encrypt: true) }
        }
        return Array(out.prefix(written))
    }

    /// Throws `.authenticationFailure` when the padding does not check out (wrong key, IV or data).
    public func decrypt(_ ciphertext: [UInt8], using key: SymmetricKey, iv: [UInt8]?, padding: Bool) throws -> SecureBytes {
        try checkInput(ciphertext.count, padding: padding, decrypting: true)
        var out = SecureBytes(zeroes: ciphertext.count + Self.blockByteCount)
        let written: Int
        do {
            written = try ciphertext.withUnsafeBytes { input in
                try out.withUnsafeMutableBytes { output in try run(input, into: output, key: key, iv: iv, padding: padding, encrypt: false) }
            }
        } catch let error as CryptoError where error.code == .openSSL && padding {
            // Lengths and key were checked: what fails is the padding of the last block.
            throw CryptoError(.authenticationFailure, "AES-\(self == .ecb ? "ECB" : "CBC") padding check failed (\(error.reason))")
        }
        return out[0..<written]
    }

    private func checkInput(_ count: Int, padding: Bool, decrypting: Bool) throws {
        guard count <= AESModes.maxDataByteCount else {
            throw CryptoError(.invalidInput, "AES block modes take at most \(AESModes.maxDataByteCount) bytes per call")
        }
        if (!padding || decrypting) && count % Self.blockByteCount != 0 {
            throw CryptoError(.invalidInput, "without padding, and to decrypt, AES takes whole 16-byte blocks; got \(count) bytes")
        }
        if decrypting && padding && count == 0 {
            throw CryptoError(.invalidInput, "a padded AES ciphertext is at least one 16-byte block")
        }
    }

    private func run(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer, key: SymmetricKey, iv: [UInt8]?,
                     padding: Bool, encrypt: Bool) throws -> Int {
        let cipher = try AESModes.cipher(self == .ecb ? "ECB" : "CBC", key: key)
        switch self {
        case .ecb:
            guard iv == nil else { throw CryptoError(.invalidInput, "AES-ECB takes no IV") }
        case .cbc:
            guard iv?.count == Self.blockByteCount else { throw CryptoError(.invalidInput, "an AES-CBC IV is 16 bytes") }
        }
        let context = try CipherContext()
        return try context.withPointer { ctx in
            try cipher.withPointer { cipher in
                try key.withUnsafeBytes { key in
                    try (iv ?? []).withUnsafeBytes { iv in
                        try check(EVP_CipherInit_ex(ctx, cipher, nil, key.uint8Start, iv.isEmpty ? nil : iv.uint8Start, encrypt ? 1 : 0),
                                  "EVP_CipherInit_ex(AES block mode)")
                    }
                }
            }
            try check(EVP_CIPHER_CTX_set_padding(ctx, padding ? 1 : 0), "EVP_CIPHER_CTX_set_padding")
            var written: Int32 = 0
            try check(EVP_CipherUpdate(ctx, output.uint8Start, &written, input.uint8Start, Int32(input.count)), "EVP_CipherUpdate(AES block mode)")
            var final: Int32 = 0
            try check(EVP_CipherFinal_ex(ctx, output.uint8Start + Int(written), &final), "EVP_CipherFinal_ex(AES block mode)")
            return Int(written) + Int(final)
        }
    }
}

/// GCM as a KMIP client asks for it: AES-128/192/256, an IV of 1 to 128 bytes (12 is the one SP 800-38D
/// recommends; a server-chosen IV is always 12 random bytes), a tag of 12 to 16 bytes, additional data.
public enum AESGCMMode {
    public static let tagByteCounts = 12...16
    public static let ivByteCounts = 1...128

    public static func seal(_ plaintext: SecureBytes, using key: SymmetricKey, iv: [UInt8], tagByteCount: Int,
                            authenticating aad: [UInt8]) throws -> (ciphertext: [UInt8], tag: [UInt8]) {
        try validate(iv: iv, tagByteCount: tagByteCount, dataCount: plaintext.count)
        var ciphertext = [UInt8](repeating: 0, count: plaintext.count)
        var tag = [UInt8](repeating: 0, count: tagByteCount)
        let context = try CipherContext()
        try context.withPointer { ctx in
            try start(ctx, key: key, iv: iv, encrypt: true)
            try update(ctx, aad: aad)
            try plaintext.withUnsafeBytes { input in
                try ciphertext.withUnsafeMutableBytes { output in try transform(ctx, input, into: output) }
            }
            var spare = [UInt8](repeating: 0, count: 16), written: Int32 = 0
            try check(EVP_EncryptFinal_ex(ctx, &spare, &written), "EVP_EncryptFinal_ex(AES-GCM)")
            try tag.withUnsafeMutableBytes { tag in
                try check(EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_GET_TAG, Int32(tagByteCount), tag.baseAddress), "EVP_CTRL_GCM_GET_TAG")
            }
        }
        return (ciphertext, tag)
    }

    /// Throws `.authenticationFailure` if the ciphertext, tag, IV, additional data or key do not match; the
    /// unauthenticated plaintext is zeroed, never returned.
    public static func open(_ ciphertext: [UInt8], using key: SymmetricKey, iv: [UInt8], tag: [UInt8], authenticating aad: [UInt8]) throws -> SecureBytes {
        try validate(iv: iv, tagByteCount: tag.count, dataCount: ciphertext.count)
        var plaintext = SecureBytes(zeroes: ciphertext.count)
        let context = try CipherContext()
        try context.withPointer { ctx in
            try start(ctx, key: key, iv: iv, encrypt: false)
            try update(ctx, aad: aad)
            try ciphertext.withUnsafeBytes { input in
                try plaintext.withUnsafeMutableBytes { output in try transform(ctx, input, into: output) }
            }
            var expected = tag
            try expected.withUnsafeMutableBytes { tag in
                try check(EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_TAG, Int32(tag.count), tag.baseAddress), "EVP_CTRL_GCM_SET_TAG")
            }
            var spare = [UInt8](repeating: 0, count: 16), written: Int32 = 0
            do {
                try check(EVP_DecryptFinal_ex(ctx, &spare, &written), "EVP_DecryptFinal_ex(AES-GCM)")
            } catch let error as CryptoError {
                throw CryptoError(.authenticationFailure, "AES-GCM tag did not verify (\(error.reason))")
            }
        }
        return plaintext
    }

    static func validate(iv: [UInt8], tagByteCount: Int, dataCount: Int) throws {
        guard tagByteCounts.contains(tagByteCount) else {
            throw CryptoError(.invalidInput, "an AES-GCM tag here is 12 to 16 bytes, not \(tagByteCount)")
        }
        guard ivByteCounts.contains(iv.count) else {
            throw CryptoError(.invalidInput, "an AES-GCM IV here is 1 to 128 bytes, not \(iv.count)")
        }
        guard dataCount <= AESModes.maxDataByteCount else {
            throw CryptoError(.invalidInput, "AES-GCM takes at most \(AESModes.maxDataByteCount) bytes per call")
        }
    }

    static func start(_ ctx: OpaquePointer, key: SymmetricKey, iv: [UInt8], encrypt: Bool) throws {
        let cipher = try AESModes.cipher("GCM", key: key)
        try cipher.withPointer { cipher in
            try check(EVP_CipherInit_ex(ctx, cipher, nil, nil, nil, encrypt ? 1 : 0), "EVP_CipherInit_ex(AES-GCM)")
        }
        try check(EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_IVLEN, Int32(iv.count), nil), "EVP_CTRL_GCM_SET_IVLEN")
        try key.withUnsafeBytes { key in
            try iv.withUnsafeBytes { iv in
                try check(EVP_CipherInit_ex(ctx, nil, nil, key.uint8Start, iv.uint8Start, -1), "EVP_CipherInit_ex(AES-GCM key, IV)")
            }
        }
    }

    static func update(_ ctx: OpaquePointer, aad: [UInt8]) throws {
        guard !aad.isEmpty else { return }
        guard aad.count <= AESModes.maxDataByteCount else {
            throw CryptoError(.invalidInput, "AES-GCM takes at most \(AESModes.maxDataByteCount) bytes of additional data")
        }
        var written: Int32 = 0
        try aad.withUnsafeBytes { aad in
            try check(EVP_CipherUpdate(ctx, nil, &written, aad.uint8Start, Int32(aad.count)), "EVP_CipherUpdate(AES-GCM AAD)")
        }
    }

    private static func transform(_ ctx: OpaquePointer, _ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) throws {
        guard !input.isEmpty else { return }
        var written: Int32 = 0
        try check(EVP_CipherUpdate(ctx, output.uint8Start, &written, input.uint8Start, Int32(input.count)), "EVP_CipherUpdate(AES-GCM)")
        guard Int(written) == input.count else { throw CryptoError(.openSSL, "AES-GCM update wrote \(written) of \(input.count) bytes") }
    }
}

enum AESModes {
    /// One call's data: these modes serve requests, whose size the server bounds far lower; this keeps every
    /// length well inside OpenSSL's `int`.
    static let maxDataByteCount = 1 << 24

    private static let ciphers: [String: Result<FetchedCipher, any Error>] = {
        var table: [String: Result<FetchedCipher, any Error>] = [:]
        for bits in [128, 192, 256] {
            for mode in ["ECB", "CBC", "GCM"] {
                let name = "AES-\(bits)-\(mode)"
                table[name] = Result { try FetchedCipher(name) }
            }
        }
        return table
    }()

    static func cipher(_ mode: String, key: SymmetricKey) throws -> FetchedCipher {
        guard [16, 24, 32].contains(key.byteCount), let cipher = ciphers["AES-\(key.bitCount)-\(mode)"] else {
            throw CryptoError(.invalidKeySize, "an AES key is 128, 192 or 256 bits, not \(key.bitCount)")
        }
        return try cipher.get()
    }
}
