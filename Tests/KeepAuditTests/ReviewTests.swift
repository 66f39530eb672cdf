import Foundation
import KeepCrypto
import Testing
@testable import KeepAudit

/// Reading the log back: filters, what an auditor may see, the export forms, tenant exports with their proof.
@Suite("Audit log review")
struct ReviewTests {
    /// A fixed history, appended as one batch:
    /// 1 a Create k1 success hv-a · 2 a Get k1 success hv-a · 3 b Create k2 success hv-b · 4 a Get k9 failure hv-a
    /// 5 # Connect refused (stranger) · 6 b Destroy k2 success hv-b · 7 a Locate k1,k3 success auditor-a · 8 b Get k1 failure hv-b
    static func history() throws -> AuditFixture {
        let fixture = try AuditFixture()
        let log = try fixture.open()
        try log.append([
            entry("tenant-a", "Create", client: "hv-a", objects: ["k1"]),
            entry("tenant-a", "Get", client: "hv-a", objects: ["k1"]),
            entry("tenant-b", "Create", client: "hv-b", objects: ["k2"]),
            entry("tenant-a", "Get", client: "hv-a", objects: ["k9"], outcome: .failure, reason: "Item Not Found"),
            AuditEntry(kind: .connection, domain: AuditEntry.systemDomain,
                       client: AuditEntry.Client(subject: "CN=stranger", fingerprint: String(repeating: "ab", count: 32)),
                       source: "10.0.0.9:4242", operation: "Connect", outcome: .refused, reason: "notRegistered"),
            entry("tenant-b", "Destroy", client: "hv-b", objects: ["k2"]),
            entry("tenant-a", "Locate", client: "auditor-a", objects: ["k1", "k3"]),
            entry("tenant-b", "Get", client: "hv-b", objects: ["k1"], outcome: .failure, reason: "Item Not Found"),
        ])
        try log.close()
        return fixture
    }

    @Test(arguments: [
        (AuditQuery(), [1, 2, 3, 4, 5, 6, 7, 8]),
        (AuditQuery(domain: "tenant-a"), [1, 2, 4, 7]),
        (AuditQuery(domain: AuditEntry.systemDomain), [5]),
        (AuditQuery(operation: "get"), [2, 4, 8]),
        (AuditQuery(objectID: "k1"), [1, 2, 7, 8]),
        (AuditQuery(client: "hv-b"), [3, 6, 8]),
        (AuditQuery(client: "CN=stranger"), [5]),
        (AuditQuery(client: String(repeating: "AB", count: 32)), [5]),
        (AuditQuery(outcome: .failure), [4, 8]),
        (AuditQuery(outcome: .refused), [5]),
        (AuditQuery(kind: .connection), [5]),
        (AuditQuery(domain: "tenant-b", operation: "Get", objectID: "k1", outcome: .failure), [8]),
        (AuditQuery(domain: "tenant-a", client: "hv-b"), []),
    ])
    func filtersReturnExactlyTheMatchingRecords(query: AuditQuery, expected: [UInt64]) throws {
        let fixture = try Self.history()
        #expect(try AuditReader(directory: fixture.logDirectory).records(matching: query).map(\.sequence) == expected)
    }

    @Test func timeRangesAreInclusiveAndExact() throws {
        let fixture = try AuditFixture()
        let log = try fixture.open()
        for _ in 1...10 { try log.append(entry()) }
        try log.close()
        let reader = AuditReader(directory: fixture.logDirectory)
        let all = try reader.records(matching: AuditQuery())
        let times = all.map(\.time)
        #expect(Set(times).count == 10)
        #expect(try reader.records(matching: AuditQuery(since: times[3], until: times[6])).map(\.sequence) == [4, 5, 6, 7])
        #expect(try reader.records(matching: AuditQuery(since: times[9] + 1)).isEmpty)
        #expect(try reader.records(matching: AuditQuery(until: times[0])).map(\.sequence) == [1])
        #expect(AuditFormats.parseTime(AuditFormats.timestamp(times[4])) == times[4])
        #expect(AuditFormats.timestamp(0) == "1970-01-01T00:00:00.000000Z" && AuditFormats.parseTime("1970-01-01T00:00:01Z") == 1_000_000)
    }

    @Test func anAuditorSeesOnlyItsDomainAndAnAdministratorSeesAll() throws {
        let fixture = try Self.history()
        let reader = AuditReader(directory: fixture.logDirectory)
        #expect(try reader.records(matching: AuditQuery(), as: .domainAuditor("tenant-a")).map(\.sequence) == [1, 2, 4, 7])
        #expect(try reader.records(matching: AuditQuery(objectID: "k1"), as: .domainAuditor("tenant-b")).map(\.sequence) == [8])
        #expect(throws: AuditError.self) { _ = try reader.records(matching: AuditQuery(domain: "tenant-b"), as: .domainAuditor("tenant-a")) }
        #expect(try reader.records(matching: AuditQuery(), as: .administrator).count == 8)
    }

    @Test func jsonLinesAndCEF() throws {
        let fixture = try Self.history()
        let records = try AuditReader(directory: fixture.logDirectory).records(matching: AuditQuery())
        for record in records {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(AuditFormats.json(record).utf8)) as? [String: Any])
            #expect(object["sequence"] as? Int == Int(record.sequence) && object["operation"] as? String == record.entry.operation)
            #expect((object["client"] as? [String: Any])?["fingerprint"] as? String == record.entry.client.fingerprint)
            #expect(object["objects"] as? [String] == record.entry.objectIDs)
        }
        let refused = AuditFormats.cef(records[4])
        #expect(refused.hasPrefix("CEF:0|Keep|keepd|1|connection:Connect|Connect|8|"))
        #expect(refused.contains(" src=10.0.0.9 spt=4242") && refused.contains("cs1=#keep") && refused.contains("reason=notRegistered"))
        var tricky = records[0]
        tricky.entry.operation = "a|b"
        tricky.entry.message = "x=1\nand \\"
        let line = AuditFormats.cef(tricky)
        #expect(line.contains("|a\\|b|") && line.contains("msg=x\\=1\\nand \\\\") && !line.contains("\n"))
    }

    // MARK: Tenant exports

    static func tenantHistory() throws -> (AuditFixture, [AuditRecord]) {
        let fixture = try AuditFixture()
        let log = try fixture.open(checkpointRecords: 5)
        for index in 1...40 { try log.append(entry(index % 2 == 0 ? "tenant-a" : "tenant-b", "Get", objects: ["k\(index)"])) }
        try log.close()
        return (fixture, try AuditReader(directory: fixture.logDirectory).records(matching: AuditQuery(domain: "tenant-a")))
    }

    @Test func aTenantExportProvesItIsCompleteForItsRange() throws {
        let (fixture, records) = try Self.tenantHistory()
        let since = records[4].time, until = records[12].time
        let lines = try TenantExport.make(directory: fixture.logDirectory, domain: "tenant-a", since: since, until: until)
        let verified = try TenantExport.verify(lines, publicKeys: try fixture.publicKeys)
        #expect(verified.domain == "tenant-a" && verified.since == since && verified.until == until)
        #expect(verified.records == Array(records[4...12]))
        // Nothing of the other tenant: not its name, not its objects.
        #expect(!lines.joined().contains("tenant-b") && !lines.joined().contains("\"k1\""))
        // The whole domain, from its first record to the last checkpoint.
        let whole = try TenantExport.verify(try TenantExport.make(directory: fixture.logDirectory, domain: "tenant-a", since: nil, until: nil),
                                            publicKeys: try fixture.publicKeys)
        #expect(whole.records == records)
    }

    @Test func aTenantExportWithARecordRemovedOrChangedDoesNotVerify() throws {
        let (fixture, records) = try Self.tenantHistory()
        // The range starts before its first record, so the record before it is part of the proof.
        let lines = try TenantExport.make(directory: fixture.logDirectory, domain: "tenant-a", since: records[4].time - 1, until: records[12].time)
        let keys = try fixture.publicKeys
        #expect(try TenantExport.verify(lines, publicKeys: keys).records.count == 9)
        for index in 1..<(lines.count - 1) {
            var removed = lines
            removed.remove(at: index)
            #expect(throws: AuditError.self, "line \(index) removed") { try TenantExport.verify(removed, publicKeys: keys) }
        }
        // A readable field changed, a stored byte changed, the claimed range widened, another key.
        var edited = lines
        edited[3] = edited[3].replacingOccurrences(of: "\"operation\":\"Get\"", with: "\"operation\":\"Destroy\"")
        #expect(throws: AuditError.self) { try TenantExport.verify(edited, publicKeys: keys) }
        var flipped = lines
        let storedStart = try #require(flipped[3].range(of: "\"stored\":\"")).upperBound
        flipped[3].replaceSubrange(storedStart..<flipped[3].index(after: storedStart), with: flipped[3][storedStart] == "0" ? "1" : "0")
        #expect(throws: AuditError.self) { try TenantExport.verify(flipped, publicKeys: keys) }
        var widened = lines
        widened[0] = TenantExport.header(domain: "tenant-a", since: records[2].time, until: records[12].time)
        #expect(throws: AuditError.self) { try TenantExport.verify(widened, publicKeys: keys) }
        #expect(throws: AuditError.self) { try TenantExport.verify(lines, publicKeys: [try Ed25519.PrivateKey.generate().publicKey]) }
    }
}
