import Testing
@testable import KMIP

/// One internal attribute model, two wire forms: KMIP 1.x names attributes by text inside Template-Attribute,
/// 2.x by tag inside Attributes. The same set must survive either form, custom attributes included.
@Suite("Attribute model: 1.x and 2.x forms")
struct AttributeModelTests {
    typealias Tag = KMIP.Tag

    static let extensionTag = Tag(rawValue: 0x54_0001)
    /// A vendor value of Digital Signature Algorithm (high bit set): no name here, kept by its raw value.
    static let unknownAlgorithm: UInt32 = 0x8000_0042

    /// Every kind of value: enumeration, integer, mask, typed structures (Name, Link, Cryptographic Parameters),
    /// an untyped structure, date, text, a client `x-` and a server `y-` custom attribute, a 2.x extension attribute
    /// and an enumeration value this implementation does not know.
    static let set: [Attribute] = [
        Attribute(.cryptographicAlgorithm, .enumeration(CryptographicAlgorithm.aes)),
        Attribute(.cryptographicLength, .integer(256)),
        Attribute(.cryptographicUsageMask, .integer(CryptographicUsageMask([.encrypt, .decrypt, .wrapKey]).rawValue)),
        Attribute(.name, .name(Name("vm-42-dek"))),
        Attribute(.link, .link(Link(.parentLink, to: "kek-7"))),
        Attribute(.cryptographicParameters, .cryptographicParameters(CryptographicParameters(blockCipherMode: .xts))),
        Attribute(.activationDate, .dateTime(DateTime(secondsSinceEpoch: 1_700_000_000))),
        Attribute(.applicationSpecificInformation, .structure([
            TTLV(.applicationNamespace, .textString("vmware")), TTLV(.applicationData, .textString("vm-42")),
        ])),
        Attribute(.objectGroup, .text("cluster-a")),
        Attribute(.custom("VMware-KeyId"), .text("5c4e")),
        Attribute(.vendor(identification: "y", name: "Keep-Domain"), .integer(3)),
        Attribute(.standard(extensionTag), .text("extension attribute")),
        Attribute(.digitalSignatureAlgorithm, .enumeration(unknownAlgorithm)),
    ]

    static func roundTrip(_ message: RequestMessage) throws -> RequestMessage {
        let bytes = message.encoded()
        let decoded = try RequestMessage(bytes: bytes)
        #expect(identical(decoded.encoded(), bytes), "re-encoding differs")
        return decoded
    }

    static func createPayload(_ version: ProtocolVersion, _ attributes: AttributeSet) throws -> (CreateRequest, TTLV) {
        let message = RequestMessage(version: version, [RequestBatchItem(CreateRequest(objectType: .symmetricKey, attributes: attributes))])
        let decoded = try roundTrip(message)
        let payload = try #require(decoded.batchItems.first?.payload(as: CreateRequest.self))
        let raw = try #require(message.ttlv()[.batchItem]?[.requestPayload])
        return (payload, raw)
    }

    // MARK: The same set in both forms

    @Test(arguments: ProtocolVersion.supported)
    func sameSetInEveryVersion(_ version: ProtocolVersion) throws {
        let (create, _) = try Self.createPayload(version, AttributeSet(Self.set))
        #expect(create.attributes == AttributeSet(Self.set))
    }

    @Test func kmip1FormIsTemplateAttributeByName() throws {
        let (_, raw) = try Self.createPayload(.v1_2, AttributeSet(Self.set))
        #expect(raw.children.map(\.tag) == [.objectType, .templateAttribute])
        let items = try #require(raw[.templateAttribute]).children
        #expect(items.allSatisfy { $0.tag == .attribute && $0[.attributeIndex] == nil })
        #expect(items.map { $0[.attributeName]?.value } == [
            "Cryptographic Algorithm", "Cryptographic Length", "Cryptographic Usage Mask", "Name", "Link",
            "Cryptographic Parameters", "Activation Date", "Application Specific Information", "Object Group",
            "x-VMware-KeyId", "y-Keep-Domain", "0x540001", "Digital Signature Algorithm",
        ].map { TTLV.Value.textString($0) })
        #expect(items.map { $0[.attributeValue]?.type } == [
            .enumeration, .integer, .integer, .structure, .structure, .structure, .dateTime, .structure, .textString,
            .textString, .integer, .textString, .enumeration,
        ])
        #expect(items.last?[.attributeValue]?.value == .enumeration(Self.unknownAlgorithm))
    }

    @Test func kmip2FormIsAttributesByTag() throws {
        let (_, raw) = try Self.createPayload(.v2_0, AttributeSet(Self.set))
        #expect(raw.children.map(\.tag) == [.objectType, .attributes])
        let items = try #require(raw[.attributes]).children
        #expect(items.map(\.tag) == [
            .cryptographicAlgorithm, .cryptographicLength, .cryptographicUsageMask, .name, .link, .cryptographicParameters,
            .activationDate, .applicationSpecificInformation, .objectGroup, .attribute, .attribute, Self.extensionTag,
            .digitalSignatureAlgorithm,
        ])
        // The custom attributes are Vendor Attributes: {Vendor Identification, Attribute Name, Attribute Value}.
        #expect(items[9].children == [
            TTLV(.vendorIdentification, .textString("x")), TTLV(.attributeName, .textString("VMware-KeyId")),
            TTLV(.attributeValue, .textString("5c4e")),
        ])
        #expect(items[10].children == [
            TTLV(.vendorIdentification, .textString("y")), TTLV(.attributeName, .textString("Keep-Domain")),
            TTLV(.attributeValue, .integer(3)),
        ])
        #expect(items[11] == TTLV(Self.extensionTag, .textString("extension attribute")))
        #expect(items[12] == TTLV(.digitalSignatureAlgorithm, .enumeration(Self.unknownAlgorithm)))
    }

    /// Template names and Attribute Index exist only in 1.x: kept there, left out of a 2.x encoding.
    @Test func kmip1OnlyPartsAreDroppedIn2x() throws {
        let attributes = AttributeSet([Attribute(.name, index: 1, .name(Name("second")))], templateNames: [Name("Template1")])
        let (v1, raw1) = try Self.createPayload(.v1_4, attributes)
        #expect(v1.attributes == attributes)
        #expect(raw1[.templateAttribute]?.children.map(\.tag) == [.name, .attribute])
        let (v2, raw2) = try Self.createPayload(.v2_1, attributes)
        #expect(v2.attributes == AttributeSet([Attribute(.name, .name(Name("second")))]))
        #expect(raw2[.attributes]?.children.map(\.tag) == [.name])
    }

    /// A set that arrives in 1.x converts to the 2.x form and back to the same model.
    @Test func convertsBetweenGenerations() throws {
        let (fromV1, _) = try Self.createPayload(.v1_1, AttributeSet(Self.set))
        let (fromV2, _) = try Self.createPayload(.v2_1, fromV1.attributes)
        let (backToV1, _) = try Self.createPayload(.v1_4, fromV2.attributes)
        #expect(fromV2.attributes == fromV1.attributes)
        #expect(backToV1.attributes == AttributeSet(Self.set))
    }

    // MARK: Custom attributes ↔ Vendor Attribute

    /// Add Attribute as vCenter sends it (1.x, `x-` name) and the same request in 2.x (New Attribute holding a
    /// Vendor Attribute with identification "x").
    @Test func customAttributeIsVendorAttribute() throws {
        let kmip1 = TTLV.structure(.requestPayload, [
            TTLV(.uniqueIdentifier, .textString("dek-1")),
            .structure(.attribute, [TTLV(.attributeName, .textString("x-VMware-KeyId")), TTLV(.attributeValue, .textString("5c4e"))]),
        ])
        let add = try AddAttributeRequest(from: kmip1, version: .v1_1)
        #expect(add.attribute.name == .vendor(identification: "x", name: "VMware-KeyId"))
        #expect(add.attribute.value == .text("5c4e"))
        #expect(add.ttlv(version: .v1_1) == kmip1)

        let kmip2 = add.ttlv(version: .v2_0)
        #expect(kmip2 == TTLV.structure(.requestPayload, [
            TTLV(.uniqueIdentifier, .textString("dek-1")),
            .structure(.newAttribute, [.structure(.attribute, [
                TTLV(.vendorIdentification, .textString("x")), TTLV(.attributeName, .textString("VMware-KeyId")),
                TTLV(.attributeValue, .textString("5c4e")),
            ])]),
        ]))
        #expect(try AddAttributeRequest(from: kmip2, version: .v2_0) == add)
    }

    @Test func serverCustomAttributeFrom2xTo1x() throws {
        let vendor = Attribute(.vendor(identification: "y", name: "Keep-Domain"), .integer(3))
        #expect(vendor.kmip1TTLV(version: .v1_4) == .structure(.attribute, [
            TTLV(.attributeName, .textString("y-Keep-Domain")), TTLV(.attributeValue, .integer(3)),
        ]))
        #expect(try Attribute(kmip1: vendor.kmip1TTLV(version: .v1_4), version: .v1_4) == vendor)
        #expect(try Attribute(kmip2: vendor.kmip2TTLV(version: .v2_1), version: .v2_1) == vendor)
    }

    /// 1.x can name only `x-`/`y-` custom attributes; any other text that is not a specification name is refused,
    /// and so is a 2.x vendor attribute of another vendor read back in 1.x.
    @Test func unknownNamesAreRefused() {
        #expect(throws: KMIPDecodingError.self) { try AttributeName(kmip1Name: "Cryptographic Colour") }
        #expect(throws: KMIPDecodingError.self) { try AttributeName(kmip1Name: AttributeName.vendor(identification: "acme", name: "Tier").kmip1Name) }
        // An attribute with a 1.x name has only that spelling.
        #expect(throws: KMIPDecodingError.self) { try AttributeName(kmip1Name: "0x420028") }
        #expect(throws: KMIPDecodingError.self) { try AttributeName(kmip1Name: "0x54001") }
        #expect(throws: KMIPDecodingError.self) { try AttributeName(kmip1Name: "0x+54001") }
        #expect((try? AttributeName(kmip1Name: "0x540001")) == .standard(Self.extensionTag))
        #expect((try? AttributeName(kmip1Name: "x-")) == .vendor(identification: "x", name: ""))
    }

    /// A value of the wrong type for a specification attribute is a typed error, not a stored value.
    @Test func wrongValueTypeIsRefused() {
        let wrong = TTLV.structure(.attribute, [TTLV(.attributeName, .textString("Cryptographic Length")), TTLV(.attributeValue, .textString("256"))])
        #expect(throws: KMIPDecodingError.self) { try Attribute(kmip1: wrong, version: .v1_2) }
        #expect(throws: KMIPDecodingError.self) { try Attribute(kmip2: TTLV(.cryptographicLength, .textString("256")), version: .v2_0) }
    }

    // MARK: Attribute Reference (2.x)

    @Test func getAttributesByReference() throws {
        let names: [AttributeName] = [.standard(.cryptographicAlgorithm), .vendor(identification: "x", name: "VMware-KeyId"), .standard(Self.extensionTag)]
        let request = GetAttributesRequest(uniqueIdentifier: "dek-1", attributeNames: names)
        let kmip2 = request.ttlv(version: .v2_1)
        #expect(kmip2.children == [
            TTLV(.uniqueIdentifier, .textString("dek-1")),
            TTLV(.attributeReference, .enumeration(Tag.cryptographicAlgorithm.rawValue)),
            .structure(.attributeReference, [TTLV(.vendorIdentification, .textString("x")), TTLV(.attributeName, .textString("VMware-KeyId"))]),
            TTLV(.attributeReference, .enumeration(0x54_0001)),
        ])
        #expect(try GetAttributesRequest(from: kmip2, version: .v2_1) == request)

        let kmip1 = request.ttlv(version: .v1_4)
        #expect(kmip1.children.map(\.value) == [.textString("dek-1"), .textString("Cryptographic Algorithm"), .textString("x-VMware-KeyId"), .textString("0x540001")])
        #expect(kmip1.children.dropFirst().allSatisfy { $0.tag == .attributeName })
        #expect(try GetAttributesRequest(from: kmip1, version: .v1_4) == request)

        // Each generation's form only in its own version: the payload stays unparsed (and re-encodes as received).
        #expect(throws: KMIPDecodingError.self) { try GetAttributesRequest(from: kmip2, version: .v1_4) }
        #expect(throws: KMIPDecodingError.self) { try GetAttributesRequest(from: kmip1, version: .v2_0) }
        let crossed = RequestMessage(version: .v1_4, [RequestBatchItem(operation: .getAttributes, payload: .unparsed(kmip2, KMIPDecodingError(.unexpectedField, "")))])
        let decoded = try RequestMessage(bytes: crossed.encoded())
        #expect(decoded.batchItems.first?.payload.decodingError?.code == .unexpectedField)
        #expect(identical(decoded.encoded(), crossed.encoded()), "re-encoding differs")
    }

    @Test func getAttributesResponseIn2x() throws {
        let attributes = [Attribute(.cryptographicLength, .integer(256)), Attribute(.custom("VMware-KeyId"), .text("5c4e"))]
        let response = GetAttributesResponse(uniqueIdentifier: "dek-1", attributes: attributes)
        let kmip2 = response.ttlv(version: .v2_0)
        #expect(kmip2.children.map(\.tag) == [.uniqueIdentifier, .attributes])
        #expect(kmip2[.attributes]?.children.map(\.tag) == [.cryptographicLength, .attribute])
        #expect(try GetAttributesResponse(from: kmip2, version: .v2_0) == response)
        let kmip1 = response.ttlv(version: .v1_2)
        #expect(kmip1.children.map(\.tag) == [.uniqueIdentifier, .attribute, .attribute])
        #expect(try GetAttributesResponse(from: kmip1, version: .v1_2) == response)
    }

    /// Get Attribute List answers with references in 2.x; Delete Attribute deletes a vendor attribute by reference.
    @Test func referencesInAttributeListAndDelete() throws {
        let list = GetAttributeListResponse(uniqueIdentifier: "dek-1", attributeNames: [.standard(.state), .custom("VMware-KeyId")])
        let kmip2 = list.ttlv(version: .v2_0)
        #expect(kmip2.children.dropFirst().map(\.tag) == [.attributeReference, .attributeReference])
        #expect(try GetAttributeListResponse(from: kmip2, version: .v2_0) == list)

        let delete = DeleteAttributeRequest(uniqueIdentifier: "dek-1", attributeName: .custom("VMware-KeyId"))
        let deleted = delete.ttlv(version: .v2_1)
        #expect(deleted[.attributeReference]?.children == [TTLV(.vendorIdentification, .textString("x")), TTLV(.attributeName, .textString("VMware-KeyId"))])
        #expect(try DeleteAttributeRequest(from: deleted, version: .v2_1) == delete)
        #expect(delete.ttlv(version: .v1_3)[.attributeName]?.value == .textString("x-VMware-KeyId"))
    }

    /// Set Attribute exists only in 2.x: a 1.x request for it is refused as an unsupported operation.
    @Test func setAttributeIs2xOnly() throws {
        let set = SetAttributeRequest(uniqueIdentifier: "dek-1", newAttribute: Attribute(.custom("VMware-KeyId"), .text("5c4f")))
        #expect(try SetAttributeRequest(from: set.ttlv(version: .v2_0), version: .v2_0) == set)
        #expect(throws: KMIPDecodingError.self) { try SetAttributeRequest(from: set.ttlv(version: .v2_0), version: .v1_4) }
    }
}
