#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Named moments of a workflow, for tests that stop a run there (the CLI's test hook kills itself with SIGKILL).
public enum WorkflowPoint: String, Sendable, CaseIterable {
    case kekCreated, journalCreated, chunkWritten, checkpointed, diskCommitting, diskRenamed, descriptorWritten
}

/// Rewrites one disk image into a new file beside it, chunk by chunk, with a transform applied to each chunk in
/// memory (encrypt, decrypt, or both for a deep rekey). The original is only read. Durable marks are reported
/// through `checkpoint` after the new file has been fsynced that far.
struct DiskRewriter {
    /// Bytes per read-transform-write step: large enough that system-call and per-chunk overhead vanish, small
    /// enough to stay in the last-level cache across the three stages on most machines' share of it.
    static let defaultChunkBytes = 4 << 20
    /// Bytes between durable marks: a crash redoes at most this much; each mark costs an fsync.
    static let defaultCheckpointBytes: UInt64 = 256 << 20

    var chunkBytes = DiskRewriter.defaultChunkBytes
    var checkpointBytes = DiskRewriter.defaultCheckpointBytes
    var sectorSize: Int
    var hook: (@Sendable (WorkflowPoint) -> Void)?

    /// Makes the new file (`start` == 0) or reopens it to continue at durable mark `start`; returns the mark the
    /// rewrite really starts from (0 when the new file is not there to continue).
    func prepare(source: String, destination: String, size: UInt64, start: UInt64) throws(VMError) -> UInt64 {
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
    func rewrite(source: String, destination: String, size: UInt64, from start: UInt64,
                 transform: (UnsafeMutableRawBufferPointer, UInt64) throws -> Void,
                 checkpoint: (UInt64) throws(VMError) -> Void,
                 progress: (UInt64) -> Void) throws(VMError) {
        precondition(chunkBytes % 4096 == 0 && start % UInt64(sectorSize) == 0 && size % UInt64(sectorSize) == 0)
        let input = try FileDescriptor(source, flags: O_RDONLY)
        let output = try FileDescriptor(destination, flags: O_WRONLY)
        input.adviseSequential()
        let buffer = Files.allocateBuffer(chunkBytes)
        defer {
            // Disk contents, plaintext on one side: not left in freed memory.
            memset(buffer.baseAddress!, 0, buffer.count)
            buffer.deallocate()
        }
        var offset = start
        var lastMark = start
        var writtenBack = start
        while offset < size {
            let count = Int(min(UInt64(chunkBytes), size - offset))
            let chunk = UnsafeMutableRawBufferPointer(rebasing: buffer[0..<count])
            try input.read(into: chunk, at: offset)
            do {
                try transform(chunk, offset / UInt64(sectorSize))
            } catch {
                throw VMError(.disk, "transforming \(source) at byte \(offset): \(error)")
            }
            try output.write(UnsafeRawBufferPointer(chunk), at: offset)
            // Start write-back of what came before this chunk (it has had a chunk's time to sit in the cache),
            // and let go of the pages read: see FileDescriptor.release.
            if offset > writtenBack {
                output.release(offset: writtenBack, count: Int(offset - writtenBack))
                input.release(offset: writtenBack, count: Int(offset - writtenBack))
                writtenBack = offset
            }
            offset += UInt64(count)
            progress(offset)
            hook?(.chunkWritten)
            if offset - lastMark >= checkpointBytes || offset == size {
                try output.sync()
                output.release(offset: lastMark, count: Int(offset - lastMark))
                try checkpoint(offset)
                lastMark = offset
                hook?(.checkpointed)
            }
        }
        if start == size { try checkpoint(size) }
    }
}
