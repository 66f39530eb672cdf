import KeepCrypto
import Testing
@testable import KeepTLS

@Suite("Handshake: versions, suites, client certificate required")
struct HandshakeTests {
    @Test("mutual TLS 1.3: both ends see each other's certificate, a 1.3 suite, and data flows")
    func mutualTLS13() throws {
        let pki = try TestPKI()
        let (clientCertificate, clientContext) = try pki.issuedClient()
        let (port, server) = try serve(try pki.serverContext()) { connection in
            let request = try connection.readExactly(4, deadline: after(.seconds(5)))
            try connection.write(Array(request.reversed()), deadline: after(.seconds(5)))
            return view(connection)
        }
        let client = try connect(port, clientContext)
        try client.write([1, 2, 3, 4], deadline: after(.seconds(5)))
        #expect(try client.readExactly(4, deadline: after(.seconds(5))) == [4, 3, 2, 1])
        let seen = try server.get()

        #expect(seen.version == .tls13)
        #expect(client.protocolVersion == .tls13)
        #expect(["TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256", "TLS_AES_128_GCM_SHA256"].contains(seen.cipherSuite ?? ""))
        #expect(client.cipherSuite == seen.cipherSuite)
        let peer = try #require(seen.peer)
        #expect(peer.certificate == clientCertificate)
        #expect(peer.chainVerified)
        #expect(peer.verificationFailure == nil && peer.verificationError == nil)
        #expect(!peer.isSelfSigned)
        #expect(client.peerCertificate?.certificate == pki.serverCertificate)
        #expect(client.peerCertificate?.chainVerified == true)
    }

    @Test("TLS 1.2 forced by the client: an ECDHE suite with AES-GCM or ChaCha20-Poly1305")
    func mutualTLS12() throws {
        let pki = try TestPKI()
        let (clientCertificate, clientContext) = try pki.issuedClient(maximumVersion: .tls12)
        let (port, server) = try serve(try pki.serverContext()) { view($0) }
        let client = try connect(port, clientContext)
        let seen = try server.get()

        #expect(seen.version == .tls12)
        #expect(client.protocolVersion == .tls12)
        #expect(["TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
                 "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"].contains(seen.cipherSuite ?? ""), "got \(seen.cipherSuite ?? "none")")
        #expect(seen.peer?.certificate == clientCertificate)
        #expect(seen.peer?.chainVerified == true)
    }

    @Test("Ed25519 CA, server and client keys complete a TLS 1.3 handshake")
    func ed25519() throws {
        let pki = try TestPKI(keyAlgorithm: .ed25519)
        let key = try PrivateKey.generate(.ed25519)
        let certificate = try pki.ca.issueClientCertificate(for: key, subject: DistinguishedName(commonName: "ed-client"))
        let clientContext = try TLSClientContext(configuration: pki.clientConfiguration(certificate, key))
        let (port, server) = try serve(try pki.serverContext()) { view($0) }
        let client = try connect(port, clientContext)
        #expect(try server.get().peer?.chainVerified == true)
        #expect(client.protocolVersion == .tls13)
        #expect(key.typeName == "ED25519")
    }

    @Test("a TLS 1.1 ClientHello is refused with a protocol_version alert")
    func tls11Refused() throws {
        let pki = try TestPKI()
        let (port, server) = try serve(try pki.serverContext()) { _ in () }
        let raw = try Socket.connect(host: "127.0.0.1", port: port, deadline: after(.seconds(5)))
        // ECDHE-ECDSA-AES128-SHA and AES128-SHA: suites a TLS 1.1 client would offer.
        try raw.send(RawTLS.clientHello(version: 0x0302, suites: [0xc009, 0x002f, RawTLS.renegotiationInfoSCSV],
                                        extensions: RawTLS.ecdheECDSAExtensions), deadline: after(.seconds(5)))
        let record = try RawTLS.readRecord(raw)
        #expect(record.type == 0x15, "an alert record")
        #expect(record.body == [2, 70], "fatal protocol_version")
        #expect(tlsCode(server.result()) == .protocolVersion)
    }

    @Test("TLS 1.2 CBC suites are refused while the same hello with an AES-GCM suite gets a ServerHello")
    func tls12CBCRefused() throws {
        let pki = try TestPKI()
        // ECDHE-ECDSA with AES-CBC-SHA, AES-CBC-SHA256, AES-CBC-SHA384: forward secret but not AEAD.
        let cbc: [UInt16] = [0xc009, 0xc00a, 0xc023, 0xc024]
        do {
            let (port, server) = try serve(try pki.serverContext()) { _ in () }
            let raw = try Socket.connect(host: "127.0.0.1", port: port, deadline: after(.seconds(5)))
            try raw.send(RawTLS.clientHello(version: 0x0303, suites: cbc + [RawTLS.renegotiationInfoSCSV],
                                            extensions: RawTLS.ecdheECDSAExtensions), deadline: after(.seconds(5)))
            let record = try RawTLS.readRecord(raw)
            #expect(record.type == 0x15 && record.body == [2, 40], "fatal handshake_failure, got \(record)")
            #expect(tlsCode(server.result()) == .handshakeFailed)
        }
        do { // control: the same hello plus ECDHE-ECDSA-AES128-GCM-SHA256 is answered, with that suite
            let (port, server) = try serve(try pki.serverContext()) { _ in () }
            let raw = try Socket.connect(host: "127.0.0.1", port: port, deadline: after(.seconds(5)))
            try raw.send(RawTLS.clientHello(version: 0x0303, suites: cbc + [0xc02b, RawTLS.renegotiationInfoSCSV],
                                            extensions: RawTLS.ecdheECDSAExtensions), deadline: after(.seconds(5)))
            let record = try RawTLS.readRecord(raw)
            #expect(record.type == 0x16 && record.body.first == 0x02, "a ServerHello")
            // ServerHello: type(1) length(3) version(2) random(32) session id length(1) + id, then the suite.
            let sessionIDLength = Int(record.body[38])
            #expect(Array(record.body[(39 + sessionIDLength)...].prefix(2)) == [0xc0, 0x2b])
            raw.shutdown()
            #expect(tlsCode(server.result()) == .peerClosed)
        }
    }

    @Test("a client without a certificate is refused", arguments: [TLSProtocolVersion.tls12, .tls13])
    func clientWithoutCertificate(version: TLSProtocolVersion) throws {
        let pki = try TestPKI()
        let clientContext = try TLSClientContext(configuration: pki.clientConfiguration(nil, nil, maximumVersion: version))
        #expect(clientContext.certificate == nil)
        let (port, server) = try serve(try pki.serverContext()) { _ in () }
        let socket = try Socket.connect(host: "127.0.0.1", port: port, deadline: after(.seconds(5)))
        let client = try TLSConnection(socket: socket, context: clientContext)
        // In TLS 1.3 the client finishes its handshake before the server has seen its (empty) certificate, so the
        // refusal reaches it on its first read; in TLS 1.2 it fails the handshake itself.
        let clientResult = Result {
            try client.handshake(deadline: after(.seconds(5)))
            var buffer: [UInt8] = []
            _ = try client.read(into: &buffer, max: 1, deadline: after(.seconds(5)))
        }
        #expect(tlsCode(server.result()) == .peerCertificateRequired)
        #expect(tlsCode(clientResult) == (version == .tls13 ? .peerCertificateRequired : .handshakeFailed),
                "\(String(describing: tlsError(clientResult)))")
    }

    @Test("the client checks the server's name: DNS and IP SANs match, another name is rejected")
    func serverNameCheck() throws {
        let pki = try TestPKI()
        let key = try PrivateKey.generate()
        let certificate = try pki.ca.issueClientCertificate(for: key, subject: DistinguishedName(commonName: "admin"))
        for (name, accepted) in [("localhost", true), ("127.0.0.1", true), ("keep.example", true), ("other.example", false), ("127.0.0.2", false)] {
            let context = try TLSClientContext(configuration: pki.clientConfiguration(certificate, key, serverName: name))
            let (port, server) = try serve(try pki.serverContext()) { _ in () }
            let clientResult = Result { try connect(port, context) }
            if accepted {
                #expect(throws: Never.self, "\(name)") { try clientResult.get() }
                #expect(throws: Never.self, "\(name)") { try server.get() }
            } else {
                #expect(tlsCode(clientResult) == .peerCertificateRejected, "\(name)")
                #expect(tlsError(clientResult)?.reason.contains("mismatch") == true, "\(String(describing: tlsError(clientResult)))")
                #expect(tlsCode(server.result()) == .handshakeFailed, "\(name): the server sees the client's alert")
            }
        }
    }

    @Test("a client that trusts another CA rejects the server's certificate")
    func untrustedServer() throws {
        let pki = try TestPKI()
        let other = try TestPKI(caName: "Another Keep CA")
        let context = try TLSClientContext(configuration: other.clientConfiguration(nil, nil))
        let (port, server) = try serve(try pki.serverContext()) { _ in () }
        let clientResult = Result { try connect(port, context) }
        #expect(tlsCode(clientResult) == .peerCertificateRejected)
        #expect(tlsError(clientResult)?.reason.contains("unable to get local issuer certificate") == true, "\(String(describing: tlsError(clientResult)))")
        #expect(tlsCode(server.result()) == .handshakeFailed)
    }
}
