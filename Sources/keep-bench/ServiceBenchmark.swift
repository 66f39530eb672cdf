import Foundation
import KMIP
import KeepCrypto
import KeepAudit
import KeepServer
import KeyHierarchy

/// The KMIP request path without the network (`keep-bench service`): keepd's own `Daemon` in this process, on a
/// throwaway installation, and its `KMIPService.handle` called directly with encoded requests, as a connection
/// thread calls it: decode, caller's domain and role, store lookup, unwrap in the HSM, encode, and (audited) the
/// record made durable before the call returns. On one thread, measured in thread CPU time per request: what one
/// request costs a core, apart from TLS, sockets and threads. On 16 threads at once, process CPU time per request
/// and requests per second: what sharing the store, the HSM and the audit log's fsyncs adds. Set beside
/// `keep-bench kmip`'s server µs/op and `keep-bench tls`'s echo server, it says where keepd's time goes.
struct ServiceBenchmark: Benchmark {
    let name = "service"
    let summary = "KMIPService.handle in process, one thread: CPU µs per Get and Create, audited and not"

    static let keys = 200
    static let requests = 20_000

    /// `KEEP_BENCH_SERVICE_THREADS` (e.g. `1`), `KEEP_BENCH_SERVICE_OPERATIONS` (`get`, `create`) and
    /// `KEEP_BENCH_SERVICE_AUDIT` (`on`, `off`) keep only some lines, for profiling one of them.
    struct Shape {
        var threads = [1, 16]
        var operations = ["Get", "Create"]
        var audit = [false, true]

        init(environment: [String: String]) {
            if let list = environment["KEEP_BENCH_SERVICE_THREADS"] {
                let values = list.split(separator: ",").compactMap { Int($0) }.filter { $0 > 0 }
                if !values.isEmpty { threads = values }
            }
            if let list = environment["KEEP_BENCH_SERVICE_OPERATIONS"]?.lowercased() {
                let values = operations.filter { list.split(separator: ",").contains(Substring($0.lowercased())) }
                if !values.isEmpty { operations = values }
            }
            switch environment["KEEP_BENCH_SERVICE_AUDIT"] {
            case "on": audit = [true]
            case "off": audit = [false]
            default: break
            }
        }
    }

    func run() throws {
        let shape = Shape(environment: ProcessInfo.processInfo.environment)
        print("  keepd's Daemon in process; \(Self.requests) requests per line, median of 5 runs; CPU µs per request (1 thread: its CPU time;"
              + " 16 threads: the process's), wall µs per request")
        print("    operation  audit   threads    CPU µs    wall µs    requests/s   fsyncs/request")
        for audited in shape.audit {
            let fixture = try Fixture(audited: audited)
            defer { fixture.remove() }
            let uids = try (0..<Self.keys).map { _ in try fixture.create() }
            let gets = uids.map { RequestMessage(version: .v1_2, [RequestBatchItem(GetRequest(uniqueIdentifier: .text($0)))]).encoded() }
            for (operation, requests, count) in [("Get", gets, Self.requests), ("Create", [fixture.createRequest], Self.requests / 4)]
            where shape.operations.contains(operation) {
                for threads in shape.threads {
                    var cpu: [Double] = [], wall: [Double] = []
                    let before = fixture.daemon.audit?.statistics
                    for _ in 0..<5 {
                        let (used, elapsed) = Self.drive(fixture, requests, count: count, threads: threads)
                        cpu.append(used / Double(count) * 1e6)
                        wall.append(elapsed / Double(count) * 1e6)
                    }
                    print("    \(operation.padding(toLength: 9, withPad: " ", startingAt: 0))  \(audited ? "on " : "off")  "
                          + "\(String(threads).leftPadded(8))   \(format(median(cpu), decimals: 1).leftPadded(7))    \(format(median(wall), decimals: 1).leftPadded(7))"
                          + "    \(format(1e6 / median(wall)).leftPadded(10))   \(Self.syncsPerRecord(before, fixture.daemon.audit?.statistics))")
                }
            }
        }
    }

    /// The audit log's fsyncs per record between two readings of its statistics ("-" without the log).
    private static func syncsPerRecord(_ before: AuditLog.Statistics?, _ after: AuditLog.Statistics?) -> String {
        guard let before, let after, after.records > before.records else { return "             -" }
        return format(Double(after.syncs - before.syncs) / Double(after.records - before.records), decimals: 3).leftPadded(14)
    }

    /// `count` requests in all, on `threads` threads at once: CPU seconds (the thread's, or the process's with more
    /// than one) and wall seconds.
    private static func drive(_ fixture: Fixture, _ requests: [[UInt8]], count: Int, threads: Int) -> (cpu: Double, wall: Double) {
        let service = fixture.daemon.service, caller = fixture.caller
        if threads == 1 {
            var elapsed = 0.0
            let used = threadCPUSeconds {
                elapsed = seconds { for index in 0..<count { _ = service.handle(requests[index % requests.count], caller: caller) } }
            }
            return (used, elapsed)
        }
        let before = ownCPUSeconds()
        let elapsed = seconds {
            let group = DispatchGroup()
            for thread in 0..<threads {
                group.enter()
                let worker = Thread {
                    for index in stride(from: thread, to: count, by: threads) { _ = service.handle(requests[index % requests.count], caller: caller) }
                    group.leave()
                }
                worker.stackSize = 512 * 1024
                worker.start()
            }
            group.wait()
        }
        return (ownCPUSeconds() - before, elapsed)
    }

    /// A throwaway installation (`BenchInstallation`), keepd's Daemon on it (listening on a free port, never
    /// accepting), and the identity of its hypervisor client.
    private final class Fixture {
        let installation: Installation
        let daemon: Daemon
        let caller: CallerIdentity
        let createRequest: [UInt8]

        init(audited: Bool) throws {
            let client: Installation.IssuedClient
            (installation, client) = try BenchInstallation.create(prefix: "keep-bench-service", audited: audited)
            daemon = try Daemon(configuration: try installation.configuration())
            caller = CallerIdentity(domainID: BenchInstallation.domain, role: .hypervisor, clientName: BenchInstallation.client,
                                    fingerprint: client.fingerprint, subject: BenchInstallation.subject, remoteAddress: "127.0.0.1:50000")
            let usage = CryptographicUsageMask.encrypt.rawValue | CryptographicUsageMask.decrypt.rawValue
            createRequest = RequestMessage(version: .v1_2, [RequestBatchItem(CreateRequest(objectType: .symmetricKey, attributes: AttributeSet([
                Attribute(.cryptographicAlgorithm, .enumeration(CryptographicAlgorithm.aes.rawValue)),
                Attribute(.cryptographicLength, .integer(256)),
                Attribute(.cryptographicUsageMask, .integer(usage)),
            ])))]).encoded()
        }

        func create() throws -> String { try LoadOperation.check(daemon.service.handle(createRequest, caller: caller)) }

        func remove() {
            try? daemon.audit?.close()
            try? FileManager.default.removeItem(atPath: installation.dataDirectory)
        }
    }
}

private extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}
