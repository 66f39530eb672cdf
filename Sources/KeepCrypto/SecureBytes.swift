internal import COpenSSL

/// A buffer for secrets. Value semantics (copy on write); the storage is zeroed with OPENSSL_cleanse over its
/// whole capacity when the last reference goes, so neither the bytes nor any slack after them outlive it.
/// It never prints its contents, and `==` runs in constant time.
///
/// The bytes are lent out only inside `withUnsafeBytes` / `withUnsafeMutableBytes`; copying them into an
/// `Array` is possible (`copyBytes()`) but is an explicit, greppable act.
public struct SecureBytes: Sendable {
    @usableFromInline var storage: Storage

    /// `count` zero bytes.
    public init(zeroes count: Int) {
        storage = Storage(capacity: count)
        storage.count = count
    }

    /// Copies `bytes` into secure storage. The caller remains responsible for its own copy.
    public init<Bytes: Collection>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        storage = Storage(capacity: bytes.count)
        storage.append(bytes)
    }

    /// Fills a new buffer of `count` bytes through `body`, which writes into uninitialized secure memory.
    public init(count: Int, initializingWith body: (UnsafeMutableRawBufferPointer) throws -> Void) rethrows {
        storage = Storage(capacity: count)
        storage.count = count
        try body(UnsafeMutableRawBufferPointer(start: storage.base, count: count))
    }

    /// For tests: observe the storage at the moment it is released, after zeroization.
    init(count: Int, deallocationObserver: @escaping @Sendable (UnsafeRawBufferPointer) -> Void) {
        storage = Storage(capacity: count, deallocationObserver: deallocationObserver)
        storage.count = count
    }

    public var count: Int { storage.count }
    public var isEmpty: Bool { storage.count == 0 }

    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawBufferPointer(start: storage.base, count: storage.count))
    }

    public mutating func withUnsafeMutableBytes<R>(_ body: (UnsafeMutableRawBufferPointer) throws -> R) rethrows -> R {
        makeUnique()
        return try body(UnsafeMutableRawBufferPointer(start: storage.base, count: storage.count))
    }

    public mutating func append<Bytes: Collection>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        makeUnique(reserving: storage.count + bytes.count)
        storage.append(bytes)
    }

    public mutating func append(_ other: SecureBytes) {
        other.withUnsafeBytes { append($0) }
    }

    /// The bytes in `range`, still secure.
    public subscript(range: Range<Int>) -> SecureBytes {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "SecureBytes range out of bounds")
        return withUnsafeBytes { SecureBytes(UnsafeRawBufferPointer(rebasing: $0[range])) }
    }

    /// An explicit copy out of secure storage, for the few places (wire encoding) that need an Array.
    public func copyBytes() -> [UInt8] { withUnsafeBytes { Array($0) } }

    private mutating func makeUnique(reserving capacity: Int? = nil) {
        let needed = capacity ?? storage.count
        if !isKnownUniquelyReferenced(&storage) || needed > storage.capacity {
            // The copy inherits the test observer, so a test can see that every generation of storage is zeroed.
            let copy = Storage(capacity: Swift.max(needed, storage.capacity), deallocationObserver: storage.deallocationObserver)
            copy.append(UnsafeRawBufferPointer(start: storage.base, count: storage.count))
            storage = copy
        }
    }
}

extension SecureBytes {
    @usableFromInline
    final class Storage: @unchecked Sendable {
        // Immutable after init except through SecureBytes' copy-on-write mutators.
        let base: UnsafeMutableRawPointer
        let capacity: Int
        var count: Int = 0
        let deallocationObserver: (@Sendable (UnsafeRawBufferPointer) -> Void)?

        init(capacity: Int, deallocationObserver: (@Sendable (UnsafeRawBufferPointer) -> Void)? = nil) {
            precondition(capacity >= 0, "negative SecureBytes capacity")
            self.capacity = capacity
            // At least one byte so that base is never a dangling zero-size allocation.
            base = UnsafeMutableRawPointer.allocate(byteCount: Swift.max(capacity, 1), alignment: 16)
            base.initializeMemory(as: UInt8.self, repeating: 0, count: Swift.max(capacity, 1))
            self.deallocationObserver = deallocationObserver
        }

        func append<Bytes: Collection>(_ bytes: Bytes) where Bytes.Element == UInt8 {
            precondition(count + bytes.count <= capacity, "SecureBytes storage overflow")
            let target = UnsafeMutableRawBufferPointer(start: base + count, count: bytes.count)
            target.copyBytes(from: bytes)
            count += bytes.count
        }

        deinit {
            // OPENSSL_cleanse cannot be optimised away, unlike memset on memory about to be freed.
            OPENSSL_cleanse(base, Swift.max(capacity, 1))
            deallocationObserver?(UnsafeRawBufferPointer(start: base, count: Swift.max(capacity, 1)))
            base.deallocate()
        }
    }
}

extension SecureBytes: Equatable {
    /// Constant time in the contents (CRYPTO_memcmp); the lengths are not secret.
    public static func == (lhs: SecureBytes, rhs: SecureBytes) -> Bool {
        guard lhs.count == rhs.count else { return false }
        if lhs.count == 0 { return true }
        return lhs.withUnsafeBytes { l in rhs.withUnsafeBytes { r in CRYPTO_memcmp(l.baseAddress, r.baseAddress, l.count) == 0 } }
    }
}

extension SecureBytes: CustomStringConvertible, CustomDebugStringConvertible {
    public var description: String { "SecureBytes(\(count) bytes, redacted)" }
    public var debugDescription: String { description }
}

/// Compares two byte sequences in time independent of their contents (CRYPTO_memcmp).
public func constantTimeEquals(_ lhs: UnsafeRawBufferPointer, _ rhs: UnsafeRawBufferPointer) -> Bool {
    guard lhs.count == rhs.count else { return false }
    if lhs.count == 0 { return true }
    return CRYPTO_memcmp(lhs.baseAddress, rhs.baseAddress, lhs.count) == 0
}

/// A symmetric key: secret bytes of a known bit length. Prints as `SymmetricKey(256 bits, redacted)`.
public struct SymmetricKey: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    public let bytes: SecureBytes

    public init(_ bytes: SecureBytes) { self.bytes = bytes }
    public init<Bytes: Collection>(copying bytes: Bytes) where Bytes.Element == UInt8 { self.bytes = SecureBytes(bytes) }

    /// A fresh key of `bitCount` bits from OpenSSL's CSPRNG.
    public static func generate(bitCount: Int) throws -> SymmetricKey {
        guard bitCount > 0, bitCount % 8 == 0 else {
            throw CryptoError(.invalidKeySize, "a key is a whole number of bytes, not \(bitCount) bits")
        }
        return SymmetricKey(try SecureRandom.bytes(count: bitCount / 8))
    }

    public var bitCount: Int { bytes.count * 8 }
    public var byteCount: Int { bytes.count }

    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try bytes.withUnsafeBytes(body)
    }

    public var description: String { "SymmetricKey(\(bitCount) bits, redacted)" }
    public var debugDescription: String { description }
}

/// OpenSSL's CSPRNG. A failure is an error, never a fallback to something weaker.
public enum SecureRandom {
    public static func bytes(count: Int) throws -> SecureBytes {
        precondition(count >= 0, "negative random byte count")
        var failed = false
        let result = SecureBytes(count: count) { buffer in
            if count > 0, RAND_bytes(buffer.baseAddress!.assumingMemoryBound(to: UInt8.self), Int32(count)) != 1 {
                failed = true
            }
        }
        if failed {
            throw CryptoError(.randomFailure, OpenSSLErrorQueue.drain(context: "RAND_bytes"))
        }
        return result
    }

    /// Random bytes that are not secret (nonces, identifiers).
    public static func publicBytes(count: Int) throws -> [UInt8] {
        var out = [UInt8](repeating: 0, count: count)
        if count > 0 {
            guard RAND_bytes(&out, Int32(count)) == 1 else {
                throw CryptoError(.randomFailure, OpenSSLErrorQueue.drain(context: "RAND_bytes"))
            }
        }
        return out
    }
}
