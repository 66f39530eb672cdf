import Foundation
import Synchronization

public enum LogLevel: String, Sendable, Codable, Comparable {
    case debug, info, warning, error

    var rank: Int {
        switch self {
        case .debug: 0
        case .info: 1
        case .warning: 2
        case .error: 3
        }
    }

    public static func < (lhs: LogLevel, rhs: LogLevel) -> Bool { lhs.rank < rhs.rank }
}

/// A field of a log line. Only these scalar kinds exist, and none takes bytes: key material, TTLV and request
/// bodies have no way into the log.
public enum LogValue: Sendable, Equatable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)

    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
}

/// Structured logs as JSON lines: `{"time":"…","level":"info","event":"…",…fields}`, one object per line,
/// written whole with one write(2) so concurrent lines never interleave.
public final class ServerLog: Sendable {
    private let level: LogLevel
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    private let nodeID: String

    /// Logs to standard error.
    public init(level: LogLevel, nodeID: String) {
        self.level = level
        self.descriptor = 2
        self.ownsDescriptor = false
        self.nodeID = nodeID
    }

    /// Appends to a file, created with mode 0600.
    public init(level: LogLevel, nodeID: String, path: String) throws(ConfigurationError) {
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw ConfigurationError("cannot open log file \(path): \(String(cString: strerror(errno)))") }
        self.level = level
        self.descriptor = fd
        self.ownsDescriptor = true
        self.nodeID = nodeID
    }

    deinit { if ownsDescriptor { close(descriptor) } }

    public func debug(_ event: String, _ fields: KeyValuePairs<String, LogValue> = [:]) { write(.debug, event, fields) }
    public func info(_ event: String, _ fields: KeyValuePairs<String, LogValue> = [:]) { write(.info, event, fields) }
    public func warning(_ event: String, _ fields: KeyValuePairs<String, LogValue> = [:]) { write(.warning, event, fields) }
    public func error(_ event: String, _ fields: KeyValuePairs<String, LogValue> = [:]) { write(.error, event, fields) }

    public func isEnabled(_ level: LogLevel) -> Bool { level >= self.level }

    func write(_ level: LogLevel, _ event: String, _ fields: KeyValuePairs<String, LogValue>) {
        guard isEnabled(level) else { return }
        var line = "{\"time\":\"\(Self.timestamp())\",\"level\":\"\(level.rawValue)\",\"node\":\(Self.quoted(nodeID)),\"event\":\(Self.quoted(event))"
        for (key, value) in fields {
            line += ",\(Self.quoted(key)):"
            switch value {
            case .string(let s): line += Self.quoted(s)
            case .int(let n): line += String(n)
            case .double(let d): line += d.isFinite ? String(format: "%.3f", d) : "null"
            case .bool(let b): line += b ? "true" : "false"
            }
        }
        line += "}\n"
        let bytes = Array(line.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if n <= 0 {
                if n < 0 && errno == EINTR { continue }
                return   // a log that cannot be written must not take the server down; the audit log fails closed
            }
            offset += n
        }
    }

    /// UTC to the microsecond, RFC 3339.
    static func timestamp() -> String {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        var seconds = now.tv_sec
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d.%06dZ", parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday,
                      parts.tm_hour, parts.tm_min, parts.tm_sec, Int(now.tv_nsec / 1000))
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
