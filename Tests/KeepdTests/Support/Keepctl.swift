import KeepdTestSupport
import Foundation
import KeepAdminClient

/// The built keepctl binary, run as an operator would: its own HOME (so nothing touches the real
/// ~/.config), a settings file of its own (`KEEPCTL_CONFIG`), standard input not a terminal.
final class Keepctl: @unchecked Sendable {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
        let arguments: [String]

        /// Standard output as a JSON object.
        var json: [String: Any] {
            get throws {
                guard let object = try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any] else {
                    throw KeepdTestError("keepctl \(arguments.joined(separator: " ")) printed no JSON object: \(stdout)")
                }
                return object
            }
        }

        /// Failures are one line on standard error, `keepctl: reason`, and nothing on standard output.
        var isOneLineFailure: Bool {
            status != 0 && stdout.isEmpty && stderr.hasPrefix("keepctl: ") && stderr.split(separator: "\n").count == 1
        }

        var summary: String { "keepctl \(arguments.joined(separator: " ")) → \(status)\nstdout: \(stdout)\nstderr: \(stderr)" }
    }

    let home: String
    let settingsPath: String

    static var binary: URL { RunningKeepd.productsDirectory.appendingPathComponent("keepctl") }

    /// With `settings`, keepctl's settings file holds them, as `keepctl init` would have written it.
    init(settings: ConnectionSettings? = nil) throws {
        home = FileManager.default.temporaryDirectory.appendingPathComponent("keepctl-test-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        settingsPath = (home as NSString).appendingPathComponent("keepctl.json")
        try settings?.write(to: settingsPath)
    }

    /// keepctl talking to `keepd` as its installation administrator.
    convenience init(administering keepd: RunningKeepd) throws {
        let admin = try keepd.clients[RunningKeepd.administratorName].orThrow("RunningKeepd was made without an administrator")
        try self.init(settings: ConnectionSettings(server: "127.0.0.1:\(keepd.port)", certificate: admin.certificatePath, privateKey: admin.keyPath,
                                                   ca: keepd.caPath, serverName: "127.0.0.1"))
    }

    deinit { try? FileManager.default.removeItem(atPath: home) }

    func path(_ name: String) -> String { (home as NSString).appendingPathComponent(name) }

    /// Runs keepctl (or `program`, with keepctl's environment) with `arguments`.
    @discardableResult
    func run(_ arguments: [String], environment extra: [String: String] = [:], program: String? = nil) throws -> Result {
        let process = Process()
        process.executableURL = program.map { URL(fileURLWithPath: $0) } ?? Self.binary
        process.arguments = arguments
        var environment = ["HOME": home, "KEEPCTL_CONFIG": settingsPath, "PATH": "/usr/bin:/bin"]
        environment.merge(extra) { _, new in new }
        process.environment = environment
        let id = UUID().uuidString
        let outPath = path("out-\(id)"), errPath = path("err-\(id)")
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle(forWritingAtPath: outPath)
        process.standardError = FileHandle(forWritingAtPath: errPath)
        try process.run()
        process.waitUntilExit()
        defer {
            try? FileManager.default.removeItem(atPath: outPath)
            try? FileManager.default.removeItem(atPath: errPath)
        }
        return Result(status: process.terminationStatus,
                      stdout: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
                      stderr: ((try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "").trimmingCharacters(in: .newlines),
                      arguments: arguments)
    }

    /// Runs a command that must succeed; its result.
    @discardableResult
    func ok(_ arguments: [String], program: String? = nil) throws -> Result {
        let result = try run(arguments, program: program)
        guard result.status == 0 else { throw KeepdTestError(result.summary) }
        return result
    }
}

extension Optional {
    func orThrow(_ message: String) throws -> Wrapped {
        guard let self else { throw KeepdTestError(message) }
        return self
    }
}
