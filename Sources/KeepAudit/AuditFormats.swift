#if canImport(Glibc)
import Glibc
#endif

/// Text forms of records: JSON lines for tools, CEF for SIEMs, one line for people.
public enum AuditFormats {
    /// UTC to the microsecond, RFC 3339: `2026-11-21T21:05:37.123456Z`.
    public static func timestamp(_ micros: Int64) -> String {
        var seconds = time_t(micros >= 0 ? micros / 1_000_000 : (micros - 999_999) / 1_000_000)
        let fraction = Int(micros - Int64(seconds) * 1_000_000)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(Int(parts.tm_year) + 1900, 4))-\(pad(Int(parts.tm_mon) + 1, 2))-\(pad(Int(parts.tm_mday), 2))T"
            + "\(pad(Int(parts.tm_hour), 2)):\(pad(Int(parts.tm_min), 2)):\(pad(Int(parts.tm_sec), 2)).\(pad(fraction, 6))Z"
    }

    /// Parses `timestamp`'s form (fraction optional, `Z` only) or a number of microseconds since the epoch.
    public static func parseTime(_ text: String) -> Int64? {
        if let micros = Int64(text) { return micros }
        let utf8 = Array(text.utf8)
        guard utf8.count >= 20, utf8.last == UInt8(ascii: "Z") else { return nil }
        func number(_ range: Range<Int>) -> Int? { Int(String(decoding: utf8[range], as: UTF8.self)) }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10), let hour = number(11..<13),
              let minute = number(14..<16), let second = number(17..<19) else { return nil }
        var fraction: Int64 = 0
        if utf8.count > 20 {
            guard utf8[19] == UInt8(ascii: "."), let digits = number(20..<(utf8.count - 1)), utf8.count - 21 <= 6 else { return nil }
            fraction = Int64(digits) * Int64([1, 100_000, 10_000, 1_000, 100, 10, 1][utf8.count - 21])
        }
        var parts = tm()
        parts.tm_year = Int32(year - 1900)
        parts.tm_mon = Int32(month - 1)
        parts.tm_mday = Int32(day)
        parts.tm_hour = Int32(hour)
        parts.tm_min = Int32(minute)
        parts.tm_sec = Int32(second)
        return Int64(timegm(&parts)) * 1_000_000 + fraction
    }

    /// One JSON object, keys in a fixed order.
    public static func json(_ record: AuditRecord, extra: [(String, String)] = []) -> String {
        let e = record.entry
        var fields: [(String, String)] = [
            ("sequence", String(record.sequence)), ("domainSequence", String(record.domainSequence)),
            ("time", JSONString.quoted(timestamp(record.time))), ("node", JSONString.quoted(record.nodeID)), ("kind", JSONString.quoted(e.kind.description)),
            ("domain", JSONString.quoted(e.domain)),
            ("client", "{\"name\":\(JSONString.quoted(e.client.name)),\"role\":\(JSONString.quoted(e.client.role)),\"subject\":\(JSONString.quoted(e.client.subject)),\"fingerprint\":\(JSONString.quoted(e.client.fingerprint))}"),
            ("source", JSONString.quoted(e.source)), ("operation", JSONString.quoted(e.operation)),
            ("objects", "[" + e.objectIDs.map(JSONString.quoted).joined(separator: ",") + "]"),
            ("protocolVersion", JSONString.quoted(e.protocolVersion)), ("result", JSONString.quoted(e.outcome.description)), ("reason", JSONString.quoted(e.reason)),
            ("message", JSONString.quoted(e.message)), ("durationMicroseconds", String(e.durationMicroseconds)),
        ]
        fields += extra
        return "{" + fields.map { "\(JSONString.quoted($0.0)):\($0.1)" }.joined(separator: ",") + "}"
    }

    /// ArcSight Common Event Format: `CEF:0|Keep|keepd|1|<kind>:<operation>|<operation>|<severity>|<extension>`.
    /// Severity 3 for a success, 6 for a failure, 8 for a refused connection or certificate.
    public static func cef(_ record: AuditRecord) -> String {
        let e = record.entry
        let severity = switch e.outcome {
        case .success: 3
        case .failure: 6
        case .refused: 8
        }
        let header = ["CEF:0", "Keep", "keepd", "1", "\(e.kind):\(e.operation)", e.operation, String(severity)]
            .enumerated().map { $0.offset == 0 ? $0.element : cefHeader($0.element) }.joined(separator: "|")
        var pairs: [(String, String)] = [
            ("rt", String(record.time / 1_000)), ("dvchost", record.nodeID), ("act", e.operation), ("outcome", e.outcome.description),
            ("reason", e.reason), ("msg", e.message), ("suser", e.client.name), ("cs1Label", "domain"), ("cs1", e.domain),
            ("cs2Label", "objects"), ("cs2", e.objectIDs.joined(separator: ",")), ("cs3Label", "certificateFingerprint"), ("cs3", e.client.fingerprint),
            ("cs4Label", "certificateSubject"), ("cs4", e.client.subject), ("cs5Label", "role"), ("cs5", e.client.role),
            ("cn1Label", "sequence"), ("cn1", String(record.sequence)), ("cn2Label", "durationMicroseconds"), ("cn2", String(e.durationMicroseconds)),
        ]
        if let colon = e.source.lastIndex(of: ":"), !e.source.isEmpty, let port = Int(e.source[e.source.index(after: colon)...]) {
            pairs += [("src", String(e.source[..<colon]).trimmingCharacters(in: "[]")), ("spt", String(port))]
        } else if !e.source.isEmpty {
            pairs.append(("shost", e.source))
        }
        // A custom field's label goes only with a value (csN with csNLabel).
        let present = Set(pairs.filter { !$0.1.isEmpty }.map(\.0))
        pairs = pairs.filter { !$0.1.isEmpty && (!$0.0.hasSuffix("Label") || present.contains(String($0.0.dropLast(5)))) }
        return header + "|" + pairs.map { "\($0.0)=\(cefValue($0.1))" }.joined(separator: " ")
    }

    /// One line for people: time, sequence, domain, client, source, operation, objects, result.
    public static func line(_ record: AuditRecord) -> String {
        let e = record.entry
        let who = e.client.name.isEmpty ? (e.client.fingerprint.isEmpty ? "-" : String(e.client.fingerprint.prefix(16))) : e.client.name
        let objects = e.objectIDs.isEmpty ? "-" : e.objectIDs.joined(separator: ",")
        let result = e.reason.isEmpty ? e.outcome.description : "\(e.outcome) (\(e.reason))"
        var text = "\(timestamp(record.time)) #\(record.sequence) \(e.domain) \(e.kind) \(who)@\(e.source.isEmpty ? "-" : e.source) \(e.operation) \(objects) \(result)"
        if !e.message.isEmpty { text += ": \(e.message)" }
        return text
    }

    /// CEF header fields escape `\` and `|`; no newlines.
    private static func cefHeader(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "|", with: "\\|")
            .replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
    }

    /// CEF extension values escape `\` and `=`, and newlines as `\n`.
    private static func cefValue(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "=", with: "\\=")
            .replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\r", with: "\\r")
    }
}

extension String {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        return split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }

    fileprivate func trimmingCharacters(in set: String) -> String {
        var text = Substring(self)
        while let first = text.first, set.contains(first) { text = text.dropFirst() }
        while let last = text.last, set.contains(last) { text = text.dropLast() }
        return String(text)
    }
}
