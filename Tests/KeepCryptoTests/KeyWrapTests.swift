import Testing
@testable import KeepCrypto

@Suite("AES key wrap (RFC 3394 / RFC 5649)")
struct KeyWrapTests {
    private static func wrap(_ algorithm: String, _ key: [UInt8], _ kek: [UInt8]) throws -> [UInt8] {
        algorithm == "KWP"
            ? try AESKeyWrapWithPadding.wrap(SecureBytes(key), using: SymmetricKey(copying: kek))
            : try AESKeyWrap.wrap(SecureBytes(key), using: SymmetricKey(copying: kek))
    }

    private static func unwrap(_ algorithm: String, _ wrapped: [UInt8], _ kek: [UInt8]) throws -> SecureBytes {
        algorithm == "KWP"
            ? try AESKeyWrapWithPadding.unwrap(wrapped, using: SymmetricKey(copying: kek))
            : try AESKeyWrap.unwrap(wrapped, using: SymmetricKey(copying: kek))
    }

    @Test("RFC 3394 §4 and RFC 5649 §6 vectors wrap and unwrap")
    func rfcVectors() throws {
        let records = try VectorFile.records("keywrap/rfc3394-rfc5649.txt")
        #expect(records.count == 8)
        #expect(records.filter { $0["algorithm"] == "KW" }.count == 6)
        #expect(records.filter { $0["algorithm"] == "KWP" }.count == 2)
        for record in records {
            let algorithm = try record.string("algorithm")
            let kek = try record.bytes("kek"), keyData = try record.bytes("key_data"), wrapped = try record.bytes("wrapped")
            #expect(try Self.wrap(algorithm, keyData, kek) == wrapped, "\(record["name"] ?? "")")
            #expect(try Self.unwrap(algorithm, wrapped, kek) == SecureBytes(keyData), "\(record["name"] ?? "")")
        }
    }

    static let cavpFiles = ["KW_AE_128", "KW_AE_192", "KW_AE_256", "KWP_AE_128", "KWP_AE_192", "KWP_AE_256",
                            "KW_AD_128", "KW_AD_192", "KW_AD_256", "KWP_AD_128", "KWP_AD_192", "KWP_AD_256"]

    /// Every NIST SP 800-38F CAVP record: 5 plaintext-length sections of 15 trials per file; each AD file has
    /// 15 ciphertexts that must be rejected. AE: wrap K,P → C (and back). AD: unwrap K,C → P, or reject.
    @Test("NIST CAVP KW/KWP records", arguments: cavpFiles)
    func cavp(file: String) throws {
        let algorithm = file.hasPrefix("KWP") ? "KWP" : "KW"
        let kekBytes = Int(file.suffix(3))! / 8
        let records = try VectorFile.records("keywrap/nist-cavp-\(file).txt")
        #expect(records.count == 75)
        #expect(Set(records.compactMap(\.section)).count == 5)
        let failing = records.filter(\.mustFail)
        #expect(failing.count == (file.contains("_AD_") ? 15 : 0))

        var checked = 0
        for record in records {
            let kek = try record.bytes("K"), ciphertext = try record.bytes("C")
            #expect(kek.count == kekBytes)
            if record.mustFail {
                #expect(record["P"] == nil)
                let error = thrownCryptoError { try Self.unwrap(algorithm, ciphertext, kek) }
                #expect(error?.code == .authenticationFailure, "COUNT \(record["COUNT"] ?? "?") must be rejected")
            } else {
                let plaintext = try record.bytes("P")
                if file.contains("_AE_") {
                    #expect(try Self.wrap(algorithm, plaintext, kek) == ciphertext, "COUNT \(record["COUNT"] ?? "?")")
                }
                #expect(try Self.unwrap(algorithm, ciphertext, kek) == SecureBytes(plaintext), "COUNT \(record["COUNT"] ?? "?")")
            }
            checked += 1
        }
        #expect(checked == 75)
    }

    @Test("every single-byte change of a wrapped key is rejected", arguments: ["KW", "KWP"])
    func tamperedRejected(algorithm: String) throws {
        let kek = try SymmetricKey.generate(bitCount: 256)
        let key = try SecureRandom.bytes(count: 32)
        let wrapped = algorithm == "KWP" ? try AESKeyWrapWithPadding.wrap(key, using: kek) : try AESKeyWrap.wrap(key, using: kek)
        for index in wrapped.indices {
            var tampered = wrapped
            tampered[index] ^= 0x01
            let error = thrownCryptoError { try Self.unwrapKey(algorithm, tampered, kek) }
            #expect(error?.code == .authenticationFailure, "byte \(index)")
        }
        let other = try SymmetricKey.generate(bitCount: 256)
        #expect(thrownCryptoError { try Self.unwrapKey(algorithm, wrapped, other) }?.code == .authenticationFailure)
        // A whole block dropped: still a valid length, so the integrity check is what rejects it.
        #expect(thrownCryptoError { try Self.unwrapKey(algorithm, Array(wrapped.dropLast(8)), kek) }?.code == .authenticationFailure)
        #expect(try Self.unwrapKey(algorithm, wrapped, kek) == key)
    }

    private static func unwrapKey(_ algorithm: String, _ wrapped: [UInt8], _ kek: SymmetricKey) throws -> SecureBytes {
        algorithm == "KWP" ? try AESKeyWrapWithPadding.unwrap(wrapped, using: kek) : try AESKeyWrap.unwrap(wrapped, using: kek)
    }

    @Test("bad lengths are invalidInput, bad KEK sizes invalidKeySize")
    func badLengths() throws {
        let kek = try SymmetricKey.generate(bitCount: 128)
        let wrapped = try AESKeyWrap.wrap(SecureBytes(zeroes: 16), using: kek)
        #expect(wrapped.count == 24)
        for bad in [[], Array(wrapped.prefix(16)), Array(wrapped.dropLast()), wrapped + [0]] {
            #expect(thrownCryptoError { try AESKeyWrap.unwrap(bad, using: kek) }?.code == .invalidInput, "\(bad.count) bytes")
        }
        for bad in [[UInt8](), [UInt8](repeating: 1, count: 8), [UInt8](repeating: 1, count: 15), [UInt8](repeating: 1, count: 17)] {
            #expect(thrownCryptoError { try AESKeyWrapWithPadding.unwrap(bad, using: kek) }?.code == .invalidInput, "\(bad.count) bytes")
        }
        for count in [0, 8, 15, 17] {
            #expect(thrownCryptoError { try AESKeyWrap.wrap(SecureBytes(zeroes: count), using: kek) }?.code == .invalidInput, "\(count)")
        }
        #expect(thrownCryptoError { try AESKeyWrapWithPadding.wrap(SecureBytes(zeroes: 0), using: kek) }?.code == .invalidInput)
        let tooLarge = SecureBytes(zeroes: KeyWrapEngine.maxKeyDataByteCount + 8)
        #expect(thrownCryptoError { try AESKeyWrapWithPadding.wrap(tooLarge, using: kek) }?.code == .invalidInput)
        for bits in [64, 136, 320, 512] {
            let badKEK = try SymmetricKey.generate(bitCount: bits)
            #expect(thrownCryptoError { try AESKeyWrap.wrap(SecureBytes(zeroes: 16), using: badKEK) }?.code == .invalidKeySize)
            #expect(thrownCryptoError { try AESKeyWrapWithPadding.unwrap(wrapped, using: badKEK) }?.code == .invalidKeySize)
        }
    }

    @Test("KWP round-trips every length from 1 to 70 bytes; KW every multiple of 8 from 16 to 72")
    func roundTrips() throws {
        let kek = try SymmetricKey.generate(bitCount: 192)
        for count in 1...70 {
            let key = SecureBytes(testBytes(count, seed: "kwp-\(count)"))
            let wrapped = try AESKeyWrapWithPadding.wrap(key, using: kek)
            #expect(wrapped.count == (count + 7) / 8 * 8 + 8)
            #expect(try AESKeyWrapWithPadding.unwrap(wrapped, using: kek) == key)
        }
        for count in stride(from: 16, through: 72, by: 8) {
            let key = SecureBytes(testBytes(count, seed: "kw-\(count)"))
            let wrapped = try AESKeyWrap.wrap(key, using: kek)
            #expect(wrapped.count == count + 8)
            #expect(try AESKeyWrap.unwrap(wrapped, using: kek) == key)
        }
    }
}
