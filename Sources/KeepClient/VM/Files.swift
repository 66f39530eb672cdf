#if canImport(Glibc)
import Glibc
#endif
import Foundation

// POSIX file handling for the workflow: every write that must survive a crash is followed by fsync of the file and,
// for a new or renamed entry, of its directory (a rename is durable only once the directory is).

/// An open file descriptor, closed in deinit. Errors name the path and errno, never file contents.
final class FileDescriptor {
    let fd: Int32
    let path: String

    init(_ path: String, flags: Int32, mode: mode_t = 0o600) throws(VMError) {
        let fd = open(path, flags | O_CLOEXEC, mode)
        guard fd >= 0 else { throw VMError.system("cannot open \(path)") }
        self.fd = fd
        self.path = path
    }

    deinit { close(fd) }

    var size: UInt64 {
        get throws(VMError) {
            var status = stat()
            guard fstat(fd, &status) == 0 else { throw VMError.system("fstat \(path)") }
            return UInt64(status.st_size)
        }
    }

    var mode: mode_t {
        get throws(VMError) {
            var status = stat()
            guard fstat(fd, &status) == 0 else { throw VMError.system("fstat \(path)") }
            return status.st_mode & 0o7777
        }
    }

    /// Reads exactly `buffer.count` bytes at `offset` (short only at end of file, which is an error here).
    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: UInt64) throws(VMError) {
        var done = 0
        while done < buffer.count {
            let n = pread(fd, buffer.baseAddress! + done, buffer.count - done, off_t(offset) + off_t(done))
            if n < 0 {
                if errno == EINTR { continue }
                throw VMError.system("read \(path) at byte \(offset + UInt64(done))")
            }
            guard n > 0 else { throw VMError(.disk, "\(path) ends at byte \(offset + UInt64(done)), before the \(buffer.count) bytes expected") }
            done += n
        }
    }

    func write(_ buffer: UnsafeRawBufferPointer, at offset: UInt64) throws(VMError) {
        var done = 0
        while done < buffer.count {
            let n = pwrite(fd, buffer.baseAddress! + done, buffer.count - done, off_t(offset) + off_t(done))
            if n < 0 {
                if errno == EINTR { continue }
                throw VMError.system("write \(path) at byte \(offset + UInt64(done))")
            }
            done += n
        }
    }

    func write(_ bytes: [UInt8], at offset: UInt64) throws(VMError) {
        var failure: VMError?
        bytes.withUnsafeBytes { buffer in
            do throws(VMError) { try write(buffer, at: offset) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    func truncate(to size: UInt64) throws(VMError) {
        guard ftruncate(fd, off_t(size)) == 0 else { throw VMError.system("truncate \(path)") }
    }

    func changeMode(_ mode: mode_t) throws(VMError) {
        guard fchmod(fd, mode) == 0 else { throw VMError.system("chmod \(path)") }
    }

    /// Data and metadata on stable storage.
    func sync() throws(VMError) {
        guard fsync(fd) == 0 else { throw VMError.system("fsync \(path)") }
    }

    /// Tells the kernel the file is read front to back (more read-ahead).
    func adviseSequential() { _ = posix_fadvise(fd, 0, 0, Int32(POSIX_FADV_SEQUENTIAL)) }

    /// POSIX_FADV_DONTNEED on a range: Linux starts write-back of its dirty pages without waiting for it
    /// (what sync_file_range(SYNC_FILE_RANGE_WRITE) does, which Glibc's Swift module does not export) and drops
    /// its clean pages. Called on a range just written, it keeps dirty pages from piling up, so the fsync at each
    /// durable mark finds little left to do; on a range just read, it keeps a rewritten disk from evicting the
    /// rest of the page cache. Advice only: it never fails in a way that matters.
    func release(offset: UInt64, count: Int) {
        _ = posix_fadvise(fd, off_t(offset), off_t(count), Int32(POSIX_FADV_DONTNEED))
    }
}

enum Files {
    static func exists(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0
    }

    static func directory(of path: String) -> String {
        let parent = (path as NSString).deletingLastPathComponent
        return parent.isEmpty ? "." : parent
    }

    /// fsync of a directory: makes the entries created, renamed or removed in it durable.
    static func syncDirectory(_ path: String) throws(VMError) {
        let directory = try FileDescriptor(path, flags: O_RDONLY | O_DIRECTORY)
        try directory.sync()
    }

    /// Replaces `path` with `data` atomically: a temporary file beside it, fsync, rename over, fsync of the
    /// directory. A crash leaves either the old content or the new one, never a mix.
    static func writeAtomically(_ data: Data, to path: String, mode: mode_t = 0o600) throws(VMError) {
        let temporary = path + ".keep-tmp"
        do {
            let file = try FileDescriptor(temporary, flags: O_WRONLY | O_CREAT | O_TRUNC, mode: mode)
            try file.changeMode(mode)
            try file.write([UInt8](data), at: 0)
            try file.sync()
        }
        try rename(temporary, to: path)
    }

    /// rename(2), then fsync of the directory.
    static func rename(_ from: String, to: String) throws(VMError) {
        guard Glibc.rename(from, to) == 0 else { throw VMError.system("rename \(from) to \(to)") }
        try syncDirectory(directory(of: to))
    }

    /// unlink(2), then fsync of the directory; a missing file is fine.
    static func remove(_ path: String) throws(VMError) {
        guard unlink(path) == 0 || errno == ENOENT else { throw VMError.system("remove \(path)") }
        try syncDirectory(directory(of: path))
    }

    static func read(_ path: String, limit: Int) throws(VMError) -> Data {
        let file = try FileDescriptor(path, flags: O_RDONLY)
        let size = try file.size
        guard size <= UInt64(limit) else { throw VMError(.invalidDescriptor, "\(path) is \(size) bytes; at most \(limit) are read") }
        var bytes = [UInt8](repeating: 0, count: Int(size))
        var failure: VMError?
        bytes.withUnsafeMutableBytes { buffer in
            do throws(VMError) {
                if buffer.count > 0 { try file.read(into: buffer, at: 0) }
            } catch {
                failure = error
            }
        }
        if let failure { throw failure }
        return Data(bytes)
    }

    /// Bytes free for an unprivileged writer on the file system holding `path`.
    static func freeBytes(at path: String) -> UInt64? {
        var info = statvfs()
        guard statvfs(path, &info) == 0 else { return nil }
        return UInt64(info.f_bavail) * UInt64(info.f_frsize)
    }

    /// A page-aligned buffer (O_DIRECT-ready, and the XTS workers' slices start on page boundaries).
    static func allocateBuffer(_ count: Int) -> UnsafeMutableRawBufferPointer {
        UnsafeMutableRawBufferPointer(start: UnsafeMutableRawPointer.allocate(byteCount: count, alignment: 4096), count: count)
    }
}
