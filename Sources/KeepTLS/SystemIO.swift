internal import Glibc
import KeepCrypto

// The system calls KeepTLS makes outside OpenSSL: waiting on a descriptor with a deadline, and reading or writing
// small files (PEM keys and certificates).

/// errno as a typed error; the text is strerror's, never data.
func systemError(_ code: TLSError.Code = .socket, _ what: String, errno number: Int32 = errno,
                 file: String = #fileID, line: UInt = #line) -> TLSError {
    TLSError(code, "\(what): \(String(cString: strerror(number))) (errno \(number))", file: file, line: line)
}

// MARK: - Deadlines

enum Readiness {
    case readable, writable
}

/// Milliseconds until `deadline`, rounded up so a wait never ends just before it; 0 once it has passed.
func millisecondsUntil(_ deadline: ContinuousClock.Instant) -> Int32 {
    let remaining = deadline - ContinuousClock.now
    guard remaining > .zero else { return 0 }
    let (seconds, attoseconds) = remaining.components
    let milliseconds = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
    return Int32(clamping: milliseconds)
}

/// Blocks the calling thread until `fd` is ready for `readiness` or `deadline` passes (then `.timeout`).
/// A descriptor in error or hung up counts as ready: the next read or write reports what happened.
func waitUntil(_ readiness: Readiness, fd: Int32, deadline: ContinuousClock.Instant, _ what: @autoclosure () -> String) throws {
    while true {
        let timeout = millisecondsUntil(deadline)
        guard timeout > 0 else { throw TLSError(.timeout, "\(what()): deadline passed") }
        var descriptor = pollfd(fd: fd, events: Int16(readiness == .readable ? POLLIN : POLLOUT), revents: 0)
        let result = poll(&descriptor, 1, timeout)
        if result > 0 { return }
        if result == 0 { continue } // the loop re-reads the clock, so a poll that woke early is not a timeout
        if errno == EINTR { continue }
        throw systemError(.socket, "poll")
    }
}

// MARK: - Files

enum FileIO {
    /// A PEM key or certificate file is a few KiB; the cap stops a wrong path (a device, a huge log) from making a
    /// reload read without bound.
    static let maxPEMFileByteCount = 1 << 20

    /// Reads a whole file into secure storage (it may hold a private key).
    static func readSecret(_ path: String, as code: TLSError.Code) throws -> SecureBytes {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw systemError(code, "cannot open \(path)") }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0 else { throw systemError(code, "cannot stat \(path)") }
        guard status.st_size <= maxPEMFileByteCount else {
            throw TLSError(code, "\(path) is larger than \(maxPEMFileByteCount) bytes; not a PEM file")
        }
        let size = Int(status.st_size)
        var bytes = SecureBytes(zeroes: size)
        var filled = 0
        try bytes.withUnsafeMutableBytes { buffer in
            while filled < size {
                let count = read(fd, buffer.baseAddress! + filled, size - filled)
                if count == 0 { break }
                if count < 0 {
                    if errno == EINTR { continue }
                    throw systemError(code, "cannot read \(path)")
                }
                filled += count
            }
        }
        return filled == size ? bytes : bytes[0..<filled]
    }

    /// Writes `bytes` to `path` (created or truncated) with permissions `mode`, which also applies when the file
    /// already existed with wider ones. Symbolic links are not followed, so a planted link cannot redirect a key.
    static func write(_ bytes: UnsafeRawBufferPointer, to path: String, mode: mode_t, as code: TLSError.Code) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, mode)
        guard fd >= 0 else { throw systemError(code, "cannot create \(path)") }
        defer { close(fd) }
        guard fchmod(fd, mode) == 0 else { throw systemError(code, "cannot set the mode of \(path)") }
        var written = 0
        while written < bytes.count {
            let count = Glibc.write(fd, bytes.baseAddress! + written, bytes.count - written)
            if count < 0 {
                if errno == EINTR { continue }
                throw systemError(code, "cannot write \(path)")
            }
            written += count
        }
        guard fsync(fd) == 0 else { throw systemError(code, "cannot sync \(path)") }
    }
}
