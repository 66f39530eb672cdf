import Foundation
import KeepCrypto
import Testing
@testable import KeepTLS

@Suite("Server contexts: encrypted keys, configuration errors, reload")
struct ContextTests {
    static let rightPassphrase = "correct horse battery staple 7f3a"
    static let wrongPassphrase = "tr0ub4dor-and-3-c1d9"

    @Test("an encrypted server key loads with its passphrase; a wrong or missing one is a typed error without the passphrase")
    func encryptedServerKey() throws {
        let pki = try TestPKI()
        let keyFile = pki.path("server-encrypted.key")
        try pki.serverKey.writePEM(to: keyFile, passphrase: SecureBytes(Array(Self.rightPassphrase.utf8)))
        let pem = try String(contentsOfFile: keyFile, encoding: .utf8)
        #expect(pem.hasPrefix("-----BEGIN ENCRYPTED PRIVATE KEY-----"))

        var configuration = pki.serverConfiguration
        configuration.privateKeyFile = keyFile
        configuration.privateKeyPassphrase = SecureBytes(Array(Self.rightPassphrase.utf8))
        let context = try TLSServerContext(configuration: configuration)
        let (_, clientContext) = try pki.issuedClient()
        let (port, server) = try serve(context) { view($0) }
        _ = try connect(port, clientContext)
        #expect(try server.get().peer?.chainVerified == true)

        configuration.privateKeyPassphrase = SecureBytes(Array(Self.wrongPassphrase.utf8))
        let wrong = Result { try TLSServerContext(configuration: configuration) }
        #expect(tlsCode(wrong) == .wrongPassphrase)

        configuration.privateKeyPassphrase = nil
        let missing = Result { try TLSServerContext(configuration: configuration) }
        #expect(tlsCode(missing) == .wrongPassphrase)
        #expect(tlsError(missing)?.reason.contains("no passphrase was given") == true)

        for result in [wrong, missing] {
            let error = try #require(tlsError(result))
            for text in [error.description, error.reason, String(reflecting: error), "\(error)"] {
                #expect(!text.contains(Self.rightPassphrase) && !text.contains(Self.wrongPassphrase), "\(text)")
            }
        }
        #expect(!String(describing: configuration.privateKeyPassphrase).contains(Self.rightPassphrase))
    }

    @Test("PrivateKey PEM round trips, plain and encrypted; garbage is a privateKey error")
    func privateKeyPEM() throws {
        let key = try PrivateKey.generate()
        let certificate = try CertificateAuthority.selfSignedClientCertificate(for: key, subject: DistinguishedName(commonName: "k"))
        let passphrase = SecureBytes(Array(Self.rightPassphrase.utf8))

        let plain = try PrivateKey(pem: try key.pem())
        #expect(try plain.matches(certificate))
        let encryptedPEM = try key.pem(passphrase: passphrase)
        #expect(try PrivateKey(pem: encryptedPEM, passphrase: passphrase).matches(certificate))
        #expect(tlsCode(Result { try PrivateKey(pem: encryptedPEM, passphrase: SecureBytes(Array(Self.wrongPassphrase.utf8))) }) == .wrongPassphrase)
        #expect(tlsCode(Result { try PrivateKey(pem: SecureBytes(Array("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n".utf8))) }) == .privateKey)
        #expect(try !PrivateKey.generate().matches(certificate))
        #expect(key.description == "PrivateKey(EC, redacted)")
        #expect(tlsCode(Result { try key.pem(passphrase: SecureBytes([UInt8]())) }) == .invalidInput)
    }

    @Test("the private key file is written with mode 0600")
    func keyFileMode() throws {
        let pki = try TestPKI()
        let attributes = try FileManager.default.attributesOfItem(atPath: pki.serverKeyFile)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    }

    @Test("configuration errors are typed: missing files, a key that is not the certificate's, no CA")
    func configurationErrors() throws {
        let pki = try TestPKI()
        var configuration = pki.serverConfiguration
        configuration.certificateChainFile = pki.path("missing.pem")
        #expect(tlsCode(Result { try TLSServerContext(configuration: configuration) }) == .certificateFile)

        configuration = pki.serverConfiguration
        configuration.privateKeyFile = pki.path("missing.key")
        #expect(tlsCode(Result { try TLSServerContext(configuration: configuration) }) == .privateKey)

        configuration = pki.serverConfiguration
        let otherKeyFile = pki.path("other.key")
        try PrivateKey.generate().writePEM(to: otherKeyFile)
        configuration.privateKeyFile = otherKeyFile
        #expect(tlsCode(Result { try TLSServerContext(configuration: configuration) }) == .privateKey)

        configuration = pki.serverConfiguration
        configuration.clientCAFiles = []
        #expect(tlsCode(Result { try TLSServerContext(configuration: configuration) }) == .configuration)

        configuration = pki.serverConfiguration
        configuration.clientCAFiles = [pki.serverKeyFile] // a file with no certificate in it
        #expect(tlsCode(Result { try TLSServerContext(configuration: configuration) }) == .certificateFile)

        configuration = pki.serverConfiguration
        configuration.minimumVersion = .tls13
        configuration.maximumVersion = .tls12
        #expect(tlsCode(Result { try TLSServerContext(configuration: configuration) }) == .configuration)
    }

    @Test("reload: new connections get the new certificate, an open one keeps working, a failed reload keeps the old context")
    func reload() throws {
        let pki = try TestPKI()
        let (_, clientContext) = try pki.issuedClient()
        let holder = ReloadableTLSServerContext(try pki.serverContext())
        let firstCertificate = holder.current.certificate
        #expect(firstCertificate == pki.serverCertificate)

        let (port1, server1) = try serve(holder.current) { connection -> [UInt8] in
            let request = try connection.readExactly(2, deadline: after(.seconds(5)))
            try connection.write(request, deadline: after(.seconds(5)))
            return request
        }
        let before = try connect(port1, clientContext)
        #expect(before.peerCertificate?.certificate == firstCertificate)

        // A renewed server certificate, new key included, written to new files.
        let newKey = try PrivateKey.generate()
        let renewed = try pki.ca.issueServerCertificate(for: newKey, subject: DistinguishedName(commonName: "keepd-renewed"),
                                                        dnsNames: ["localhost"], ipAddresses: ["127.0.0.1"])
        var configuration = pki.serverConfiguration
        configuration.certificateChainFile = pki.path("renewed.pem")
        configuration.privateKeyFile = pki.path("renewed.key")
        try Certificate.writePEM([renewed], to: configuration.certificateChainFile)
        try newKey.writePEM(to: configuration.privateKeyFile)
        try holder.reload(configuration)
        #expect(holder.current.certificate == renewed)

        let (port2, server2) = try serve(holder.current) { view($0) }
        let after2 = try connect(port2, clientContext)
        #expect(after2.peerCertificate?.certificate == renewed)
        #expect(after2.peerCertificate?.subject == "CN=keepd-renewed")
        _ = try server2.get()

        // The connection opened before the reload still works.
        try before.write([5, 6], deadline: after(.seconds(5)))
        #expect(try before.readExactly(2, deadline: after(.seconds(5))) == [5, 6])
        #expect(try server1.get() == [5, 6])

        configuration.certificateChainFile = pki.path("does-not-exist.pem")
        #expect(tlsCode(Result { try holder.reload(configuration) }) == .certificateFile)
        #expect(holder.current.certificate == renewed, "a failed reload keeps the context in use")
    }
}
