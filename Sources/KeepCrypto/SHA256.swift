internal import COpenSSL

// SHA-256 (FIPS 180-4), one-shot and streaming.
//
// Why these calls do not throw: hashing bytes in memory fails only if OpenSSL cannot allocate or has no SHA-256
// at all (a broken installation). Both are as fatal as Swift's own allocation failure, so such a failure traps
// with OpenSSL's drained error queue in the message, instead of making every caller handle an error that
// cannot happen on a working system.

/// SHA-256. `SHA256.hash(_:)` for one buffer; an instance for data that arrives in pieces.
/// An instance is mutable state: not Sendable, one thread at a time.
public final class SHA256 {
    public static let byteCount = 32

    static let digest = Result { try FetchedDigest("SHA2-256") }

    private let context: DigestContext
    private var finished = false

    public init() {
        context = infallible { try DigestContext() }
        infallible {
            try Self.digest.get().withPointer { md in
                try context.withPointer { try check(EVP_DigestInit_ex($0, md, nil), "EVP_DigestInit_ex(SHA-256)") }
            }
        }
    }

    public static func hash(_ data: some Collection<UInt8>) -> [UInt8] {
        withContiguousBytes(data) { hash(bytes: $0) }
    }

    public static func hash(_ data: SecureBytes) -> [UInt8] {
        data.withUnsafeBytes { hash(bytes: $0) }
    }

    public func update(_ data: some Collection<UInt8>) {
        withContiguousBytes(data) { update(bytes: $0) }
    }

    public func update(_ data: SecureBytes) {
        data.withUnsafeBytes { update(bytes: $0) }
    }

    /// The digest of everything passed to `update`. An instance finalizes once; using it afterwards is a
    /// programming error and traps.
    public func finalize() -> [UInt8] {
        precondition(!finished, "SHA256 instance finalized twice")
        finished = true
        var digest = [UInt8](repeating: 0, count: Self.byteCount)
        var length: UInt32 = 0
        infallible {
            try context.withPointer { try check(EVP_DigestFinal_ex($0, &digest, &length), "EVP_DigestFinal_ex(SHA-256)") }
        }
        return digest
    }

    private func update(bytes: UnsafeRawBufferPointer) {
        precondition(!finished, "SHA256 instance updated after finalize()")
        guard !bytes.isEmpty else { return }
        infallible {
            try context.withPointer { try check(EVP_DigestUpdate($0, bytes.baseAddress, bytes.count), "EVP_DigestUpdate(SHA-256)") }
        }
    }

    private static func hash(bytes: UnsafeRawBufferPointer) -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: byteCount)
        var length: UInt32 = 0
        infallible {
            try Self.digest.get().withPointer { md in
                try check(EVP_Digest(bytes.uint8Start, bytes.count, &digest, &length, md, nil), "EVP_Digest(SHA-256)")
            }
        }
        return digest
    }
}

/// Runs an OpenSSL call that fails only on allocation failure or a broken installation (see above).
private func infallible<R>(_ body: () throws -> R) -> R {
    do {
        return try body()
    } catch {
        fatalError("OpenSSL failed where only allocation failure is possible: \(error)")
    }
}
