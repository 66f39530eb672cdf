import Dispatch
internal import COpenSSL
#if canImport(Glibc)
import Glibc
#endif

// XTS-AES-256 sector encryption (IEEE 1619, NIST SP 800-38E), compatible with dm-crypt `aes-xts-plain64`.
//
// Why XTS: a disk sector must encrypt to exactly its own size with no room for a nonce or tag, and every sector
// must be independently readable. XTS gives each sector its own tweak (its number), so equal plaintexts in two
// sectors encrypt differently; it does not authenticate (an attacker who can write the disk can scramble a
// sector undetected), which is the accepted trade-off of full-disk encryption.
// Why the two key halves must differ: XTS's security proof needs independent keys; with K1 = K2 the tweak mask
// is the encryption, under the data key, of a value an attacker can also supply as data. NIST's FIPS 140
// guidance for SP 800-38E and OpenSSL both reject equal halves, and so do we, before OpenSSL sees the key.
// Why 64-bit sector numbers: `plain` (32-bit) tweaks repeat after 2 TiB of 512-byte sectors; `plain64` does not,
// and a sector number past 2^64 − 1 would wrap onto sector 0's tweak, so it is an error, never a wrap.

/// XTS-AES-256 over whole sectors, in place. The tweak of a sector is its number as a 64-bit little-endian
/// integer, zero-padded to 16 bytes (dm-crypt `plain64`). Sector numbers count sectors of `sectorSize`
/// (with 4096-byte sectors that is dm-crypt's `iv_large_sectors`).
///
/// The AES key schedules are computed once, at init. An instance holds OpenSSL contexts that each call mutates:
/// it is NOT safe to use one instance from several threads at once (hence not Sendable). Use one instance
/// per thread, or `encryptParallel` / `decryptParallel`, which give each worker its own copy of the keyed context.
public final class XTSCipher {
    /// Data key (K1, 256 bits) ‖ tweak key (K2, 256 bits).
    public static let keyByteCount = 64
    public static let supportedSectorSizes: [Int] = [512, 4096]

    public let sectorSize: Int
    private let encryptor: CipherContext
    private let decryptor: CipherContext

    private static let cipher = Result { try FetchedCipher("AES-256-XTS") }

    public init(key: SymmetricKey, sectorSize: Int = 512) throws {
        guard key.byteCount == Self.keyByteCount else {
            throw CryptoError(.invalidKeySize, "an XTS-AES-256 key is \(Self.keyByteCount) bytes (data key ‖ tweak key), not \(key.byteCount)")
        }
        guard Self.supportedSectorSizes.contains(sectorSize) else {
            throw CryptoError(.invalidInput, "sector size \(sectorSize) is not one of \(Self.supportedSectorSizes)")
        }
        let halvesEqual = key.withUnsafeBytes { key in
            constantTimeEquals(UnsafeRawBufferPointer(rebasing: key[0..<32]), UnsafeRawBufferPointer(rebasing: key[32..<64]))
        }
        guard !halvesEqual else {
            throw CryptoError(.equalXTSKeyHalves, "the XTS data key and tweak key must differ")
        }
        self.sectorSize = sectorSize
        let cipher = try Self.cipher.get()
        encryptor = try Self.keyedContext(cipher, key: key, encrypt: true)
        decryptor = try Self.keyedContext(cipher, key: key, encrypt: false)
    }

    /// The number of threads the parallel entry points use by default: every core the process may run on.
    public static var defaultThreadCount: Int { Swift.max(1, ProcessorCount.online) }

    // MARK: Serial

    /// Encrypts `buffer` in place: `buffer.count / sectorSize` sectors numbered from `firstSector`.
    public func encrypt(_ buffer: UnsafeMutableRawBufferPointer, firstSector: UInt64) throws {
        _ = try sectorCount(of: buffer.count, firstSector: firstSector)
        try Self.run(encryptor, over: buffer, firstSector: firstSector, sectorSize: sectorSize)
    }

    /// Decrypts `buffer` in place: `buffer.count / sectorSize` sectors numbered from `firstSector`.
    public func decrypt(_ buffer: UnsafeMutableRawBufferPointer, firstSector: UInt64) throws {
        _ = try sectorCount(of: buffer.count, firstSector: firstSector)
        try Self.run(decryptor, over: buffer, firstSector: firstSector, sectorSize: sectorSize)
    }

    public func encrypt(_ buffer: inout [UInt8], firstSector: UInt64) throws {
        try buffer.withUnsafeMutableBytes { try encrypt($0, firstSector: firstSector) }
    }

    public func decrypt(_ buffer: inout [UInt8], firstSector: UInt64) throws {
        try buffer.withUnsafeMutableBytes { try decrypt($0, firstSector: firstSector) }
    }

    // MARK: Parallel

    /// Encrypts like `encrypt(_:firstSector:)`, splitting the sectors into `threads` contiguous chunks that run
    /// concurrently, each on its own copy of the keyed context (the key schedule is copied, not recomputed).
    public func encryptParallel(_ buffer: UnsafeMutableRawBufferPointer, firstSector: UInt64, threads: Int = XTSCipher.defaultThreadCount) throws {
        try runParallel(encryptor, over: buffer, firstSector: firstSector, threads: threads)
    }

    public func decryptParallel(_ buffer: UnsafeMutableRawBufferPointer, firstSector: UInt64, threads: Int = XTSCipher.defaultThreadCount) throws {
        try runParallel(decryptor, over: buffer, firstSector: firstSector, threads: threads)
    }

    public func encryptParallel(_ buffer: inout [UInt8], firstSector: UInt64, threads: Int = XTSCipher.defaultThreadCount) throws {
        try buffer.withUnsafeMutableBytes { try encryptParallel($0, firstSector: firstSector, threads: threads) }
    }

    public func decryptParallel(_ buffer: inout [UInt8], firstSector: UInt64, threads: Int = XTSCipher.defaultThreadCount) throws {
        try buffer.withUnsafeMutableBytes { try decryptParallel($0, firstSector: firstSector, threads: threads) }
    }

    // MARK: Raw data units (tests)

    /// One data unit of any length of at least 16 bytes under a raw 16-byte tweak. For published vectors whose
    /// data units are not whole sectors (NIST's 256- and 384-bit units) or whose tweak is not a sector number;
    /// internal because choosing tweaks is exactly what the public API must not leave to callers.
    func encrypt(dataUnit: UnsafeMutableRawBufferPointer, tweak: [UInt8]) throws {
        try Self.runDataUnit(encryptor, dataUnit, tweak: tweak)
    }

    func decrypt(dataUnit: UnsafeMutableRawBufferPointer, tweak: [UInt8]) throws {
        try Self.runDataUnit(decryptor, dataUnit, tweak: tweak)
    }

    /// The dm-crypt `plain64` tweak of `sector`: the little-endian sector number, zero-padded to 16 bytes.
    static func plain64Tweak(sector: UInt64) -> [UInt8] {
        withUnsafeBytes(of: sector.littleEndian) { Array($0) } + [UInt8](repeating: 0, count: 8)
    }

    // MARK: Implementation

    /// Validates a buffer length and the sector range; returns the number of sectors.
    private func sectorCount(of byteCount: Int, firstSector: UInt64) throws -> Int {
        guard byteCount % sectorSize == 0 else {
            throw CryptoError(.invalidInput, "an XTS buffer is whole \(sectorSize)-byte sectors; \(byteCount) bytes is not")
        }
        let sectors = byteCount / sectorSize
        guard sectors == 0 || UInt64(sectors - 1) <= UInt64.max - firstSector else {
            throw CryptoError(.invalidInput, "\(sectors) sectors from sector \(firstSector) pass sector 2^64 − 1")
        }
        return sectors
    }

    private static func keyedContext(_ cipher: FetchedCipher, key: SymmetricKey, encrypt: Bool) throws -> CipherContext {
        let context = try CipherContext()
        try context.withPointer { ctx in
            try cipher.withPointer { cipher in
                try key.withUnsafeBytes { key in
                    // Key only: this computes both AES key schedules, once for the life of the instance.
                    try check(EVP_CipherInit_ex(ctx, cipher, nil, key.uint8Start, nil, encrypt ? 1 : 0), "EVP_CipherInit_ex(AES-256-XTS)")
                }
            }
        }
        return context
    }

    /// The hot loop. Per sector: store the sector number into a reused 16-byte tweak on the stack, hand it to the
    /// keyed context (IV only, which does not touch the key schedule), encrypt the sector in place. No allocation.
    fileprivate static func run(_ context: CipherContext, over buffer: UnsafeMutableRawBufferPointer, firstSector: UInt64, sectorSize: Int) throws {
        guard let base = buffer.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
        var tweak: (UInt64, UInt64) = (0, 0)
        try context.withPointer { ctx in
            try withUnsafeMutableBytes(of: &tweak) { tweak in
                let iv = tweak.baseAddress!.assumingMemoryBound(to: UInt8.self)
                var sector = firstSector
                var offset = 0
                var written: Int32 = 0
                while offset < buffer.count {
                    tweak.storeBytes(of: sector.littleEndian, as: UInt64.self)
                    try check(EVP_CipherInit_ex(ctx, nil, nil, nil, iv, -1), "EVP_CipherInit_ex(XTS tweak)")
                    let data = base + offset
                    try check(EVP_CipherUpdate(ctx, data, &written, data, Int32(sectorSize)), "EVP_CipherUpdate(XTS sector)")
                    offset += sectorSize
                    sector &+= 1 // the range was checked: this wraps only after the last sector
                }
            }
        }
    }

    private static func runDataUnit(_ context: CipherContext, _ unit: UnsafeMutableRawBufferPointer, tweak: [UInt8]) throws {
        guard tweak.count == 16 else { throw CryptoError(.invalidInput, "an XTS tweak is 16 bytes, not \(tweak.count)") }
        guard unit.count >= 16, unit.count <= 1 << 24 else {
            throw CryptoError(.invalidInput, "an XTS data unit is 16 bytes to 16 MiB, not \(unit.count)")
        }
        try context.withPointer { ctx in
            try tweak.withUnsafeBytes { tweak in
                try check(EVP_CipherInit_ex(ctx, nil, nil, nil, tweak.uint8Start, -1), "EVP_CipherInit_ex(XTS tweak)")
            }
            var written: Int32 = 0
            try check(EVP_CipherUpdate(ctx, unit.uint8Start, &written, unit.uint8Start, Int32(unit.count)), "EVP_CipherUpdate(XTS data unit)")
        }
    }

    private func runParallel(_ template: CipherContext, over buffer: UnsafeMutableRawBufferPointer, firstSector: UInt64, threads: Int) throws {
        guard threads >= 1 else { throw CryptoError(.invalidInput, "thread count must be at least 1, not \(threads)") }
        let sectors = try sectorCount(of: buffer.count, firstSector: firstSector)
        let workers = Swift.min(threads, sectors)
        guard workers > 1 else {
            return try Self.run(template, over: buffer, firstSector: firstSector, sectorSize: sectorSize)
        }
        let job = try ParallelJob(template: template, workers: workers, buffer: buffer, sectors: sectors, sectorSize: sectorSize, firstSector: firstSector)
        DispatchQueue.concurrentPerform(iterations: workers) { job.run(worker: $0) }
        if let failure = job.firstFailure { throw failure }
    }
}

/// The state of one parallel call, shared by its workers.
///
/// @unchecked Sendable, and why that is sound: worker w touches only `contexts[w]`, `failures[w]` and its own
/// slice of the buffer (the slices are disjoint), and `concurrentPerform` returns only after every worker has
/// finished, which orders all their writes before the caller reads `failures`.
private final class ParallelJob: @unchecked Sendable {
    private let contexts: [CipherContext]
    private let failures: UnsafeMutableBufferPointer<(any Error)?>
    private let buffer: UnsafeMutableRawBufferPointer
    private let sectorSize: Int
    private let firstSector: UInt64
    // Worker w takes `perWorker` sectors, plus one more while w < `remainder`.
    private let perWorker: Int
    private let remainder: Int

    init(template: CipherContext, workers: Int, buffer: UnsafeMutableRawBufferPointer, sectors: Int, sectorSize: Int, firstSector: UInt64) throws {
        contexts = try (0..<workers).map { _ in try template.copy() }
        failures = .allocate(capacity: workers)
        failures.initialize(repeating: nil)
        self.buffer = buffer
        self.sectorSize = sectorSize
        self.firstSector = firstSector
        perWorker = sectors / workers
        remainder = sectors % workers
    }

    deinit {
        failures.deinitialize()
        failures.deallocate()
    }

    func run(worker: Int) {
        let first = worker * perWorker + Swift.min(worker, remainder)
        let count = perWorker + (worker < remainder ? 1 : 0)
        let chunk = UnsafeMutableRawBufferPointer(rebasing: buffer[(first * sectorSize)..<((first + count) * sectorSize)])
        do {
            try XTSCipher.run(contexts[worker], over: chunk, firstSector: firstSector + UInt64(first), sectorSize: sectorSize)
        } catch {
            failures[worker] = error
        }
    }

    var firstFailure: (any Error)? { failures.lazy.compactMap { $0 }.first }
}

/// Online processor count without Foundation.
enum ProcessorCount {
    static var online: Int {
        #if canImport(Glibc)
        return Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
        #else
        return 1
        #endif
    }
}
