import Foundation
import KeepClient
import KeepCrypto

/// Disk encryption end to end: a raw image (4 GiB, or `KEEP_BENCH_DISK_BYTES`) encrypted by the VM workflow
/// (read, AES-XTS-plain64 over 512-byte sectors on all cores, write to the new file, durable marks, fsync, rename,
/// descriptor), against two figures from the same run:
/// - **copy**: the same rewrite engine transforming nothing (read, write, fsync): what the disk and page cache
///   allow with this I/O pattern; encryption cannot be faster;
/// - **XTS core**: `XTSCipher.encryptParallel` over an in-memory buffer on the same threads: what the CPU allows.
/// Encryption is disk-bound when its rate is close to the copy's and well below the core's.
///
/// The image lives in `KEEP_BENCH_DIR` (default: the temporary directory), which should be on the storage being
/// measured. Each measured pass starts with the image's pages dropped from the page cache (it was fsynced, so
/// POSIX_FADV_DONTNEED drops them), so reads come from the device as far as an unprivileged process can arrange.
/// The KEK is held in memory by the benchmark (no keepd): the key service's cost is two round trips per VM, not
/// per byte, and is not what this measures.
struct VMDiskBenchmark: Benchmark {
    let name = "vm-disk"
    let summary = "VM disk encryption end to end (4 GiB image; KEEP_BENCH_DISK_BYTES) vs a plain copy and the XTS core"

    static let coreBufferBytes = 256 << 20
    static let corePasses = 5
    static let rounds = 3

    var diskBytes: Int {
        let bytes = ProcessInfo.processInfo.environment["KEEP_BENCH_DISK_BYTES"].flatMap(Int.init) ?? (4 << 30)
        return max(1 << 20, bytes / 4096 * 4096)
    }

    func run() throws {
        let parent = ProcessInfo.processInfo.environment["KEEP_BENCH_DIR"] ?? FileManager.default.temporaryDirectory.path
        let directory = (parent as NSString).appendingPathComponent("keep-bench-vm-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let size = diskBytes
        var options = VMWorkflow.Options()
        options.threads = ProcessInfo.processInfo.environment["KEEP_BENCH_XTS_THREADS"].flatMap(Int.init) ?? options.threads
        let threads = options.threads
        options.chunkBytes = ProcessInfo.processInfo.environment["KEEP_BENCH_CHUNK_BYTES"].flatMap(Int.init) ?? options.chunkBytes
        print("  image: \(format(Double(size) / 1e9, decimals: 2)) GB in \(parent); \(threads) XTS threads; chunk \(options.chunkBytes >> 10) KiB")

        // The XTS core, in memory, same threads.
        let cipher = try XTSCipher(key: try Self.dek(), sectorSize: 512)
        var buffer = [UInt8](repeating: 0x5a, count: Self.coreBufferBytes)
        try cipher.encryptParallel(&buffer, firstSector: 0, threads: threads)
        let core = try (0..<Self.corePasses).map { _ in
            Double(buffer.count) / 1e9 / (try seconds { try cipher.encryptParallel(&buffer, firstSector: 0, threads: threads) })
        }
        buffer = []

        // The image and its VM.
        let image = (directory as NSString).appendingPathComponent("disk0.raw")
        try Self.writeImage(image, size: size)
        let descriptor = (directory as NSString).appendingPathComponent("vm.json")
        let vm: [String: Any] = ["format": 1, "id": "bench-vm", "name": "bench", "powerState": "poweredOff", "snapshots": [Any](), "keyProvider": "bench",
                                 "disks": [["id": "scsi0:0", "path": "disk0.raw", "sizeBytes": size, "datastore": "bench", "replication": "none"]]]
        try JSONSerialization.data(withJSONObject: vm).write(to: URL(fileURLWithPath: descriptor))
        let providers = (directory as NSString).appendingPathComponent("no-providers.json")
        let service = try InMemoryKeyService()

        // Rounds of: copy, encrypt, copy, decrypt. Copies before and after each rewrite, so a burst of load on
        // this shared machine skews both sides alike; medians over the rounds.
        let copyTarget = (directory as NSString).appendingPathComponent("copy.raw")
        let rewriter = DiskRewriter(chunkBytes: options.chunkBytes, sectorSize: 512)
        let gigabytes = Double(size) / 1e9
        var copyCPU: [Double] = [], encryptCPU: [Double] = []
        func copy() throws -> Double {
            Self.dropCache(image)
            var rate = 0.0
            copyCPU.append(try Self.processCPUSeconds {
                rate = gigabytes / (try seconds {
                    _ = try rewriter.prepare(source: image, destination: copyTarget, size: UInt64(size), start: 0)
                    try rewriter.rewrite(source: image, destination: copyTarget, size: UInt64(size), from: 0, transform: { _, _ in },
                                         checkpoint: { (_: UInt64) throws(VMError) in }, progress: { _ in })
                })
            } / gigabytes)
            try FileManager.default.removeItem(atPath: copyTarget)
            return rate
        }
        var copies: [Double] = [], encrypts: [Double] = [], decrypts: [Double] = []
        for round in 1...Self.rounds {
            copies.append(try copy())
            Self.dropCache(image)
            var encrypted = 0.0
            encryptCPU.append(try Self.processCPUSeconds {
                encrypted = try VMWorkflow(descriptor: descriptor, providers: providers, options: options, keyService: service).encrypt().gigabytesPerSecond
            } / gigabytes)
            encrypts.append(encrypted)
            copies.append(try copy())
            Self.dropCache(image)
            decrypts.append(try VMWorkflow(descriptor: descriptor, providers: providers, options: options, keyService: service).decrypt().gigabytesPerSecond)
            print("  round \(round): copy \(format(copies[copies.count - 2], decimals: 2)), encrypt \(format(encrypts.last!, decimals: 2)), "
                  + "copy \(format(copies.last!, decimals: 2)), decrypt \(format(decrypts.last!, decimals: 2)) GB/s")
        }

        let coreRate = median(core), copyRate = median(copies), encryptRate = median(encrypts), decryptRate = median(decrypts)
        print("  XTS core, \(threads) threads, in memory:    \(format(coreRate, decimals: 2)) GB/s  (median of \(core.count) passes over 256 MiB)")
        print("  copy, no crypto (read, write, fsync):   \(format(copyRate, decimals: 2)) GB/s  (median of \(copies.count))")
        print("  encrypt end to end (workflow):          \(format(encryptRate, decimals: 2)) GB/s  (median of \(encrypts.count))")
        print("  decrypt end to end (workflow):          \(format(decryptRate, decimals: 2)) GB/s  (median of \(decrypts.count))")
        print("  encrypt / copy:                         \(format(encryptRate / copyRate, decimals: 2))  (1.0 = as fast as the disk allows)")
        print("  encrypt / XTS core:                     \(format(encryptRate / coreRate, decimals: 2))")
        print("  CPU (user+system, all threads) per GB:  copy \(format(median(copyCPU), decimals: 2)) s, encrypt \(format(median(encryptCPU), decimals: 2)) s")
    }

    /// CPU seconds (user and system, every thread of the process) spent in `body`.
    static func processCPUSeconds(_ body: () throws -> Void) rethrows -> Double {
        func now() -> Double {
            var usage = rusage()
            getrusage(RUSAGE_SELF.rawValue, &usage)
            return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        }
        let start = now()
        try body()
        return now() - start
    }

    static func dek() throws -> SymmetricKey {
        var key: SymmetricKey
        repeat { key = try SymmetricKey.generate(bitCount: 512) } while key.withUnsafeBytes { Array($0[0..<32]) == Array($0[32..<64]) }
        return key
    }

    /// Writes `size` bytes of random-looking data (a 16 MiB random block, each copy with a different first
    /// word), then fsyncs.
    static func writeImage(_ path: String, size: Int) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]),
              let handle = FileHandle(forWritingAtPath: path) else { throw BenchmarkError("cannot create \(path)") }
        var block = try SecureRandom.publicBytes(count: 16 << 20)
        var written = 0
        var counter: UInt64 = 0
        while written < size {
            counter += 1
            withUnsafeBytes(of: counter) { block.replaceSubrange(0..<8, with: $0) }
            let count = min(block.count, size - written)
            handle.write(Data(block[0..<count]))
            written += count
        }
        try handle.synchronize()
        try handle.close()
    }

    /// The file's clean pages out of the page cache.
    static func dropCache(_ path: String) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return }
        fsync(fd)
        _ = posix_fadvise(fd, 0, 0, Int32(POSIX_FADV_DONTNEED))
        close(fd)
    }
}

/// The benchmark's key service: KEKs in memory, AES key wrap here. Stands in for keepd, whose cost is per VM.
final class InMemoryKeyService: VMKeyService {
    private var keks: [String: SymmetricKey] = [:]

    init() throws {}

    func domainStatus() throws(VMError) -> DomainStatus {
        DomainStatus(domainID: "bench", subscriptionActive: true, keyExportAllowed: true)
    }

    func createKEK(for vm: VMDescriptor, kekVersion: Int) throws(VMError) -> String {
        let id = UUID().uuidString
        do {
            keks[id] = try SymmetricKey.generate(bitCount: 256)
        } catch {
            throw VMError(.keyProvider, "\(error)")
        }
        return id
    }

    func wrap(_ dek: SymmetricKey, under kek: String, at site: WrapSite) throws(VMError) -> [UInt8] {
        do {
            return try AESKeyWrap.wrap(dek.bytes, using: keks[kek]!)
        } catch {
            throw VMError(.keyProvider, "\(error)")
        }
    }

    func unwrap(_ wrapped: [UInt8], under kek: String, at site: WrapSite) throws(VMError) -> SymmetricKey {
        do {
            return SymmetricKey(try AESKeyWrap.unwrap(wrapped, using: keks[kek]!))
        } catch {
            throw VMError(.keyProvider, "\(error)")
        }
    }
}
