import Foundation

/// A value behind a lock that a running thread takes as soon as it is free.
///
/// Why not `Synchronization.Mutex`: on Linux (Swift 6.3) it is a priority-inheritance futex, and unlocking a
/// contended one hands the lock to the longest waiter. With more threads than cores (keepd runs a thread per
/// connection on a 2-core machine) the waiter it is handed to is usually not running, so every thread that wants
/// the lock queues behind one that first has to be scheduled: a lock convoy. Under the 16-connection benchmark the
/// store's reader-pool Mutex took over a fifth of keepd's CPU in its spin loop and throughput fell below that of a
/// single connection (swiftlang/swift#88440 reports the same; later toolchains change the implementation). NSLock
/// is glibc's normal mutex: unlocking wakes a waiter but does not hand it the lock, so a thread on a core takes it.
///
/// Use it for every lock a request takes. A lock that requests contend for is held for a few instructions (a pool
/// pop, a queue append, a dictionary lookup): it is a plain mutex, not a scheduler. One held across slow work (the
/// store's writer connection during a commit) must be one that a single thread at a time asks for.
public final class Locked<Value>: @unchecked Sendable { // @unchecked: every access to `value` is under `lock`
    private let lock = NSLock()
    private var value: Value

    public init(_ value: Value) { self.value = value }

    public func withLock<R>(_ body: (inout Value) throws -> R) rethrows -> R {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
