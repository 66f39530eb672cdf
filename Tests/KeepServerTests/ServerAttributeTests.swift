import Foundation
import KMIP
import KeepCrypto
import KeyHierarchy
import Testing
@testable import KeepServer

/// The attributes the server sets and keeps (Digest, Fresh, Original Creation Date, Random Number Generator, the
/// Sensitive / Extractable family), by the version that defines them, and the operations that read them.
@Suite("KMIP service: server attributes")
struct ServerAttributeTests {
    static func attributes(_ server: TestServer, _ uid: String, _ version: ProtocolVersion = .v1_4, _ names: [AttributeName] = []) throws -> [Attribute] {
        let response: GetAttributesResponse = try server.ok(version, GetAttributesRequest(uniqueIdentifier: .text(uid), attributeNames: names))
        return response.attributes
    }

    static func value(_ tag: Tag, in attributes: [Attribute]) -> AttributeValue? {
        attributes.first { $0.name == .standard(tag) }?.value
    }

    @Test func aCreatedKeyCarriesTheServerAttributesOfItsVersion() throws {
        let server = try TestServer()
        let uid = try server.createKey(.v1_4)
        let all = try Self.attributes(server, uid)
        // Digest: SHA-256 of the Raw key.
        let material = try server.hierarchy.keyMaterial(of: uid, in: "acme")
        #expect(Self.value(.digest, in: all) == .structure([TTLV(.hashingAlgorithm, .enumeration(HashingAlgorithm.sha256.rawValue)),
                                                             TTLV(.digestValue, .byteString(SHA256.hash(material))),
                                                             TTLV(.keyFormatType, .enumeration(KeyFormatType.raw.rawValue))]))
        #expect(Self.value(.fresh, in: all) == .boolean(true))
        #expect(Self.value(.originalCreationDate, in: all) == Self.value(.initialDate, in: all))
        #expect(Self.value(.randomNumberGenerator, in: all) == .structure(ServerAttributes.randomNumberGenerator.children))
        #expect(Self.value(.sensitive, in: all) == .boolean(false) && Self.value(.alwaysSensitive, in: all) == .boolean(false))
        #expect(Self.value(.extractable, in: all) == .boolean(true) && Self.value(.neverExtractable, in: all) == .boolean(false))

        // A 1.1 client hears only what 1.1 defines; a 1.2 client not Original Creation Date.
        let list11: GetAttributeListResponse = try server.ok(.v1_1, GetAttributeListRequest(uniqueIdentifier: .text(uid)))
        #expect(list11.attributeNames.contains(.standard(.fresh)) && list11.attributeNames.contains(.standard(.digest)))
        for tag in [Tag.originalCreationDate, .randomNumberGenerator, .sensitive, .alwaysSensitive, .extractable, .neverExtractable] {
            #expect(!list11.attributeNames.contains(.standard(tag)), "\(tag)")
        }
        #expect(Self.value(.originalCreationDate, in: try Self.attributes(server, uid, .v1_2)) == nil)

        // Served once, no longer fresh.
        let _: GetResponse = try server.ok(.v1_4, GetRequest(uniqueIdentifier: .text(uid)))
        #expect(Self.value(.fresh, in: try Self.attributes(server, uid, .v1_4, [.standard(.fresh)])) == .boolean(false))
    }

    /// A Transparent Symmetric Key's Digest covers the Key Material structure as the client sent it (KMIP 1.1 TC-181).
    @Test func aRegisteredKeysDigestFollowsItsFormat() throws {
        let server = try TestServer()
        let key = SecureBytes((0..<32).map { UInt8($0) })
        let block = KeyBlock(keyFormatType: .transparentSymmetricKey, keyValue: .structure(.transparentSymmetricKey(key), attributes: nil),
                             cryptographicAlgorithm: .aes, cryptographicLength: 256)
        let registered: RegisterResponse = try server.ok(.v1_4, RegisterRequest(object: .symmetricKey(block), attributes: AttributeSet([])))
        let uid = try #require(registered.uniqueIdentifier.text)
        let encoded = TTLV(.keyMaterial, .structure([TTLV(.key, .byteString(key.copyBytes()))])).encoded()
        let digest = Self.value(.digest, in: try Self.attributes(server, uid))
        #expect(digest == .structure([TTLV(.hashingAlgorithm, .enumeration(HashingAlgorithm.sha256.rawValue)), TTLV(.digestValue, .byteString(SHA256.hash(encoded))),
                                      TTLV(.keyFormatType, .enumeration(KeyFormatType.transparentSymmetricKey.rawValue))]))
        // A registered object keeps the Fresh value its client gave; it has no generator of keepd's.
        let stale: RegisterResponse = try server.ok(.v1_4, RegisterRequest(object: .symmetricKey(block), attributes: AttributeSet([Attribute(.fresh, .boolean(false))])))
        let staleAttributes = try Self.attributes(server, try #require(stale.uniqueIdentifier.text))
        #expect(Self.value(.fresh, in: staleAttributes) == .boolean(false) && Self.value(.randomNumberGenerator, in: staleAttributes) == nil)
    }

    /// Sensitive: the value leaves only wrapped. Not Extractable: it does not leave. Always Sensitive and Never
    /// Extractable remember the history.
    @Test func sensitiveAndExtractableGuardTheValue() throws {
        let server = try TestServer()
        let kek = try server.activeKey(usage: [.wrapKey, .unwrapKey])
        let sensitive = try server.createKey(extra: [Attribute(.sensitive, .boolean(true))])
        expectFailure(try server.send(.v1_4, GetRequest(uniqueIdentifier: .text(sensitive))), .permissionDenied, "sensitive")
        let wrapping = KeyWrappingSpecification(wrappingMethod: .encrypt, encryptionKeyInformation: KeyInformation(uniqueIdentifier: .text(kek)))
        let _: GetResponse = try server.ok(.v1_4, GetRequest(uniqueIdentifier: .text(sensitive), keyWrappingSpecification: wrapping))
        #expect(Self.value(.alwaysSensitive, in: try Self.attributes(server, sensitive)) == .boolean(true))
        let _: ModifyAttributeResponse = try server.ok(.v1_4, ModifyAttributeRequest(uniqueIdentifier: .text(sensitive), newAttribute: Attribute(.sensitive, .boolean(false))))
        let after = try Self.attributes(server, sensitive)
        #expect(Self.value(.sensitive, in: after) == .boolean(false) && Self.value(.alwaysSensitive, in: after) == .boolean(false))
        let _: GetResponse = try server.ok(.v1_4, GetRequest(uniqueIdentifier: .text(sensitive)))

        let sealed = try server.createKey(extra: [Attribute(.extractable, .boolean(false))])
        #expect(Self.value(.neverExtractable, in: try Self.attributes(server, sealed)) == .boolean(true))
        expectFailure(try server.send(.v1_4, GetRequest(uniqueIdentifier: .text(sealed), keyWrappingSpecification: wrapping)), .permissionDenied, "extractable")
        // The server keeps Always Sensitive and Never Extractable itself.
        expectFailure(try server.send(.v1_4, AddAttributeRequest(uniqueIdentifier: .text(sealed), attribute: Attribute(.alwaysSensitive, .boolean(true)))),
                      .permissionDenied, "set by the server")
    }

    @Test func getAttributesAnswersInTheOrderAskedAndRefusesRepeats() throws {
        let server = try TestServer()
        let uid = try server.createKey(names: ["a", "b"])
        let names: [AttributeName] = [.standard(.state), .standard(.name), .standard(.objectType)]
        let answer = try Self.attributes(server, uid, .v1_4, names)
        #expect(answer.map(\.name) == [.standard(.state), .standard(.name), .standard(.name), .standard(.objectType)])
        // Index 0 is left out, index 1 written.
        #expect(answer[1].index == nil && answer[2].index == 1)
        expectFailure(try server.send(.v1_1, GetAttributesRequest(uniqueIdentifier: .text(uid), attributeNames: [.standard(.objectType), .standard(.objectType)])),
                      .invalidMessage, "more than once")
    }

    /// Group Member Fresh finds the group's unserved objects; Group Member Default serves them in turn, then the oldest.
    @Test func locateByObjectGroupMember() throws {
        let server = try TestServer()
        let group = Attribute(.objectGroup, .text("pool"))
        let keys = try (0..<3).map { _ in try server.createKey(extra: [group]) }
        func locate(_ member: ObjectGroupMember) throws -> [UniqueIdentifier] {
            var request = LocateRequest(maximumItems: 1, attributes: [group])
            request.objectGroupMember = member
            let response: LocateResponse = try server.ok(.v1_1, request)
            return response.uniqueIdentifiers
        }
        #expect(try locate(.groupMemberFresh) == [.text(keys[0])])
        for uid in keys {
            #expect(try locate(.groupMemberDefault) == [.text(uid)])
            let _: GetResponse = try server.ok(.v1_1, GetRequest(uniqueIdentifier: .text(uid)))
        }
        #expect(try locate(.groupMemberFresh).isEmpty)
        #expect(try locate(.groupMemberDefault) == [.text(keys[0])])
        // A batched Get after a Locate that found nothing names no object.
        var fresh = LocateRequest(maximumItems: 1, attributes: [group])
        fresh.objectGroupMember = .groupMemberFresh
        let batch = try server.send(.v1_1, [RequestBatchItem(fresh), RequestBatchItem(GetRequest())], option: .continue)
        expectFailure(batch.batchItems[1], .itemNotFound, "ID Placeholder")
    }

    /// ReKey with a template sets the new key's lifecycle (KMIP 1.1 TC-94): dates replace those inherited.
    @Test func reKeyTemplateSetsTheNewLifecycle() throws {
        let server = try TestServer()
        let old = try server.createKey(.v1_1)
        let past = DateTime(secondsSinceEpoch: 1_000), future = DateTime(secondsSinceEpoch: 4_102_444_800)
        let template = AttributeSet([Attribute(.activationDate, .dateTime(past)), Attribute(.processStartDate, .dateTime(past)),
                                     Attribute(.protectStopDate, .dateTime(future)), Attribute(.deactivationDate, .dateTime(future))])
        let rekeyed: ReKeyResponse = try server.ok(.v1_1, ReKeyRequest(uniqueIdentifier: .text(old), attributes: template))
        let uid = try #require(rekeyed.uniqueIdentifier.text)
        let attributes = try Self.attributes(server, uid)
        #expect(Self.value(.state, in: attributes) == .enumeration(State.active.rawValue))
        #expect(Self.value(.activationDate, in: attributes) == .dateTime(past) && Self.value(.protectStopDate, in: attributes) == .dateTime(future))
        #expect(Self.value(.fresh, in: attributes) == .boolean(true))
        #expect(Self.value(.digest, in: attributes) != Self.value(.digest, in: try Self.attributes(server, old)))
        // The old key is untouched by the template and can still be destroyed from Pre-Active.
        let _: DestroyResponse = try server.ok(.v1_1, DestroyRequest(uniqueIdentifier: .text(old)))
    }
}
