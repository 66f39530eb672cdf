internal import Glibc

// A TCP socket for one thread per connection with deadlines.
//
// Why every descriptor is non-blocking although the API blocks: a deadline can only be kept if no system call can
// block past it. With a blocking descriptor, `poll` saying "readable" and then OpenSSL reading would still block
// whenever the peer sent half a TLS record and stopped; with a non-blocking one, every wait is a `poll` bounded by
// the deadline, so a slow or silent peer stalls only its own thread, and only until its deadline.

/// A TCP socket: a listener, or one end of a connection. The descriptor is closed when the object goes; it is
/// always non-blocking and close-on-exec. Sendable: the descriptor never changes, and the calls that another thread
/// may make (`shutdown`, addresses) are safe on a descriptor in use.
public final class Socket: Sendable, CustomStringConvertible {
    /// The descriptor, for logging and for `poll`-based event loops. Owned by this object: do not close it.
    public let fileDescriptor: Int32

    /// How many connections the kernel queues before `accept`; SOMAXCONN caps it anyway.
    public static let defaultBacklog: Int32 = 128

    /// Takes ownership of a connected or listening socket descriptor: it is made non-blocking and close-on-exec, and
    /// closed when this object goes.
    public init(adopting fileDescriptor: Int32) throws {
        self.fileDescriptor = fileDescriptor
        let flags = fcntl(fileDescriptor, F_GETFL)
        guard flags >= 0, fcntl(fileDescriptor, F_SETFL, flags | O_NONBLOCK) == 0,
              fcntl(fileDescriptor, F_SETFD, FD_CLOEXEC) == 0 else {
            throw systemError(.socket, "fcntl(O_NONBLOCK)")
        }
    }

    deinit { close(fileDescriptor) }

    public var description: String { "Socket(fd \(fileDescriptor))" }

    // MARK: Listening

    /// A listening socket bound to `host` (a numeric IPv4 or IPv6 address, or a name; "::" or "0.0.0.0" for all) and
    /// `port` (0 for a free port, readable back through `localPort`), with SO_REUSEADDR so a restarted server can bind
    /// while old connections linger in TIME_WAIT.
    public static func listen(host: String, port: UInt16, backlog: Int32 = Socket.defaultBacklog) throws -> Socket {
        var lastError = TLSError(.socket, "no address for \(host)")
        for address in try resolve(host: host, port: port, passive: true) {
            let fd = Glibc.socket(address.family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
            guard fd >= 0 else { lastError = systemError(.socket, "socket"); continue }
            let socket = try Socket(adopting: fd)
            var one: Int32 = 1
            guard setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size)) == 0 else {
                throw systemError(.socket, "setsockopt(SO_REUSEADDR)")
            }
            let bound = withUnsafeBytes(of: address.storage) {
                bind(fd, $0.baseAddress!.assumingMemoryBound(to: sockaddr.self), address.length)
            }
            guard bound == 0 else { lastError = systemError(.socket, "bind \(host) port \(port)"); continue }
            guard Glibc.listen(fd, backlog) == 0 else { throw systemError(.socket, "listen \(host) port \(port)") }
            return socket
        }
        throw lastError
    }

    /// The port this socket is bound to (the one the kernel chose, after listening on port 0).
    public var localPort: UInt16 {
        get throws { try Self.port(of: try localAddressStorage()) }
    }

    /// The local address as "host port" (numeric), for logs.
    public var localAddress: String {
        get throws { try Self.numeric(try localAddressStorage()) }
    }

    /// The peer's address as "host port" (numeric), for logs and audit records.
    public var remoteAddress: String {
        get throws {
            var storage = sockaddr_storage()
            var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
            let result = withUnsafeMutableBytes(of: &storage) {
                getpeername(fileDescriptor, $0.baseAddress!.assumingMemoryBound(to: sockaddr.self), &length)
            }
            guard result == 0 else { throw systemError(.socket, "getpeername") }
            return try Self.numeric(storage)
        }
    }

    /// Waits until a connection arrives or `deadline` passes (`.timeout`).
    public func accept(deadline: ContinuousClock.Instant) throws -> Socket {
        while true {
            // accept4 (flags in one call) is a GNU extension the Glibc module does not export; adopting sets them.
            let fd = Glibc.accept(fileDescriptor, nil, nil)
            if fd >= 0 { return try Socket(adopting: fd) }
            switch errno {
            case EAGAIN, EWOULDBLOCK:
                try waitUntil(.readable, fd: fileDescriptor, deadline: deadline, "accept")
            case EINTR, ECONNABORTED, EPROTO:
                continue // the connection died in the queue, or a signal arrived: wait for the next one
            default:
                throw systemError(.socket, "accept")
            }
        }
    }

    // MARK: Connecting

    /// A connection to `host` (numeric address or name) on `port`, trying each resolved address until one answers
    /// or `deadline` passes (`.timeout`). Name resolution itself (getaddrinfo) is not bounded by the deadline.
    public static func connect(host: String, port: UInt16, deadline: ContinuousClock.Instant) throws -> Socket {
        var lastError = TLSError(.socket, "no address for \(host)")
        for address in try resolve(host: host, port: port, passive: false) {
            let fd = Glibc.socket(address.family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
            guard fd >= 0 else { lastError = systemError(.socket, "socket"); continue }
            let socket = try Socket(adopting: fd)
            let result = withUnsafeBytes(of: address.storage) {
                Glibc.connect(fd, $0.baseAddress!.assumingMemoryBound(to: sockaddr.self), address.length)
            }
            if result == 0 { return socket }
            guard errno == EINPROGRESS || errno == EINTR else {
                lastError = systemError(.socket, "connect \(host) port \(port)")
                continue
            }
            try waitUntil(.writable, fd: fd, deadline: deadline, "connect \(host) port \(port)")
            var error: Int32 = 0
            var length = socklen_t(MemoryLayout<Int32>.size)
            guard getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length) == 0 else {
                throw systemError(.socket, "getsockopt(SO_ERROR)")
            }
            if error == 0 { return socket }
            lastError = systemError(.socket, "connect \(host) port \(port)", errno: error)
        }
        throw lastError
    }

    /// Disables Nagle's algorithm: a KMIP request is one small write followed by a wait for the answer, which
    /// Nagle would hold back for up to 40 ms (delayed ACK on the other side).
    public func setNoDelay(_ enabled: Bool = true) throws {
        var value: Int32 = enabled ? 1 : 0
        guard setsockopt(fileDescriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &value, socklen_t(MemoryLayout<Int32>.size)) == 0 else {
            throw systemError(.socket, "setsockopt(TCP_NODELAY)")
        }
    }

    /// Shuts both directions down. Safe from another thread: a thread blocked on this socket wakes and sees the
    /// connection end, which is how a server stops its connection threads. The descriptor stays open until `deinit`.
    public func shutdown() {
        _ = Glibc.shutdown(fileDescriptor, Int32(SHUT_RDWR))
    }

    // MARK: Raw bytes (plain TCP, no TLS)

    /// Sends all of `bytes`, waiting for buffer space until `deadline`. Plain TCP: for protocol tests and probes;
    /// a TLS session writes through `TLSConnection`.
    public func send(_ bytes: [UInt8], deadline: ContinuousClock.Instant) throws {
        var sent = 0
        while sent < bytes.count {
            let count = bytes.withUnsafeBytes {
                Glibc.send(fileDescriptor, $0.baseAddress! + sent, bytes.count - sent, Int32(MSG_NOSIGNAL))
            }
            if count >= 0 { sent += count; continue }
            switch errno {
            case EAGAIN, EWOULDBLOCK: try waitUntil(.writable, fd: fileDescriptor, deadline: deadline, "send")
            case EINTR: continue
            case EPIPE, ECONNRESET: throw systemError(.peerClosed, "send")
            default: throw systemError(.socket, "send")
            }
        }
    }

    /// Receives up to `max` bytes, waiting for some until `deadline`; an empty array means the peer closed.
    public func receive(max: Int, deadline: ContinuousClock.Instant) throws -> [UInt8] {
        precondition(max > 0, "receive(max:) needs room for at least one byte")
        var buffer = [UInt8](repeating: 0, count: max)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(fileDescriptor, $0.baseAddress!, max, 0) }
            if count >= 0 { return Array(buffer.prefix(count)) }
            switch errno {
            case EAGAIN, EWOULDBLOCK: try waitUntil(.readable, fd: fileDescriptor, deadline: deadline, "receive")
            case EINTR: continue
            case ECONNRESET: throw systemError(.peerClosed, "receive")
            default: throw systemError(.socket, "receive")
            }
        }
    }

    // MARK: Addresses

    private struct Address {
        var family: Int32
        var storage: sockaddr_storage
        var length: socklen_t
    }

    private static func resolve(host: String, port: UInt16, passive: Bool) throws -> [Address] {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_NUMERICSERV | (passive ? AI_PASSIVE : 0)
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0 else {
            throw TLSError(.socket, "cannot resolve \(host): \(String(cString: gai_strerror(status)))")
        }
        defer { freeaddrinfo(list) }
        var addresses: [Address] = []
        var cursor = list
        while let entry = cursor {
            var storage = sockaddr_storage()
            let length = min(Int(entry.pointee.ai_addrlen), MemoryLayout<sockaddr_storage>.size)
            withUnsafeMutableBytes(of: &storage) { target in
                target.copyMemory(from: UnsafeRawBufferPointer(start: entry.pointee.ai_addr, count: length))
            }
            addresses.append(Address(family: entry.pointee.ai_family, storage: storage, length: socklen_t(length)))
            cursor = entry.pointee.ai_next
        }
        return addresses
    }

    private func localAddressStorage() throws -> sockaddr_storage {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let result = withUnsafeMutableBytes(of: &storage) {
            getsockname(fileDescriptor, $0.baseAddress!.assumingMemoryBound(to: sockaddr.self), &length)
        }
        guard result == 0 else { throw systemError(.socket, "getsockname") }
        return storage
    }

    private static func port(of storage: sockaddr_storage) throws -> UInt16 {
        let family = Int32(storage.ss_family)
        return try withUnsafeBytes(of: storage) { raw in
            switch family {
            case AF_INET: UInt16(bigEndian: raw.load(as: sockaddr_in.self).sin_port)
            case AF_INET6: UInt16(bigEndian: raw.load(as: sockaddr_in6.self).sin6_port)
            default: throw TLSError(.socket, "address family \(family) has no port")
            }
        }
    }

    private static func numeric(_ storage: sockaddr_storage) throws -> String {
        var storage = storage
        var host = [CChar](repeating: 0, count: Int(NI_MAXHOST))
        let status = withUnsafeBytes(of: &storage) { raw in
            getnameinfo(raw.baseAddress!.assumingMemoryBound(to: sockaddr.self), socklen_t(MemoryLayout<sockaddr_storage>.size),
                        &host, socklen_t(host.count), nil, 0, NI_NUMERICHOST)
        }
        guard status == 0 else { throw TLSError(.socket, "getnameinfo: \(String(cString: gai_strerror(status)))") }
        let text = host.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        return "\(text) port \(try port(of: storage))"
    }
}
