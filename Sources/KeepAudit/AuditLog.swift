import Foundation
import KeepCrypto

/// The writer of a node's audit log: appends records to the current segment, makes them durable with group
/// commit, writes signed checkpoints, and rolls to a new segment by size.
///
/// `append` blocks its caller until the records are on disk (written and fdatasync'd) and returns their sequence
/// numbers, or throws: a caller that gets no sequence number must treat the event as unrecorded (KMIPService
/// then answers with an error).
///
/// Group commit. A caller that finds the log idle (nothing queued, nobody writing) while requests come one at a time
/// (further apart, on average, than an fsync takes) commits its own records on its own thread: one pwrite(2), one
/// fdatasync, no hand-off to another thread and back. Otherwise callers queue and sleep; the writer thread takes
/// everything queued, writes it with one pwrite(2), syncs once and releases them: N concurrent requests cost about one
/// fsync, not N. A burst (16 Creates released together by the store's own group commit) goes to the writer thread
/// whole: had its first request committed alone, the other 15 would wait for that fsync before theirs. Only one commit
/// runs at a time (`leading`, under the queue's lock), so only one thread at a time touches the files. A small ticker
/// thread asks for the interval checkpoint when one is due.
///
/// Why not hand the commit to a waiting caller instead of the writer thread: on a machine with few cores the caller
/// promoted must wait for a core like every other request thread, and the fsyncs stall behind it (measured: 9 %
/// fewer Gets on 16 connections than with the writer thread; docs/performance.md).
///
/// Failures. A failed write is cut back (ftruncate to the last durable size) and fails only the records of that
/// batch: the log stays usable, and the next batch may succeed once space is freed. A failed fsync is different:
/// Linux may have dropped the dirty pages and a retried fsync would wrongly report success, so the log becomes
/// `unavailable` and every later append fails until keepd restarts and recovers the log from what is on disk.
public final class AuditLog: Sendable {
    public struct Configuration: Sendable {
        public var directory: String
        public var nodeID: String
        /// A segment is closed (with a checkpoint) and the next one begun once it reaches this size.
        public var segmentBytes = 64 << 20
        /// An interval checkpoint is written when records have arrived and this much time has passed since the
        /// last one, or once `checkpointRecords` records have arrived: bounds what a cut tail can remove unseen.
        public var checkpointInterval = Duration.seconds(60)
        public var checkpointRecords = 10_000
        /// Microseconds since the POSIX epoch.
        public var clock: @Sendable () -> Int64 = AuditLog.systemClock
        /// Test hook: called before each write(2) and fdatasync; throwing makes that call fail.
        public var faultInjector: (@Sendable (IOStep) throws -> Void)?
        /// Told about each checkpoint once durable (keepd copies it to its JSON log, an anchor kept elsewhere).
        public var onCheckpoint: (@Sendable (CheckpointSummary) -> Void)?

        public init(directory: String, nodeID: String) {
            self.directory = directory
            self.nodeID = nodeID
        }
    }

    public enum IOStep: Sendable { case write, sync }

    /// What opening found.
    public struct Recovery: Sendable, CustomStringConvertible {
        /// A new log (no segment existed).
        public var fresh: Bool
        /// The last record in the log when it was opened.
        public var lastSequence: UInt64
        /// The log ended with a shutdown checkpoint.
        public var cleanStop: Bool
        /// Bytes of a torn last frame cut off (a write that never completed: its request was never answered).
        public var tornBytesDiscarded: Int

        public var description: String {
            if fresh { return "new audit log" }
            var text = cleanStop ? "previous run stopped cleanly after record \(lastSequence)"
                : "previous run ended without a shutdown checkpoint after record \(lastSequence) (crash, kill, or a cut tail)"
            if tornBytesDiscarded > 0 { text += "; \(tornBytesDiscarded) bytes of an incomplete last frame discarded" }
            return text
        }
    }

    public struct Statistics: Sendable, Equatable {
        public init(records: Int = 0, batches: Int = 0, syncs: Int = 0, checkpoints: Int = 0, segments: Int = 0, ownCommits: Int = 0) {
            self.records = records
            self.batches = batches
            self.ownCommits = ownCommits
            self.syncs = syncs
            self.checkpoints = checkpoints
            self.segments = segments
        }

        public var records = 0
        /// Group commits: each is one write(2) and one fdatasync for every record queued meanwhile.
        public var batches = 0
        /// Every fdatasync and fsync the log made (batches, checkpoints, segment switches).
        public var syncs = 0
        public var checkpoints = 0
        public var segments = 0
        /// Requests committed on their caller's own thread (the log was idle and requests came one at a time),
        /// not handed to the writer thread.
        public var ownCommits = 0
    }

    public struct CheckpointSummary: Sendable {
        public var kind: Checkpoint.Kind
        public var segment: UInt32
        public var sequence: UInt64
        public var time: Int64
        /// `Checkpoint.digest`, hexadecimal: what the next checkpoint links to, and what an anchor records.
        public var digest: String
        public var lastRecordDigest: String
    }

    public static let systemClock: @Sendable () -> Int64 = {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Int64(now.tv_sec) * 1_000_000 + Int64(now.tv_nsec) / 1_000
    }

    public let configuration: Configuration
    public let recovery: Recovery
    private let queue: Queue
    private let writer: Writer

    /// Opens the log in `configuration.directory` (creating it and its first segment if needed), after checking the
    /// last segment against its chain and its MACs: keepd never appends to a log that does not verify.
    public static func open(_ configuration: Configuration, keys: any AuditKeys) throws -> AuditLog {
        try AuditLog(configuration: configuration, keys: keys)
    }

    private init(configuration: Configuration, keys: any AuditKeys) throws {
        self.configuration = configuration
        let writer = try Writer(configuration: configuration, keys: keys)
        self.writer = writer
        recovery = writer.recovery
        queue = Queue()
        let thread = Thread { [queue, writer] in
            while let items = queue.next() {
                let open = writer.process(items)
                queue.handOff(closed: !open, window: writer.gatherWindow)
            }
        }
        thread.name = "keep-audit-writer"
        thread.start()
        // Weak: the log goes away when its owner lets go, ticker or not.
        let period = Self.tickPeriod(configuration.checkpointInterval)
        let ticker = Thread { [weak self] in
            while true {
                Thread.sleep(forTimeInterval: period)
                guard let log = self, !log.queue.isClosing else { return }
                _ = try? Self.submit(.tick, queue: log.queue, writer: log.writer)
            }
        }
        ticker.name = "keep-audit-ticker"
        ticker.start()
    }

    /// How often the ticker looks whether an interval checkpoint is due: a quarter of the interval, at most a
    /// second, so a checkpoint is at most that late.
    static func tickPeriod(_ interval: Duration) -> Double {
        let seconds = Double(interval.components.seconds) + Double(interval.components.attoseconds) / 1e18
        return min(max(seconds / 4, 0.001), 1)
    }

    /// Queues `request` and waits until it is committed: by this thread when the log is idle, else by the writer.
    private static func submit(_ request: Request, queue: Queue, writer: Writer) throws -> [UInt64] {
        let pending = Pending(request)
        switch try queue.enqueue(pending) {
        case .alreadyClosed:
            return []
        case .queued:
            pending.done.wait()
        case .commitNow:
            let open = writer.process([pending])
            writer.stats.withLock { $0.ownCommits += 1 }
            queue.handOff(closed: !open, window: writer.gatherWindow)
        }
        // Read after the semaphore, or on the thread that wrote it.
        return try pending.result.get()
    }

    /// Appends `entries` in order and returns once they are durable, with their sequence numbers.
    @discardableResult
    public func append(_ entries: [AuditEntry]) throws -> [UInt64] {
        guard !entries.isEmpty else { return [] }
        return try Self.submit(.records(entries.map { $0.bounded() }), queue: queue, writer: writer)
    }

    @discardableResult
    public func append(_ entry: AuditEntry) throws -> UInt64 {
        try append([entry])[0]
    }

    /// Writes an interval checkpoint now if any record is not yet covered by one.
    public func checkpoint() throws {
        _ = try Self.submit(.checkpoint, queue: queue, writer: writer)
    }

    /// Writes the shutdown checkpoint and closes the files; later appends throw `.closed`. Idempotent.
    public func close() throws {
        _ = try Self.submit(.close, queue: queue, writer: writer)
    }

    public var statistics: Statistics { writer.stats.withLock { $0 } }

    /// The last durable record's sequence number and digest (hexadecimal): a live anchor for online verification.
    public var head: (sequence: UInt64, digest: String) { writer.published.withLock { $0 } }
}

// MARK: - Queue

extension AuditLog {
    enum Request {
        case records([AuditEntry])
        case checkpoint
        /// The ticker's: an interval checkpoint if one is due.
        case tick
        case close
    }

    final class Pending: @unchecked Sendable {
        let request: Request
        // Written before `done` is signalled, read by the submitter after: ordered by the semaphore.
        var result: Result<[UInt64], AuditError> = .failure(AuditError(.unavailable, "not processed"))
        let done = DispatchSemaphore(value: 0)
        init(_ request: Request) { self.request = request }

        func finish(_ result: Result<[UInt64], AuditError>) {
            self.result = result
            done.signal()
        }
    }

    /// What callers hand the writer thread, in arrival order, and whether a commit is under way.
    final class Queue: @unchecked Sendable {
        // Everything below is guarded by `condition`.
        let condition = NSCondition()
        private var items: [Pending] = []
        /// A commit is under way (by a caller or the writer thread).
        private var leading = false
        private var closing = false
        /// The close is committed: the writer thread ends.
        private var finished = false
        /// The last fsync's duration, bounded (`Writer.gatherWindow`): how long the writer thread waits for company.
        private var window: UInt64 = 0
        /// The mean of those durations (an exponential moving average): requests that arrive closer together than
        /// this are concurrent, and share fsyncs through the writer thread. A mean, not the last one, so that one
        /// slow sync does not send a lone caller's next request through the writer thread.
        private var meanSync: Double = 0
        /// When the last request arrived, and the mean gap between arrivals (an exponential moving average, in
        /// nanoseconds): how many callers the writer thread may expect within one fsync.
        private var lastArrival: UInt64 = 0
        private var meanGap: Double = .infinity

        var isClosing: Bool {
            condition.lock()
            defer { condition.unlock() }
            return closing
        }

        enum Role {
            /// The log is idle: the caller commits its request itself, then calls `handOff`.
            case commitNow
            /// Queued for the writer thread: the caller waits on the request's semaphore.
            case queued
            /// A close after the close: nothing to do.
            case alreadyClosed
        }

        /// Queues `pending` and says what its caller is to do. A close after the close has nothing to do; anything
        /// else after it throws.
        func enqueue(_ pending: Pending) throws -> Role {
            condition.lock()
            defer { condition.unlock() }
            if closing {
                if case .close = pending.request { return .alreadyClosed }
                throw AuditError(.closed, "the audit log is closed")
            }
            if case .close = pending.request { closing = true }
            if case .tick = pending.request {} else {
                let now = DispatchTime.now().uptimeNanoseconds
                if lastArrival > 0 {
                    let gap = Double(now - lastArrival)
                    meanGap = meanGap.isFinite ? 0.8 * meanGap + 0.2 * gap : gap
                }
                lastArrival = now
            }
            let concurrent = meanGap.isFinite && meanSync > meanGap
            if !leading && items.isEmpty && !concurrent {
                leading = true
                return .commitNow
            }
            items.append(pending)
            condition.broadcast()
            return .queued
        }

        /// The writer thread's wait: for requests queued while nobody commits, then everything queued, after group
        /// commit's wait. Nil once the log is closed.
        ///
        /// Group commit's wait. On a machine with few cores, callers released by one fsync come back one at a
        /// time, and a writer that commits whatever is queued the moment it looks commits one record per fsync
        /// while the others are still on their way. So when callers arrive faster than an fsync takes, the writer
        /// waits (at most `window`, the last fsync's duration) for as many as one fsync's worth of arrivals before
        /// committing. With one caller at a time the gap is longer than the fsync and it never waits.
        func next() -> [Pending]? {
            condition.lock()
            defer { condition.unlock() }
            while items.isEmpty || leading {
                if finished { return nil }
                condition.wait()
            }
            leading = true
            let nanoseconds = window
            if meanGap.isFinite, meanGap > 0, Double(nanoseconds) > meanGap {
                let expected = min(Int(Double(nanoseconds) / meanGap), 256)
                let deadline = Date(timeIntervalSinceNow: Double(nanoseconds) / 1e9)
                while items.count < expected, !closing {
                    if !condition.wait(until: deadline) { break }
                }
            }
            let taken = items
            items = []
            return taken
        }

        /// A commit is done; `window` is how long a group commit may wait for company now (the last fsync's
        /// duration, bounded). The writer thread takes whatever queued meanwhile. After the close, whatever is still
        /// queued is refused and the writer thread ends.
        func handOff(closed: Bool, window: UInt64) {
            condition.lock()
            defer { condition.unlock() }
            leading = false
            self.window = window
            meanSync = meanSync > 0 ? 0.8 * meanSync + 0.2 * Double(window) : Double(window)
            if closed {
                finished = true
                for rest in items { rest.finish(.failure(AuditError(.closed, "the audit log is closed"))) }
                items = []
            }
            if !items.isEmpty || finished { condition.broadcast() }
        }
    }
}
