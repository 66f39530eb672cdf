import Foundation
import KeepCrypto

/// XTS-AES-256 over 4096-byte sectors: XTSCipher single-threaded against `openssl speed` in the same run
/// (target: ratio ≥ 0.90), then XTSCipher on all cores.
///
/// Like for like: `openssl speed -evp aes-256-xts -bytes 4096` encrypts one 4096-byte buffer over and over on one
/// context without ever changing the tweak, so its data stays in L1. The headline ratio therefore compares it with
/// XTSCipher over a buffer that stays in cache (1 MiB, passed 64 times per sample, every sector with its own
/// tweak): the difference is our per-sector cost (setting the tweak, the Swift loop). XTSCipher over a 64 MiB
/// buffer, larger than the last-level cache, is printed too: that figure is bounded by memory bandwidth.
///
/// Same clock: `openssl speed` divides by the user CPU time of its process (not wall-clock time, unless given
/// `-elapsed`). So the ratio divides our CPU-time throughput by openssl's; wall-clock figures are printed beside.
/// On a shared, noisy machine our samples are also taken before and after openssl's run and the median is taken
/// over both halves, so a burst of load skews both sides alike rather than one.
struct XTSBenchmark: Benchmark {
    let name = "xts"
    let summary = "XTS-AES-256, 4096-byte sectors: XTSCipher vs openssl speed, then all cores"

    static let sectorSize = 4096
    static let cachedBufferBytes = 1 << 20       // fits in L2: like openssl speed's buffer, stays in cache
    static let passesPerCachedSample = 64        // 64 MiB encrypted per sample
    static let largeBufferBytes = 64 << 20       // larger than L3: memory-bound
    static let parallelBufferBytes = 256 << 20
    static let samplesPerHalf = 8
    static let opensslCommand = ["openssl", "speed", "-evp", "aes-256-xts", "-bytes", "4096", "-seconds", "3"]

    func run() throws {
        let cipher = try XTSCipher(key: try SymmetricKey.generate(bitCount: 512), sectorSize: Self.sectorSize)
        var cached = [UInt8](repeating: 0x5a, count: Self.cachedBufferBytes)
        var large = [UInt8](repeating: 0x5a, count: Self.largeBufferBytes)
        try cipher.encrypt(&cached, firstSector: 0) // warm-up: page in, warm the caches
        try cipher.encrypt(&large, firstSector: 0)

        var inCache = try cachedSamples(cipher, &cached, encrypt: true)
        var inMemory = try largeSamples(cipher, &large)
        let openssl = try opensslMegabytesPerSecond()
        inCache += try cachedSamples(cipher, &cached, encrypt: true)
        inMemory += try largeSamples(cipher, &large)
        let decrypt = try cachedSamples(cipher, &cached, encrypt: false)
        let ours = median(inCache.map(\.cpu))

        print("  openssl speed, 1 thread (CPU time):       \(format(openssl)) MB/s  (\(Self.opensslCommand.joined(separator: " ")))")
        print("  XTSCipher encrypt, 1 thread, in cache:    \(format(ours)) MB/s CPU time, \(format(median(inCache.map(\.wall)))) MB/s wall  (medians of \(inCache.count) samples of 64 MiB)")
        print("  XTSCipher decrypt, 1 thread, in cache:    \(format(median(decrypt.map(\.cpu)))) MB/s CPU time, \(format(median(decrypt.map(\.wall)))) MB/s wall  (medians of \(decrypt.count))")
        print("  ratio XTSCipher / openssl (CPU time):     \(format(ours / openssl, decimals: 3))  (target >= 0.90)")
        print("  XTSCipher encrypt, 1 thread, 64 MiB:      \(format(median(inMemory.map(\.cpu)))) MB/s CPU time, \(format(median(inMemory.map(\.wall)))) MB/s wall  (medians of \(inMemory.count); beyond L3, memory-bound)")
        let oneThreadWall = median(inMemory.map(\.wall))

        let threads = XTSCipher.defaultThreadCount
        var huge = [UInt8](repeating: 0xa5, count: Self.parallelBufferBytes)
        try cipher.encryptParallel(&huge, firstSector: 0, threads: threads)
        let parallel = try (0..<Self.samplesPerHalf).map { _ in
            megabytesPerSecond(bytes: huge.count, seconds: try seconds { try cipher.encryptParallel(&huge, firstSector: 0, threads: threads) })
        }
        print("  XTSCipher encrypt, \(threads) threads, 256 MiB: \(format(median(parallel))) MB/s  wall  (median of \(parallel.count); \(format(median(parallel) / oneThreadWall, decimals: 2))x one thread on 64 MiB, wall)")
    }

    /// Each sample: the cached buffer encrypted `passesPerCachedSample` times, sector numbers running on, so every
    /// sector gets a fresh tweak as on a real disk.
    /// One sample's throughput by the thread's CPU clock and by the wall clock.
    private struct Sample {
        let cpu: Double
        let wall: Double
    }

    private func sample(bytes: Int, _ body: () throws -> Void) rethrows -> Sample {
        var cpuSeconds = 0.0
        let wallSeconds = try seconds { cpuSeconds = try threadCPUSeconds(body) }
        return Sample(cpu: megabytesPerSecond(bytes: bytes, seconds: cpuSeconds), wall: megabytesPerSecond(bytes: bytes, seconds: wallSeconds))
    }

    /// Each sample: the cached buffer encrypted `passesPerCachedSample` times, sector numbers running on, so every
    /// sector gets a fresh tweak as on a real disk.
    private func cachedSamples(_ cipher: XTSCipher, _ buffer: inout [UInt8], encrypt: Bool) throws -> [Sample] {
        let sectorsPerPass = UInt64(buffer.count / Self.sectorSize)
        return try (0..<Self.samplesPerHalf).map { _ in
            try sample(bytes: buffer.count * Self.passesPerCachedSample) {
                for pass in 0..<UInt64(Self.passesPerCachedSample) {
                    if encrypt {
                        try cipher.encrypt(&buffer, firstSector: pass * sectorsPerPass)
                    } else {
                        try cipher.decrypt(&buffer, firstSector: pass * sectorsPerPass)
                    }
                }
            }
        }
    }

    private func largeSamples(_ cipher: XTSCipher, _ buffer: inout [UInt8]) throws -> [Sample] {
        try (0..<Self.samplesPerHalf).map { _ in
            try sample(bytes: buffer.count) { try cipher.encrypt(&buffer, firstSector: 0) }
        }
    }

    /// Runs `openssl speed` and reads its 4096-byte column, which it prints in 1000s of bytes per second ("k")
/// of user CPU time.
    private func opensslMegabytesPerSecond() throws -> Double {
        let output = try runProgram(Self.opensslCommand)
        guard let row = output.split(separator: "\n").last(where: { $0.uppercased().hasPrefix("AES-256-XTS") }),
              let column = row.split(separator: " ").last, column.hasSuffix("k"),
              let thousandsOfBytes = Double(column.dropLast())
        else {
            throw BenchmarkError("could not find the AES-256-XTS 4096-byte column in openssl speed's output:\n\(output)")
        }
        return thousandsOfBytes / 1000
    }
}
