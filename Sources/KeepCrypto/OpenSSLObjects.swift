internal import COpenSSL

// Owners of OpenSSL objects. Each final class frees its object in `deinit` and lends the pointer only inside a
// closure, so no caller can hold it past its owner's life. Nothing here is public.

// MARK: - Fetched algorithms

// A fetch is a locked lookup in the provider store; doing it once per process and keeping the result keeps it
// out of every per-call path. A fetched algorithm is immutable and reference-counted by OpenSSL, and OpenSSL
// documents sharing it between threads as safe; hence the @unchecked Sendable on these four classes.

/// An `EVP_CIPHER` fetched from the default provider.
final class FetchedCipher: @unchecked Sendable {
    private let pointer: OpaquePointer
    init(_ name: String) throws { pointer = try check(EVP_CIPHER_fetch(nil, name, nil), "EVP_CIPHER_fetch(\(name))") }
    deinit { EVP_CIPHER_free(pointer) }
    func withPointer<R>(_ body: (OpaquePointer) throws -> R) rethrows -> R { try body(pointer) }
}

/// An `EVP_MAC` fetched from the default provider.
final class FetchedMAC: @unchecked Sendable {
    private let pointer: OpaquePointer
    init(_ name: String) throws { pointer = try check(EVP_MAC_fetch(nil, name, nil), "EVP_MAC_fetch(\(name))") }
    deinit { EVP_MAC_free(pointer) }
    func withPointer<R>(_ body: (OpaquePointer) throws -> R) rethrows -> R { try body(pointer) }
}

/// An `EVP_KDF` fetched from the default provider.
final class FetchedKDF: @unchecked Sendable {
    private let pointer: OpaquePointer
    init(_ name: String) throws { pointer = try check(EVP_KDF_fetch(nil, name, nil), "EVP_KDF_fetch(\(name))") }
    deinit { EVP_KDF_free(pointer) }
    func withPointer<R>(_ body: (OpaquePointer) throws -> R) rethrows -> R { try body(pointer) }
}

/// An `EVP_MD` fetched from the default provider.
final class FetchedDigest: @unchecked Sendable {
    private let pointer: OpaquePointer
    init(_ name: String) throws { pointer = try check(EVP_MD_fetch(nil, name, nil), "EVP_MD_fetch(\(name))") }
    deinit { EVP_MD_free(pointer) }
    func withPointer<R>(_ body: (OpaquePointer) throws -> R) rethrows -> R { try body(pointer) }
}

// MARK: - Contexts

// Contexts hold keys and key schedules. OpenSSL's *_free functions cleanse that state before freeing it.
// A context is mutable state: not Sendable, one thread at a time.

/// An `EVP_CIPHER_CTX`.
final class CipherContext {
    private let pointer: OpaquePointer
    init() throws { pointer = try check(EVP_CIPHER_CTX_new(), "EVP_CIPHER_CTX_new") }
    deinit { EVP_CIPHER_CTX_free(pointer) }
    @inline(__always)
    func withPointer<R>(_ body: (OpaquePointer) throws -> R) rethrows -> R { try body(pointer) }

    /// An independent copy, key schedule included, so another thread can use it without recomputing the schedule.
    func copy() throws -> CipherContext {
        let copy = try CipherContext()
        try check(EVP_CIPHER_CTX_copy(copy.pointer, pointer), "EVP_CIPHER_CTX_copy")
        return copy
    }
}

/// An `EVP_MAC_CTX`.
final class MACContext {
    private let pointer: OpaquePointer
    init(_ mac: FetchedMAC) throws {
        pointer = try mac.withPointer { try check(EVP_MAC_CTX_new($0), "EVP_MAC_CTX_new") }
    }
    /// A copy of `template`, in its state (algorithm, digest, key): no fetch, no parameter parsing.
    init(duplicating template: MACContext) throws {
        pointer = try template.withPointer { try check(EVP_MAC_CTX_dup($0), "EVP_MAC_CTX_dup") }
    }
    deinit { EVP_MAC_CTX_free(pointer) }
    func withPointer<R>(_ body: (OpaquePointer) throws -> R) rethrows -> R { try body(pointer) }
}

/// An `EVP_KDF_CTX`.
final class KDFContext {
    private let pointer: OpaquePointer
    init(_ kdf: FetchedKDF) throws {
        pointer = try kdf.withPointer { try check(EVP_KDF_CTX_new($0), "EVP_KDF_CTX_new") }
    }
    deinit { EVP_KDF_CTX_free(pointer) }
    func withPointer<R>(_ body: (OpaquePointer) throws -> R) rethrows -> R { try body(pointer) }
}

/// An `EVP_MD_CTX`.
final class DigestContext {
    private let pointer: OpaquePointer
    init() throws { pointer = try check(EVP_MD_CTX_new(), "EVP_MD_CTX_new") }
    deinit { EVP_MD_CTX_free(pointer) }
    func withPointer<R>(_ body: (OpaquePointer) throws -> R) rethrows -> R { try body(pointer) }
}

// MARK: - Parameters

/// An `OSSL_PARAM` array that owns everything it points at. OpenSSL keeps only pointers to a parameter's name
/// and value, so both must outlive the call that reads them; here they live exactly as long as the list.
/// Values are copied in and cleansed on release, because some of them (an HKDF input key, a passphrase) are secrets.
final class ParameterList {
    private var parameters: [OSSL_PARAM] = []
    private var allocations: [UnsafeMutableRawBufferPointer] = []

    deinit {
        for allocation in allocations {
            OPENSSL_cleanse(allocation.baseAddress, allocation.count)
            allocation.deallocate()
        }
    }

    func append(utf8 name: String, _ value: String) {
        parameters.append(OSSL_PARAM_construct_utf8_string(cString(name), cString(value), 0))
    }

    func append(octets name: String, _ value: UnsafeRawBufferPointer) {
        let copy = own(value, extraZeroes: 0)
        parameters.append(OSSL_PARAM_construct_octet_string(cString(name), copy, value.count))
    }

    func append(uint64 name: String, _ value: UInt64) {
        let copy = withUnsafeBytes(of: value) { own($0, extraZeroes: 0) }
        parameters.append(OSSL_PARAM_construct_uint64(cString(name), copy.assumingMemoryBound(to: UInt64.self)))
    }

    /// Lends the array, terminated by `OSSL_PARAM_END`, for the duration of `body`.
    func withUnsafeParameters<R>(_ body: (UnsafePointer<OSSL_PARAM>) throws -> R) rethrows -> R {
        var terminated = parameters
        terminated.append(OSSL_PARAM_construct_end())
        return try terminated.withUnsafeBufferPointer { try body($0.baseAddress!) }
    }

    private func cString(_ string: String) -> UnsafeMutablePointer<CChar> {
        let bytes = Array(string.utf8)
        return bytes.withUnsafeBytes { own($0, extraZeroes: 1) }.assumingMemoryBound(to: CChar.self)
    }

    /// Copies `bytes` (plus `extraZeroes` zero bytes) into memory the list owns; never a zero-size allocation,
    /// so the pointer handed to OpenSSL is never nil even for an empty value.
    private func own(_ bytes: UnsafeRawBufferPointer, extraZeroes: Int) -> UnsafeMutableRawPointer {
        let count = Swift.max(bytes.count + extraZeroes, 1)
        let storage = UnsafeMutableRawBufferPointer.allocate(byteCount: count, alignment: 16)
        storage.initializeMemory(as: UInt8.self, repeating: 0)
        if !bytes.isEmpty { storage.copyMemory(from: bytes) }
        allocations.append(storage)
        return storage.baseAddress!
    }
}

// MARK: - Byte helpers

/// Lends any byte collection as contiguous raw bytes, copying only when it has no contiguous storage.
func withContiguousBytes<R>(_ bytes: some Collection<UInt8>, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
    if let result = try bytes.withContiguousStorageIfAvailable({ try body(UnsafeRawBufferPointer($0)) }) {
        return result
    }
    return try Array(bytes).withUnsafeBytes(body)
}

extension UnsafeRawBufferPointer {
    /// The start as `const unsigned char *`; a valid pointer even for an empty buffer (OpenSSL rejects NULL inputs).
    var uint8Start: UnsafePointer<UInt8> {
        guard let base = baseAddress else { return EmptyBuffer.byte }
        return base.assumingMemoryBound(to: UInt8.self)
    }
}

extension UnsafeMutableRawBufferPointer {
    var uint8Start: UnsafeMutablePointer<UInt8> {
        guard let base = baseAddress else { return EmptyBuffer.mutableByte }
        return base.assumingMemoryBound(to: UInt8.self)
    }
}

/// A one-byte buffer that stands in for the base address of an empty buffer. Never read or written with a length > 0.
private enum EmptyBuffer {
    nonisolated(unsafe) static let mutableByte: UnsafeMutablePointer<UInt8> = {
        let pointer = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
        pointer.initialize(to: 0)
        return pointer
    }()
    static var byte: UnsafePointer<UInt8> { UnsafePointer(mutableByte) }
}

// MARK: - Keys and BIOs

/// An `EVP_PKEY`. A key object is immutable once made, and OpenSSL documents concurrent signing and verifying
/// with one `EVP_PKEY` (each through its own `EVP_MD_CTX`) as safe; hence @unchecked Sendable.
/// `EVP_PKEY_free` cleanses a private key before freeing it.
final class PKey: @unchecked Sendable {
    private let pointer: OpaquePointer
    init(owning pointer: OpaquePointer) { self.pointer = pointer }
    deinit { EVP_PKEY_free(pointer) }
    func withPointer<R>(_ body: (OpaquePointer) throws -> R) rethrows -> R { try body(pointer) }
}

/// A memory `BIO`, for PEM in and out.
final class MemoryBIO {
    private let pointer: OpaquePointer
    /// An empty BIO to write into.
    init() throws { pointer = try check(BIO_new(BIO_s_mem()), "BIO_new(BIO_s_mem)") }
    /// A read-only BIO over a copy of `bytes` (OpenSSL does not copy them; the copy lives as long as the BIO).
    init(reading bytes: [UInt8]) throws {
        let copy = UnsafeMutableRawBufferPointer.allocate(byteCount: Swift.max(bytes.count, 1), alignment: 1)
        if !bytes.isEmpty { copy.copyBytes(from: bytes) }
        owned = copy
        pointer = try check(BIO_new_mem_buf(copy.baseAddress, Int32(bytes.count)), "BIO_new_mem_buf")
    }
    private var owned: UnsafeMutableRawBufferPointer?
    deinit {
        BIO_free(pointer)
        owned?.deallocate()
    }
    func withPointer<R>(_ body: (OpaquePointer) throws -> R) rethrows -> R { try body(pointer) }

    /// Everything written so far.
    func contents() throws -> [UInt8] {
        let pending = BIO_ctrl_pending(pointer)
        var out = [UInt8](repeating: 0, count: pending)
        var read = 0
        if pending > 0 { try check(BIO_read_ex(pointer, &out, pending, &read), "BIO_read_ex") }
        return Array(out[0..<read])
    }
}
