import Foundation

/// How keepctl reaches keepd: the server's address, the administrator's certificate and key, and the CA keepd's
/// certificate must chain to. Read from a JSON file (`keepctl init` writes one for the first administrator), then
/// overridden by flags.
///
/// ```json
/// {"server": "127.0.0.1:5696", "certificate": "clients/admin.pem", "privateKey": "clients/admin.key",
///  "ca": "tls/ca.pem", "serverName": "127.0.0.1"}
/// ```
/// Relative paths in the file are relative to the file's directory. Unknown keys are refused, like keepd's.
public struct ConnectionSettings: Sendable, Equatable {
    /// HOST:PORT (`[v6]:PORT` for an IPv6 address).
    public var server: String?
    public var certificate: String?
    public var privateKey: String?
    public var ca: String?
    /// The DNS name or address keepd's certificate must carry; by default the host of `server`.
    public var serverName: String?

    public init(server: String? = nil, certificate: String? = nil, privateKey: String? = nil, ca: String? = nil, serverName: String? = nil) {
        self.server = server
        self.certificate = certificate
        self.privateKey = privateKey
        self.ca = ca
        self.serverName = serverName
    }

    static let keys: Set<String> = ["server", "certificate", "privateKey", "ca", "serverName"]
    /// A settings file is a few hundred bytes; anything much larger is not one.
    static let maxFileBytes = 64 * 1024

    /// The file keepctl reads when neither `--config` nor `KEEPCTL_CONFIG` names one:
    /// `$XDG_CONFIG_HOME/keep/keepctl.json`, else `~/.config/keep/keepctl.json`.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") { return xdg + "/keep/keepctl.json" }
        guard let home = environment["HOME"], home.hasPrefix("/") else { return nil }
        return home + "/.config/keep/keepctl.json"
    }

    /// Reads a settings file.
    public static func load(path: String) throws(AdminClientError) -> ConnectionSettings {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw AdminClientError(.configuration, "cannot read \(path): \((error as NSError).localizedDescription)")
        }
        guard data.count <= maxFileBytes,
              let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw AdminClientError(.configuration, "\(path) is not a JSON object")
        }
        var settings = ConnectionSettings()
        let directory = (path as NSString).deletingLastPathComponent
        for (key, value) in object {
            guard keys.contains(key) else { throw AdminClientError(.configuration, "\(path): unknown key \(key)") }
            guard let text = value as? String, !text.isEmpty else {
                throw AdminClientError(.configuration, "\(path): \(key) must be a non-empty string")
            }
            let resolved = ["certificate", "privateKey", "ca"].contains(key) && !text.hasPrefix("/")
                ? (directory as NSString).appendingPathComponent(text) : text
            switch key {
            case "server": settings.server = text
            case "certificate": settings.certificate = resolved
            case "privateKey": settings.privateKey = resolved
            case "ca": settings.ca = resolved
            default: settings.serverName = text
            }
        }
        return settings
    }

    /// Writes the settings as a file only its owner can read (it points at a private key).
    public func write(to path: String) throws {
        var object: [String: String] = [:]
        object["server"] = server
        object["certificate"] = certificate
        object["privateKey"] = privateKey
        object["ca"] = ca
        object["serverName"] = serverName
        let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        let directory = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        guard FileManager.default.createFile(atPath: path, contents: data + Data("\n".utf8), attributes: [.posixPermissions: 0o600]) else {
            throw AdminClientError(.configuration, "cannot write \(path)")
        }
    }

    /// These settings with every field `other` sets taken from it.
    public func overridden(by other: ConnectionSettings) -> ConnectionSettings {
        ConnectionSettings(server: other.server ?? server, certificate: other.certificate ?? certificate, privateKey: other.privateKey ?? privateKey,
                           ca: other.ca ?? ca, serverName: other.serverName ?? serverName)
    }

    /// HOST and PORT of `server`.
    public static func split(_ server: String) throws(AdminClientError) -> (host: String, port: UInt16) {
        guard let colon = server.lastIndex(of: ":"), let port = UInt16(server[server.index(after: colon)...]), port > 0 else {
            throw AdminClientError(.configuration, "the server is HOST:PORT, not \(server)")
        }
        let host = String(server[..<colon]).trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        guard !host.isEmpty else { throw AdminClientError(.configuration, "the server is HOST:PORT, not \(server)") }
        return (host, port)
    }
}
