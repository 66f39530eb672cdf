import Foundation
import Testing
@testable import KMIP

// Swift Testing also declares a `Tag`; in this file it means the KMIP one.
private typealias Tag = KMIP.Tag

/// Every family this module defines (registered under a tag or not), for the table-integrity checks.
private let allFamilies: [any KMIPEnumeration.Type] = [
    AdjustmentType.self, AlternativeNameType.self, AsynchronousIndicator.self, AttestationType.self,
    BatchErrorContinuationOption.self, BlockCipherMode.self, CancellationResult.self, CertificateRequestType.self,
    CertificateType.self, ClientRegistrationMethod.self, CredentialType.self, CryptographicAlgorithm.self,
    DRBGAlgorithm.self, DataEnumeration.self, DerivationMethod.self, DestroyAction.self, DigitalSignatureAlgorithm.self,
    EncodingOption.self, EndpointRole.self, FIPS186Variation.self, HashingAlgorithm.self, InteropFunction.self,
    ItemType.self, KeyCompressionType.self, KeyFormatType.self, KeyRoleType.self, KeyValueLocationType.self,
    KeyWrapType.self, LinkType.self, MaskGenerator.self, NISTKeyType.self, NameType.self, ObjectGroupMember.self,
    ObjectType.self, OpaqueDataType.self, Operation.self, PKCS11Function.self, PKCS11ReturnCode.self,
    PaddingMethod.self, ProcessingStage.self, ProfileName.self, ProtectionLevel.self, PutFunction.self,
    QueryFunction.self, RNGAlgorithm.self, RNGMode.self, RecommendedCurve.self, ResultReason.self, ResultStatus.self,
    RevocationReasonCode.self, SecretDataType.self, ShreddingAlgorithm.self, SplitKeyMethod.self, State.self,
    TicketType.self, UniqueIdentifierEnumeration.self, UnwrapMode.self, UsageLimitsUnit.self,
    ValidationAuthorityType.self, ValidationType.self, ValidityIndicator.self, WrappingMethod.self,
]

private let allMasks: [any KMIPMask.Type] = [
    CryptographicUsageMask.self, StorageStatusMask.self, ProtectionStorageMask.self,
]

// MARK: - The OASIS XML test vectors

/// One start tag in a vector file: element name, `type` and `value` attributes, and the text of the most
/// recent `AttributeName` before it (the sibling that says what an `AttributeValue` holds).
private struct VectorElement: CustomStringConvertible {
    let file: String
    let name: String
    let type: String?
    let value: String?
    let attributeName: String?
    var description: String { "\(file): <\(name) type=\(type ?? "-") value=\(value ?? "-")>" }
}

/// The vector files (Tests/KMIPTests/Vectors/kmip-xml/**/*.xml) scanned once.
private enum XMLVectors {
    static let elements: [VectorElement] = {
        let root = Vectors.directory.appendingPathComponent("kmip-xml")
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
        var out: [VectorElement] = []
        for case let url as URL in walker where url.pathExtension == "xml" {
            guard let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
            out += scan(text, file: url.lastPathComponent)
        }
        return out
    }()

    static var fileCount: Int { Set(elements.map(\.file)).count }

    /// A minimal start-tag scanner: enough for these files (no CDATA, no `>` inside attribute values).
    static func scan(_ text: String, file: String) -> [VectorElement] {
        var out: [VectorElement] = []
        var lastAttributeName: String?
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "<") {
            rest = rest[rest.index(after: open)...]
            if rest.hasPrefix("!--") {
                guard let end = rest.range(of: "-->") else { break }
                rest = rest[end.upperBound...]
                continue
            }
            guard let close = rest.firstIndex(of: ">") else { break }
            let body = rest[..<close]
            rest = rest[rest.index(after: close)...]
            if body.hasPrefix("/") || body.hasPrefix("?") || body.hasPrefix("!") { continue }
            let name = String(body.prefix { $0.isLetter || $0.isNumber || $0 == "_" })
            let type = attribute("type", in: body)
            let value = attribute("value", in: body)
            if name == "AttributeName" { lastAttributeName = value }
            out.append(VectorElement(file: file, name: name, type: type, value: value, attributeName: lastAttributeName))
        }
        return out
    }

    static func attribute(_ key: String, in body: Substring) -> String? {
        guard let start = body.range(of: " \(key)=\"") else { return nil }
        let after = body[start.upperBound...]
        guard let end = after.firstIndex(of: "\"") else { return nil }
        return String(after[..<end])
    }

    /// Wrapper elements that are not KMIP tags: the file root, the Cosmian test-case wrapper, and the
    /// generic `<TTLV tag="0x540001">` element for a tag with no name.
    static let nonTagElements: Set<String> = ["KMIP", "KmipTestCase", "TTLV"]

    /// The tag whose enumeration or mask an element's value belongs to: its own, or for an `AttributeValue`
    /// the tag its sibling `AttributeName` names.
    static func valueTag(of element: VectorElement) -> Tag? {
        if element.name == "AttributeValue" {
            return element.attributeName.flatMap(EnumerationRegistry.tag(forAttributeName:))
        }
        return Tag(name: element.name)
    }
}

@Suite("Tags and enumerations") struct TagsAndEnumerationsTests {

    @Test func vectorsArePresent() {
        #expect(XMLVectors.fileCount >= 140, "expected the 141 copied XML vector files")
        #expect(XMLVectors.elements.count > 25_000)
    }

    @Test func everyVectorElementNameIsATagWhoseNameRoundTrips() {
        var unknown: Set<String> = []
        for element in XMLVectors.elements where !XMLVectors.nonTagElements.contains(element.name) {
            guard let tag = Tag(name: element.name) else {
                unknown.insert(element.name)
                continue
            }
            #expect(tag.name == element.name)
            #expect(tag.rawValue & 0xFF_0000 == 0x42_0000)
        }
        #expect(unknown.isEmpty, "element names with no tag: \(unknown.sorted())")
    }

    @Test func everyVectorEnumerationValueResolves() {
        var checked = 0
        for element in XMLVectors.elements where element.type == "Enumeration" {
            guard let text = element.value else {
                Issue.record("no value: \(element)")
                continue
            }
            guard let tag = XMLVectors.valueTag(of: element) else {
                Issue.record("no tag for \(element) (attribute name \(element.attributeName ?? "none"))")
                continue
            }
            guard let value = EnumerationRegistry.enumerationValue(named: text, tag: tag) else {
                Issue.record("\(text) is not a \(tag) value: \(element)")
                continue
            }
            if !text.hasPrefix("0x") {
                #expect(EnumerationRegistry.enumerationName(of: value, tag: tag) == text, "\(element)")
                checked += 1
            }
        }
        #expect(checked > 4_000)
    }

    /// Masks written by name ("Encrypt Decrypt", "ArchivalStorage OnLineStorage") parse, and render back to the
    /// same set of names.
    @Test func everyVectorMaskValueResolves() {
        var checked = 0
        for element in XMLVectors.elements where element.type == "Integer" {
            guard let text = element.value, Int64(text) == nil, !text.hasPrefix("0x") else { continue }
            guard let tag = XMLVectors.valueTag(of: element), EnumerationRegistry.mask(of: tag) != nil else {
                Issue.record("named Integer that is not a mask: \(element)")
                continue
            }
            guard let value = EnumerationRegistry.maskValue(named: text, tag: tag) else {
                Issue.record("unknown mask names: \(element)")
                continue
            }
            let rendered = EnumerationRegistry.maskNames(of: value, tag: tag) ?? ""
            #expect(Set(rendered.split(separator: " ")) == Set(text.split(whereSeparator: \.isWhitespace)), "\(element)")
            checked += 1
        }
        #expect(checked > 150)
    }

    @Test func everyVectorAttributeNameIsKnown() {
        var unknown: Set<String> = []
        for element in XMLVectors.elements where element.name == "AttributeName" {
            if let name = element.value, EnumerationRegistry.tag(forAttributeName: name) == nil { unknown.insert(name) }
        }
        #expect(unknown.isEmpty, "unknown attribute names: \(unknown.sorted())")
    }

    // MARK: - Table integrity

    @Test func tagTableHasNoDuplicates() {
        let values = Tag.known.map(\.0.rawValue)
        let names = Tag.known.map(\.1)
        #expect(Set(values).count == values.count, "duplicate tag values")
        #expect(Set(names).count == names.count, "duplicate tag names")
        #expect(values == values.sorted(), "Tag.known is kept in value order")
        #expect(Tag.known.count >= 370)
        for (tag, name) in Tag.known {
            #expect(Tag(name: name) == tag)
            #expect(tag.rawValue & 0xFF_0000 == 0x42_0000)
            #expect(!tag.isExtension)
            #expect(name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }, "\(name)")
        }
    }

    @Test(arguments: allFamilies.map(FamilyBox.init))
    func familyTableHasNoDuplicates(_ family: FamilyBox) {
        #expect(family.duplicateValues.isEmpty, "\(family): duplicate values \(family.duplicateValues)")
        #expect(family.duplicateNames.isEmpty, "\(family): duplicate names \(family.duplicateNames)")
        #expect(family.unreadableNames.isEmpty, "\(family): names that do not parse back \(family.unreadableNames)")
        #expect(family.extensionValues.isEmpty, "\(family): spec values in the vendor range")
    }

    @Test func maskTablesAreSingleDistinctBits() {
        for mask in allMasks {
            let bits = mask.knownRawValues
            #expect(bits.allSatisfy { $0 != 0 && $0 & ($0 - 1) == 0 }, "\(mask): not single bits")
            #expect(Set(bits).count == bits.count, "\(mask): duplicate bits")
            #expect(bits == bits.sorted(), "\(mask): not in bit order")
            #expect(Set(mask.knownNames).count == mask.knownNames.count, "\(mask): duplicate names")
        }
    }

    @Test func registryTagsAreEnumerationsAndMasksAreDistinct() {
        for (tag, _) in EnumerationRegistry.families {
            #expect(tag.name != nil)
            #expect(EnumerationRegistry.masks[tag] == nil)
        }
        #expect(same(EnumerationRegistry.family(of: .objectType), ObjectType.self))
        #expect(same(EnumerationRegistry.family(of: .maskGeneratorHashingAlgorithm), HashingAlgorithm.self))
        #expect(same(EnumerationRegistry.mask(of: .cryptographicUsageMask), CryptographicUsageMask.self))
        #expect(EnumerationRegistry.family(of: .cryptographicLength) == nil)
        // Every family reachable from a tag is in `allFamilies`, so the integrity checks cover it.
        let listed = Set(allFamilies.map { ObjectIdentifier($0) })
        for (tag, family) in EnumerationRegistry.families {
            #expect(listed.contains(ObjectIdentifier(family)), "\(tag)")
        }
    }

    @Test func attributeNameTableRoundTrips() {
        let names = EnumerationRegistry.attributeTable.map(\.0)
        let tags = EnumerationRegistry.attributeTable.map(\.1)
        #expect(Set(names).count == names.count)
        #expect(Set(tags).count == tags.count)
        for (name, tag) in EnumerationRegistry.attributeTable {
            #expect(EnumerationRegistry.tag(forAttributeName: name) == tag)
            #expect(EnumerationRegistry.attributeName(for: tag) == name)
            #expect(tag.name != nil)
        }
        #expect(EnumerationRegistry.tag(forAttributeName: "Cryptographic   Usage Mask") == .cryptographicUsageMask)
        #expect(EnumerationRegistry.tag(forAttributeName: "x-ID") == .customAttribute)
        #expect(EnumerationRegistry.tag(forAttributeName: "No Such Attribute") == nil)
    }

    // MARK: - Spot checks against the specification text

    /// Raw values as the specification tables give them (KMIP 1.4 §9.1.3, 2.0/2.1 §11–12), typed in by hand.
    @Test func tagValuesMatchTheSpecification() {
        let expected: [(Tag, UInt32, String)] = [
            (.activationDate, 0x42_0001, "ActivationDate"),
            (.attributeName, 0x42_000A, "AttributeName"),
            (.batchItem, 0x42_000F, "BatchItem"),
            (.cryptographicUsageMask, 0x42_002C, "CryptographicUsageMask"),
            (.ivCounterNonce, 0x42_003D, "IVCounterNonce"),
            (.keyBlock, 0x42_0040, "KeyBlock"),
            (.objectType, 0x42_0057, "ObjectType"),
            (.operation, 0x42_005C, "Operation"),
            (.qlength, 0x42_0073, "Qlength"),
            (.requestMessage, 0x42_0078, "RequestMessage"),
            (.resultReason, 0x42_007E, "ResultReason"),
            (.template, 0x42_0090, "Template"),
            (.uniqueIdentifier, 0x42_0094, "UniqueIdentifier"),
            (.x509CertificateIdentifier, 0x42_00B5, "X_509CertificateIdentifier"),
            (.pkcs12FriendlyName, 0x42_00FB, "PKCS_12FriendlyName"),
            (.pSource, 0x42_0103, "PSource"),
            (.attributes, 0x42_0125, "Attributes"),
            (.attributeReference, 0x42_013B, "AttributeReference"),
            (.serverHashedPassword, 0x42_0155, "ServerHashedPassword"),
            (.protectionStorageMasks, 0x42_015F, "ProtectionStorageMasks"),
            (.asynchronousCorrelationValues, 0x42_0176, "AsynchronousCorrelationValues"),
        ]
        for (tag, value, name) in expected {
            #expect(tag.rawValue == value, "\(name)")
            #expect(tag.name == name)
        }
    }

    @Test func enumerationValuesMatchTheSpecification() {
        #expect(ResultReason.itemNotFound.rawValue == 0x0000_0001)
        #expect(ResultReason.generalFailure.rawValue == 0x0000_0100)
        #expect(ResultReason.constraintViolation.rawValue == 0x0000_004B)
        #expect(ResultStatus.success.rawValue == 0x0000_0000)
        #expect(ResultStatus.operationPending.rawValue == 0x0000_0002)
        #expect(Operation.create.rawValue == 0x0000_0001)
        #expect(Operation.discoverVersions.rawValue == 0x0000_001E)
        #expect(Operation.`import`.rawValue == 0x0000_002A)
        #expect(Operation.ping.rawValue == 0x0000_003B)
        #expect(ObjectType.secretData.rawValue == 0x0000_0007)
        #expect(CryptographicAlgorithm.aes.rawValue == 0x0000_0003)
        #expect(CryptographicAlgorithm.des3.rawValue == 0x0000_0002)
        #expect(CryptographicAlgorithm.ed448.rawValue == 0x0000_0038)
        #expect(BlockCipherMode.gcm.rawValue == 0x0000_0009)
        #expect(BlockCipherMode.nistKeyWrap.rawValue == 0x0000_000D)
        #expect(PaddingMethod.oaep.rawValue == 0x0000_0002)
        #expect(HashingAlgorithm.sha256.rawValue == 0x0000_0006)
        #expect(KeyFormatType.raw.rawValue == 0x0000_0001)
        #expect(KeyFormatType.transparentSymmetricKey.rawValue == 0x0000_0007)
        #expect(KeyFormatType.pkcs12.rawValue == 0x0000_0016)
        #expect(State.preActive.rawValue == 0x0000_0001)
        #expect(State.destroyedCompromised.rawValue == 0x0000_0006)
        #expect(LinkType.replacementObjectLink.rawValue == 0x0000_0106)
        #expect(LinkType.wrappingKeyLink.rawValue == 0x0000_010E)
        #expect(RevocationReasonCode.cessationOfOperation.rawValue == 0x0000_0006)
        #expect(QueryFunction.queryCapabilities.rawValue == 0x0000_000B)
        #expect(ProfileName.tapeLibraryServerKMIPV1_4.rawValue == 0x0000_0080)
        #expect(UniqueIdentifierEnumeration.idPlaceholder.rawValue == 0x0000_0001)
        #expect(CryptographicUsageMask.encrypt.rawValue == 0x0000_0004)
        #expect(CryptographicUsageMask.unwrapKey.rawValue == 0x0000_0020)
        #expect(StorageStatusMask.archivalStorage.rawValue == 0x0000_0002)
        #expect(ProtectionStorageMask.sameJurisdiction.rawValue == 0x0000_2000)
    }

    @Test func enumerationNamesFollowTheXMLNormalization() {
        #expect(CryptographicAlgorithm.des3.name == "DES3") // "3DES": leading digits move to the end
        #expect(CryptographicAlgorithm.hmacSHA256.name == "HMAC_SHA256")
        #expect(State.preActive.name == "PreActive")
        #expect(LinkType.pkcs12CertificateLink.name == "PKCS_12CertificateLink")
        #expect(SplitKeyMethod.polynomialSharingGF2_8.name == "PolynomialSharingGF2_8")
        #expect(DigitalSignatureAlgorithm.sha1WithRSAEncryption.name == "SHA_1WithRSAEncryption")
        #expect(WrappingMethod.macSignThenEncrypt.name == "MACSignThenEncrypt")
        #expect(PaddingMethod.noPadding.name == "None")
        #expect(HashingAlgorithm(name: "SHA_3_256") == .sha3_256) // the 1.4 spelling parses
        #expect(HashingAlgorithm.sha3_256.name == "SHA3_256")
        #expect(MaskGenerator(name: "MFG1") == .mgf1)
    }

    // MARK: - Registry behaviour

    @Test func registryNamesAndParsesEnumerations() {
        #expect(EnumerationRegistry.enumerationName(of: 3, tag: .cryptographicAlgorithm) == "AES")
        #expect(EnumerationRegistry.enumerationValue(named: "AES", tag: .cryptographicAlgorithm) == 3)
        #expect(EnumerationRegistry.enumerationValue(named: "AES", tag: .objectType) == nil)
        #expect(EnumerationRegistry.enumerationName(of: 0x8000_0001, tag: .opaqueDataType) == nil)
        #expect(EnumerationRegistry.enumerationValue(named: "0x80000001", tag: .opaqueDataType) == 0x8000_0001)
        #expect(EnumerationRegistry.enumerationName(of: 0x42_0028, tag: .attributeReference) == "CryptographicAlgorithm")
        #expect(EnumerationRegistry.enumerationValue(named: "State", tag: .tag) == 0x42_008D)
        #expect(EnumerationRegistry.enumerationName(of: 1, tag: .cryptographicLength) == nil)
    }

    @Test func masksRenderAndParseLikeTheXMLVectors() {
        let mask: CryptographicUsageMask = [.encrypt, .decrypt]
        #expect(mask.names == "Encrypt Decrypt")
        #expect(mask.names(separator: "|") == "Encrypt|Decrypt")
        #expect(CryptographicUsageMask(names: "Decrypt   Encrypt") == mask)
        #expect(CryptographicUsageMask(names: "Encrypt|Decrypt") == mask)
        #expect(CryptographicUsageMask(names: "0x0000000C") == mask)
        #expect(CryptographicUsageMask(names: "12") == mask)
        #expect(CryptographicUsageMask(names: "Encrypt Bogus") == nil)
        #expect(CryptographicUsageMask(names: "") == nil)
        let withVendorBit = CryptographicUsageMask(rawValue: Int32(bitPattern: 0x8000_0004))
        #expect(withVendorBit.names == "Encrypt 0x80000000")
        #expect(CryptographicUsageMask(names: withVendorBit.names) == withVendorBit)
        #expect(CryptographicUsageMask().names == "0x00000000")
        #expect(EnumerationRegistry.maskNames(of: Int32(12), tag: .cryptographicUsageMask) == "Encrypt Decrypt")
        #expect(EnumerationRegistry.maskNames(of: UInt32(12), tag: .cryptographicUsageMask) == "Encrypt Decrypt")
        #expect(EnumerationRegistry.maskValue(named: "ArchivalStorage OnLineStorage", tag: .storageStatusMask) == 3)
        #expect(EnumerationRegistry.maskValue(named: "Encrypt", tag: .state) == nil)
    }
}

/// A family type boxed for parameterized tests, with what the integrity test needs computed up front.
struct FamilyBox: CustomStringConvertible, Sendable {
    let description: String
    let duplicateValues: [UInt32]
    let duplicateNames: [String]
    let unreadableNames: [String]
    let extensionValues: [UInt32]

    init(_ family: any KMIPEnumeration.Type) {
        self = FamilyBox.make(family)
    }

    private init(description: String, duplicateValues: [UInt32], duplicateNames: [String], unreadableNames: [String], extensionValues: [UInt32]) {
        self.description = description
        self.duplicateValues = duplicateValues
        self.duplicateNames = duplicateNames
        self.unreadableNames = unreadableNames
        self.extensionValues = extensionValues
    }

    private static func make<E: KMIPEnumeration>(_ family: E.Type) -> FamilyBox {
        let values = E.known.map(\.0.rawValue)
        let names = E.known.map(\.1) + E.aliases.map(\.1)
        func duplicates<T: Hashable>(_ items: [T]) -> [T] {
            Dictionary(grouping: items, by: { $0 }).filter { $0.value.count > 1 }.map(\.key)
        }
        let unreadable = E.known.filter { E(name: $0.1) != $0.0 || $0.0.name != $0.1 }.map(\.1)
            + E.aliases.filter { E(name: $0.1) != $0.0 }.map(\.1)
        return FamilyBox(description: String(describing: family), duplicateValues: duplicates(values),
                         duplicateNames: duplicates(names), unreadableNames: unreadable,
                         extensionValues: values.filter { $0 & 0x8000_0000 != 0 })
    }
}

private func same(_ type: Any.Type?, _ expected: Any.Type) -> Bool {
    type.map { ObjectIdentifier($0) == ObjectIdentifier(expected) } ?? false
}

private extension KMIPMask {
    static var knownRawValues: [UInt32] { known.map { UInt32(bitPattern: $0.0.rawValue) } }
    static var knownNames: [String] { known.map(\.1) }
}
