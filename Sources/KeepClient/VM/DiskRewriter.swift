#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Named moments of a workflow, for tests that stop a run there (the CLI's test hook kills itself with SIGKILL).
public enum WorkflowPoint: String, Sendable, CaseIterable {
    case kekCreated, journalCreated, chunkWritten, checkpointed, diskCommitting, diskRenamed, descriptorWritten
}

/// Rewrites one disk image into a new file beside it, chunk by chunk, with a transform applied to each chunk in
/// memory (encrypt, decrypt, both for a deep rekey, nothing for a copy). The original is only read. Durable marks
/// are reported through `checkpoint` after the new file has been fsynced that far. Public for benchmarks, which
/// compare a rewrite that transforms nothing (what the disk allows) with the workflow's.
public struct DiskRewriter: Sendable {
    /// Bytes per read-transform-write step: large enough that system-call and per-chunk overhead vanish, small
    /// enough to stay in the last-level cache across the three stages on most machines' share of it.
    public static let defaultChunkBytes = 4 << 20
    /// Bytes between durable marks: a crash redoes at most this much; each mark costs an fsync.
    public static let defaultCheckpointBytes: UInt64 = 256 << 20

    public var chunkBytes = DiskRewriter.defaultChunkBytes
    public var checkpointBytes = DiskRewriter.defaultCheckpointBytes
    public var sectorSize: Int
    public var hook: (@Sendable (WorkflowPoint) -> Void)?

    public init(chunkBytes: Int = DiskRewriter.defaultChunkBytes, checkpointBytes: UInt64 = DiskRewriter.defaultCheckpointBytes, sectorSize: Int,
                hook: (@Sendable (WorkflowPoint) -> Void)? = nil) {
        self.chunkBytes = chunkBytes
        self.checkpointBytes = checkpointBytes
        self.sectorSize = sectorSize
        self.hook = hook
    }

    /// Makes the new file (`start` == 0) or reopens it to continue at durable mark `start`; returns the mark the
    /// rewrite really starts from (0 when the new file is not there to continue).
    public func prepare(source: String, destination: String, size: UInt64, start: UInt64) throws(VMError) -> UInt64 {
        if start > 0, Files.exists(destination), let existing = try? FileDescriptor(destination, flags: O_RDONLY), (try? existing.size) == size {
            return start
        }
        let original = try FileDescriptor(source, flags: O_RDONLY)
        let file = try FileDescriptor(destination, flags: O_WRONLY | O_CREAT | O_TRUNC, mode: 0o600)
        try file.changeMode(try original.mode)
        try file.truncate(to: size)
        try file.sync()
        try Files.syncDirectory(Files.directory(of: destination))
        return 0
    }

    /// Transforms `source[start..<size]` into `destination` at the same offsets. `transform` gets each chunk and
    /// the number of its first sector. `checkpoint(mark)` is called after every `checkpointBytes` and at the end,
    /// each time after `destination` was fsynced up to `mark`.
    ///
    /// Three stages overlap, so the disk is never idle while the CPU encrypts: a reader thread reads chunk n+1
    /// while the calling thread transforms chunk n (on `threads` cores, inside `transform`) and a writer thread
    /// writes chunk n−1. `pipelineDepth` buffers circulate between them, so memory stays bounded. The writer also
    /// makes the marks durable (fsync once it has written up to one), so an fsync holds up only the writer; the
    /// calling thread records each mark (`checkpoint`) as the writer reports it, between chunks.
    public func rewrite(source: String, destination: String, size: UInt64, from start: UInt64,
                        transform: (UnsafeMutableRawBufferPointer, UInt64) throws -> Void,
                        checkpoint: (UInt64) throws(VMError) -> Void,
                        progress: (UInt64) -> Void) throws(VMError) {
        precondition(chunkBytes % 4096 == 0 && start % UInt64(sectorSize) == 0 && size % UInt64(sectorSize) == 0)
        guard start < size else {
            try checkpoint(size)
            return
        }
        let input = try FileDescriptor(source, flags: O_RDONLY)
        let output = try FileDescriptor(destination, flags: O_WRONLY)
        input.adviseSequential()
        let pipeline = RewritePipeline(input: input, output: output, chunkBytes: chunkBytes, depth: Self.pipelineDepth,
                                       checkpointBytes: checkpointBytes, start: start, size: size)
        pipeline.start()
        defer { pipeline.finish() }

        var recorded = start
        func recordMarks(waitingFor target: UInt64?) throws(VMError) {
            while true {
                let durable = try pipeline.durableMark(waitingFor: target)
                if durable > recorded {
                    try checkpoint(durable)
                    recorded = durable
                    hook?(.checkpointed)
                }
                if target == nil || recorded >= target! { return }
            }
        }
        while let (slot, offset, count) = try pipeline.nextRead() {
            let chunk = pipeline.buffer(slot, count: count)
            do {
                try transform(chunk, offset / UInt64(sectorSize))
            } catch {
                throw VMError(.disk, "transforming \(source) at byte \(offset): \(error)")
            }
            pipeline.write(slot, offset: offset, count: count)
            progress(offset + UInt64(count))
            hook?(.chunkWritten)
            try recordMarks(waitingFor: nil)
        }
        try recordMarks(waitingFor: size)
    }

    /// Buffers in flight: one being read, one being transformed, one being written, one spare so no stage waits
    /// for a buffer while the others finish.
    static let pipelineDepth = 4
}
