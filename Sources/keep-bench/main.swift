// keep-bench: runs Keep's benchmarks. `keep-bench` runs all of them; `keep-bench NAME...` runs the named ones.
// Each benchmark lives in a file of its own and is registered in `benchmarks` below.
import Foundation

let benchmarks: [any Benchmark] = [
    XTSBenchmark(),
    StoreBenchmark(),
    AuditBenchmark(),
    ServiceBenchmark(),
    TLSEchoBenchmark(),
    VMDiskBenchmark(),
    KMIPBenchmark(),
]

let requested = Array(CommandLine.arguments.dropFirst())
// The store benchmark's fresh-process probe (not a benchmark of its own): keep-bench store-open DIR COUNT.
if requested.count == 3, requested[0] == "store-open", let count = Int(requested[2]) {
    do {
        try StoreOpenProbe.run(directory: requested[1], count: count)
        exit(0)
    } catch {
        FileHandle.standardError.write(Data("keep-bench store-open: \(error)\n".utf8))
        exit(1)
    }
}
// The echo server of `keep-bench tls` (not a benchmark of its own): keep-bench tls-echo DATADIR RESPONSE.
if requested.count == 3, requested[0] == TLSEchoServer.command {
    do {
        try TLSEchoServer.run(dataDirectory: requested[1], responseFile: requested[2])
    } catch {
        FileHandle.standardError.write(Data("keep-bench tls-echo: \(error)\n".utf8))
        exit(1)
    }
}
if requested.contains(where: { $0 == "-h" || $0 == "--help" }) {
    print("usage: keep-bench [NAME...]   (no NAME: run all)")
    for benchmark in benchmarks { print("  \(benchmark.name)\t\(benchmark.summary)") }
    exit(0)
}

var selected: [any Benchmark] = []
for name in requested {
    guard let benchmark = benchmarks.first(where: { $0.name == name }) else {
        FileHandle.standardError.write(Data("keep-bench: no benchmark named '\(name)'; try --help\n".utf8))
        exit(2)
    }
    selected.append(benchmark)
}

do {
    for benchmark in selected.isEmpty ? benchmarks : selected {
        print("== \(benchmark.name): \(benchmark.summary)")
        try benchmark.run()
    }
} catch {
    FileHandle.standardError.write(Data("keep-bench: \(error)\n".utf8))
    exit(1)
}
