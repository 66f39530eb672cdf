import Foundation
import KeepAudit
import KMIP

/// A JSON value with its object keys in the order they were written, so `--json` output is stable for scripts
/// and diffs.
enum JSON: Sendable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral {
    case string(String)
    case number(Int64)
    case bool(Bool)
    case null
    case array([JSON])
    case object([(String, JSON)])

    init(stringLiteral value: String) { self = .string(value) }
    init(integerLiteral value: Int64) { self = .number(value) }
    init(booleanLiteral value: Bool) { self = .bool(value) }
    init(arrayLiteral elements: JSON...) { self = .array(elements) }

    static func optional(_ text: String?) -> JSON { text.map(JSON.string) ?? .null }
    static func date(_ date: DateTime?) -> JSON { date.map { .string(Format.isoDate($0)) } ?? .null }
    static func int<I: BinaryInteger>(_ value: I?) -> JSON { value.map { .number(Int64($0)) } ?? .null }

    /// Pretty-printed, two spaces per level.
    func rendered(indent: String = "") -> String {
        let inner = indent + "  "
        switch self {
        case .string(let s): return JSONString.quoted(s)
        case .number(let n): return String(n)
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        case .array(let items):
            if items.isEmpty { return "[]" }
            return "[\n" + items.map { inner + $0.rendered(indent: inner) }.joined(separator: ",\n") + "\n\(indent)]"
        case .object(let fields):
            if fields.isEmpty { return "{}" }
            return "{\n" + fields.map { "\(inner)\(JSONString.quoted($0.0)): \($0.1.rendered(indent: inner))" }.joined(separator: ",\n") + "\n\(indent)}"
        }
    }

}

/// Columns of text, padded to the widest cell; the last column is not padded.
struct Table {
    let headers: [String]
    var rows: [[String]] = []

    init(_ headers: String...) { self.headers = headers }

    mutating func add(_ cells: String...) { rows.append(cells) }

    var rendered: String {
        let all = [headers] + rows
        let widths = headers.indices.map { column in all.map { $0.indices.contains(column) ? $0[column].count : 0 }.max() ?? 0 }
        return all.map { row in
            row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
            }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }.joined(separator: "\n")
    }
}

/// Standard output and error, written whole.
enum Console {
    static func out(_ text: String) { FileHandle.standardOutput.write(Data((text + "\n").utf8)) }
    static func error(_ text: String) { FileHandle.standardError.write(Data((text + "\n").utf8)) }
    static func json(_ value: JSON) { out(value.rendered()) }

    static var stdinIsTerminal: Bool { isatty(STDIN_FILENO) == 1 }
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }
}

/// How values read in tables.
enum Format {
    /// `2026-11-21 20:57:24Z`.
    static func date(_ date: DateTime?) -> String {
        guard let date else { return "-" }
        return isoDate(date).replacingOccurrences(of: "T", with: " ")
    }

    /// RFC 3339, UTC, to the second.
    static func isoDate(_ date: DateTime) -> String {
        var seconds = time_t(date.secondsSinceEpoch)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday,
                      parts.tm_hour, parts.tm_min, parts.tm_sec)
    }

    /// `3d 4h 5m` from seconds.
    static func duration(_ seconds: UInt32) -> String {
        let days = seconds / 86_400, hours = seconds / 3_600 % 24, minutes = seconds / 60 % 60
        if days > 0 { return "\(days)d \(hours)h \(minutes)m" }
        if hours > 0 { return "\(hours)h \(minutes)m" }
        if minutes > 0 { return "\(minutes)m \(seconds % 60)s" }
        return "\(seconds)s"
    }

    /// KMIP states as keepctl spells them (`--state` takes the same words).
    static let states: KeyValuePairs<String, State> = [
        "pre-active": .preActive, "active": .active, "deactivated": .deactivated, "compromised": .compromised,
        "destroyed": .destroyed, "destroyed-compromised": .destroyedCompromised,
    ]

    static func state(_ state: State) -> String {
        states.first { $0.value == state }?.key ?? state.description
    }

    static func objectType(_ type: ObjectType) -> String {
        switch type {
        case .symmetricKey: "symmetric-key"
        case .secretData: "secret-data"
        case .opaqueObject: "opaque"
        default: type.name ?? type.hexString
        }
    }

    static func algorithm(_ algorithm: CryptographicAlgorithm?, _ length: Int32?) -> String {
        guard let algorithm else { return "-" }
        let name = algorithm.name ?? algorithm.hexString
        return length.map { "\(name)-\($0)" } ?? name
    }

    static func role(_ role: KeepAdminClientRole) -> String {
        switch role {
        case .hypervisor: "hypervisor"
        case .auditor: "auditor"
        case .admin: "admin"
        default: role.hexString
        }
    }

    static let roles: KeyValuePairs<String, KeepAdminClientRole> = ["hypervisor": .hypervisor, "auditor": .auditor, "admin": .admin]

    static func wireProfile(_ profile: KeepAdminWireProfile) -> String {
        profile == .pykmip ? "pykmip" : profile == .standard ? "standard" : profile.hexString
    }

    static let wireProfiles: KeyValuePairs<String, KeepAdminWireProfile> = ["standard": .standard, "pykmip": .pykmip]
}
