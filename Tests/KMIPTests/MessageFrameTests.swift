import Testing
@testable import KMIP

/// Headers, batch items, message extensions and vendor extension items, by protocol version.
@Suite("Message frames: headers, batch items, extensions")
struct MessageFrameTests {
    typealias Tag = KMIP.Tag

    static let now = DateTime(secondsSinceEpoch: 1_700_000_123)

    /// A request header with every optional field `version` defines set.
    static func fullRequestHeader(_ version: ProtocolVersion, batchCount: Int32 = 1) -> RequestHeader {
        var header = RequestHeader(protocolVersion: version, maximumResponseSize: 65_536,
                                   authentication: [Credential(.usernameAndPassword(username: "vcenter-01", password: nil))],
                                   batchCount: batchCount)
        header.asynchronousIndicator = false
        header.batchErrorContinuationOption = .continue
        header.batchOrderOption = true
        header.timeStamp = now
        if version >= .v1_2 {
            header.attestationCapableIndicator = true
            header.attestationTypes = [.tpmQuote, .samlAssertion]
        }
        if version >= .v1_4 {
            header.clientCorrelationValue = "client-7"
            header.serverCorrelationValue = "server-9"
        }
        return header
    }

    static func fullResponseHeader(_ version: ProtocolVersion, batchCount: Int32 = 1) -> ResponseHeader {
        var header = ResponseHeader(protocolVersion: version, timeStamp: now, batchCount: batchCount)
        if version >= .v1_2 {
            header.nonce = Nonce(id: [1, 2, 3, 4], value: [0xAA, 0xBB])
            header.attestationTypes = [.tcgIntegrityReport]
        }
        if version >= .v1_4 {
            header.clientCorrelationValue = "client-7"
            header.serverCorrelationValue = "server-9"
        }
        if version >= .v2_0 { header.serverHashedPassword = [0x5E, 0xED] }
        return header
    }

    static let requestHeaderTags: [ProtocolVersion: [Tag]] = [
        .v1_1: [.protocolVersion, .maximumResponseSize, .asynchronousIndicator, .authentication,
                .batchErrorContinuationOption, .batchOrderOption, .timeStamp, .batchCount],
        .v1_4: [.protocolVersion, .maximumResponseSize, .clientCorrelationValue, .serverCorrelationValue, .asynchronousIndicator,
                .attestationCapableIndicator, .attestationType, .attestationType, .authentication,
                .batchErrorContinuationOption, .batchOrderOption, .timeStamp, .batchCount],
    ]

    static let responseHeaderTags: [ProtocolVersion: [Tag]] = [
        .v1_1: [.protocolVersion, .timeStamp, .batchCount],
        .v1_4: [.protocolVersion, .timeStamp, .nonce, .attestationType, .clientCorrelationValue, .serverCorrelationValue, .batchCount],
        .v2_1: [.protocolVersion, .timeStamp, .nonce, .serverHashedPassword, .attestationType, .clientCorrelationValue,
                .serverCorrelationValue, .batchCount],
    ]

    static func getItem(_ id: String, batchID: [UInt8]? = nil) -> RequestBatchItem {
        RequestBatchItem(GetRequest(uniqueIdentifier: .text(id)), uniqueBatchItemID: batchID)
    }

    // MARK: Headers by version

    @Test(arguments: [ProtocolVersion.v1_1, .v1_4, .v2_1])
    func requestHeaderWithEveryField(_ version: ProtocolVersion) throws {
        let header = Self.fullRequestHeader(version)
        let message = RequestMessage(header: header, batchItems: [Self.getItem("k-1")])
        let wire = message.ttlv()[.requestHeader]
        #expect(wire?.children.map(\.tag) == Self.requestHeaderTags[version == .v2_1 ? .v1_4 : version])
        let decoded = try RequestMessage(bytes: message.encoded())
        #expect(decoded.header == header)
        #expect(identical(decoded.encoded(), message.encoded()), "re-encoding differs")
    }

    @Test(arguments: [ProtocolVersion.v1_1, .v1_4, .v2_1])
    func responseHeaderWithEveryField(_ version: ProtocolVersion) throws {
        let header = Self.fullResponseHeader(version)
        let message = ResponseMessage(header: header, batchItems: [ResponseBatchItem(operation: .get, failure: .itemNotFound)])
        #expect(message.ttlv()[.responseHeader]?.children.map(\.tag) == Self.responseHeaderTags[version])
        let decoded = try ResponseMessage(from: message.ttlv())
        #expect(decoded.header == header)
        #expect(identical(decoded.encoded(), message.encoded()), "re-encoding differs")
    }

    /// Encoding leaves out what the version does not define, so a response to a 1.1 client carries no 1.4 field.
    @Test func fieldsAVersionLacksAreLeftOutWhenEncoding() throws {
        var request = Self.fullRequestHeader(.v2_1)
        request.protocolVersion = .v1_1
        let sent = RequestMessage(header: request, batchItems: [Self.getItem("k-1")])
        #expect(sent.ttlv()[.requestHeader]?.children.map(\.tag) == Self.requestHeaderTags[.v1_1])
        #expect(try RequestMessage(bytes: sent.encoded()).header == Self.fullRequestHeader(.v1_1))

        var response = Self.fullResponseHeader(.v2_1)
        response.protocolVersion = .v1_4
        let answered = ResponseMessage(header: response, batchItems: [])
        #expect(answered.ttlv()[.responseHeader]?.children.map(\.tag) == Self.responseHeaderTags[.v1_4])
        #expect(try ResponseMessage(from: answered.ttlv()).header == Self.fullResponseHeader(.v1_4))

        var item = Self.getItem("k-1")
        item.ephemeral = true
        let before2 = RequestMessage(version: .v1_4, [item]).ttlv()
        #expect(before2[.batchItem]?[.ephemeral] == nil)
        let in2 = RequestMessage(version: .v2_0, [item])
        #expect(in2.ttlv()[.batchItem]?.children.map(\.tag) == [.operation, .ephemeral, .requestPayload])
        #expect(try RequestMessage(bytes: in2.encoded()).batchItems.first?.ephemeral == true)
    }

    /// The version table itself: for each gated field, the last version without it and the first with it.
    @Test func frameFieldVersions() {
        let gates: [(Tag, last: ProtocolVersion, first: ProtocolVersion)] = [
            (.attestationCapableIndicator, .v1_1, .v1_2), (.attestationType, .v1_1, .v1_2), (.nonce, .v1_1, .v1_2),
            (.clientCorrelationValue, .v1_3, .v1_4), (.serverCorrelationValue, .v1_3, .v1_4),
            (.ephemeral, .v1_4, .v2_0), (.serverHashedPassword, .v1_4, .v2_0),
        ]
        for (tag, last, first) in gates {
            #expect(!last.allows(tag), "\(tag) in \(last)")
            #expect(first.allows(tag) && ProtocolVersion.v2_1.allows(tag), "\(tag) from \(first)")
        }
        #expect(ProtocolVersion.introducing.count == gates.count)
        let always: [Tag] = [.maximumResponseSize, .asynchronousIndicator, .authentication, .batchErrorContinuationOption, .batchOrderOption,
                             .timeStamp, .batchCount, .operation, .uniqueBatchItemID, .resultStatus, .resultReason, .resultMessage,
                             .asynchronousCorrelationValue, .messageExtension]
        #expect(always.allSatisfy { ProtocolVersion.v1_0.allows($0) })
    }

    /// Decoding refuses a field the message's own version does not define: Invalid Message, naming the field.
    @Test(arguments: [
        (ProtocolVersion.v1_1, Tag.clientCorrelationValue, TTLV.Value.textString("c")),
        (.v1_3, .serverCorrelationValue, .textString("s")),
        (.v1_1, .attestationCapableIndicator, .boolean(true)),
        (.v1_0, .attestationType, .enumeration(1)),
    ])
    func requestHeaderFieldNewerThanItsVersionIsRefused(_ version: ProtocolVersion, _ tag: Tag, _ value: TTLV.Value) throws {
        let message = RequestMessage(version: version, [Self.getItem("k-1")]).ttlv()
        var header = try #require(message[.requestHeader]).children
        header.insert(TTLV(tag, value), at: 1)
        let forged = TTLV.structure(.requestMessage, [.structure(.requestHeader, header)] + message.all(.batchItem))
        let error = try #require(throws: KMIPDecodingError.self) { try RequestMessage(from: forged) }
        #expect(error.code == .unsupportedVersion)
        #expect(error.resultReason == .invalidMessage)
        #expect(error.path == [.requestMessage, .requestHeader, tag])

        // The same header is fine in the version that defines the field.
        let allowed = TTLV.structure(.requestMessage, [.structure(.requestHeader, [ProtocolVersion.v1_4.ttlv(.protocolVersion, version: .v1_4)] + header.dropFirst())]
                                     + message.all(.batchItem))
        #expect(throws: Never.self) { try RequestMessage(from: allowed) }
    }

    @Test func responseAndBatchItemFieldsNewerThanTheirVersionAreRefused() throws {
        var answer = ResponseMessage(header: Self.fullResponseHeader(.v1_4), batchItems: []).ttlv()
        answer = .structure(.responseMessage, [.structure(.responseHeader, answer[.responseHeader]!.children + [TTLV(.serverHashedPassword, .byteString([1]))])])
        let headerError = try #require(throws: KMIPDecodingError.self) { try ResponseMessage(from: answer) }
        #expect(headerError.path == [.responseMessage, .responseHeader, .serverHashedPassword])
        #expect(headerError.resultReason == .invalidMessage)

        let request = RequestMessage(version: .v1_4, [Self.getItem("k-1")]).ttlv()
        let item = TTLV.structure(.batchItem, [request[.batchItem]![.operation]!, TTLV(.ephemeral, .boolean(true)), request[.batchItem]![.requestPayload]!])
        let forged = TTLV.structure(.requestMessage, [request[.requestHeader]!, item])
        let itemError = try #require(throws: KMIPDecodingError.self) { try RequestMessage(from: forged) }
        #expect(itemError.path == [.requestMessage, .batchItem, .ephemeral])
        #expect(itemError.code == .unsupportedVersion)
    }

    /// The OASIS 1.4 correlation-value test case, typed.
    @Test func correlationValuesFromTheOASIS14TestCase() throws {
        let decoded = try KMIPXML.decode(try Vectors.kmipXML("ovh-kmip-go-testdata/v1.4/TC-CS-CORVAL-1-14.xml"), options: .testCase)
        #expect(decoded.count == 2)
        let request = try RequestMessage(from: decoded[0].message)
        #expect(request.version == .v1_4)
        #expect(request.header.clientCorrelationValue == "TC-CS-CORVAL-1-14")
        #expect(request.header.serverCorrelationValue == nil)
        let response = try ResponseMessage(from: decoded[1].message)
        #expect(response.header.serverCorrelationValue == "8034DA-1")
        #expect(response.header.clientCorrelationValue == nil)
        #expect(request.ttlv() == decoded[0].message)
        #expect(response.ttlv() == decoded[1].message)
    }

    // MARK: Batches

    /// Many items, each with its own Unique Batch Item ID (of varying length), in order, both directions.
    @Test func manyBatchItemsKeepTheirIDsAndOrder() throws {
        let count = 300
        func batchID(_ i: Int) -> [UInt8] { Array(repeating: UInt8(i & 0xFF), count: 1 + i % 9) + [UInt8(i >> 8)] }
        var items: [RequestBatchItem] = []
        for i in 0..<count {
            switch i % 3 {
            case 0: items.append(Self.getItem("key-\(i)", batchID: batchID(i)))
            case 1: items.append(RequestBatchItem(ActivateRequest(uniqueIdentifier: .text("key-\(i)")), uniqueBatchItemID: batchID(i)))
            default: items.append(RequestBatchItem(DestroyRequest(uniqueIdentifier: .text("key-\(i)")), uniqueBatchItemID: batchID(i)))
            }
        }
        var header = Self.fullRequestHeader(.v1_4, batchCount: Int32(count))
        header.batchErrorContinuationOption = .stop
        let request = RequestMessage(header: header, batchItems: items)
        let decoded = try RequestMessage(bytes: request.encoded())
        #expect(decoded.header.batchCount == Int32(count))
        #expect(decoded.batchItems.count == count)
        #expect(decoded.batchItems.map(\.uniqueBatchItemID) == (0..<count).map { batchID($0) })
        #expect(decoded.batchItems.map(\.operation) == (0..<count).map { [Operation.get, .activate, .destroy][$0 % 3] })
        let ids: [UniqueIdentifier?] = decoded.batchItems.map {
            $0.payload(as: GetRequest.self)?.uniqueIdentifier ?? $0.payload(as: ActivateRequest.self)?.uniqueIdentifier
                ?? $0.payload(as: DestroyRequest.self)?.uniqueIdentifier
        }
        #expect(ids == (0..<count).map { .text("key-\($0)") })

        let answers: [ResponseBatchItem] = (0..<count).map { i in
            i % 5 == 4
                ? ResponseBatchItem(operation: .destroy, uniqueBatchItemID: batchID(i), failure: .itemNotFound, message: "no key-\(i)")
                : ResponseBatchItem(DestroyResponse(uniqueIdentifier: .text("key-\(i)")), uniqueBatchItemID: batchID(i))
        }
        let response = ResponseMessage(header: Self.fullResponseHeader(.v1_4, batchCount: Int32(count)), batchItems: answers)
        let back = try ResponseMessage(from: TTLVDecoder().decodeMessage(response.encoded()))
        #expect(back.batchItems.map(\.uniqueBatchItemID) == (0..<count).map { batchID($0) })
        #expect(back.batchItems.map(\.resultStatus) == (0..<count).map { $0 % 5 == 4 ? .operationFailed : .success })
        #expect(back.batchItems.map(\.resultMessage) == (0..<count).map { $0 % 5 == 4 ? "no key-\($0)" : nil })
        #expect(identical(back.encoded(), response.encoded()), "re-encoding differs")
    }

    // MARK: Message Extension, extension tags, unknown enumeration values

    /// OASIS 1.1 test case 7.1: a non-critical Message Extension whose Vendor Extension holds a 0x540001 item.
    @Test func messageExtensionFromTheOASIS11TestCase() throws {
        let xml = try Vectors.kmipXML("ovh-kmip-go-testdata/v1.1/TC_71_11_Unrecognized_Message_Extension_with_Criticality_Indicator_False.xml")
        let first = try #require(try KMIPXML.decode(xml, options: .testCase).first).message
        let request = try RequestMessage(from: first)
        let item = try #require(request.batchItems.first)
        #expect(item.messageExtension == MessageExtension(
            vendorIdentification: "Acme", criticalityIndicator: false,
            vendorExtension: .structure(.vendorExtension, [TTLV(Tag(rawValue: 0x54_0001), .textString("na"))])))
        let create = try #require(item.payload(as: CreateRequest.self))
        #expect(create.attributes[.cryptographicLength]?.value == .integer(128))
        #expect(create.attributes.attributes.all(.custom("ID")).map(\.value) == [.text("TC-71-11")])
        #expect(request.ttlv() == first)
        #expect(identical(try RequestMessage(bytes: first.encoded()).encoded(), first.encoded()), "re-encoding differs")
    }

    @Test func messageExtensionInAResponse() throws {
        let extensionValue = MessageExtension(vendorIdentification: "Keep", criticalityIndicator: true,
                                              vendorExtension: .structure(.vendorExtension, [TTLV(Tag(rawValue: 0x54_0010), .integer(7))]))
        var item = ResponseBatchItem(DestroyResponse(uniqueIdentifier: "k-1"), uniqueBatchItemID: [9])
        item.messageExtension = extensionValue
        let message = ResponseMessage(header: Self.fullResponseHeader(.v2_0), batchItems: [item])
        #expect(message.ttlv()[.batchItem]?.children.map(\.tag) == [.operation, .uniqueBatchItemID, .resultStatus, .responsePayload, .messageExtension])
        let decoded = try ResponseMessage(from: message.ttlv())
        #expect(decoded.batchItems.first?.messageExtension == extensionValue)
        #expect(identical(decoded.encoded(), message.encoded()), "re-encoding differs")
    }

    /// A hand-made 1.4 request: an unknown enumeration value in an attribute and an unknown object type, vendor
    /// extension items in the header (between fields) and in a batch item, and an operation with no model.
    @Test func extensionTagsAndUnknownValuesSurviveKMIP1() throws {
        let headerExtension = TTLV(Tag(rawValue: 0x54_0001), .textString("tenant-3"))
        let itemExtension = TTLV.structure(Tag(rawValue: 0x54_0002), [TTLV(Tag(rawValue: 0x54_0003), .enumeration(0x8000_0001))])
        let unknownOperation: UInt32 = 0x8000_0010
        let message = TTLV.structure(.requestMessage, [
            .structure(.requestHeader, [
                ProtocolVersion.v1_4.ttlv(.protocolVersion, version: .v1_4),
                TTLV(.maximumResponseSize, .integer(4096)),
                headerExtension,
                TTLV(.batchCount, .integer(2)),
            ]),
            .structure(.batchItem, [
                TTLV(.operation, .enumeration(Operation.create.rawValue)),
                TTLV(.uniqueBatchItemID, .byteString([1])),
                .structure(.requestPayload, [
                    TTLV(.objectType, .enumeration(0x8000_0005)),
                    .structure(.templateAttribute, [
                        .structure(.attribute, [TTLV(.attributeName, .textString("Cryptographic Algorithm")), TTLV(.attributeValue, .enumeration(0x8000_0099))]),
                    ]),
                ]),
                itemExtension,
            ]),
            .structure(.batchItem, [
                TTLV(.operation, .enumeration(unknownOperation)),
                .structure(.requestPayload, [TTLV(Tag(rawValue: 0x54_0004), .textString("opaque"))]),
            ]),
        ])
        let bytes = message.encoded()
        let decoded = try RequestMessage(bytes: bytes)
        #expect(decoded.header.maximumResponseSize == 4096)
        #expect(decoded.header.extensions.items == [headerExtension])
        let create = try #require(decoded.batchItems.first)
        #expect(create.extensions.items == [itemExtension])
        let payload = try #require(create.payload(as: CreateRequest.self))
        #expect(payload.objectType == ObjectType(rawValue: 0x8000_0005))
        #expect(payload.objectType.isExtension && payload.objectType.name == nil)
        let algorithm = try #require(payload.attributes[.cryptographicAlgorithm])
        #expect(algorithm.value == .enumeration(0x8000_0099))
        #expect(algorithm.enumeration(as: CryptographicAlgorithm.self)?.name == nil)
        let other = try #require(decoded.batchItems.last)
        #expect(other.operation.rawValue == unknownOperation)
        #expect(other.payload.decodingError?.code == .unsupportedOperation)
        #expect(other.payload.decodingError?.resultReason == .operationNotSupported)
        #expect(decoded.ttlv() == message)
        #expect(identical(decoded.encoded(), bytes), "re-encoding differs")

        // Positions are kept: the header item goes back between Maximum Response Size and Batch Count.
        #expect(decoded.ttlv()[.requestHeader]?.children.map(\.tag) == [.protocolVersion, .maximumResponseSize, Tag(rawValue: 0x54_0001), .batchCount])
    }

    /// The same in 2.x: an extension attribute and an unknown enumeration value inside Attributes are typed.
    @Test func extensionTagsAndUnknownValuesSurviveKMIP2() throws {
        let message = TTLV.structure(.requestMessage, [
            .structure(.requestHeader, [ProtocolVersion.v2_1.ttlv(.protocolVersion, version: .v2_1), TTLV(.batchCount, .integer(1))]),
            .structure(.batchItem, [
                TTLV(.operation, .enumeration(Operation.create.rawValue)),
                TTLV(.ephemeral, .boolean(false)),
                .structure(.requestPayload, [
                    TTLV(.objectType, .enumeration(ObjectType.symmetricKey.rawValue)),
                    .structure(.attributes, [
                        TTLV(.cryptographicAlgorithm, .enumeration(0x8000_0099)),
                        TTLV(Tag(rawValue: 0x54_0001), .textString("extension attribute")),
                        .structure(.attribute, [TTLV(.vendorIdentification, .textString("acme")), TTLV(.attributeName, .textString("Tier")), TTLV(.attributeValue, .enumeration(0x8000_0001))]),
                    ]),
                ]),
            ]),
        ])
        let decoded = try RequestMessage(bytes: message.encoded())
        #expect(decoded.batchItems.first?.ephemeral == false)
        let create = try #require(decoded.batchItems.first?.payload(as: CreateRequest.self))
        #expect(create.attributes.attributes == [
            Attribute(.cryptographicAlgorithm, .enumeration(0x8000_0099)),
            Attribute(.standard(Tag(rawValue: 0x54_0001)), .text("extension attribute")),
            Attribute(.vendor(identification: "acme", name: "Tier"), .enumeration(0x8000_0001)),
        ])
        #expect(decoded.ttlv() == message)
    }

    /// An extension tag inside a payload is not a field the payload defines: the payload is kept unparsed (so the
    /// server can refuse the item with Invalid Field) and the message still re-encodes unchanged.
    @Test func extensionTagInAPayloadKeepsThePayloadAsReceived() throws {
        let message = RequestMessage(version: .v1_2, [Self.getItem("k-1")]).ttlv()
        let payload = TTLV.structure(.requestPayload, message[.batchItem]![.requestPayload]!.children + [TTLV(Tag(rawValue: 0x54_0001), .integer(1))])
        let forged = TTLV.structure(.requestMessage, [message[.requestHeader]!, .structure(.batchItem, [message[.batchItem]![.operation]!, payload])])
        let decoded = try RequestMessage(from: forged)
        let error = try #require(decoded.batchItems.first?.payload.decodingError)
        #expect(error.code == .unexpectedField)
        #expect(error.resultReason == .invalidField)
        #expect(error.path == [.requestPayload, Tag(rawValue: 0x54_0001)])
        #expect(decoded.ttlv() == forged)
    }

    @Test func extensionItemsAppendedByTheCaller() throws {
        var header = RequestHeader(protocolVersion: .v1_2, batchCount: 1)
        header.extensions.append(TTLV(Tag(rawValue: 0x54_00FF), .boolean(true)))
        let message = RequestMessage(header: header, batchItems: [Self.getItem("k-1")])
        #expect(message.ttlv()[.requestHeader]?.children.map(\.tag) == [.protocolVersion, .batchCount, Tag(rawValue: 0x54_00FF)])
        #expect(try RequestMessage(bytes: message.encoded()).header == header)
    }
}
