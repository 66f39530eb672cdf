import Testing
@testable import KeepCrypto

@Suite("SHA-256 and HMAC-SHA-256")
struct HashTests {
    @Test("SHA-256 known answers (FIPS 180-4 examples)")
    func sha256KnownAnswers() throws {
        #expect(SHA256.hash([UInt8]()) == (try hex("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")))
        #expect(SHA256.hash(Array("abc".utf8)) == (try hex("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")))
        let twoBlocks = Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
        #expect(SHA256.hash(twoBlocks) == (try hex("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")))
        #expect(SHA256.hash(SecureBytes(twoBlocks)) == (try hex("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")))
        // One million 'a', streamed in 1000-byte pieces.
        let hasher = SHA256()
        let piece = [UInt8](repeating: UInt8(ascii: "a"), count: 1000)
        for _ in 0..<1000 { hasher.update(piece) }
        #expect(hasher.finalize() == (try hex("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")))
    }

    @Test("streaming SHA-256 split at every offset equals one-shot")
    func sha256Streaming() {
        let message = Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq-and-then-some-more-bytes".utf8)
        let expected = SHA256.hash(message)
        for split in 0...message.count {
            let hasher = SHA256()
            hasher.update(message[..<split])
            hasher.update(message[split...])
            #expect(hasher.finalize() == expected, "split at \(split)")
        }
    }

    /// RFC 4231 test cases 1-7 (HMAC-SHA-256 column); case 5 is truncated to 128 bits in the RFC.
    static let rfc4231: [(key: [UInt8], data: [UInt8], mac: String)] = [
        ([UInt8](repeating: 0x0b, count: 20), Array("Hi There".utf8),
         "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
        (Array("Jefe".utf8), Array("what do ya want for nothing?".utf8),
         "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
        ([UInt8](repeating: 0xaa, count: 20), [UInt8](repeating: 0xdd, count: 50),
         "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"),
        (Array(1...25), [UInt8](repeating: 0xcd, count: 50),
         "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"),
        ([UInt8](repeating: 0x0c, count: 20), Array("Test With Truncation".utf8),
         "a3b6167473100ee06e0c796c2955552b"),
        ([UInt8](repeating: 0xaa, count: 131), Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8),
         "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"),
        ([UInt8](repeating: 0xaa, count: 131),
         Array("This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm.".utf8),
         "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"),
    ]

    @Test("HMAC-SHA-256 RFC 4231 test cases 1-7", arguments: 0..<7)
    func hmacRFC4231(index: Int) throws {
        let vector = Self.rfc4231[index]
        let expected = try hex(vector.mac)
        let key = SymmetricKey(copying: vector.key)
        let mac = try HMACSHA256.authenticationCode(for: vector.data, using: key)
        #expect(mac.count == 32)
        #expect(Array(mac.prefix(expected.count)) == expected)
        // Streaming, byte by byte.
        let hmac = try HMACSHA256(key: key)
        for byte in vector.data { try hmac.update([byte]) }
        #expect(try hmac.finalize() == mac)
        #expect(try HMACSHA256.authenticationCode(for: SecureBytes(vector.data), using: key) == mac)
    }

    @Test("isValid accepts exactly the right MAC")
    func hmacIsValid() throws {
        let key = try SymmetricKey.generate(bitCount: 256)
        let data = Array("audit record 17".utf8)
        let mac = try HMACSHA256.authenticationCode(for: data, using: key)
        #expect(try HMACSHA256.isValid(mac, for: data, using: key))
        for index in mac.indices {
            var forged = mac
            forged[index] ^= 0x01
            #expect(try !HMACSHA256.isValid(forged, for: data, using: key), "byte \(index)")
        }
        #expect(try !HMACSHA256.isValid(Array(mac.prefix(16)), for: data, using: key))
        #expect(try !HMACSHA256.isValid([], for: data, using: key))
        #expect(try !HMACSHA256.isValid(mac, for: data + [0], using: key))
        #expect(try !HMACSHA256.isValid(mac, for: data, using: try SymmetricKey.generate(bitCount: 256)))
    }

    @Test("a finalized HMAC cannot be reused")
    func hmacFinalizeOnce() throws {
        let hmac = try HMACSHA256(key: try SymmetricKey.generate(bitCount: 256))
        try hmac.update([1, 2, 3])
        _ = try hmac.finalize()
        #expect(thrownCryptoError { try hmac.finalize() }?.code == .invalidInput)
        #expect(thrownCryptoError { try hmac.update([4]) }?.code == .invalidInput)
    }
}
