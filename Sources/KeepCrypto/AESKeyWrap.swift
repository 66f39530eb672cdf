internal import COpenSSL

// AES Key Wrap (RFC 3394, NIST SP 800-38F KW) and AES Key Wrap with Padding (RFC 5649, SP 800-38F KWP).
//
// Why key wrap and not GCM for keys: KW/KWP are deterministic and need no nonce, so wrapping the same key twice
// can never reuse a nonce; the 64-bit integrity check value is enough for keys, which are random and are
// never chosen by an attacker. KW needs whole 64-bit blocks (at least two); KWP takes any length of 1 or more
// bytes and records it in the header (the "message length indicator").

/// RFC 3394 key wrap: the key to wrap is a multiple of 8 bytes, at least 16. KEKs of 128, 192 or 256 bits.
public enum AESKeyWrap {
    public static func wrap(_ keyToWrap: SecureBytes, using kek: SymmetricKey) throws -> [UInt8] {
        guard keyToWrap.count >= 16, keyToWrap.count % 8 == 0 else {
            throw CryptoError(.invalidInput, "AES-KW wraps a multiple of 8 bytes, at least 16; got \(keyToWrap.count)")
        }
        return try KeyWrapEngine.wrap(keyToWrap, using: kek, padded: false)
    }

    public static func unwrap(_ wrapped: [UInt8], using kek: SymmetricKey) throws -> SecureBytes {
        guard wrapped.count >= 24, wrapped.count % 8 == 0 else {
            throw CryptoError(.invalidInput, "an AES-KW ciphertext is a multiple of 8 bytes, at least 24; got \(wrapped.count)")
        }
        return try KeyWrapEngine.unwrap(wrapped, using: kek, padded: false)
    }
}

/// RFC 5649 key wrap with padding: any key of 1 byte or more. KEKs of 128, 192 or 256 bits.
public enum AESKeyWrapWithPadding {
    public static func wrap(_ keyToWrap: SecureBytes, using kek: SymmetricKey) throws -> [UInt8] {
        guard !keyToWrap.isEmpty else {
            throw CryptoError(.invalidInput, "AES-KWP wraps at least 1 byte")
        }
        return try KeyWrapEngine.wrap(keyToWrap, using: kek, padded: true)
    }

    public static func unwrap(_ wrapped: [UInt8], using kek: SymmetricKey) throws -> SecureBytes {
        guard wrapped.count >= 16, wrapped.count % 8 == 0 else {
            throw CryptoError(.invalidInput, "an AES-KWP ciphertext is a multiple of 8 bytes, at least 16; got \(wrapped.count)")
        }
        return try KeyWrapEngine.unwrap(wrapped, using: kek, padded: true)
    }
}

/// The OpenSSL calls shared by KW and KWP.
enum KeyWrapEngine {
    /// Wrapped keys are keys, not bulk data: this bounds the memory and work one unwrap request can cost.
    static let maxKeyDataByteCount = 64 * 1024

    private static let kw128 = Result { try FetchedCipher("AES-128-WRAP") }
    private static let kw192 = Result { try FetchedCipher("AES-192-WRAP") }
    private static let kw256 = Result { try FetchedCipher("AES-256-WRAP") }
    private static let kwp128 = Result { try FetchedCipher("AES-128-WRAP-PAD") }
    private static let kwp192 = Result { try FetchedCipher("AES-192-WRAP-PAD") }
    private static let kwp256 = Result { try FetchedCipher("AES-256-WRAP-PAD") }

    private static func cipher(for kek: SymmetricKey, padded: Bool) throws -> FetchedCipher {
        switch (kek.byteCount, padded) {
        case (16, false): try kw128.get()
        case (24, false): try kw192.get()
        case (32, false): try kw256.get()
        case (16, true): try kwp128.get()
        case (24, true): try kwp192.get()
        case (32, true): try kwp256.get()
        default: throw CryptoError(.invalidKeySize, "an AES key-encryption key is 128, 192 or 256 bits, not \(kek.bitCount)")
        }
    }

    static func wrap(_ keyToWrap: SecureBytes, using kek: SymmetricKey, padded: Bool) throws -> [UInt8] {
        guard keyToWrap.count <= maxKeyDataByteCount else {
            throw CryptoError(.invalidInput, "key data of \(keyToWrap.count) bytes exceeds the \(maxKeyDataByteCount)-byte limit")
        }
        let cipher = try cipher(for: kek, padded: padded)
        // Output: the input rounded up to whole 8-byte blocks, plus the 8-byte integrity block.
        var wrapped = [UInt8](repeating: 0, count: (keyToWrap.count + 7) / 8 * 8 + 8)
        let written = try keyToWrap.withUnsafeBytes { input in
            try wrapped.withUnsafeMutableBytes { output in
                try transform(input, into: output, cipher: cipher, kek: kek, encrypt: true)
            }
        }
        return Array(wrapped.prefix(written))
    }

    static func unwrap(_ wrapped: [UInt8], using kek: SymmetricKey, padded: Bool) throws -> SecureBytes {
        guard wrapped.count <= maxKeyDataByteCount + 16 else {
            throw CryptoError(.invalidInput, "a wrapped key of \(wrapped.count) bytes exceeds the \(maxKeyDataByteCount)-byte limit")
        }
        let cipher = try cipher(for: kek, padded: padded)
        var keyData = SecureBytes(zeroes: wrapped.count - 8)
        let written: Int
        do {
            written = try wrapped.withUnsafeBytes { input in
                try keyData.withUnsafeMutableBytes { output in
                    try transform(input, into: output, cipher: cipher, kek: kek, encrypt: false)
                }
            }
        } catch let error as CryptoError where error.code == .openSSL {
            // The lengths and the KEK were checked above, so a failing unwrap means the integrity check
            // (or, for KWP, the length indicator or padding check) rejected the ciphertext.
            throw CryptoError(.authenticationFailure, "key unwrap integrity check failed (\(error.reason))")
        }
        return written == keyData.count ? keyData : keyData[0..<written]
    }

    private static func transform(
        _ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer,
        cipher: FetchedCipher, kek: SymmetricKey, encrypt: Bool
    ) throws -> Int {
        let context = try CipherContext()
        return try context.withPointer { ctx in
            EVP_CIPHER_CTX_set_flags(ctx, EVP_CIPHER_CTX_FLAG_WRAP_ALLOW)
            try cipher.withPointer { cipher in
                try kek.withUnsafeBytes { key in
                    // No IV: OpenSSL uses the RFC default (A6A6A6A6A6A6A6A6 for KW, A65959A6 || length for KWP).
                    try check(EVP_CipherInit_ex(ctx, cipher, nil, key.uint8Start, nil, encrypt ? 1 : 0), "EVP_CipherInit_ex(key wrap)")
                }
            }
            var written: Int32 = 0
            try check(EVP_CipherUpdate(ctx, output.uint8Start, &written, input.uint8Start, Int32(input.count)), "EVP_CipherUpdate(key wrap)")
            var finalWritten: Int32 = 0
            try check(EVP_CipherFinal_ex(ctx, output.uint8Start + Int(written), &finalWritten), "EVP_CipherFinal_ex(key wrap)")
            return Int(written) + Int(finalWritten)
        }
    }
}
