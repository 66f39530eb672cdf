import Foundation
import KeepAdminClient
import KMIP

/// Settings for reaching keepd: the settings file (`--config`, else `KEEPCTL_CONFIG`, else the default path if it
/// exists), with the flags over it.
enum Connection {
    static func settings(_ invocation: Invocation) throws -> ConnectionSettings {
        let environment = ProcessInfo.processInfo.environment
        var settings = ConnectionSettings()
        if let path = invocation.value("--config") ?? environment["KEEPCTL_CONFIG"].flatMap({ $0.isEmpty ? nil : $0 }) {
            settings = try wrap { () throws(AdminClientError) in try ConnectionSettings.load(path: path) }
        } else if let path = ConnectionSettings.defaultPath(), FileManager.default.fileExists(atPath: path) {
            settings = try wrap { () throws(AdminClientError) in try ConnectionSettings.load(path: path) }
        }
        func flag(_ name: String, alias: String? = nil) -> String? {
            alias.flatMap(invocation.value) ?? (invocation.command.defines(name) ? nil : invocation.value(name))
        }
        return settings.overridden(by: ConnectionSettings(server: flag("--server"), certificate: flag("--cert", alias: "--admin-cert"),
                                                          privateKey: flag("--key", alias: "--admin-key"), ca: flag("--ca"),
                                                          serverName: flag("--server-name")))
    }

    /// A connected administration client.
    static func open(_ invocation: Invocation) throws -> AdminClient {
        let settings = try settings(invocation)
        return try wrap { () throws(AdminClientError) in try AdminClient(settings: settings) }
    }

    /// One call: its response, or a `Failure` with the right exit status.
    static func call<Response: ResponsePayload>(_ invocation: Invocation, _ request: some RequestPayload, _ type: Response.Type = Response.self) throws -> Response {
        let client = try open(invocation)
        return try wrap { () throws(AdminClientError) in try client.call(request, Response.self) }
    }

    static func wrap<T>(_ body: () throws(AdminClientError) -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw Failure(error)
        }
    }
}
