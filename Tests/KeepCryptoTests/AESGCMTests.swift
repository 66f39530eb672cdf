import Testing
@testable import KeepCrypto

@Suite("AES-256-GCM")
struct AESGCMTests {
    /// McGrew & Viega, "The Galois/Counter Mode of Operation (GCM)", test cases 13, 14 and 16 (AES-256).
    struct KnownAnswer: Sendable, CustomTestStringConvertible {
        let name: String, key: String, nonce: String, plaintext: String, aad: String, ciphertext: String, tag: String
        var testDescription: String { name }
    }

    static let knownAnswers = [
        KnownAnswer(name: "test case 13", key: String(repeating: "00", count: 32), nonce: String(repeating: "00", count: 12),
                    plaintext: "", aad: "", ciphertext: "", tag: "530f8afbc74536b9a963b4f1c4cb738b"),
        KnownAnswer(name: "test case 14", key: String(repeating: "00", count: 32), nonce: String(repeating: "00", count: 12),
                    plaintext: String(repeating: "00", count: 16), aad: "",
                    ciphertext: "cea7403d4d606b6e074ec5d3baf39d18", tag: "d0d1c8a799996bf0265b98b5d48ab919"),
        KnownAnswer(name: "test case 16", key: "feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308",
                    nonce: "cafebabefacedbaddecaf888",
                    plaintext: "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39",
                    aad: "feedfacedeadbeeffeedfacedeadbeefabaddad2",
                    ciphertext: "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662",
                    tag: "76fc6ece0f4e1768cddf8853bb2d551b"),
    ]

    @Test("known answers", arguments: knownAnswers)
    func knownAnswer(_ vector: KnownAnswer) throws {
        let key = SymmetricKey(copying: try hex(vector.key))
        let box = try AESGCM.seal(try hex(vector.plaintext), using: key, nonce: try hex(vector.nonce), authenticating: try hex(vector.aad))
        #expect(box.nonce == (try hex(vector.nonce)))
        #expect(box.ciphertext == (try hex(vector.ciphertext)))
        #expect(box.tag == (try hex(vector.tag)))
        #expect(box.combined == (try hex(vector.nonce + vector.ciphertext + vector.tag)))
        let opened = try AESGCM.open(try AESGCM.SealedBox(combined: box.combined), using: key, authenticating: try hex(vector.aad))
        #expect(opened == SecureBytes(try hex(vector.plaintext)))
    }

    @Test("round trip with a random nonce; two seals of one message differ")
    func roundTrip() throws {
        let key = try SymmetricKey.generate(bitCount: 256)
        let message = SecureBytes(testBytes(1000, seed: "gcm"))
        let aad = Array("keep/test/v1".utf8)
        let first = try AESGCM.seal(message, using: key, authenticating: aad)
        let second = try AESGCM.seal(message, using: key, authenticating: aad)
        #expect(first.nonce.count == 12 && first.tag.count == 16 && first.ciphertext.count == 1000)
        #expect(first.nonce != second.nonce)
        #expect(first.ciphertext != second.ciphertext)
        #expect(try AESGCM.open(first, using: key, authenticating: aad) == message)
        #expect(try AESGCM.open(AESGCM.SealedBox(combined: second.combined), using: key, authenticating: aad) == message)
        let empty = try AESGCM.seal([UInt8](), using: key)
        #expect(try AESGCM.open(empty, using: key).isEmpty)
    }

    @Test("tampering with tag, ciphertext, nonce, AAD or key is an authenticationFailure")
    func tampering() throws {
        let key = try SymmetricKey.generate(bitCount: 256)
        let aad: [UInt8] = [1, 2, 3]
        let box = try AESGCM.seal(testBytes(64, seed: "tamper"), using: key, authenticating: aad)
        func rejected(_ box: AESGCM.SealedBox, key: SymmetricKey = key, aad: [UInt8] = aad) -> Bool {
            thrownCryptoError { try AESGCM.open(box, using: key, authenticating: aad) }?.code == .authenticationFailure
        }
        for index in box.tag.indices {
            var tag = box.tag
            tag[index] ^= 0x80
            #expect(rejected(try AESGCM.SealedBox(nonce: box.nonce, ciphertext: box.ciphertext, tag: tag)), "tag byte \(index)")
        }
        for index in [0, 31, 63] {
            var ciphertext = box.ciphertext
            ciphertext[index] ^= 0x01
            #expect(rejected(try AESGCM.SealedBox(nonce: box.nonce, ciphertext: ciphertext, tag: box.tag)), "ciphertext byte \(index)")
        }
        var nonce = box.nonce
        nonce[11] ^= 0x01
        #expect(rejected(try AESGCM.SealedBox(nonce: nonce, ciphertext: box.ciphertext, tag: box.tag)))
        #expect(rejected(try AESGCM.SealedBox(nonce: box.nonce, ciphertext: Array(box.ciphertext.dropLast()), tag: box.tag)))
        #expect(rejected(box, aad: [1, 2, 4]))
        #expect(rejected(box, aad: []))
        #expect(rejected(box, key: try SymmetricKey.generate(bitCount: 256)))
        #expect(!rejected(box))
    }

    @Test("only 256-bit keys, 12-byte nonces and well-formed boxes")
    func rejections() throws {
        for bits in [128, 192, 512] {
            let key = try SymmetricKey.generate(bitCount: bits)
            #expect(thrownCryptoError { try AESGCM.seal([1, 2, 3], using: key) }?.code == .invalidKeySize, "\(bits)")
            let box = try AESGCM.SealedBox(nonce: [UInt8](repeating: 0, count: 12), ciphertext: [], tag: [UInt8](repeating: 0, count: 16))
            #expect(thrownCryptoError { try AESGCM.open(box, using: key) }?.code == .invalidKeySize, "\(bits)")
        }
        let key = try SymmetricKey.generate(bitCount: 256)
        for count in [0, 8, 11, 13, 16] {
            let nonce = [UInt8](repeating: 7, count: count)
            #expect(thrownCryptoError { try AESGCM.seal([1], using: key, nonce: nonce) }?.code == .invalidInput, "\(count)-byte nonce")
        }
        #expect(thrownCryptoError { try AESGCM.SealedBox(combined: [UInt8](repeating: 0, count: 27)) }?.code == .invalidInput)
        #expect(thrownCryptoError { try AESGCM.SealedBox(nonce: [UInt8](repeating: 0, count: 12), ciphertext: [], tag: [0]) }?.code == .invalidInput)
        #expect(try AESGCM.SealedBox(combined: [UInt8](repeating: 0, count: 28)).ciphertext.isEmpty)
    }
}
