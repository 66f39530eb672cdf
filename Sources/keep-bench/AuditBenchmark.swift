import Foundation
import KMIP
import KeepCrypto
import KeepServer
import KeepTLS
import KeyHierarchy

/// What auditing costs (`keep-bench audit`): keepd from this build as a child process, once with its audit log and
/// once with `audit.enabled: false` (no sink at all), the same KMIP load against each, in one run: Get on 1 and 16
/// mutual-TLS connections, Create on 16. Per line, the median of `runs` alternating runs (audited, then not) of
/// `seconds`, each against a fresh keepd, so each audited run's fsyncs are its own: keepd logs its audit
/// statistics when it stops, and fsyncs per operation is syncs / records of that run.
///
/// The server targets (docs/performance.md): Get on 1 connection ≥ 3,000/s, Get on 16 ≥ 20,000/s with p99 < 5 ms,
/// Create on 16 ≥ 5,000/s. `KEEP_BENCH_AUDIT_SECONDS` and `KEEP_BENCH_AUDIT_RUNS` change the shape.
struct AuditBenchmark: Benchmark {
    let name = "audit"
    let summary = "KMIP over mutual TLS with and without the audit log: ops/s, p99, fsyncs per operation (16 connections)"

    static let version = ProtocolVersion.v1_2
    static let getKeys = 200

    enum Load: String, CaseIterable {
        case get1 = "Get, 1 connection"
        case get16 = "Get, 16 connections"
        case create16 = "Create, 16 connections"
        var connections: Int { self == .get1 ? 1 : 16 }
    }

    struct Result {
        var opsPerSecond: Double
        var p99Milliseconds: Double
        var fsyncsPerOperation: Double?
    }

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let seconds = environment["KEEP_BENCH_AUDIT_SECONDS"].flatMap(Double.init) ?? 3
        let runs = environment["KEEP_BENCH_AUDIT_RUNS"].flatMap(Int.init) ?? 3
        print("  keepd from this build, KMIP \(Self.version), \(Self.getKeys) keys for Get; median of \(runs) runs of \(seconds) s per line, audited and not alternating")
        print("    load                     audit      ops/s    p99 ms   fsyncs/op")
        var figures: [Load: (on: Result, off: Result)] = [:]
        for load in Load.allCases {
            var on: [Result] = [], off: [Result] = []
            for _ in 0..<runs {
                on.append(try measure(load, audited: true, seconds: seconds))
                off.append(try measure(load, audited: false, seconds: seconds))
            }
            let medianOn = Result(opsPerSecond: median(on.map(\.opsPerSecond)), p99Milliseconds: median(on.map(\.p99Milliseconds)),
                                  fsyncsPerOperation: median(on.compactMap(\.fsyncsPerOperation)))
            let medianOff = Result(opsPerSecond: median(off.map(\.opsPerSecond)), p99Milliseconds: median(off.map(\.p99Milliseconds)))
            figures[load] = (medianOn, medianOff)
            for (label, result) in [("on", medianOn), ("off", medianOff)] {
                print("    \(pad(load.rawValue, 24, left: true)) \(pad(label, 5, left: true)) \(pad(String(format: "%.0f", result.opsPerSecond), 10))"
                      + " \(pad(String(format: "%.2f", result.p99Milliseconds), 9)) \(pad(result.fsyncsPerOperation.map { String(format: "%.3f", $0) } ?? "-", 11))")
            }
            print("    \(pad(load.rawValue, 24, left: true)) ratio audited / not: \(String(format: "%.2f", medianOn.opsPerSecond / medianOff.opsPerSecond))")
        }
        print("  targets with auditing on:")
        func verdict(_ met: Bool) -> String { met ? "met" : "NOT met" }
        if let get1 = figures[.get1]?.on { print("    Get, 1 connection >= 3,000/s: \(verdict(get1.opsPerSecond >= 3_000)) (\(String(format: "%.0f", get1.opsPerSecond))/s)") }
        if let get16 = figures[.get16]?.on {
            print("    Get, 16 connections >= 20,000/s with p99 < 5 ms: \(verdict(get16.opsPerSecond >= 20_000 && get16.p99Milliseconds < 5))"
                  + " (\(String(format: "%.0f", get16.opsPerSecond))/s, p99 \(String(format: "%.2f", get16.p99Milliseconds)) ms)")
        }
        if let create16 = figures[.create16]?.on {
            print("    Create, 16 connections >= 5,000/s: \(verdict(create16.opsPerSecond >= 5_000)) (\(String(format: "%.0f", create16.opsPerSecond))/s)")
        }
    }

    /// One run: a fresh keepd, warm-up, `seconds` of load, stop; the audit statistics from keepd's log.
    private func measure(_ load: Load, audited: Bool, seconds: Double) throws -> Result {
        let keepd = try BenchKeepd(audited: audited)
        defer { keepd.remove() }
        var uids: [String] = []
        if load != .create16 {
            let connection = try keepd.connect()
            for _ in 0..<Self.getKeys { uids.append(try connection.create()) }
            connection.close()
        }
        let connections = try (0..<load.connections).map { _ in try keepd.connect() }
        let keys = uids
        let request: @Sendable (BenchConnection, Int) throws -> Void
        if load == .create16 {
            request = { connection, _ in _ = try connection.create() }
        } else {
            request = { connection, index in try connection.get(keys[index % keys.count]) }
        }
        _ = try drive(connections, request, seconds: 0.5)   // warm-up
        let (count, latencies) = try drive(connections, request, seconds: seconds)
        for connection in connections { connection.close() }
        let statistics = try keepd.stop()
        let sorted = latencies.sorted()
        let p99 = sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(Double(sorted.count) * 0.99))]
        var fsyncs: Double?
        if audited, let statistics, statistics.records > 0 { fsyncs = Double(statistics.syncs) / Double(statistics.records) }
        return Result(opsPerSecond: Double(count) / seconds, p99Milliseconds: p99 * 1_000, fsyncsPerOperation: fsyncs)
    }

    /// Each connection on a thread of its own, requests back to back until the deadline.
    private func drive(_ connections: [BenchConnection], _ request: @escaping @Sendable (BenchConnection, Int) throws -> Void,
                       seconds: Double) throws -> (Int, [Double]) {
        let deadline = Date().addingTimeInterval(seconds)
        let tally = Tally()
        // A thread per connection, all at once (concurrentPerform would run only as many as there are cores).
        onThreads(connections.count) { index in
            var mine: [Double] = []
            var next = index * 7
            do {
                while Date() < deadline {
                    let start = DispatchTime.now().uptimeNanoseconds
                    try request(connections[index], next)
                    mine.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
                    next += 1
                }
            } catch {
                tally.fail(error)
            }
            tally.add(mine)
        }
        if let failure = tally.failure { throw failure }
        return (tally.latencies.count, tally.latencies)
    }

    /// Latencies from every connection thread.
    private final class Tally: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var latencies: [Double] = []
        private(set) var failure: (any Error)?
        func add(_ values: [Double]) { lock.lock(); latencies += values; lock.unlock() }
        func fail(_ error: any Error) { lock.lock(); failure = error; lock.unlock() }
    }

    private func pad(_ text: String, _ width: Int, left: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - text.count))
        return left ? text + fill : fill + text
    }
}

/// keepd from the same build, on a throwaway installation with one exporting domain and one client.
private final class BenchKeepd {
    let installation: Installation
    let process = Process()
    let port: UInt16
    let context: TLSClientContext
    let logPath: String

    init(audited: Bool) throws {
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("keepd")
        let client: Installation.IssuedClient
        (installation, client) = try BenchInstallation.create(prefix: "keep-bench-audit", audited: audited)
        logPath = installation.path("keepd.log")
        process.executableURL = executable
        process.arguments = ["--config", installation.path(Installation.configurationFile)]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        var found: UInt16?
        let deadline = Date().addingTimeInterval(30)
        while found == nil, Date() < deadline, process.isRunning {
            found = Self.entries(logPath).first { $0["event"] as? String == "listening" }.flatMap { ($0["port"] as? Int).map(UInt16.init) }
            if found == nil { Thread.sleep(forTimeInterval: 0.02) }
        }
        guard let found else { throw BenchmarkError("keepd did not start") }
        port = found
        context = try TLSClientContext(configuration: TLSClientConfiguration(
            certificateChainFile: client.certificatePath, privateKeyFile: client.keyPath,
            trustedCAFiles: [installation.path(Installation.caCertificate)], serverName: "127.0.0.1"))
    }

    func connect() throws -> BenchConnection { try BenchConnection(port: port, context: context) }

    /// SIGTERM; the audit statistics keepd logged as it closed its audit log.
    func stop() throws -> (records: Int, syncs: Int)? {
        process.terminate()
        process.waitUntilExit()
        guard let closed = Self.entries(logPath).first(where: { $0["event"] as? String == "audit log closed" }),
              let records = closed["records"] as? Int, let syncs = closed["syncs"] as? Int else { return nil }
        return (records, syncs)
    }

    func remove() {
        if process.isRunning { process.terminate(); process.waitUntilExit() }
        try? FileManager.default.removeItem(atPath: installation.dataDirectory)
    }

    static func entries(_ path: String) -> [[String: Any]] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any] }
    }
}

/// One mutual-TLS KMIP connection.
private final class BenchConnection: @unchecked Sendable {
    let connection: TLSConnection
    static let timeout = Duration.seconds(30)
    static let template = AttributeSet([Attribute(.cryptographicAlgorithm, .enumeration(CryptographicAlgorithm.aes.rawValue)),
                                        Attribute(.cryptographicLength, .integer(256))])

    init(port: UInt16, context: TLSClientContext) throws {
        let socket = try Socket.connect(host: "127.0.0.1", port: port, deadline: .now + Self.timeout)
        try socket.setNoDelay()
        connection = try TLSConnection(socket: socket, context: context)
        try connection.handshake(deadline: .now + Self.timeout)
    }

    func send(_ item: RequestBatchItem) throws -> ResponseBatchItem {
        try connection.write(RequestMessage(version: AuditBenchmark.version, [item]).encoded(), deadline: .now + Self.timeout)
        let header = try connection.readExactly(8, deadline: .now + Self.timeout)
        let length = header[4..<8].reduce(0) { $0 << 8 | Int($1) }
        let response = try ResponseMessage(from: TTLVDecoder().decodeMessage(header + (try connection.readExactly(length, deadline: .now + Self.timeout))))
        guard let first = response.batchItems.first, first.resultStatus == .success else {
            throw BenchmarkError("request failed: \(response.batchItems.first?.resultMessage ?? "no item")")
        }
        return first
    }

    func create() throws -> String {
        let item = try send(RequestBatchItem(CreateRequest(objectType: .symmetricKey, attributes: Self.template)))
        guard case .typed(let payload)? = item.payload, let uid = (payload as? CreateResponse)?.uniqueIdentifier.text else {
            throw BenchmarkError("no Create payload")
        }
        return uid
    }

    func get(_ uid: String) throws { _ = try send(RequestBatchItem(GetRequest(uniqueIdentifier: .text(uid)))) }

    func close() { try? connection.shutdown() }
}


/// Runs `body(0..<count)` on `count` threads at once and waits for all of them.
func onThreads(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
    let group = DispatchGroup()
    for index in 0..<count {
        group.enter()
        let thread = Thread {
            body(index)
            group.leave()
        }
        thread.start()
    }
    group.wait()
}
