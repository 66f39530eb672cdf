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

    @Test func requestLinesNameOperationsStatusesAndReasons() throws {
        let caller = CallerIdentity(domainID: "tenant-a", role: .hypervisor, clientName: "vc", fingerprint: String(repeating: "ab", count: 32),
                                    subject: "CN=vc")
        let entries = try lines { log in
            let sink = LogAuditSink(log: log)
            sink.record(AuditEvent(time: 0, caller: caller, protocolVersion: .v1_2, operation: .get, uniqueBatchItemID: nil,
                                   objectIDs: ["a", "b"], resultStatus: .operationFailed, resultReason: .itemNotFound,
                                   resultMessage: "no", duration: .microseconds(1500)))
            sink.record(AuditEvent(time: 0, caller: caller, protocolVersion: .v2_1, operation: KMIP.Operation(rawValue: 0x8000_0001),
                                   uniqueBatchItemID: nil, objectIDs: [], resultStatus: .success, resultReason: nil,
                                   resultMessage: nil, duration: .zero))
        }
        try #require(entries.count == 2)
        #expect(entries[0]["operation"] as? String == "Get")
        #expect(entries[0]["status"] as? String == "OperationFailed")
        #expect(entries[0]["reason"] as? String == "ItemNotFound")
        #expect(entries[0]["objects"] as? String == "a,b")
        #expect(entries[0]["micros"] as? Int == 1500)
        #expect(entries[1]["operation"] as? String == "0x80000001") // a value without a name: its hex form, as before
        #expect(entries[1]["status"] as? String == "Success")
        #expect(entries[1]["reason"] as? String == "")
    }
}
