import Testing
@testable import KeepCrypto

/// AES-ECB, AES-CBC and AES-GCM fed in parts: every split gives the one-shot bytes, GCM decryption releases nothing
/// before its tag verifies, and a stream ends at its first failure.
@Suite("AES streams")
struct AESStreamTests {
    static let gcmKey = "feffe9928665731c6d6a8f9467308308"
    static let gcmPlaintext = "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39"
    static let gcmAAD = "feedfacedeadbeeffeedfacedeadbeefabaddad2"

    /// Encrypts `parts` through a stream; the concatenated ciphertext and the tag.
    private func encrypt(_ parts: [[UInt8]], _ mode: AESStreamMode, key: SymmetricKey) throws -> ([UInt8], [UInt8]?) {
        let stream = try AESStreamEncryptor(mode, key: key)
        var out: [UInt8] = []
        for part in parts { out += try stream.update(SecureBytes(part)) }
        let (last, tag) = try stream.finish()
        return (out + last, tag)
    }

    private func decrypt(_ parts: [[UInt8]], _ mode: AESStreamMode, key: SymmetricKey, tag: [UInt8]? = nil) throws -> SecureBytes {
        let stream = try AESStreamDecryptor(mode, key: key)
        var out = SecureBytes(zeroes: 0)
        for part in parts { out.append(try stream.update(part)) }
        out.append(try stream.finish(tag: tag))
        return out
    }

    /// The message split in two at `offset`.
    private func split(_ bytes: [UInt8], at offset: Int) -> [[UInt8]] { [Array(bytes[..<offset]), Array(bytes[offset...])] }

    /// McGrew & Viega test case 5 (60 bytes, additional data, an 8-byte IV: what CS-BC-M-GCM-3 streams), split at every offset
    /// and byte by byte, against the published ciphertext and tag, and back.
    @Test func gcmPartsGiveThePublishedCiphertextAndTag() throws {
        let key = SymmetricKey(copying: try hex(Self.gcmKey))
        let plaintext = try hex(Self.gcmPlaintext)
        let mode = AESStreamMode.gcm(iv: try hex("cafebabefacedbad"), tagByteCount: 16, additionalData: try hex(Self.gcmAAD))
        let expected = try hex("61353b4c2806934a777ff51fa22a4755699b2a714fcdc6f83766e5f97b6c742373806900e49f24b22b097544d4896b424989b5e1ebac0f07c23f4598")
        let expectedTag = try hex("3612d2e79e3b0785561be14aaca2fccb")
        for parts in (0...plaintext.count).map({ split(plaintext, at: $0) }) + [plaintext.map { [$0] }] {
            let (ciphertext, tag) = try encrypt(parts, mode, key: key)
            #expect(ciphertext == expected && tag == expectedTag)
            let ciphertextParts = parts.count == 2 ? split(expected, at: parts[0].count) : expected.map { [$0] }
            #expect(try decrypt(ciphertextParts, mode, key: key, tag: expectedTag) == SecureBytes(plaintext))
        }
        // A truncated tag is the first bytes of the full one.
        let short = AESStreamMode.gcm(iv: try hex("cafebabefacedbad"), tagByteCount: 12, additionalData: try hex(Self.gcmAAD))
        #expect(try encrypt([plaintext], short, key: key).1 == Array(expectedTag.prefix(12)))
    }

    /// ECB and CBC, padded or not, every key size: the parts give what `AESBlockMode` gives in one call, whatever the split.
    @Test func blockModePartsEqualOneShot() throws {
        for bits in [128, 192, 256] {
            let key = try SymmetricKey.generate(bitCount: bits)
            let iv = try SecureRandom.publicBytes(count: 16)
            for (mode, padding, count) in [(AESBlockMode.ecb, false, 48), (.ecb, true, 37), (.cbc, false, 64), (.cbc, true, 33), (.cbc, true, 0)] {
                let message = testBytes(count, seed: "stream-\(bits)-\(count)")
                let streamMode: AESStreamMode = mode == .ecb ? .ecb(padding: padding) : .cbc(iv: iv, padding: padding)
                let oneShot = try mode.encrypt(SecureBytes(message), using: key, iv: mode == .cbc ? iv : nil, padding: padding)
                for offset in 0...count {
                    let (ciphertext, tag) = try encrypt(split(message, at: offset), streamMode, key: key)
                    #expect(ciphertext == oneShot && tag == nil)
                }
                #expect(try encrypt(message.map { [$0] }, streamMode, key: key).0 == oneShot)
                for offset in 0...oneShot.count {
                    #expect(try decrypt(split(oneShot, at: offset), streamMode, key: key) == SecureBytes(message))
                }
            }
        }
    }

    /// The KMIP test case TC-STREAM-ENC-1's parts: ECB without padding takes parts of any length; the output comes
    /// block by block.
    @Test func ecbReleasesWholeBlocksAsTheyComplete() throws {
        let key = try SymmetricKey.generate(bitCount: 128)
        let stream = try AESStreamEncryptor(.ecb(padding: false), key: key)
        #expect(try stream.update(SecureBytes(testBytes(8, seed: "a"))).isEmpty)
        #expect(try stream.update(SecureBytes(testBytes(4, seed: "b"))).isEmpty)
        #expect(try stream.update(SecureBytes(testBytes(4, seed: "c"))).count == 16)
        #expect(stream.inputByteCount == 16)
        #expect(try stream.finish().ciphertext.isEmpty)
    }

    /// GCM decryption keeps every byte of plaintext until the tag verifies; a wrong tag gives none, and zeroes it.
    @Test func gcmDecryptionReleasesNothingBeforeTheTag() throws {
        let key = SymmetricKey(copying: try hex(Self.gcmKey))
        let mode = AESStreamMode.gcm(iv: try hex("cafebabefacedbad"), tagByteCount: 16, additionalData: try hex(Self.gcmAAD))
        let (ciphertext, tag) = try encrypt([try hex(Self.gcmPlaintext)], mode, key: key)
        let stream = try AESStreamDecryptor(mode, key: key)
        #expect(try stream.update(Array(ciphertext.prefix(20))).isEmpty)
        #expect(try stream.update(Array(ciphertext.dropFirst(20))).isEmpty)
        #expect(stream.heldByteCount == ciphertext.count)
        var wrong = try #require(tag)
        wrong[0] ^= 1
        #expect { _ = try stream.finish(tag: wrong) } throws: { ($0 as? CryptoError)?.code == .authenticationFailure }
        // The stream is over: a retry with the right tag does not get the plaintext either.
        #expect { _ = try stream.finish(tag: tag) } throws: { ($0 as? CryptoError)?.code == .invalidInput }
        #expect { _ = try stream.update([1]) } throws: { ($0 as? CryptoError)?.code == .invalidInput }
        // A tag of another length than the mode's, or none.
        let other = try AESStreamDecryptor(mode, key: key)
        _ = try other.update(ciphertext)
        #expect { _ = try other.finish(tag: Array(tag!.prefix(12))) } throws: { ($0 as? CryptoError)?.code == .invalidInput }
        let none = try AESStreamDecryptor(mode, key: key)
        #expect { _ = try none.finish(tag: nil) } throws: { ($0 as? CryptoError)?.code == .invalidInput }
    }

    /// The checks of the one-shot modes, at the start or at the end of the stream.
    @Test func badInputIsRefusedAndEndsTheStream() throws {
        let key = try SymmetricKey.generate(bitCount: 256)
        #expect { _ = try AESStreamEncryptor(.cbc(iv: [1, 2, 3], padding: false), key: key) } throws: { ($0 as? CryptoError)?.code == .invalidInput }
        #expect { _ = try AESStreamEncryptor(.gcm(iv: [], tagByteCount: 16, additionalData: []), key: key) } throws: { ($0 as? CryptoError)?.code == .invalidInput }
        #expect { _ = try AESStreamEncryptor(.gcm(iv: [1], tagByteCount: 8, additionalData: []), key: key) } throws: { ($0 as? CryptoError)?.code == .invalidInput }
        #expect { _ = try AESStreamEncryptor(.ecb(padding: false), key: SymmetricKey(copying: [1, 2, 3])) } throws: { ($0 as? CryptoError)?.code == .invalidKeySize }
        // Without padding, the whole message is whole blocks.
        let unpadded = try AESStreamEncryptor(.ecb(padding: false), key: key)
        _ = try unpadded.update(SecureBytes(testBytes(20, seed: "x")))
        #expect { _ = try unpadded.finish() } throws: { ($0 as? CryptoError)?.code == .invalidInput }
        #expect { _ = try unpadded.update(SecureBytes(testBytes(12, seed: "x"))) } throws: { ($0 as? CryptoError)?.code == .invalidInput }
        // A damaged padding is an authentication failure, as in one call.
        var damaged = try AESBlockMode.ecb.encrypt(SecureBytes(testBytes(20, seed: "pad")), using: key, iv: nil, padding: true)
        damaged[damaged.count - 1] ^= 0x5a
        let padded = try AESStreamDecryptor(.ecb(padding: true), key: key)
        #expect(try padded.update(damaged).count == 16)
        #expect(padded.heldByteCount == 16)
        #expect { _ = try padded.finish(tag: nil) } throws: { ($0 as? CryptoError)?.code == .authenticationFailure }
        // A tag for a block mode, a ciphertext that is not whole blocks.
        let block = try AESStreamDecryptor(.ecb(padding: false), key: key)
        #expect { _ = try block.finish(tag: [1]) } throws: { ($0 as? CryptoError)?.code == .invalidInput }
        let partial = try AESStreamDecryptor(.ecb(padding: false), key: key)
        _ = try partial.update(testBytes(17, seed: "x"))
        #expect { _ = try partial.finish(tag: nil) } throws: { ($0 as? CryptoError)?.code == .invalidInput }
    }
}
