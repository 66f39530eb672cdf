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
/// If `pykmip-server` is on PATH the same load goes to it and the ratio is printed; both servers run from the start and
/// every configuration is measured against one and then the other, so a ratio compares figures taken a few seconds
/// apart rather than a minute apart on a machine whose load and disk keep changing.
///
/// `KEEP_BENCH_KMIP_SECONDS`, `KEEP_BENCH_KMIP_RUNS`, `KEEP_BENCH_KMIP_CONNECTIONS` (e.g. `1,16`) and
/// `KEEP_BENCH_KMIP_OPERATIONS` (`get`, `create`, or both) change the shape, for profiling;
/// `KEEP_BENCH_KMIP_PYKMIP=0` leaves PyKMIP out. `KEEP_BENCH_KEEPD_BASELINE=PATH` also measures another build's keepd
/// (say, main's before a change), configuration by configuration back to back with this one, and prints the ratio.
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

    /// One line of a table: a configuration's result against one server, with the disk's latency around it.
    private struct Line {
        let result: LoadResult
        let syncBefore: Double?
        let syncAfter: Double?
    }

    /// A server under load, and the keys Get reads on it.
    private struct Target {
        let server: any BenchmarkServer
        let operations: [LoadOperation]
        let header: String
    }

    func run() throws {
        let shape = Shape(environment: ProcessInfo.processInfo.environment)
        print("  KMIP \(Self.version), \(Self.getKeys) keys for Get; per line: \(format(Self.warmUpSeconds)) s warm-up, then the median of "
              + "\(shape.runs) runs of \(format(shape.seconds, decimals: 1)) s; each configuration runs against every server back to back")
        print("  fdatasync ms: median of \(Self.syncSamples) appends of 4 KiB, each synced, beside the store just before and after "
              + "each Create line (a durable Create waits for one; a group of them shares one)")

        var servers: [any BenchmarkServer] = [try KeepdServer()]
        defer { servers.forEach { $0.stop() } }
        if let baseline = ProcessInfo.processInfo.environment["KEEP_BENCH_KEEPD_BASELINE"] {
            servers.append(try KeepdServer(executable: baseline, name: "keepd-baseline"))
        }
        if !shape.pykmip {
            print("  pykmip-server: skipped (KEEP_BENCH_KMIP_PYKMIP=0)")
        } else if let executable = PyKMIPServer.find() {
            servers.append(try PyKMIPServer(executable: executable))
        } else {
            print("  pykmip-server: not found on PATH, not measured (`make venv` installs it in .venv/bin)")
        }
        let targets = try servers.map { try prepare($0, shape) }

        // Configuration by configuration, each server in turn: a shared machine's load and disk change from minute
        // to minute, and a ratio is only fair between figures taken under the same conditions.
        var lines = [[Line]](repeating: [], count: targets.count)
        for (index, name) in shape.operations.enumerated() {
            for connections in shape.connections {
                for (t, target) in targets.enumerated() {
                    lines[t].append(try measure(target, target.operations[index], connections: connections, shape, isCreate: name == "create"))
                }
            }
        }
        for (target, lines) in zip(targets, lines) {
            print(target.header)
            print("    operation  connections      ops/s     p50 ms     p99 ms   p99.9 ms   requests   server µs/op   client µs/op"
                  + "   fdatasync ms before/after")
            for line in lines { print(Self.row(line)) }
        }

        let ours = lines[0].map(\.result)
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
        for (target, theirs) in zip(targets, lines).dropFirst() {
            print("  ratio keepd / \(target.server.endpoint.name) (ops/s, same load, measured back to back):")
            for (mine, other) in zip(ours, theirs.map(\.result)) {
                print("    \(mine.operation), \(mine.connections) connection\(mine.connections == 1 ? "" : "s"): "
                      + "\(format(mine.operationsPerSecond / other.operationsPerSecond, decimals: 2))x")
            }
        }
    }

    /// Creates the keys Get reads on `server`, and says what the server is.
    private func prepare(_ server: any BenchmarkServer, _ shape: Shape) throws -> Target {
        let endpoint = server.endpoint
        let probe = try LoadConnection(endpoint)
        let header = "  \(endpoint.name) on 127.0.0.1:\(endpoint.port), \(probe.protocolDescription): \(server.detail)"
        probe.close()
        let uids = try KMIPLoad.createKeys(endpoint, count: Self.getKeys, connections: 8, version: Self.version)
        let operations = shape.operations.map { name in
            name == "get" ? LoadOperation.get(uids, version: Self.version) : LoadOperation.createAES256(version: Self.version)
        }
        return Target(server: server, operations: operations, header: header)
    }

    /// One configuration against one server; Create with the disk's latency measured around it.
    private func measure(_ target: Target, _ operation: LoadOperation, connections: Int, _ shape: Shape, isCreate: Bool) throws -> Line {
        let directory = target.server.directory.path
        let before = isCreate ? try Self.syncLatency(in: directory).median : nil
        let result = try KMIPLoad.measure(target.server.endpoint, operation, connections: connections, warmUp: Self.warmUpSeconds,
                                          runs: shape.runs, seconds: shape.seconds)
        let after = isCreate ? try Self.syncLatency(in: directory).median : nil
        return Line(result: result, syncBefore: before, syncAfter: after)
    }

    private static func row(_ line: Line) -> String {
        let result = line.result
        let sync = line.syncBefore.map { "   " + pad(format($0, decimals: 2), 9) + " / " + format(line.syncAfter ?? .nan, decimals: 2) } ?? ""
        return "    " + [pad(result.operation, 9, left: true), pad(String(result.connections), 12), pad(format(result.operationsPerSecond), 10),
                         pad(format(result.percentile(50), decimals: 3), 10), pad(format(result.percentile(99), decimals: 3), 10),
                         pad(format(result.percentile(99.9), decimals: 3), 10), pad(String(result.totalOperations), 10),
                         pad(format(result.serverMicrosecondsPerOperation), 14), pad(format(result.clientMicrosecondsPerOperation), 14)]
            .joined(separator: " ") + sync
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

    private static func pad(_ text: String, _ width: Int, left: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - text.count))
        return left ? text + fill : fill + text
    }
}
