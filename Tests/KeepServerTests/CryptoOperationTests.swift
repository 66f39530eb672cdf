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
        expectFailure(try encrypt(kek, CryptographicParameters(blockCipherMode: .cbc)), .featureNotSupported, "CBC")
        expectFailure(try encrypt(kek, CryptographicParameters(blockCipherMode: .cbc), .v2_0), .unsupportedCryptographicParameters)
        expectFailure(try encrypt(kek, CryptographicParameters(blockCipherMode: .gcm, paddingMethod: .pkcs5)), .featureNotSupported)
        expectFailure(try encrypt(kek, CryptographicParameters(blockCipherMode: .gcm, cryptographicAlgorithm: .des3)), .featureNotSupported)
        expectFailure(try encrypt(kek, CryptographicParameters(blockCipherMode: .gcm), .v1_2), .featureNotSupported, "1.4")
        expectFailure(try encrypt(try server.activeKey(bits: 128), CryptographicParameters(blockCipherMode: .gcm)), .featureNotSupported, "256-bit")
        expectFailure(try encrypt(try server.createKey(), CryptographicParameters(blockCipherMode: .gcm)), .permissionDenied, "PreActive")
        expectFailure(try encrypt(try server.activeKey(usage: [.decrypt]), CryptographicParameters(blockCipherMode: .gcm)), .permissionDenied, "Usage Mask")
        expectFailure(try encrypt("nothing-here", CryptographicParameters(blockCipherMode: .gcm)), .itemNotFound)
        // Wrap Key usage allows the key-wrap modes, not GCM.
        let wrapOnly = try server.activeKey(usage: [.wrapKey, .unwrapKey])
        #expect(try encrypt(wrapOnly, CryptographicParameters(blockCipherMode: .nistKeyWrap)).resultStatus == .success)
        expectFailure(try encrypt(wrapOnly, CryptographicParameters(blockCipherMode: .gcm)), .permissionDenied)
        // Encrypt 1.2+, no streaming, bounded data, GCM decryption needs IV and tag.
        expectFailure(try encrypt(kek, CryptographicParameters(blockCipherMode: .nistKeyWrap), .v1_1), .operationNotSupported)
        var streaming = EncryptRequest(uniqueIdentifier: .text(kek), cryptographicParameters: CryptographicParameters(blockCipherMode: .gcm), data: data)
        streaming.initIndicator = true
        expectFailure(try server.send(.v1_4, streaming), .featureNotSupported, "streaming")
        expectFailure(try server.send(.v1_4, EncryptRequest(uniqueIdentifier: .text(kek), cryptographicParameters: CryptographicParameters(blockCipherMode: .gcm),
                                                            data: SecureBytes(repeating: 0, count: 64 * 1024 + 1))), .invalidField, "limited")
        expectFailure(try server.send(.v1_4, DecryptRequest(uniqueIdentifier: .text(kek), cryptographicParameters: CryptographicParameters(blockCipherMode: .gcm), data: [1, 2, 3])),
                      .invalidField, "IV")
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

    @Test func rngRetrieveReturnsFreshBytesWithinTheLimit() throws {
        let server = try TestServer()
        let first: RNGRetrieveResponse = try server.ok(.v1_3, RNGRetrieveRequest(dataLength: 32))
        let second: RNGRetrieveResponse = try server.ok(.v2_1, RNGRetrieveRequest(dataLength: 32))
        #expect(first.data.count == 32 && second.data.count == 32 && first.data != second.data)
        let maximum: RNGRetrieveResponse = try server.ok(.v1_4, RNGRetrieveRequest(dataLength: 1_024))
        #expect(maximum.data.count == 1_024)
        expectFailure(try server.send(.v1_4, RNGRetrieveRequest(dataLength: 1_025)), .invalidField, "1024")
        expectFailure(try server.send(.v1_4, RNGRetrieveRequest(dataLength: 0)), .invalidField)
        expectFailure(try server.send(.v1_2, RNGRetrieveRequest(dataLength: 16)), .operationNotSupported)
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
        expectFailure(try server.send(.v1_4, CheckRequest(uniqueIdentifier: .text(uid))), .permissionDenied, "destroyed")
    }
}
