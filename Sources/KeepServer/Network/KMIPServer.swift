import Foundation
import KeepTLS
import KeepSync

/// The network side of keepd: accepts TCP connections, runs the mutual-TLS handshake, admits the client by its
/// certificate, then reads KMIP messages and writes the responses, one request at a time per connection.
///
/// One thread per connection, blocking I/O with deadlines (`TLSConnection` polls the socket until each deadline).
/// A slow or silent client therefore stalls only its own thread, and every wait is bounded: the handshake by
/// `handshakeTimeout`, the gap between requests by `idleTimeout`, a request from its first byte to its last by
/// `readTimeout`, a response by `writeTimeout`. Memory per connection is bounded by `maxMessageBytes`, and the
/// number of connections by `maxConnections`: past it a new connection is closed at once.
///
/// `stop(drainTimeout:)` (SIGTERM) stops accepting, lets every request already being processed finish and its
/// response go out, closes idle connections at their next wake-up, and returns when all are gone or the drain
/// timeout passes.
public final class KMIPServer: Sendable {
    /// Who the client is, decided from its certificate after the handshake; nil refuses the connection (the
    /// admission function logs and audits why).
    public typealias Admission = @Sendable (PeerCertificate, _ remoteAddress: String) -> CallerIdentity?
    /// Turns one request's bytes into the response's bytes. Never throws: every failure is a KMIP response.
    public typealias RequestHandler = @Sendable (_ request: [UInt8], CallerIdentity) -> [UInt8]
    /// Told about each connection turned away before admission (over the connection limit, failed handshake),
    /// for the audit log. Refusals by certificate are the admission function's to record.
    public typealias RefusalHandler = @Sendable (ConnectionRefusal) -> Void

    /// A connection turned away by the network layer.
    public struct ConnectionRefusal: Sendable {
        public enum Code: String, Sendable {
            case tooManyConnections
            /// The TLS handshake failed: no certificate, one from an untrusted CA, a protocol or suite refused.
            case handshakeFailed
        }
        public var code: Code
        public var remoteAddress: String
        public var reason: String
    }

    public struct Limits: Sendable {
        public var maxConnections: Int
        public var handshakeTimeout: Duration
        public var readTimeout: Duration
        public var idleTimeout: Duration
        public var writeTimeout: Duration
        public var maxMessageBytes: Int

        public init(_ limits: ServerConfiguration.Limits) {
            maxConnections = limits.maxConnections
            handshakeTimeout = .seconds(limits.handshakeTimeout)
            readTimeout = .seconds(limits.readTimeout)
            idleTimeout = .seconds(limits.idleTimeout)
            writeTimeout = .seconds(limits.writeTimeout)
            maxMessageBytes = limits.maxMessageBytes
        }
    }

    /// How often a waiting thread wakes to see whether the server is stopping.
    static let wakeUpInterval = Duration.milliseconds(250)
    /// Stack of a connection thread: the request path is shallow (the TTLV decoder's depth is capped), and a
    /// small stack is what lets thousands of connections stay open at once.
    static let connectionStackBytes = 512 * 1024
    /// Bytes asked of TLS per read while a message is incomplete.
    static let readChunkBytes = 64 * 1024

    private let listener: Socket
    public let port: UInt16
    private let tls: ReloadableTLSServerContext
    private let limits: Limits
    private let admit: Admission
    private let handle: RequestHandler
    private let log: ServerLog
    private let refused: RefusalHandler
    private let state = Locked(State())

    private struct State {
        var stopping = false
        var accepting = false
        var open = 0
        var busy = 0
        var nextConnectionID = 1
    }

    /// Binds the listening socket (port 0 picks a free port: see `port`).
    public init(host: String, port: UInt16, tls: ReloadableTLSServerContext, limits: Limits, log: ServerLog,
                admit: @escaping Admission, handle: @escaping RequestHandler, refused: @escaping RefusalHandler = { _ in }) throws {
        listener = try Socket.listen(host: host, port: port, backlog: 1024)
        self.port = try listener.localPort
        self.tls = tls
        self.limits = limits
        self.log = log
        self.admit = admit
        self.handle = handle
        self.refused = refused
    }

    /// Connections open now, and requests being processed.
    public var load: (connections: Int, requests: Int) { state.withLock { ($0.open, $0.busy) } }

    /// Accepts connections on a thread of its own until `stop`.
    public func start() {
        state.withLock { $0.accepting = true }
        let thread = Thread { [self] in acceptLoop() }
        thread.name = "keepd-accept"
        thread.start()
    }

    /// Stops accepting, drains in-flight requests and closes connections; returns once none is left or after
    /// `drainTimeout`, with the number of connections still open (0 after a clean drain).
    @discardableResult
    public func stop(drainTimeout: Duration) -> Int {
        state.withLock { $0.stopping = true }
        let deadline = ContinuousClock.now + drainTimeout
        while ContinuousClock.now < deadline {
            let (open, accepting) = state.withLock { ($0.open, $0.accepting) }
            if open == 0 && !accepting { return 0 }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return state.withLock { $0.open }
    }

    private var stopping: Bool { state.withLock { $0.stopping } }

    // MARK: Accepting

    private func acceptLoop() {
        defer {
            listener.shutdown()
            state.withLock { $0.accepting = false }
        }
        while !stopping {
            let socket: Socket
            do {
                socket = try listener.accept(deadline: .now + Self.wakeUpInterval)
            } catch let error as TLSError where error.code == .timeout {
                continue
            } catch {
                // EMFILE and the like: log, breathe, go on; the listener itself stays up.
                log.error("accept failed", ["error": .string(String(describing: error))])
                Thread.sleep(forTimeInterval: 0.1)
                continue
            }
            let id: Int? = state.withLock { state in
                guard state.open < limits.maxConnections else { return nil }
                state.open += 1
                state.nextConnectionID += 1
                return state.nextConnectionID - 1
            }
            guard let id else {
                let remote = (try? socket.remoteAddress) ?? "?"
                log.warning("connection refused", ["remote": .string(remote), "reason": "too many connections",
                                                   "limit": .int(limits.maxConnections)])
                socket.shutdown()
                refused(ConnectionRefusal(code: .tooManyConnections, remoteAddress: remote,
                                          reason: "more than \(limits.maxConnections) connections open"))
                continue
            }
            let thread = Thread { [self] in
                defer { state.withLock { $0.open -= 1 } }
                serve(socket, id: id)
            }
            thread.stackSize = Self.connectionStackBytes
            thread.name = "keepd-conn-\(id)"
            thread.start()
        }
    }

    // MARK: One connection

    private func serve(_ socket: Socket, id: Int) {
        let remote = (try? socket.remoteAddress) ?? "?"
        try? socket.setNoDelay()
        let connection: TLSConnection
        do {
            connection = try TLSConnection(socket: socket, context: tls.current)
            try connection.handshake(deadline: .now + limits.handshakeTimeout)
        } catch {
            log.warning("handshake failed", ["connection": .int(id), "remote": .string(remote), "error": .string(Self.describe(error))])
            refused(ConnectionRefusal(code: .handshakeFailed, remoteAddress: remote, reason: Self.describe(error)))
            return
        }
        guard let peer = connection.peerCertificate, let caller = admit(peer, remote) else {
            try? connection.shutdown()
            return
        }
        log.info("connection open", ["connection": .int(id), "remote": .string(remote), "client": .string(caller.clientName),
                                     "domain": .string(caller.domainID), "role": .string(caller.role.rawValue),
                                     "tls": .string(connection.protocolVersion?.description ?? "?"),
                                     "cipher": .string(connection.cipherSuite ?? "?")])
        var reader = MessageReader(maxMessageBytes: limits.maxMessageBytes)
        var requests = 0
        let reason: String
        loop: while true {
            var request: [UInt8]
            switch readRequest(connection, &reader) {
            case .message(let bytes): request = bytes
            case .closed(let why):
                reason = why
                break loop
            }
            let admitted = state.withLock { state -> Bool in
                guard !state.stopping else { return false }
                state.busy += 1
                return true
            }
            guard admitted else {
                reason = "server stopping"
                break loop
            }
            var response = handle(request, caller)
            MessageReader.wipe(&request)
            requests += 1
            defer { state.withLock { $0.busy -= 1 } }
            do {
                try connection.write(response, deadline: .now + limits.writeTimeout)
            } catch {
                reason = "write failed: \(Self.describe(error))"
                break loop
            }
            MessageReader.wipe(&response)
        }
        try? connection.shutdown()
        log.info("connection closed", ["connection": .int(id), "remote": .string(remote), "requests": .int(requests),
                                       "reason": .string(reason)])
    }

    private enum ReadOutcome {
        case message([UInt8])
        case closed(String)
    }

    /// Waits for the next request: in slices while idle, so a stop is noticed; then with the read deadline
    /// from the request's first byte.
    private func readRequest(_ connection: TLSConnection, _ reader: inout MessageReader) -> ReadOutcome {
        let idleDeadline = ContinuousClock.now + limits.idleTimeout
        var readDeadline: ContinuousClock.Instant?
        while true {
            switch reader.next() {
            case .message(let bytes): return .message(bytes)
            case .tooLarge(let size):
                return .closed("request of \(size) bytes exceeds the limit of \(limits.maxMessageBytes)")
            case .notAMessage:
                return .closed("not a KMIP message (a request must start with a Structure)")
            case .needMore(let count):
                if !reader.isEmpty, readDeadline == nil { readDeadline = .now + limits.readTimeout }
                let deadline: ContinuousClock.Instant
                if let readDeadline {
                    deadline = readDeadline
                } else {
                    if stopping { return .closed("server stopping") }
                    if ContinuousClock.now >= idleDeadline { return .closed("idle timeout") }
                    deadline = min(idleDeadline, .now + Self.wakeUpInterval)
                }
                do {
                    let received = try reader.receive(from: connection, max: min(count, Self.readChunkBytes), deadline: deadline)
                    if received == 0 { return .closed(reader.isEmpty ? "client closed" : "client closed mid-request") }
                } catch let error as TLSError where error.code == .timeout {
                    if readDeadline != nil { return .closed("read timeout") }
                } catch {
                    return .closed(reader.isEmpty ? "client disconnected" : "client disconnected mid-request: \(Self.describe(error))")
                }
            }
        }
    }

    static func describe(_ error: any Error) -> String {
        if let error = error as? TLSError { return "\(error.code): \(error.reason)" }
        return String(describing: error)
    }
}

/// Splits the byte stream of one connection into KMIP messages by their TTLV header (tag, type, length): the
/// length is checked against the limit before a byte of the body is read, so a huge announced length costs
/// nothing. The message itself is decoded, strictly, by the request handler.
struct MessageReader {
    enum Next {
        case message([UInt8])
        /// Bytes still needed for the message under way (or its header).
        case needMore(Int)
        case tooLarge(Int)
        case notAMessage
    }

    static let headerBytes = 8
    static let structureType: UInt8 = 0x01

    let maxMessageBytes: Int
    private var buffer: [UInt8] = []

    init(maxMessageBytes: Int) { self.maxMessageBytes = maxMessageBytes }

    var isEmpty: Bool { buffer.isEmpty }

    mutating func next() -> Next {
        guard buffer.count >= Self.headerBytes else { return .needMore(Self.headerBytes - buffer.count) }
        guard buffer[3] == Self.structureType else { return .notAMessage }
        let length = buffer[4..<8].reduce(0) { $0 << 8 | Int($1) }
        let total = Self.headerBytes + length
        guard total <= maxMessageBytes else { return .tooLarge(total) }
        guard buffer.count >= total else { return .needMore(total - buffer.count) }
        let message = Array(buffer[0..<total])
        buffer.withUnsafeMutableBytes { _ = memset($0.baseAddress!, 0, total) }
        buffer.removeFirst(total)
        return .message(message)
    }

    mutating func receive(from connection: TLSConnection, max: Int, deadline: ContinuousClock.Instant) throws -> Int {
        try connection.read(into: &buffer, max: max, deadline: deadline)
    }

    /// Zeroes a buffer that carried a message (it may hold key material) before it is released.
    static func wipe(_ bytes: inout [UInt8]) {
        bytes.withUnsafeMutableBytes { if let base = $0.baseAddress { memset(base, 0, $0.count) } }
    }
}
