import Dispatch
import Foundation
import KMIP
import KeepTLS

/// The load generator of `keep-bench kmip`: N persistent mutual-TLS connections to a KMIP server, one thread each,
/// every thread sending one request, waiting for its response, and sending the next, for a fixed time. It records
/// every request's latency (write of the request to the last byte of the response) and checks every response's
/// Result Status, so a server that answers quickly with errors cannot look fast.
///
/// It is written to cost the server as little of the shared machine as it can: requests are encoded once before the
/// clock starts, responses are read in large chunks and only their TTLV tree is decoded (not the typed message).

/// A KMIP server the load is sent to.
struct KMIPEndpoint {
    let name: String
    let port: UInt16
    let context: TLSClientContext
    /// The server's process, whose CPU time each run reads from /proc.
    let pid: Int32
}

/// CPU seconds (user + system, all threads) a process has used so far, from /proc/PID/stat; nil if unreadable.
func processCPUSeconds(_ pid: Int32) -> Double? {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
          let close = stat.lastIndex(of: ")") else { return nil }
    // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
    let fields = stat[stat.index(after: close)...].split(separator: " ")
    guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
    return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
}

/// CPU seconds this process (the load generator, every thread) has used so far.
func ownCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// One persistent mutual-TLS connection, used by one thread at a time.
final class LoadConnection: @unchecked Sendable {
    private let tls: TLSConnection
    /// Bytes received and not yet returned as a message.
    private var received: [UInt8] = []

    static let timeout = Duration.seconds(20)
    static let readChunkBytes = 16 * 1024
    static let headerBytes = 8

    init(_ endpoint: KMIPEndpoint) throws {
        let socket = try Socket.connect(host: "127.0.0.1", port: endpoint.port, deadline: .now + Self.timeout)
        try socket.setNoDelay()
        tls = try TLSConnection(socket: socket, context: endpoint.context)
        try tls.handshake(deadline: .now + Self.timeout)
        received.reserveCapacity(Self.readChunkBytes * 2)
    }

    var protocolDescription: String { "\(tls.protocolVersion?.description ?? "?") \(tls.cipherSuite ?? "?")" }

    /// Sends one request and returns the bytes of the response message.
    func roundTrip(_ request: [UInt8]) throws -> [UInt8] {
        try tls.write(request, deadline: .now + Self.timeout)
        let deadline = ContinuousClock.now + Self.timeout
        while true {
            if received.count >= Self.headerBytes {
                let total = Self.headerBytes + received[4..<8].reduce(0) { $0 << 8 | Int($1) }
                if received.count >= total {
                    let message = Array(received[0..<total])
                    received.removeFirst(total)
                    return message
                }
            }
            guard try tls.read(into: &received, max: Self.readChunkBytes, deadline: deadline) > 0 else {
                throw BenchmarkError("the server closed the connection")
            }
        }
    }

    func close() { try? tls.shutdown() }
}

/// The requests of one operation, and how to tell its response succeeded.
struct LoadOperation: Sendable {
    let name: String
    /// Requests, encoded in advance; connection c sends them in turn, starting at an offset of its own.
    let requests: [[UInt8]]

    /// Get of each of `uids` (as Raw key bytes: the domain allows export).
    static func get(_ uids: [String], version: ProtocolVersion) -> LoadOperation {
        LoadOperation(name: "Get", requests: uids.map {
            RequestMessage(version: version, [RequestBatchItem(GetRequest(uniqueIdentifier: .text($0)))]).encoded()
        })
    }

    /// Create of an AES-256 key for encryption and decryption, as a hypervisor makes a KEK.
    static func createAES256(version: ProtocolVersion) -> LoadOperation {
        let usage = CryptographicUsageMask.encrypt.rawValue | CryptographicUsageMask.decrypt.rawValue
        let template = AttributeSet([Attribute(.cryptographicAlgorithm, .enumeration(CryptographicAlgorithm.aes.rawValue)),
                                     Attribute(.cryptographicLength, .integer(256)),
                                     Attribute(.cryptographicUsageMask, .integer(usage))])
        return LoadOperation(name: "Create", requests: [
            RequestMessage(version: version, [RequestBatchItem(CreateRequest(objectType: .symmetricKey, attributes: template))]).encoded(),
        ])
    }

    /// The Unique Identifier in a successful response; throws if its (only) batch item did not succeed.
    static func check(_ response: [UInt8]) throws -> String {
        let root = try TTLVDecoder().decodeMessage(response)
        guard let item = root[.batchItem], case .enumeration(let status)? = item[.resultStatus]?.value else {
            throw BenchmarkError("a response without a batch item or Result Status")
        }
        guard status == ResultStatus.success.rawValue else {
            var message = ""
            if case .textString(let text)? = item[.resultMessage]?.value { message = text }
            throw BenchmarkError("a request failed (Result Status \(status)): \(message)")
        }
        guard case .textString(let uid)? = item[.responsePayload]?[.uniqueIdentifier]?.value else {
            throw BenchmarkError("a successful response without a Unique Identifier")
        }
        return uid
    }
}

/// One thread's result: written by that thread, read by the caller after the join (DispatchGroup.wait orders them).
private final class ResultSlot<T>: @unchecked Sendable {
    var result: Result<T, any Error>?
}

/// What one run of one configuration measured.
struct LoadRun {
    let operations: Int
    let seconds: Double
    /// Nanoseconds, sorted.
    let latencies: [Int64]
    /// CPU time the server and the load generator used during the run: on a shared machine, what an operation
    /// costs is steadier than how many fit in a second.
    let serverCPUSeconds: Double
    let clientCPUSeconds: Double

    var operationsPerSecond: Double { Double(operations) / seconds }
    var serverMicrosecondsPerOperation: Double { serverCPUSeconds / Double(max(operations, 1)) * 1e6 }
    var clientMicrosecondsPerOperation: Double { clientCPUSeconds / Double(max(operations, 1)) * 1e6 }

    /// Nearest-rank percentile, in milliseconds.
    func percentile(_ p: Double) -> Double {
        guard !latencies.isEmpty else { return .nan }
        let rank = Int((p / 100 * Double(latencies.count)).rounded(.up))
        return Double(latencies[min(max(rank, 1), latencies.count) - 1]) / 1e6
    }
}

/// Medians over the runs of one configuration.
struct LoadResult {
    let operation: String
    let connections: Int
    let runs: [LoadRun]

    var operationsPerSecond: Double { median(runs.map(\.operationsPerSecond)) }
    func percentile(_ p: Double) -> Double { median(runs.map { $0.percentile(p) }) }
    var serverMicrosecondsPerOperation: Double { median(runs.map(\.serverMicrosecondsPerOperation)) }
    var clientMicrosecondsPerOperation: Double { median(runs.map(\.clientMicrosecondsPerOperation)) }
    var totalOperations: Int { runs.reduce(0) { $0 + $1.operations } }
}

enum KMIPLoad {
    /// Opens `connections` connections, warms them up, then runs `operation` `runs` times for `seconds` each.
    static func measure(_ endpoint: KMIPEndpoint, _ operation: LoadOperation, connections: Int, warmUp: Double,
                        runs: Int, seconds: Double) throws -> LoadResult {
        let open = try (0..<connections).map { _ in try LoadConnection(endpoint) }
        defer { open.forEach { $0.close() } }
        _ = try run(operation, on: open, seconds: warmUp, serverPID: endpoint.pid)
        let measured = try (0..<runs).map { _ in try run(operation, on: open, seconds: seconds, serverPID: endpoint.pid) }
        return LoadResult(operation: operation.name, connections: connections, runs: measured)
    }

    /// One run: every connection's thread sends requests back to back until the deadline. A request still under way
    /// at the deadline is neither counted nor timed.
    static func run(_ operation: LoadOperation, on connections: [LoadConnection], seconds: Double, serverPID: Int32) throws -> LoadRun {
        let serverCPUBefore = processCPUSeconds(serverPID) ?? .nan
        let clientCPUBefore = ownCPUSeconds()
        let start = ContinuousClock.now
        let deadline = start + .nanoseconds(Int64(seconds * 1e9))
        let perThread = try parallel(connections.count) { index -> [Int64] in
            let connection = connections[index]
            let requests = operation.requests
            var next = (index * 7_919) % requests.count
            var latencies: [Int64] = []
            latencies.reserveCapacity(Int(seconds * 4_000))
            while true {
                let sent = ContinuousClock.now
                let response = try connection.roundTrip(requests[next])
                let done = ContinuousClock.now
                _ = try LoadOperation.check(response)
                guard done <= deadline else { break }
                let elapsed = (done - sent).components
                latencies.append(elapsed.seconds * 1_000_000_000 + elapsed.attoseconds / 1_000_000_000)
                next = (next + 1) % requests.count
            }
            return latencies
        }
        let serverCPU = (processCPUSeconds(serverPID) ?? .nan) - serverCPUBefore
        let clientCPU = ownCPUSeconds() - clientCPUBefore
        let all = perThread.flatMap { $0 }.sorted()
        return LoadRun(operations: all.count, seconds: seconds, latencies: all, serverCPUSeconds: serverCPU, clientCPUSeconds: clientCPU)
    }

    /// Runs `body(0..<count)` on `count` threads of their own and returns the results in order; the first error
    /// thrown by any of them is rethrown once all have finished.
    static func parallel<T>(_ count: Int, _ body: @escaping @Sendable (Int) throws -> T) throws -> [T] {
        let slots = (0..<count).map { _ in ResultSlot<T>() }
        let group = DispatchGroup()
        for index in 0..<count {
            group.enter()
            let slot = slots[index]
            let thread = Thread {
                slot.result = Result { try body(index) }
                group.leave()
            }
            thread.name = "keep-bench-load-\(index)"
            thread.start()
        }
        group.wait()
        return try slots.map { try $0.result!.get() }
    }

    /// Creates `count` AES-256 keys over `connections` connections (the keys Get reads) and returns their ids.
    static func createKeys(_ endpoint: KMIPEndpoint, count: Int, connections: Int, version: ProtocolVersion) throws -> [String] {
        let request = LoadOperation.createAES256(version: version).requests[0]
        let open = try (0..<connections).map { _ in try LoadConnection(endpoint) }
        defer { open.forEach { $0.close() } }
        return try parallel(connections) { index in
            try (0..<(count / connections + (index < count % connections ? 1 : 0))).map { _ in
                try LoadOperation.check(try open[index].roundTrip(request))
            }
        }.flatMap { $0 }
    }
}
