import Foundation
import KMIP
import Testing
@testable import KeepServer

/// The JSON-lines log: every line one JSON object, whatever the strings in it hold.
@Suite("Server log")
struct ServerLogTests {
    func lines(_ write: (ServerLog) -> Void) throws -> [[String: Any]] {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("keep-log-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            let log = try ServerLog(level: .info, nodeID: "node \"1\"", path: path)
            write(log)
        }
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasSuffix("\n"))
        return try text.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
    }

    @Test func stringsAreEscapedAndEveryValueKindRoundTrips() throws {
        let awkward = "quote \" backslash \\ newline \n return \r tab \t bell \u{07} nul \u{00} é ü 鍵 🔑 del \u{7F}"
        let entries = try lines { log in
            log.info("an \"event\"", ["text": .string(awkward), "count": .int(-42), "ratio": .double(0.125), "flag": .bool(true),
                                      "nan": .double(.nan), awkward: "as a key"])
            log.debug("below the level", [:])
        }
        try #require(entries.count == 1)
        let entry = entries[0]
        #expect(entry["event"] as? String == "an \"event\"")
        #expect(entry["node"] as? String == "node \"1\"")
        #expect(entry["level"] as? String == "info")
        #expect(entry["text"] as? String == awkward)
        #expect(entry[awkward] as? String == "as a key")
        #expect(entry["count"] as? Int == -42)
        #expect(entry["ratio"] as? Double == 0.125)
        #expect(entry["flag"] as? Bool == true)
        #expect(entry["nan"] is NSNull)
    }

    @Test func timestampsAreRFC3339UTCToTheMicrosecond() throws {
        let before = Date()
        let entries = try lines { $0.info("tick", [:]) }
        let time = try #require(entries.first?["time"] as? String)
        #expect(time.wholeMatch(of: /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z/) != nil, "\(time)")
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let parsed = try #require(formatter.date(from: time))
        #expect(abs(parsed.timeIntervalSince(before)) < 60)
    }
}
