import KeyHierarchy
import Testing
@testable import KeepServer

@Suite("Client authorization")
struct ClientAuthorizerTests {
    static let fingerprint = String(repeating: "3f", count: 32)
    static let now: Int64 = 1_700_000_000
    static let lax = DomainPolicy(allowsKeyExport: true, requiresClientAuthUsage: false)
    static let strict = DomainPolicy(allowsKeyExport: false, requiresClientAuthUsage: true)

    static func peer(fingerprint: String = fingerprint, chainVerified: Bool = true, selfSigned: Bool = false, clientAuth: Bool? = true,
                     notBefore: Int64 = now - 86_400, notAfter: Int64 = now + 86_400) -> ClientCertificate {
        ClientCertificate(fingerprint: fingerprint, subject: "CN=vcenter.acme.example", chainVerified: chainVerified, selfSigned: selfSigned,
                        hasClientAuthEKU: clientAuth, notBefore: notBefore, notAfter: notAfter)
    }

    static func registration(selfSigned: Bool = false, revoked: Bool = false, role: ClientRole = .hypervisor) -> RegisteredClient {
        RegisteredClient(fingerprint: fingerprint, domainID: "acme", role: role, name: "vcenter-prod", subject: "CN=vcenter.acme.example",
                         selfSigned: selfSigned, revoked: revoked, createdAt: 1)
    }

    func refusal(_ authorization: ClientAuthorization) -> ClientRefusal.Code? {
        if case .refused(let refusal) = authorization { return refusal.code }
        return nil
    }

    @Test func acceptsARegisteredCAIssuedCertificateAsItsRegistration() throws {
        let result = ClientAuthorizer.authorize(Self.peer(), registration: Self.registration(role: .auditor), domainPolicy: Self.strict, now: Self.now)
        guard case .accepted(let identity) = result else { Issue.record("refused: \(result)"); return }
        #expect(identity == CallerIdentity(domainID: "acme", role: .auditor, clientName: "vcenter-prod", fingerprint: Self.fingerprint,
                                           subject: "CN=vcenter.acme.example"))
    }

    @Test func aTrustedCAIsNotEnoughWithoutARegistration() {
        #expect(refusal(ClientAuthorizer.authorize(Self.peer(), registration: nil, domainPolicy: Self.lax, now: Self.now)) == .notRegistered)
        // A registration for another certificate does not cover this one.
        var other = Self.registration()
        other.fingerprint = String(repeating: "00", count: 32)
        #expect(refusal(ClientAuthorizer.authorize(Self.peer(), registration: other, domainPolicy: Self.lax, now: Self.now)) == .notRegistered)
    }

    @Test func revokedIsRefused() {
        #expect(refusal(ClientAuthorizer.authorize(Self.peer(), registration: Self.registration(revoked: true), domainPolicy: Self.lax, now: Self.now)) == .revoked)
    }

    @Test func validityPeriodIsEnforcedAtItsBounds() {
        let registration = Self.registration()
        func code(_ peer: ClientCertificate) -> ClientRefusal.Code? {
            refusal(ClientAuthorizer.authorize(peer, registration: registration, domainPolicy: Self.lax, now: Self.now))
        }
        #expect(code(Self.peer(notBefore: Self.now, notAfter: Self.now)) == nil)
        #expect(code(Self.peer(notBefore: Self.now + 1)) == .notYetValid)
        #expect(code(Self.peer(notAfter: Self.now - 1)) == .expired)
    }

    @Test func selfSignedOnlyWhenRegisteredAsSelfSigned() {
        let selfSigned = Self.peer(chainVerified: false, selfSigned: true, clientAuth: nil)
        #expect(refusal(ClientAuthorizer.authorize(selfSigned, registration: Self.registration(selfSigned: true), domainPolicy: Self.lax, now: Self.now)) == nil)
        #expect(refusal(ClientAuthorizer.authorize(selfSigned, registration: Self.registration(selfSigned: false), domainPolicy: Self.lax, now: Self.now))
                == .selfSignedNotRegistered)
        // Issued by a CA the server does not trust (not self-signed): refused even if registered as self-signed.
        let untrusted = Self.peer(chainVerified: false, selfSigned: false)
        #expect(refusal(ClientAuthorizer.authorize(untrusted, registration: Self.registration(selfSigned: true), domainPolicy: Self.lax, now: Self.now))
                == .untrustedIssuer)
    }

    @Test func clientAuthUsageRequiredUnlessThePolicyWaivesIt() {
        let registration = Self.registration(selfSigned: true)
        for eku in [nil, false] as [Bool?] {
            let peer = Self.peer(chainVerified: false, selfSigned: true, clientAuth: eku)
            #expect(refusal(ClientAuthorizer.authorize(peer, registration: registration, domainPolicy: Self.strict, now: Self.now)) == .missingClientAuthUsage)
            #expect(refusal(ClientAuthorizer.authorize(peer, registration: registration, domainPolicy: Self.lax, now: Self.now)) == nil)
        }
        let withEKU = Self.peer(chainVerified: false, selfSigned: true, clientAuth: true)
        #expect(refusal(ClientAuthorizer.authorize(withEKU, registration: registration, domainPolicy: Self.strict, now: Self.now)) == nil)
    }

    @Test func fingerprintsAreNormalizedAndChecked() {
        let colons = stride(from: 0, to: 64, by: 2).map { i in
            String(Array(Self.fingerprint.uppercased())[i..<(i + 2)])
        }.joined(separator: ":")
        #expect(refusal(ClientAuthorizer.authorize(Self.peer(fingerprint: colons), registration: Self.registration(), domainPolicy: Self.lax, now: Self.now)) == nil)
        #expect(refusal(ClientAuthorizer.authorize(Self.peer(fingerprint: "3f3f"), registration: Self.registration(), domainPolicy: Self.lax, now: Self.now))
                == .invalidFingerprint)
        #expect(refusal(ClientAuthorizer.authorize(Self.peer(), registration: Self.registration(), domainPolicy: nil, now: Self.now)) == .invalidRegistration)
    }

    @Test func registryRegistersRevokesAndAuthorizesFromTheStore() throws {
        let server = try Installation()
        let registry = server.registry
        try registry.register(fingerprint: Self.fingerprint.uppercased(), domainID: "acme", role: .hypervisor, name: "vcenter-prod",
                              subject: "CN=vcenter", selfSigned: true)
        #expect(try registry.client(fingerprint: Self.fingerprint)?.role == .hypervisor)
        #expect(try registry.clients(domainID: "acme").map(\.name) == ["vcenter-prod"])
        #expect(try registry.clients(domainID: "globex").isEmpty)
        #expect { try registry.register(fingerprint: Self.fingerprint, domainID: "globex", role: .auditor, name: "x", subject: "") } throws: {
            ($0 as? ClientRegistryError)?.code == .alreadyRegistered
        }
        #expect { try registry.register(fingerprint: String(repeating: "1", count: 64), domainID: "nowhere", role: .auditor, name: "x", subject: "") } throws: {
            ($0 as? ClientRegistryError)?.code == .domainNotFound
        }
        #expect { try registry.register(fingerprint: "xyz", domainID: "acme", role: .auditor, name: "x", subject: "") } throws: {
            ($0 as? ClientRegistryError)?.code == .invalidFingerprint
        }

        // acme waives clientAuth: vCenter's self-signed certificate without EKU is accepted.
        let vcenter = Self.peer(chainVerified: false, selfSigned: true, clientAuth: nil)
        guard case .accepted(let identity) = registry.authorize(vcenter, hierarchy: server.hierarchy, now: Self.now) else {
            Issue.record("vCenter refused"); return
        }
        #expect(identity.domainID == "acme" && identity.clientName == "vcenter-prod")
        #expect(refusal(registry.authorize(Self.peer(fingerprint: String(repeating: "2", count: 64)), hierarchy: server.hierarchy, now: Self.now)) == .notRegistered)

        // globex requires clientAuth: the same kind of certificate is refused there.
        let globexFingerprint = String(repeating: "4", count: 64)
        try registry.register(fingerprint: globexFingerprint, domainID: "globex", role: .hypervisor, name: "vcenter", subject: "CN=g", selfSigned: true)
        let globexPeer = Self.peer(fingerprint: globexFingerprint, chainVerified: false, selfSigned: true, clientAuth: nil)
        #expect(refusal(registry.authorize(globexPeer, hierarchy: server.hierarchy, now: Self.now)) == .missingClientAuthUsage)

        // Revocation takes effect on the next authorization.
        let revoked = try registry.revoke(fingerprint: Self.fingerprint)
        #expect(revoked.revoked && revoked.revokedAt != nil)
        #expect(refusal(registry.authorize(vcenter, hierarchy: server.hierarchy, now: Self.now)) == .revoked)
        #expect { try registry.revoke(fingerprint: String(repeating: "5", count: 64)) } throws: { ($0 as? ClientRegistryError)?.code == .notFound }
    }
}
