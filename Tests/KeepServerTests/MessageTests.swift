import Foundation
import KMIP
import KeepCrypto
import Testing
@testable import KeepServer

@Suite("KMIP service: messages, versions, batches")
struct MessageTests {
    @Test func discoverVersionsListsAllBestFirstOrIntersects() throws {
        let server = try TestServer()
        let all: DiscoverVersionsResponse = try server.ok(.v1_1, DiscoverVersionsRequest())
        #expect(all.protocolVersions == [.v2_1, .v2_0, .v1_4, .v1_3, .v1_2, .v1_1, .v1_0])
        let some: DiscoverVersionsResponse = try server.ok(.v1_1, DiscoverVersionsRequest(protocolVersions: [.v1_0, ProtocolVersion(9, 31), .v2_0]))
        #expect(some.protocolVersions == [.v1_0, .v2_0])
        let none: DiscoverVersionsResponse = try server.ok(.v2_1, DiscoverVersionsRequest(protocolVersions: [ProtocolVersion(9, 31)]))
        #expect(none.protocolVersions.isEmpty)
        // Discover Versions came with KMIP 1.1.
        expectFailure(try server.send(.v1_0, DiscoverVersionsRequest()), .operationNotSupported)
    }

    @Test func answersInTheVersionAsked() throws {
        let server = try TestServer()
        for version in ProtocolVersion.supported {
            let response = try server.send(version, [RequestBatchItem(QueryRequest(queryFunctions: [.queryObjects]))])
            #expect(response.header.protocolVersion == version)
            #expect(response.batchItems.first?.resultStatus == .success)
        }
        // Unsupported versions: the closest lower supported version answers, refusing the message.
        let minor = try server.send(ProtocolVersion(1, 5), [RequestBatchItem(QueryRequest(queryFunctions: [.queryObjects]))])
        #expect(minor.header.protocolVersion == .v1_4)
        expectFailure(try #require(minor.batchItems.first), .invalidMessage, "1.5")
        let major = try server.send(ProtocolVersion(3, 0), [RequestBatchItem(QueryRequest(queryFunctions: [.queryObjects]))])
        #expect(major.header.protocolVersion == .v2_1)
        expectFailure(try #require(major.batchItems.first), .unsupportedProtocolVersion)
    }

    @Test func queryReportsWhatTheVersionAllows() throws {
        let server = try TestServer()
        let functions: [QueryFunction] = [.queryOperations, .queryObjects, .queryServerInformation, .queryCapabilities]
        let v10: QueryResponse = try server.ok(.v1_0, QueryRequest(queryFunctions: functions))
        #expect(v10.operations.contains(.create) && v10.operations.contains(.get) && v10.operations.contains(.locate))
        #expect(!v10.operations.contains(.discoverVersions) && !v10.operations.contains(.encrypt) && !v10.operations.contains(.rngRetrieve))
        #expect(v10.objectTypes == [.symmetricKey, .template, .secretData, .opaqueObject])
        #expect(v10.vendorIdentification == "Keep")
        #expect(v10.serverInformation?.children.isEmpty == true)
        #expect(v10.capabilities.isEmpty)

        let v14: QueryResponse = try server.ok(.v1_4, QueryRequest(queryFunctions: functions))
        #expect(v14.operations.contains(.encrypt) && v14.operations.contains(.decrypt) && v14.operations.contains(.rngRetrieve))
        #expect(v14.operations.contains(.discoverVersions) && !v14.operations.contains(.setAttribute))
        #expect(v14.operations == v14.operations.sorted { $0.rawValue < $1.rawValue })
        let capabilities = try #require(v14.capabilities.first)
        #expect(capabilities.tag == .capabilityInformation)
        #expect(capabilities[.batchContinueCapability]?.value == .boolean(true))
        #expect(capabilities[.batchUndoCapability]?.value == .boolean(false))

        let v13: QueryResponse = try server.ok(.v1_3, QueryRequest(queryFunctions: functions))
        #expect(v13.capabilities.first?[.batchContinueCapability] == nil)
        #expect(v13.capabilities.first?[.streamingCapability]?.value == .boolean(true))

        let v21: QueryResponse = try server.ok(.v2_1, QueryRequest(queryFunctions: functions))
        #expect(v21.operations.contains(.setAttribute))
        #expect(v21.serverInformation?[.serverName]?.value == .textString("keepd"))
        #expect(v21.objectTypes == [.symmetricKey, .secretData, .opaqueObject])  // Templates were removed in 2.0

        // 1.3+: the generator; 1.4: the server profiles keepd claims.
        let about: QueryResponse = try server.ok(.v1_4, QueryRequest(queryFunctions: [.queryRNGs, .queryProfiles]))
        #expect(about.capabilities.first { $0.tag == .rngParameters }?[.drbgAlgorithm]?.value == .enumeration(DRBGAlgorithm.ctr.rawValue))
        #expect(about.capabilities.filter { $0.tag == .profileInformation }.count == QueryHandler.profiles.count)
        let about13: QueryResponse = try server.ok(.v1_3, QueryRequest(queryFunctions: [.queryRNGs, .queryProfiles]))
        #expect(about13.capabilities.map(\.tag) == [.rngParameters])
        // Only what was asked.
        let onlyObjects: QueryResponse = try server.ok(.v2_1, QueryRequest(queryFunctions: [.queryObjects]))
        #expect(onlyObjects.operations.isEmpty && onlyObjects.vendorIdentification == nil && !onlyObjects.objectTypes.isEmpty)
    }

    static func create(_ id: UInt8) -> RequestBatchItem {
        RequestBatchItem(CreateRequest(objectType: .symmetricKey, attributes: AttributeSet(aes(256))), uniqueBatchItemID: [id])
    }

    static func getMissing(_ id: UInt8) -> RequestBatchItem {
        RequestBatchItem(GetRequest(uniqueIdentifier: "no-such-object"), uniqueBatchItemID: [id])
    }

    @Test func continueRunsEveryItemAndEchoesTheirIDs() throws {
        let server = try TestServer()
        let response = try server.send(.v1_4, [Self.create(1), Self.getMissing(2), Self.create(3)], option: .continue)
        #expect(response.header.batchCount == 3)
        #expect(response.batchItems.map(\.uniqueBatchItemID) == [[1], [2], [3]])
        #expect(response.batchItems.map(\.resultStatus) == [.success, .operationFailed, .success])
        #expect(response.batchItems.map(\.operation) == [.create, .get, .create])
        expectFailure(response.batchItems[1], .itemNotFound)
        #expect(try server.hierarchy.locate(.init(domainID: "acme")).count == 2)
        #expect(server.audit.events.map(\.uniqueBatchItemID) == [[1], [2], [3]])
    }

    @Test func stopEndsTheBatchAtTheFirstFailureAndUndoActsAsStop() throws {
        for option in [nil, BatchErrorContinuationOption.stop, .undo] {
            let server = try TestServer()
            let response = try server.send(.v1_4, [Self.create(1), Self.getMissing(2), Self.create(3)], option: option)
            #expect(response.header.batchCount == 2, "\(String(describing: option))")
            #expect(response.batchItems.map(\.resultStatus) == [.success, .operationFailed])
            #expect(try server.hierarchy.locate(.init(domainID: "acme")).count == 1)
            #expect(server.audit.events.count == 2)
        }
    }

    @Test func idPlaceholderCarriesTheCreatedKeyThroughTheBatch() throws {
        let server = try TestServer()
        let response = try server.send(.v1_4, [
            Self.create(1),
            RequestBatchItem(ActivateRequest(), uniqueBatchItemID: [2]),
            RequestBatchItem(GetAttributesRequest(attributeNames: [.standard(.state)]), uniqueBatchItemID: [3]),
        ])
        #expect(response.batchItems.map(\.resultStatus) == [.success, .success, .success])
        let created = try #require(response.batchItems[0].payload(as: CreateResponse.self)).uniqueIdentifier
        let attributes = try #require(response.batchItems[2].payload(as: GetAttributesResponse.self))
        #expect(attributes.uniqueIdentifier == created)
        #expect(attributes.attributes.map(\.value) == [.enumeration(State.active.rawValue)])
        // Nothing set the placeholder: the item names no object.
        expectFailure(try server.send(.v1_4, ActivateRequest()), .itemNotFound, "ID Placeholder")
    }

    @Test func batchCapAndBatchCountAreEnforced() throws {
        var configuration = ServiceConfiguration()
        configuration.maxBatchItems = 2
        let server = try TestServer(configuration: configuration)
        let tooMany = try server.send(.v1_4, [Self.create(1), Self.create(2), Self.create(3)])
        #expect(tooMany.batchItems.count == 1)
        expectFailure(tooMany.batchItems[0], .invalidMessage, "at most 2")
        #expect(try server.hierarchy.locate(.init(domainID: "acme")).isEmpty)
        let tooMany2 = try server.send(.v2_0, [Self.create(1), Self.create(2), Self.create(3)])
        expectFailure(tooMany2.batchItems[0], .serverLimitExceeded)

        var lying = RequestMessage(version: .v1_4, [Self.create(1)])
        lying.header.batchCount = 2
        let response = try decodeResponse(server.service.handle(lying.encoded(), caller: TestServer.caller()))
        expectFailure(try #require(response.batchItems.first), .invalidMessage, "Batch Count")
        #expect(try server.hierarchy.locate(.init(domainID: "acme")).isEmpty)
    }

    @Test func maximumResponseSizeFailsTheItemThatDoesNotFit() throws {
        let server = try TestServer()
        let query = RequestBatchItem(QueryRequest(queryFunctions: [.queryOperations, .queryObjects]))
        let small = try server.send(.v1_1, [query], maximumResponseSize: 256)
        expectFailure(try #require(small.batchItems.first), .responseTooLarge, "256")
        #expect(small.batchItems[0].operation == .query)
        #expect(small.encoded().count <= 256)
        #expect(server.audit.events.last?.resultReason == .responseTooLarge)
        let large = try server.send(.v1_1, [query], maximumResponseSize: 4096)
        #expect(large.batchItems.first?.resultStatus == .success)
        // In a batch, the items that fit stay.
        let discover = RequestBatchItem(DiscoverVersionsRequest(protocolVersions: [.v1_1]))
        let mixed = try server.send(.v1_1, [discover, query], option: .continue, maximumResponseSize: 256)
        #expect(mixed.batchItems.map(\.resultStatus) == [.success, .operationFailed])
    }

    @Test func criticalExtensionsAreRefusedAndOthersIgnored() throws {
        let server = try TestServer()
        for critical in [true, false] {
            var item = RequestBatchItem(QueryRequest(queryFunctions: [.queryObjects]))
            item.messageExtension = MessageExtension(vendorIdentification: "Acme", criticalityIndicator: critical,
                                                     vendorExtension: .structure(.vendorExtension, [TTLV(Tag(rawValue: 0x54_0001), .textString("na"))]))
            let response = try server.send(.v1_1, [item])
            if critical {
                expectFailure(response.batchItems[0], .featureNotSupported, "Acme")
            } else {
                #expect(response.batchItems[0].resultStatus == .success)
            }
        }
    }

    @Test func unsupportedOperationsAreRefusedPerItem() throws {
        let server = try TestServer()
        // A modelled operation without a handler, and an operation unknown to the codec.
        let pair = RequestBatchItem(operation: .createKeyPair, payload: .unparsed(.structure(.requestPayload, []), KMIPDecodingError(.missingField, "x")))
        let unknown = RequestBatchItem(operation: KMIP.Operation(rawValue: 0x0000_7777), payload: .unparsed(.structure(.requestPayload, []),
                                                                                                       KMIPDecodingError(.missingField, "x")))
        let macItem = RequestBatchItem(MACRequest(uniqueIdentifier: "k"))
        let response = try server.send(.v1_4, [pair, unknown, macItem, RequestBatchItem(QueryRequest(queryFunctions: [.queryObjects]))], option: .continue)
        #expect(response.batchItems.map(\.resultStatus) == [.operationFailed, .operationFailed, .operationFailed, .success])
        #expect(response.batchItems[1].resultReason == .operationNotSupported)
        #expect(response.batchItems[2].resultReason == .operationNotSupported)
        // Set Attribute is a 2.0 operation.
        let set = try server.send(.v2_0, SetAttributeRequest(uniqueIdentifier: "k", newAttribute: Attribute(.comment, .text("c"))))
        expectFailure(set, .itemNotFound)
    }

    @Test func malformedMessagesGetErrorResponsesNeverACrash() throws {
        let server = try TestServer()
        let caller = TestServer.caller()
        func refusal(_ bytes: [UInt8]) throws -> ResponseBatchItem {
            let response = try decodeResponse(server.service.handle(bytes, caller: caller))
            try #require(response.batchItems.count == 1)
            #expect(response.header.batchCount == 1)
            return response.batchItems[0]
        }
        // Not TTLV at all, empty, a Response Message, a request without a Batch Count (the version still sniffed).
        expectFailure(try refusal([]), .invalidMessage)
        expectFailure(try refusal(Array("GET / HTTP/1.1\r\n\r\n".utf8)), .invalidMessage)
        let responseBytes = ResponseMessage(header: ResponseHeader(protocolVersion: .v1_1, timeStamp: DateTime(secondsSinceEpoch: 0), batchCount: 0),
                                            batchItems: []).encoded()
        expectFailure(try refusal(responseBytes), .invalidMessage)
        let noCount = TTLV.structure(.requestMessage, [
            .structure(.requestHeader, [ProtocolVersion.v2_0.ttlv(.protocolVersion, version: .v2_0)]),
            RequestBatchItem(QueryRequest(queryFunctions: [.queryObjects])).ttlv(version: .v2_0),
        ]).encoded()
        let noCountResponse = try decodeResponse(server.service.handle(noCount, caller: caller))
        #expect(noCountResponse.header.protocolVersion == .v2_0)
        expectFailure(noCountResponse.batchItems[0], .invalidMessage)

        // A malformed payload fails its item only.
        let badCreate = RequestBatchItem(operation: .create, payload: .typed(QueryRequest(queryFunctions: [])))
        let badBytes = RequestMessage(version: .v1_4, [badCreate, RequestBatchItem(QueryRequest(queryFunctions: [.queryObjects]))])
        var withContinue = badBytes
        withContinue.header.batchErrorContinuationOption = .continue
        let mixed = try decodeResponse(server.service.handle(withContinue.encoded(), caller: caller))
        #expect(mixed.batchItems.map(\.resultStatus) == [.operationFailed, .success])
        #expect(mixed.batchItems[0].operation == .create)
        #expect(mixed.batchItems[0].resultReason == .invalidField)

        // Every truncation, and seeded corruptions, of a valid message: always a decodable answer.
        let valid = RequestMessage(version: .v1_4, [
            RequestBatchItem(CreateRequest(objectType: .symmetricKey, attributes: AttributeSet(aes(128) + [Attribute(.custom("vm"), .text("vm-1"))]))),
            RequestBatchItem(GetAttributesRequest()),
        ]).encoded()
        for length in 0..<valid.count {
            expectFailure(try refusal(Array(valid.prefix(length))), .invalidMessage)
        }
        var seed: UInt64 = 0x5EED_CAFE
        for _ in 0..<300 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            var corrupt = valid
            let flips = Int(seed >> 60) + 1
            for f in 0..<flips {
                let position = Int((seed >> UInt64(8 + f * 7)) % UInt64(corrupt.count))
                corrupt[position] ^= UInt8(truncatingIfNeeded: seed >> UInt64(f * 3)) | 1
            }
            let response = try decodeResponse(server.service.handle(corrupt, caller: caller))
            #expect(!response.batchItems.isEmpty)
            #expect(response.batchItems.allSatisfy { $0.resultStatus == .success || $0.resultReason != nil })
        }
        #expect(server.audit.events.contains { $0.operation == nil && $0.resultReason == .invalidMessage })
    }

    /// A Client Correlation Value (1.4+) is logged, not echoed, and answered with a Server Correlation Value that
    /// is logged too (as the OASIS test case TC-CS-CORVAL-1-14 answers).
    @Test func clientCorrelationValueGetsAServerCorrelationValue() throws {
        let server = try TestServer()
        var seen: Set<String> = []
        for version in [ProtocolVersion.v1_3, .v1_4, .v2_1] {
            for client in ["trace-42", nil] {
                server.audit.reset()
                var request = RequestMessage(version: version, [RequestBatchItem(QueryRequest(queryFunctions: [.queryObjects]))])
                request.header.clientCorrelationValue = client
                let response = server.service.handle(request, caller: TestServer.caller())
                #expect(response.header.clientCorrelationValue == nil)
                let event = try #require(server.audit.events.first)
                if version >= .v1_4 && client != nil {
                    let value = try #require(response.header.serverCorrelationValue)
                    #expect(value.count == 32 && seen.insert(value).inserted)
                    #expect(event.serverCorrelationValue == value && event.clientCorrelationValue == client)
                } else {
                    #expect(response.header.serverCorrelationValue == nil)
                    #expect(event.serverCorrelationValue == nil && event.clientCorrelationValue == nil)
                }
            }
        }
    }

    @Test func everyOutcomeIsAuditedWithoutKeyMaterial() throws {
        let server = try TestServer()
        let kek = try server.activeKey(names: ["vm-1-kek"])
        let material = try server.hierarchy.keyMaterial(of: kek, in: "acme").copyBytes()
        server.audit.reset()
        let dek = SecureBytes((0..<32).map { UInt8($0) })
        let response = try server.send(.v1_4, [
            RequestBatchItem(GetRequest(uniqueIdentifier: .text(kek)), uniqueBatchItemID: [1]),
            RequestBatchItem(EncryptRequest(uniqueIdentifier: .text(kek), cryptographicParameters: CryptographicParameters(blockCipherMode: .nistKeyWrap),
                                            data: dek), uniqueBatchItemID: [2]),
            RequestBatchItem(ReKeyRequest(uniqueIdentifier: .text(kek)), uniqueBatchItemID: [3]),
            RequestBatchItem(GetRequest(uniqueIdentifier: "missing"), uniqueBatchItemID: [4]),
        ], option: .continue)
        let newKey = try #require(response.batchItems[2].payload(as: ReKeyResponse.self)?.uniqueIdentifier.text)
        let events = server.audit.events
        #expect(events.count == 4)
        #expect(events.map(\.operation) == [.get, .encrypt, .reKey, .get])
        #expect(events.map(\.objectIDs) == [[kek], [kek], [kek, newKey], ["missing"]])
        #expect(events.map(\.resultStatus) == [.success, .success, .success, .operationFailed])
        #expect(events[3].resultReason == .itemNotFound && events[3].resultMessage?.contains("missing") == true)
        #expect(events.allSatisfy { $0.caller == TestServer.caller() && $0.protocolVersion == .v1_4 && $0.duration >= .zero && $0.time > 0 })
        let text = events.map { "\($0)" }.joined(separator: "\n")
        #expect(!leaks(text, [material, dek.copyBytes()]))
    }
}
