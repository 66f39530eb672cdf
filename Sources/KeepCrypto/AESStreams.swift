internal import COpenSSL

// AES-ECB, AES-CBC and AES-GCM over a message that arrives in parts: KMIP's streamed Encrypt and Decrypt (Init
// Indicator, Correlation Value, Final Indicator). The same ciphers and checks as `AESBlockMode` and `AESGCMMode`,
// with one keyed OpenSSL context kept from the first part to the last, so the parts give exactly the bytes the
// whole message gives in one call.
//
// Why a GCM decryption hands out no plaintext before its tag verifies: until the tag is checked at the end, the
// plaintext is unauthenticated; a part released early may have been altered, and a caller that acts on it has
// lost what GCM is for. The decryptor keeps the plaintext in `SecureBytes` and returns it whole from
// `finish(tag:)` only once the tag verifies; a wrong tag zeroes it. The caller bounds that buffer with
// `heldByteCount` (the server with its data limit).
// Why ECB and CBC decryptions do release parts: neither authenticates anything, so the bytes are as trustworthy
// early as at the end. With padding, the last complete block is held back until a later part or the end, since
// it may be the one that carries the padding.
// Why a stream ends at its first failure: the context's state is then unknown (OpenSSL may have consumed part of
// the input), so no later part could be trusted. The end frees the context, and `EVP_CIPHER_CTX_free` cleanses the
// key schedule in it; the key itself is never kept. An abandoned stream frees it with its owner (`deinit`).

/// The cipher of a stream and what it starts from.
public enum AESStreamMode: Sendable, Hashable {
    /// ECB: no IV. Without padding the whole message is whole 16-byte blocks; the parts need not be.
    case ecb(padding: Bool)
    /// CBC with a 16-byte IV.
    case cbc(iv: [UInt8], padding: Bool)
    /// GCM with an IV of 1 to 128 bytes, a tag of 12 to 16 bytes, and the additional data it authenticates (all of
    /// it given here, before the first part, as GCM requires).
    case gcm(iv: [UInt8], tagByteCount: Int, additionalData: [UInt8])
}

/// Encrypts a message given in parts. Mutable state: not Sendable, one thread at a time.
public final class AESStreamEncryptor {
    private let core: AESStreamCore

    public init(_ mode: AESStreamMode, key: SymmetricKey) throws {
        core = try AESStreamCore(mode, key: key, encrypt: true)
    }

    /// Bytes encrypted so far.
    public var inputByteCount: Int { core.inputByteCount }

    /// The ciphertext of one part. ECB and CBC hold an incomplete block back for the next part or `finish`.
    public func update(_ plaintext: SecureBytes) throws -> [UInt8] {
        var out = [UInt8](repeating: 0, count: plaintext.count + AESBlockMode.blockByteCount)
        let written = try plaintext.withUnsafeBytes { input in try out.withUnsafeMutableBytes { try core.update(input, into: $0) } }
        return Array(out.prefix(written))
    }

    /// The end of the message: the rest of the ciphertext (ECB and CBC: the last, padded, block) and GCM's tag (nil
    /// for ECB and CBC). The stream is over and its context freed, whatever the outcome.
    public func finish() throws -> (ciphertext: [UInt8], tag: [UInt8]?) {
        var out = [UInt8](repeating: 0, count: AESBlockMode.blockByteCount)
        let (written, tag) = try out.withUnsafeMutableBytes { try core.finishEncrypting(into: $0) }
        return (Array(out.prefix(written)), tag)
    }
}

/// Decrypts a message given in parts. Mutable state: not Sendable, one thread at a time.
public final class AESStreamDecryptor {
    private let core: AESStreamCore
    /// GCM: the plaintext so far, released only by `finish(tag:)` once the tag verifies.
    private var held = SecureBytes(zeroes: 0)
    private var releasedByteCount = 0

    public init(_ mode: AESStreamMode, key: SymmetricKey) throws {
        core = try AESStreamCore(mode, key: key, encrypt: false)
    }

    /// Bytes of ciphertext taken whose plaintext has not been returned: for GCM everything so far, for ECB and CBC
    /// at most the block or two OpenSSL holds back.
    public var heldByteCount: Int { core.inputByteCount - releasedByteCount }

    /// ECB, CBC: the plaintext of this part's complete blocks (with padding, but the last one). GCM: nothing; the
    /// plaintext is kept until `finish(tag:)`.
    public func update(_ ciphertext: [UInt8]) throws -> SecureBytes {
        var out = SecureBytes(zeroes: ciphertext.count + AESBlockMode.blockByteCount)
        let written: Int
        do {
            written = try ciphertext.withUnsafeBytes { input in try out.withUnsafeMutableBytes { try core.update(input, into: $0) } }
        } catch {
            held = SecureBytes(zeroes: 0)
            throw error
        }
        let plaintext = out[0..<written]
        if core.isGCM {
            held.append(plaintext)
            return SecureBytes(zeroes: 0)
        }
        releasedByteCount += written
        return plaintext
    }

    /// The end of the message: the rest of the plaintext (ECB and CBC: the last block, unpadded; GCM: all of it).
    /// GCM needs `tag` (of the mode's tag length) and throws `.authenticationFailure` if it does not verify, and
    /// then the plaintext is zeroed, never returned; ECB and CBC take no tag. A padding that does not check out is
    /// `.authenticationFailure` too. The stream is over and its context freed, whatever the outcome.
    public func finish(tag: [UInt8]?) throws -> SecureBytes {
        defer { held = SecureBytes(zeroes: 0) }
        var out = SecureBytes(zeroes: AESBlockMode.blockByteCount)
        let written = try out.withUnsafeMutableBytes { try core.finishDecrypting(into: $0, tag: tag) }
        var plaintext = held
        plaintext.append(out[0..<written])
        releasedByteCount = core.inputByteCount
        return plaintext
    }
}

/// The keyed context of one stream, from its first part to its end.
final class AESStreamCore {
    private var context: CipherContext?
    private let padding: Bool
    private let tagByteCount: Int?
    private(set) var inputByteCount = 0

    var isGCM: Bool { tagByteCount != nil }

    init(_ mode: AESStreamMode, key: SymmetricKey, encrypt: Bool) throws {
        let context = try CipherContext()
        switch mode {
        case .ecb(let padding), .cbc(_, let padding):
            var iv: [UInt8] = []
            if case .cbc(let given, _) = mode {
                guard given.count == AESBlockMode.blockByteCount else { throw CryptoError(.invalidInput, "an AES-CBC IV is 16 bytes") }
                iv = given
            }
            let cipher = try AESModes.cipher(iv.isEmpty ? "ECB" : "CBC", key: key)
            try context.withPointer { ctx in
                try cipher.withPointer { cipher in
                    try key.withUnsafeBytes { key in
                        try iv.withUnsafeBytes { iv in
                            try check(EVP_CipherInit_ex(ctx, cipher, nil, key.uint8Start, iv.isEmpty ? nil : iv.uint8Start, encrypt ? 1 : 0),
                                      "EVP_CipherInit_ex(AES block mode stream)")
                        }
                    }
                }
                try check(EVP_CIPHER_CTX_set_padding(ctx, padding ? 1 : 0), "EVP_CIPHER_CTX_set_padding")
            }
            self.padding = padding
            tagByteCount = nil
        case .gcm(let iv, let tagByteCount, let additionalData):
            try AESGCMMode.validate(iv: iv, tagByteCount: tagByteCount, dataCount: 0)
            try context.withPointer { ctx in
                try AESGCMMode.start(ctx, key: key, iv: iv, encrypt: encrypt)
                try AESGCMMode.update(ctx, aad: additionalData)
            }
            padding = false
            self.tagByteCount = tagByteCount
        }
        self.context = context
    }

    /// Transforms one part; `output` has room for the part and one block more. Returns the bytes written.
    func update(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) throws -> Int {
        try ending { ctx in
            guard input.count <= AESModes.maxDataByteCount else {
                throw CryptoError(.invalidInput, "an AES stream takes at most \(AESModes.maxDataByteCount) bytes per part")
            }
            // SP 800-38D §5.2.1.1: past 2^39 − 256 bits the 32-bit block counter wraps and the keystream repeats.
            if isGCM && inputByteCount + input.count > AESGCM.maxPlaintextByteCount {
                throw CryptoError(.invalidInput, "an AES-GCM message is at most \(AESGCM.maxPlaintextByteCount) bytes")
            }
            guard !input.isEmpty else { return 0 }
            var written: Int32 = 0
            try check(EVP_CipherUpdate(ctx, output.uint8Start, &written, input.uint8Start, Int32(input.count)), "EVP_CipherUpdate(AES stream)")
            inputByteCount += input.count
            return Int(written)
        }
    }

    /// Ends an encryption: the last block (ECB, CBC) into `output` (one block of room), and GCM's tag.
    func finishEncrypting(into output: UnsafeMutableRawBufferPointer) throws -> (Int, [UInt8]?) {
        defer { context = nil }
        return try ending { ctx in
            if !isGCM && !padding && inputByteCount % AESBlockMode.blockByteCount != 0 {
                throw CryptoError(.invalidInput, "without padding, AES takes whole 16-byte blocks; the message is \(inputByteCount) bytes")
            }
            var written: Int32 = 0
            try check(EVP_EncryptFinal_ex(ctx, output.uint8Start, &written), "EVP_EncryptFinal_ex(AES stream)")
            guard let tagByteCount else { return (Int(written), nil) }
            var tag = [UInt8](repeating: 0, count: tagByteCount)
            try tag.withUnsafeMutableBytes { tag in
                try check(EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_GET_TAG, Int32(tagByteCount), tag.baseAddress), "EVP_CTRL_GCM_GET_TAG")
            }
            return (Int(written), tag)
        }
    }

    /// Ends a decryption: the last block (ECB, CBC) into `output` (one block of room), once GCM's tag or the padding
    /// checks out.
    func finishDecrypting(into output: UnsafeMutableRawBufferPointer, tag: [UInt8]?) throws -> Int {
        defer { context = nil }
        return try ending { ctx in
            var written: Int32 = 0
            guard let tagByteCount else {
                guard tag == nil else { throw CryptoError(.invalidInput, "AES-ECB and AES-CBC take no tag") }
                guard inputByteCount % AESBlockMode.blockByteCount == 0 else {
                    throw CryptoError(.invalidInput, "to decrypt, AES takes whole 16-byte blocks; the message is \(inputByteCount) bytes")
                }
                if padding && inputByteCount == 0 { throw CryptoError(.invalidInput, "a padded AES ciphertext is at least one 16-byte block") }
                do {
                    try check(EVP_DecryptFinal_ex(ctx, output.uint8Start, &written), "EVP_DecryptFinal_ex(AES stream)")
                } catch let error as CryptoError where padding {
                    // Lengths and key were checked: what fails is the padding of the last block.
                    throw CryptoError(.authenticationFailure, "AES padding check failed (\(error.reason))")
                }
                return Int(written)
            }
            guard var expected = tag else { throw CryptoError(.invalidInput, "AES-GCM decryption needs the tag") }
            guard expected.count == tagByteCount else {
                throw CryptoError(.invalidInput, "the AES-GCM tag is \(expected.count) bytes, the stream's tag length \(tagByteCount)")
            }
            try expected.withUnsafeMutableBytes { tag in
                try check(EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_TAG, Int32(tag.count), tag.baseAddress), "EVP_CTRL_GCM_SET_TAG")
            }
            do {
                try check(EVP_DecryptFinal_ex(ctx, output.uint8Start, &written), "EVP_DecryptFinal_ex(AES-GCM stream)")
            } catch let error as CryptoError {
                throw CryptoError(.authenticationFailure, "AES-GCM tag did not verify (\(error.reason))")
            }
            return Int(written)
        }
    }

    /// Runs `body` on the context; a failure ends the stream (the context is freed).
    private func ending<R>(_ body: (OpaquePointer) throws -> R) throws -> R {
        guard let context else { throw CryptoError(.invalidInput, "the AES stream has ended: start another") }
        do {
            return try context.withPointer(body)
        } catch {
            self.context = nil
            throw error
        }
    }
}
