import Foundation
import KMIP

/// KMIP load over mutual TLS (`keep-bench kmip`): keepd as a child process, N persistent connections, Get and Create.
///
/// Targets (2-core machine, client and server together, every Create durable before its response):
/// Get on 1 connection ≥ 3,000/s; Get on 16 connections ≥ 20,000/s with p99 < 5 ms; Create on 16 connections
/// ≥ 5,000/s. Each line is the median of `runs` runs of `seconds` after a warm-up, on connections opened once per
/// line; percentiles are over every request of a run, then the median over the runs. `server µs/op` and `client µs/op`
/// are the CPU time (user + system, every thread) the server process and the load generator spent per operation:
/// steadier than ops/s on a shared machine, and their sum times a target rate is the CPU the two cores must supply.
/// If `pykmip-server` is on PATH the same load goes to it and the ratio is printed.
///
/// `KEEP_BENCH_KMIP_SECONDS`, `KEEP_BENCH_KMIP_RUNS`, `KEEP_BENCH_KMIP_CONNECTIONS` (e.g. `1,16`) and
/// `KEEP_BENCH_KMIP_OPERATIONS` (`get`, `create`, or both) change the shape, for profiling;
/// `KEEP_BENCH_KMIP_PYKMIP=0` leaves PyKMIP out.
struct KMIPBenchmark: Benchmark {
    let name = "kmip"
    let summary = "KMIP over mutual TLS: Get and Create on 1 and 16 connections, ops/s and p50/p99/p99.9; pykmip-server if installed"

    static let version = ProtocolVersion.v1_2 // spoken by keepd and PyKMIP's server alike
    static let getKeys = 500
    static let warmUpSeconds = 1.0

    struct Shape {
        var seconds = 2.0
        var runs = 5
        var connections = [1, 16]
        var operations = ["get", "create"]
        var pykmip = true

        init(environment: [String: String]) {
            if let value = environment["KEEP_BENCH_KMIP_SECONDS"].flatMap(Double.init), value > 0 { seconds = value }
            if let value = environment["KEEP_BENCH_KMIP_RUNS"].flatMap(Int.init), value > 0 { runs = value }
            if let list = environment["KEEP_BENCH_KMIP_CONNECTIONS"] {
                let values = list.split(separator: ",").compactMap { Int($0) }.filter { $0 > 0 }
                if !values.isEmpty { connections = values }
            }
            if let list = environment["KEEP_BENCH_KMIP_OPERATIONS"] {
                let values = list.lowercased().split(separator: ",").map(String.init).filter { ["get", "create"].contains($0) }
                if !values.isEmpty { operations = values }
            }
            if environment["KEEP_BENCH_KMIP_PYKMIP"] == "0" { pykmip = false }
        }
    }

    func run() throws {
        let shape = Shape(environment: ProcessInfo.processInfo.environment)
        print("  KMIP \(Self.version), \(Self.getKeys) keys for Get; per line: \(format(Self.warmUpSeconds)) s warm-up, then the median of "
              + "\(shape.runs) runs of \(format(shape.seconds, decimals: 1)) s")

        let keepd = try KeepdServer()
        let ours: [LoadResult]
        do {
            defer { keepd.stop() }
            print("  fdatasync ms: median of \(Self.syncSamples) appends of 4 KiB, each synced, beside the store just before and after "
                  + "each Create line (a durable Create waits for one; a group of them shares one)")
            ours = try measure(keepd, shape)
        }

        var theirs: [LoadResult]?
        if !shape.pykmip {
            print("  pykmip-server: skipped (KEEP_BENCH_KMIP_PYKMIP=0)")
        } else if let executable = PyKMIPServer.find() {
            let pykmip = try PyKMIPServer(executable: executable)
            defer { pykmip.stop() }
            theirs = try measure(pykmip, shape)
        } else {
            print("  pykmip-server: not found on PATH, not measured (`make venv` installs it in .venv/bin)")
        }

        print("  targets:")
        func verdict(_ met: Bool) -> String { met ? "met" : "NOT met" }
        if let get1 = ours.first(where: { $0.operation == "Get" && $0.connections == 1 }) {
            print("    Get, 1 connection >= 3,000/s: \(verdict(get1.operationsPerSecond >= 3_000)) (\(format(get1.operationsPerSecond))/s)")
        }
        if let get16 = ours.first(where: { $0.operation == "Get" && $0.connections == 16 }) {
            let met = get16.operationsPerSecond >= 20_000 && get16.percentile(99) < 5
            print("    Get, 16 connections >= 20,000/s with p99 < 5 ms: \(verdict(met)) "
                  + "(\(format(get16.operationsPerSecond))/s, p99 \(format(get16.percentile(99), decimals: 2)) ms)")
        }
        if let create16 = ours.first(where: { $0.operation == "Create" && $0.connections == 16 }) {
            print("    Create, 16 connections >= 5,000/s: \(verdict(create16.operationsPerSecond >= 5_000)) (\(format(create16.operationsPerSecond))/s)")
        }
        if let theirs {
            print("  ratio keepd / pykmip-server (ops/s, same load, same run):")
            for (mine, other) in zip(ours, theirs) {
                print("    \(mine.operation), \(mine.connections) connection\(mine.connections == 1 ? "" : "s"): "
                      + "\(format(mine.operationsPerSecond / other.operationsPerSecond, decimals: 1))x")
            }
        }
    }

    /// Every configuration against one server: Get of keys created beforehand, then Create.
    private func measure(_ server: any BenchmarkServer, _ shape: Shape) throws -> [LoadResult] {
        let endpoint = server.endpoint
        let probe = try LoadConnection(endpoint)
        let protocolDescription = probe.protocolDescription
        probe.close()
        print("  \(endpoint.name) on 127.0.0.1:\(endpoint.port), \(protocolDescription): \(server.detail)")
        let uids = try KMIPLoad.createKeys(endpoint, count: Self.getKeys, connections: 8, version: Self.version)
        let operations = shape.operations.map { name in
            name == "get" ? LoadOperation.get(uids, version: Self.version) : LoadOperation.createAES256(version: Self.version)
        }
        print("    operation  connections      ops/s     p50 ms     p99 ms   p99.9 ms   requests   server µs/op   client µs/op"
              + "   fdatasync ms before/after")
        var results: [LoadResult] = []
        for operation in operations {
            for connections in shape.connections {
                // Create waits for the disk: its figures mean little without the disk's latency around them.
                let before = operation.name == "Create" ? try Self.syncLatency(in: server.directory.path).median : nil
                let result = try KMIPLoad.measure(endpoint, operation, connections: connections, warmUp: Self.warmUpSeconds,
                                                  runs: shape.runs, seconds: shape.seconds)
                let after = operation.name == "Create" ? try Self.syncLatency(in: server.directory.path).median : nil
                results.append(result)
                let sync = before.map { "   " + pad(format($0, decimals: 2), 9) + " / " + format(after ?? .nan, decimals: 2) } ?? ""
                print("    " + [pad(result.operation, 9, left: true), pad(String(connections), 12), pad(format(result.operationsPerSecond), 10),
                             pad(format(result.percentile(50), decimals: 3), 10), pad(format(result.percentile(99), decimals: 3), 10),
                             pad(format(result.percentile(99.9), decimals: 3), 10), pad(String(result.totalOperations), 10),
                             pad(format(result.serverMicrosecondsPerOperation), 14), pad(format(result.clientMicrosecondsPerOperation), 14)].joined(separator: " ")
                      + sync)
            }
        }
        return results
    }

    static let syncSamples = 32

    /// What one durable commit waits for on this disk, measured beside the store: Create's figures depend on it
    /// more than on anything in keepd, and on a shared machine it changes from minute to minute.
    static func syncLatency(in directory: String) throws -> (median: Double, p90: Double) {
        let path = directory + "/sync-probe"
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        guard fd >= 0 else { throw BenchmarkError("cannot create \(path)") }
        defer {
            close(fd)
            unlink(path)
        }
        let block = [UInt8](repeating: 0x5a, count: 4096)
        var samples: [Double] = []
        for _ in 0..<syncSamples {
            let elapsed = try seconds {
                guard block.withUnsafeBytes({ write(fd, $0.baseAddress, $0.count) }) == block.count, fdatasync(fd) == 0 else {
                    throw BenchmarkError("write or fdatasync failed on \(path)")
                }
            }
            samples.append(elapsed * 1000)
        }
        samples.sort()
        return (median(samples), samples[samples.count * 9 / 10])
    }

    private func pad(_ text: String, _ width: Int, left: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - text.count))
        return left ? text + fill : fill + text
    }
}
