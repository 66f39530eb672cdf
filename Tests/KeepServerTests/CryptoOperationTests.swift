import KMIP
import KeepCrypto
import KeyHierarchy
import Testing
@testable import KeepServer

@Suite("KMIP service: key use, wrapping, export policy")
struct CryptoOperationTests {
    static let globex = TestServer.caller("globex")

    static func wrapping(_ uid: String, _ mode: BlockCipherMode?, encoding: EncodingOption? = nil) -> KeyWrappingSpecification {
        KeyWrappingSpecification(wrappingMethod: .encrypt,
                                 encryptionKeyInformation: KeyInformation(uniqueIdentifier: .text(uid),
                                                                          cryptographicParameters: mode.map { CryptographicParameters(blockCipherMode: $0) }),
                                 encodingOption: encoding)
    }

    @Test func plaintextGetOfAKEKNeedsTheExportPolicy() throws {
        let server = try TestServer()
        let kek = try server.activeKey(as: Self.globex)
        expectFailure(try server.send(.v1_1, GetRequest(uniqueIdentifier: .text(kek)), as: Self.globex), .permissionDenied, "wrapped")
        expectFailure(try server.send(.v2_1, GetRequest(uniqueIdentifier: .text(kek), keyFormatType: .transparentSymmetricKey), as: Self.globex), .permissionDenied)
        // Turning export on lets it out; turning it off again stops it.
        try server.hierarchy.updateDomain(id: "globex") { $0.policy.allowsKeyExport = true }
        let got: GetResponse = try server.ok(.v1_1, GetRequest(uniqueIdentifier: .text(kek)), as: Self.globex)
        #expect(got.object.keyBlock?.keyValue?.keyMaterial?.symmetricKeyBytes == (try server.hierarchy.keyMaterial(of: kek, in: "globex")))
        try server.hierarchy.updateDomain(id: "globex") { $0.policy.allowsKeyExport = false }
        expectFailure(try server.send(.v1_1, GetRequest(uniqueIdentifier: .text(kek)), as: Self.globex), .permissionDenied)
    }

    @Test func wrappedGetUnwrapsToThePlaintextGet() throws {
        let server = try TestServer()
        let wrappingKey = try server.activeKey(usage: [.wrapKey, .unwrapKey])
        let wrappingBytes: GetResponse = try server.ok(.v1_4, GetRequest(uniqueIdentifier: .text(wrappingKey)))
        let kek = SymmetricKey(try #require(wrappingBytes.object.keyBlock?.keyValue?.keyMaterial?.symmetricKeyBytes))
        for bits: Int32 in [128, 192, 256] {
            let target = try server.createKey(bits: bits)
            let plain: GetResponse = try server.ok(.v1_4, GetRequest(uniqueIdentifier: .text(target)))
            let expected = try #require(plain.object.keyBlock?.keyValue?.keyMaterial?.symmetricKeyBytes)
            for (mode, unwrap) in [(BlockCipherMode?.none, AESKeyWrap.unwrap), (.nistKeyWrap, AESKeyWrap.unwrap), (.aesKeyWrapPadding, AESKeyWrapWithPadding.unwrap)] {
                let wrapped: GetResponse = try server.ok(.v1_4, GetRequest(uniqueIdentifier: .text(target), keyWrappingSpecification: Self.wrapping(wrappingKey, mode)))
                let block = try #require(wrapped.object.keyBlock)
                #expect(block.isWrapped && block.keyWrappingData?.encryptionKeyInformation?.uniqueIdentifier == .text(wrappingKey))
                #expect(block.keyWrappingData?.encodingOption == .noEncoding && block.cryptographicLength == bits)
                guard case .byteString(let bytes)? = block.keyValue else { Issue.record("not a wrapped byte string"); continue }
                #expect(bytes != expected)
                #expect(try unwrap(bytes.copyBytes(), kek) == expected)
            }
        }
    }

    /// A client registered with the PyKMIP wire profile gets the wrapped key in the Structure form PyKMIP reads
    /// (Key Material = the wrapped bytes); the same bytes a standard client gets as a Byte String.
    @Test func pykmipProfileGetsTheWrappedKeyAsAStructure() throws {
        let server = try TestServer()
        let wrappingKey = try server.activeKey(usage: [.wrapKey], as: Self.globex)
        let target = try server.activeKey(as: Self.globex)
        var pykmip = Self.globex
        pykmip.wireProfile = .pykmip
        let request = GetRequest(uniqueIdentifier: .text(target), keyWrappingSpecification: Self.wrapping(wrappingKey, .nistKeyWrap))
        let standard: GetResponse = try server.ok(.v1_2, request, as: Self.globex)
        let structured: GetResponse = try server.ok(.v1_2, request, as: pykmip)
        guard case .byteString(let bytes)? = standard.object.keyBlock?.keyValue,
              case .structure(.bytes(let inStructure), let attributes)? = structured.object.keyBlock?.keyValue else {
            Issue.record("wrong Key Value forms"); return
        }
        #expect(attributes == nil && structured.object.keyBlock?.isWrapped == true)
        let kek = SymmetricKey(try server.hierarchy.keyMaterial(of: wrappingKey, in: "globex"))
        #expect(try AESKeyWrap.unwrap(inStructure.copyBytes(), using: kek) == AESKeyWrap.unwrap(bytes.copyBytes(), using: kek))
    }

    @Test func wrappedGetWorksWhereExportIsOffAndChecksTheWrappingKey() throws {
        let server = try TestServer()
        let wrappingKey = try server.activeKey(usage: [.wrapKey], as: Self.globex)
        let target = try server.activeKey(as: Self.globex)
        let wrapped: GetResponse = try server.ok(.v2_1, GetRequest(uniqueIdentifier: .text(target), keyWrappingSpecification: Self.wrapping(wrappingKey, .aesKeyWrapPadding)), as: Self.globex)
        guard case .byteString(let bytes)? = wrapped.object.keyBlock?.keyValue else { Issue.record("not wrapped"); return }
        let kek = SymmetricKey(try server.hierarchy.keyMaterial(of: wrappingKey, in: "globex"))
        #expect(try AESKeyWrapWithPadding.unwrap(bytes.copyBytes(), using: kek) == server.hierarchy.keyMaterial(of: target, in: "globex"))

        func get(_ spec: KeyWrappingSpecification, _ version: ProtocolVersion = .v1_4) throws -> ResponseBatchItem {
            try server.send(version, GetRequest(uniqueIdentifier: .text(target), keyWrappingSpecification: spec), as: Self.globex)
        }
        let preActive = try server.createKey(usage: [.wrapKey], as: Self.globex)
        expectFailure(try get(Self.wrapping(preActive, nil)), .permissionDenied, "PreActive")
        let encryptOnly = try server.activeKey(usage: [.encrypt], as: Self.globex)
        expectFailure(try get(Self.wrapping(encryptOnly, nil)), .permissionDenied, "Usage Mask")
        expectFailure(try get(Self.wrapping(encryptOnly, nil), .v2_1), .incompatibleCryptographicUsageMask)
        expectFailure(try get(Self.wrapping(target, nil)), .invalidField, "itself")
        expectFailure(try get(Self.wrapping(wrappingKey, nil, encoding: .ttlvEncoding)), .encodingOptionError)
        expectFailure(try get(Self.wrapping(wrappingKey, .gcm)), .featureNotSupported)
        expectFailure(try get(Self.wrapping("no-such-key", nil)), .itemNotFound, "no-such-key")
        expectFailure(try get(Self.wrapping("no-such-key", nil), .v2_1), .wrappingObjectNotFound)
    }

    @Test func encryptDecryptRoundTripsWithEveryCipher() throws {
        let server = try TestServer()
        let kek = try server.activeKey(as: Self.globex)
        let plaintext = SecureBytes(Array("a DEK, or any short secret".utf8) + [0, 1, 2, 3, 4, 5])
        for version in [ProtocolVersion.v1_4, .v2_1] {
            // AES-GCM, with additional data; the server picks the IV.
            var encrypt = EncryptRequest(uniqueIdentifier: .text(kek), cryptographicParameters: CryptographicParameters(blockCipherMode: .gcm, cryptographicAlgorithm: .aes), data: plaintext)
            encrypt.authenticatedEncryptionAdditionalData = Array("vm-42".utf8)
            let sealed: EncryptResponse = try server.ok(version, encrypt, as: Self.globex)
            let iv = try #require(sealed.ivCounterNonce)
            let tag = try #require(sealed.authenticatedEncryptionTag)
            #expect(iv.count == 12 && tag.count == 16 && sealed.data?.count == plaintext.count)
            var decrypt = DecryptRequest(uniqueIdentifier: .text(kek), cryptographicParameters: CryptographicParameters(blockCipherMode: .gcm), data: sealed.data, ivCounterNonce: iv)
            decrypt.authenticatedEncryptionTag = tag
            decrypt.authenticatedEncryptionAdditionalData = Array("vm-42".utf8)
            let opened: DecryptResponse = try server.ok(version, decrypt, as: Self.globex)
            #expect(opened.data == plaintext)
            // The ciphertext opens with the key itself (checked outside the server).
            let key = SymmetricKey(try server.hierarchy.keyMaterial(of: kek, in: "globex"))
            #expect(try AESGCM.open(AESGCM.SealedBox(nonce: iv, ciphertext: sealed.data ?? [], tag: tag), using: key, authenticating: Array("vm-42".utf8)) == plaintext)
            // Other additional data, or a flipped bit: Cryptographic Failure, no plaintext.
            decrypt.authenticatedEncryptionAdditionalData = Array("vm-43".utf8)
            expectFailure(try server.send(version, decrypt, as: Self.globex), .cryptographicFailure, "authentication")

            // AES Key Wrap with and without padding: a DEK wrapped under a KEK that stays in the server.
            let dek = SecureBytes((0..<32).map { UInt8(255 - $0) })
            for (mode, unwrap) in [(BlockCipherMode.nistKeyWrap, AESKeyWrap.unwrap), (.aesKeyWrapPadding, AESKeyWrapWithPadding.unwrap)] {
                let wrapped: EncryptResponse = try server.ok(version, EncryptRequest(uniqueIdentifier: .text(kek), cryptographicParameters: CryptographicParameters(blockCipherMode: mode), data: dek), as: Self.globex)
                let bytes = try #require(wrapped.data)
                #expect(bytes.count == 40 && wrapped.ivCounterNonce == nil)
                #expect(try unwrap(bytes, key) == dek)
                let unwrapped: DecryptResponse = try server.ok(version, DecryptRequest(uniqueIdentifier: .text(kek), cryptographicParameters: CryptographicParameters(blockCipherMode: mode), data: bytes), as: Self.globex)
                #expect(unwrapped.data == dek)
                var tampered = bytes
                tampered[5] ^= 1
                expectFailure(try server.send(version, DecryptRequest(uniqueIdentifier: .text(kek), cryptographicParameters: CryptographicParameters(blockCipherMode: mode), data: tampered), as: Self.globex),
                              .cryptographicFailure)
            }
        }
        // A client-chosen IV is used and not echoed.
        let fixedIV = [UInt8](repeating: 7, count: 12)
        let sealed: EncryptResponse = try server.ok(.v1_4, EncryptRequest(uniqueIdentifier: .text(kek), cryptographicParameters: CryptographicParameters(blockCipherMode: .gcm), data: plaintext, ivCounterNonce: fixedIV), as: Self.globex)
        #expect(sealed.ivCounterNonce == nil)
        let key = SymmetricKey(try server.hierarchy.keyMaterial(of: kek, in: "globex"))
        #expect(try AESGCM.open(AESGCM.SealedBox(nonce: fixedIV, ciphertext: sealed.data ?? [], tag: sealed.authenticatedEncryptionTag ?? []), using: key) == plaintext)
    }

    @Test func encryptAndDecryptRefuseWhatTheyMustNotDo() throws {
        let server = try TestServer()
        let kek = try server.activeKey()
        let data = SecureBytes(repeating: 1, count: 32)
        func encrypt(_ uid: String, _ parameters: CryptographicParameters?, _ version: ProtocolVersion = .v1_4) throws -> ResponseBatchItem {
            try server.send(version, EncryptRequest(uniqueIdentifier: .text(uid), cryptographicParameters: parameters, data: data))
        }
        expectFailure(try encrypt(kek, nil), .invalidField, "Block Cipher Mode")
        expectFailure(try encrypt(kek, CryptographicParameters(blockCipherMode: .ctr)), .featureNotSupported, "CTR")
        expectFailure(try encrypt(kek, CryptographicParameters(blockCipherMode: .ctr), .v2_0), .unsupportedCryptographicParameters)
        expectFailure(try encrypt(kek, CryptographicParameters(blockCipherMode: .gcm, paddingMethod: .pkcs5)), .featureNotSupported)
        expectFailure(try encrypt(kek, CryptographicParameters(blockCipherMode: .cbc, paddingMethod: .ansiX9_23)), .featureNotSupported)
        expectFailure(try encrypt(kek, CryptographicParameters(blockCipherMode: .gcm, cryptographicAlgorithm: .des3)), .featureNotSupported)
        expectFailure(try encrypt(kek, CryptographicParameters(blockCipherMode: .gcm), .v1_2), .featureNotSupported, "1.4")
        // A GCM tag no general-purpose use allows: General Failure in 1.x (as CS-BC-M-GCM-1 answers), Bad Cryptographic Parameters in 2.x.
        var shortTag = CryptographicParameters(blockCipherMode: .gcm)
        shortTag.tagLength = 8
        expectFailure(try encrypt(kek, shortTag), .generalFailure, "12 to 16")
        expectFailure(try encrypt(kek, shortTag, .v2_1), .badCryptographicParameters)
        // ECB without padding takes whole blocks.
        expectFailure(try server.send(.v1_4, EncryptRequest(uniqueIdentifier: .text(kek), cryptographicParameters: CryptographicParameters(blockCipherMode: .ecb),
                                                            data: SecureBytes(repeating: 1, count: 17))), .invalidField, "16-byte blocks")
        expectFailure(try encrypt(try server.createKey(), CryptographicParameters(blockCipherMode: .gcm)), .permissionDenied, "PreActive")
        expectFailure(try encrypt(try server.activeKey(usage: [.decrypt]), CryptographicParameters(blockCipherMode: .gcm)), .permissionDenied, "Usage Mask")
        expectFailure(try encrypt("nothing-here", CryptographicParameters(blockCipherMode: .gcm)), .itemNotFound)
        // Wrap Key usage allows the key-wrap modes, not GCM.
        let wrapOnly = try server.activeKey(usage: [.wrapKey, .unwrapKey])
        #expect(try encrypt(wrapOnly, CryptographicParameters(blockCipherMode: .nistKeyWrap)).resultStatus == .success)
        expectFailure(try encrypt(wrapOnly, CryptographicParameters(blockCipherMode: .gcm)), .permissionDenied)
        // Encrypt 1.2+, key wrap in one request only, bounded data, GCM decryption needs IV and tag.
        expectFailure(try encrypt(kek, CryptographicParameters(blockCipherMode: .nistKeyWrap), .v1_1), .operationNotSupported)
        var streaming = EncryptRequest(uniqueIdentifier: .text(kek), cryptographicParameters: CryptographicParameters(blockCipherMode: .nistKeyWrap), data: data)
        streaming.initIndicator = true
        expectFailure(try server.send(.v1_4, streaming), .featureNotSupported, "not streamed")
        expectFailure(try server.send(.v1_4, EncryptRequest(uniqueIdentifier: .text(kek), cryptographicParameters: CryptographicParameters(blockCipherMode: .gcm),
                                                            data: SecureBytes(repeating: 0, count: 64 * 1024 + 1))), .invalidField, "limited")
        // A missing IV: Invalid Message in 1.x (as CS-BC-M-11 answers), Missing Initialization Vector in 2.x.
        expectFailure(try server.send(.v1_4, DecryptRequest(uniqueIdentifier: .text(kek), cryptographicParameters: CryptographicParameters(blockCipherMode: .gcm), data: [1, 2, 3])),
                      .invalidMessage, "IV")
        expectFailure(try server.send(.v2_1, DecryptRequest(uniqueIdentifier: .text(kek), cryptographicParameters: CryptographicParameters(blockCipherMode: .cbc), data: [UInt8](repeating: 0, count: 16))),
                      .missingInitializationVector)
        // RFC 3394 wraps whole 8-byte blocks: a 5-byte value is an invalid field (RFC 5649 takes it).
        expectFailure(try server.send(.v1_4, EncryptRequest(uniqueIdentifier: .text(kek), cryptographicParameters: CryptographicParameters(blockCipherMode: .nistKeyWrap),
                                                            data: SecureBytes(repeating: 3, count: 5))), .invalidField, "multiple of 8")
        // The key's own Cryptographic Parameters attribute applies when the request has none.
        let withDefaults = try server.createKey(extra: [Attribute(.cryptographicParameters, .cryptographicParameters(CryptographicParameters(blockCipherMode: .aesKeyWrapPadding)))])
        let _: ActivateResponse = try server.ok(.v1_4, ActivateRequest(uniqueIdentifier: .text(withDefaults)))
        let wrapped: EncryptResponse = try server.ok(.v1_4, EncryptRequest(uniqueIdentifier: .text(withDefaults), data: SecureBytes(repeating: 3, count: 5)))
        #expect(wrapped.data?.count == 16)
        // A Deactivated key still decrypts what it encrypted, and no longer encrypts.
        let sealed: EncryptResponse = try server.ok(.v1_4, EncryptRequest(uniqueIdentifier: .text(kek), cryptographicParameters: CryptographicParameters(blockCipherMode: .nistKeyWrap), data: data))
        let _: RevokeResponse = try server.ok(.v1_4, RevokeRequest(uniqueIdentifier: .text(kek), revocationReason: RevocationReason(.superseded)))
        let opened: DecryptResponse = try server.ok(.v1_4, DecryptRequest(uniqueIdentifier: .text(kek), cryptographicParameters: CryptographicParameters(blockCipherMode: .nistKeyWrap), data: sealed.data))
        #expect(opened.data == data)
        expectFailure(try encrypt(kek, CryptographicParameters(blockCipherMode: .nistKeyWrap)), .permissionDenied, "Deactivated")
    }

    /// Registers an Active AES key with known bytes (test vectors), with extra template attributes.
    private func knownKey(_ server: TestServer, _ hex: String, extra: [Attribute] = []) throws -> String {
        let bytes = SecureBytes(bytes(hex))
        let block = KeyBlock(keyFormatType: .raw, keyValue: .structure(.bytes(bytes), attributes: nil), cryptographicAlgorithm: .aes,
                             cryptographicLength: Int32(bytes.count * 8))
        let activation = Attribute(.activationDate, .dateTime(DateTime(secondsSinceEpoch: 1_000)))
        let response: RegisterResponse = try server.ok(.v1_4, RegisterRequest(object: .symmetricKey(block), attributes: AttributeSet([activation] + extra)))
        return try #require(response.uniqueIdentifier.text)
    }

    private func bytes(_ hex: String) -> [UInt8] {
        var out: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            out.append(UInt8(hex[index..<next], radix: 16)!)
            index = next
        }
        return out
    }

    /// ECB (FIPS 197 C.1), CBC with PKCS#7 padding and GCM with a truncated tag (NIST GCM test case 2), as the KMIP
    /// 1.4 cryptographic-services profile runs them.
    @Test func blockModesAndGCMMatchKnownVectors() throws {
        let server = try TestServer()
        let ecbKey = try knownKey(server, "000102030405060708090a0b0c0d0e0f")
        let ecb = CryptographicParameters(blockCipherMode: .ecb)
        let encrypted: EncryptResponse = try server.ok(.v1_4, EncryptRequest(uniqueIdentifier: .text(ecbKey), cryptographicParameters: ecb,
                                                                              data: SecureBytes(bytes("00112233445566778899aabbccddeeff"))))
        #expect(encrypted.data == bytes("69c4e0d86a7b0430d8cdb78070b4c55a") && encrypted.ivCounterNonce == nil)
        let decrypted: DecryptResponse = try server.ok(.v1_4, DecryptRequest(uniqueIdentifier: .text(ecbKey), cryptographicParameters: ecb, data: encrypted.data))
        #expect(decrypted.data == SecureBytes(bytes("00112233445566778899aabbccddeeff")))

        // The key's Cryptographic Parameters (CBC, PKCS5) apply; 33 bytes pad to 48.
        let cbcParameters = Attribute(.cryptographicParameters, .cryptographicParameters(CryptographicParameters(blockCipherMode: .cbc, paddingMethod: .pkcs5)))
        let cbcKey = try knownKey(server, "0123456789abcdef0123456789abcdef", extra: [cbcParameters])
        let plaintext = SecureBytes(bytes("010203040506070809101112131415160102030405060708091011121314151601"))
        let iv = bytes("ff020304050607080910111213141516")
        let cbc: EncryptResponse = try server.ok(.v1_4, EncryptRequest(uniqueIdentifier: .text(cbcKey), data: plaintext, ivCounterNonce: iv))
        #expect(cbc.data == bytes("e768203ba72b6e157daaad34b1e791d8e88457dc147942f01bfaff7b28a3cdde2203d4d5a4c7928ba9e9cc78b66a6546"))
        let cbcBack: DecryptResponse = try server.ok(.v1_4, DecryptRequest(uniqueIdentifier: .text(cbcKey), data: cbc.data, ivCounterNonce: iv))
        #expect(cbcBack.data == plaintext)
        // Without an IV the server draws one and returns it.
        let drawn: EncryptResponse = try server.ok(.v1_4, EncryptRequest(uniqueIdentifier: .text(cbcKey), data: plaintext))
        let drawnIV = try #require(drawn.ivCounterNonce)
        #expect(drawnIV.count == 16)
        let drawnBack: DecryptResponse = try server.ok(.v1_4, DecryptRequest(uniqueIdentifier: .text(cbcKey), data: drawn.data, ivCounterNonce: drawnIV))
        #expect(drawnBack.data == plaintext)

        let gcmKey = try knownKey(server, "00000000000000000000000000000000")
        var gcm = CryptographicParameters(blockCipherMode: .gcm)
        let zeros12 = [UInt8](repeating: 0, count: 12)
        let sealed: EncryptResponse = try server.ok(.v1_4, EncryptRequest(uniqueIdentifier: .text(gcmKey), cryptographicParameters: gcm,
                                                                           data: SecureBytes(repeating: 0, count: 16), ivCounterNonce: zeros12))
        #expect(sealed.data == bytes("0388dace60b6a392f328c2b971b2fe78") && sealed.authenticatedEncryptionTag == bytes("ab6e47d42cec13bdf53a67b21257bddf"))
        gcm.tagLength = 12
        var truncated = DecryptRequest(uniqueIdentifier: .text(gcmKey), cryptographicParameters: gcm, data: sealed.data, ivCounterNonce: zeros12)
        truncated.authenticatedEncryptionTag = bytes("ab6e47d42cec13bdf53a67b2")
        let opened: DecryptResponse = try server.ok(.v1_4, truncated)
        #expect(opened.data == SecureBytes(repeating: 0, count: 16))
        truncated.authenticatedEncryptionTag = bytes("006e47d42cec13bdf53a67b2")
        expectFailure(try server.send(.v1_4, truncated), .cryptographicFailure)
    }

    /// A key past its Protect Stop Date no longer encrypts; one before its Process Start Date does not yet decrypt.
    @Test func protectAndProcessDatesBoundKeyUse() throws {
        let server = try TestServer()
        let ecb = CryptographicParameters(blockCipherMode: .ecb)
        let block = SecureBytes(repeating: 5, count: 16)
        let stopped = try knownKey(server, "000102030405060708090a0b0c0d0e0f", extra: [Attribute(.protectStopDate, .dateTime(DateTime(secondsSinceEpoch: 2_000)))])
        expectFailure(try server.send(.v1_4, EncryptRequest(uniqueIdentifier: .text(stopped), cryptographicParameters: ecb, data: block)), .permissionDenied, "Protect Stop Date")
        let _: DecryptResponse = try server.ok(.v1_4, DecryptRequest(uniqueIdentifier: .text(stopped), cryptographicParameters: ecb, data: block.copyBytes()))
        let later = try knownKey(server, "000102030405060708090a0b0c0d0e0f", extra: [Attribute(.processStartDate, .dateTime(DateTime(secondsSinceEpoch: 4_102_444_800)))])
        let _: EncryptResponse = try server.ok(.v1_4, EncryptRequest(uniqueIdentifier: .text(later), cryptographicParameters: ecb, data: block))
        expectFailure(try server.send(.v1_4, DecryptRequest(uniqueIdentifier: .text(later), cryptographicParameters: ecb, data: block.copyBytes())), .permissionDenied, "Process Start Date")
    }

    /// Usage Limits in bytes: each Encrypt takes its data's length from the allowance, and one that would exceed it
    /// is refused (Permission Denied in 1.x, as CS-BC-M-7 answers; Usage Limit Exceeded in 2.x).
    @Test func usageLimitsInBytesAreConsumed() throws {
        let server = try TestServer()
        let limits = Attribute(.usageLimits, .structure([TTLV(.usageLimitsTotal, .longInteger(32)), TTLV(.usageLimitsUnit, .enumeration(UsageLimitsUnit.byte.rawValue))]))
        let uid = try knownKey(server, "000102030405060708090a0b0c0d0e0f", extra: [limits])
        let request = EncryptRequest(uniqueIdentifier: .text(uid), cryptographicParameters: CryptographicParameters(blockCipherMode: .ecb), data: SecureBytes(repeating: 9, count: 16))
        let _: EncryptResponse = try server.ok(.v1_4, request)
        let attributes: GetAttributesResponse = try server.ok(.v1_4, GetAttributesRequest(uniqueIdentifier: .text(uid), attributeNames: [.standard(.usageLimits)]))
        #expect(attributes.attributes.first?.value == .structure([TTLV(.usageLimitsTotal, .longInteger(32)), TTLV(.usageLimitsCount, .longInteger(16)),
                                                                   TTLV(.usageLimitsUnit, .enumeration(UsageLimitsUnit.byte.rawValue))]))
        let _: EncryptResponse = try server.ok(.v1_4, request)
        expectFailure(try server.send(.v1_4, request), .permissionDenied, "Usage Limits")
        expectFailure(try server.send(.v2_1, request), .usageLimitExceeded)
    }

    @Test func rngRetrieveReturnsFreshBytesWithinTheLimit() throws {
        let server = try TestServer()
        let first: RNGRetrieveResponse = try server.ok(.v1_3, RNGRetrieveRequest(dataLength: 32))
        let second: RNGRetrieveResponse = try server.ok(.v2_1, RNGRetrieveRequest(dataLength: 32))
        #expect(first.data.count == 32 && second.data.count == 32 && first.data != second.data)
        let maximum: RNGRetrieveResponse = try server.ok(.v1_4, RNGRetrieveRequest(dataLength: 1_024))
        #expect(maximum.data.count == 1_024)
        expectFailure(try server.send(.v1_4, RNGRetrieveRequest(dataLength: 1_025)), .invalidField, "1024")
        expectFailure(try server.send(.v1_4, RNGRetrieveRequest(dataLength: 0)), .invalidField)
        expectFailure(try server.send(.v1_1, RNGRetrieveRequest(dataLength: 16)), .operationNotSupported)
        let _: RNGRetrieveResponse = try server.ok(.v1_2, RNGRetrieveRequest(dataLength: 16))
        // RNG Seed is refused: the generator is seeded by the operating system.
        expectFailure(try server.send(.v1_2, RNGSeedRequest(data: [1, 2, 3, 4])), .permissionDenied, "operating system")
    }

    @Test func checkVerifiesExistenceStateAndUsage() throws {
        let server = try TestServer()
        let uid = try server.activeKey(usage: [.encrypt, .decrypt])
        let ok: CheckResponse = try server.ok(.v1_4, CheckRequest(uniqueIdentifier: .text(uid), cryptographicUsageMask: CryptographicUsageMask.encrypt.rawValue))
        #expect(ok.uniqueIdentifier == .text(uid) && ok.cryptographicUsageMask == CryptographicUsageMask.encrypt.rawValue)
        expectFailure(try server.send(.v1_4, CheckRequest(uniqueIdentifier: .text(uid), cryptographicUsageMask: CryptographicUsageMask([.encrypt, .sign]).rawValue)),
                      .permissionDenied, "Usage Mask")
        expectFailure(try server.send(.v2_1, CheckRequest(uniqueIdentifier: .text(uid), cryptographicUsageMask: CryptographicUsageMask.wrapKey.rawValue)),
                      .incompatibleCryptographicUsageMask)
        expectFailure(try server.send(.v1_4, CheckRequest(uniqueIdentifier: "gone")), .itemNotFound)
        let _: RevokeResponse = try server.ok(.v1_4, RevokeRequest(uniqueIdentifier: .text(uid), revocationReason: RevocationReason(.unspecified)))
        let _: DestroyResponse = try server.ok(.v1_4, DestroyRequest(uniqueIdentifier: .text(uid)))
        expectFailure(try server.send(.v1_4, CheckRequest(uniqueIdentifier: .text(uid))), .itemNotFound, "destroyed")
    }
}
