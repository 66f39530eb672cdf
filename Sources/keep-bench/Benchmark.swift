import Foundation

/// One benchmark: a name for the command line, a one-line summary, and a run that prints its own figures.
protocol Benchmark {
    var name: String { get }
    var summary: String { get }
    func run() throws
}

/// Wall-clock seconds taken by `body`.
func seconds(_ body: () throws -> Void) rethrows -> Double {
    let clock = ContinuousClock()
    let elapsed = try clock.measure(body)
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
}

/// CPU seconds the calling thread spent in `body`. `openssl speed` divides by user CPU time unless given
/// `-elapsed`, so on a shared machine this is the figure to set beside it: time other processes take from us counts
/// in neither.
func threadCPUSeconds(_ body: () throws -> Void) rethrows -> Double {
    func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
    let start = now()
    try body()
    return now() - start
}

func median(_ values: [Double]) -> Double {
    precondition(!values.isEmpty, "median of nothing")
    let sorted = values.sorted()
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

/// Megabytes (10^6 bytes, as `openssl speed` counts) per second.
func megabytesPerSecond(bytes: Int, seconds: Double) -> Double { Double(bytes) / 1e6 / seconds }

func format(_ value: Double, decimals: Int = 0) -> String { String(format: "%.\(decimals)f", value) }

/// Runs a program (found on PATH unless given as a path) with `environment` added to ours and returns its
/// standard output; standard error is discarded.
func runProgram(_ arguments: [String], environment: [String: String] = [:]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        throw BenchmarkError("\(arguments.joined(separator: " ")) exited with status \(process.terminationStatus)")
    }
    return String(decoding: data, as: UTF8.self)
}

struct BenchmarkError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
