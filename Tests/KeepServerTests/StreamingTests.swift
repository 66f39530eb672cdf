import Foundation
import KMIP
import KeepCrypto
import KeyHierarchy
import Testing
@testable import KeepServer

/// Streamed Encrypt and Decrypt (KMIP 1.3+: Init Indicator, Correlation Value, Final Indicator): the same bytes as
/// one request, bound to the client that started them, bounded, expiring, stopped by the key's lifecycle, audited.
@Suite("KMIP service: streamed Encrypt and Decrypt")
struct StreamingTests {
    static let globex = TestServer.caller("globex")

    /// A monotonic clock moved by hand, in nanoseconds.
    final class ManualClock: @unchecked Sendable {
        private let lock = NSLock()
        private var nanoseconds: UInt64 = 1_000_000_000

        var now: UInt64 {
            lock.lock()
            defer { lock.unlock() }
            return nanoseconds
        }

        func advance(seconds: Double) {
            lock.lock()
            nanoseconds += UInt64(seconds * 1_000_000_000)
            lock.unlock()
        }
    }

    // MARK: Helpers

    /// An Encrypt that starts a stream with `data`.
    static func start(_ uid: String?, _ parameters: CryptographicParameters?, _ data: [UInt8]?, iv: [UInt8]? = nil, aad: [UInt8]? = nil) -> EncryptRequest {
        var request = EncryptRequest(uniqueIdentifier: uid.map { .text($0) }, cryptographicParameters: parameters, data: data.map { SecureBytes($0) },
                                     ivCounterNonce: iv)
        request.initIndicator = true
        request.authenticatedEncryptionAdditionalData = aad
        return request
    }

    /// An Encrypt that continues (or, `final`, ends) the stream `value` names.
    static func next(_ value: [UInt8], _ data: [UInt8]?, final: Bool = false) -> EncryptRequest {
        var request = EncryptRequest(data: data.map { SecureBytes($0) })
        request.correlationValue = value
        if final { request.finalIndicator = true }
        return request
    }

    static func startDecrypt(_ uid: String, _ parameters: CryptographicParameters?, _ data: [UInt8]?, iv: [UInt8]? = nil, aad: [UInt8]? = nil,
                             tag: [UInt8]? = nil) -> DecryptRequest {
        var request = DecryptRequest(uniqueIdentifier: .text(uid), cryptographicParameters: parameters, data: data, ivCounterNonce: iv)
        request.initIndicator = true
        request.authenticatedEncryptionAdditionalData = aad
        request.authenticatedEncryptionTag = tag
        return request
    }

    static func nextDecrypt(_ value: [UInt8], _ data: [UInt8]?, final: Bool = false, tag: [UInt8]? = nil) -> DecryptRequest {
        var request = DecryptRequest(data: data)
        request.correlationValue = value
        request.authenticatedEncryptionTag = tag
        if final { request.finalIndicator = true }
        return request
    }

    /// Streams `parts` (at least two) through Encrypt: the responses, first to last.
    static func encrypt(_ server: TestServer, _ uid: String, _ parameters: CryptographicParameters?, _ parts: [[UInt8]], iv: [UInt8]? = nil,
                        aad: [UInt8]? = nil, version: ProtocolVersion = .v1_4) throws -> [EncryptResponse] {
        let first: EncryptResponse = try server.ok(version, start(uid, parameters, parts[0], iv: iv, aad: aad))
        let value = try #require(first.correlationValue)
        var responses = [first]
        for (index, part) in parts.enumerated().dropFirst() {
            responses.append(try server.ok(version, next(value, part, final: index == parts.count - 1)))
        }
        return responses
    }

    static func bytes(_ responses: [EncryptResponse]) -> [UInt8] { responses.flatMap { $0.data ?? [] } }

    /// Splits `bytes` into parts of the given lengths, the last taking the rest.
    static func split(_ bytes: [UInt8], _ lengths: [Int]) -> [[UInt8]] {
        var parts: [[UInt8]] = []
        var offset = 0
        for length in lengths {
            parts.append(Array(bytes[offset..<min(offset + length, bytes.count)]))
            offset = min(offset + length, bytes.count)
        }
        parts.append(Array(bytes[offset...]))
        return parts
    }

    // MARK: Same bytes as one request

    /// ECB and CBC (padded or not) and GCM, split unevenly: the streamed ciphertext (and tag) is the one-shot one;
    /// the Correlation Value is fresh, in every answer but the last; an empty part's answer has no Data.
    @Test func streamedEncryptEqualsOneShot() throws {
        let server = try TestServer()
        let uid = try server.activeKey(bits: 128)
        let message = (0..<77).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        let blocks = Array(message.prefix(64))
        let iv16 = [UInt8](repeating: 0x42, count: 16)
        let cases: [(CryptographicParameters, [UInt8], [UInt8]?)] = [
            (CryptographicParameters(blockCipherMode: .ecb), blocks, nil),
            (CryptographicParameters(blockCipherMode: .ecb, paddingMethod: .pkcs5), message, nil),
            (CryptographicParameters(blockCipherMode: .cbc), blocks, iv16),
            (CryptographicParameters(blockCipherMode: .cbc, paddingMethod: .pkcs5), message, iv16),
            (CryptographicParameters(blockCipherMode: .gcm), message, [UInt8](repeating: 9, count: 12)),
        ]
        var values: Set<[UInt8]> = []
        for (parameters, data, iv) in cases {
            var oneShotRequest = EncryptRequest(uniqueIdentifier: .text(uid), cryptographicParameters: parameters, data: SecureBytes(data), ivCounterNonce: iv)
            oneShotRequest.authenticatedEncryptionAdditionalData = parameters.blockCipherMode == .gcm ? [1, 2, 3] : nil
            let oneShot: EncryptResponse = try server.ok(.v1_4, oneShotRequest)
            let streamed = try Self.encrypt(server, uid, parameters, Self.split(data, [5, 0, 20, 16]), iv: iv,
                                            aad: parameters.blockCipherMode == .gcm ? [1, 2, 3] : nil)
            #expect(Self.bytes(streamed) == oneShot.data, "\(parameters)")
            #expect(streamed.last?.authenticatedEncryptionTag == oneShot.authenticatedEncryptionTag)
            #expect(streamed.dropLast().allSatisfy { $0.correlationValue?.count == 16 && $0.correlationValue == streamed[0].correlationValue })
            #expect(streamed.last?.correlationValue == nil && streamed.allSatisfy { $0.uniqueIdentifier == .text(uid) && $0.data?.isEmpty != true })
            values.insert(try #require(streamed[0].correlationValue))
        }
        #expect(values.count == cases.count)

        // No IV given: the first answer returns the one the server drew, and the bytes are what that IV gives.
        for (mode, count) in [(BlockCipherMode.cbc, 16), (.gcm, 12)] {
            let parameters = CryptographicParameters(blockCipherMode: mode)
            let streamed = try Self.encrypt(server, uid, parameters, Self.split(blocks, [17, 30]))
            let iv = try #require(streamed[0].ivCounterNonce)
            #expect(iv.count == count && streamed.dropFirst().allSatisfy { $0.ivCounterNonce == nil })
            let oneShot: EncryptResponse = try server.ok(.v1_4, EncryptRequest(uniqueIdentifier: .text(uid), cryptographicParameters: parameters,
                                                                                data: SecureBytes(blocks), ivCounterNonce: iv))
            #expect(Self.bytes(streamed) == oneShot.data && streamed.last?.authenticatedEncryptionTag == oneShot.authenticatedEncryptionTag)
        }
        #expect(server.service.streams.count() == 0)
    }

    /// ECB, CBC and GCM ciphertexts decrypted in parts give the plaintext back; GCM's answers carry none before the last.
    @Test func streamedDecryptRoundTrips() throws {
        let server = try TestServer()
        let uid = try server.activeKey()
        let message = (0..<100).map { UInt8(255 - $0) }
        for parameters in [CryptographicParameters(blockCipherMode: .ecb, paddingMethod: .pkcs5), CryptographicParameters(blockCipherMode: .cbc, paddingMethod: .pkcs5),
                           CryptographicParameters(blockCipherMode: .gcm)] {
            let gcm = parameters.blockCipherMode == .gcm
            var request = EncryptRequest(uniqueIdentifier: .text(uid), cryptographicParameters: parameters, data: SecureBytes(message))
            request.authenticatedEncryptionAdditionalData = gcm ? Array("vm-7".utf8) : nil
            let sealed: EncryptResponse = try server.ok(.v1_4, request)
            let ciphertext = try #require(sealed.data)
            let parts = Self.split(ciphertext, [1, 40, 0])
            let first: DecryptResponse = try server.ok(.v1_4, Self.startDecrypt(uid, parameters, parts[0], iv: sealed.ivCounterNonce,
                                                                                 aad: gcm ? Array("vm-7".utf8) : nil))
            let value = try #require(first.correlationValue)
            var plaintext = first.data ?? SecureBytes(zeroes: 0)
            var middle: [DecryptResponse] = []
            for part in parts.dropFirst().dropLast() {
                middle.append(try server.ok(.v1_4, Self.nextDecrypt(value, part)))
            }
            for answer in middle { plaintext.append(answer.data ?? SecureBytes(zeroes: 0)) }
            let last: DecryptResponse = try server.ok(.v1_4, Self.nextDecrypt(value, parts.last, final: true, tag: sealed.authenticatedEncryptionTag))
            plaintext.append(last.data ?? SecureBytes(zeroes: 0))
            #expect(plaintext == SecureBytes(message), "\(parameters)")
            #expect(last.correlationValue == nil && middle.allSatisfy { $0.correlationValue == value })
            if gcm {
                #expect(first.data == nil && middle.allSatisfy { $0.data == nil } && last.data == SecureBytes(message))
            } else {
                #expect(first.data == nil && middle.first?.data?.isEmpty == false)   // a 1-byte part completes no block
            }
        }
        // The tag may come with the first part instead (KMIP 1.4 §4.30).
        let gcm = CryptographicParameters(blockCipherMode: .gcm)
        let sealed: EncryptResponse = try server.ok(.v1_4, EncryptRequest(uniqueIdentifier: .text(uid), cryptographicParameters: gcm, data: SecureBytes(message)))
        let first: DecryptResponse = try server.ok(.v1_4, Self.startDecrypt(uid, gcm, Array(sealed.data!.prefix(50)), iv: sealed.ivCounterNonce,
                                                                             tag: sealed.authenticatedEncryptionTag))
        let last: DecryptResponse = try server.ok(.v1_4, Self.nextDecrypt(first.correlationValue!, Array(sealed.data!.dropFirst(50)), final: true))
        #expect(last.data == SecureBytes(message))
    }

    /// A wrong tag at the end: Cryptographic Failure, no payload, and no plaintext in any earlier answer; the stream is gone.
    @Test func gcmWrongTagAtFinalFailsWithNoPlaintext() throws {
        let server = try TestServer()
        let uid = try server.activeKey()
        let gcm = CryptographicParameters(blockCipherMode: .gcm)
        let message = Array("the DEK of vm-42, thirty-two b..".utf8)
        let sealed: EncryptResponse = try server.ok(.v1_4, EncryptRequest(uniqueIdentifier: .text(uid), cryptographicParameters: gcm, data: SecureBytes(message)))
        let ciphertext = try #require(sealed.data)
        var wrong = try #require(sealed.authenticatedEncryptionTag)
        wrong[15] ^= 0x80
        for version in [ProtocolVersion.v1_4, .v2_1] {
            let first: DecryptResponse = try server.ok(version, Self.startDecrypt(uid, gcm, Array(ciphertext.prefix(20)), iv: sealed.ivCounterNonce))
            let value = try #require(first.correlationValue)
            #expect(first.data == nil)
            let failed = try server.send(version, Self.nextDecrypt(value, Array(ciphertext.dropFirst(20)), final: true, tag: wrong))
            expectFailure(failed, .cryptographicFailure, "authentication")
            #expect(!leaks(failed.resultMessage ?? "", [message]))
            // Gone: the right tag cannot have it now.
            expectFailure(try server.send(version, Self.nextDecrypt(value, [], final: true, tag: sealed.authenticatedEncryptionTag)),
                          version == .v1_4 ? .itemNotFound : .invalidCorrelationValue)
        }
        // A tag between the first part and the last, or none at the end, ends the stream too.
        let first: DecryptResponse = try server.ok(.v1_4, Self.startDecrypt(uid, gcm, Array(ciphertext.prefix(20)), iv: sealed.ivCounterNonce))
        expectFailure(try server.send(.v1_4, Self.nextDecrypt(first.correlationValue!, [1], tag: sealed.authenticatedEncryptionTag)), .invalidField, "first part or its last")
        let again: DecryptResponse = try server.ok(.v1_4, Self.startDecrypt(uid, gcm, Array(ciphertext.prefix(20)), iv: sealed.ivCounterNonce))
        expectFailure(try server.send(.v1_4, Self.nextDecrypt(again.correlationValue!, Array(ciphertext.dropFirst(20)), final: true)), .invalidField, "Tag")
        #expect(server.service.streams.count() == 0)
    }

    // MARK: Bound to who started it

    /// Another domain's client, or another client of the same domain, sending a stream's Correlation Value is
    /// answered exactly as for a value that never existed; the stream goes on for its owner.
    @Test func anotherDomainsCorrelationValueIsNotFound() throws {
        let server = try TestServer()
        let uid = try server.activeKey()
        let ecb = CryptographicParameters(blockCipherMode: .ecb)
        let first: EncryptResponse = try server.ok(.v1_4, Self.start(uid, ecb, [UInt8](repeating: 1, count: 16)))
        let value = try #require(first.correlationValue)
        let sibling = CallerIdentity(domainID: "acme", role: .hypervisor, clientName: "acme-second", fingerprint: String(repeating: "c", count: 64),
                                     subject: "CN=acme-second")
        for version in [ProtocolVersion.v1_4, .v2_1] {
            let unknown = try server.send(version, Self.next(try SecureRandom.publicBytes(count: 16), [1]))
            expectFailure(unknown, version == .v1_4 ? .itemNotFound : .invalidCorrelationValue)
            for caller in [Self.globex, sibling] {
                var request = Self.next(value, [UInt8](repeating: 2, count: 16), final: true)
                request.uniqueIdentifier = .text(uid)
                let foreign = try server.send(version, request, as: caller)
                expectFailure(foreign, unknown.resultReason!)
                #expect(foreign.resultMessage == unknown.resultMessage)
            }
            // A Decrypt does not continue an Encrypt stream either.
            var decrypt = Self.nextDecrypt(value, [UInt8](repeating: 2, count: 16))
            decrypt.uniqueIdentifier = .text(uid)
            expectFailure(try server.send(version, decrypt), unknown.resultReason!)
        }
        let last: EncryptResponse = try server.ok(.v1_4, Self.next(value, [UInt8](repeating: 2, count: 16), final: true))
        let oneShot: EncryptResponse = try server.ok(.v1_4, EncryptRequest(uniqueIdentifier: .text(uid), cryptographicParameters: ecb,
                                                                            data: SecureBytes([UInt8](repeating: 1, count: 16) + [UInt8](repeating: 2, count: 16))))
        #expect((first.data ?? []) + (last.data ?? []) == oneShot.data)
    }

    // MARK: Bounded

    /// A stream not continued within the idle timeout is dropped: its value is then unknown, and it no longer counts.
    @Test func idleStreamsExpire() throws {
        let clock = ManualClock()
        var configuration = ServiceConfiguration()
        configuration.cipherStreamIdleTimeout = 30
        let server = try TestServer(configuration: configuration, streamClock: { clock.now })
        let uid = try server.activeKey()
        let ecb = CryptographicParameters(blockCipherMode: .ecb)
        let kept: EncryptResponse = try server.ok(.v1_4, Self.start(uid, ecb, [1, 2, 3]))
        let dropped: EncryptResponse = try server.ok(.v1_4, Self.start(uid, ecb, [4, 5, 6]))
        clock.advance(seconds: 20)
        let _: EncryptResponse = try server.ok(.v1_4, Self.next(kept.correlationValue!, [7]))   // continued in time: its wait starts again
        clock.advance(seconds: 20)
        expectFailure(try server.send(.v1_4, Self.next(dropped.correlationValue!, [8])), .itemNotFound)
        #expect(server.service.streams.count(in: "acme") == 1)
        let _: EncryptResponse = try server.ok(.v1_4, Self.next(kept.correlationValue!, [UInt8](repeating: 0, count: 12), final: true))
        #expect(server.service.streams.count() == 0)
    }

    /// With no request at all, the sweep drops an idle stream (and with it its key schedule) on its own.
    @Test func idleStreamsAreSweptWithoutARequest() throws {
        var configuration = ServiceConfiguration()
        configuration.cipherStreamIdleTimeout = 0.05
        let server = try TestServer(configuration: configuration)
        let uid = try server.activeKey()
        let _: EncryptResponse = try server.ok(.v1_4, Self.start(uid, CryptographicParameters(blockCipherMode: .ecb), [1]))
        #expect(server.service.streams.count() == 1)
        let deadline = Date().addingTimeInterval(5)
        while server.service.streams.count() > 0 && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        #expect(server.service.streams.count() == 0)
    }

    /// A domain opens at most its share of streams, and the server at most its total; finishing one frees a place.
    @Test func streamLimitsPerDomainAndOverall() throws {
        var configuration = ServiceConfiguration()
        configuration.maxCipherStreamsPerDomain = 2
        configuration.maxCipherStreams = 3
        let server = try TestServer(configuration: configuration)
        let acmeKey = try server.activeKey()
        let globexKey = try server.activeKey(as: Self.globex)
        let ecb = CryptographicParameters(blockCipherMode: .ecb)
        let first: EncryptResponse = try server.ok(.v1_4, Self.start(acmeKey, ecb, [1]))
        let _: EncryptResponse = try server.ok(.v1_4, Self.start(acmeKey, ecb, [2]))
        expectFailure(try server.send(.v1_4, Self.start(acmeKey, ecb, [3])), .invalidMessage, "this domain has 2 streams open")
        expectFailure(try server.send(.v2_1, Self.start(acmeKey, ecb, [3])), .serverLimitExceeded)
        let _: EncryptResponse = try server.ok(.v1_4, Self.start(globexKey, ecb, [4]), as: Self.globex)
        expectFailure(try server.send(.v2_1, Self.start(globexKey, ecb, [5]), as: Self.globex), .serverLimitExceeded, "the server has 3 streams open")
        // One-shot requests are not limited by streams.
        let _: EncryptResponse = try server.ok(.v1_4, EncryptRequest(uniqueIdentifier: .text(acmeKey), cryptographicParameters: ecb, data: SecureBytes(repeating: 0, count: 16)))
        let _: EncryptResponse = try server.ok(.v1_4, Self.next(first.correlationValue!, [UInt8](repeating: 0, count: 15), final: true))
        #expect(server.service.streams.count(in: "acme") == 1)
        let _: EncryptResponse = try server.ok(.v1_4, Self.start(acmeKey, ecb, [6]))
    }

    /// What a streamed AES-GCM decryption holds until its tag verifies is bounded by the data limit, over all its
    /// parts; an encryption, which holds nothing, is bounded per part.
    @Test func gcmDecryptionBufferIsBoundedByTheDataLimit() throws {
        var configuration = ServiceConfiguration()
        configuration.maxCryptoDataByteCount = 64
        let server = try TestServer(configuration: configuration)
        let uid = try server.activeKey()
        let gcm = CryptographicParameters(blockCipherMode: .gcm)
        let encrypted = try Self.encrypt(server, uid, gcm, [[UInt8](repeating: 1, count: 60), [UInt8](repeating: 2, count: 60)])
        let ciphertext = Self.bytes(encrypted)
        #expect(ciphertext.count == 120)
        let first: DecryptResponse = try server.ok(.v1_4, Self.startDecrypt(uid, gcm, Array(ciphertext.prefix(60)), iv: encrypted[0].ivCounterNonce))
        expectFailure(try server.send(.v1_4, Self.nextDecrypt(first.correlationValue!, Array(ciphertext.dropFirst(60)), final: true,
                                                              tag: encrypted.last?.authenticatedEncryptionTag)), .invalidField, "64 bytes in all")
        expectFailure(try server.send(.v1_4, Self.start(uid, gcm, [UInt8](repeating: 1, count: 65))), .invalidField, "limited to 64")
    }

    /// A stream is lent to one request at a time: a part that arrives while another runs is refused (its order would
    /// be a race) and leaves the stream to the part that holds it.
    @Test func aStreamRunsOnePartAtATime() throws {
        let streams = CipherStreams(limits: CipherStreams.Limits(ServiceConfiguration()))
        let owner = CipherStreams.Owner(domainID: "acme", client: String(repeating: "a", count: 64))
        let stream = try CipherStream(operation: .encrypt, keyID: "k", cipher: .block(.ecb, padding: false),
                                      engine: .encrypting(AESStreamEncryptor(.ecb(padding: false), key: SymmetricKey.generate(bitCount: 128))))
        let (value, _) = try streams.open(stream, owner: owner) { _ in }
        try streams.resume(value, owner: owner, operation: .encrypt) { held in
            #expect(held === stream)
            #expect { try streams.resume(value, owner: owner, operation: .encrypt) { _ in ((), false) } } throws: {
                ($0 as? ServiceError)?.code == .invalidMessage
            }
            return ((), false)
        }
        #expect(streams.count() == 1)
        try streams.resume(value, owner: owner, operation: .encrypt) { _ in ((), true) }
        #expect(streams.count() == 0)
    }

    // MARK: The key at every part

    /// Every part checks the key again: revoking stops an Encrypt stream (a Decrypt one goes on, as a revoked key
    /// still decrypts), destroying stops a Decrypt stream; the stream is then gone.
    @Test func revokedOrDestroyedKeyStopsTheStream() throws {
        let server = try TestServer()
        let uid = try server.activeKey()
        let ecb = CryptographicParameters(blockCipherMode: .ecb)
        let block = [UInt8](repeating: 3, count: 16)
        let sealed: EncryptResponse = try server.ok(.v1_4, EncryptRequest(uniqueIdentifier: .text(uid), cryptographicParameters: ecb, data: SecureBytes(block + block)))
        let encrypting: EncryptResponse = try server.ok(.v1_4, Self.start(uid, ecb, block))
        let decrypting: DecryptResponse = try server.ok(.v1_4, Self.startDecrypt(uid, ecb, Array(sealed.data!.prefix(16))))
        let _: RevokeResponse = try server.ok(.v1_4, RevokeRequest(uniqueIdentifier: .text(uid), revocationReason: RevocationReason(.unspecified)))
        expectFailure(try server.send(.v1_4, Self.next(encrypting.correlationValue!, block)), .permissionDenied, "Deactivated")
        expectFailure(try server.send(.v1_4, Self.next(encrypting.correlationValue!, block)), .itemNotFound)
        let _: DecryptResponse = try server.ok(.v1_4, Self.nextDecrypt(decrypting.correlationValue!, Array(sealed.data!.dropFirst(16))))
        let _: DestroyResponse = try server.ok(.v1_4, DestroyRequest(uniqueIdentifier: .text(uid)))
        expectFailure(try server.send(.v1_4, Self.nextDecrypt(decrypting.correlationValue!, [], final: true)), .permissionDenied, "Destroyed")
        #expect(server.service.streams.count() == 0)

        // In 2.x the reason is the precise one.
        let other = try server.activeKey()
        let started: EncryptResponse = try server.ok(.v2_1, Self.start(other, ecb, block))
        let _: RevokeResponse = try server.ok(.v2_1, RevokeRequest(uniqueIdentifier: .text(other), revocationReason: RevocationReason(.unspecified)))
        expectFailure(try server.send(.v2_1, Self.next(started.correlationValue!, block, final: true)), .wrongKeyLifecycleState)
    }

    // MARK: What a stream request may say

    @Test func malformedStreamRequestsAreRefused() throws {
        let server = try TestServer()
        let uid = try server.activeKey()
        let ecb = CryptographicParameters(blockCipherMode: .ecb)
        // Init with a Correlation Value; Init false without one; streaming before 1.3; key wrap streamed.
        var both = Self.start(uid, ecb, [1])
        both.correlationValue = [1, 2, 3]
        expectFailure(try server.send(.v1_4, both), .invalidField, "one or the other")
        var notInit = EncryptRequest(uniqueIdentifier: .text(uid), cryptographicParameters: ecb, data: SecureBytes([1]))
        notInit.initIndicator = false
        expectFailure(try server.send(.v1_4, notInit), .invalidField, "Correlation Value")
        expectFailure(try server.send(.v1_2, Self.start(uid, ecb, [1])), .featureNotSupported, "1.3")
        expectFailure(try server.send(.v1_4, Self.start(uid, CryptographicParameters(blockCipherMode: .aesKeyWrapPadding), [1])), .featureNotSupported, "not streamed")
        expectFailure(try server.send(.v1_4, Self.startDecrypt(uid, CryptographicParameters(blockCipherMode: .nistKeyWrap), [UInt8](repeating: 0, count: 24))),
                      .featureNotSupported, "not streamed")
        // The first part's checks are one-shot's: a missing IV, an ECB IV, a key that may not encrypt.
        expectFailure(try server.send(.v1_4, Self.startDecrypt(uid, CryptographicParameters(blockCipherMode: .cbc), [1])), .invalidMessage, "IV")
        expectFailure(try server.send(.v1_4, Self.start(uid, ecb, [1], iv: [UInt8](repeating: 0, count: 16))), .invalidField, "no IV")
        expectFailure(try server.send(.v1_4, Self.start(try server.activeKey(usage: [.decrypt]), ecb, [1])), .permissionDenied, "Usage Mask")
        expectFailure(try server.send(.v1_4, Self.start("no-such-key", ecb, [1])), .itemNotFound)

        // A later part names the stream's key or none, its parameters or none, no IV and no additional data; a
        // refused part ends the stream.
        let other = try server.activeKey()
        let mistakes: [(inout EncryptRequest) -> Void] = [
            { $0.uniqueIdentifier = .text(other) },
            { $0.cryptographicParameters = CryptographicParameters(blockCipherMode: .cbc) },
            { $0.ivCounterNonce = [UInt8](repeating: 0, count: 16) },
            { $0.authenticatedEncryptionAdditionalData = [1] },
        ]
        for bad in mistakes {
            let first: EncryptResponse = try server.ok(.v1_4, Self.start(uid, ecb, [1]))
            var request = Self.next(first.correlationValue!, [2])
            bad(&request)
            expectFailure(try server.send(.v1_4, request), .invalidField)
            expectFailure(try server.send(.v1_4, Self.next(first.correlationValue!, [2])), .itemNotFound)
        }
        // The same key and parameters may be repeated (as CS-BC-M-GCM-3 and TC-STREAM-ENC-1 do); without padding the
        // whole stream is whole blocks.
        let first: EncryptResponse = try server.ok(.v1_4, Self.start(uid, ecb, [1]))
        var repeated = Self.next(first.correlationValue!, [2], final: true)
        repeated.uniqueIdentifier = .text(uid)
        repeated.cryptographicParameters = ecb
        expectFailure(try server.send(.v1_4, repeated), .invalidField, "16-byte blocks")
        // Init and Final together are one request: no Correlation Value.
        var oneShot = Self.start(uid, ecb, [UInt8](repeating: 1, count: 16))
        oneShot.finalIndicator = true
        let whole: EncryptResponse = try server.ok(.v1_4, oneShot)
        #expect(whole.correlationValue == nil && whole.data?.count == 16)
        #expect(server.service.streams.count() == 0)
    }

    /// Usage Limits in bytes count every part, as one request counts its data.
    @Test func usageLimitsCountEveryPart() throws {
        let server = try TestServer()
        let limits = Attribute(.usageLimits, .structure([TTLV(.usageLimitsTotal, .longInteger(40)), TTLV(.usageLimitsUnit, .enumeration(UsageLimitsUnit.byte.rawValue))]))
        let block = KeyBlock(keyFormatType: .raw, keyValue: .structure(.bytes(SecureBytes(repeating: 7, count: 16)), attributes: nil),
                             cryptographicAlgorithm: .aes, cryptographicLength: 128)
        let activation = Attribute(.activationDate, .dateTime(DateTime(secondsSinceEpoch: 1_000)))
        let registered: RegisterResponse = try server.ok(.v1_4, RegisterRequest(object: .symmetricKey(block), attributes: AttributeSet([activation, limits])))
        let uid = try #require(registered.uniqueIdentifier.text)
        let ecb = CryptographicParameters(blockCipherMode: .ecb)
        let first: EncryptResponse = try server.ok(.v1_4, Self.start(uid, ecb, [UInt8](repeating: 0, count: 16)))
        let _: EncryptResponse = try server.ok(.v1_4, Self.next(first.correlationValue!, [UInt8](repeating: 0, count: 16)))
        expectFailure(try server.send(.v1_4, Self.next(first.correlationValue!, [UInt8](repeating: 0, count: 16), final: true)), .permissionDenied, "Usage Limits")
    }

    // MARK: Audited

    /// Every step is an audit event like a one-shot Encrypt's: the key and the stream's label (the same for every
    /// step, never the Correlation Value), the outcome; no key, plaintext or value in any event.
    @Test func everyStepIsAudited() throws {
        let server = try TestServer()
        let uid = try server.activeKey()
        let gcm = CryptographicParameters(blockCipherMode: .gcm)
        let plaintext = Array("a secret worth streaming, 40 bytes long..".utf8)
        server.audit.reset()
        let responses = try Self.encrypt(server, uid, gcm, Self.split(plaintext, [10, 10]))
        let value = try #require(responses[0].correlationValue)
        expectFailure(try server.send(.v1_4, Self.next(value, [1])), .itemNotFound)
        let events = server.audit.events
        #expect(events.count == 4 && events.allSatisfy { $0.operation == .encrypt })
        #expect(events.prefix(3).allSatisfy { $0.resultStatus == .success } && events[3].resultStatus == .operationFailed)
        let labels = Set(events.prefix(3).map { $0.objectIDs.first { $0.hasPrefix("stream:") } })
        #expect(labels.count == 1 && labels.first??.count == 23)
        #expect(events.prefix(3).allSatisfy { $0.objectIDs.first == uid })
        let key = try server.hierarchy.keyMaterial(of: uid, in: "acme").copyBytes()
        for event in events {
            #expect(!leaks("\(event)", [key, plaintext, value]))
        }
    }
}
