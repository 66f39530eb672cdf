import KMIP
import KeepStore
import KeyHierarchy
import Testing
@testable import KeepServer

/// Fresh key groups (`ServiceConfiguration.freshKeyGroups`): a Locate for a fresh member of such a group that finds
/// none makes one; everything else about Locate is unchanged.
@Suite("Locate: fresh key groups")
struct FreshKeyGroupTests {
    static func server() throws -> TestServer {
        var configuration = ServiceConfiguration()
        configuration.freshKeyGroups = ["default": 256, "tapes": 128]
        return try TestServer(configuration: configuration)
    }

    static func freshMember(of group: String, also extra: [Attribute] = [], maximum: Int32? = 1) -> LocateRequest {
        var request = LocateRequest(maximumItems: maximum, attributes: [Attribute(.objectGroup, .text(group))] + extra)
        request.objectGroupMember = .groupMemberFresh
        return request
    }

    static func fresh(_ uid: String, on server: TestServer) throws -> Bool? {
        let response: GetAttributesResponse = try server.ok(.v1_4, GetAttributesRequest(uniqueIdentifier: .text(uid), attributeNames: [.standard(.fresh)]))
        guard case .boolean(let value)? = response.attributes.first?.value else { return nil }
        return value
    }

    @Test func aLocateForAFreshMemberOfAFreshKeyGroupMakesOneWhenThereIsNone() throws {
        let server = try Self.server()
        let first: LocateResponse = try server.ok(.v1_1, Self.freshMember(of: "default"))
        let uid = try #require(first.uniqueIdentifiers.first?.text)
        #expect(first.uniqueIdentifiers.count == 1)
        let object = try server.hierarchy.object(uid, in: "acme")
        #expect(object.attributes.cryptographicAlgorithm == .aes && object.attributes.cryptographicLength == 256)
        #expect(object.attributes.usageMask == [.encrypt, .decrypt])
        #expect(try Self.fresh(uid, on: server) == true)
        // Its audit record says the Locate made it.
        let event = try #require(server.audit.events.last { $0.operation == .locate })
        #expect(event.objectIDs == [uid] && event.resultMessage?.contains("made key \(uid) for fresh key group default") == true)

        // While it is fresh, it is the answer; nothing more is made.
        let again: LocateResponse = try server.ok(.v1_1, Self.freshMember(of: "default"))
        #expect(again.uniqueIdentifiers.map(\.text) == [uid])
        #expect(try server.hierarchy.locate(ObjectQuery(domainID: "acme")).count == 1)

        // Get takes it out of the fresh members; the next Locate makes the next key, of the group's own length.
        let _: GetResponse = try server.ok(.v1_1, GetRequest(uniqueIdentifier: .text(uid)))
        #expect(try Self.fresh(uid, on: server) == false)
        let next: LocateResponse = try server.ok(.v1_1, Self.freshMember(of: "default"))
        #expect(next.uniqueIdentifiers.count == 1 && next.uniqueIdentifiers.first?.text != uid)
        let tape: LocateResponse = try server.ok(.v1_4, Self.freshMember(of: "tapes"))
        #expect(try server.hierarchy.object(#require(tape.uniqueIdentifiers.first?.text), in: "acme").attributes.cryptographicLength == 128)
    }

    @Test func nothingIsMadeForAnotherGroupOrAnAskTheNewKeyWouldNotMeet() throws {
        let server = try Self.server()
        func located(_ request: LocateRequest) throws -> Int {
            let response: LocateResponse = try server.ok(.v1_4, request)
            return response.uniqueIdentifiers.count
        }
        var member = Self.freshMember(of: "default")
        member.objectGroupMember = .groupMemberDefault
        #expect(try located(member) == 0)
        #expect(try located(Self.freshMember(of: "unlisted")) == 0)
        #expect(try located(Self.freshMember(of: "default", also: [Attribute(.name, .name(Name("vm-7")))])) == 0)
        #expect(try located(Self.freshMember(of: "default", also: [Attribute(.cryptographicLength, .integer(128))])) == 0)
        #expect(try located(Self.freshMember(of: "default", also: [Attribute(.objectType, .enumeration(ObjectType.secretData.rawValue))])) == 0)
        #expect(try located(Self.freshMember(of: "default", maximum: 0)) == 0)
        #expect(try located(LocateRequest(attributes: [Attribute(.objectGroup, .text("default"))])) == 0)
        #expect(try server.hierarchy.locate(ObjectQuery(domainID: "acme")).isEmpty)
        // What the new key would be may be asked for.
        #expect(try located(Self.freshMember(of: "default", also: [Attribute(.objectType, .enumeration(ObjectType.symmetricKey.rawValue)),
                                                                   Attribute(.cryptographicAlgorithm, .enumeration(CryptographicAlgorithm.aes.rawValue)),
                                                                   Attribute(.cryptographicLength, .integer(256))])) == 1)
        // Without the policy, a Locate only finds.
        let plain = try TestServer()
        let response: LocateResponse = try plain.ok(.v1_4, Self.freshMember(of: "default"))
        #expect(response.uniqueIdentifiers.isEmpty)
        #expect(try plain.hierarchy.locate(ObjectQuery(domainID: "acme")).isEmpty)
    }

    @Test func aCallerThatMayNotMakeKeysFindsNothingAndEachDomainGetsItsOwn() throws {
        let server = try Self.server()
        let auditor: LocateResponse = try server.ok(.v1_4, Self.freshMember(of: "default"), as: TestServer.caller("acme", .auditor))
        #expect(auditor.uniqueIdentifiers.isEmpty)
        try server.hierarchy.updateDomain(id: "acme") { $0.subscription = .suspended }
        let suspended: LocateResponse = try server.ok(.v1_4, Self.freshMember(of: "default"))
        #expect(suspended.uniqueIdentifiers.isEmpty)
        #expect(try server.hierarchy.locate(ObjectQuery(domainID: "acme")).isEmpty)
        try server.hierarchy.updateDomain(id: "acme") { $0.subscription = .active }

        let acme: LocateResponse = try server.ok(.v1_4, Self.freshMember(of: "default"))
        let globex: LocateResponse = try server.ok(.v1_4, Self.freshMember(of: "default"), as: TestServer.caller("globex"))
        let acmeKey = try #require(acme.uniqueIdentifiers.first?.text), globexKey = try #require(globex.uniqueIdentifiers.first?.text)
        #expect(acmeKey != globexKey)
        #expect(try server.hierarchy.locate(ObjectQuery(domainID: "globex")) == [globexKey])
        expectFailure(try server.send(.v1_4, GetAttributesRequest(uniqueIdentifier: .text(acmeKey)), as: TestServer.caller("globex")), .itemNotFound)
    }
}
