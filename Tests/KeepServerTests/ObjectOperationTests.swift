import Foundation
import KMIP
import KeepCrypto
import KeyHierarchy
import Testing
@testable import KeepServer

@Suite("KMIP service: objects and attributes")
struct ObjectOperationTests {
    @Test func createsAESKeysUnderTheCallersDomain() throws {
        let server = try TestServer()
        for bits: Int32 in [128, 192, 256] {
            let uid = try server.createKey(bits: bits)
            let object = try server.hierarchy.object(uid, in: "acme")
            #expect(object.attributes.cryptographicLength == bits && object.attributes.cryptographicAlgorithm == .aes)
            #expect(object.attributes.state == .preActive && object.attributes.usageMask == [.encrypt, .decrypt])
            #expect(try server.hierarchy.keyMaterial(of: uid, in: "acme").count == Int(bits) / 8)
            #expect(object.domainKeyVersion == (try server.hierarchy.domain(id: "acme").domainKeyVersion))
            #expect { _ = try server.hierarchy.object(uid, in: "globex") } throws: { ($0 as? HierarchyError)?.code == .objectNotFound }
        }
        // An Activation Date already past makes the key Active at once.
        let past = try server.createKey(extra: [Attribute(.activationDate, .dateTime(DateTime(secondsSinceEpoch: 1_000)))])
        #expect(try server.hierarchy.object(past, in: "acme").attributes.state == .active)
    }

    @Test func createRefusesWhatItCannotMake() throws {
        let server = try TestServer()
        func create(_ attributes: [Attribute], type: ObjectType = .symmetricKey, _ version: ProtocolVersion = .v1_4) throws -> ResponseBatchItem {
            try server.send(version, CreateRequest(objectType: type, attributes: AttributeSet(attributes)))
        }
        expectFailure(try create([Attribute(.cryptographicLength, .integer(256))]), .invalidField, "AES")
        expectFailure(try create([Attribute(.cryptographicAlgorithm, .enumeration(CryptographicAlgorithm.aes.rawValue))]), .invalidField, "Length")
        expectFailure(try create(aes(100)), .invalidField, "128, 192 or 256")
        let des3 = Attribute(.cryptographicAlgorithm, .enumeration(CryptographicAlgorithm.des3.rawValue))
        expectFailure(try create([des3, Attribute(.cryptographicLength, .integer(112))]), .invalidField, "168")
        expectFailure(try create([Attribute(.cryptographicAlgorithm, .enumeration(CryptographicAlgorithm.rsa.rawValue)),
                                  Attribute(.cryptographicLength, .integer(2048))]), .invalidField, "AES")
        expectFailure(try create(aes(256), type: .secretData), .invalidField, "symmetric keys")
        // Attributes the server sets are refused in a template: Permission Denied in 1.x, Attribute Read Only in 2.x.
        let state = Attribute(.state, .enumeration(State.active.rawValue))
        expectFailure(try create(aes(256) + [state]), .permissionDenied, "set by the server")
        expectFailure(try create(aes(256) + [state], .v2_1), .attributeReadOnly)
        expectFailure(try create(aes(256) + aes(128)), .invalidField, "single value")
        let templated = CreateRequest(objectType: .symmetricKey, attributes: AttributeSet(aes(256), templateNames: [Name("tmpl")]))
        expectFailure(try server.send(.v1_1, templated), .itemNotFound, "Template named tmpl")
        #expect(try server.hierarchy.locate(.init(domainID: "acme")).isEmpty)
    }

    /// KMIP 1.x Templates: registered with their attributes (their value), applied as defaults by name, returned by
    /// Get, unusable once destroyed.
    @Test func templatesGiveDefaultsByName() throws {
        let server = try TestServer()
        let template = TTLV.structure(.template, [Attribute(.objectGroup, .text("vm-keys")), Attribute(.cryptographicLength, .integer(128)),
                                                  Attribute(.cryptographicAlgorithm, .enumeration(CryptographicAlgorithm.aes.rawValue))].map { $0.kmip1TTLV(version: .v1_1) })
        let registered: RegisterResponse = try server.ok(.v1_1, RegisterRequest(object: .preserved(.template, template),
                                                                               attributes: AttributeSet([Attribute(.name, .name(Name("tmpl")))])))
        let templateID = try #require(registered.uniqueIdentifier.text)
        // The request's own Cryptographic Length wins over the template's; the template's Object Group is added.
        let created: CreateResponse = try server.ok(.v1_1, CreateRequest(objectType: .symmetricKey, attributes: AttributeSet([Attribute(.cryptographicLength, .integer(256))],
                                                                                                                        templateNames: [Name("tmpl")])))
        let key = try server.hierarchy.object(try #require(created.uniqueIdentifier.text), in: "acme")
        #expect(key.attributes.cryptographicLength == 256 && key.attributes.cryptographicAlgorithm == .aes)
        #expect(key.attributes.other.contains(TTLV(.objectGroup, .textString("vm-keys"))))
        let got: GetResponse = try server.ok(.v1_1, GetRequest(uniqueIdentifier: .text(templateID)))
        #expect(got.object == .preserved(.template, template))
        // A template can be malformed only in what a template may hold.
        let bad = TTLV.structure(.template, [Attribute(.state, .enumeration(State.active.rawValue)).kmip1TTLV(version: .v1_1)])
        expectFailure(try server.send(.v1_1, RegisterRequest(object: .preserved(.template, bad), attributes: AttributeSet([]))), .permissionDenied, "set by the server")
        // Templates were removed in 2.0.
        #expect(try server.send(.v2_1, RegisterRequest(object: .preserved(.template, template), attributes: AttributeSet([]))).resultStatus == .operationFailed)
        let _: DestroyResponse = try server.ok(.v1_1, DestroyRequest(uniqueIdentifier: .text(templateID)))
        expectFailure(try server.send(.v1_1, CreateRequest(objectType: .symmetricKey, attributes: AttributeSet([], templateNames: [Name("tmpl")]))), .itemNotFound, "Template")
    }

    /// The FIPS key foundry profile (SKFF) has a server make three-key Triple DES keys: 24 bytes with odd parity.
    @Test func createsTripleDESKeysWithParity() throws {
        let server = try TestServer()
        let des3 = [Attribute(.cryptographicAlgorithm, .enumeration(CryptographicAlgorithm.des3.rawValue)), Attribute(.cryptographicLength, .integer(168))]
        let created: CreateResponse = try server.ok(.v1_4, CreateRequest(objectType: .symmetricKey, attributes: AttributeSet(des3)))
        let uid = try #require(created.uniqueIdentifier.text)
        let got: GetResponse = try server.ok(.v1_4, GetRequest(uniqueIdentifier: .text(uid)))
        #expect(got.object.keyBlock?.cryptographicAlgorithm == .des3 && got.object.keyBlock?.cryptographicLength == 168)
        let bytes = try #require(got.object.keyBlock?.keyValue?.keyMaterial?.symmetricKeyBytes)
        #expect(bytes.count == 24)
        #expect(bytes.withUnsafeBytes { $0.allSatisfy { $0.nonzeroBitCount % 2 == 1 } })
        // Stored and served, never used for encryption.
        let _: ActivateResponse = try server.ok(.v1_4, ActivateRequest(uniqueIdentifier: .text(uid)))
        expectFailure(try server.send(.v1_4, EncryptRequest(uniqueIdentifier: .text(uid), cryptographicParameters: CryptographicParameters(blockCipherMode: .nistKeyWrap),
                                                            data: SecureBytes([1, 2, 3]))), .invalidField, "AES")
    }

    @Test func registersKeysSecretsAndOpaqueObjectsAndGetsThemBack() throws {
        let server = try TestServer()
        let keyBytes = SecureBytes((0..<32).map { UInt8($0 * 7 & 0xFF) })
        for format in [KeyFormatType.raw, .transparentSymmetricKey] {
            let material: KeyMaterial = format == .raw ? .bytes(keyBytes) : .transparentSymmetricKey(keyBytes)
            let block = KeyBlock(keyFormatType: format, keyValue: .structure(material, attributes: nil), cryptographicAlgorithm: .aes, cryptographicLength: 256)
            let registered: RegisterResponse = try server.ok(.v1_4, RegisterRequest(object: .symmetricKey(block), attributes: AttributeSet([Attribute(.name, .name(Name("imported")))])))
            let uid = try #require(registered.uniqueIdentifier.text)
            let got: GetResponse = try server.ok(.v1_4, GetRequest(uniqueIdentifier: .text(uid)))
            #expect(got.object.keyBlock?.keyValue?.keyMaterial?.symmetricKeyBytes == keyBytes)
            #expect(got.object.keyBlock?.keyFormatType == .raw && got.object.keyBlock?.cryptographicLength == 256)
        }
        let secret = SecureBytes(Array("correct horse battery staple".utf8))
        let secretBlock = KeyBlock(keyFormatType: .opaque, keyValue: .structure(.bytes(secret), attributes: nil))
        let secretUID = try #require((try server.ok(.v2_1, RegisterRequest(object: .secretData(.seed, secretBlock), attributes: AttributeSet()),
                                                    RegisterResponse.self)).uniqueIdentifier.text)
        let gotSecret: GetResponse = try server.ok(.v2_1, GetRequest(uniqueIdentifier: .text(secretUID)))
        guard case .secretData(let type, let block) = gotSecret.object else { Issue.record("not secret data"); return }
        #expect(type == .seed && block.keyFormatType == .opaque && block.keyValue?.keyMaterial?.symmetricKeyBytes == secret)
        expectFailure(try server.send(.v2_1, GetRequest(uniqueIdentifier: .text(secretUID), keyFormatType: .raw)), .keyFormatTypeNotSupported)

        let opaque = SecureBytes([1, 2, 3, 4, 5])
        let opaqueUID = try #require((try server.ok(.v1_2, RegisterRequest(object: .opaqueObject(OpaqueDataType(rawValue: 0x8000_0001), opaque),
                                                                           attributes: AttributeSet()), RegisterResponse.self)).uniqueIdentifier.text)
        let gotOpaque: GetResponse = try server.ok(.v1_2, GetRequest(uniqueIdentifier: .text(opaqueUID)))
        #expect(gotOpaque.object == .opaqueObject(OpaqueDataType(rawValue: 0x8000_0001), opaque))
        // The facts kept about them are not attributes.
        let attributes: GetAttributesResponse = try server.ok(.v2_1, GetAttributesRequest(uniqueIdentifier: .text(secretUID)))
        #expect(attributes.attributes.allSatisfy { !($0.name.tag?.isExtension ?? false) })
        #expect(attributes.attributes[.objectType]?.value == .enumeration(ObjectType.secretData.rawValue))
    }

    @Test func registerRefusesWhatItCannotKeep() throws {
        let server = try TestServer()
        let key = SecureBytes(repeating: 9, count: 16)
        func register(_ block: KeyBlock, _ attributes: [Attribute] = []) throws -> ResponseBatchItem {
            try server.send(.v1_4, RegisterRequest(object: .symmetricKey(block), attributes: AttributeSet(attributes)))
        }
        expectFailure(try register(KeyBlock(keyFormatType: .raw, keyValue: .structure(.bytes(key), attributes: nil), cryptographicAlgorithm: .aes, cryptographicLength: 256)),
                      .invalidField, "does not match")
        expectFailure(try register(KeyBlock(keyFormatType: .raw, keyValue: .structure(.bytes(key), attributes: nil), cryptographicAlgorithm: .hmacSHA256)),
                      .invalidField, "AES")
        expectFailure(try register(KeyBlock(keyFormatType: .pkcs8, keyValue: .structure(.bytes(key), attributes: nil), cryptographicAlgorithm: .aes)),
                      .keyFormatTypeNotSupported)
        // A wrapped key names its wrapping key, which must exist in the domain (more in registerWrappedRefusesWhatKeepCannotUnwrap).
        var wrapped = KeyBlock(keyFormatType: .raw, keyValue: .byteString(SecureBytes(repeating: 9, count: 24)), cryptographicAlgorithm: .aes, cryptographicLength: 128)
        wrapped.keyWrappingData = KeyWrappingData(wrappingMethod: .encrypt, encryptionKeyInformation: KeyInformation(uniqueIdentifier: "k"), encodingOption: .noEncoding)
        expectFailure(try register(wrapped), .itemNotFound, "no wrapping key k")
        let certificate = RegisterRequest(object: .preserved(.certificate, .structure(.certificate, [
            TTLV(.certificateType, .enumeration(1)), TTLV(.certificateValue, .byteString([0x30, 0x00]))])), attributes: AttributeSet())
        expectFailure(try server.send(.v1_4, certificate), .invalidField, "Certificate")
        #expect(try server.hierarchy.locate(.init(domainID: "acme")).isEmpty)
    }

    @Test func getReturnsRawOrTransparentAndRefusesOtherFormats() throws {
        let server = try TestServer()
        let uid = try server.createKey(bits: 192)
        let material = try server.hierarchy.keyMaterial(of: uid, in: "acme")
        let raw: GetResponse = try server.ok(.v1_1, GetRequest(uniqueIdentifier: .text(uid)))
        #expect(raw.object.objectType == .symmetricKey && raw.uniqueIdentifier == .text(uid))
        let rawBlock = try #require(raw.object.keyBlock)
        #expect(rawBlock.keyFormatType == .raw && rawBlock.cryptographicAlgorithm == .aes && rawBlock.cryptographicLength == 192)
        #expect(rawBlock.keyValue?.keyMaterial == .bytes(material))
        let transparent: GetResponse = try server.ok(.v2_0, GetRequest(uniqueIdentifier: .text(uid), keyFormatType: .transparentSymmetricKey))
        #expect(transparent.object.keyBlock?.keyValue?.keyMaterial == .transparentSymmetricKey(material))
        expectFailure(try server.send(.v1_4, GetRequest(uniqueIdentifier: .text(uid), keyFormatType: .pkcs8)), .keyFormatTypeNotSupported)
        expectFailure(try server.send(.v1_0, GetRequest(uniqueIdentifier: .text(uid), keyFormatType: .pkcs8)), .featureNotSupported)
        expectFailure(try server.send(.v1_4, GetRequest(uniqueIdentifier: "does-not-exist")), .itemNotFound, "does-not-exist")
    }

    @Test func lifecycleActivateRevokeDestroy() throws {
        let server = try TestServer()
        let uid = try server.createKey()
        let _: ActivateResponse = try server.ok(.v1_4, ActivateRequest(uniqueIdentifier: .text(uid)))
        #expect(try server.hierarchy.object(uid, in: "acme").attributes.state == .active)
        // Wrong state: Permission Denied in 1.x, Wrong Key Lifecycle State in 2.x.
        expectFailure(try server.send(.v1_4, ActivateRequest(uniqueIdentifier: .text(uid))), .permissionDenied)
        expectFailure(try server.send(.v2_1, ActivateRequest(uniqueIdentifier: .text(uid))), .wrongKeyLifecycleState)
        expectFailure(try server.send(.v1_4, DestroyRequest(uniqueIdentifier: .text(uid))), .permissionDenied, "Destroy")
        let _: RevokeResponse = try server.ok(.v1_4, RevokeRequest(uniqueIdentifier: .text(uid), revocationReason: RevocationReason(.cessationOfOperation, message: "vm deleted")))
        let revoked = try server.hierarchy.object(uid, in: "acme").attributes
        #expect(revoked.state == .deactivated && revoked.revocationReason?.code == .cessationOfOperation)
        let _: DestroyResponse = try server.ok(.v1_4, DestroyRequest(uniqueIdentifier: .text(uid)))
        let destroyed = try server.hierarchy.object(uid, in: "acme")
        #expect(destroyed.attributes.state == .destroyed && !destroyed.hasKeyMaterial)
        // Metadata stays; key material does not.
        let attributes: GetAttributesResponse = try server.ok(.v1_4, GetAttributesRequest(uniqueIdentifier: .text(uid), attributeNames: [.standard(.state)]))
        #expect(attributes.attributes.map(\.value) == [.enumeration(State.destroyed.rawValue)])
        expectFailure(try server.send(.v1_4, GetRequest(uniqueIdentifier: .text(uid))), .itemNotFound, "destroyed")
        expectFailure(try server.send(.v2_1, GetRequest(uniqueIdentifier: .text(uid))), .objectDestroyed)

        // Compromise from Active.
        let other = try server.activeKey()
        let _: RevokeResponse = try server.ok(.v2_1, RevokeRequest(uniqueIdentifier: .text(other), revocationReason: RevocationReason(.keyCompromise),
                                                                    compromiseOccurrenceDate: DateTime(secondsSinceEpoch: 5_000)))
        let compromised = try server.hierarchy.object(other, in: "acme").attributes
        #expect(compromised.state == .compromised && compromised.dates.compromiseOccurrence == 5_000)
    }

    @Test func rekeyMakesALinkedReplacementAndMovesTheNames() throws {
        let server = try TestServer()
        let old = try server.activeKey(names: ["vm-7-kek"])
        let response: ReKeyResponse = try server.ok(.v1_4, ReKeyRequest(uniqueIdentifier: .text(old), attributes: AttributeSet([Attribute(.custom("rekeyed"), .text("yes"))])))
        let new = try #require(response.uniqueIdentifier.text)
        #expect(new != old)
        let oldAttributes = try server.hierarchy.object(old, in: "acme").attributes
        let newAttributes = try server.hierarchy.object(new, in: "acme").attributes
        #expect(oldAttributes.links.contains(.init(.replacementObjectLink, new)))
        #expect(newAttributes.links.contains(.init(.replacedObjectLink, old)))
        #expect(oldAttributes.names.isEmpty && newAttributes.names.map(\.value) == ["vm-7-kek"])
        #expect(newAttributes.custom.map(\.name) == ["x-rekeyed"])
        #expect(try server.hierarchy.keyMaterial(of: new, in: "acme") != server.hierarchy.keyMaterial(of: old, in: "acme"))
        let located: LocateResponse = try server.ok(.v1_4, LocateRequest(attributes: [Attribute(.name, .name(Name("vm-7-kek")))]))
        #expect(located.uniqueIdentifiers == [.text(new)])
        // A bad template fails before a key is made.
        let count = try server.hierarchy.locate(.init(domainID: "acme")).count
        expectFailure(try server.send(.v1_4, ReKeyRequest(uniqueIdentifier: .text(new), attributes: AttributeSet([Attribute(.state, .enumeration(1))]))),
                      .permissionDenied)
        #expect(try server.hierarchy.locate(.init(domainID: "acme")).count == count)
        expectFailure(try server.send(.v1_4, ReKeyRequest(uniqueIdentifier: "nope")), .itemNotFound)
    }

    @Test func attributeOperationsIn1x() throws {
        let server = try TestServer()
        let uid = try server.createKey(.v1_4)
        func add(_ attribute: Attribute) throws -> ResponseBatchItem { try server.send(.v1_4, AddAttributeRequest(uniqueIdentifier: .text(uid), attribute: attribute)) }
        // Custom attributes get successive indexes, which survive deleting an earlier one.
        for (i, value) in ["a", "b", "c"].enumerated() {
            let item = try add(Attribute(.custom("tag"), .text(value)))
            // Index 0 goes unwritten: an absent Attribute Index means 0.
            #expect(item.payload(as: AddAttributeResponse.self)?.attribute == Attribute(.custom("tag"), index: i == 0 ? nil : Int32(i), .text(value)))
        }
        let modified: ModifyAttributeResponse = try server.ok(.v1_4, ModifyAttributeRequest(uniqueIdentifier: .text(uid), newAttribute: Attribute(.custom("tag"), index: 1, .text("B"))))
        #expect(modified.attribute == Attribute(.custom("tag"), index: 1, .text("B")))
        let deleted: DeleteAttributeResponse = try server.ok(.v1_4, DeleteAttributeRequest(uniqueIdentifier: .text(uid), attributeName: .custom("tag"), attributeIndex: 0))
        #expect(deleted.attribute == Attribute(.custom("tag"), .text("a")))
        let list: GetAttributesResponse = try server.ok(.v1_4, GetAttributesRequest(uniqueIdentifier: .text(uid), attributeNames: [.custom("tag")]))
        #expect(list.attributes == [Attribute(.custom("tag"), index: 1, .text("B")), Attribute(.custom("tag"), index: 2, .text("c"))])

        // Names are multi-valued; Contact Information has one value.
        _ = try add(Attribute(.name, .name(Name("first"))))
        let second = try add(Attribute(.name, .name(Name("second"))))
        #expect(second.payload(as: AddAttributeResponse.self)?.attribute?.index == 1)
        #expect(try add(Attribute(.contactInformation, .text("ops@acme"))).resultStatus == .success)
        expectFailure(try add(Attribute(.contactInformation, .text("again"))), .invalidField, "single value")
        // Fixed and server-set attributes cannot be added or modified; missing instances are reported.
        expectFailure(try add(Attribute(.cryptographicLength, .integer(128))), .permissionDenied, "fixed")
        expectFailure(try add(Attribute(.initialDate, .dateTime(DateTime(secondsSinceEpoch: 1)))), .permissionDenied, "set by the server")
        expectFailure(try add(Attribute(.vendor(identification: "y", name: "server"), .text("no"))), .permissionDenied, "server")
        expectFailure(try server.send(.v1_4, ModifyAttributeRequest(uniqueIdentifier: .text(uid), newAttribute: Attribute(.custom("tag"), index: 7, .text("x")))),
                      .invalidField, "index 7")
        expectFailure(try server.send(.v1_4, DeleteAttributeRequest(uniqueIdentifier: .text(uid), attributeName: .standard(.comment))), .invalidField)
        expectFailure(try server.send(.v1_4, DeleteAttributeRequest(uniqueIdentifier: .text(uid), attributeName: .standard(.activationDate))), .permissionDenied)

        // Get Attribute List names each attribute once.
        let names: GetAttributeListResponse = try server.ok(.v1_4, GetAttributeListRequest(uniqueIdentifier: .text(uid)))
        #expect(Set(names.attributeNames).count == names.attributeNames.count)
        for name: AttributeName in [.standard(.uniqueIdentifier), .standard(.objectType), .standard(.cryptographicAlgorithm), .standard(.name),
                                    .standard(.state), .standard(.initialDate), .standard(.contactInformation), .custom("tag")] {
            #expect(names.attributeNames.contains(name), "\(name)")
        }
        // The changes are stored.
        let stored = try server.hierarchy.object(uid, in: "acme").attributes
        #expect(stored.names.map(\.value) == ["first", "second"])
        #expect(stored.custom.map(\.index) == [1, 2])
    }

    @Test func attributeOperationsIn2x() throws {
        let server = try TestServer()
        let uid = try server.createKey(.v2_1, names: ["one", "two"])
        let _: SetAttributeResponse = try server.ok(.v2_1, SetAttributeRequest(uniqueIdentifier: .text(uid), newAttribute: Attribute(.comment, .text("first"))))
        let _: SetAttributeResponse = try server.ok(.v2_1, SetAttributeRequest(uniqueIdentifier: .text(uid), newAttribute: Attribute(.comment, .text("second"))))
        #expect(AttributeMapping.instances(.comment, in: try server.hierarchy.object(uid, in: "acme").attributes) == [.text("second")])
        expectFailure(try server.send(.v2_1, SetAttributeRequest(uniqueIdentifier: .text(uid), newAttribute: Attribute(.name, .name(Name("x"))))),
                      .multiValuedAttribute)
        expectFailure(try server.send(.v2_1, SetAttributeRequest(uniqueIdentifier: .text(uid), newAttribute: Attribute(.cryptographicLength, .integer(128)))),
                      .attributeReadOnly)
        // Modify picks the instance by its current value.
        let _: ModifyAttributeResponse = try server.ok(.v2_1, ModifyAttributeRequest(uniqueIdentifier: .text(uid), currentAttribute: Attribute(.name, .name(Name("two"))),
                                                                                      newAttribute: Attribute(.name, .name(Name("deux")))))
        #expect(try server.hierarchy.object(uid, in: "acme").attributes.names.map(\.value) == ["one", "deux"])
        expectFailure(try server.send(.v2_1, ModifyAttributeRequest(uniqueIdentifier: .text(uid), currentAttribute: Attribute(.name, .name(Name("three"))),
                                                                    newAttribute: Attribute(.name, .name(Name("trois"))))), .attributeNotFound)
        // Vendor attributes, and Delete by reference (every instance) or by current value (one).
        let vendor = AttributeName.vendor(identification: "VMware", name: "vmid")
        for value in ["vm-1", "vm-2"] {
            let _: AddAttributeResponse = try server.ok(.v2_1, AddAttributeRequest(uniqueIdentifier: .text(uid), attribute: Attribute(vendor, .text(value))))
        }
        let _: DeleteAttributeResponse = try server.ok(.v2_1, DeleteAttributeRequest(uniqueIdentifier: .text(uid), currentAttribute: Attribute(vendor, .text("vm-1"))))
        let remaining: GetAttributesResponse = try server.ok(.v2_1, GetAttributesRequest(uniqueIdentifier: .text(uid), attributeNames: [vendor]))
        #expect(remaining.attributes.map(\.value) == [.text("vm-2")])
        let _: DeleteAttributeResponse = try server.ok(.v2_1, DeleteAttributeRequest(uniqueIdentifier: .text(uid), attributeName: .standard(.name)))
        #expect(try server.hierarchy.object(uid, in: "acme").attributes.names.isEmpty)
        expectFailure(try server.send(.v2_1, DeleteAttributeRequest(uniqueIdentifier: .text(uid), attributeName: .standard(.name))), .attributeNotFound)
        expectFailure(try server.send(.v2_1, AddAttributeRequest(uniqueIdentifier: .text(uid), attribute: Attribute(.vendor(identification: "a-b", name: "c"), .text("x")))),
                      .invalidField)
        // Activation Date moves only while Pre-Active.
        let _: SetAttributeResponse = try server.ok(.v2_1, SetAttributeRequest(uniqueIdentifier: .text(uid), newAttribute: Attribute(.activationDate, .dateTime(DateTime(secondsSinceEpoch: 4_000_000_000)))))
        let _: ActivateResponse = try server.ok(.v2_1, ActivateRequest(uniqueIdentifier: .text(uid)))
        expectFailure(try server.send(.v2_1, SetAttributeRequest(uniqueIdentifier: .text(uid), newAttribute: Attribute(.activationDate, .dateTime(DateTime(secondsSinceEpoch: 1))))),
                      .wrongKeyLifecycleState)
    }

    @Test func locateFiltersPagesAndCounts() throws {
        let server = try TestServer()
        var keys: [String] = []
        for i in 0..<6 {
            let bits: Int32 = i < 4 ? 256 : 128
            let uid = try server.createKey(bits: bits, names: ["vm-\(i)"], extra: [Attribute(.custom("cluster"), .text(i % 2 == 0 ? "east" : "west"))])
            if i >= 3 { let _: ActivateResponse = try server.ok(.v1_4, ActivateRequest(uniqueIdentifier: .text(uid))) }
            keys.append(uid)
        }
        let secret = try #require((try server.ok(.v1_4, RegisterRequest(object: .secretData(.password, KeyBlock(keyFormatType: .opaque, keyValue: .structure(.bytes(SecureBytes([1, 2, 3])), attributes: nil))),
                                                                       attributes: AttributeSet([Attribute(.name, .name(Name("vm-0")))])), RegisterResponse.self)).uniqueIdentifier.text)
        func locate(_ attributes: [Attribute], version: ProtocolVersion = .v1_4, maximum: Int32? = nil, offset: Int32? = nil) throws -> LocateResponse {
            var request = LocateRequest(maximumItems: maximum, attributes: attributes)
            request.offsetItems = offset
            return try server.ok(version, request)
        }
        func ids(_ indexes: [Int]) -> [UniqueIdentifier] { indexes.map { .text(keys[$0]) } }
        #expect(try locate([]).uniqueIdentifiers == ids([0, 1, 2, 3, 4, 5]) + [.text(secret)])
        #expect(try locate([Attribute(.name, .name(Name("vm-2")))]).uniqueIdentifiers == ids([2]))
        #expect(try locate([Attribute(.name, .name(Name("vm-0")))]).uniqueIdentifiers == ids([0]) + [.text(secret)])
        #expect(try locate([Attribute(.objectType, .enumeration(ObjectType.secretData.rawValue))]).uniqueIdentifiers == [.text(secret)])
        #expect(try locate([Attribute(.state, .enumeration(State.active.rawValue))]).uniqueIdentifiers == ids([3, 4, 5]))
        #expect(try locate([Attribute(.cryptographicAlgorithm, .enumeration(CryptographicAlgorithm.aes.rawValue))]).uniqueIdentifiers.count == 6)
        #expect(try locate([Attribute(.cryptographicLength, .integer(128))]).uniqueIdentifiers == ids([4, 5]))
        #expect(try locate([Attribute(.custom("cluster"), .text("west"))]).uniqueIdentifiers == ids([1, 3, 5]))
        // Combined: the store's filters and the ones compared on the objects.
        #expect(try locate([Attribute(.custom("cluster"), .text("west")), Attribute(.state, .enumeration(State.preActive.rawValue))]).uniqueIdentifiers == ids([1]))
        #expect(try locate([Attribute(.name, .name(Name("vm-1"))), Attribute(.name, .name(Name("vm-3")))]).uniqueIdentifiers.isEmpty)
        #expect(try locate([Attribute(.cryptographicUsageMask, .integer(CryptographicUsageMask([.encrypt, .decrypt]).rawValue))]).uniqueIdentifiers.count == 6)
        // Paging: Located Items counts every match (1.3+), when the request pages with Offset Items.
        let page = try locate([], maximum: 2, offset: 1)
        #expect(page.uniqueIdentifiers == ids([1, 2]) && page.locatedItems == 7)
        #expect(try locate([], maximum: 2).locatedItems == nil)
        #expect(try locate([], version: .v1_2, maximum: 2).locatedItems == nil)
        let range = try locate([Attribute(.initialDate, .dateTime(DateTime(secondsSinceEpoch: 0))), Attribute(.initialDate, .dateTime(DateTime(secondsSinceEpoch: 4_000_000_000)))])
        #expect(range.uniqueIdentifiers.count == 7)
        #expect(try locate([Attribute(.initialDate, .dateTime(DateTime(secondsSinceEpoch: 0))), Attribute(.initialDate, .dateTime(DateTime(secondsSinceEpoch: 1)))]).uniqueIdentifiers.isEmpty)
        expectFailure(try server.send(.v1_4, LocateRequest(maximumItems: -1)), .invalidField)

        // The server caps what one Locate returns.
        var configuration = ServiceConfiguration()
        configuration.maxLocatedItems = 3
        let capped = KMIPService(hierarchy: server.hierarchy, configuration: configuration, audit: server.audit)
        let response = capped.handle(RequestMessage(version: .v1_4, [RequestBatchItem(LocateRequest(maximumItems: 100))]), caller: TestServer.caller())
        let payload = try #require(response.batchItems.first?.payload(as: LocateResponse.self))
        #expect(payload.uniqueIdentifiers.count == 3 && payload.locatedItems == nil)
        var paged = LocateRequest(maximumItems: 100)
        paged.offsetItems = 0
        let pagedResponse = capped.handle(RequestMessage(version: .v1_4, [RequestBatchItem(paged)]), caller: TestServer.caller())
        #expect(pagedResponse.batchItems.first?.payload(as: LocateResponse.self)?.locatedItems == 7)

        // Destroyed objects are left out unless asked for: by the 2.x Storage Status Mask, or by State.
        let _: RevokeResponse = try server.ok(.v1_4, RevokeRequest(uniqueIdentifier: .text(keys[5]), revocationReason: RevocationReason(.unspecified)))
        let _: DestroyResponse = try server.ok(.v1_4, DestroyRequest(uniqueIdentifier: .text(keys[5])))
        #expect(try locate([], version: .v2_1).uniqueIdentifiers.count == 6)
        #expect(try locate([], version: .v1_4).uniqueIdentifiers.count == 6)
        #expect(try locate([Attribute(.state, .enumeration(State.destroyed.rawValue))], version: .v1_4).uniqueIdentifiers == ids([5]))
        var destroyedOnly = LocateRequest(attributes: [])
        destroyedOnly.storageStatusMask = LocateHandler.destroyed
        let destroyed: LocateResponse = try server.ok(.v2_1, destroyedOnly)
        #expect(destroyed.uniqueIdentifiers == ids([5]))
    }

    // MARK: Keys registered without their value (KMIP 1.2+ Key Value Location) or wrapped (Key Wrapping Data)

    static let location = Attribute(.keyValueLocation, .structure([TTLV(.keyValueLocationValue, .textString("HSM-13345")),
                                                                   TTLV(.keyValueLocationType, .enumeration(KeyValueLocationType.uninterpretedTextString.rawValue))]))

    /// A Symmetric Key Block without a Key Value, as the OASIS test case TC-MDO-1-14 registers it.
    static func withoutValue(bits: Int32 = 128) -> KeyBlock {
        KeyBlock(keyFormatType: .raw, keyValue: nil, cryptographicAlgorithm: .aes, cryptographicLength: bits)
    }

    /// Registers a key without its value (with `location` unless told otherwise); its identifier.
    static func registerWithoutValue(_ server: TestServer, _ version: ProtocolVersion = .v1_4, extra: [Attribute] = [],
                                     as caller: CallerIdentity = TestServer.caller()) throws -> String {
        let request = RegisterRequest(object: .symmetricKey(withoutValue()), attributes: AttributeSet([location] + extra))
        return try #require((try server.ok(version, request, as: caller) as RegisterResponse).uniqueIdentifier.text)
    }

    /// TC-MDO-1-14: the key is stored as metadata alone; Get gives its Key Block without a Key Value; Key Value
    /// Present is False and Key Value Location is what was registered, both listed only to 1.2+ clients.
    @Test func registersAKeyWithoutItsValue() throws {
        let server = try TestServer()
        let uid = try Self.registerWithoutValue(server, extra: [Attribute(.name, .name(Name("MDO-M-1-14")))])
        let object = try server.hierarchy.object(uid, in: "acme")
        #expect(object.valueForm == .absent && !object.hasKeyMaterial && object.domainKeyVersion == nil)
        #expect(try server.store.object(uid: uid, domainID: "acme")?.wrappedKey == nil)
        #expect(object.attributes.cryptographicLength == 128 && object.attributes.state == .preActive)

        let got: GetResponse = try server.ok(.v1_4, GetRequest(uniqueIdentifier: .text(uid)))
        #expect(got.object == .symmetricKey(Self.withoutValue()))
        // The Get of a domain that exports nothing in the clear: nothing secret leaves.
        let globexKey = try Self.registerWithoutValue(server, as: CryptoOperationTests.globex)
        let globexGot: GetResponse = try server.ok(.v2_1, GetRequest(uniqueIdentifier: .text(globexKey)), as: CryptoOperationTests.globex)
        #expect(globexGot.object.keyBlock?.keyValue == nil)

        let asked: [AttributeName] = [.standard(.keyValueLocation), .standard(.keyValuePresent), .standard(.originalCreationDate)]
        let attributes: GetAttributesResponse = try server.ok(.v1_4, GetAttributesRequest(uniqueIdentifier: .text(uid), attributeNames: asked))
        // No Original Creation Date: the value was made elsewhere, at a time Keep does not know.
        #expect(attributes.attributes == [Self.location, Attribute(.keyValuePresent, .boolean(false))])
        let list: GetAttributeListResponse = try server.ok(.v1_2, GetAttributeListRequest(uniqueIdentifier: .text(uid)))
        #expect(list.attributeNames.contains(.standard(.keyValuePresent)) && list.attributeNames.contains(.standard(.keyValueLocation)))
        let old: GetAttributeListResponse = try server.ok(.v1_1, GetAttributeListRequest(uniqueIdentifier: .text(uid)))
        #expect(!old.attributeNames.contains(.standard(.keyValuePresent)) && !old.attributeNames.contains(.standard(.keyValueLocation)))
        #expect(!old.attributeNames.contains(.standard(.digest)))

        // On-line for a 2.x Locate (it has nothing to destroy), and destroyed like any object.
        let located: LocateResponse = try server.ok(.v2_1, LocateRequest(attributes: [Attribute(.name, .name(Name("MDO-M-1-14")))]))
        #expect(located.uniqueIdentifiers == [.text(uid)])
        let _: DestroyResponse = try server.ok(.v1_4, DestroyRequest(uniqueIdentifier: .text(uid)))
        #expect(try server.hierarchy.object(uid, in: "acme").valueForm == .erased)
        expectFailure(try server.send(.v2_1, GetRequest(uniqueIdentifier: .text(uid))), .objectDestroyed)

        // Secret data too: its Key Block comes back in its registered format, without a value.
        let secret = RegisterRequest(object: .secretData(.password, KeyBlock(keyFormatType: .opaque, keyValue: nil)), attributes: AttributeSet([Self.location]))
        let secretID = try #require((try server.ok(.v2_1, secret) as RegisterResponse).uniqueIdentifier.text)
        let gotSecret: GetResponse = try server.ok(.v2_1, GetRequest(uniqueIdentifier: .text(secretID)))
        #expect(gotSecret.object == .secretData(.password, KeyBlock(keyFormatType: .opaque, keyValue: nil)))
    }

    /// What needs the value fails with Key Value Not Present (Item Not Found before 1.2, which has no such reason).
    @Test func aKeyWithoutItsValueIsRefusedWhereTheValueIsNeeded() throws {
        let server = try TestServer()
        let past = Attribute(.activationDate, .dateTime(DateTime(secondsSinceEpoch: 1_000)))
        let uid = try Self.registerWithoutValue(server, extra: [past, Attribute(.cryptographicUsageMask, .integer(CryptographicUsageMask([.encrypt, .decrypt, .wrapKey]).rawValue))])
        #expect(try server.hierarchy.object(uid, in: "acme").attributes.state == .active)
        let ecb = CryptographicParameters(blockCipherMode: .ecb, paddingMethod: .pkcs5)
        expectFailure(try server.send(.v1_4, EncryptRequest(uniqueIdentifier: .text(uid), cryptographicParameters: ecb, data: SecureBytes([1, 2, 3]))),
                      .keyValueNotPresent, "without its value")
        expectFailure(try server.send(.v2_1, DecryptRequest(uniqueIdentifier: .text(uid), cryptographicParameters: ecb, data: [UInt8](repeating: 0, count: 16))),
                      .keyValueNotPresent)
        // Wrapped Get of it, and Get of another key wrapped under it.
        let other = try server.activeKey(usage: [.wrapKey])
        expectFailure(try server.send(.v1_4, GetRequest(uniqueIdentifier: .text(uid), keyWrappingSpecification: CryptoOperationTests.wrapping(other, nil))),
                      .keyValueNotPresent, "nothing to wrap")
        expectFailure(try server.send(.v1_1, GetRequest(uniqueIdentifier: .text(uid), keyWrappingSpecification: CryptoOperationTests.wrapping(other, nil))),
                      .itemNotFound)
        let target = try server.createKey()
        expectFailure(try server.send(.v1_4, GetRequest(uniqueIdentifier: .text(target), keyWrappingSpecification: CryptoOperationTests.wrapping(uid, nil))),
                      .keyValueNotPresent, "cannot wrap keys")
        // ReKey would make a key Keep holds in place of one it does not; Check says it cannot be used.
        let count = try server.hierarchy.locate(.init(domainID: "acme")).count
        expectFailure(try server.send(.v1_4, ReKeyRequest(uniqueIdentifier: .text(uid))), .keyValueNotPresent, "re-key")
        #expect(try server.hierarchy.locate(.init(domainID: "acme")).count == count)
        expectFailure(try server.send(.v2_1, CheckRequest(uniqueIdentifier: .text(uid))), .keyValueNotPresent)
        #expect(try server.hierarchy.object(uid, in: "acme").valueForm == .absent)
    }

    /// Register takes a missing value only with a Key Value Location (1.2+), and not both; the location is set in
    /// that Register only.
    @Test func registerWithoutAValueNeedsAKeyValueLocationAndNotBoth() throws {
        let server = try TestServer()
        func register(_ block: KeyBlock, _ attributes: [Attribute], _ version: ProtocolVersion = .v1_4) throws -> ResponseBatchItem {
            try server.send(version, RegisterRequest(object: .symmetricKey(block), attributes: AttributeSet(attributes)))
        }
        expectFailure(try register(Self.withoutValue(), []), .invalidField, "Key Value Location")
        expectFailure(try register(Self.withoutValue(), [Self.location], .v1_1), .invalidField, "no Key Value Location")
        let key = KeyBlock(keyFormatType: .raw, keyValue: .structure(.bytes(SecureBytes(repeating: 1, count: 16)), attributes: nil),
                           cryptographicAlgorithm: .aes, cryptographicLength: 128)
        expectFailure(try register(key, [Self.location]), .invalidField, "not both")
        expectFailure(try register(Self.withoutValue(), [Attribute(.keyValueLocation, .structure([TTLV(.keyValueLocationValue, .integer(3))]))]),
                      .invalidField, "Key Value Location Value")
        expectFailure(try register(KeyBlock(keyFormatType: .raw, keyValue: nil, cryptographicAlgorithm: .aes), [Self.location]), .invalidField, "Cryptographic Length")
        expectFailure(try register(KeyBlock(keyFormatType: .raw, keyValue: nil, cryptographicAlgorithm: .aes, cryptographicLength: 128),
                                   [Self.location, Attribute(.cryptographicLength, .integer(256))]), .invalidField, "differs")
        expectFailure(try server.send(.v1_4, RegisterRequest(object: .opaqueObject(OpaqueDataType(rawValue: 0x8000_0001), SecureBytes([1])),
                                                             attributes: AttributeSet([Self.location]))), .invalidField, "not both")
        expectFailure(try server.send(.v1_4, CreateRequest(objectType: .symmetricKey, attributes: AttributeSet(aes(128) + [Self.location]))),
                      .invalidField, "Key Value Location")
        let created = try server.createKey()
        expectFailure(try server.send(.v1_4, ReKeyRequest(uniqueIdentifier: .text(created), attributes: AttributeSet([Self.location]))), .invalidField, "Key Value Location")
        #expect(try server.hierarchy.locate(.init(domainID: "acme")) == [created])
        // Fixed once registered: neither added, changed nor deleted (Permission Denied in 1.x, Attribute Read Only in 2.x).
        let uid = try Self.registerWithoutValue(server)
        expectFailure(try server.send(.v1_4, AddAttributeRequest(uniqueIdentifier: .text(uid), attribute: Self.location)), .permissionDenied, "fixed")
        expectFailure(try server.send(.v1_4, AddAttributeRequest(uniqueIdentifier: .text(created), attribute: Self.location)), .permissionDenied, "fixed")
        expectFailure(try server.send(.v2_1, ModifyAttributeRequest(uniqueIdentifier: .text(uid), newAttribute: Self.location)), .attributeReadOnly)
        expectFailure(try server.send(.v2_1, DeleteAttributeRequest(uniqueIdentifier: .text(uid), attributeName: .standard(.keyValueLocation))), .attributeReadOnly)
        expectFailure(try server.send(.v2_1, DeleteAttributeRequest(uniqueIdentifier: .text(uid), attributeName: .standard(.keyValuePresent))), .attributeReadOnly)
    }

    /// RFC 3394 §4.1: the 128-bit key 00112233…EEFF wrapped under the KEK 000102…0F, as TC-WRAP-1-14 registers it.
    static let kek: [UInt8] = Array(0x00...0x0F)
    static let wrappedKey: SecureBytes = SecureBytes([0x1F, 0xA6, 0x8B, 0x0A, 0x81, 0x12, 0xB4, 0x47, 0xAE, 0xF3, 0x4B, 0xD8,
                                                      0xFB, 0x5A, 0x7B, 0x82, 0x9D, 0x3E, 0x86, 0x23, 0x71, 0xD2, 0xCF, 0xE5])
    static let unwrappedKey = SecureBytes([0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99, 0xAA, 0xBB, 0xCC, 0xDD, 0xEE, 0xFF])

    /// Registers `bytes` as an AES key with `usage`, Active from an Activation Date in the past (as TC-WRAP-1-14 does).
    static func registerKey(_ server: TestServer, _ bytes: [UInt8], usage: CryptographicUsageMask, active: Bool = true,
                            as caller: CallerIdentity = TestServer.caller()) throws -> String {
        var attributes = [Attribute(.cryptographicUsageMask, .integer(usage.rawValue))]
        if active { attributes.append(Attribute(.activationDate, .dateTime(DateTime(secondsSinceEpoch: 1_000)))) }
        let block = KeyBlock(keyFormatType: .raw, keyValue: .structure(.bytes(SecureBytes(bytes)), attributes: nil),
                             cryptographicAlgorithm: .aes, cryptographicLength: Int32(bytes.count * 8))
        return try #require((try server.ok(.v1_4, RegisterRequest(object: .symmetricKey(block), attributes: AttributeSet(attributes)), as: caller)
                             as RegisterResponse).uniqueIdentifier.text)
    }

    /// A Key Block wrapped under `kek` (Encrypt, No Encoding), its Key Value as a Key Material structure (TC-WRAP-1-14) or a Byte String.
    static func wrappedBlock(_ wrapped: SecureBytes = wrappedKey, under kek: String, mode: BlockCipherMode? = .nistKeyWrap, bits: Int32 = 128,
                             byteString: Bool = false, encoding: EncodingOption? = .noEncoding) -> KeyBlock {
        var block = KeyBlock(keyFormatType: .raw, keyValue: byteString ? .byteString(wrapped) : .structure(.bytes(wrapped), attributes: nil),
                             cryptographicAlgorithm: .aes, cryptographicLength: bits)
        block.keyWrappingData = KeyWrappingData(wrappingMethod: .encrypt, encryptionKeyInformation: KeyInformation(
            uniqueIdentifier: .text(kek), cryptographicParameters: mode.map { CryptographicParameters(blockCipherMode: $0) }), encodingOption: encoding)
        return block
    }

    static func registerWrapped(_ server: TestServer, _ block: KeyBlock, usage: CryptographicUsageMask = [.encrypt, .decrypt],
                                as caller: CallerIdentity = TestServer.caller()) throws -> String {
        let request = RegisterRequest(object: .symmetricKey(block), attributes: AttributeSet([Attribute(.cryptographicUsageMask, .integer(usage.rawValue)),
                                                                                            Attribute(.activationDate, .dateTime(DateTime(secondsSinceEpoch: 1_000)))]))
        return try #require((try server.ok(.v1_4, request, as: caller) as RegisterResponse).uniqueIdentifier.text)
    }

    /// TC-WRAP-1-14: registered under a key that may only wrap, so Register does not unwrap; Get As Registered
    /// gives the same bytes in the same Key Value form with the same Key Wrapping Data; Key Value Present is True.
    @Test func registersAWrappedKeyAndGetsItBackAsRegistered() throws {
        let server = try TestServer()
        let kek = try Self.registerKey(server, Self.kek, usage: [.wrapKey])
        for byteString in [false, true] {
            let block = Self.wrappedBlock(under: kek, byteString: byteString)
            let uid = try Self.registerWrapped(server, block)
            #expect(try server.hierarchy.object(uid, in: "acme").valueForm == .registeredWrapped)
            for version in [ProtocolVersion.v1_4, .v2_1] {
                let got: GetResponse = try server.ok(version, GetRequest(uniqueIdentifier: .text(uid), keyFormatType: .raw, keyWrapType: .asRegistered))
                #expect(got.object == .symmetricKey(block))
            }
            let attributes: GetAttributesResponse = try server.ok(.v1_4, GetAttributesRequest(uniqueIdentifier: .text(uid)))
            #expect(attributes.attributes[.keyValuePresent]?.value == .boolean(true))
            #expect(attributes.attributes[.digest] == nil && attributes.attributes[.originalCreationDate] != nil)
        }
        // The stored record is not the wrapped bytes in the clear, and the hierarchy never hands them out as a key.
        let uid = try Self.registerWrapped(server, Self.wrappedBlock(under: kek))
        let record = try #require(try server.store.object(uid: uid, domainID: "acme")?.wrappedKey)
        #expect(record[0] == 2 && !hex(record).contains(hex(Self.wrappedKey.copyBytes())))
        #expect { _ = try server.hierarchy.keyMaterial(of: uid, in: "acme") } throws: { ($0 as? HierarchyError)?.code == .registeredWrapped }
        // Registered keys that hold their value plainly have Key Value Present too; created keys do not (KMIP sets it at Register).
        #expect(KeyHierarchy.keyValuePresent(in: try server.hierarchy.object(kek, in: "acme").attributes) == true)
        #expect(KeyHierarchy.keyValuePresent(in: try server.hierarchy.object(try server.createKey(), in: "acme").attributes) == nil)
    }

    /// Get Not Wrapped and the cryptographic operations unwrap at use, with RFC 3394 or RFC 5649, only under a
    /// wrapping key of the caller's domain that is Active and may Unwrap Key. No failure shows a key.
    @Test func aKeyRegisteredWrappedIsUnwrappedOnlyWithAUsableWrappingKey() throws {
        let server = try TestServer()
        let wrapOnly = try Self.registerKey(server, Self.kek, usage: [.wrapKey])
        let stuck = try Self.registerWrapped(server, Self.wrappedBlock(under: wrapOnly))
        expectFailure(try server.send(.v1_4, GetRequest(uniqueIdentifier: .text(stuck))), .permissionDenied, "Usage Mask")
        expectFailure(try server.send(.v2_1, GetRequest(uniqueIdentifier: .text(stuck), keyWrapType: .notWrapped)), .incompatibleCryptographicUsageMask)

        let kek = try Self.registerKey(server, Self.kek, usage: [.wrapKey, .unwrapKey])
        let uid = try Self.registerWrapped(server, Self.wrappedBlock(under: kek))
        let got: GetResponse = try server.ok(.v1_4, GetRequest(uniqueIdentifier: .text(uid)))
        #expect(got.object.keyBlock?.keyValue?.keyMaterial == .bytes(Self.unwrappedKey) && got.object.keyBlock?.isWrapped == false)
        // RFC 5649, named in the Key Wrapping Data.
        let padded = try AESKeyWrapWithPadding.wrap(Self.unwrappedKey, using: SymmetricKey(copying: Self.kek))
        let kwp = try Self.registerWrapped(server, Self.wrappedBlock(SecureBytes(padded), under: kek, mode: .aesKeyWrapPadding, byteString: true))
        let gotKWP: GetResponse = try server.ok(.v2_1, GetRequest(uniqueIdentifier: .text(kwp), keyFormatType: .transparentSymmetricKey))
        #expect(gotKWP.object.keyBlock?.keyValue?.keyMaterial == .transparentSymmetricKey(Self.unwrappedKey))
        // Encrypt and Decrypt use the unwrapped key.
        let ecb = CryptographicParameters(blockCipherMode: .ecb)
        let block = SecureBytes([UInt8](repeating: 0x5A, count: 16))
        let sealed: EncryptResponse = try server.ok(.v1_4, EncryptRequest(uniqueIdentifier: .text(uid), cryptographicParameters: ecb, data: block))
        #expect(sealed.data == (try AESBlockMode.ecb.encrypt(block, using: SymmetricKey(Self.unwrappedKey), iv: nil, padding: false)))
        let opened: DecryptResponse = try server.ok(.v1_4, DecryptRequest(uniqueIdentifier: .text(kwp), cryptographicParameters: ecb, data: sealed.data))
        #expect(opened.data == block)
        // Wrapped again under another key for export (the export policy does not apply), and used as a wrapping key itself.
        let other = try server.activeKey(usage: [.wrapKey])
        let rewrapped: GetResponse = try server.ok(.v1_4, GetRequest(uniqueIdentifier: .text(uid), keyWrappingSpecification: CryptoOperationTests.wrapping(other, nil)))
        guard case .byteString(let bytes)? = rewrapped.object.keyBlock?.keyValue else { Issue.record("not wrapped"); return }
        #expect(try AESKeyWrap.unwrap(bytes.copyBytes(), using: SymmetricKey(try server.hierarchy.keyMaterial(of: other, in: "acme"))) == Self.unwrappedKey)
        let wrapper = try Self.registerWrapped(server, Self.wrappedBlock(under: kek), usage: [.wrapKey])
        let underWrapper: GetResponse = try server.ok(.v1_4, GetRequest(uniqueIdentifier: .text(other), keyWrappingSpecification: CryptoOperationTests.wrapping(wrapper, nil)))
        guard case .byteString(let otherWrapped)? = underWrapper.object.keyBlock?.keyValue else { Issue.record("not wrapped"); return }
        #expect(try AESKeyWrap.unwrap(otherWrapped.copyBytes(), using: SymmetricKey(Self.unwrappedKey)) == server.hierarchy.keyMaterial(of: other, in: "acme"))

        // The wrapping key's state governs: Pre-Active, then revoked, then destroyed.
        let pending = try Self.registerKey(server, Self.kek, usage: [.unwrapKey], active: false)
        let underPending = try Self.registerWrapped(server, Self.wrappedBlock(under: pending))
        expectFailure(try server.send(.v2_1, GetRequest(uniqueIdentifier: .text(underPending))), .wrongKeyLifecycleState)
        let _: RevokeResponse = try server.ok(.v1_4, RevokeRequest(uniqueIdentifier: .text(kek), revocationReason: RevocationReason(.cessationOfOperation)))
        expectFailure(try server.send(.v1_4, GetRequest(uniqueIdentifier: .text(uid))), .permissionDenied, "Deactivated")
        expectFailure(try server.send(.v1_4, EncryptRequest(uniqueIdentifier: .text(uid), cryptographicParameters: ecb, data: block)), .permissionDenied)
        let _: DestroyResponse = try server.ok(.v1_4, DestroyRequest(uniqueIdentifier: .text(kek)))
        expectFailure(try server.send(.v2_1, GetRequest(uniqueIdentifier: .text(uid))), .wrongKeyLifecycleState)
        // …while As Registered still gives the registered form, even to a domain that exports nothing and for a Sensitive key.
        let globex = CryptoOperationTests.globex
        let globexKEK = try Self.registerKey(server, Self.kek, usage: [.wrapKey, .unwrapKey], as: globex)
        let sensitive = Self.wrappedBlock(under: globexKEK)
        let request = RegisterRequest(object: .symmetricKey(sensitive), attributes: AttributeSet([Attribute(.sensitive, .boolean(true))]))
        let secretID = try #require((try server.ok(.v1_4, request, as: globex) as RegisterResponse).uniqueIdentifier.text)
        let asRegistered: GetResponse = try server.ok(.v1_4, GetRequest(uniqueIdentifier: .text(secretID), keyWrapType: .asRegistered), as: globex)
        #expect(asRegistered.object == .symmetricKey(sensitive))
        expectFailure(try server.send(.v1_4, GetRequest(uniqueIdentifier: .text(secretID)), as: globex), .permissionDenied, "sensitive")

        // A registered form naming another tenant's key (Register refuses that; planted here below the server)
        // finds nothing at use, exactly as if the key did not exist.
        let theirs = try Self.registerKey(server, Self.kek, usage: [.wrapKey, .unwrapKey], as: globex)
        var plantedAttributes = ObjectAttributes(objectType: .symmetricKey)
        plantedAttributes.cryptographicAlgorithm = .aes
        plantedAttributes.cryptographicLength = 128
        let planted = try server.hierarchy.register(in: "acme", attributes: plantedAttributes, wrapped: RegisteredWrappedValue(
            form: .byteString, keyWrappingData: try #require(Self.wrappedBlock(under: theirs).keyWrappingData), wrappedValue: Self.wrappedKey))
        expectFailure(try server.send(.v1_4, GetRequest(uniqueIdentifier: .text(planted.uid))), .itemNotFound, "no wrapping key \(theirs)")
        expectFailure(try server.send(.v2_1, GetRequest(uniqueIdentifier: .text(planted.uid))), .wrappingObjectNotFound)

        // Wrong bytes of the right length register, and fail at use with a message that shows no key.
        let garbage = SecureBytes([UInt8](repeating: 0xA5, count: 24))
        let kek2 = try Self.registerKey(server, Self.kek, usage: [.unwrapKey])
        let bad = try Self.registerWrapped(server, Self.wrappedBlock(garbage, under: kek2))
        let failed = try server.send(.v2_1, GetRequest(uniqueIdentifier: .text(bad)))
        expectFailure(failed, .cryptographicFailure, "does not unwrap under key \(kek2)")
        let secrets = [Self.kek, Self.unwrappedKey.copyBytes(), Self.wrappedKey.copyBytes(), garbage.copyBytes(), padded]
        for event in server.audit.events {
            #expect(!leaks("\(event)", secrets))
            #expect(!leaks(event.resultMessage ?? "", secrets))
        }
        // The audit names the wrapping key of an unwrap.
        #expect(server.audit.events.last?.objectIDs == [bad, kek2])
    }

    /// What Register refuses of a wrapped key: anything Keep could not unwrap later, and a wrapping key outside the
    /// caller's domain, reported exactly like one that does not exist.
    @Test func registerWrappedRefusesWhatKeepCannotUnwrap() throws {
        let server = try TestServer()
        let kek = try Self.registerKey(server, Self.kek, usage: [.wrapKey, .unwrapKey])
        let before = try server.hierarchy.locate(.init(domainID: "acme"))
        func register(_ block: KeyBlock, _ version: ProtocolVersion = .v1_4, _ attributes: [Attribute] = []) throws -> ResponseBatchItem {
            try server.send(version, RegisterRequest(object: .symmetricKey(block), attributes: AttributeSet(attributes)))
        }
        // Another tenant's key, and a key that does not exist, alike.
        let theirs = try Self.registerKey(server, Self.kek, usage: [.wrapKey, .unwrapKey], as: CryptoOperationTests.globex)
        for missing in [theirs, "no-such-key"] {
            expectFailure(try register(Self.wrappedBlock(under: missing)), .itemNotFound, "no wrapping key \(missing)")
            expectFailure(try register(Self.wrappedBlock(under: missing), .v2_1), .wrappingObjectNotFound)
        }
        expectFailure(try register(Self.wrappedBlock(under: kek, encoding: .ttlvEncoding)), .encodingOptionError)
        expectFailure(try register(Self.wrappedBlock(under: kek, encoding: nil)), .encodingOptionError)  // 1.1+: absent means TTLV encoding
        expectFailure(try register(Self.wrappedBlock(under: kek, mode: .gcm)), .featureNotSupported)
        expectFailure(try register(Self.wrappedBlock(under: kek, mode: .gcm), .v2_1), .unsupportedCryptographicParameters)
        expectFailure(try register(Self.wrappedBlock(under: kek, bits: 256)), .invalidField, "24 wrapped bytes")
        var mac = Self.wrappedBlock(under: kek)
        mac.keyWrappingData?.wrappingMethod = .macSign
        expectFailure(try register(mac), .featureNotSupported, "wrapping method")
        var signed = Self.wrappedBlock(under: kek)
        signed.keyWrappingData?.macSignature = [1, 2, 3]
        expectFailure(try register(signed), .featureNotSupported, "MAC")
        var withIV = Self.wrappedBlock(under: kek)
        withIV.keyWrappingData?.ivCounterNonce = [UInt8](repeating: 0xA6, count: 8)
        expectFailure(try register(withIV), .featureNotSupported, "IV")
        var transparent = Self.wrappedBlock(under: kek)
        transparent.keyFormatType = .transparentSymmetricKey
        expectFailure(try register(transparent), .keyFormatTypeNotSupported)
        var noInformation = Self.wrappedBlock(under: kek)
        noInformation.keyWrappingData?.encryptionKeyInformation = nil
        expectFailure(try register(noInformation), .invalidField, "Encryption Key Information")
        var attached = Self.wrappedBlock(under: kek)
        attached.keyValue = .structure(.bytes(Self.wrappedKey), attributes: [Attribute(.comment, .text("hello"))])
        expectFailure(try register(attached), .invalidField, "template")
        var noValue = Self.wrappedBlock(under: kek)
        noValue.keyValue = nil
        expectFailure(try register(noValue), .invalidField)
        expectFailure(try register(Self.wrappedBlock(under: kek), .v1_4, [Self.location]), .invalidField, "not both")
        var wrappedSecret = Self.wrappedBlock(under: kek)
        wrappedSecret.cryptographicAlgorithm = nil
        expectFailure(try server.send(.v1_4, RegisterRequest(object: .secretData(.seed, wrappedSecret), attributes: AttributeSet())), .featureNotSupported, "secret data")
        // The wrapping key must hold its own value: not registered without it, not itself registered wrapped, not a secret.
        let valueless = try Self.registerWithoutValue(server)
        expectFailure(try register(Self.wrappedBlock(under: valueless)), .keyValueNotPresent)
        let wrappedKEK = try Self.registerWrapped(server, Self.wrappedBlock(under: kek), usage: [.wrapKey, .unwrapKey])
        expectFailure(try register(Self.wrappedBlock(under: wrappedKEK)), .featureNotSupported, "one level")
        let secret = try #require((try server.ok(.v1_4, RegisterRequest(object: .secretData(.seed, KeyBlock(keyFormatType: .opaque, keyValue: .structure(.bytes(SecureBytes(Self.kek)), attributes: nil))),
                                                                         attributes: AttributeSet())) as RegisterResponse).uniqueIdentifier.text)
        expectFailure(try register(Self.wrappedBlock(under: secret)), .invalidField, "not an AES key")
        #expect(Set(try server.hierarchy.locate(.init(domainID: "acme"))) == Set(before + [valueless, wrappedKEK, secret]))
    }

    /// Key Wrap Type: Not Wrapped and As Registered; As Registered of a key that was not registered wrapped is its
    /// plaintext form; it cannot be asked together with a Key Wrapping Specification.
    @Test func getChecksTheKeyWrapType() throws {
        let server = try TestServer()
        let uid = try server.activeKey(usage: [.wrapKey])
        let plain: GetResponse = try server.ok(.v1_4, GetRequest(uniqueIdentifier: .text(uid)))
        let asRegistered: GetResponse = try server.ok(.v1_4, GetRequest(uniqueIdentifier: .text(uid), keyWrapType: .asRegistered))
        #expect(asRegistered.object == plain.object && asRegistered.object.keyBlock?.isWrapped == false)
        expectFailure(try server.send(.v1_4, GetRequest(uniqueIdentifier: .text(uid), keyWrappingSpecification: CryptoOperationTests.wrapping(try server.activeKey(usage: [.wrapKey]), nil),
                                                        keyWrapType: .asRegistered)), .invalidField, "As Registered")
        expectFailure(try server.send(.v1_4, GetRequest(uniqueIdentifier: .text(uid), keyWrapType: KeyWrapType(rawValue: 3))), .invalidField, "Key Wrap Type")
        // A key registered wrapped is Raw: As Registered cannot change its format.
        let kek = try Self.registerKey(server, Self.kek, usage: [.wrapKey])
        let wrapped = try Self.registerWrapped(server, Self.wrappedBlock(under: kek))
        expectFailure(try server.send(.v1_4, GetRequest(uniqueIdentifier: .text(wrapped), keyFormatType: .transparentSymmetricKey, keyWrapType: .asRegistered)),
                      .keyFormatTypeNotSupported)
    }
}

extension SecureBytes {
    init(repeating byte: UInt8, count: Int) { self.init([UInt8](repeating: byte, count: count)) }
}
