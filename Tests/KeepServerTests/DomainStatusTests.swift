import KMIP
import KeyHierarchy
import Testing
@testable import KeepServer

/// Keep Domain Status, the vendor operation a hypervisor asks before it changes anything.
@Suite("KMIP service: Keep Domain Status (vendor extension)")
struct DomainStatusTests {
    @Test func reportsTheCallersOwnDomainInEveryVersion() throws {
        let server = try TestServer()
        for version in KMIPService.supportedVersions {
            let acme: KeepDomainStatusResponse = try server.ok(version, KeepDomainStatusRequest(), as: TestServer.caller("acme"))
            #expect(acme == KeepDomainStatusResponse(domainIdentifier: "acme", subscriptionState: .active, keyExportAllowed: true))
            let globex: KeepDomainStatusResponse = try server.ok(version, KeepDomainStatusRequest(), as: TestServer.caller("globex"))
            #expect(globex == KeepDomainStatusResponse(domainIdentifier: "globex", subscriptionState: .active, keyExportAllowed: false))
        }
    }

    @Test func followsTheSubscriptionAndChangesNothing() throws {
        let server = try TestServer()
        let kek = try server.activeKey(as: TestServer.caller("acme"))
        try server.hierarchy.updateDomain(id: "acme") { $0.subscription = .suspended }
        let before = try server.hierarchy.domain(id: "acme")
        let suspended: KeepDomainStatusResponse = try server.ok(.v1_4, KeepDomainStatusRequest(), as: TestServer.caller("acme", .auditor))
        #expect(suspended.subscriptionState == .suspended)
        #expect(try server.hierarchy.domain(id: "acme") == before)
        #expect(try server.hierarchy.locate(.init(domainID: "acme")) == [kek])
        try server.hierarchy.updateDomain(id: "acme") { $0.subscription = .active }
        let active: KeepDomainStatusResponse = try server.ok(.v1_1, KeepDomainStatusRequest(), as: TestServer.caller("acme"))
        #expect(active.subscriptionState == .active)
    }

    @Test func aDisabledDomainIsRefusedLikeEveryOperation() throws {
        let server = try TestServer()
        try server.hierarchy.updateDomain(id: "acme") { $0.enabled = false }
        expectFailure(try server.send(.v1_4, KeepDomainStatusRequest(), as: TestServer.caller("acme")), .permissionDenied, "disabled")
    }

    @Test func queryListsItAndTheWireFormRoundTrips() throws {
        let server = try TestServer()
        let query: QueryResponse = try server.ok(.v1_4, QueryRequest(queryFunctions: [.queryOperations]))
        #expect(query.operations.last == .keepDomainStatus)
        let response = KeepDomainStatusResponse(domainIdentifier: "acme", subscriptionState: .suspended, keyExportAllowed: false)
        let item = response.ttlv(version: .v2_1)
        #expect(item.children.map(\.tag.rawValue) == [0x54_4B01, 0x54_4B02, 0x54_4B03])
        #expect(try KeepDomainStatusResponse(from: item, version: .v2_1) == response)
        // A field the request does not define is refused, not dropped.
        let padded = TTLV.structure(.requestPayload, [TTLV(.keepDomainIdentifier, .textString("other"))])
        #expect(throws: KMIPDecodingError.self) { try KeepDomainStatusRequest(from: padded, version: .v1_4) }
    }
}
