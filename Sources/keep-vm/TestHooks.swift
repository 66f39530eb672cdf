import Foundation
import KeepClient

/// Test-only hooks, read from the environment, for the tests that interrupt keep-vm:
/// - `KEEP_VM_TEST_CRASH_AT=POINT[:N]` kills the process with SIGKILL the N-th time (default 1st) the workflow
///   reaches POINT (a `WorkflowPoint`: kekCreated, journalCreated, chunkWritten, checkpointed, diskCommitting,
///   diskRenamed, descriptorWritten);
/// - `KEEP_VM_TEST_CHUNK_DELAY_MS=N` sleeps N ms after each chunk, so a test can kill at a random moment of a
///   small disk.
/// Without them, no hook is installed.
enum TestHooks {
    static func fromEnvironment() -> (@Sendable (WorkflowPoint) -> Void)? {
        let environment = ProcessInfo.processInfo.environment
        let delay = environment["KEEP_VM_TEST_CHUNK_DELAY_MS"].flatMap(Int.init) ?? 0
        var crash: (WorkflowPoint, Int)?
        if let text = environment["KEEP_VM_TEST_CRASH_AT"] {
            let parts = text.split(separator: ":")
            guard let point = WorkflowPoint(rawValue: String(parts[0])) else { fail("KEEP_VM_TEST_CRASH_AT: unknown point '\(parts[0])'") }
            crash = (point, parts.count > 1 ? Int(parts[1]) ?? 1 : 1)
        }
        guard delay > 0 || crash != nil else { return nil }
        let counter = Counter()
        return { [crash] point in
            if let crash, crash.0 == point, counter.increment() == crash.1 {
                kill(getpid(), SIGKILL)
            }
            if delay > 0, point == .chunkWritten { usleep(useconds_t(delay * 1000)) }
        }
    }

    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func increment() -> Int {
            lock.lock()
            defer { lock.unlock() }
            value += 1
            return value
        }
    }
}
