import KeepCrypto
import Testing
@testable import KeepTLS

/// The server's verification policy: the handshake completes for any client certificate, and `PeerCertificate`
/// reports precisely what verified and what did not.
@Suite("Client certificates: what the server is told")
struct ClientCertificateTests {
    /// Runs a handshake with `clientContext` and returns what the server saw; the client must also connect.
    private func serverSees(_ pki: TestPKI, _ clientContext: TLSClientContext) throws -> PeerCertificate {
        let (port, server) = try serve(try pki.serverContext()) { connection in
            // Data flows too: the server, not the handshake, decides what an unverified client may do.
            let byte = try connection.readExactly(1, deadline: after(.seconds(5)))
            try connection.write(byte, deadline: after(.seconds(5)))
            return view(connection)
        }
        let client = try connect(port, clientContext)
        try client.write([0x2a], deadline: after(.seconds(5)))
        #expect(try client.readExactly(1, deadline: after(.seconds(5))) == [0x2a])
        return try #require(try server.get().peer)
    }

    @Test("fingerprint, DER, subject, issuer and validity are reported exactly")
    func fields() throws {
        let pki = try TestPKI()
        let validity = Validity(notBefore: Validity.now() - 7200, notAfter: Validity.now() + 86_400 * 10)
        let (certificate, context) = try pki.issuedClient(validity: validity)
        let peer = try serverSees(pki, context)

        #expect(peer.der == certificate.der)
        #expect(peer.sha256Fingerprint == hex(SHA256.hash(certificate.der)), "SHA-256 of the DER, computed by KeepCrypto")
        #expect(peer.sha256Fingerprint.count == 64 && peer.sha256Fingerprint == peer.sha256Fingerprint.lowercased())
        #expect(peer.subject == "CN=vcenter-01,OU=Infrastructure,O=Example Corp")
        #expect(peer.issuer == "CN=Keep Test CA,O=Keep")
        #expect(peer.notBefore == validity.notBefore)
        #expect(peer.notAfter == validity.notAfter)
        #expect(peer.chainVerified)
        #expect(!peer.isSelfSigned)
    }

    @Test("a certificate from another CA completes the handshake and is reported not verified")
    func otherCA() throws {
        let pki = try TestPKI()
        let otherCA = try CertificateAuthority.create(subject: DistinguishedName(commonName: "Some Other CA"), validity: .days(30))
        let key = try PrivateKey.generate()
        let certificate = try otherCA.issueClientCertificate(for: key, subject: DistinguishedName(commonName: "intruder"))
        let peer = try serverSees(pki, try TLSClientContext(configuration: pki.clientConfiguration(certificate, key)))

        #expect(peer.certificate == certificate)
        #expect(!peer.chainVerified)
        #expect(peer.verificationFailure?.kind == .untrustedIssuer, "\(String(describing: peer.verificationFailure))")
        #expect(peer.verificationFailure?.depth == 0)
        #expect(peer.verificationError != nil)
        #expect(!peer.isSelfSigned)
        #expect(peer.issuer == "CN=Some Other CA")
    }

    @Test("a self-signed client certificate (vCenter-style, no EKU) is reported self-signed and not verified")
    func selfSigned() throws {
        let pki = try TestPKI()
        let key = try PrivateKey.generate()
        let certificate = try CertificateAuthority.selfSignedClientCertificate(for: key, subject: DistinguishedName(commonName: "vcenter.example"))
        #expect(certificate.isSelfSigned)
        let peer = try serverSees(pki, try TLSClientContext(configuration: pki.clientConfiguration(certificate, key)))

        #expect(peer.isSelfSigned)
        #expect(!peer.chainVerified)
        #expect(peer.verificationFailure?.kind == .selfSigned, "\(String(describing: peer.verificationFailure))")
        #expect(peer.verificationError == "self-signed certificate")
        #expect(peer.extendedKeyUsage == .absent)
        #expect(peer.subject == "CN=vcenter.example" && peer.issuer == peer.subject)
        #expect(peer.sha256Fingerprint == hex(SHA256.hash(certificate.der)))
    }

    @Test("an expired client certificate from the trusted CA is reported with the expiry reason")
    func expired() throws {
        let pki = try TestPKI()
        let now = Validity.now()
        let validity = Validity(notBefore: now - 86_400 * 10, notAfter: now - 86_400)
        let (certificate, context) = try pki.issuedClient(validity: validity)
        let peer = try serverSees(pki, context)

        #expect(peer.certificate == certificate)
        #expect(!peer.chainVerified)
        #expect(peer.verificationFailure?.kind == .expired)
        #expect(peer.verificationError == "certificate has expired")
        #expect(peer.notAfter == validity.notAfter)
    }

    @Test("a client certificate that is not yet valid is reported as such")
    func notYetValid() throws {
        let pki = try TestPKI()
        let now = Validity.now()
        let (_, context) = try pki.issuedClient(validity: Validity(notBefore: now + 86_400, notAfter: now + 86_400 * 10))
        let peer = try serverSees(pki, context)
        #expect(!peer.chainVerified)
        #expect(peer.verificationFailure?.kind == .notYetValid)
    }

    @Test("EKU: clientAuth present, no EKU extension, and an EKU without clientAuth are told apart")
    func extendedKeyUsage() throws {
        let pki = try TestPKI()

        let withClientAuth = try serverSees(pki, try pki.issuedClient(clientAuthEKU: true).1)
        #expect(withClientAuth.extendedKeyUsage == .includesClientAuth)
        #expect(withClientAuth.chainVerified)

        let withoutEKU = try serverSees(pki, try pki.issuedClient(clientAuthEKU: false).1)
        #expect(withoutEKU.extendedKeyUsage == .absent)
        #expect(withoutEKU.extendedKeyUsage.permitsClientAuth)
        #expect(withoutEKU.chainVerified, "no EKU means any purpose (RFC 5280)")

        // A server certificate (EKU serverAuth only) presented as a client certificate.
        let key = try PrivateKey.generate()
        let serverOnly = try pki.ca.issueServerCertificate(for: key, subject: DistinguishedName(commonName: "a-server"), dnsNames: ["a.example"])
        let wrongPurpose = try serverSees(pki, try TLSClientContext(configuration: pki.clientConfiguration(serverOnly, key)))
        #expect(wrongPurpose.extendedKeyUsage == .excludesClientAuth)
        #expect(!wrongPurpose.extendedKeyUsage.permitsClientAuth)
        #expect(!wrongPurpose.chainVerified)
        #expect(wrongPurpose.verificationFailure?.kind == .invalidPurpose)
    }
}
