import Foundation
import KeepCrypto
import KeepHSM
import KeepStore
import KeyHierarchy

/// The object store at scale: loads `KEEP_BENCH_OBJECTS` KEKs (default 1,000,000) into one tenant domain through
/// KeyHierarchy (each generated, wrapped under the domain's DK with its context, named and given an `x-` custom
/// attribute, as a hypervisor's Create + Add Attribute leaves it), then reports:
///
/// - the durable create rate one at a time (one transaction and fsync per key, as a Create request pays) and in
///   bulk (1,000 keys per transaction);
/// - the store's file size;
/// - the resident memory of a fresh process that opens the installation (it must not load objects), and the
///   median and p99 time of a lookup by id, by name and by custom attribute in that process.
///
/// The fresh process is this program again (`keep-bench store-open DIR COUNT`), so the parent's caches and heap
/// do not flatter the figures. The installation goes in a temporary directory, removed afterwards.
struct StoreBenchmark: Benchmark {
    let name = "store"
    let summary = "1M KEKs: insert rate, file size, RSS at open, lookup by id / name / custom attribute"

    static let domain = "bench"
    static let batchSize = 1_000
    static let singleCreates = 500
    static let pin = "keep-bench partition pin"

    var objectCount: Int { ProcessInfo.processInfo.environment["KEEP_BENCH_OBJECTS"].flatMap(Int.init) ?? 1_000_000 }

    func run() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("keep-bench-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try load(into: directory)
        // The partition is locked to one process at a time: load(into:) has closed it before the probe opens it.
        let report = try runProgram([URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path, "store-open", directory.path, String(objectCount)],
                                    environment: ["KEEP_BENCH_PIN": Self.pin])
        print(report, terminator: "")
    }

    private func load(into directory: URL) throws {
        let hsm = try EmbeddedHSM.initialize(path: directory.appendingPathComponent("partition").path,
                                             pin: .value(SecureBytes(Array(Self.pin.utf8))), parameters: .interactive)
        let store = try SQLiteObjectStore(path: directory.appendingPathComponent("keep.db").path)
        let hierarchy = KeyHierarchy(hsm: hsm, store: store)
        try hierarchy.createDomain(id: Self.domain)

        let single = try seconds {
            for i in 0..<Self.singleCreates { _ = try hierarchy.createSymmetricKey(in: Self.domain, template: Self.attributes(i)) }
        }
        print("  create, one durable transaction each: \(format(Double(Self.singleCreates) / single)) keys/s (\(Self.singleCreates) keys)")

        let total = objectCount
        var loaded = Self.singleCreates
        var batchSeconds = 0.0
        var lastReport = Date()
        while loaded < total {
            let count = min(Self.batchSize, total - loaded)
            let first = loaded
            batchSeconds += try seconds {
                _ = try hierarchy.createSymmetricKeys(count: count, in: Self.domain) { Self.attributes(first + $0) }
            }
            loaded += count
            if Date().timeIntervalSince(lastReport) > 30 {
                print("  … \(loaded) keys")
                lastReport = Date()
            }
        }
        let bulk = Double(total - Self.singleCreates)
        print("  create, \(Self.batchSize) keys per transaction: \(format(bulk / batchSeconds)) keys/s (\(total) keys in \(format(batchSeconds, decimals: 1)) s)")

        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasPrefix("keep.db") }
        let bytes = try files.reduce(0) { sum, file in
            sum + ((try FileManager.default.attributesOfItem(atPath: directory.appendingPathComponent(file).path)[.size] as? Int) ?? 0)
        }
        print("  store size: \(format(Double(bytes) / 1e6)) MB (\(bytes / total) bytes per key, WAL included)")
    }

    /// What a vSphere-style KEK carries: a name and an `x-` attribute naming its VM.
    static func attributes(_ i: Int) -> ObjectAttributes {
        var attributes = ObjectAttributes(objectType: .symmetricKey)
        attributes.names = [.init("vm-\(i)")]
        attributes.custom = [.init(name: "x-vm-uuid", value: .textString(vmUUID(i)))]
        return attributes
    }

    static func vmUUID(_ i: Int) -> String { "4213a0c2-\(String(format: "%012x", i))" }
}

/// The second half of the store benchmark, in a fresh process: open the installation, report RSS, time lookups.
struct StoreOpenProbe {
    static let lookups = 2_000

    static func run(directory: String, count: Int) throws {
        let before = residentBytes()
        let hsm = try EmbeddedHSM(path: directory + "/partition", pin: .environment("KEEP_BENCH_PIN"))
        let store = try SQLiteObjectStore(path: directory + "/keep.db")
        let hierarchy = KeyHierarchy(hsm: hsm, store: store)
        _ = try hierarchy.domain(id: StoreBenchmark.domain)
        let after = residentBytes()
        print("  RSS of a fresh process: \(after / 1_000_000) MB after opening the store (\(before / 1_000_000) MB before)")

        var generator = SystemRandomNumberGenerator()
        let picks = (0..<lookups).map { _ in Int.random(in: 0..<count, using: &generator) }
        // Ids are random UUIDs: find the ones to look up by name first (untimed).
        let uids = try picks.map { i in
            try hierarchy.locate(ObjectQuery(domainID: StoreBenchmark.domain, name: "vm-\(i)"))[0]
        }
        func timed(_ label: String, _ body: (Int) throws -> Void) rethrows {
            var samples: [Double] = []
            samples.reserveCapacity(lookups)
            for n in 0..<lookups { samples.append(try seconds { try body(n) }) }
            let sorted = samples.sorted()
            print("  \(label): median \(format(median(samples) * 1e6)) µs, p99 \(format(sorted[sorted.count * 99 / 100] * 1e6)) µs")
        }
        try timed("lookup by id (object with attributes)") { n in _ = try hierarchy.object(uids[n], in: StoreBenchmark.domain) }
        try timed("lookup by id and unwrap key material") { n in _ = try hierarchy.keyMaterial(of: uids[n], in: StoreBenchmark.domain) }
        try timed("locate by name") { n in
            let found = try hierarchy.locate(ObjectQuery(domainID: StoreBenchmark.domain, name: "vm-\(picks[n])"))
            guard found == [uids[n]] else { throw BenchmarkError("locate by name found \(found.count) objects") }
        }
        try timed("locate by custom attribute x-vm-uuid") { n in
            let attribute = CustomAttribute(name: "x-vm-uuid", value: StoreBenchmark.vmUUID(picks[n]))
            let found = try hierarchy.locate(ObjectQuery(domainID: StoreBenchmark.domain, customAttribute: attribute))
            guard found == [uids[n]] else { throw BenchmarkError("locate by custom attribute found \(found.count) objects") }
        }
    }

    /// VmRSS of this process, in bytes.
    static func residentBytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
              let kilobytes = Int(line.split(separator: " ")[1]) else { return 0 }
        return kilobytes * 1024
    }
}
