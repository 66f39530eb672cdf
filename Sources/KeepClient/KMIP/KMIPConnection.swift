#if canImport(Glibc)
import Glibc
#endif
import KMIP
import KeepTLS

/// One mutual-TLS connection to one keepd, used by one thread at a time (the client's lock): a request out, its
/// response in. Framing only; which endpoint, and what to do when this fails, is `KMIPClient`'s business.
final class KMIPConnection {
    let endpoint: KMIPEndpoint
    private let tls: TLSConnection

    /// TCP connect and TLS handshake, both before `deadline`.
    init(endpoint: KMIPEndpoint, context: TLSClientContext, deadline: ContinuousClock.Instant) throws {
        self.endpoint = endpoint
        let socket = try Socket.connect(host: endpoint.host, port: endpoint.port, deadline: deadline)
        try socket.setNoDelay()
        tls = try TLSConnection(socket: socket, context: context)
        try tls.handshake(deadline: deadline)
    }

    /// Whether the server has closed this idle connection (keepd closes idle connections after its idle timeout).
    /// KMIP servers never speak unprompted, so an idle connection that is readable — data, a close_notify, an
    /// end of stream, an error — is finished: reusing it would lose the next request in flight, and for a request
    /// that must not be repeated that is an unknown outcome. Checked before each reuse, without blocking.
    var isStale: Bool {
        var descriptor = pollfd(fd: tls.socket.fileDescriptor, events: Int16(POLLIN), revents: 0)
        let ready = poll(&descriptor, 1, 0)
        return ready != 0 // ready (> 0) or poll failed (< 0): do not trust it
    }

    /// Writes the whole request before `deadline`. Throws only if the request did not leave in full, so a server
    /// cannot have acted on it (it acts only on a complete message).
    func write(_ request: [UInt8], deadline: ContinuousClock.Instant) throws {
        try tls.write(request, deadline: deadline)
    }

    /// Reads one response message: the 8-byte TTLV header, then the length it announces (at most `maxBytes`).
    func readResponse(maxBytes: Int, deadline: ContinuousClock.Instant) throws -> [UInt8] {
        let header = try tls.readExactly(8, deadline: deadline)
        // Response Message (0x42007B), Structure (0x01): anything else is not a KMIP answer.
        guard header[0] == 0x42, header[1] == 0x00, header[2] == 0x7B, header[3] == 0x01 else {
            throw KMIPClientError(.protocolError, "keepd at \(endpoint) sent something that is not a KMIP Response Message", endpoint: endpoint)
        }
        let length = header[4..<8].reduce(0) { $0 << 8 | Int($1) }
        guard length <= maxBytes else {
            throw KMIPClientError(.protocolError, "keepd at \(endpoint) announced a \(length)-byte response; the limit is \(maxBytes)", endpoint: endpoint)
        }
        return header + (try tls.readExactly(length, deadline: deadline))
    }

    func close() {
        try? tls.shutdown()
    }
}

/// Overwrites a buffer that held a message: requests and responses carry key material.
func wipe(_ bytes: inout [UInt8]) {
    bytes.withUnsafeMutableBytes { buffer in
        guard let base = buffer.baseAddress else { return }
        memset(base, 0, buffer.count)
    }
}
