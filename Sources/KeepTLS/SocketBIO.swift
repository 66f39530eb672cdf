internal import COpenSSL
internal import Glibc

// The BIO through which OpenSSL reads and writes a connection's socket.
//
// Why not OpenSSL's own socket BIO (SSL_set_fd): it writes with write(2), and a write to a connection the peer has
// reset raises SIGPIPE, whose default action kills the process: any client could stop keepd by resetting at the
// right moment. This BIO writes with send(MSG_NOSIGNAL), so the peer's reset is an EPIPE error on that connection
// only, and the library need not change the process's signal dispositions behind its user's back. It also keeps the
// errno of a failed call, which OpenSSL's own error path may overwrite before we could read it.

/// Per-connection state that OpenSSL's callbacks reach: the BIO through BIO_get_data, the verify callback through
/// the SSL's app-data slot. Allocated and freed by `SSLSession`, after the SSL (and with it the BIO) is gone.
struct ConnectionState {
    var fd: Int32
    /// errno of the last failed send/recv other than EAGAIN; 0 if none.
    var lastErrno: Int32 = 0
    /// Whether recv has returned 0 (the peer closed its sending side).
    var sawEOF = false
    /// The first error the server's verify callback saw in the peer's chain (X509_V_ERR_*, depth); nil if none.
    var firstVerifyError: (code: Int32, depth: Int32)?

    /// Index 0 of an SSL's ex_data is the app-data slot (what the SSL_set_app_data macro writes).
    static let appDataIndex: Int32 = 0

    static func of(_ ssl: OpaquePointer) -> UnsafeMutablePointer<ConnectionState>? {
        SSL_get_ex_data(ssl, appDataIndex)?.assumingMemoryBound(to: ConnectionState.self)
    }
}

enum SocketBIO {
    /// The method table, created once per process and never freed (BIOs refer to it for their whole life).
    private static let method = Result { try BIOMethod() }

    /// A new BIO over `state`, which must outlive it.
    static func make(state: UnsafeMutablePointer<ConnectionState>) throws -> OpaquePointer {
        let method = try Self.method.get()
        let bio = try method.withPointer { try check(BIO_new($0), "BIO_new(keep socket)") }
        BIO_set_data(bio, UnsafeMutableRawPointer(state))
        BIO_set_init(bio, 1)
        return bio
    }

    /// Owner of the BIO_METHOD. Immutable after init and only read by BIO_new: @unchecked Sendable.
    final class BIOMethod: @unchecked Sendable {
        private let pointer: OpaquePointer

        init() throws {
            let type = BIO_get_new_index() | BIO_TYPE_SOURCE_SINK | BIO_TYPE_DESCRIPTOR
            pointer = try check(BIO_meth_new(type, "keep socket"), "BIO_meth_new")
            try check(BIO_meth_set_write_ex(pointer, socketWrite), "BIO_meth_set_write_ex")
            try check(BIO_meth_set_read_ex(pointer, socketRead), "BIO_meth_set_read_ex")
            try check(BIO_meth_set_ctrl(pointer, socketControl), "BIO_meth_set_ctrl")
        }

        deinit { BIO_meth_free(pointer) }
        func withPointer<R>(_ body: (OpaquePointer) throws -> R) rethrows -> R { try body(pointer) }
    }
}

private func state(of bio: OpaquePointer?) -> UnsafeMutablePointer<ConnectionState> {
    BIO_get_data(bio).assumingMemoryBound(to: ConnectionState.self)
}

/// write_ex: 1 and the count on success; 0 with the retry flag when the socket buffer is full.
private let socketWrite: @convention(c) (OpaquePointer?, UnsafePointer<CChar>?, Int, UnsafeMutablePointer<Int>?) -> Int32 = { bio, data, length, written in
    BIO_clear_flags(bio, BIO_FLAGS_READ | BIO_FLAGS_WRITE | BIO_FLAGS_IO_SPECIAL | BIO_FLAGS_SHOULD_RETRY)
    let state = state(of: bio)
    while true {
        let count = send(state.pointee.fd, data, length, Int32(MSG_NOSIGNAL))
        if count >= 0 {
            written?.pointee = count
            return 1
        }
        let error = errno
        if error == EINTR { continue }
        if error == EAGAIN || error == EWOULDBLOCK {
            BIO_set_flags(bio, BIO_FLAGS_WRITE | BIO_FLAGS_SHOULD_RETRY)
        } else {
            state.pointee.lastErrno = error
        }
        return 0
    }
}

/// read_ex: 1 and the count on success; 0 with the retry flag when nothing is there yet; 0 without it at EOF.
private let socketRead: @convention(c) (OpaquePointer?, UnsafeMutablePointer<CChar>?, Int, UnsafeMutablePointer<Int>?) -> Int32 = { bio, data, length, read in
    BIO_clear_flags(bio, BIO_FLAGS_READ | BIO_FLAGS_WRITE | BIO_FLAGS_IO_SPECIAL | BIO_FLAGS_SHOULD_RETRY)
    let state = state(of: bio)
    while true {
        let count = recv(state.pointee.fd, data, length, 0)
        if count > 0 {
            read?.pointee = count
            return 1
        }
        if count == 0 {
            // OpenSSL asks BIO_CTRL_EOF to tell a closed connection from a failed read.
            state.pointee.sawEOF = true
            return 0
        }
        let error = errno
        if error == EINTR { continue }
        if error == EAGAIN || error == EWOULDBLOCK {
            BIO_set_flags(bio, BIO_FLAGS_READ | BIO_FLAGS_SHOULD_RETRY)
        } else {
            state.pointee.lastErrno = error
        }
        return 0
    }
}

/// ctrl: flush is a no-op (nothing is buffered here), EOF reports what recv saw; everything else is unsupported,
/// as in OpenSSL's socket BIO (which answers 0 to commands it does not know).
private let socketControl: @convention(c) (OpaquePointer?, Int32, Int, UnsafeMutableRawPointer?) -> Int = { bio, command, _, _ in
    switch command {
    case BIO_CTRL_FLUSH: 1
    case BIO_CTRL_EOF: state(of: bio).pointee.sawEOF ? 1 : 0
    default: 0
    }
}
