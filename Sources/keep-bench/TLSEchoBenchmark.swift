import Foundation
import KMIP
import KeepServer
import KeepTLS

/// What keepd's requests cost beyond the network (`keep-bench tls`): the same load generator, certificates and
/// TLS settings, and the same Get requests, against keepd and against an echo server, back to back. The echo server
/// (`keep-bench tls-echo`, a child process like keepd) is keepd's network side without the service: KeepTLS, a
/// thread per connection, each KMIP message read whole by its TTLV header, then answered with the bytes keepd
/// answered a real Get with. What keepd costs above it, per request, is the KMIP service, the store, the HSM and
/// the audit log; what the echo server costs is the floor any thread-per-connection server on KeepTLS pays here.
struct TLSEchoBenchmark: Benchmark {
    let name = "tls"
    let summary = "Get on keepd against a KeepTLS echo server with keepd's network side only: ops/s and CPU µs per request"

    static let connections = [1, 16]

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let runs = environment["KEEP_BENCH_KMIP_RUNS"].flatMap(Int.init) ?? 5
        let seconds = environment["KEEP_BENCH_KMIP_SECONDS"].flatMap(Double.init) ?? 2
        let keepd = try KeepdServer()
        defer { keepd.stop() }
        let uids = try KMIPLoad.createKeys(keepd.endpoint, count: 100, connections: 4, version: .v1_2)
        let get = LoadOperation.get(uids, version: .v1_2)
        let probe = try LoadConnection(keepd.endpoint)
        let response = try probe.roundTrip(get.requests[0])
        probe.close()
        let echo = try EchoServer(installation: keepd.installation, response: response, context: keepd.endpoint.context)
        defer { echo.stop() }

        print("  KMIP 1.2 Get, \(response.count)-byte responses; per line: 1 s warm-up, then the median of \(runs) runs of \(format(seconds, decimals: 1)) s, keepd and the echo server back to back")
        print("    server                 connections      ops/s     p50 ms     p99 ms   server µs/op   client µs/op")
        for connections in Self.connections {
            for endpoint in [keepd.endpoint, echo.endpoint] {
                let result = try KMIPLoad.measure(endpoint, get, connections: connections, warmUp: 1, runs: runs, seconds: seconds)
                print("    " + [endpoint.name.padding(toLength: 22, withPad: " ", startingAt: 0), pad(String(connections), 11),
                                pad(format(result.operationsPerSecond), 10), pad(format(result.percentile(50), decimals: 3), 10),
                                pad(format(result.percentile(99), decimals: 3), 10), pad(format(result.serverMicrosecondsPerOperation), 14),
                                pad(format(result.clientMicrosecondsPerOperation), 14)].joined(separator: " "))
            }
        }
    }

    private func pad(_ text: String, _ width: Int) -> String { String(repeating: " ", count: max(0, width - text.count)) + text }

    /// The echo server as a child process, with keepd's certificate, key and client CAs.
    private final class EchoServer {
        let process = Process()
        let endpoint: KMIPEndpoint
        private let responseFile: String

        init(installation: Installation, response: [UInt8], context: TLSClientContext) throws {
            responseFile = installation.path("echo-response")
            guard FileManager.default.createFile(atPath: responseFile, contents: Data(response)) else {
                throw BenchmarkError("cannot write \(responseFile)")
            }
            process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
            process.arguments = [TLSEchoServer.command, installation.dataDirectory, responseFile]
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            let line = String(decoding: output.fileHandleForReading.availableData, as: UTF8.self)
            guard let port = UInt16(line.trimmingCharacters(in: .whitespacesAndNewlines)) else {
                throw BenchmarkError("the echo server did not report its port (\(line))")
            }
            endpoint = KMIPEndpoint(name: "KeepTLS echo", port: port, context: context, pid: process.processIdentifier)
        }

        func stop() {
            if process.isRunning {
                process.terminate()
                process.waitUntilExit()
            }
        }
    }
}

/// `keep-bench tls-echo DATADIR RESPONSE`: listens on a free loopback port (printed on standard output) with the
/// TLS identity and client CAs of the keepd installation in DATADIR, and answers every KMIP message with the bytes
/// of the file RESPONSE, until killed. keepd's network side (KMIPServer) without the service: a thread per
/// connection, blocking reads and writes with deadlines, each message read whole by its TTLV header.
enum TLSEchoServer {
    static let command = "tls-echo"

    static func run(dataDirectory: String, responseFile: String) throws -> Never {
        let installation = Installation(dataDirectory: dataDirectory)
        let configuration = try installation.configuration()
        let context = try TLSServerContext(configuration: TLSServerConfiguration(
            certificateChainFile: configuration.resolve(configuration.tls.certificate),
            privateKeyFile: configuration.resolve(configuration.tls.privateKey),
            clientCAFiles: configuration.tls.clientCAs.map(configuration.resolve)))
        let response = Array(try Data(contentsOf: URL(fileURLWithPath: responseFile)))
        let listener = try Socket.listen(host: "127.0.0.1", port: 0)
        FileHandle.standardOutput.write(Data("\(try listener.localPort)\n".utf8))
        while true {
            guard let socket = try? listener.accept(deadline: .now + .seconds(3_600)) else { continue }
            let thread = Thread { serve(socket, context: context, response: response) }
            thread.stackSize = 512 * 1024
            thread.start()
        }
    }

    private static func serve(_ socket: Socket, context: TLSServerContext, response: [UInt8]) {
        do {
            try socket.setNoDelay()
            let connection = try TLSConnection(socket: socket, context: context)
            try connection.handshake(deadline: .now + .seconds(10))
            var buffer: [UInt8] = []
            while true {
                // As KMIPServer's MessageReader: the 8-byte TTLV header, then the length it announces.
                var needed = 8
                while buffer.count < needed {
                    guard try connection.read(into: &buffer, max: needed - buffer.count, deadline: .now + .seconds(3_600)) > 0 else { return }
                    if buffer.count >= 8 { needed = 8 + buffer[4..<8].reduce(0) { $0 << 8 | Int($1) } }
                }
                buffer.removeFirst(needed)
                try connection.write(response, deadline: .now + .seconds(10))
            }
        } catch {
            return
        }
    }
}
