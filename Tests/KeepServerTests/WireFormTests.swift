import KMIP
import KeepCrypto
import KeyHierarchy
import Testing
@testable import KeepServer

@Suite("KMIP service: vCenter 1.1 sequence and the 2.x forms")
struct WireFormTests {
    /// Sends one operation through bytes; returns the raw request and response trees (for checking the wire form)
    /// and the decoded response item.
    static func exchange(_ server: TestServer, _ version: ProtocolVersion, _ payload: any RequestPayload,
                         as caller: CallerIdentity = TestServer.caller()) throws -> (request: TTLV, response: TTLV, item: ResponseBatchItem) {
        let requestBytes = RequestMessage(version: version, [RequestBatchItem(payload)]).encoded()
        let responseBytes = server.service.handle(requestBytes, caller: caller)
        let request = try TTLVDecoder().decodeMessage(requestBytes)
        let response = try TTLVDecoder().decodeMessage(responseBytes)
        let decoded = try ResponseMessage(from: response)
        #expect(decoded.header.protocolVersion == version)
        let item = try #require(decoded.batchItems.first)
        #expect(item.resultStatus == .success, "\(item.resultReason?.description ?? ""): \(item.resultMessage ?? "")")
        return (try #require(request[.batchItem]?[.requestPayload]), try #require(response[.batchItem]?[.responsePayload]), item)
    }

    /// What vCenter's Standard Key Provider does over KMIP 1.1 when it makes a key for a VM.
    @Test func vCenterSequenceOverKMIP11() throws {
        let server = try TestServer()
        let vcenter = TestServer.caller("acme")

        let versions = try Self.exchange(server, .v1_1, DiscoverVersionsRequest(protocolVersions: [.v1_1, .v1_0]), as: vcenter)
        #expect(versions.item.payload(as: DiscoverVersionsResponse.self)?.protocolVersions == [.v1_1, .v1_0])

        let query = try Self.exchange(server, .v1_1, QueryRequest(queryFunctions: [.queryOperations, .queryObjects]), as: vcenter)
        let capabilities = try #require(query.item.payload(as: QueryResponse.self))
        for operation: KMIP.Operation in [.create, .get, .getAttributes, .addAttribute, .locate, .activate, .revoke, .destroy, .discoverVersions, .query] {
            #expect(capabilities.operations.contains(operation), "\(operation)")
        }
        #expect(!capabilities.operations.contains(.encrypt))  // Encrypt is 1.2
        #expect(capabilities.objectTypes.contains(.symmetricKey))

        let template = AttributeSet(aes(256) + [Attribute(.cryptographicUsageMask, .integer(CryptographicUsageMask([.encrypt, .decrypt]).rawValue))])
        let create = try Self.exchange(server, .v1_1, CreateRequest(objectType: .symmetricKey, attributes: template), as: vcenter)
        // 1.1 form: Template-Attribute of name-keyed Attributes.
        let sent = try #require(create.request[.templateAttribute])
        #expect(sent.all(.attribute).compactMap { $0[.attributeName]?.value } == [.textString("Cryptographic Algorithm"), .textString("Cryptographic Length"),
                                                                                 .textString("Cryptographic Usage Mask")])
        #expect(create.response[.objectType]?.value == .enumeration(ObjectType.symmetricKey.rawValue))
        guard case .textString(let uid)? = create.response[.uniqueIdentifier]?.value else { Issue.record("no identifier"); return }

        let names: [AttributeName] = [.standard(.cryptographicAlgorithm), .standard(.cryptographicLength), .standard(.state), .standard(.uniqueIdentifier)]
        let attributes = try Self.exchange(server, .v1_1, GetAttributesRequest(uniqueIdentifier: .text(uid), attributeNames: names), as: vcenter)
        let listed = attributes.response.all(.attribute)
        // In the order asked.
        #expect(listed.compactMap { $0[.attributeName]?.value } == [.textString("Cryptographic Algorithm"), .textString("Cryptographic Length"),
                                                                    .textString("State"), .textString("Unique Identifier")])
        #expect(listed[0][.attributeValue]?.value == .enumeration(CryptographicAlgorithm.aes.rawValue))
        #expect(listed[1][.attributeValue]?.value == .integer(256))
        #expect(listed[2][.attributeValue]?.value == .enumeration(State.preActive.rawValue))

        // vCenter tags the key with its custom attributes, one Add Attribute each.
        let custom = [("x-Vendor", "VMware, Inc."), ("x-Product", "VMware vSphere"), ("x-Product_Version", "8.0.2"),
                      ("x-VM-UUID", "564d2f1a-9b0e-4c1f-8c1e-2b7f0a9d3e11")]
        for (name, value) in custom {
            let added = try Self.exchange(server, .v1_1, AddAttributeRequest(uniqueIdentifier: .text(uid),
                                                                             attribute: Attribute(try AttributeName(kmip1Name: name), .text(value))), as: vcenter)
            let echoed = try #require(added.response[.attribute])
            #expect(echoed[.attributeName]?.value == .textString(name))
            #expect(echoed[.attributeIndex] == nil)  // index 0, left out as an absent index means 0
            #expect(echoed[.attributeValue]?.value == .textString(value))
        }
        let all = try Self.exchange(server, .v1_1, GetAttributesRequest(uniqueIdentifier: .text(uid)), as: vcenter)
        for (name, value) in custom {
            #expect(all.response.all(.attribute).contains { $0[.attributeName]?.value == .textString(name) && $0[.attributeValue]?.value == .textString(value) })
        }
        // ... finds it again by one of them ...
        let located = try Self.exchange(server, .v1_1, LocateRequest(attributes: [Attribute(.custom("VM-UUID"), .text(custom[3].1))]), as: vcenter)
        #expect(located.response.all(.uniqueIdentifier).map(\.value) == [.textString(uid)])

        // ... and fetches the key itself (acme allows export: vCenter needs the KEK).
        let get = try Self.exchange(server, .v1_1, GetRequest(uniqueIdentifier: .text(uid)), as: vcenter)
        let block = try #require(get.response[.symmetricKey]?[.keyBlock])
        #expect(block[.keyFormatType]?.value == .enumeration(KeyFormatType.raw.rawValue))
        #expect(block[.cryptographicAlgorithm]?.value == .enumeration(CryptographicAlgorithm.aes.rawValue))
        #expect(block[.cryptographicLength]?.value == .integer(256))
        let material = try server.hierarchy.keyMaterial(of: uid, in: "acme")
        // Compared as SecureBytes: a failing expectation prints "redacted", never the key.
        guard case .byteString(let bytes)? = block[.keyValue]?[.keyMaterial]?.value else { Issue.record("no Key Material"); return }
        #expect(SecureBytes(bytes) == material)
    }

    @Test func createGetAttributesAndLocateUseTheAttributesStructureIn2x() throws {
        for version in [ProtocolVersion.v2_0, .v2_1] {
            let server = try TestServer()
            let vendor = AttributeName.vendor(identification: "VMware", name: "VM-UUID")
            let template = AttributeSet(aes(128) + [Attribute(.name, .name(Name("vm-9-kek"))), Attribute(vendor, .text("uuid-9")), Attribute(.custom("note"), .text("n")),
                                                    Attribute(.activationDate, .dateTime(DateTime(secondsSinceEpoch: 4_102_444_800)))])
            let create = try Self.exchange(server, version, CreateRequest(objectType: .symmetricKey, attributes: template))
            // 2.x form: an Attributes structure of tag-typed items; no Template-Attribute.
            let sent = try #require(create.request[.attributes])
            #expect(create.request[.templateAttribute] == nil)
            #expect(sent[.cryptographicAlgorithm]?.value == .enumeration(CryptographicAlgorithm.aes.rawValue))
            #expect(sent[.name]?[.nameValue]?.value == .textString("vm-9-kek"))
            #expect(sent[.attribute]?[.vendorIdentification]?.value == .textString("VMware"))
            #expect(create.response[.templateAttribute] == nil)
            guard case .textString(let uid)? = create.response[.uniqueIdentifier]?.value else { Issue.record("no identifier"); return }

            let attributes = try Self.exchange(server, version, GetAttributesRequest(uniqueIdentifier: .text(uid),
                                                                                     attributeNames: [.standard(.cryptographicLength), .standard(.name), .standard(.activationDate), vendor]))
            let returned = try #require(attributes.response[.attributes])
            #expect(attributes.response[.attribute] == nil)
            #expect(returned.children.map(\.tag) == [.cryptographicLength, .name, .activationDate, .attribute])
            #expect(returned[.cryptographicLength]?.value == .integer(128))
            #expect(returned[.activationDate]?.value == .dateTime(4_102_444_800))
            #expect(returned[.attribute]?[.attributeName]?.value == .textString("VM-UUID"))
            #expect(returned[.attribute]?[.attributeValue]?.value == .textString("uuid-9"))
            // The request named attributes by Attribute Reference.
            #expect(attributes.request.all(.attributeReference).count == 4)

            let list = try Self.exchange(server, version, GetAttributeListRequest(uniqueIdentifier: .text(uid)))
            #expect(list.response.all(.attributeReference).contains { $0.value == .enumeration(Tag.cryptographicLength.rawValue) })
            #expect(list.response.all(.attributeName).isEmpty)

            let locate = try Self.exchange(server, version, LocateRequest(attributes: [Attribute(.name, .name(Name("vm-9-kek"))), Attribute(vendor, .text("uuid-9"))]))
            #expect(locate.request[.attributes]?.children.count == 2)
            #expect(locate.response.all(.uniqueIdentifier).map(\.value) == [.textString(uid)])
            #expect(locate.response[.locatedItems] == nil)  // sent when the request pages with Offset Items
            let miss = try Self.exchange(server, version, LocateRequest(attributes: [Attribute(vendor, .text("uuid-10"))]))
            #expect(miss.response.all(.uniqueIdentifier).isEmpty)

            // A 1.x client reads the x- attribute by its 1.x name; another vendor's attribute has no 1.x form and is left out.
            let old = try Self.exchange(server, .v1_4, GetAttributesRequest(uniqueIdentifier: .text(uid)))
            let oldNames = old.response.all(.attribute).compactMap { $0[.attributeName]?.value }
            #expect(oldNames.contains(.textString("x-note")))
            #expect(!oldNames.contains(.textString("VMware-VM-UUID")))
            #expect(try ResponseMessage(from: TTLVDecoder().decodeMessage(server.service.handle(
                RequestMessage(version: .v1_4, [RequestBatchItem(GetAttributesRequest(uniqueIdentifier: .text(uid)))]).encoded(),
                caller: TestServer.caller()))).batchItems.first?.payload(as: GetAttributesResponse.self) != nil)
        }
    }
}
