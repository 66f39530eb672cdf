import KMIP
import KeepCrypto
import KeyHierarchy
import Testing
@testable import KeepServer

@Suite("KMIP service: tenant isolation, domain states, roles")
struct IsolationAndPolicyTests {
    static let acme = TestServer.caller("acme")
    static let globex = TestServer.caller("globex")

    /// Every operation that names an object, as a function of the identifier named.
    static func requests(_ uid: String) -> [(String, ProtocolVersion, any RequestPayload)] {
        let id = UniqueIdentifier.text(uid)
        let wrap = CryptographicParameters(blockCipherMode: .nistKeyWrap)
        return [
            ("Get", .v1_4, GetRequest(uniqueIdentifier: id)),
            ("Get transparent", .v2_1, GetRequest(uniqueIdentifier: id, keyFormatType: .transparentSymmetricKey)),
            ("Get Attributes", .v1_1, GetAttributesRequest(uniqueIdentifier: id)),
            ("Get Attributes 2.x", .v2_1, GetAttributesRequest(uniqueIdentifier: id, attributeNames: [.standard(.state)])),
            ("Get Attribute List", .v1_4, GetAttributeListRequest(uniqueIdentifier: id)),
            ("Add Attribute", .v1_1, AddAttributeRequest(uniqueIdentifier: id, attribute: Attribute(.custom("stolen"), .text("yes")))),
            ("Set Attribute", .v2_1, SetAttributeRequest(uniqueIdentifier: id, newAttribute: Attribute(.comment, .text("mine")))),
            ("Modify Attribute", .v1_4, ModifyAttributeRequest(uniqueIdentifier: id, newAttribute: Attribute(.name, index: 0, .name(Name("renamed"))))),
            ("Delete Attribute", .v1_4, DeleteAttributeRequest(uniqueIdentifier: id, attributeName: .standard(.name), attributeIndex: 0)),
            ("Activate", .v1_4, ActivateRequest(uniqueIdentifier: id)),
            ("Revoke", .v1_4, RevokeRequest(uniqueIdentifier: id, revocationReason: RevocationReason(.keyCompromise))),
            ("Destroy", .v1_4, DestroyRequest(uniqueIdentifier: id)),
            ("ReKey", .v1_4, ReKeyRequest(uniqueIdentifier: id)),
            ("Encrypt", .v1_4, EncryptRequest(uniqueIdentifier: id, cryptographicParameters: wrap, data: SecureBytes(repeating: 1, count: 32))),
            ("Decrypt", .v1_4, DecryptRequest(uniqueIdentifier: id, cryptographicParameters: wrap, data: [UInt8](repeating: 1, count: 40))),
            ("Check", .v1_4, CheckRequest(uniqueIdentifier: id)),
        ]
    }

    /// Status, reason and message, with the identifier named replaced by a marker.
    static func outcome(_ item: ResponseBatchItem, naming uid: String) -> String {
        "\(item.resultStatus) \(item.resultReason?.description ?? "-") \((item.resultMessage ?? "").replacingOccurrences(of: uid, with: "<id>")) \(item.payload == nil)"
    }

    @Test func anotherTenantsObjectIsIndistinguishableFromANonexistentOne() throws {
        let server = try TestServer()
        let victim = try server.activeKey(usage: [.encrypt, .decrypt, .wrapKey, .unwrapKey], names: ["acme-vm-1"], as: Self.acme)
        let before = try server.hierarchy.object(victim, in: "acme")
        let material = try server.hierarchy.keyMaterial(of: victim, in: "acme")
        let missing = "1f0c2e4a-5b6d-4e8f-9a0b-1c2d3e4f5a6b"
        for ((name, version, foreign), (_, _, absent)) in zip(Self.requests(victim), Self.requests(missing)) {
            let a = try server.send(version, foreign, as: Self.globex)
            let b = try server.send(version, absent, as: Self.globex)
            #expect(a.resultReason == .itemNotFound, "\(name): \(a.resultMessage ?? "")")
            #expect(Self.outcome(a, naming: victim) == Self.outcome(b, naming: missing), "\(name)")
        }
        // As a wrapping key, and through Locate.
        let own = try server.createKey(as: Self.globex)
        for version in [ProtocolVersion.v1_4, .v2_1] {
            func wrappedGet(_ wrapper: String) throws -> ResponseBatchItem {
                try server.send(version, GetRequest(uniqueIdentifier: .text(own), keyWrappingSpecification: KeyWrappingSpecification(
                    wrappingMethod: .encrypt, encryptionKeyInformation: KeyInformation(uniqueIdentifier: .text(wrapper)))), as: Self.globex)
            }
            let a = try wrappedGet(victim)
            let b = try wrappedGet(missing)
            #expect(a.resultStatus == .operationFailed)
            #expect(Self.outcome(a, naming: victim) == Self.outcome(b, naming: missing))
        }
        let located: LocateResponse = try server.ok(.v1_4, LocateRequest(attributes: [Attribute(.name, .name(Name("acme-vm-1")))]), as: Self.globex)
        #expect(located.uniqueIdentifiers.isEmpty)
        let all: LocateResponse = try server.ok(.v2_1, LocateRequest(attributes: []), as: Self.globex)
        #expect(all.uniqueIdentifiers == [.text(own)])
        // Nothing about the victim changed.
        #expect(try server.hierarchy.object(victim, in: "acme") == before)
        #expect(try server.hierarchy.keyMaterial(of: victim, in: "acme") == material)
        #expect(try server.hierarchy.locate(.init(domainID: "acme")) == [victim])
        // And its owner still sees it.
        let mine: GetResponse = try server.ok(.v1_4, GetRequest(uniqueIdentifier: .text(victim)), as: Self.acme)
        #expect(mine.object.keyBlock?.keyValue?.keyMaterial?.symmetricKeyBytes == material)
    }

    @Test func aSuspendedSubscriptionServesExistingKeysAndMakesNoNewOnes() throws {
        let server = try TestServer()
        let kek = try server.activeKey(names: ["existing"], as: Self.acme)
        try server.hierarchy.updateDomain(id: "acme") { $0.subscription = .suspended }
        let create = CreateRequest(objectType: .symmetricKey, attributes: AttributeSet(aes(256)))
        let register = RegisterRequest(object: .symmetricKey(KeyBlock(keyFormatType: .raw, keyValue: .structure(.bytes(SecureBytes(repeating: 4, count: 16)), attributes: nil),
                                                                      cryptographicAlgorithm: .aes, cryptographicLength: 128)), attributes: AttributeSet())
        for (version, request) in [(ProtocolVersion.v1_1, create as any RequestPayload), (.v2_1, create), (.v1_4, register), (.v1_4, ReKeyRequest(uniqueIdentifier: .text(kek)))] {
            expectFailure(try server.send(version, request, as: Self.acme), .permissionDenied, "suspended")
        }
        #expect(try server.hierarchy.locate(.init(domainID: "acme")) == [kek])
        // Existing keys: read, used, changed.
        let got: GetResponse = try server.ok(.v1_1, GetRequest(uniqueIdentifier: .text(kek)), as: Self.acme)
        #expect(got.object.keyBlock?.keyValue?.keyMaterial?.symmetricKeyBytes?.count == 32)
        let _: EncryptResponse = try server.ok(.v1_4, EncryptRequest(uniqueIdentifier: .text(kek), cryptographicParameters: CryptographicParameters(blockCipherMode: .gcm),
                                                                      data: SecureBytes(repeating: 2, count: 32)), as: Self.acme)
        let _: AddAttributeResponse = try server.ok(.v1_1, AddAttributeRequest(uniqueIdentifier: .text(kek), attribute: Attribute(.custom("note"), .text("n"))), as: Self.acme)
        let _: LocateResponse = try server.ok(.v1_1, LocateRequest(attributes: [Attribute(.name, .name(Name("existing")))]), as: Self.acme)
        // Resumed: keys are made again.
        try server.hierarchy.updateDomain(id: "acme") { $0.subscription = .active }
        #expect(try server.send(.v1_1, create, as: Self.acme).resultStatus == .success)
    }

    @Test func aDisabledDomainIsRefusedEverything() throws {
        let server = try TestServer()
        let kek = try server.activeKey(as: Self.acme)
        try server.hierarchy.updateDomain(id: "acme") { $0.enabled = false }
        var requests = Self.requests(kek).map { ($0.1, $0.2) }
        requests += [(.v1_1, DiscoverVersionsRequest()), (.v1_0, QueryRequest(queryFunctions: [.queryOperations])),
                     (.v1_4, LocateRequest()), (.v1_4, RNGRetrieveRequest(dataLength: 8)),
                     (.v1_4, CreateRequest(objectType: .symmetricKey, attributes: AttributeSet(aes(256))))]
        for (version, request) in requests {
            expectFailure(try server.send(version, request, as: Self.acme), .permissionDenied, "disabled")
        }
        #expect(try server.store.object(uid: kek, domainID: "acme")?.state == State.active.rawValue)
        // The other tenant is unaffected.
        #expect(try server.send(.v1_4, QueryRequest(queryFunctions: [.queryObjects]), as: Self.globex).resultStatus == .success)
        // A client bound to a domain that does not exist is refused too.
        let ghost = CallerIdentity(domainID: "ghost", role: .hypervisor, clientName: "ghost", fingerprint: String(repeating: "c", count: 64), subject: "")
        expectFailure(try server.send(.v1_4, QueryRequest(queryFunctions: [.queryObjects]), as: ghost), .permissionDenied, "does not exist")
    }

    @Test func anAuditorReadsMetadataOnly() throws {
        let server = try TestServer()
        let kek = try server.activeKey(names: ["audited"], as: Self.acme)
        let auditor = TestServer.caller("acme", .auditor)
        let allowed: [(ProtocolVersion, any RequestPayload)] = [
            (.v1_1, DiscoverVersionsRequest()), (.v1_4, QueryRequest(queryFunctions: [.queryOperations])),
            (.v1_4, GetAttributesRequest(uniqueIdentifier: .text(kek))), (.v1_4, GetAttributeListRequest(uniqueIdentifier: .text(kek))),
            (.v1_4, LocateRequest(attributes: [Attribute(.name, .name(Name("audited")))])), (.v1_4, CheckRequest(uniqueIdentifier: .text(kek))),
        ]
        for (version, request) in allowed {
            #expect(try server.send(version, request, as: auditor).resultStatus == .success, "\(request)")
        }
        let wrapped = GetRequest(uniqueIdentifier: .text(kek), keyWrappingSpecification: KeyWrappingSpecification(
            wrappingMethod: .encrypt, encryptionKeyInformation: KeyInformation(uniqueIdentifier: .text(kek))))
        var refused = Self.requests(kek).filter { !["Get Attributes", "Get Attributes 2.x", "Get Attribute List", "Check"].contains($0.0) }.map { ($0.1, $0.2) }
        refused += [(.v1_4, wrapped), (.v1_4, RNGRetrieveRequest(dataLength: 8)), (.v1_4, CreateRequest(objectType: .symmetricKey, attributes: AttributeSet(aes(256)))),
                    (.v1_4, RegisterRequest(object: .opaqueObject(OpaqueDataType(rawValue: 0x8000_0001), SecureBytes([1])), attributes: AttributeSet()))]
        for (version, request) in refused {
            expectFailure(try server.send(version, request, as: auditor), .permissionDenied, "auditor")
        }
        // Refused before any lookup: a nonexistent object gets the same answer, so an auditor learns nothing from Get.
        let a = try server.send(.v1_4, GetRequest(uniqueIdentifier: .text(kek)), as: auditor)
        let b = try server.send(.v1_4, GetRequest(uniqueIdentifier: "nope"), as: auditor)
        #expect(a.resultMessage == b.resultMessage && a.resultReason == b.resultReason)
        let after = try server.hierarchy.object(kek, in: "acme")
        #expect(after.attributes.state == .active && after.attributes.custom.isEmpty && after.attributes.names.map(\.value) == ["audited"])
        #expect(try server.hierarchy.locate(.init(domainID: "acme")) == [kek])
        // An admin has a hypervisor's rights.
        let admin = TestServer.caller("acme", .admin)
        #expect(try server.send(.v1_4, GetRequest(uniqueIdentifier: .text(kek)), as: admin).resultStatus == .success)
    }
}
