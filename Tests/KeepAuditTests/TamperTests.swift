import Foundation
import KeepCrypto
import Testing
@testable import KeepAudit

/// Every kind of tampering an attacker with write access to the files can try is found, at the right record, with
/// the right reason, by the public key alone and with the MAC keys.
@Suite("Audit log tamper detection")
struct TamperTests {
    /// 30 records over two domains, checkpoints after records 10, 20 and 30, then the shutdown checkpoint.
    static func makeLog() throws -> (AuditFixture, FrameMap) {
        let fixture = try AuditFixture()
        let log = try fixture.open(checkpointRecords: 10)
        for index in 1...30 {
            try log.append(entry(index % 3 == 0 ? "tenant-b" : "tenant-a", index % 2 == 0 ? "Get" : "Create", objects: ["key-\(index)"]))
        }
        try log.close()
        let map = try FrameMap(fixture.firstSegment)
        #expect(map.records.count == 30 && map.checkpoints.map(\.sequence) == [10, 20, 30, 30])
        return (fixture, map)
    }

    static func expectBreak(_ fixture: AuditFixture, _ kind: AuditBreak.Kind, at sequence: UInt64?, reason: String,
                            sourceLocation: SourceLocation = #_sourceLocation) throws {
        for macs in [false, true] {
            let report = try fixture.verify(macs: macs)
            let failure = try #require(report.failure, "tampering not detected (MACs \(macs))", sourceLocation: sourceLocation)
            #expect(failure.kind == kind, "MACs \(macs): \(failure)", sourceLocation: sourceLocation)
            #expect(failure.sequence == sequence, "MACs \(macs): \(failure)", sourceLocation: sourceLocation)
            #expect(failure.reason.contains(reason), "MACs \(macs): \(failure)", sourceLocation: sourceLocation)
        }
    }

    @Test func anUntouchedLogVerifiesWithThePublicKeyAloneAndWithTheMACs() throws {
        let (fixture, _) = try Self.makeLog()
        for macs in [false, true] {
            let report = try fixture.verify(macs: macs)
            #expect(report.isValid, "\(report)")
            #expect(report.records == 30 && report.lastSequence == 30 && report.checkpoints == 4 && report.endsWithShutdown)
            #expect(report.checkedMACs == macs)
        }
    }

    @Test func aChangedByteInARecordIsFoundAtThatRecord() throws {
        let (fixture, map) = try Self.makeLog()
        var bytes = map.bytes
        // The operation name of record 15 ("Create" → "Crexte"): still a well-formed record.
        let range = map.records[15]!
        let at = try #require(bytes[range].firstRange(of: Array("Create".utf8))).lowerBound + 3
        bytes[at] = UInt8(ascii: "x")
        try writeFile(bytes, fixture.firstSegment)
        try Self.expectBreak(fixture, .alteredRecord, at: 15, reason: "record 15 was altered")
    }

    @Test func aChangedByteInTheLastRecordBeforeACheckpointIsFoundAtThatRecord() throws {
        let (fixture, map) = try Self.makeLog()
        var bytes = map.bytes
        bytes[map.records[20]!.upperBound - 1] ^= 0x01   // the last byte of record 20's MAC
        try writeFile(bytes, fixture.firstSegment)
        try Self.expectBreak(fixture, .alteredRecord, at: 20, reason: "record 20")
    }

    @Test func aChangedLengthByteMakesBytesThatAreNotARecord() throws {
        let (fixture, map) = try Self.makeLog()
        var bytes = map.bytes
        bytes[map.records[12]!.lowerBound + 4] ^= 0x10   // record 12's frame length
        try writeFile(bytes, fixture.firstSegment)
        try Self.expectBreak(fixture, .alteredRecord, at: 12, reason: "not a record")
    }

    @Test func aDeletedRecordIsFoundWhereItWas() throws {
        let (fixture, map) = try Self.makeLog()
        var bytes = map.bytes
        bytes.removeSubrange(map.records[15]!)
        try writeFile(bytes, fixture.firstSegment)
        try Self.expectBreak(fixture, .deletedRecord, at: 15, reason: "record 15 is missing")
    }

    @Test func anInsertedCopyOfAnEarlierRecordIsFound() throws {
        let (fixture, map) = try Self.makeLog()
        var bytes = map.bytes
        bytes.insert(contentsOf: Array(map.bytes[map.records[5]!]), at: map.records[16]!.lowerBound)
        try writeFile(bytes, fixture.firstSegment)
        try Self.expectBreak(fixture, .insertedRecord, at: 5, reason: "a second record with sequence 5 follows record 15")
    }

    @Test func anInsertedForgeryWithTheNextNumberIsFound() throws {
        let (fixture, map) = try Self.makeLog()
        // A record claiming to be 16, linked correctly to 15, with a made-up MAC; the real 16 follows it.
        let real = try frames(of: fixture.firstSegment).frames.compactMap { frame -> AuditRecord? in
            if case .record(let record, _, _, _) = frame, record.sequence == 16 { return record } else { return nil }
        }[0]
        var forged = real
        forged.entry.operation = "Destroy"
        let canonical = try forged.canonicalBytes()
        var bytes = map.bytes
        bytes.insert(contentsOf: SegmentFormat.recordFrame(canonical: canonical, mac: [UInt8](repeating: 7, count: 32)), at: map.records[16]!.lowerBound)
        try writeFile(bytes, fixture.firstSegment)
        try Self.expectBreak(fixture, .insertedRecord, at: 16, reason: "another record 16 follows")
    }

    @Test func reorderedRecordsAreFound() throws {
        let (fixture, map) = try Self.makeLog()
        var bytes = map.bytes
        let first = map.records[15]!, second = map.records[16]!
        bytes.replaceSubrange(first.lowerBound..<second.upperBound, with: Array(map.bytes[second]) + Array(map.bytes[first]))
        try writeFile(bytes, fixture.firstSegment)
        try Self.expectBreak(fixture, .reorderedRecord, at: 15, reason: "record 16 comes before record 15")
    }

    @Test func aTailCutAtAFrameBoundaryIsFound() throws {
        let (fixture, map) = try Self.makeLog()
        try writeFile(Array(map.bytes[..<map.records[25]!.upperBound]), fixture.firstSegment)
        try Self.expectBreak(fixture, .truncatedTail, at: 21, reason: "does not end with a shutdown checkpoint")
        // A live (or crashed) log may end open; then the same files verify, and say what is not yet covered.
        let report = try fixture.verify(allowOpenTail: true)
        #expect(report.isValid && !report.endsWithShutdown && report.lastCheckpointSequence == 20 && report.lastSequence == 25)
    }

    @Test func aTailCutInsideAFrameIsFound() throws {
        let (fixture, map) = try Self.makeLog()
        try writeFile(Array(map.bytes[..<(map.records[26]!.lowerBound + 20)]), fixture.firstSegment)
        try Self.expectBreak(fixture, .truncatedTail, at: 26, reason: "ends inside a frame after record 25")
    }

    @Test func aSecondChainAppendedToTheLogIsFound() throws {
        let (fixture, map) = try Self.makeLog()
        // A fresh log made with the same keys (as an attacker with keepd's HSM access for a moment could), its
        // frames appended after the real log's end.
        let other = fixture.directory.path("other")
        let log = try fixture.open(directory: other)
        for _ in 1...3 { try log.append(entry("tenant-a", "Destroy")) }
        try log.close()
        let (length, _, otherBytes) = try frames(of: (other as NSString).appendingPathComponent(SegmentFormat.fileName(1)))
        try writeFile(map.bytes + otherBytes[length...], fixture.firstSegment)
        try Self.expectBreak(fixture, .chainRestart, at: 1, reason: "a new chain")
    }

    @Test func aForgedCheckpointSignatureIsFound() throws {
        let (fixture, map) = try Self.makeLog()
        var bytes = map.bytes
        bytes[map.checkpoints[1].range.upperBound - 1] ^= 0x01
        try writeFile(bytes, fixture.firstSegment)
        try Self.expectBreak(fixture, .badCheckpoint, at: nil, reason: "signature does not verify")
    }

    @Test func aRemovedCheckpointIsFound() throws {
        let (fixture, map) = try Self.makeLog()
        var bytes = map.bytes
        bytes.removeSubrange(map.checkpoints[0].range)
        try writeFile(bytes, fixture.firstSegment)
        try Self.expectBreak(fixture, .badCheckpoint, at: nil, reason: "a checkpoint was removed or inserted")
    }

    /// An attacker who rewrites every unkeyed link after an altered record is still caught: by the MAC at the
    /// record itself, and without the MAC key by the next signed checkpoint.
    @Test func rewrittenLinksAreCaughtByTheMACAndByTheCheckpoint() throws {
        let (fixture, map) = try Self.makeLog()
        var records: [(AuditRecord, [UInt8])] = []
        for case .record(let record, _, let mac, _) in try frames(of: fixture.firstSegment).frames { records.append((record, mac)) }
        // Alter record 13, then recompute the digest links of 13…20 (the MACs cannot be recomputed without the key).
        var bytes = Array(map.bytes[..<map.records[13]!.lowerBound])
        var previous = AuditRecord.digest(canonical: try records[11].0.canonicalBytes(), mac: records[11].1)
        var domainPrevious: [String: [UInt8]] = [:]
        for (record, mac) in records[..<12] { domainPrevious[record.entry.domain] = AuditRecord.digest(canonical: try record.canonicalBytes(), mac: mac) }
        for index in 12..<20 {
            var (record, mac) = records[index]
            if record.sequence == 13 { record.entry.objectIDs = ["someone-else's-key"] }
            record.previousDigest = previous
            record.previousDomainDigest = domainPrevious[record.entry.domain]!
            let canonical = try record.canonicalBytes()
            bytes += SegmentFormat.recordFrame(canonical: canonical, mac: mac)
            previous = AuditRecord.digest(canonical: canonical, mac: mac)
            domainPrevious[record.entry.domain] = previous
            _ = mac
        }
        bytes += map.bytes[map.checkpoints[1].range.lowerBound...]
        try writeFile(bytes, fixture.firstSegment)
        let keyed = try #require(try fixture.verify(macs: true).failure)
        #expect(keyed.kind == .alteredRecord && keyed.sequence == 13 && keyed.reason.contains("MAC"), "\(keyed)")
        let offline = try #require(try fixture.verify(macs: false).failure)
        #expect(offline.kind == .alteredRecord && offline.sequence == 20 && offline.reason.contains("after record 10"), "\(offline)")
    }

    /// The zeros preallocated after a live segment's data hide nothing: a changed byte in its last record, with
    /// only zeros after it, is an altered record; only a last frame that no longer decodes reads as a torn write
    /// (a cut tail, which is what a crash during a batch leaves).
    @Test func theLastRecordOfALiveSegmentIsCheckedDespiteTheZerosAfterIt() throws {
        let fixture = try AuditFixture()
        let log = try fixture.open()
        for index in 1...5 { try log.append(entry(objects: ["key-\(index)"])) }
        let live = try fileBytes(fixture.firstSegment)
        let dataEnd = try segmentData(fixture.firstSegment).count
        #expect(live.count > dataEnd && live[dataEnd...].allSatisfy { $0 == 0 })
        let last = try #require(try FrameMap(fixture.firstSegment).records[5]).lowerBound
        let copy = fixture.directory.path("copy")
        try FileManager.default.createDirectory(atPath: copy, withIntermediateDirectories: true)
        let segment = (copy as NSString).appendingPathComponent(SegmentFormat.fileName(1))

        var changed = live
        let at = try #require(changed[last..<dataEnd].firstRange(of: Array("key-5".utf8))).lowerBound + 4
        changed[at] = UInt8(ascii: "x")
        try writeFile(changed, segment)
        // With the MAC keys (keepd's own check at start): nothing follows record 5 for the public key to check it by.
        let altered = try #require(try fixture.verify(copy, macs: true, allowOpenTail: true).failure)
        #expect(altered.kind == .alteredRecord && altered.sequence == 5, "\(altered)")
        #expect(throws: AuditError.self) { try fixture.open(directory: copy) }

        var lengthened = live
        lengthened[last + 3] &+= 1   // the frame claims 256 bytes more: it runs into the zeros and does not decode
        try writeFile(lengthened, segment)
        let failure = try #require(try fixture.verify(copy, macs: true, allowOpenTail: true).failure)
        #expect(failure.kind == .truncatedTail && failure.sequence == 5 && failure.offset == last, "\(failure)")
        try log.close()
    }
}
