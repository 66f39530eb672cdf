/// One keepd a client may talk to: `host:port` (one per availability zone, typically). The server's certificate
/// must carry `serverName` (a DNS name or IP address), which defaults to the host.
public struct KMIPEndpoint: Hashable, Sendable, CustomStringConvertible, Codable {
    public var host: String
    public var port: UInt16
    /// The name checked against the server's certificate; nil checks the host.
    public var serverName: String?

    /// KMIP's IANA port.
    public static let defaultPort: UInt16 = 5696

    public init(host: String, port: UInt16 = KMIPEndpoint.defaultPort, serverName: String? = nil) {
        self.host = host
        self.port = port
        self.serverName = serverName
    }

    /// Parses `host`, `host:port`, `[v6]` or `[v6]:port`.
    public init(parsing text: String) throws(KMIPClientError) {
        func invalid() -> KMIPClientError {
            KMIPClientError(.configuration, "endpoint '\(text)' is not host, host:port, [IPv6] or [IPv6]:port")
        }
        var host = Substring(text)
        var port = Self.defaultPort
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { throw invalid() }
            host = text[text.index(after: text.startIndex)..<close]
            let rest = text[text.index(after: close)...]
            if !rest.isEmpty {
                guard rest.hasPrefix(":"), let value = UInt16(rest.dropFirst()) else { throw invalid() }
                port = value
            }
        } else if let colon = text.lastIndex(of: ":") {
            guard text.firstIndex(of: ":") == colon, let value = UInt16(text[text.index(after: colon)...]) else { throw invalid() }
            host = text[..<colon]
            port = value
        }
        guard !host.isEmpty, port != 0 else { throw invalid() }
        self.init(host: String(host), port: port)
    }

    public var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
}
