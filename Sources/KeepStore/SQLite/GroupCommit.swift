import Dispatch
import KeepSync
#if canImport(Glibc)
import Glibc
#endif

/// Group commit: writers that arrive while a commit is under way share the next transaction, and its one fsync.
///
/// A durable commit costs an fsync of the WAL (`synchronous=FULL`), a fraction of a millisecond to several on a
/// virtual disk, and SQLite has one writer at a time; so one transaction per write caps the store at one write per
/// fsync however many clients wait. Here every write joins a queue. If no commit is under way its writer becomes
/// the leader: it opens one `BEGIN IMMEDIATE` transaction, runs every queued body in it (up to `maxGroupSize`),
/// each inside a savepoint of its own, commits once, and wakes each writer with its own result. Writers that
/// arrive meanwhile wait; when the leader is done it promotes the first of them to lead the next group. Nothing
/// waits on a timer: a lone writer commits at once, and groups grow only as large as the load makes them.
///
/// What each writer sees is what a transaction of its own gave it:
/// - `write` returns only once the transaction holding its changes has committed (durable), or throws.
/// - A body that throws has its savepoint rolled back: its changes are undone, its error goes to its caller
///   alone, and the other writers of the group commit as if it had not been there.
/// - If the commit fails, every writer whose body succeeded gets that error; none of the group's changes stays.
/// - If SQLite rolls the whole transaction back on its own after a failed statement (disk full, I/O error, out of
///   memory, per its rules on errors within a transaction), the writers whose changes were in it get an error
///   saying so, and the rest of the group goes on in a new transaction.
/// - Bodies of one group run one after another, in arrival order, each seeing the changes of those before it, as
///   serialized transactions would.
///
/// A body runs on the leader's thread, not its caller's (the caller is blocked until it has run). Bodies only
/// call the store's writer; one must not call `write` itself, which is refused (it would wait for itself).
final class GroupCommit: Sendable {
    /// Most writers in one transaction: bounds how long a writer waits for the bodies queued before it. The
    /// server's writes are a few indexed inserts each, so a full group runs in a few milliseconds.
    static let maxGroupSize = 256

    private let connection: Locked<Connection>
    private let queue = Locked(Queue())
    /// Test hook: called just before each COMMIT; throwing makes the commit fail, as an I/O error would.
    private let faultInjector: (@Sendable (String) throws -> Void)?

    private struct Queue {
        var waiting: [PendingWrite] = []
        /// A writer is leading a group; the first waiting writer is promoted when it finishes.
        var leading = false
        /// The thread running the group's bodies while it does, to refuse a `write` from inside a body.
        var runningBodies: pthread_t?
        var groups = 0
        var writes = 0
    }

    /// `connection` is the store's writer; the leader holds its lock while it runs a group.
    init(connection: Locked<Connection>, faultInjector: (@Sendable (String) throws -> Void)? = nil) {
        self.connection = connection
        self.faultInjector = faultInjector
    }

    /// Writers queued and not yet taken into a group (for tests).
    var waitingCount: Int { queue.withLock { $0.waiting.count } }
    /// Groups run so far and the writes they held (for tests).
    var statistics: (groups: Int, writes: Int) { queue.withLock { ($0.groups, $0.writes) } }

    func write<T>(_ body: (any ObjectStoreWriter) throws -> T) throws -> T {
        try withoutActuallyEscaping(body) { body in
            var result: Result<T, any Error>?
            let pending = PendingWrite { transaction in
                result = Result { try body(transaction) }
                if case .failure(let error)? = result { return error }
                return nil
            }
            try submit(pending)
            if let failure = pending.failure { throw failure }
            guard let result else { throw StoreError(.database, "internal error: a write's body did not run") }
            return try result.get()
        }
    }

    /// Queues the write and returns once its group has committed or failed.
    private func submit(_ pending: PendingWrite) throws {
        let (nested, leads) = queue.withLock { queue -> (Bool, Bool) in
            if let thread = queue.runningBodies, pthread_equal(thread, pthread_self()) != 0 { return (true, false) }
            queue.waiting.append(pending)
            if queue.leading { return (false, false) }
            queue.leading = true
            return (false, true)
        }
        precondition(!nested, "ObjectStore.write called from inside a write's body: it would wait for itself")
        if !leads {
            pending.wake.wait()
            guard pending.promoted else { return } // a leader ran it and committed (or failed) its group
        }
        lead(pending)
    }

    /// Runs and commits the group at the head of the queue (which starts with `own`), then promotes the next writer.
    private func lead(_ own: PendingWrite) {
        let group = queue.withLock { queue -> [PendingWrite] in
            let group = Array(queue.waiting.prefix(Self.maxGroupSize))
            queue.waiting.removeFirst(group.count)
            queue.runningBodies = pthread_self()
            queue.groups += 1
            queue.writes += group.count
            return group
        }
        connection.withLock { connection in
            commit(group[...], on: connection)
        }
        // Release the bodies before their writers return: `withoutActuallyEscaping` checks that none outlives its call.
        for member in group { member.run = nil }
        let next = queue.withLock { queue -> PendingWrite? in
            queue.runningBodies = nil
            guard let next = queue.waiting.first else {
                queue.leading = false
                return nil
            }
            next.promoted = true
            return next
        }
        next?.wake.signal()
        for member in group where member !== own { member.wake.signal() }
    }

    /// One transaction for `group`, each body in a savepoint of its own; a single writer needs no savepoint.
    private func commit(_ group: ArraySlice<PendingWrite>, on connection: Connection) {
        guard let first = group.first else { return }
        do {
            try connection.begin()
        } catch {
            for member in group { member.failure = error }
            return
        }
        if group.count == 1 {
            let succeeded = first.runBody(connection) == nil
            connection.resetStatements()
            guard connection.isInTransaction else {
                if succeeded { first.failure = Self.rolledBack(by: nil) }
                return
            }
            if succeeded {
                finish([first], on: connection)
            } else {
                connection.rollback()
            }
            return
        }

        var inTransaction: [PendingWrite] = []
        for index in group.indices {
            let member = group[index]
            do {
                try connection.savepoint()
            } catch {
                member.failure = error
                continue
            }
            let thrown = member.runBody(connection)
            let succeeded = thrown == nil
            connection.resetStatements()
            guard connection.isInTransaction else {
                // SQLite rolled the transaction back: the changes of the writers before this one are gone too.
                let error = Self.rolledBack(by: thrown)
                for lost in inTransaction { lost.failure = error }
                if succeeded { member.failure = error }
                commit(group[(index + 1)...], on: connection)
                return
            }
            do {
                if !succeeded { try connection.rollbackToSavepoint() }
                try connection.releaseSavepoint()
                if succeeded { inTransaction.append(member) }
            } catch {
                // A savepoint that cannot be undone or released leaves the transaction in doubt: give it up.
                connection.rollback()
                for lost in inTransaction { lost.failure = error }
                if succeeded { member.failure = error }
                commit(group[(index + 1)...], on: connection)
                return
            }
        }
        finish(inTransaction, on: connection)
    }

    /// Commits; if that fails, rolls back and gives every member the error.
    private func finish(_ members: [PendingWrite], on connection: Connection) {
        do {
            try faultInjector?("commit")
            try connection.commit()
        } catch {
            connection.rollback()
            for member in members { member.failure = error }
        }
    }

    private static func rolledBack(by cause: (any Error)?) -> StoreError {
        StoreError((cause as? StoreError)?.code ?? .database,
                   "the transaction this write shared was rolled back by SQLite after a failed statement; nothing of it was committed")
    }
}

/// One writer's body, run by whichever thread leads its group, and how its write ended. Fields are written by the
/// leader before it signals `wake` and read by the writer after it; the semaphore orders the two.
final class PendingWrite: @unchecked Sendable {
    /// Runs the body in the open transaction and keeps its result for the writer; returns the error the body
    /// threw, if it did. Cleared by the leader once the group is done.
    var run: ((SQLiteTransaction) -> (any Error)?)?
    /// Set when the write failed outside its body: the group could not begin or commit, or was rolled back.
    var failure: (any Error)?
    /// Chosen by the previous leader to lead the next group.
    var promoted = false
    let wake = DispatchSemaphore(value: 0)

    init(_ run: @escaping (SQLiteTransaction) -> (any Error)?) {
        self.run = run
    }

    func runBody(_ connection: Connection) -> (any Error)? {
        guard let run else { return StoreError(.database, "internal error: a write's body ran twice") }
        return run(SQLiteTransaction(connection: connection))
    }
}
