import Foundation
import KeepCrypto
import Synchronization
import Testing
@testable import KeepAudit

@Suite("Audit log writer")
struct AuditLogTests {
    @Test func recordsReadBackExactlyAndTheLogReopensWhereItStopped() throws {
        let fixture = try AuditFixture()
        let entries = [entry("tenant-a", "Create", objects: ["k1"]), entry("tenant-b", "Get", objects: ["k2"], outcome: .failure, reason: "Item Not Found"),
                       AuditEntry(kind: .server, domain: AuditEntry.systemDomain, operation: "Start", outcome: .success)]
        do {
            let log = try fixture.open()
            #expect(log.recovery.fresh)
            #expect(try log.append(entries) == [1, 2, 3])
            try log.close()
            #expect(throws: AuditError.self) { try log.append(entry()) }
        }
        let read = try AuditReader(directory: fixture.logDirectory).records(matching: AuditQuery())
        #expect(read.map(\.entry) == entries)
        #expect(read.map(\.domainSequence) == [1, 1, 1] && read.map(\.nodeID) == ["node-1", "node-1", "node-1"])
        #expect(zip(read, read.dropFirst()).allSatisfy { $0.time <= $1.time })

        let reopened = try fixture.open()
        #expect(!reopened.recovery.fresh && reopened.recovery.cleanStop && reopened.recovery.lastSequence == 3)
        #expect(try reopened.append(entry("tenant-a")) == 4)
        try reopened.close()
        let report = try fixture.verify(macs: true)
        #expect(report.isValid && report.records == 4, "\(report)")
        #expect(try AuditReader(directory: fixture.logDirectory).records(matching: AuditQuery(domain: "tenant-a")).map(\.domainSequence) == [1, 2])
    }

    @Test func aSecondWriterIsRefused() throws {
        let fixture = try AuditFixture()
        let log = try fixture.open()
        #expect { _ = try fixture.open() } throws: { ($0 as? AuditError)?.code == .inUse }
        try log.close()
    }

    /// A log left without its shutdown checkpoint (keepd killed) reopens, says so, cuts an incomplete last frame,
    /// and continues the same chain: whether the half frame ends the file, or lies in the space preallocated
    /// after the data (zeros up to the file's size), where a live segment's torn batch is found.
    @Test(arguments: [false, true])
    func aCrashedLogRecoversAndContinuesTheChain(preallocated: Bool) throws {
        let fixture = try AuditFixture()
        let log = try fixture.open(checkpointRecords: 4)
        for _ in 1...6 { try log.append(entry()) }
        let live = try fileBytes(fixture.firstSegment)
        let data = try segmentData(fixture.firstSegment)
        #expect(live.count > data.count + 1_000_000 && live[data.count...].allSatisfy { $0 == 0 }, "a live segment is preallocated")
        // What a crash leaves: the files as they are now (every appended record is durable), plus half a frame.
        let crashed = fixture.directory.path("crashed")
        try FileManager.default.createDirectory(atPath: crashed, withIntermediateDirectories: true)
        let segment = (crashed as NSString).appendingPathComponent(SegmentFormat.fileName(1))
        let half: [UInt8] = [SegmentFormat.recordType, 0, 0, 1, 0, 1, 1]
        try writeFile(data + half + (preallocated ? [UInt8](repeating: 0, count: 8_192) : []), segment)
        try log.close()
        #expect(try fileBytes(fixture.firstSegment) == segmentData(fixture.firstSegment), "a closed segment is cut to its data")

        let recovered = try fixture.open(directory: crashed)
        #expect(!recovered.recovery.cleanStop && recovered.recovery.lastSequence == 6 && recovered.recovery.tornBytesDiscarded == 7)
        #expect("\(recovered.recovery)".contains("without a shutdown checkpoint after record 6"))
        #expect(try recovered.append(entry()) == 7)
        try recovered.close()
        let report = try fixture.verify(crashed, macs: true)
        #expect(report.isValid && report.lastSequence == 7, "\(report)")
    }

    /// The space ahead of a live segment's data is zeros written to disk, not space merely reserved: ext4 reports a
    /// reserved (unwritten) extent as a hole to SEEK_HOLE, and converting it at each batch's first write is
    /// metadata every fdatasync would then write too.
    @Test func theSpaceAheadOfTheDataIsWrittenNotReserved() throws {
        let fixture = try AuditFixture()
        let log = try fixture.open()
        for _ in 1...3 { try log.append(entry()) }
        // Before anything reads the file: a read would put the reserved space's zeros in the page cache, and
        // SEEK_HOLE then counts it as data.
        let descriptor = open(fixture.firstSegment, O_RDONLY)
        #expect(descriptor >= 0)
        defer { close(descriptor) }
        let size = lseek(descriptor, 0, SEEK_END)
        let seekHole: Int32 = 4  // Linux's SEEK_HOLE, which Glibc's Swift module does not export
        #expect(lseek(descriptor, 0, seekHole) == size, "no hole between the data and the end of the file")
        #expect(size > (try segmentData(fixture.firstSegment).count) + 1_000_000, "a live segment is preallocated")
        try log.close()
    }

    @Test func aTamperedLogIsNotAppendedTo() throws {
        let fixture = try AuditFixture()
        let log = try fixture.open()
        for _ in 1...5 { try log.append(entry()) }
        try log.close()
        let map = try FrameMap(fixture.firstSegment)
        var bytes = map.bytes
        bytes.removeSubrange(map.records[3]!)
        try writeFile(bytes, fixture.firstSegment)
        #expect { _ = try fixture.open() } throws: { ($0 as? AuditError)?.code == .corrupt && "\($0)".contains("record 3 is missing") }
    }

    /// 16 threads appending at once: every record gets a distinct sequence number, the chain verifies, and the
    /// writer synced far fewer times than it wrote records.
    @Test func concurrentAppendsShareFsyncs() throws {
        let fixture = try AuditFixture()
        let log = try fixture.open(checkpointRecords: 500)
        let threads = 16, perThread = 150
        let collected = Collected()
        // A thread each, all at once (concurrentPerform would run only as many as there are cores).
        let group = DispatchGroup()
        for thread in 0..<threads {
            group.enter()
            Thread {
                for index in 0..<perThread {
                    let sequence = try! log.append(entry(thread % 2 == 0 ? "tenant-a" : "tenant-b", "Get", client: "client-\(thread)", objects: ["k\(index)"]))
                    collected.sequences.withLock { $0.append(sequence) }
                }
                group.leave()
            }.start()
        }
        group.wait()
        let statistics = log.statistics
        try log.close()
        let all = collected.sequences.withLock { $0 }
        #expect(Set(all).count == threads * perThread && all.max() == UInt64(threads * perThread))
        #expect(statistics.records == threads * perThread)
        // One fsync per batch, plus one per checkpoint: group commit means batches < records.
        #expect(statistics.batches < statistics.records, "\(statistics)")
        #expect(statistics.syncs == statistics.batches + statistics.checkpoints, "\(statistics)")
        let report = try fixture.verify(macs: true)
        #expect(report.isValid && report.records == threads * perThread, "\(report)")
        print("group commit: \(statistics.records) records in \(statistics.batches) batches, \(statistics.syncs) syncs")
    }

    @Test func segmentsRollBySizeAndTheChainContinuesAcrossThem() throws {
        let fixture = try AuditFixture()
        let log = try fixture.open(segmentBytes: 4_096, checkpointRecords: 7)
        for index in 1...60 { try log.append(entry(["tenant-a", "tenant-b", "tenant-c"][index % 3], "Get")) }
        let segments = log.statistics.segments
        try log.close()
        let files = try SegmentDirectory(path: fixture.logDirectory).segments()
        #expect(files.count == segments && segments >= 4, "\(segments) segments")
        let report = try fixture.verify(macs: true)
        #expect(report.isValid && report.records == 60 && report.segments == files.map(\.number), "\(report)")

        // Archiving the oldest segments leaves the rest verifiable, from the checkpoint in the first one kept.
        for file in files.prefix(2) { try FileManager.default.removeItem(atPath: file.path) }
        let archived = try fixture.verify(macs: true)
        #expect(archived.isValid && archived.startedAfterSequence != nil && archived.lastSequence == 60, "\(archived)")
        #expect(archived.firstSequence == archived.startedAfterSequence! + 1)
        // The writer reopens on what is left and goes on.
        let reopened = try fixture.open(segmentBytes: 4_096)
        #expect(try reopened.append(entry()) == 61)
        try reopened.close()
        #expect(try fixture.verify(macs: true).isValid)
    }

    @Test func aMissingMiddleSegmentIsFound() throws {
        let fixture = try AuditFixture()
        let log = try fixture.open(segmentBytes: 4_096)
        for _ in 1...60 { try log.append(entry()) }
        try log.close()
        let files = try SegmentDirectory(path: fixture.logDirectory).segments()
        try FileManager.default.removeItem(atPath: files[2].path)
        let failure = try #require(try fixture.verify().failure)
        #expect(failure.kind == .deletedRecord && failure.reason.contains("segment 3 is missing"), "\(failure)")
    }

    /// One caller at a time commits its own records on its own thread: nothing is handed to the writer thread and
    /// back (two context switches per request), and each record still gets its own fsync before append returns.
    @Test func aLoneCallerCommitsOnItsOwnThread() throws {
        let fixture = try AuditFixture()
        let log = try fixture.open()
        for index in 1...100 { #expect(try log.append(entry(objects: ["key-\(index)"])) == UInt64(index)) }
        let statistics = log.statistics
        #expect(statistics.records == 100 && statistics.batches == 100 && statistics.syncs == 100, "\(statistics)")
        // Requests closer together than the mean fsync would go to the writer; one caller's never are, but a
        // scheduling hiccup on a loaded machine may send the odd one there.
        #expect(statistics.ownCommits >= 90, "\(statistics)")
        try log.close()
        #expect(try fixture.verify(macs: true).isValid)
    }

    /// The interval checkpoint comes on time with no request to trigger it: the log's ticker asks for it.
    @Test func anIntervalCheckpointIsWrittenWhileTheLogIsIdle() throws {
        let fixture = try AuditFixture()
        var configuration = fixture.configuration()
        configuration.checkpointInterval = .milliseconds(100)
        let log = try AuditLog.open(configuration, keys: fixture.keys)
        try log.append(entry())
        #expect(log.statistics.checkpoints == 0)
        let deadline = ContinuousClock.now + .seconds(5)
        while log.statistics.checkpoints == 0, ContinuousClock.now < deadline { Thread.sleep(forTimeInterval: 0.01) }
        #expect(log.statistics.checkpoints == 1, "one checkpoint for the one record, none while nothing new arrives")
        Thread.sleep(forTimeInterval: 0.3)
        #expect(log.statistics.checkpoints == 1)
        try log.close()
        let report = try fixture.verify(macs: true)
        #expect(report.isValid && report.checkpoints == 2, "\(report)")
    }

    @Test func aCheckpointMovedIntoAnotherSegmentIsFound() throws {
        let fixture = try AuditFixture()
        let log = try fixture.open(segmentBytes: 4_096)
        for _ in 1...40 { try log.append(entry()) }
        try log.close()
        let files = try SegmentDirectory(path: fixture.logDirectory).segments()
        // Replace segment 2's header checkpoint with segment 1's... by swapping the two files' names.
        let first = try fileBytes(files[0].path), second = try fileBytes(files[1].path)
        try writeFile(second, files[0].path)
        try writeFile(first, files[1].path)
        #expect(!(try fixture.verify().isValid))
    }

    /// A failed write fails its records, leaves no partial frame, and the log goes on once the fault is gone; a
    /// failed fsync makes the log unavailable for good.
    @Test func writeAndSyncFailures() throws {
        let fixture = try AuditFixture()
        let failing = Mutex<AuditLog.IOStep?>(nil)
        let log = try fixture.open(faults: { step in
            if failing.withLock({ $0 }) == step { throw AuditError(.io, "No space left on device (injected)") }
        })
        try log.append(entry())
        let durable = try segmentData(fixture.firstSegment)
        failing.withLock { $0 = .write }
        #expect { try log.append(entry()) } throws: { ($0 as? AuditError)?.code == .io && "\($0)".contains("No space left") }
        #expect(try fileBytes(fixture.firstSegment) == durable, "cut back to the durable frames")
        failing.withLock { $0 = nil }
        #expect(try log.append(entry()) == 2)

        failing.withLock { $0 = .sync }
        #expect { try log.append(entry()) } throws: { ($0 as? AuditError)?.code == .unavailable }
        failing.withLock { $0 = nil }
        #expect { try log.append(entry()) } throws: { ($0 as? AuditError)?.code == .unavailable }
        #expect(throws: AuditError.self) { try log.close() }
    }
}

final class Collected: Sendable {
    let sequences = Mutex<[UInt64]>([])
}
