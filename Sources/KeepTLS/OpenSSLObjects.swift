internal import COpenSSL
import KeepCrypto

// Owners of the OpenSSL objects KeepTLS uses. Each final class frees its object in `deinit` and lends the pointer
// only inside a closure, so no caller can hold it past its owner's life. Nothing here is public.

/// An `SSL_CTX`. Once configured it is only read (SSL_new takes a reference), and OpenSSL documents a configured
/// SSL_CTX as safe to share between threads; configuration happens in the owning context's init, before it is
/// shared. Hence @unchecked Sendable.
final class SSLContextObject: @unchecked Sendable {
    private let pointer: OpaquePointer
    init() throws { pointer = try check(SSL_CTX_new(TLS_method()), "SSL_CTX_new") }
    deinit { SSL_CTX_free(pointer) }
    func withPointer<R>(_ body: (OpaquePointer) throws -> R) rethrows -> R { try body(pointer) }
}

/// An `SSL` wired to a socket through the keep socket BIO, with the `ConnectionState` its callbacks use. One
/// connection; mutable; one thread at a time. The state is freed after the SSL, which frees the BIO that points at it.
final class SSLSession {
    private let pointer: OpaquePointer
    let state: UnsafeMutablePointer<ConnectionState>

    init(_ context: SSLContextObject, fd: Int32) throws {
        let ssl = try context.withPointer { try check(SSL_new($0), "SSL_new") }
        state = UnsafeMutablePointer<ConnectionState>.allocate(capacity: 1)
        state.initialize(to: ConnectionState(fd: fd))
        pointer = ssl
        // From here on deinit frees both, whatever fails below.
        let bio = try SocketBIO.make(state: state)
        SSL_set_bio(ssl, bio, bio) // one reference, owned by the SSL from now on
        try check(SSL_set_ex_data(ssl, ConnectionState.appDataIndex, UnsafeMutableRawPointer(state)), "SSL_set_ex_data")
    }

    deinit {
        SSL_free(pointer)
        state.deinitialize(count: 1)
        state.deallocate()
    }

    func withPointer<R>(_ body: (OpaquePointer) throws -> R) rethrows -> R { try body(pointer) }
}

/// An `X509`. Certificates are immutable once built or parsed; reading one from several threads is safe except for
/// OpenSSL's lazy extension cache, which it fills under a lock. Hence @unchecked Sendable.
final class X509Object: @unchecked Sendable {
    private let pointer: OpaquePointer
    /// Takes ownership of one reference.
    init(owning pointer: OpaquePointer) { self.pointer = pointer }
    deinit { X509_free(pointer) }
    func withPointer<R>(_ body: (OpaquePointer) throws -> R) rethrows -> R { try body(pointer) }

    /// Parses DER; a malformed certificate throws `code`.
    convenience init(der: [UInt8], as code: TLSError.Code = .invalidInput) throws {
        let parsed: OpaquePointer = try der.withUnsafeBufferPointer { buffer in
            var cursor: UnsafePointer<UInt8>? = buffer.baseAddress
            let x509 = try check(d2i_X509(nil, &cursor, buffer.count), "d2i_X509", as: code)
            guard cursor == buffer.baseAddress.map({ $0 + buffer.count }) else {
                X509_free(x509)
                throw TLSError(code, "trailing bytes after the certificate's DER")
            }
            return x509
        }
        self.init(owning: parsed)
    }
}

/// An `EVP_PKEY`. Key generation and parsing finish before the owner is shared, after which OpenSSL only reads it
/// (signing takes its own EVP_PKEY_CTX); OpenSSL 3 documents such use as thread-safe. Its free cleanses the key.
final class PKeyObject: @unchecked Sendable {
    private let pointer: OpaquePointer
    /// Takes ownership of one reference.
    init(owning pointer: OpaquePointer) { self.pointer = pointer }
    deinit { EVP_PKEY_free(pointer) }
    func withPointer<R>(_ body: (OpaquePointer) throws -> R) rethrows -> R { try body(pointer) }
}

/// An `EVP_PKEY_CTX`.
final class PKeyContextObject {
    private let pointer: OpaquePointer
    init(algorithm: String) throws {
        pointer = try check(EVP_PKEY_CTX_new_from_name(nil, algorithm, nil), "EVP_PKEY_CTX_new_from_name(\(algorithm))")
    }
    deinit { EVP_PKEY_CTX_free(pointer) }
    func withPointer<R>(_ body: (OpaquePointer) throws -> R) rethrows -> R { try body(pointer) }
}

/// An `X509_NAME`.
final class X509NameObject {
    private let pointer: OpaquePointer
    init() throws { pointer = try check(X509_NAME_new(), "X509_NAME_new") }
    deinit { X509_NAME_free(pointer) }
    func withPointer<R>(_ body: (OpaquePointer) throws -> R) rethrows -> R { try body(pointer) }
}

/// A `BIO`: a memory BIO (growing, written by OpenSSL and read back by us), a read-only view over our bytes, or a
/// file. A memory BIO's buffer is freed with OPENSSL_clear_free, so a PEM private key written into one is cleansed.
final class BIOObject {
    private let pointer: OpaquePointer
    private init(owning pointer: OpaquePointer) { self.pointer = pointer }
    deinit { BIO_free(pointer) }
    func withPointer<R>(_ body: (OpaquePointer) throws -> R) rethrows -> R { try body(pointer) }

    static func memory() throws -> BIOObject {
        BIOObject(owning: try check(BIO_new(BIO_s_mem()), "BIO_new(BIO_s_mem)"))
    }

    /// A read-only BIO over `bytes`, which must outlive it: use it only inside the closure that lends `bytes`.
    static func readOnly(_ bytes: UnsafeRawBufferPointer) throws -> BIOObject {
        guard bytes.count <= Int(Int32.max) else { throw TLSError(.invalidInput, "buffer too large for a BIO") }
        return BIOObject(owning: try check(BIO_new_mem_buf(bytes.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!,
                                                           Int32(bytes.count)), "BIO_new_mem_buf"))
    }

    static func readFile(_ path: String, as code: TLSError.Code) throws -> BIOObject {
        BIOObject(owning: try check(BIO_new_file(path, "r"), "cannot open \(path)", as: code))
    }

    /// Everything written into a memory BIO, as a String (certificates, names: not secret).
    func string() throws -> String {
        String(decoding: try bytes(), as: UTF8.self)
    }

    /// Everything written into a memory BIO, as bytes that are not secret.
    func bytes() throws -> [UInt8] {
        let pending = BIO_ctrl_pending(pointer)
        var out = [UInt8](repeating: 0, count: pending)
        var read = 0
        if pending > 0 {
            try check(BIO_read_ex(pointer, &out, pending, &read), "BIO_read_ex")
        }
        return Array(out.prefix(read))
    }

    /// Everything written into a memory BIO, into secure storage (a PEM private key).
    func secureBytes() throws -> SecureBytes {
        let pending = BIO_ctrl_pending(pointer)
        var failed = false
        var read = 0
        let result = SecureBytes(count: pending) { buffer in
            if pending > 0, BIO_read_ex(pointer, buffer.baseAddress, pending, &read) != 1 { failed = true }
        }
        if failed || read != pending { throw TLSError(.openSSL, OpenSSLErrorQueue.drain().describe(context: "BIO_read_ex")) }
        return result
    }
}
