import Dispatch
import KMIP
import KeepCrypto
import KeepSync

/// One streamed Encrypt or Decrypt between its first part and its last (KMIP 1.3+: Init Indicator, Correlation
/// Value, Final Indicator): the cipher running under the key it was started with, and what it is bound to.
/// `CipherStreams` lends it to one request at a time.
final class CipherStream {
    enum Engine {
        case encrypting(AESStreamEncryptor)
        case decrypting(AESStreamDecryptor)
    }

    let operation: Operation
    /// The key the stream runs under. Every part checks it again as a one-shot request would.
    let keyID: String
    /// The cipher, as the first request's parameters (or the key's) gave it; a later part that sends parameters
    /// must send these.
    let cipher: KeyCipher
    let engine: Engine
    /// Names the stream in the audit log: `stream:` and 16 hex digits, random and unrelated to the Correlation
    /// Value, so the log links a stream's steps without holding what continues it.
    let auditLabel: String
    /// AES-GCM decryption: the tag, if the first request gave it (KMIP 1.4 §4.30 puts it there).
    var tag: [UInt8]?

    init(operation: Operation, keyID: String, cipher: KeyCipher, engine: Engine) throws {
        self.operation = operation
        self.keyID = keyID
        self.cipher = cipher
        self.engine = engine
        auditLabel = "stream:" + KMIPService.hex(try SecureRandom.publicBytes(count: 8))
    }
}

/// The streams in progress, in memory only (a restart ends them all): found by Correlation Value, bound to who
/// started them, bounded in number, dropped when idle.
///
/// A stream answers only to the client that started it: the same domain, the same certificate, the same
/// operation. Any other request that sends its Correlation Value, like one whose stream finished, failed or
/// expired, gets exactly the answer an unknown value gets, so a value says nothing outside its owner.
/// A stream is lent to one request at a time; parts sent concurrently are refused, since their order would be
/// a race. A part that fails ends its stream: the cipher's state after a failure is not one to go on from.
///
/// Idle streams are dropped at the first request that meets them and, so that no key schedule outlives its
/// timeout when no request comes, by a sweep scheduled for the oldest stream's deadline while any is open.
final class CipherStreams: Sendable {
    /// Who may continue a stream: the domain and the client certificate (its fingerprint) that started it.
    struct Owner: Hashable, Sendable {
        let domainID: String
        let client: String
    }

    struct Limits: Hashable, Sendable {
        var maxStreams: Int
        var maxStreamsPerDomain: Int
        var idleTimeoutNanoseconds: UInt64

        init(_ configuration: ServiceConfiguration) {
            maxStreams = configuration.maxCipherStreams
            maxStreamsPerDomain = configuration.maxCipherStreamsPerDomain
            // At most a day: a longer wait is a misconfiguration, and the conversion below must not trap.
            let seconds = configuration.cipherStreamIdleTimeout.isFinite ? min(max(configuration.cipherStreamIdleTimeout, 0), 86_400) : 60
            idleTimeoutNanoseconds = UInt64(seconds * 1_000_000_000)
        }
    }

    /// 16 bytes from the CSPRNG: 128 bits no client guesses, so only the client given a value can name its stream
    /// (and the owner check makes a value useless to anyone else even if it leaks).
    static let correlationValueByteCount = 16
    /// The shortest wait between sweeps: a clock set by hand (tests) cannot make the sweep spin.
    private static let minimumSweepDelay: UInt64 = 10_000_000

    /// Monotonic nanoseconds: a wall-clock step neither expires streams early nor keeps them late.
    static let uptime: @Sendable () -> UInt64 = { DispatchTime.now().uptimeNanoseconds }

    private struct Entry {
        let stream: CipherStream
        let owner: Owner
        var lastUsed: UInt64
        /// A request holds the stream.
        var busy: Bool
    }

    private struct State {
        var entries: [[UInt8]: Entry] = [:]
        var perDomain: [String: Int] = [:]
        var sweepScheduled = false
    }

    let limits: Limits
    private let clock: @Sendable () -> UInt64
    private let state = Locked(State())

    init(limits: Limits, clock: @escaping @Sendable () -> UInt64 = CipherStreams.uptime) {
        self.limits = limits
        self.clock = clock
    }

    /// Streams open, in one domain or in all.
    func count(in domainID: String? = nil) -> Int {
        state.withLock { state in domainID.map { state.perDomain[$0, default: 0] } ?? state.entries.count }
    }

    /// Opens `stream` for `owner` within the limits and runs its first part through `first`. Returns the stream's
    /// new Correlation Value with what `first` returned; if `first` throws, the stream is dropped.
    func open<R>(_ stream: CipherStream, owner: Owner, first: (CipherStream) throws -> R) throws -> (correlationValue: [UInt8], result: R) {
        var value = try SecureRandom.publicBytes(count: Self.correlationValueByteCount)
        try state.withLock { state in
            dropExpired(&state, now: clock())
            guard state.entries.count < limits.maxStreams else {
                throw ServiceError(.serverLimitExceeded, "the server has \(limits.maxStreams) streams open, its limit: finish one, or send the data in one request")
            }
            guard state.perDomain[owner.domainID, default: 0] < limits.maxStreamsPerDomain else {
                throw ServiceError(.serverLimitExceeded,
                                   "this domain has \(limits.maxStreamsPerDomain) streams open, its limit: finish one, or send the data in one request")
            }
            while state.entries[value] != nil { value = try SecureRandom.publicBytes(count: Self.correlationValueByteCount) }
            state.entries[value] = Entry(stream: stream, owner: owner, lastUsed: clock(), busy: true)
            state.perDomain[owner.domainID, default: 0] += 1
        }
        do {
            let result = try first(stream)
            release(value, ended: false)
            return (value, result)
        } catch {
            release(value, ended: true)
            throw error
        }
    }

    /// Lends `owner`'s `operation` stream named by `value` to `next`, which runs one part and says whether the
    /// stream has ended. A stream that ends, or whose part throws, is dropped.
    func resume<R>(_ value: [UInt8], owner: Owner, operation: Operation, next: (CipherStream) throws -> (result: R, ended: Bool)) throws -> R {
        let stream = try state.withLock { state -> CipherStream in
            guard let entry = state.entries[value], entry.owner == owner, entry.stream.operation == operation else {
                throw Self.unknown(operation)
            }
            guard !entry.busy else {
                throw ServiceError(.invalidMessage, "another request is running a part of this stream: send the parts one after another")
            }
            guard idle(entry, now: clock()) < limits.idleTimeoutNanoseconds else {
                remove(value, from: &state)
                throw Self.unknown(operation)
            }
            state.entries[value]?.busy = true
            return entry.stream
        }
        do {
            let (result, ended) = try next(stream)
            release(value, ended: ended)
            return result
        } catch {
            release(value, ended: true)
            throw error
        }
    }

    /// The one answer for every value that names no stream of the caller's.
    private static func unknown(_ operation: Operation) -> ServiceError {
        ServiceError(.unknownCorrelationValue, "the Correlation Value names no \(operation) stream of this client: unknown, finished, failed or expired")
    }

    /// Gives a lent stream back (its idle time starts again), or drops it.
    private func release(_ value: [UInt8], ended: Bool) {
        state.withLock { state in
            let now = clock()
            if ended {
                remove(value, from: &state)
            } else {
                state.entries[value]?.busy = false
                state.entries[value]?.lastUsed = now
            }
            scheduleSweep(&state, now: now)
        }
    }

    /// Drops a stream: the last reference to its cipher goes, which frees the context (cleansing the key schedule)
    /// and zeroes any plaintext it held.
    private func remove(_ value: [UInt8], from state: inout State) {
        guard let entry = state.entries.removeValue(forKey: value) else { return }
        let left = state.perDomain[entry.owner.domainID, default: 1] - 1
        state.perDomain[entry.owner.domainID] = left > 0 ? left : nil
    }

    private func idle(_ entry: Entry, now: UInt64) -> UInt64 {
        now >= entry.lastUsed ? now - entry.lastUsed : 0
    }

    private func dropExpired(_ state: inout State, now: UInt64) {
        for (value, entry) in state.entries where !entry.busy && idle(entry, now: now) >= limits.idleTimeoutNanoseconds {
            remove(value, from: &state)
        }
    }

    /// Schedules a sweep for when the oldest idle stream expires, unless one is scheduled or nothing is open. A
    /// stream lent out is given back with a later deadline, which the sweep then finds.
    private func scheduleSweep(_ state: inout State, now: UInt64) {
        guard !state.sweepScheduled, !state.entries.isEmpty else { return }
        state.sweepScheduled = true
        let timeout = limits.idleTimeoutNanoseconds
        let oldest = state.entries.values.filter { !$0.busy }.map { idle($0, now: now) }.max() ?? 0
        let delay = max(timeout - min(oldest, timeout), Self.minimumSweepDelay)
        DispatchQueue.global(qos: .utility).asyncAfter(deadline: .now() + .nanoseconds(Int(clamping: delay))) { [weak self] in
            self?.sweep()
        }
    }

    private func sweep() {
        state.withLock { state in
            state.sweepScheduled = false
            let now = clock()
            dropExpired(&state, now: now)
            scheduleSweep(&state, now: now)
        }
    }
}
