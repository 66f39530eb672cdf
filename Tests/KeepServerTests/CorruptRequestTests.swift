import KMIP
import KeepCrypto
import Testing
@testable import KeepServer

/// The request shapes added for streamed Encrypt/Decrypt, keys registered wrapped or without their value, and fresh
/// key groups, cut short at every byte and corrupted at random (seeded, so a failure repeats): every message gets a
/// decodable answer whose failed items carry a reason, and the server serves correctly afterwards.
@Suite("KMIP service: corrupted requests of the newer operations")
struct CorruptRequestTests {
    /// Every truncation and `corruptions` seeded corruptions of `valid`: each answered, never a crash.
    static func expectAnswered(_ valid: [UInt8], on server: TestServer, seed: UInt64, corruptions: Int = 300,
                               sourceLocation: SourceLocation = #_sourceLocation) throws {
        let caller = TestServer.caller()
        for length in 0..<valid.count {
            let response = try decodeResponse(server.service.handle(Array(valid.prefix(length)), caller: caller))
            #expect(response.batchItems.allSatisfy { $0.resultStatus != .success }, "a truncation to \(length) bytes succeeded",
                    sourceLocation: sourceLocation)
        }
        var random = seed
        for _ in 0..<corruptions {
            random = random &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            var corrupt = valid
            for flip in 0..<(Int(random >> 60) + 1) {
                let position = Int((random >> UInt64(8 + flip * 7)) % UInt64(corrupt.count))
                corrupt[position] ^= UInt8(truncatingIfNeeded: random >> UInt64(flip * 3)) | 1
            }
            let response = try decodeResponse(server.service.handle(corrupt, caller: caller))
            #expect(!response.batchItems.isEmpty, sourceLocation: sourceLocation)
            #expect(response.batchItems.allSatisfy { $0.resultStatus == .success || $0.resultReason != nil }, sourceLocation: sourceLocation)
        }
    }

    @Test func corruptedStreamPartsAreAnsweredAndAGoodStreamStillFinishes() throws {
        let server = try TestServer()
        let uid = try server.activeKey(bits: 256)
        let gcm = CryptographicParameters(blockCipherMode: .gcm)
        var start = EncryptRequest(uniqueIdentifier: .text(uid), cryptographicParameters: gcm, data: SecureBytes([UInt8](repeating: 7, count: 40)),
                                   ivCounterNonce: [UInt8](repeating: 1, count: 12))
        start.initIndicator = true
        start.authenticatedEncryptionAdditionalData = [9, 9]
        try Self.expectAnswered(RequestMessage(version: .v1_4, [RequestBatchItem(start)]).encoded(), on: server, seed: 0x57AE_A11)

        // A later part naming a live stream, corrupted: each corruption that reaches the stream may end it, so each
        // starts from a stream of its own.
        let opened: EncryptResponse = try server.ok(.v1_4, start)
        var part = EncryptRequest(uniqueIdentifier: .text(uid), data: SecureBytes([UInt8](repeating: 8, count: 24)))
        part.correlationValue = try #require(opened.correlationValue)
        part.finalIndicator = true
        try Self.expectAnswered(RequestMessage(version: .v1_4, [RequestBatchItem(part)]).encoded(), on: server, seed: 0xC0_22E1, corruptions: 100)

        // The server is unharmed: a fresh stream runs to its tag, and the streams left open stay within the limits.
        let fresh: EncryptResponse = try server.ok(.v1_4, start)
        part.correlationValue = fresh.correlationValue
        let finished: EncryptResponse = try server.ok(.v1_4, part)
        #expect(finished.authenticatedEncryptionTag?.count == 16)
        #expect(server.service.streams.count() <= server.service.configuration.maxCipherStreamsPerDomain)
    }

    @Test func corruptedWrappedAndValuelessRegistrationsAreAnswered() throws {
        let server = try TestServer()
        let kek = try ObjectOperationTests.registerKey(server, ObjectOperationTests.kek, usage: [.wrapKey, .unwrapKey])
        let wrapped = RegisterRequest(object: .symmetricKey(ObjectOperationTests.wrappedBlock(under: kek)),
                                      attributes: AttributeSet([Attribute(.cryptographicUsageMask, .integer(CryptographicUsageMask([.encrypt, .decrypt]).rawValue))]))
        try Self.expectAnswered(RequestMessage(version: .v1_4, [RequestBatchItem(wrapped)]).encoded(), on: server, seed: 0x3E6_1573)

        let valueless = RegisterRequest(object: .symmetricKey(KeyBlock(keyFormatType: .raw, keyValue: nil, cryptographicAlgorithm: .aes,
                                                                       cryptographicLength: 256)),
                                        attributes: AttributeSet(aes(256) + [ObjectOperationTests.location]))
        try Self.expectAnswered(RequestMessage(version: .v1_4, [RequestBatchItem(valueless)]).encoded(), on: server, seed: 0x7A1_0E55)

        // Get As Registered of what did register, corrupted.
        let uid = try ObjectOperationTests.registerWrapped(server, ObjectOperationTests.wrappedBlock(under: kek))
        let asRegistered = GetRequest(uniqueIdentifier: .text(uid), keyFormatType: .raw, keyWrapType: .asRegistered)
        try Self.expectAnswered(RequestMessage(version: .v1_4, [RequestBatchItem(asRegistered)]).encoded(), on: server, seed: 0xA5_12E6)
        let got: GetResponse = try server.ok(.v1_4, asRegistered)
        #expect(got.object == .symmetricKey(ObjectOperationTests.wrappedBlock(under: kek)))
    }

    @Test func corruptedFreshGroupLocatesAreAnswered() throws {
        var configuration = ServiceConfiguration()
        configuration.freshKeyGroups = ["default": 256]
        let server = try TestServer(configuration: configuration)
        var locate = LocateRequest(maximumItems: 1, attributes: [Attribute(.objectGroup, .text("default"))])
        locate.objectGroupMember = .groupMemberFresh
        try Self.expectAnswered(RequestMessage(version: .v1_1, [RequestBatchItem(locate)]).encoded(), on: server, seed: 0xF7E5_4)
        let found: LocateResponse = try server.ok(.v1_1, locate)
        #expect(found.uniqueIdentifiers.count == 1)
    }
}
