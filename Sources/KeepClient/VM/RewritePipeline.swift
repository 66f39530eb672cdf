#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Synchronization

/// The reader and writer threads of `DiskRewriter.rewrite`, and the buffers they pass around.
///
/// @unchecked Sendable, and why that is sound: a buffer slot belongs to exactly one stage at a time — it moves
/// free → reader → caller (transform) → writer → free only through the channels, whose locks order every access
/// to its bytes; the file descriptors are used for positioned reads (reader) and positioned writes (writer, and the
/// fsync at each durable mark); every other field is behind `state`'s lock.
final class RewritePipeline: @unchecked Sendable {
    private let input: FileDescriptor
    private let output: FileDescriptor
    private let chunkBytes: Int
    private let first: UInt64
    private let size: UInt64
    private let memory: UnsafeMutableRawBufferPointer
    private let depth: Int

    private enum Item {
        case chunk(slot: Int, offset: UInt64, count: Int)
        case end
        case failed(VMError)
    }

    private let free: Channel<Int>
    private let reads = Channel<Item>()
    private let writes = Channel<Item>()
    private let state = Mutex(State())
    private let threadsDone = DispatchGroup()

    private struct State {
        var cancelled = false
        /// The new file is fsynced up to here.
        var durable: UInt64 = 0
        var writeFailure: VMError?
    }
    private let checkpointBytes: UInt64

    /// Signalled at each durable mark (or a write failure).
    private let writeProgress = DispatchSemaphore(value: 0)

    init(input: FileDescriptor, output: FileDescriptor, chunkBytes: Int, depth: Int, checkpointBytes: UInt64, start: UInt64, size: UInt64) {
        self.input = input
        self.output = output
        self.chunkBytes = chunkBytes
        self.depth = depth
        self.checkpointBytes = checkpointBytes
        first = start
        self.size = size
        memory = Files.allocateBuffer(chunkBytes * depth)
        free = Channel(Array(0..<depth))
        state.withLock { $0.durable = start }
    }

    deinit {
        // Disk contents, plaintext on one side: not left in freed memory.
        memset(memory.baseAddress!, 0, memory.count)
        memory.deallocate()
    }

    func start() {
        threadsDone.enter()
        threadsDone.enter()
        Thread { [self] in
            readAll()
            threadsDone.leave()
        }.start()
        Thread { [self] in
            writeAll()
            threadsDone.leave()
        }.start()
    }

    /// Stops both threads (whatever state they are in) and waits for them.
    func finish() {
        state.withLock { $0.cancelled = true }
        for _ in 0..<depth { free.send(-1) } // wakes a reader waiting for a buffer
        writes.send(.end)
        threadsDone.wait()
    }

    func buffer(_ slot: Int, count: Int) -> UnsafeMutableRawBufferPointer {
        UnsafeMutableRawBufferPointer(rebasing: memory[(slot * chunkBytes)..<(slot * chunkBytes + count)])
    }

    /// The next chunk read, in order; nil after the last.
    func nextRead() throws(VMError) -> (Int, UInt64, Int)? {
        switch reads.receive() {
        case .chunk(let slot, let offset, let count): return (slot, offset, count)
        case .end: return nil
        case .failed(let error): throw error
        }
    }

    func write(_ slot: Int, offset: UInt64, count: Int) {
        writes.send(.chunk(slot: slot, offset: offset, count: count))
    }

    /// The durable mark: the new file is fsynced up to it. With a `target`, waits until the mark reaches it (or
    /// a write fails); without, returns at once.
    func durableMark(waitingFor target: UInt64?) throws(VMError) -> UInt64 {
        while true {
            let (durable, failure) = state.withLock { ($0.durable, $0.writeFailure) }
            if let failure { throw failure }
            guard let target, durable < target else { return durable }
            writeProgress.wait()
        }
    }

    private var cancelled: Bool { state.withLock { $0.cancelled } }

    private func readAll() {
        var offset = first
        while offset < size {
            let slot = free.receive()
            if slot < 0 || cancelled { return }
            let count = Int(min(UInt64(chunkBytes), size - offset))
            do throws(VMError) {
                try input.read(into: buffer(slot, count: count), at: offset)
            } catch {
                reads.send(.failed(error))
                return
            }
            reads.send(.chunk(slot: slot, offset: offset, count: count))
            offset += UInt64(count)
        }
        reads.send(.end)
    }

    private func writeAll() {
        var writtenBack = first
        var lastMark = first
        while true {
            guard case .chunk(let slot, let offset, let count) = writes.receive() else { return }
            let end = offset + UInt64(count)
            do throws(VMError) {
                try output.write(UnsafeRawBufferPointer(buffer(slot, count: count)), at: offset)
                // Start write-back of what came before this chunk (it has had a chunk's time in the cache), and
                // let go of the pages read: see FileDescriptor.release.
                if offset > writtenBack {
                    output.release(offset: writtenBack, count: Int(offset - writtenBack))
                    input.release(offset: writtenBack, count: Int(offset - writtenBack))
                    writtenBack = offset
                }
                if end - lastMark >= checkpointBytes || end == size {
                    try output.sync()
                    output.release(offset: lastMark, count: Int(end - lastMark))
                    lastMark = end
                    state.withLock { $0.durable = end }
                    writeProgress.signal()
                }
            } catch {
                state.withLock { $0.writeFailure = error }
                writeProgress.signal()
                reads.send(.failed(error)) // the caller may be waiting for a read that needs this buffer
                return
            }
            free.send(slot)
        }
    }
}

/// An unbounded FIFO between threads: `receive` blocks until an item is there.
final class Channel<Element>: @unchecked Sendable {
    private var items: [Element]
    private let lock = NSLock()
    private let available: DispatchSemaphore

    init(_ initial: [Element] = []) {
        items = initial
        available = DispatchSemaphore(value: initial.count)
    }

    func send(_ item: Element) {
        lock.lock()
        items.append(item)
        lock.unlock()
        available.signal()
    }

    func receive() -> Element {
        available.wait()
        lock.lock()
        defer { lock.unlock() }
        return items.removeFirst()
    }
}
