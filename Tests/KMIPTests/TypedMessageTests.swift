import Testing
@testable import KMIP

private typealias Tag = KMIP.Tag

/// The wire vectors decode to the typed message they carry: exact operations, object types, attributes, unique
/// identifiers, results and header fields, not just "no error". Key material is compared, never printed.
@Suite("Typed messages: wire vectors")
struct TypedMessageTests {
    static let all = MessageVectorTests.wireMessages

    static func vector(_ name: String) throws -> Vectors.HexMessage {
        try #require(all.first { $0.name == name }, "no vector \(name)")
    }

    static func request(_ name: String) throws -> RequestMessage {
        let bytes = try vector(name).bytes
        let message = try RequestMessage(bytes: bytes)
        #expect(identical(message.encoded(), bytes), "\(name) re-encodes differently")
        return message
    }

    static func response(_ name: String) throws -> ResponseMessage {
        let bytes = try vector(name).bytes
        let message = try ResponseMessage(from: try TTLVDecoder().decodeMessage(bytes))
        #expect(identical(message.encoded(), bytes), "\(name) re-encodes differently")
        return message
    }

    static func attributes(_ list: [(AttributeName, AttributeValue)]) -> [Attribute] {
        list.map { Attribute($0.0, $0.1) }
    }

    // MARK: Create with Template-Attribute (the shape vCenter sends)

    @Test func createRequestWithTemplateAttribute() throws {
        let message = try Self.request("kmip_1_1_test_suite_3_1_1_0_a")
        #expect(message.header == RequestHeader(protocolVersion: .v1_1, batchCount: 1))
        #expect(message.batchItems.count == 1)
        let item = try #require(message.batchItems.first)
        #expect(item.operation == .create)
        #expect(item.uniqueBatchItemID == nil)
        #expect(item.messageExtension == nil)
        let create = try #require(item.payload(as: CreateRequest.self))
        #expect(create.objectType == .symmetricKey)
        #expect(create.attributes.templateNames.isEmpty)
        #expect(create.attributes.attributes == [
            Attribute(.cryptographicAlgorithm, .enumeration(CryptographicAlgorithm.aes)),
            Attribute(.cryptographicLength, .integer(128)),
            Attribute(.cryptographicUsageMask, .integer(CryptographicUsageMask([.encrypt, .decrypt]).rawValue)),
        ])
        #expect(create.protectionStorageMasks == nil)

        let answer = try Self.response("kmip_1_1_test_suite_3_1_1_0_b")
        #expect(answer.header == ResponseHeader(protocolVersion: .v1_1, timeStamp: DateTime(secondsSinceEpoch: 1_335_514_341), batchCount: 1))
        let result = try #require(answer.batchItems.first)
        #expect(result.operation == .create)
        #expect(result.resultStatus == .success)
        #expect(result.resultReason == nil && result.resultMessage == nil)
        #expect(result.payload(as: CreateResponse.self) == CreateResponse(objectType: .symmetricKey, uniqueIdentifier: "fb4b5b9c-6188-4c63-8142-fe9c328129fc"))
    }

    /// KMIP 1.0 use case 11.1: Authentication with a username/password credential, and every structured
    /// attribute kind a Template-Attribute carries (Name, Cryptographic Parameters).
    @Test func createRequestWithCredentialAndStructuredAttributes() throws {
        let message = try Self.request("kmip_1_0_usecase_11_1_step_1_client_a_create_request_symmetric_key")
        #expect(message.version == .v1_0)
        #expect(message.header.batchCount == 1)
        let credentials = try #require(message.header.authentication)
        #expect(credentials.count == 1)
        guard case .usernameAndPassword(let username, let password)? = credentials.first?.value else {
            Issue.record("expected a Username and Password credential, got \(String(describing: credentials.first))")
            return
        }
        #expect(username == "Fred")
        #expect(password?.count == "password1".utf8.count)
        #expect(identical(password?.copyBytes() ?? [], Array("password1".utf8)), "password differs")

        let create = try #require(message.batchItems.first?.payload(as: CreateRequest.self))
        #expect(create.objectType == .symmetricKey)
        #expect(create.attributes.attributes == [
            Attribute(.cryptographicAlgorithm, .enumeration(CryptographicAlgorithm.aes)),
            Attribute(.cryptographicLength, .integer(128)),
            Attribute(.cryptographicUsageMask, .integer(12)),
            Attribute(.name, .name(Name("PolicyKey", type: .uninterpretedTextString))),
            Attribute(.operationPolicyName, .text("default")),
            Attribute(.cryptographicParameters, .cryptographicParameters(
                CryptographicParameters(blockCipherMode: .cbc, paddingMethod: .pkcs5, hashingAlgorithm: .sha1))),
        ])
    }

    /// Create Key Pair: the three 1.x template roles land in the three attribute sets.
    @Test func createKeyPairTemplates() throws {
        let message = try Self.request("kmip_1_0_usecase_8_1_step_1_create_rsa_1024_key_pair_request")
        let request = try #require(message.batchItems.first?.payload(as: CreateKeyPairRequest.self))
        #expect(request.commonAttributes?.attributes == [
            Attribute(.cryptographicAlgorithm, .enumeration(CryptographicAlgorithm.rsa)),
            Attribute(.cryptographicLength, .integer(1024)),
        ])
        #expect(request.privateKeyAttributes?.attributes == [
            Attribute(.name, .name(Name("PrivateKey1"))), Attribute(.cryptographicUsageMask, .integer(1)),
        ])
        #expect(request.publicKeyAttributes?.attributes == [
            Attribute(.name, .name(Name("PublicKey1"))), Attribute(.cryptographicUsageMask, .integer(2)),
        ])
        let answer = try Self.response("kmip_1_0_usecase_8_1_step_1_create_rsa_1024_key_pair_response")
        let pair = try #require(answer.batchItems.first?.payload(as: CreateKeyPairResponse.self))
        #expect(pair.privateKeyUniqueIdentifier == "895f72c2-b20a-49d8-9504-6dc2115cc042")
        #expect(pair.publicKeyUniqueIdentifier == "a242fca4-ebf0-4398-ac65-879bab490259")
    }

    // MARK: Get with a symmetric key

    /// The key material is compared with the raw item's, so a decoder that reads the wrong field or truncates fails.
    @Test(arguments: [
        ("kmip_1_1_test_suite_3_1_3_2_b", "49a1ca88-6bea-4fb2-b450-7e58802c3038", CryptographicAlgorithm.des3, Int32(168), 24),
        ("Get KEK response", "142", CryptographicAlgorithm.aes, Int32(256), 32),
    ])
    func getResponseWithSymmetricKey(_ name: String, _ id: String, _ algorithm: CryptographicAlgorithm, _ length: Int32, _ keyBytes: Int) throws {
        let raw = try TTLVDecoder().decodeMessage(try Self.vector(name).bytes)
        let message = try Self.response(name)
        let item = try #require(message.batchItems.first)
        #expect(item.operation == .get)
        #expect(item.resultStatus == .success)
        let get = try #require(item.payload(as: GetResponse.self))
        #expect(get.objectType == .symmetricKey)
        #expect(get.uniqueIdentifier == .text(id))
        guard case .symmetricKey(let block) = get.object else {
            Issue.record("expected a Symmetric Key, got \(get.object)")
            return
        }
        #expect(block.keyFormatType == .raw)
        #expect(block.cryptographicAlgorithm == algorithm)
        #expect(block.cryptographicLength == length)
        #expect(block.keyWrappingData == nil)
        #expect(block.keyCompressionType == nil)
        guard case .bytes(let material)? = block.keyValue?.keyMaterial else {
            Issue.record("expected raw key material")
            return
        }
        #expect(material.count == keyBytes)
        let rawMaterial = raw[.batchItem]?[.responsePayload]?[.symmetricKey]?[.keyBlock]?[.keyValue]?[.keyMaterial]
        guard case .byteString(let expected)? = rawMaterial?.value else {
            Issue.record("vector has no Key Material")
            return
        }
        #expect(identical(material.copyBytes(), expected), "key material differs from the wire's")
    }

    /// PyKMIP 0.11 (KMIP 1.2): Get with a Key Wrapping Specification, and the wrapped key it returns.
    @Test func pykmipWrappedGet() throws {
        let message = try Self.request("Get wrapped (NIST Key Wrap, no encoding) request")
        #expect(message.version == .v1_2)
        let get = try #require(message.batchItems.first?.payload(as: GetRequest.self))
        let nistKeyWrap = CryptographicParameters(blockCipherMode: .nistKeyWrap)
        #expect(get == GetRequest(uniqueIdentifier: "141", keyWrappingSpecification: KeyWrappingSpecification(
            wrappingMethod: .encrypt, encryptionKeyInformation: KeyInformation(uniqueIdentifier: "142", cryptographicParameters: nistKeyWrap),
            encodingOption: .noEncoding)))

        let answer = try Self.response("Get wrapped (NIST Key Wrap, no encoding) response")
        #expect(answer.version == .v1_2)
        #expect(answer.header.timeStamp == DateTime(secondsSinceEpoch: 1_795_279_254))
        let wrapped = try #require(answer.batchItems.first?.payload(as: GetResponse.self))
        #expect(wrapped.uniqueIdentifier == "141")
        let block = try #require(wrapped.object.keyBlock)
        #expect(block.isWrapped)
        #expect(block.keyWrappingData == KeyWrappingData(
            wrappingMethod: .encrypt, encryptionKeyInformation: KeyInformation(uniqueIdentifier: "142", cryptographicParameters: nistKeyWrap),
            encodingOption: .noEncoding))
        guard case .bytes(let material)? = block.keyValue?.keyMaterial else {
            Issue.record("expected the wrapped bytes as Key Material (PyKMIP's structure form)")
            return
        }
        #expect(material.count == 40) // RFC 3394: a 256-bit key plus the 8-byte integrity block
    }

    @Test func pykmipRevoke() throws {
        let message = try Self.request("Revoke request")
        let revoke = try #require(message.batchItems.first?.payload(as: RevokeRequest.self))
        #expect(revoke.uniqueIdentifier == "141")
        #expect(revoke.revocationReason == RevocationReason(.keyCompromise))
        #expect(revoke.compromiseOccurrenceDate == nil)
    }

    // MARK: Attributes by name, custom attributes, batches

    /// Two Add Attribute items, each with a Unique Batch Item ID and an `x-` custom attribute.
    @Test func addAttributeBatchWithCustomAttributes() throws {
        let message = try Self.request("kmip_1_0_usecase_4_1_step_11_client_a_add_attribute_batch_request")
        #expect(message.header.batchCount == 2)
        let ids: [[UInt8]] = [[0x9D, 0x40, 0x7F, 0xFB, 0x45, 0xC9, 0x56, 0x72], [0xD6, 0x21, 0x07, 0xC3, 0x15, 0x84, 0x09, 0xD8]]
        #expect(message.batchItems.map(\.uniqueBatchItemID) == ids)
        #expect(message.batchItems.map(\.operation) == [.addAttribute, .addAttribute])
        #expect(message.batchItems.map { $0.payload(as: AddAttributeRequest.self) } == [
            AddAttributeRequest(uniqueIdentifier: "21d28b8a-06df-43c0-b72f-2a161633ada9", attribute: Attribute(.custom("attribute1"), .text("Value1"))),
            AddAttributeRequest(uniqueIdentifier: "21d28b8a-06df-43c0-b72f-2a161633ada9", attribute: Attribute(.custom("attribute2"), .text("Value2"))),
        ])
        #expect(AttributeName.custom("attribute1") == .vendor(identification: "x", name: "attribute1"))

        let answer = try Self.response("kmip_1_0_usecase_4_1_step_11_client_a_add_attribute_batch_response")
        #expect(answer.batchItems.map(\.uniqueBatchItemID) == ids)
        #expect(answer.batchItems.map(\.resultStatus) == [.success, .success])
        #expect(answer.batchItems.map { $0.payload(as: AddAttributeResponse.self)?.attribute } == [
            Attribute(.custom("attribute1"), .text("Value1")), Attribute(.custom("attribute2"), .text("Value2")),
        ])
    }

    @Test func modifyAndDeleteCustomAttributes() throws {
        let modify = try Self.request("kmip_1_0_usecase_4_1_step_12_client_a_modify_attribute_batch_request")
        #expect(modify.batchItems.map { $0.payload(as: ModifyAttributeRequest.self)?.newAttribute } == [
            Attribute(.custom("attribute1"), .text("ModifiedValue1")), Attribute(.custom("attribute2"), .text("ModifiedValue2")),
        ])
        let delete = try Self.request("kmip_1_0_usecase_4_1_step_13_client_a_delete_attribute_batch_request")
        #expect(delete.batchItems.map { $0.payload(as: DeleteAttributeRequest.self)?.attributeName } == [.custom("attribute1"), .custom("attribute2")])
        #expect(delete.batchItems.map { $0.payload(as: DeleteAttributeRequest.self)?.attributeIndex } == [nil, nil])
    }

    /// Register of a Template (1.0): an empty Template-Attribute, and the template's own Attribute list, with an
    /// `x-` attribute among specification ones. Template objects are kept as received (deprecated in 1.3, gone in
    /// 2.0); their attributes read with the 1.x attribute reader.
    @Test func registerTemplateWithCustomAttribute() throws {
        let message = try Self.request("kmip_1_0_usecase_3_1_2_step_1_register_request")
        let register = try #require(message.batchItems.first?.payload(as: RegisterRequest.self))
        #expect(register.objectType == .template)
        #expect(register.attributes == AttributeSet())
        guard case .preserved(.template, let template) = register.object else {
            Issue.record("expected a preserved Template, got \(register.object)")
            return
        }
        let attributes = try [Attribute].kmip1(template.children, version: message.version)
        #expect(attributes.map(\.name) == [.standard(.objectGroup), .standard(.applicationSpecificInformation), .standard(.contactInformation),
                                           .custom("Purpose"), .standard(.name)])
        #expect(attributes.all(.custom("Purpose")).map(\.value) == [.text("demonstration")])
        #expect(attributes[.name]?.value == .name(Name("Template1")))

        // The next step's Create names that template in its Template-Attribute.
        let create = try #require(try Self.request("kmip_1_0_usecase_3_1_2_step_2_create_symmetric_key_request")
            .batchItems.first?.payload(as: CreateRequest.self))
        #expect(create.attributes.templateNames == [Name("Template1")])
        #expect(create.attributes.attributes.map(\.name) == [.standard(.cryptographicAlgorithm), .standard(.cryptographicLength), .standard(.cryptographicUsageMask)])
    }

    @Test func locateByNameAndObjectType() throws {
        let message = try Self.request("kmip_1_0_usecase_4_1_step_5_client_b_locate_symmetric_key_by_name_request")
        #expect(message.batchItems.first?.operation == .locate)
        let locate = try #require(message.batchItems.first?.payload(as: LocateRequest.self))
        #expect(locate.maximumItems == nil && locate.offsetItems == nil && locate.storageStatusMask == nil && locate.objectGroupMember == nil)
        #expect(locate.attributes == [
            Attribute(.objectType, .enumeration(ObjectType.symmetricKey)),
            Attribute(.name, .name(Name("Key1", type: .uninterpretedTextString))),
        ])
        let answer = try Self.response("kmip_1_0_usecase_4_1_step_5_client_b_locate_symmetric_key_by_name_response")
        #expect(answer.batchItems.first?.payload(as: LocateResponse.self) == LocateResponse(uniqueIdentifiers: ["21d28b8a-06df-43c0-b72f-2a161633ada9"]))
    }

    @Test func getAttributesByName() throws {
        let message = try Self.request("kmip_1_1_testcase_17_1_time_2_get_attributes_request")
        #expect(message.batchItems.first?.payload(as: GetAttributesRequest.self) ==
                GetAttributesRequest(uniqueIdentifier: "28c7bad1-bc9b-41df-b439-1ba04a6fd982", attributeNames: [.standard(.objectType)]))
        let answer = try Self.response("kmip_1_1_testcase_17_1_time_2_get_attributes_response")
        #expect(answer.batchItems.first?.payload(as: GetAttributesResponse.self) == GetAttributesResponse(
            uniqueIdentifier: "28c7bad1-bc9b-41df-b439-1ba04a6fd982", attributes: [Attribute(.objectType, .enumeration(ObjectType.symmetricKey))]))
    }

    // MARK: Discover Versions, Query

    @Test(arguments: [
        ("kmip_1_1_testcase_16_1_time_0_discover_versions_no_versions_provided_request", [ProtocolVersion]()),
        ("kmip_1_1_testcase_16_1_time_1_discover_versionswith_v10_request", [.v1_0]),
        ("kmip_1_1_testcase_16_1_time_3_discover_versions_with_v931_request", [ProtocolVersion(9, 31)]),
        ("DiscoverVersions request", []),
    ])
    func discoverVersionsRequest(_ name: String, _ versions: [ProtocolVersion]) throws {
        let message = try Self.request(name)
        #expect(message.batchItems.first?.operation == .discoverVersions)
        #expect(message.batchItems.first?.payload(as: DiscoverVersionsRequest.self)?.protocolVersions == versions)
    }

    @Test(arguments: [
        ("kmip_1_1_testcase_16_1_time_0_discover_versions_v11_v10_response", ProtocolVersion.v1_1, [ProtocolVersion.v1_1, .v1_0]),
        ("kmip_1_1_testcase_16_1_time_3_discover_versions_no_versions_response", .v1_1, []),
        ("DiscoverVersions response", .v1_2, [.v2_0, .v1_4, .v1_3, .v1_2, .v1_1, .v1_0]),
    ])
    func discoverVersionsResponse(_ name: String, _ header: ProtocolVersion, _ versions: [ProtocolVersion]) throws {
        let message = try Self.response(name)
        #expect(message.version == header)
        #expect(message.batchItems.first?.resultStatus == .success)
        #expect(message.batchItems.first?.payload(as: DiscoverVersionsResponse.self)?.protocolVersions == versions)
    }

    @Test func queryRequestWithMaximumResponseSize() throws {
        let small = try Self.request("kmip_1_0_usecase_12_1_step_1_query_operations_objects_max_response_size_256_request")
        #expect(small.header.maximumResponseSize == 256)
        #expect(small.header.authentication == nil && small.header.asynchronousIndicator == nil && small.header.timeStamp == nil)
        #expect(small.batchItems.first?.payload(as: QueryRequest.self) == QueryRequest(queryFunctions: [.queryOperations, .queryObjects]))
        let large = try Self.request("kmip_1_0_usecase_12_1_step_2_query_operations_objects_max_response_size_2048_request")
        #expect(large.header.maximumResponseSize == 2048)
    }

    @Test func queryResponse() throws {
        let message = try Self.response("kmip_1_0_usecase_12_1_step_2_query_operation_succeeded_response")
        let query = try #require(message.batchItems.first?.payload(as: QueryResponse.self))
        #expect(query.operations == [
            .create, .createKeyPair, .register, .reKey, .locate, .check, .get, .getAttributes, .getAttributeList,
            .addAttribute, .modifyAttribute, .deleteAttribute, .obtainLease, .getUsageAllocation, .activate, .revoke,
            .destroy, .archive, .recover, .query, .cancel, .poll,
        ])
        #expect(query.objectTypes == [.certificate, .symmetricKey, .publicKey, .privateKey, .template])
        #expect(query.vendorIdentification == nil && query.serverInformation == nil && query.capabilities.isEmpty)
    }

    // MARK: Failures

    /// Operation Failed with no Operation (the server could not say which), reason and message.
    @Test func responseTooLarge() throws {
        let message = try Self.response("kmip_1_0_usecase_12_1_step_1_query_operation_failed_response_too_large_response")
        #expect(message.header.timeStamp == DateTime(secondsSinceEpoch: 1_266_227_370))
        let item = try #require(message.batchItems.first)
        #expect(item.operation == nil)
        #expect(item.resultStatus == .operationFailed)
        #expect(item.resultReason == .responseTooLarge)
        #expect(item.resultMessage == "Response size: 568, Maximum Response Size indicated in request: 256")
        #expect(item.payload == nil)
    }

    @Test func invalidFieldFailure() throws {
        let request = try Self.request("kmip_1_1_testcase_17_1_time_1_get_attributes_invalid_request")
        #expect(request.batchItems.first?.payload(as: GetAttributesRequest.self)?.attributeNames == [.standard(.objectType), .standard(.objectType)])
        let message = try Self.response("kmip_1_1_testcase_17_1_time_1_get_attributes_response")
        let item = try #require(message.batchItems.first)
        #expect(item.operation == .getAttributes)
        #expect(item.resultStatus == .operationFailed)
        #expect(item.resultReason == .invalidField)
        #expect(item.resultMessage == "Attribute Name specified more than once: Object Type")
        #expect(item.payload == nil)
    }

    // MARK: Every vector, against what its raw TTLV says

    /// Direction, batch count, and per item the operation, Unique Batch Item ID, result status/reason and payload
    /// type, read independently from the raw tree with subscripts. A decoder that drops, reorders or misassigns
    /// items fails here.
    @Test(arguments: all)
    func framesMatchRawTree(_ vector: Vectors.HexMessage) throws {
        let raw = try TTLVDecoder().decodeMessage(vector.bytes)
        let rawItems = raw.all(.batchItem)
        func enumeration(_ item: TTLV?) -> UInt32? {
            if case .enumeration(let v)? = item?.value { return v }
            return nil
        }
        func integer(_ item: TTLV?) -> Int32? {
            if case .integer(let v)? = item?.value { return v }
            return nil
        }
        func bytes(_ item: TTLV?) -> [UInt8]? {
            if case .byteString(let v)? = item?.value { return v }
            return nil
        }
        func version(_ header: TTLV?) -> ProtocolVersion? {
            guard let major = integer(header?[.protocolVersion]?[.protocolVersionMajor]),
                  let minor = integer(header?[.protocolVersion]?[.protocolVersionMinor]) else { return nil }
            return ProtocolVersion(major, minor)
        }
        let rawOperations = rawItems.map { enumeration($0[.operation]) }
        let rawIDs = rawItems.map { bytes($0[.uniqueBatchItemID]) }

        switch try KMIPMessage(from: raw) {
        case .request(let message):
            #expect(raw.tag == .requestMessage)
            #expect(message.version == version(raw[.requestHeader]))
            #expect(message.header.batchCount == integer(raw[.requestHeader]?[.batchCount]))
            #expect(message.header.maximumResponseSize == integer(raw[.requestHeader]?[.maximumResponseSize]))
            #expect(message.batchItems.count == rawItems.count)
            #expect(message.batchItems.map { $0.operation.rawValue } == rawOperations.map { $0 ?? 0xFFFF_FFFF })
            #expect(message.batchItems.map(\.uniqueBatchItemID) == rawIDs)
            for item in message.batchItems {
                guard case .typed(let payload) = item.payload else {
                    Issue.record("\(item.operation) payload not typed")
                    continue
                }
                #expect(type(of: payload).operation == item.operation)
            }
        case .response(let message):
            #expect(raw.tag == .responseMessage)
            #expect(message.version == version(raw[.responseHeader]))
            #expect(message.header.batchCount == integer(raw[.responseHeader]?[.batchCount]))
            if case .dateTime(let seconds)? = raw[.responseHeader]?[.timeStamp]?.value {
                #expect(message.header.timeStamp == DateTime(secondsSinceEpoch: seconds))
            } else {
                Issue.record("response header without a Time Stamp")
            }
            #expect(message.batchItems.count == rawItems.count)
            #expect(message.batchItems.map { $0.operation?.rawValue } == rawOperations)
            #expect(message.batchItems.map(\.uniqueBatchItemID) == rawIDs)
            #expect(message.batchItems.map(\.resultStatus.rawValue) == rawItems.map { enumeration($0[.resultStatus]) ?? 0xFFFF_FFFF })
            #expect(message.batchItems.map { $0.resultReason?.rawValue } == rawItems.map { enumeration($0[.resultReason]) })
            #expect(message.batchItems.map { $0.payload == nil } == rawItems.map { $0[.responsePayload] == nil })
            for item in message.batchItems {
                guard let content = item.payload else { continue }
                guard case .typed(let payload) = content else {
                    Issue.record("\(String(describing: item.operation)) payload not typed")
                    continue
                }
                #expect(type(of: payload).operation == item.operation)
            }
        }
    }

    /// The operations the vectors exercise, counted from the raw trees; a decoder that loses a kind of message
    /// changes nothing here, so this pins the corpus the per-vector test runs over.
    @Test func vectorCorpusCoversTheOperations() throws {
        var operations: Set<UInt32> = []
        for vector in Self.all {
            let raw = try TTLVDecoder().decodeMessage(vector.bytes)
            for item in raw.all(.batchItem) {
                if case .enumeration(let v)? = item[.operation]?.value { operations.insert(v) }
            }
        }
        let expected: Set<Operation> = [.create, .createKeyPair, .register, .locate, .get, .getAttributes, .getAttributeList,
                                        .addAttribute, .modifyAttribute, .deleteAttribute, .activate, .revoke, .destroy,
                                        .query, .discoverVersions]
        #expect(operations == Set(expected.map(\.rawValue)))
    }
}
