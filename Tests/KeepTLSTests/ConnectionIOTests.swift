import Foundation
import KeepCrypto
import Testing
@testable import KeepTLS

@Suite("Connection I/O: deadlines, bulk data, closing")
struct ConnectionIOTests {
    @Test("a read times out when the peer sends nothing, and the connection still works afterwards")
    func readDeadline() throws {
        let pki = try TestPKI()
        let (_, clientContext) = try pki.issuedClient()
        let (port, server) = try serve(try pki.serverContext()) { connection -> [UInt8] in
            let start = ContinuousClock.now
            var buffer: [UInt8] = []
            let first = Result { try connection.read(into: &buffer, max: 16, deadline: after(.milliseconds(250))) }
            let waited = ContinuousClock.now - start
            guard tlsCode(first) == .timeout else { throw TestFailure("expected a timeout, got \(first)") }
            guard waited >= .milliseconds(250), waited < .seconds(2) else { throw TestFailure("waited \(waited)") }
            guard buffer.isEmpty else { throw TestFailure("a timed-out read left bytes in the buffer") }
            // A read timeout is not fatal: the next read gets what the client sends after it.
            return try connection.readExactly(3, deadline: after(.seconds(5)))
        }
        let client = try connect(port, clientContext)
        try pause(.milliseconds(400))
        try client.write([7, 8, 9], deadline: after(.seconds(5)))
        #expect(try server.get() == [7, 8, 9])
    }

    @Test("a handshake times out against a peer that connects and stays silent")
    func handshakeDeadline() throws {
        let pki = try TestPKI()
        let start = ContinuousClock.now
        let (port, server) = try serve(try pki.serverContext(), handshakeDeadline: .milliseconds(300)) { _ in () }
        let silent = try Socket.connect(host: "127.0.0.1", port: port, deadline: after(.seconds(5)))
        let result = server.result()
        let waited = ContinuousClock.now - start
        #expect(tlsCode(result) == .timeout)
        #expect(waited >= .milliseconds(300) && waited < .seconds(3), "\(waited)")
        _ = silent
    }

    @Test("a client's handshake times out against a server that accepts and stays silent")
    func clientHandshakeDeadline() throws {
        let pki = try TestPKI()
        let (_, clientContext) = try pki.issuedClient()
        let listener = try Socket.listen(host: "127.0.0.1", port: 0)
        let socket = try Socket.connect(host: "127.0.0.1", port: try listener.localPort, deadline: after(.seconds(5)))
        let accepted = try listener.accept(deadline: after(.seconds(5)))
        let client = try TLSConnection(socket: socket, context: clientContext)
        #expect(tlsCode(Result { try client.handshake(deadline: after(.milliseconds(200))) }) == .timeout)
        _ = accepted
    }

    @Test("1 MiB round-trips intact; close_notify reads as 0")
    func bulkRoundTrip() throws {
        let pki = try TestPKI()
        let (_, clientContext) = try pki.issuedClient()
        let size = 1 << 20
        let (port, server) = try serve(try pki.serverContext()) { connection -> Int in
            let data = try connection.readExactly(size, deadline: after(.seconds(10)))
            try connection.write(data, deadline: after(.seconds(10)))
            var buffer: [UInt8] = []
            return try connection.read(into: &buffer, max: 1, deadline: after(.seconds(10)))
        }
        let client = try connect(port, clientContext)
        let payload = try SecureRandom.publicBytes(count: size)
        try client.write(payload, deadline: after(.seconds(10)))
        let echoed = try client.readExactly(size, deadline: after(.seconds(10)))
        #expect(echoed.count == size)
        #expect(echoed == payload)
        try client.shutdown()
        #expect(try server.get() == 0, "the server's read after close_notify returns 0")
    }

    @Test("a peer that disappears without close_notify is reported as peerClosed, not as an orderly 0")
    func abruptClose() throws {
        let pki = try TestPKI()
        let (_, clientContext) = try pki.issuedClient()
        let (port, server) = try serve(try pki.serverContext()) { connection -> Int in
            var buffer: [UInt8] = []
            return try connection.read(into: &buffer, max: 1, deadline: after(.seconds(5)))
        }
        do {
            let client = try connect(port, clientContext)
            client.socket.shutdown() // TCP FIN, no TLS close_notify
        }
        #expect(tlsCode(server.result()) == .peerClosed)
    }

    @Test("readExactly reports a close in the middle as peerClosed; readExactlySecure fills SecureBytes")
    func readExactlyShort() throws {
        let pki = try TestPKI()
        let (_, clientContext) = try pki.issuedClient()
        let (port, server) = try serve(try pki.serverContext()) { connection -> SecureBytes in
            let secret = try connection.readExactlySecure(4, deadline: after(.seconds(5)))
            _ = try connection.readExactly(10, deadline: after(.seconds(5)))
            return secret
        }
        let client = try connect(port, clientContext)
        try client.write(SecureBytes([1, 2, 3, 4]), deadline: after(.seconds(5)))
        try client.write([5, 6, 7], deadline: after(.seconds(5)))
        try client.shutdown()
        let result = server.result()
        #expect(tlsCode(result) == .peerClosed)
        #expect(tlsError(result)?.reason.contains("after 3 of 10 bytes") == true)
    }

    @Test("accept and connect honour their deadlines; a refused port is a socket error")
    func socketDeadlines() throws {
        let listener = try Socket.listen(host: "127.0.0.1", port: 0)
        let start = ContinuousClock.now
        #expect(tlsCode(Result { try listener.accept(deadline: after(.milliseconds(150))) }) == .timeout)
        #expect(ContinuousClock.now - start >= .milliseconds(150))
        let port = try listener.localPort
        #expect(port != 0)
        let closedPort = try { () throws -> UInt16 in
            let temporary = try Socket.listen(host: "127.0.0.1", port: 0)
            return try temporary.localPort
        }()
        #expect(tlsCode(Result { try Socket.connect(host: "127.0.0.1", port: closedPort, deadline: after(.seconds(2))) }) == .socket)
    }

    /// Hosts without IPv6 (some containers) skip the IPv6 test instead of passing it vacuously.
    static let hasIPv6Loopback = (try? Socket.listen(host: "::1", port: 0)) != nil

    @Test("IPv6 loopback: listen on ::1 port 0, connect, exchange bytes", .enabled(if: hasIPv6Loopback))
    func ipv6() throws {
        let listener = try Socket.listen(host: "::1", port: 0)
        let client = try Socket.connect(host: "::1", port: try listener.localPort, deadline: after(.seconds(5)))
        let accepted = try listener.accept(deadline: after(.seconds(5)))
        try client.send([1, 2, 3], deadline: after(.seconds(5)))
        #expect(try accepted.receive(max: 3, deadline: after(.seconds(5))) == [1, 2, 3])
        #expect(try accepted.remoteAddress.hasPrefix("::1 port "))
        #expect(try client.localAddress.hasPrefix("::1 port "))
    }
}

/// Sleeps the calling (test) thread.
func pause(_ duration: Duration) throws {
    let (seconds, attoseconds) = duration.components
    Thread.sleep(forTimeInterval: Double(seconds) + Double(attoseconds) / 1e18)
}
