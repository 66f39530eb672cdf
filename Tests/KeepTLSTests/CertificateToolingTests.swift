import KeepCrypto
import Testing
@testable import KeepTLS

@Suite("Certificate tooling: CA, issuance, PEM")
struct CertificateToolingTests {
    @Test("a CA certificate is self-signed with the requested subject and validity")
    func caCertificate() throws {
        let validity = Validity(notBefore: 1_700_000_000, notAfter: 2_600_000_000) // past 2050: GeneralizedTime
        let ca = try CertificateAuthority.create(subject: DistinguishedName(commonName: "Root", organization: "Keep", organizationalUnit: "Ops"),
                                                 validity: validity)
        #expect(ca.certificate.isSelfSigned)
        #expect(ca.certificate.subject == "CN=Root,OU=Ops,O=Keep")
        #expect(ca.certificate.issuer == ca.certificate.subject)
        #expect(ca.certificate.notBefore == validity.notBefore && ca.certificate.notAfter == validity.notAfter)
        #expect(try ca.privateKey.matches(ca.certificate))
        #expect(ca.certificate.sha256Fingerprint == hex(SHA256.hash(ca.certificate.der)))
    }

    @Test("serial numbers are 128 random bits, different for every certificate")
    func serials() throws {
        let ca = try CertificateAuthority.create(subject: DistinguishedName(commonName: "Root"))
        let key = try PrivateKey.generate()
        let serials = try (0..<8).map { _ in
            try ca.issueClientCertificate(for: key, subject: DistinguishedName(commonName: "c")).serialNumber
        }
        #expect(Set(serials).count == serials.count)
        // 16 random bytes; DER keeps them as 16 octets, or 15 when the top byte happened to be zero.
        #expect(serials.allSatisfy { $0.count == 32 || $0.count == 30 }, "\(serials)")
    }

    @Test("certificates round-trip through PEM text and files, chains in order")
    func pemRoundTrip() throws {
        let pki = try TestPKI()
        let chain = [pki.serverCertificate, pki.ca.certificate]
        let path = pki.path("chain.pem")
        try Certificate.writePEM(chain, to: path)
        #expect(try Certificate.readPEMFile(path) == chain)
        #expect(try Certificate.parsePEM(try pki.serverCertificate.pem) == [pki.serverCertificate])
        #expect(try Certificate(der: pki.serverCertificate.der) == pki.serverCertificate)
        let reloaded = try CertificateAuthority(certificate: try Certificate.readPEMFile(pki.caFile)[0],
                                                privateKey: try PrivateKey(pem: try pki.ca.privateKey.pem()))
        #expect(reloaded.certificate == pki.ca.certificate)
    }

    @Test("bad inputs are refused: malformed PEM and DER, injected SAN syntax, bad IPs, reversed validity, a foreign CA key")
    func badInputs() throws {
        let pki = try TestPKI()
        let key = try PrivateKey.generate()
        #expect(tlsCode(Result { try Certificate.parsePEM("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n") }) == .certificateFile)
        #expect(tlsCode(Result { try Certificate.parsePEM("") }) == .certificateFile)
        #expect(tlsCode(Result { try Certificate(der: [0x30, 0x03, 0x02, 0x01, 0x01]) }) == .invalidInput)
        #expect(tlsCode(Result { try Certificate(der: pki.serverCertificate.der + [0]) }) == .invalidInput)
        let subject = DistinguishedName(commonName: "s")
        for name in ["evil,DNS:attacker.example", "a b", "", "-x.example", "x..example"] {
            #expect(tlsCode(Result { try pki.ca.issueServerCertificate(for: key, subject: subject, dnsNames: [name]) }) == .invalidInput, "\(name)")
        }
        #expect(tlsCode(Result { try pki.ca.issueServerCertificate(for: key, subject: subject, ipAddresses: ["300.1.1.1"]) }) == .invalidInput)
        #expect(tlsCode(Result { try pki.ca.issueServerCertificate(for: key, subject: subject) }) == .invalidInput)
        #expect(tlsCode(Result { try pki.ca.issueClientCertificate(for: key, subject: subject, validity: Validity(notBefore: 10, notAfter: 5)) }) == .invalidInput)
        #expect(tlsCode(Result { try pki.ca.issueClientCertificate(for: key, subject: DistinguishedName(commonName: String(repeating: "x", count: 65))) }) == .invalidInput)
        #expect(tlsCode(Result { try CertificateAuthority(certificate: pki.ca.certificate, privateKey: key) }) == .privateKey)
        #expect(try pki.ca.issueServerCertificate(for: key, subject: subject, dnsNames: ["*.keep.example"]).extendedKeyUsage == .excludesClientAuth)
    }
}
