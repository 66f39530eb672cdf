import Testing
@testable import KeepCrypto

/// AES-ECB, AES-CBC and variable-parameter AES-GCM, the modes KMIP clients ask the server to run.
@Suite("AES block modes and client GCM")
struct AESModesTests {
    /// FIPS 197 appendix C (ECB, one block, three key sizes) and SP 800-38A F.2.1 (CBC-AES128, four blocks).
    @Test func blockModesMatchKnownAnswers() throws {
        let plaintext = SecureBytes(try hex("00112233445566778899aabbccddeeff"))
        for (key, ciphertext) in [("000102030405060708090a0b0c0d0e0f", "69c4e0d86a7b0430d8cdb78070b4c55a"),
                                  ("000102030405060708090a0b0c0d0e0f1011121314151617", "dda97ca4864cdfe06eaf70a0ec0d7191"),
                                  ("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", "8ea2b7ca516745bfeafc49904b496089")] {
            let k = SymmetricKey(copying: try hex(key))
            #expect(try AESBlockMode.ecb.encrypt(plaintext, using: k, iv: nil, padding: false) == (try hex(ciphertext)))
            #expect(try AESBlockMode.ecb.decrypt(try hex(ciphertext), using: k, iv: nil, padding: false) == plaintext)
        }
        let key = SymmetricKey(copying: try hex("2b7e151628aed2a6abf7158809cf4f3c"))
        let iv = try hex("000102030405060708090a0b0c0d0e0f")
        let message = SecureBytes(try hex("6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e5130c81c46a35ce411e5fbc1191a0a52eff69f2445df4f9b17ad2b417be66c3710"))
        let expected = try hex("7649abac8119b246cee98e9b12e9197d5086cb9b507219ee95db113a917678b273bed6b8e3c1743b7116e69e222295163ff1caa1681fac09120eca307586e1a7")
        #expect(try AESBlockMode.cbc.encrypt(message, using: key, iv: iv, padding: false) == expected)
        #expect(try AESBlockMode.cbc.decrypt(expected, using: key, iv: iv, padding: false) == message)
    }

    @Test func paddingRoundTripsEveryLengthAndCatchesDamage() throws {
        let key = try SymmetricKey.generate(bitCount: 192)
        let iv = try SecureRandom.publicBytes(count: 16)
        for count in [0, 1, 15, 16, 17, 33, 64] {
            let message = SecureBytes(testBytes(count, seed: "pad"))
            for mode in [AESBlockMode.ecb, .cbc] {
                let ciphertext = try mode.encrypt(message, using: key, iv: mode == .cbc ? iv : nil, padding: true)
                #expect(ciphertext.count == (count / 16 + 1) * 16)
                #expect(try mode.decrypt(ciphertext, using: key, iv: mode == .cbc ? iv : nil, padding: true) == message)
            }
        }
        var damaged = try AESBlockMode.ecb.encrypt(SecureBytes(testBytes(20, seed: "pad")), using: key, iv: nil, padding: true)
        damaged[damaged.count - 1] ^= 0x5a
        #expect { _ = try AESBlockMode.ecb.decrypt(damaged, using: key, iv: nil, padding: true) } throws: { ($0 as? CryptoError)?.code == .authenticationFailure }
        #expect { _ = try AESBlockMode.ecb.encrypt(SecureBytes(testBytes(17, seed: "x")), using: key, iv: nil, padding: false) } throws: { ($0 as? CryptoError)?.code == .invalidInput }
        #expect { _ = try AESBlockMode.cbc.encrypt(SecureBytes(testBytes(16, seed: "x")), using: key, iv: nil, padding: false) } throws: { ($0 as? CryptoError)?.code == .invalidInput }
        #expect { _ = try AESBlockMode.ecb.encrypt(SecureBytes(testBytes(16, seed: "x")), using: key, iv: iv, padding: false) } throws: { ($0 as? CryptoError)?.code == .invalidInput }
        #expect { _ = try AESBlockMode.ecb.encrypt(SecureBytes(testBytes(16, seed: "x")), using: SymmetricKey(copying: [1, 2, 3]), iv: nil, padding: false) } throws: {
            ($0 as? CryptoError)?.code == .invalidKeySize
        }
    }

    /// McGrew & Viega test cases 2 (AES-128), 10 (AES-192, AAD) and 18 (AES-256, 60-byte IV), and truncated tags.
    @Test func gcmTakesEveryKeySizeIVLengthAndTagLength() throws {
        let p = "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39"
        let aad = "feedfacedeadbeeffeedfacedeadbeefabaddad2"
        let cases: [(key: String, iv: String, plaintext: String, aad: String, ciphertext: String, tag: String)] = [
            (String(repeating: "00", count: 16), String(repeating: "00", count: 12), String(repeating: "00", count: 16), "",
             "0388dace60b6a392f328c2b971b2fe78", "ab6e47d42cec13bdf53a67b21257bddf"),
            ("feffe9928665731c6d6a8f9467308308feffe9928665731c", "cafebabefacedbaddecaf888", p, aad,
             "3980ca0b3c00e841eb06fac4872a2757859e1ceaa6efd984628593b40ca1e19c7d773d00c144c525ac619d18c84a3f4718e2448b2fe324d9ccda2710",
             "2519498e80f1478f37ba55bd6d27618c"),
            ("feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308",
             "9313225df88406e555909c5aff5269aa6a7a9538534f7da1e4c303d2a318a728c3c0c95156809539fcf0e2429a6b525416aedbf5a0de6a57a637b39b",
             p, aad,
             "5a8def2f0c9e53f1f75d7853659e2a20eeb2b22aafde6419a058ab4f6f746bf40fc0c3b780f244452da3ebf1c5d82cdea2418997200ef82e44ae7e3f",
             "a44a8266ee1c8eb0c8b5d4cf5ae9f19a"),
        ]
        for c in cases {
            let key = SymmetricKey(copying: try hex(c.key))
            let sealed = try AESGCMMode.seal(SecureBytes(try hex(c.plaintext)), using: key, iv: try hex(c.iv), tagByteCount: 16, authenticating: try hex(c.aad))
            let (ciphertext, tag16) = (try hex(c.ciphertext), try hex(c.tag))
            #expect(sealed.ciphertext == ciphertext && sealed.tag == tag16)
            for tagLength in AESGCMMode.tagByteCounts {
                let short = try AESGCMMode.seal(SecureBytes(try hex(c.plaintext)), using: key, iv: try hex(c.iv), tagByteCount: tagLength, authenticating: try hex(c.aad))
                #expect(short.tag == Array(tag16.prefix(tagLength)))
                let opened = try AESGCMMode.open(short.ciphertext, using: key, iv: try hex(c.iv), tag: short.tag, authenticating: try hex(c.aad))
                #expect(opened == SecureBytes(try hex(c.plaintext)))
            }
            var tag = sealed.tag
            tag[0] ^= 1
            #expect { _ = try AESGCMMode.open(sealed.ciphertext, using: key, iv: try hex(c.iv), tag: tag, authenticating: try hex(c.aad)) } throws: {
                ($0 as? CryptoError)?.code == .authenticationFailure
            }
        }
        let key = try SymmetricKey.generate(bitCount: 128)
        for bad in [1, 8, 11, 17, 32] {
            #expect { _ = try AESGCMMode.seal(SecureBytes([1]), using: key, iv: [UInt8](repeating: 0, count: 12), tagByteCount: bad, authenticating: []) } throws: {
                ($0 as? CryptoError)?.code == .invalidInput
            }
        }
        #expect { _ = try AESGCMMode.seal(SecureBytes([1]), using: key, iv: [], tagByteCount: 16, authenticating: []) } throws: { ($0 as? CryptoError)?.code == .invalidInput }
    }
}
