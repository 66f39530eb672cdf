import Testing
@testable import KeepCrypto

@Suite("Ed25519")
struct Ed25519Tests {
    /// RFC 8032 §7.1, TEST 1 (empty message) and TEST 2 (one byte).
    static let vectors: [(seed: String, publicKey: String, message: String, signature: String)] = [
        ("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
         "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", "",
         "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"),
        ("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
         "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", "72",
         "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"),
    ]

    @Test("RFC 8032 known answers: public key from seed, signature, verification")
    func knownAnswers() throws {
        for vector in Self.vectors {
            let key = try Ed25519.PrivateKey(seed: SecureBytes(try hex(vector.seed)))
            #expect(key.publicKey.rawRepresentation == (try hex(vector.publicKey)))
            let message = try hex(vector.message)
            #expect(try key.signature(for: message) == (try hex(vector.signature)))
            let publicKey = try Ed25519.PublicKey(rawRepresentation: try hex(vector.publicKey))
            #expect(publicKey.isValidSignature(try hex(vector.signature), for: message))
        }
    }

    @Test("a changed message, signature or key does not verify")
    func forgeriesFail() throws {
        let key = try Ed25519.PrivateKey.generate()
        let message = Array("checkpoint 42".utf8)
        let signature = try key.signature(for: message)
        #expect(key.publicKey.isValidSignature(signature, for: message))
        for index in [0, 31, 63] {
            var bad = signature
            bad[index] ^= 0x01
            #expect(!key.publicKey.isValidSignature(bad, for: message), "signature byte \(index) flipped")
        }
        #expect(!key.publicKey.isValidSignature(signature, for: Array("checkpoint 43".utf8)))
        #expect(!key.publicKey.isValidSignature(Array(signature.prefix(63)), for: message))
        #expect(!(try Ed25519.PrivateKey.generate()).publicKey.isValidSignature(signature, for: message))
    }

    @Test("PEM round trip; a PEM that is not Ed25519 is refused; the private key never prints")
    func pem() throws {
        let key = try Ed25519.PrivateKey(seed: SecureBytes(try hex(Self.vectors[0].seed)))
        let pem = try key.publicKey.pemRepresentation
        #expect(pem.hasPrefix("-----BEGIN PUBLIC KEY-----\n"))
        // RFC 8410 §10.1: SubjectPublicKeyInfo of the RFC 8032 TEST 1 key.
        #expect(pem.contains("MCowBQYDK2VwAyEA11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo="))
        #expect(try Ed25519.PublicKey(pemRepresentation: pem) == key.publicKey)
        // An X25519 key (RFC 8410 §10.1's other example) has the right shape and the wrong algorithm.
        let x25519 = "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VuAyEAhvtN8bXTCRWEtmFRe8FU6eHuDd6ImxXfcbW0Z+UiaEk=\n-----END PUBLIC KEY-----\n"
        #expect(throws: CryptoError.self) { try Ed25519.PublicKey(pemRepresentation: x25519) }
        #expect(throws: CryptoError.self) { try Ed25519.PublicKey(pemRepresentation: "not a key") }
        #expect(!"\(key)".contains(Self.vectors[0].seed) && "\(key)" == "Ed25519.PrivateKey(redacted)")
        #expect(throws: CryptoError.self) { try Ed25519.PrivateKey(seed: SecureBytes(zeroes: 31)) }
    }
}
