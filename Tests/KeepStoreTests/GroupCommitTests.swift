import Foundation
import Synchronization
import Testing
@testable import KeepStore

/// Group commit: writers that queue while a commit is under way share one transaction and one fsync, and each
/// still sees exactly what a transaction of its own would have given it.
///
/// Groups are made deterministic here by a leader whose body waits on a gate: every writer started meanwhile
/// queues behind it, and when the gate opens they are committed together as the next group.
@Suite("Group commit")
struct GroupCommitTests {
    static func key(_ uid: String, attributes: [UInt8] = [1, 2, 3]) -> ObjectRecord {
        var record = SQLiteObjectStoreTests.key(uid, domain: "acme")
        record.attributes = attributes
        return record
    }

    struct Refused: Error, Equatable {}

    /// A store with domain `acme`, and a way to hold its writer in a body while other writers queue.
    final class Fixture: @unchecked Sendable {
        let directory: TemporaryDirectory
        let store: SQLiteObjectStore
        var path: String { directory.path("keep.db") }

        init(maxPageCount: Int? = nil, faultInjector: (@Sendable (String) throws -> Void)? = nil) throws {
            directory = try TemporaryDirectory()
            let path = directory.path("keep.db")
            try SQLiteObjectStore(path: path).write { try $0.insert(SQLiteObjectStoreTests.domain("acme")) }
            store = try SQLiteObjectStore(path: path, schemaVersion: Schema.latestVersion, maxPageCount: maxPageCount,
                                          faultInjector: faultInjector)
        }

        /// Starts a writer whose body inserts `uid` only once `gate` is signalled; returns when its body is running.
        func holdWriter(inserting uid: String, gate: DispatchSemaphore) -> Background<Void> {
            let entered = DispatchSemaphore(value: 0)
            let store = self.store
            let writer = Background {
                try store.write { w in
                    entered.signal()
                    gate.wait()
                    try w.insert(GroupCommitTests.key(uid))
                }
            }
            entered.wait()
            return writer
        }

        /// Starts a writer and returns once it is queued (so writers queue in the order they are started).
        func queue<T>(_ body: @escaping @Sendable (any ObjectStoreWriter) throws -> T) throws -> Background<T> {
            let before = store.waitingWriters
            let store = self.store
            let writer = Background { try store.write(body) }
            try waitUntil { store.waitingWriters == before + 1 }
            return writer
        }

        func uids() throws -> Set<String> {
            Set(try store.read { try $0.locate(ObjectQuery(domainID: "acme")) })
        }
    }

    @Test func concurrentWritersAreAllDurable() throws {
        let fixture = try Fixture()
        let threads = 16, perThread = 25
        let writers = (0..<threads).map { t in
            let store = fixture.store
            return Background {
                for i in 0..<perThread { try store.write { try $0.insert(Self.key("t\(t)-\(i)")) } }
            }
        }
        for writer in writers { try writer.join().get() }
        #expect(fixture.store.groupCommitStatistics.writes == threads * perThread)

        // A store opened afresh on the file (new connections, nothing cached) finds every acknowledged write.
        let reopened = try SQLiteObjectStore(path: fixture.path)
        #expect(try reopened.read { try $0.objectCount(domainID: "acme") } == threads * perThread)
        #expect(try reopened.integrityCheck().isEmpty)
    }

    @Test func aFailingBodyIsUndoneAloneAndTheRestOfItsGroupCommits() throws {
        let fixture = try Fixture()
        let gate = DispatchSemaphore(value: 0)
        let leader = fixture.holdWriter(inserting: "lead", gate: gate)
        let b = try fixture.queue { try $0.insert(Self.key("b")) }
        let c = try fixture.queue { w -> Void in
            try w.insert(Self.key("c"))
            throw Refused()
        }
        // The leader's key again: a constraint failure inside the group, once the leader's group has committed.
        let duplicate = try fixture.queue { try $0.insert(Self.key("lead")) }
        let d = try fixture.queue { w -> String in
            try w.insert(Self.key("d"))
            return "d's result"
        }
        let before = fixture.store.groupCommitStatistics
        gate.signal()

        try leader.join().get()
        try b.join().get()
        #expect { try c.join().get() } throws: { ($0 as? Refused) != nil }
        #expect { try duplicate.join().get() } throws: { ($0 as? StoreError)?.code == .alreadyExists }
        #expect(try d.join().get() == "d's result")
        // The four queued writers shared one transaction.
        #expect(fixture.store.groupCommitStatistics.groups == before.groups + 1)
        #expect(fixture.store.groupCommitStatistics.writes == before.writes + 4)
        #expect(try fixture.uids() == ["lead", "b", "d"])
        #expect(try SQLiteObjectStore(path: fixture.path).read { try $0.objectCount(domainID: "acme") } == 3)
        #expect(try fixture.store.integrityCheck().isEmpty)
    }

    @Test func aFailedCommitFailsEveryWriterWhoseBodySucceeded() throws {
        final class Switch: Sendable { let on = Atomic(false) }
        let failing = Switch()
        let fixture = try Fixture { step in
            if step == "commit", failing.on.load(ordering: .relaxed) { throw StoreError(.io, "injected commit failure") }
        }
        let gate = DispatchSemaphore(value: 0)
        let leader = fixture.holdWriter(inserting: "lead", gate: gate)
        let b = try fixture.queue { try $0.insert(Self.key("b")) }
        let c = try fixture.queue { _ -> Void in throw Refused() }
        let d = try fixture.queue { try $0.insert(Self.key("d")) }
        failing.on.store(true, ordering: .relaxed)
        gate.signal()

        func injected(_ error: any Error) -> Bool { (error as? StoreError)?.reason == "injected commit failure" }
        #expect { try leader.join().get() } throws: { injected($0) }
        #expect { try b.join().get() } throws: { injected($0) }
        #expect { try c.join().get() } throws: { ($0 as? Refused) != nil } // its own error, not the commit's
        #expect { try d.join().get() } throws: { injected($0) }
        #expect(try fixture.uids().isEmpty)

        // The writer is usable again at once.
        failing.on.store(false, ordering: .relaxed)
        try fixture.store.write { try $0.insert(Self.key("after")) }
        #expect(try fixture.uids() == ["after"])
        #expect(try fixture.store.integrityCheck().isEmpty)
    }

    /// On a full disk SQLite may undo the failed statement only, or the whole transaction; either way a writer
    /// is told it succeeded exactly when its changes are in the store.
    @Test func aFullDiskInAGroupLosesOnlyWritesThatReportedFailure() throws {
        let fixture = try Fixture(maxPageCount: 1) // capped at the file's current size
        let gate = DispatchSemaphore(value: 0)
        let leader = fixture.holdWriter(inserting: "lead", gate: gate)
        let b = try fixture.queue { try $0.insert(Self.key("b")) }
        let big = try fixture.queue { try $0.insert(Self.key("big", attributes: [UInt8](repeating: 7, count: 1 << 20))) }
        let d = try fixture.queue { try $0.insert(Self.key("d")) }
        gate.signal()

        #expect { try big.join().get() } throws: { ($0 as? StoreError)?.code == .full }
        let stored = try fixture.uids()
        for (uid, writer) in [("lead", leader), ("b", b), ("d", d)] {
            let succeeded = (try? writer.join().get()) != nil
            #expect(succeeded == stored.contains(uid), "\(uid): succeeded \(succeeded), stored \(stored.contains(uid))")
        }
        #expect(!stored.contains("big"))
        #expect(try fixture.store.integrityCheck().isEmpty)
    }

    @Test func aLoneWriterCommitsAtOnceAsBefore() throws {
        let fixture = try Fixture()
        let before = fixture.store.groupCommitStatistics
        let value = try fixture.store.write { w -> Int in
            try w.insert(Self.key("k1"))
            return 42
        }
        #expect(value == 42)
        // Committed when `write` returned: another store on the file sees it.
        #expect(try SQLiteObjectStore(path: fixture.path).object(uid: "k1", domainID: "acme") != nil)
        #expect { try fixture.store.write { w -> Void in
            try w.insert(Self.key("k2"))
            throw Refused()
        } } throws: { ($0 as? Refused) != nil }
        try fixture.store.write { try $0.insert(Self.key("k3")) }
        // Writes one after another are groups of one.
        #expect(fixture.store.groupCommitStatistics.groups == before.groups + 3)
        #expect(try fixture.uids() == ["k1", "k3"])
    }
}

/// A body run on a thread of its own; `join` waits for its result.
final class Background<T>: @unchecked Sendable { // `result` is written before `done` is signalled, read after
    private let done = DispatchSemaphore(value: 0)
    private var result: Result<T, any Error>?

    init(_ body: @escaping @Sendable () throws -> T) {
        Thread { [self] in
            result = Result { try body() }
            done.signal()
        }.start()
    }

    func join() -> Result<T, any Error> {
        done.wait()
        done.signal() // a later join returns at once
        return result!
    }
}

/// Polls `condition` until it holds, for at most 10 seconds.
func waitUntil(_ condition: () -> Bool) throws {
    let deadline = Date().addingTimeInterval(10)
    while !condition() {
        guard Date() < deadline else { throw StoreError(.database, "condition not met within 10 s") }
        Thread.sleep(forTimeInterval: 0.001)
    }
}
