import Foundation
import KMIP
import KeepCrypto
import KeepTLS
import KeyHierarchy
import Testing
@testable import KeepServer

/// The service with administration: the test installation (domains acme and globex), the system domain, a KMS CA
/// in the installation's directory, and an activity log in front of the recording audit sink.
final class AdministeredServer {
    let installation: Installation
    let audit = RecordingAuditSink()
    let administration: AdministrationTools
    let service: KMIPService
    let ca: CertificateAuthority
    let caPath: String

    static let admin = CallerIdentity(domainID: SystemDomain.identifier, role: .admin, clientName: "root-admin",
                                      fingerprint: String(repeating: "e", count: 64), subject: "CN=root-admin")
    static let auditor = CallerIdentity(domainID: SystemDomain.identifier, role: .auditor, clientName: "root-auditor",
                                        fingerprint: String(repeating: "f", count: 64), subject: "CN=root-auditor")

    init() throws {
        installation = try Installation()
        try SystemDomain.ensure(in: installation.hierarchy)
        ca = try CertificateAuthority.create(subject: DistinguishedName(commonName: "Test KMS CA", organization: "Keep"))
        caPath = installation.directory.appendingPathComponent("ca.pem").path
        let keyPath = installation.directory.appendingPathComponent("ca.key").path
        try Certificate.writePEM([ca.certificate], to: caPath)
        try ca.privateKey.writePEM(to: keyPath)
        administration = AdministrationTools(registry: installation.registry,
                                        certificates: AdministrationTools.Certificates(issuerCertificate: caPath, issuerPrivateKey: keyPath, clientCAs: [caPath]),
                                        nodeID: "test-node", serverVersion: "0.1", auditChainHead: { "head-of-chain" })
        service = KMIPService(hierarchy: installation.hierarchy, audit: ActivityRecordingSink(activity: administration.activity, next: audit),
                              administration: administration)
    }

    var hierarchy: KeyHierarchy { installation.hierarchy }
    var registry: ClientRegistry { installation.registry }

    func send(_ payload: any RequestPayload, as caller: CallerIdentity = AdministeredServer.admin, version: ProtocolVersion = .v2_1) throws -> ResponseBatchItem {
        let response = try decodeResponse(service.handle(RequestMessage(version: version, [RequestBatchItem(payload)]).encoded(), caller: caller))
        return try #require(response.batchItems.first)
    }

    func ok<P: ResponsePayload>(_ payload: any RequestPayload, as caller: CallerIdentity = AdministeredServer.admin, _ type: P.Type = P.self,
                                sourceLocation: SourceLocation = #_sourceLocation) throws -> P {
        let item = try send(payload, as: caller)
        #expect(item.resultStatus == .success, "\(item.resultReason?.description ?? "") \(item.resultMessage ?? "")", sourceLocation: sourceLocation)
        return try #require(item.payload(as: P.self), sourceLocation: sourceLocation)
    }

    /// An Active AES key of `domain`, made by its hypervisor through the service.
    func activeKey(in domain: String = "acme") throws -> String {
        let caller = TestServer.caller(domain)
        let create = try send(CreateRequest(objectType: .symmetricKey, attributes: AttributeSet(aes(256) + [
            Attribute(.cryptographicUsageMask, .integer(CryptographicUsageMask([.encrypt, .decrypt]).rawValue))])), as: caller)
        let uid = try #require(create.payload(as: CreateResponse.self)?.uniqueIdentifier.text)
        #expect(try send(ActivateRequest(uniqueIdentifier: .text(uid)), as: caller).resultStatus == .success)
        return uid
    }

    /// A client certificate for a fresh key: issued by `issuer`, or self-signed.
    static func certificate(_ name: String, issuer: CertificateAuthority?, clientAuth: Bool, validity: Validity = .days(30)) throws -> Certificate {
        let key = try PrivateKey.generate()
        let subject = DistinguishedName(commonName: name, organization: "Example")
        if let issuer { return try issuer.issueClientCertificate(for: key, subject: subject, validity: validity, clientAuthEKU: clientAuth) }
        return try CertificateAuthority.selfSignedClientCertificate(for: key, subject: subject, validity: validity, clientAuthEKU: clientAuth)
    }
}

@Suite("KMIP service: installation administration")
struct AdministrationTests {
    typealias Server = AdministeredServer

    // MARK: Who may administer

    @Test func onlyTheSystemDomainsAdminsAdministerAndTheyHoldNoKeys() throws {
        let server = try Server()
        // A tenant's admin keeps a hypervisor's rights in its domain, and may not administer.
        let tenantAdmin = TestServer.caller("acme", .admin)
        expectFailure(try server.send(KeepListDomainsRequest(), as: tenantAdmin), .permissionDenied, "installation administrators")
        expectFailure(try server.send(KeepCreateDomainRequest(domainIdentifier: "evil"), as: TestServer.caller("acme")), .permissionDenied)
        #expect(try server.send(CreateRequest(objectType: .symmetricKey, attributes: AttributeSet(aes(256))), as: tenantAdmin).resultStatus == .success)
        // The system domain's auditor reads and changes nothing.
        let listed: KeepListDomainsResponse = try server.ok(KeepListDomainsRequest(), as: Server.auditor)
        #expect(listed.domains.map(\.identifier) == ["acme", "globex"])
        expectFailure(try server.send(KeepCreateDomainRequest(domainIdentifier: "new"), as: Server.auditor), .permissionDenied, "auditor")
        expectFailure(try server.send(KeepRotateRequest(target: .rootOfTrust), as: Server.auditor), .permissionDenied)
        // The installation administrator makes no keys, and Query does not advertise administration to anyone
        expectFailure(try server.send(CreateRequest(objectType: .symmetricKey, attributes: AttributeSet(aes(256)))), .permissionDenied, "holds no keys")
        #expect(try server.send(DiscoverVersionsRequest()).resultStatus == .success)
        let query: QueryResponse = try server.ok(QueryRequest(queryFunctions: [.queryOperations]), as: TestServer.caller("acme"))
        // (Keep Domain Status, the one vendor operation for hypervisors, is listed; no administration operation is.)
        #expect(!query.operations.isEmpty && query.operations.allSatisfy { !$0.isExtension || $0 == .keepDomainStatus })
        #expect(query.operations.contains(.keepDomainStatus))
        // A service without administration tools refuses what needs them.
        let bare = KMIPService(hierarchy: server.hierarchy, audit: server.audit)
        let item = try decodeResponse(bare.handle(RequestMessage(version: .v2_1, [RequestBatchItem(KeepServerStatusRequest())]).encoded(), caller: Server.admin))
        expectFailure(try #require(item.batchItems.first), .featureNotSupported)
    }

    // MARK: Domains

    @Test func domainsAreCreatedListedShownAndChanged() throws {
        let server = try Server()
        let created: KeepCreateDomainResponse = try server.ok(KeepCreateDomainRequest(domainIdentifier: "initech", displayName: "Initech"))
        #expect(created.domain.identifier == "initech" && created.domain.displayName == "Initech" && created.domain.enabled
                && created.domain.subscriptionActive && !created.domain.keyExportAllowed && created.domain.clientAuthRequired && created.domain.domainKeyVersion == 1)
        expectFailure(try server.send(KeepCreateDomainRequest(domainIdentifier: "initech")), .objectAlreadyExists, "initech")
        expectFailure(try server.send(KeepCreateDomainRequest(domainIdentifier: "_mine")), .invalidField, "reserved")
        expectFailure(try server.send(KeepCreateDomainRequest(domainIdentifier: "Bad Name")), .invalidField)
        let listed: KeepListDomainsResponse = try server.ok(KeepListDomainsRequest())
        #expect(listed.domains.map(\.identifier) == ["acme", "globex", "initech"])

        // Suspended: existing keys served, no new ones. Disabled: nothing served.
        let uid = try server.activeKey()
        let suspended: KeepModifyDomainResponse = try server.ok(KeepModifyDomainRequest(domainIdentifier: "acme", subscriptionActive: false))
        #expect(!suspended.domain.subscriptionActive && suspended.domain.enabled)
        expectFailure(try server.send(CreateRequest(objectType: .symmetricKey, attributes: AttributeSet(aes(256))), as: TestServer.caller("acme")), .permissionDenied, "suspended")
        #expect(try server.send(GetAttributesRequest(uniqueIdentifier: .text(uid)), as: TestServer.caller("acme")).resultStatus == .success)
        let _: KeepModifyDomainResponse = try server.ok(KeepModifyDomainRequest(domainIdentifier: "acme", enabled: false))
        expectFailure(try server.send(GetAttributesRequest(uniqueIdentifier: .text(uid)), as: TestServer.caller("acme")), .permissionDenied, "disabled")
        let restored: KeepModifyDomainResponse = try server.ok(KeepModifyDomainRequest(domainIdentifier: "acme", enabled: true, subscriptionActive: true,
                                                                                       keyExportAllowed: false, clientAuthRequired: true))
        #expect(restored.domain.enabled && restored.domain.subscriptionActive && !restored.domain.keyExportAllowed && restored.domain.clientAuthRequired)
        #expect(try server.hierarchy.domain(id: "acme").policy == DomainPolicy(allowsKeyExport: false, requiresClientAuthUsage: true))
        expectFailure(try server.send(KeepModifyDomainRequest(domainIdentifier: "acme")), .invalidField, "no change")
        expectFailure(try server.send(KeepModifyDomainRequest(domainIdentifier: SystemDomain.identifier, enabled: false)), .invalidField, "system domain")
        expectFailure(try server.send(KeepModifyDomainRequest(domainIdentifier: "nope", enabled: false)), .itemNotFound, "no domain nope")

        // Show: counts per state, recent activity newest first (the tenant's requests and what was done to it).
        let shown: KeepGetDomainResponse = try server.ok(KeepGetDomainRequest(domainIdentifier: "acme"))
        #expect(shown.objectCounts == [KeepAdminObjectCount(state: .active, count: 1)])
        #expect(shown.rotation == nil)
        #expect(shown.activity.first?.operation == .keepModifyDomain && shown.activity.first?.clientName == "root-admin")
        #expect(shown.activity.contains { $0.operation == .create && $0.resultStatus == .success && $0.clientName == "acme-hypervisor" })
        #expect(shown.activity.contains { $0.operation == .getAttributes && $0.resultReason == .permissionDenied })
        expectFailure(try server.send(KeepGetDomainRequest(domainIdentifier: "nope")), .itemNotFound)
        #expect(server.administration.activity.recent("nope").isEmpty && !server.administration.activity.recent(SystemDomain.identifier).isEmpty)
    }

    // MARK: Clients

    @Test func anIssuedCertificateIsTheKMSCAsForThePublicKeySentAndIsRegistered() throws {
        let server = try Server()
        let key = try PrivateKey.generate()
        let issued: KeepIssueClientResponse = try server.ok(KeepIssueClientRequest(domainIdentifier: "globex", role: .hypervisor, name: "esx-cluster-1",
                                                                                  publicKey: try key.publicKey.der, validityDays: 30))
        let certificate = try Certificate(der: issued.certificate)
        #expect(try certificate.isIssued(by: server.ca.certificate))
        #expect(try key.matches(certificate) && (try certificate.publicKey) == (try key.publicKey))
        #expect(certificate.extendedKeyUsage == .includesClientAuth && !certificate.isSelfSigned)
        #expect(certificate.subject.contains("CN=esx-cluster-1") && certificate.subject.contains("OU=globex"))
        #expect(certificate.notAfter - certificate.notBefore <= 31 * 86_400 + Validity.clockSkewTolerance)
        #expect(issued.client.fingerprint == certificate.sha256Fingerprint && issued.client.domainIdentifier == "globex" && !issued.client.selfSigned)
        let registered = try #require(try server.registry.client(fingerprint: certificate.sha256Fingerprint))
        #expect(registered.domainID == "globex" && registered.role == .hypervisor && registered.name == "esx-cluster-1")

        // The domain's policy, the system domain's roles, names, keys and validity are checked first.
        let other = try PrivateKey.generate().publicKey.der
        expectFailure(try server.send(KeepIssueClientRequest(domainIdentifier: "globex", role: .hypervisor, name: "no-eku", publicKey: other, clientAuthUsage: false)),
                      .invalidField, "requires the clientAuth")
        expectFailure(try server.send(KeepIssueClientRequest(domainIdentifier: "globex", role: .hypervisor, name: "esx-cluster-1", publicKey: other)),
                      .objectAlreadyExists)
        expectFailure(try server.send(KeepIssueClientRequest(domainIdentifier: SystemDomain.identifier, role: .hypervisor, name: "h", publicKey: other)),
                      .invalidField, "admin or an auditor")
        expectFailure(try server.send(KeepIssueClientRequest(domainIdentifier: "acme", role: .hypervisor, name: "x", publicKey: [0x30, 0x03, 0x02, 0x01, 0x00])),
                      .invalidField)
        expectFailure(try server.send(KeepIssueClientRequest(domainIdentifier: "acme", role: .hypervisor, name: "x", publicKey: other, validityDays: 100_000)),
                      .invalidField, "Validity Days")
        expectFailure(try server.send(KeepIssueClientRequest(domainIdentifier: "acme", role: KeepAdminClientRole(rawValue: 0x8000_0009), name: "x", publicKey: other)),
                      .invalidField, "Client Role")
        expectFailure(try server.send(KeepIssueClientRequest(domainIdentifier: "nope", role: .hypervisor, name: "x", publicKey: other)), .itemNotFound)
        // vCenter-style (no EKU) where the domain waives clientAuth; an installation administrator.
        let vcenterStyle: KeepIssueClientResponse = try server.ok(KeepIssueClientRequest(domainIdentifier: "acme", role: .hypervisor, name: "vc",
                                                                                        publicKey: other, clientAuthUsage: false, wireProfile: .pykmip))
        #expect(try Certificate(der: vcenterStyle.certificate).extendedKeyUsage == .absent && vcenterStyle.client.wireProfile == .pykmip)
        let admin: KeepIssueClientResponse = try server.ok(KeepIssueClientRequest(domainIdentifier: SystemDomain.identifier, role: .admin, name: "alice",
                                                                                 publicKey: try PrivateKey.generate(.ed25519).publicKey.der))
        #expect(admin.client.role == .admin && admin.client.domainIdentifier == SystemDomain.identifier)
    }

    @Test func registrationChecksWhatAdmissionWillCheck() throws {
        let server = try Server()
        // vCenter's certificate: self-signed, no EKU; accepted where the domain waives clientAuth, by fingerprint.
        let vcenter = try Server.certificate("vcenter-prod", issuer: nil, clientAuth: false)
        let registered: KeepRegisterClientResponse = try server.ok(KeepRegisterClientRequest(domainIdentifier: "acme", role: .hypervisor, name: "vcenter-prod",
                                                                                            certificate: vcenter.der))
        #expect(registered.client.selfSigned && registered.client.fingerprint == vcenter.sha256Fingerprint && registered.client.subject == vcenter.subject)
        let peer = ClientCertificate(fingerprint: vcenter.sha256Fingerprint, subject: vcenter.subject, chainVerified: false, selfSigned: true,
                                     hasClientAuthEKU: nil, notBefore: vcenter.notBefore, notAfter: vcenter.notAfter)
        guard case .accepted(let caller) = server.registry.authorize(peer, hierarchy: server.hierarchy, now: Int64(Date().timeIntervalSince1970)) else {
            Issue.record("the registered vCenter certificate is not admitted"); return
        }
        #expect(caller.domainID == "acme" && caller.clientName == "vcenter-prod")
        // Refused now rather than at every connection later.
        expectFailure(try server.send(KeepRegisterClientRequest(domainIdentifier: "globex", role: .hypervisor, name: "vc2",
                                                                certificate: try Server.certificate("vc2", issuer: nil, clientAuth: false).der)),
                      .invalidField, "requires the clientAuth")
        let foreignCA = try CertificateAuthority.create(subject: DistinguishedName(commonName: "Someone else's CA"))
        expectFailure(try server.send(KeepRegisterClientRequest(domainIdentifier: "acme", role: .hypervisor, name: "foreign",
                                                                certificate: try Server.certificate("foreign", issuer: foreignCA, clientAuth: true).der)),
                      .invalidField, "neither self-signed nor issued by a CA keepd trusts")
        let expired = try Server.certificate("old", issuer: server.ca, clientAuth: true,
                                             validity: Validity(notBefore: Validity.now() - 10 * 86_400, notAfter: Validity.now() - 86_400))
        expectFailure(try server.send(KeepRegisterClientRequest(domainIdentifier: "acme", role: .hypervisor, name: "old", certificate: expired.der)),
                      .invalidField, "expired")
        expectFailure(try server.send(KeepRegisterClientRequest(domainIdentifier: "acme", role: .hypervisor, name: "junk", certificate: [1, 2, 3])),
                      .invalidField, "X.509")
        expectFailure(try server.send(KeepRegisterClientRequest(domainIdentifier: "acme", role: .hypervisor, name: "again", certificate: vcenter.der)),
                      .objectAlreadyExists)
        // Issued by the KMS CA elsewhere: chained, not self-signed.
        let chained: KeepRegisterClientResponse = try server.ok(KeepRegisterClientRequest(
            domainIdentifier: "globex", role: .auditor, name: "siem", certificate: try Server.certificate("siem", issuer: server.ca, clientAuth: true).der))
        #expect(!chained.client.selfSigned && chained.client.role == .auditor)
        let listed: KeepListClientsResponse = try server.ok(KeepListClientsRequest(domainIdentifier: "acme"))
        #expect(listed.clients.map(\.name) == ["vcenter-prod"])
        let all: KeepListClientsResponse = try server.ok(KeepListClientsRequest(), as: Server.auditor)
        #expect(Set(all.clients.map(\.name)) == ["vcenter-prod", "siem"])
        expectFailure(try server.send(KeepListClientsRequest(domainIdentifier: "nope")), .itemNotFound)
    }

    @Test func aRevokedClientIsRefusedAndTheLastAdministratorStays() throws {
        let server = try Server()
        let first = try Server.certificate("first-admin", issuer: server.ca, clientAuth: true)
        try server.registry.register(fingerprint: first.sha256Fingerprint, domainID: SystemDomain.identifier, role: .admin, name: "first-admin", subject: first.subject)
        let hypervisor = try Server.certificate("esx", issuer: server.ca, clientAuth: true)
        try server.registry.register(fingerprint: hypervisor.sha256Fingerprint, domainID: "globex", role: .hypervisor, name: "esx", subject: hypervisor.subject)

        let revoked: KeepRevokeClientResponse = try server.ok(KeepRevokeClientRequest(domainIdentifier: "globex", name: "esx"))
        #expect(revoked.client.revoked && revoked.client.revokedAt != nil)
        let peer = ClientCertificate(fingerprint: hypervisor.sha256Fingerprint, subject: hypervisor.subject, chainVerified: true, selfSigned: false,
                                     hasClientAuthEKU: true, notBefore: hypervisor.notBefore, notAfter: hypervisor.notAfter)
        #expect(server.registry.authorize(peer, hierarchy: server.hierarchy, now: Int64(Date().timeIntervalSince1970))
                == .refused(ClientRefusal(.revoked, "client esx (certificate \(hypervisor.sha256Fingerprint)) is revoked")))
        // Revoking again is harmless; unknown clients are not found.
        #expect(try server.send(KeepRevokeClientRequest(fingerprint: hypervisor.sha256Fingerprint)).resultStatus == .success)
        expectFailure(try server.send(KeepRevokeClientRequest(fingerprint: String(repeating: "0", count: 64))), .itemNotFound)
        expectFailure(try server.send(KeepRevokeClientRequest(domainIdentifier: "globex", name: "ghost")), .itemNotFound)
        var both = KeepRevokeClientRequest(fingerprint: hypervisor.sha256Fingerprint)
        both.domainIdentifier = "globex"
        both.name = "esx"
        expectFailure(try server.send(both), .invalidField, "names a client")

        // The last installation administrator cannot be revoked; with a second one it can.
        expectFailure(try server.send(KeepRevokeClientRequest(fingerprint: first.sha256Fingerprint)), .permissionDenied, "last installation administrator")
        let second = try Server.certificate("second-admin", issuer: server.ca, clientAuth: true)
        let _: KeepRegisterClientResponse = try server.ok(KeepRegisterClientRequest(domainIdentifier: SystemDomain.identifier, role: .admin, name: "second-admin",
                                                                                     certificate: second.der))
        #expect(try server.send(KeepRevokeClientRequest(fingerprint: first.sha256Fingerprint)).resultStatus == .success)
    }

    // MARK: Keys

    @Test func keysAreListedShownRevokedAndDestroyedWithoutTheirValues() throws {
        let server = try Server()
        let uids = try (0..<5).map { _ in try server.activeKey() }
        let material = try server.hierarchy.keyMaterial(of: uids[0], in: "acme").copyBytes()
        let page: KeepListKeysResponse = try server.ok(KeepListKeysRequest(domainIdentifier: "acme", maximumItems: 2, offsetItems: 1))
        #expect(page.count == 5 && page.keys.map(\.uniqueIdentifier) == Array(uids[1...2]))
        #expect(page.keys.allSatisfy { $0.state == .active && $0.cryptographicAlgorithm == .aes && $0.cryptographicLength == 256 && $0.domainKeyVersion == 1 })
        let shown: KeepGetKeyResponse = try server.ok(KeepGetKeyRequest(domainIdentifier: "acme", uniqueIdentifier: uids[0]), as: Server.auditor)
        #expect(shown.key.uniqueIdentifier == uids[0] && shown.key.hasKeyMaterial && shown.key.activationDate != nil)
        #expect(!contains(shown.ttlv(version: .v2_1).encoded(), material), "a key's value reached an administration response")
        expectFailure(try server.send(KeepGetKeyRequest(domainIdentifier: "globex", uniqueIdentifier: uids[0])), .itemNotFound)

        // Destroy needs a revoked key, as in KMIP; a compromise is recorded with its reason.
        expectFailure(try server.send(KeepDestroyKeyRequest(domainIdentifier: "acme", uniqueIdentifier: uids[0])), .wrongKeyLifecycleState)
        let revoked: KeepRevokeKeyResponse = try server.ok(KeepRevokeKeyRequest(domainIdentifier: "acme", uniqueIdentifier: uids[0],
                                                                               revocationReason: RevocationReason(.keyCompromise, message: "laptop stolen")))
        #expect(revoked.key.state == .compromised && revoked.key.revocationReason == RevocationReason(.keyCompromise, message: "laptop stolen"))
        let destroyed: KeepDestroyKeyResponse = try server.ok(KeepDestroyKeyRequest(domainIdentifier: "acme", uniqueIdentifier: uids[0]))
        #expect(destroyed.key.state == .destroyedCompromised && !destroyed.key.hasKeyMaterial && destroyed.key.destroyDate != nil)
        expectFailure(try server.send(GetRequest(uniqueIdentifier: .text(uids[0])), as: TestServer.caller("acme")), .objectDestroyed)
        let _: KeepRevokeKeyResponse = try server.ok(KeepRevokeKeyRequest(domainIdentifier: "acme", uniqueIdentifier: uids[1],
                                                                         revocationReason: RevocationReason(.cessationOfOperation)))
        #expect(try server.hierarchy.object(uids[1], in: "acme").attributes.state == .deactivated)

        // Counts per state, and the inventory of a disabled domain is still readable.
        let _: KeepModifyDomainResponse = try server.ok(KeepModifyDomainRequest(domainIdentifier: "acme", enabled: false))
        let active: KeepListKeysResponse = try server.ok(KeepListKeysRequest(domainIdentifier: "acme", state: .active))
        #expect(active.count == 3 && active.keys.count == 3)
        let shownDomain: KeepGetDomainResponse = try server.ok(KeepGetDomainRequest(domainIdentifier: "acme"))
        #expect(Set(shownDomain.objectCounts) == [KeepAdminObjectCount(state: .active, count: 3), KeepAdminObjectCount(state: .deactivated, count: 1),
                                                  KeepAdminObjectCount(state: .destroyedCompromised, count: 1)])
        expectFailure(try server.send(KeepListKeysRequest(domainIdentifier: "acme", maximumItems: 0)), .invalidField)
        expectFailure(try server.send(KeepListKeysRequest(domainIdentifier: SystemDomain.identifier)), .invalidField)
    }

    // MARK: Rotation and status

    @Test func rotationsRunThroughTheServiceAndStatusReportsTheInstallation() throws {
        let server = try Server()
        let uids = try (0..<3).map { _ in try server.activeKey() }
        let before = try uids.map { try server.hierarchy.keyMaterial(of: $0, in: "acme").copyBytes() }
        let domain: KeepRotateResponse = try server.ok(KeepRotateRequest(target: .domainKey, domainIdentifier: "acme"))
        #expect(domain.rotation == KeepAdminRotation(target: .domainKey, domainIdentifier: "acme", running: false, done: 3, total: 3, keyVersion: 2,
                                                     startedAt: domain.rotation.startedAt))
        #expect(try uids.map { try server.hierarchy.keyMaterial(of: $0, in: "acme").copyBytes() } == before)
        #expect(try server.hierarchy.object(uids[0], in: "acme").domainKeyVersion == 2)
        let root: KeepRotateResponse = try server.ok(KeepRotateRequest(target: .rootOfTrust))
        #expect(root.rotation.keyVersion == 2 && root.rotation.total == 3) // the DKs of _system, acme and globex
        expectFailure(try server.send(KeepRotateRequest(target: .rootOfTrust, domainIdentifier: "acme")), .invalidField)
        expectFailure(try server.send(KeepRotateRequest(target: .domainKey)), .invalidField)
        expectFailure(try server.send(KeepRotateRequest(target: .domainKey, domainIdentifier: "nope")), .itemNotFound)
        let status: KeepRotationStatusResponse = try server.ok(KeepRotationStatusRequest(), as: Server.auditor)
        #expect(status.rotations.isEmpty)

        // While one runs, the status reports it and a second of the same scope is refused.
        #expect(server.administration.rotations.begin("globex", at: 1_000_000))
        server.administration.rotations.progress("globex", done: 5, total: 9)
        let running: KeepRotationStatusResponse = try server.ok(KeepRotationStatusRequest())
        #expect(running.rotations == [KeepAdminRotation(target: .domainKey, domainIdentifier: "globex", running: true, done: 5, total: 9,
                                                         startedAt: DateTime(secondsSinceEpoch: 1))])
        expectFailure(try server.send(KeepRotateRequest(target: .domainKey, domainIdentifier: "globex")), .permissionDenied, "already running")
        server.administration.rotations.end("globex")

        server.administration.attach { (connections: 7, requests: 2) }
        let serverStatus: KeepServerStatusResponse = try server.ok(KeepServerStatusRequest(), as: Server.auditor)
        #expect(serverStatus.serverVersion == "0.1" && serverStatus.nodeIdentifier == "test-node" && serverStatus.connections == 7
                && serverStatus.requestsInProgress == 2 && serverStatus.rootOfTrustVersion == 2 && serverStatus.auditChainHead == "head-of-chain")
        #expect(serverStatus.domains.map(\.domain.identifier) == ["acme", "globex"])
        #expect(serverStatus.domains[0].objectCounts == [KeepAdminObjectCount(state: .active, count: 3)] && serverStatus.domains[0].domain.domainKeyVersion == 2)
    }

    // MARK: Audit

    @Test func everyAdministrationRequestIsAuditedWithWhatItActedOn() throws {
        let server = try Server()
        let _: KeepModifyDomainResponse = try server.ok(KeepModifyDomainRequest(domainIdentifier: "acme", subscriptionActive: false))
        _ = try server.send(KeepCreateDomainRequest(domainIdentifier: "acme"))
        _ = try server.send(KeepListDomainsRequest(), as: TestServer.caller("acme", .admin))
        let vcenter = try Server.certificate("vc", issuer: nil, clientAuth: false)
        let _: KeepRegisterClientResponse = try server.ok(KeepRegisterClientRequest(domainIdentifier: "acme", role: .hypervisor, name: "vc", certificate: vcenter.der))
        let events = server.audit.events
        #expect(events.count == 4)
        #expect(events[0].operation == .keepModifyDomain && events[0].caller == Server.admin && events[0].resultStatus == .success
                && events[0].objectIDs == ["domain:acme"])
        #expect(events[1].operation == .keepCreateDomain && events[1].resultReason == .objectAlreadyExists && events[1].objectIDs == ["domain:acme"])
        #expect(events[2].operation == .keepListDomains && events[2].resultReason == .permissionDenied && events[2].caller.domainID == "acme")
        #expect(events[3].operation == .keepRegisterClient && events[3].objectIDs == ["domain:acme", "client:\(vcenter.sha256Fingerprint)"])
        // In the audit chain an administrator's request is filed under the tenant it acted on (the tenant's auditor
        // sees it); a tenant's own request, or one naming a domain that does not exist, stays with its caller.
        #expect(ChainAuditSink.domain(of: events[0]) == "acme" && ChainAuditSink.domain(of: events[3]) == "acme")
        #expect(ChainAuditSink.domain(of: events[2]) == "acme" && ChainAuditSink.entry(events[0]).operation == "KeepModifyDomain")
        _ = try server.send(KeepGetDomainRequest(domainIdentifier: "nope"))
        #expect(ChainAuditSink.domain(of: try #require(server.audit.events.last)) == SystemDomain.identifier)
    }
}
