import Foundation
import KeepAudit
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

    /// Builds the line as UTF-8 bytes with no formatting calls: keepd writes one per request (the audit stand-in),
    /// and `String(format:)` and String concatenation made it a tenth of the server's CPU under load.
    func write(_ level: LogLevel, _ event: String, _ fields: KeyValuePairs<String, LogValue>) {
        guard isEnabled(level) else { return }
        var line: [UInt8] = []
        line.reserveCapacity(Self.typicalLineBytes)
        line.append(contentsOf: #"{"time":""#.utf8)
        Self.appendTimestamp(to: &line)
        line.append(contentsOf: #"","level":""#.utf8)
        line.append(contentsOf: level.rawValue.utf8)
        line.append(contentsOf: #"","node":"#.utf8)
        JSONString.append(nodeID, to: &line)
        line.append(contentsOf: #","event":"#.utf8)
        JSONString.append(event, to: &line)
        for (key, value) in fields {
            line.append(UInt8(ascii: ","))
            JSONString.append(key, to: &line)
            line.append(UInt8(ascii: ":"))
            switch value {
            case .string(let s): JSONString.append(s, to: &line)
            case .int(let n): line.append(contentsOf: String(n).utf8)
            case .double(let d): line.append(contentsOf: (d.isFinite ? String(format: "%.3f", d) : "null").utf8)
            case .bool(let b): line.append(contentsOf: (b ? "true" : "false").utf8)
            }
        }
        line.append(contentsOf: "}\n".utf8)
        var offset = 0
        while offset < line.count {
            let n = line.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if n <= 0 {
                if n < 0 && errno == EINTR { continue }
                return   // a log that cannot be written must not take the server down; the audit log fails closed
            }
            offset += n
        }
    }

    /// A request line is about 400 bytes: one allocation holds it.
    static let typicalLineBytes = 512

    /// UTC to the microsecond, RFC 3339: `2025-01-31T23:59:59.123456Z`.
    static func timestamp() -> String {
        var bytes: [UInt8] = []
        appendTimestamp(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    static func appendTimestamp(to line: inout [UInt8]) {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        var seconds = now.tv_sec
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func digits(_ value: Int, _ count: Int) {
            var divisor = 1
            for _ in 1..<count { divisor *= 10 }
            while divisor > 0 {
                line.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
                divisor /= 10
            }
        }
        digits(Int(parts.tm_year) + 1900, 4)
        line.append(UInt8(ascii: "-"))
        digits(Int(parts.tm_mon) + 1, 2)
        line.append(UInt8(ascii: "-"))
        digits(Int(parts.tm_mday), 2)
        line.append(UInt8(ascii: "T"))
        digits(Int(parts.tm_hour), 2)
        line.append(UInt8(ascii: ":"))
        digits(Int(parts.tm_min), 2)
        line.append(UInt8(ascii: ":"))
        digits(Int(parts.tm_sec), 2)
        line.append(UInt8(ascii: "."))
        digits(Int(now.tv_nsec / 1000), 6)
        line.append(UInt8(ascii: "Z"))
    }

}
