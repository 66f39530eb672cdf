import Testing
@testable import KeepCrypto

@Suite("HKDF-SHA-256 and scrypt")
struct KDFTests {
    /// RFC 5869 Appendix A, test cases 1-3 (SHA-256).
    static let rfc5869: [(ikm: [UInt8], salt: [UInt8], info: [UInt8], length: Int, okm: String)] = [
        ([UInt8](repeating: 0x0b, count: 22), Array(0x00...0x0c), Array(0xf0...0xf9), 42,
         "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865"),
        (Array(0x00...0x4f), Array(0x60...0xaf), Array(0xb0...0xff), 82,
         "b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c59045a99cac7827271cb41c65e590e09da3275600c2f09b8367793a9aca3db71cc30c58179ec3e87c14c01d5c1f3434f1d87"),
        ([UInt8](repeating: 0x0b, count: 22), [], [], 42,
         "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8"),
    ]

    @Test("HKDF RFC 5869 test cases 1-3", arguments: 0..<3)
    func hkdf(index: Int) throws {
        let vector = Self.rfc5869[index]
        let expected = SymmetricKey(copying: try hex(vector.okm))
        let fromKey = try HKDF.deriveKey(inputKeyMaterial: SymmetricKey(copying: vector.ikm), salt: vector.salt, info: vector.info, outputByteCount: vector.length)
        let fromBytes = try HKDF.deriveKey(inputKeyMaterial: SecureBytes(vector.ikm), salt: vector.salt, info: vector.info, outputByteCount: vector.length)
        #expect(fromKey == expected)
        #expect(fromBytes == expected)
    }

    @Test("HKDF output length limits and input checks")
    func hkdfLimits() throws {
        let ikm = SecureBytes(testBytes(32, seed: "ikm"))
        #expect(try HKDF.deriveKey(inputKeyMaterial: ikm, salt: [], info: [], outputByteCount: 255 * 32).byteCount == 8160)
        for bad in [0, -1, 255 * 32 + 1] {
            #expect(thrownCryptoError { try HKDF.deriveKey(inputKeyMaterial: ikm, salt: [], info: [], outputByteCount: bad) }?.code == .invalidInput)
        }
        #expect(thrownCryptoError { try HKDF.deriveKey(inputKeyMaterial: SecureBytes(zeroes: 0), salt: [], info: [], outputByteCount: 32) }?.code == .invalidInput)
        // Different info, different key: the label binds the key to its purpose.
        let a = try HKDF.deriveKey(inputKeyMaterial: ikm, salt: [], info: Array("a".utf8), outputByteCount: 32)
        let b = try HKDF.deriveKey(inputKeyMaterial: ikm, salt: [], info: Array("b".utf8), outputByteCount: 32)
        #expect(a != b)
    }

    /// RFC 7914 §12 test vectors 1-3 (64-byte outputs).
    static let rfc7914: [(password: String, salt: String, n: UInt64, r: UInt32, p: UInt32, output: String)] = [
        ("", "", 16, 1, 1,
         "77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906"),
        ("password", "NaCl", 1024, 8, 16,
         "fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b3731622eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640"),
        ("pleaseletmein", "SodiumChloride", 16384, 8, 1,
         "7023bdcb3afd7348461c06cd81fd38ebfda8fbba904f8e3ea9b543f6545da1f2d5432955613f0fcf62d49705242a9af9e61e85dc0d651e40dfcf017b45575887"),
    ]

    @Test("scrypt RFC 7914 vectors", arguments: 0..<3)
    func scrypt(index: Int) throws {
        let vector = Self.rfc7914[index]
        let parameters = try Scrypt.Parameters(n: vector.n, r: vector.r, p: vector.p)
        let key = try Scrypt.deriveKey(passphrase: SecureBytes(Array(vector.password.utf8)), salt: Array(vector.salt.utf8),
                                       parameters: parameters, outputByteCount: 64)
        #expect(key == SymmetricKey(copying: try hex(vector.output)))
    }

    @Test("scrypt .interactive runs (its 32 MiB exceed OpenSSL's default memory cap, so ours must be passed)")
    func scryptInteractive() throws {
        let salt = testBytes(16, seed: "salt")
        let key = try Scrypt.deriveKey(passphrase: SecureBytes(Array("1234".utf8)), salt: salt, parameters: .interactive, outputByteCount: 32)
        let cheap = try Scrypt.deriveKey(passphrase: SecureBytes(Array("1234".utf8)), salt: salt, parameters: .insecureFastForTests, outputByteCount: 32)
        #expect(key.byteCount == 32)
        #expect(key != cheap)
    }

    @Test("scrypt parameter validation")
    func scryptParameters() throws {
        for n: UInt64 in [0, 1, 3, 1000, (1 << 20) + 1] {
            #expect(thrownCryptoError { try Scrypt.Parameters(n: n, r: 8, p: 1) }?.code == .invalidInput, "N = \(n)")
        }
        #expect(thrownCryptoError { try Scrypt.Parameters(n: 16, r: 0, p: 1) }?.code == .invalidInput)
        #expect(thrownCryptoError { try Scrypt.Parameters(n: 16, r: 1, p: 0) }?.code == .invalidInput)
        #expect(thrownCryptoError { try Scrypt.Parameters(n: 16, r: 1, p: Scrypt.maxParallelization + 1) }?.code == .invalidInput)
        // Memory cap: N = 2^20, r = 8 needs 1 GiB plus; N = 2^63 would overflow the size computation.
        #expect(thrownCryptoError { try Scrypt.Parameters(n: 1 << 20, r: 8, p: 1) }?.code == .invalidInput)
        #expect(thrownCryptoError { try Scrypt.Parameters(n: 1 << 63, r: 8, p: 1) }?.code == .invalidInput)
        // RFC 7914: N < 2^(128·r/8), so with r = 1, N = 2^16 is out of range.
        #expect(thrownCryptoError { try Scrypt.Parameters(n: 1 << 16, r: 1, p: 1) }?.code == .invalidInput)
        #expect(try Scrypt.Parameters(n: 1 << 15, r: 1, p: 1).n == 1 << 15)
        let pass = SecureBytes([1])
        for bad in [0, Scrypt.maxOutputByteCount + 1] {
            #expect(thrownCryptoError { try Scrypt.deriveKey(passphrase: pass, salt: [], parameters: .insecureFastForTests, outputByteCount: bad) }?.code == .invalidInput)
        }
    }
}
