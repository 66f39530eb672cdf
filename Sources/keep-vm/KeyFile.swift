import Foundation
import KeepCrypto

/// Writes a DEK for cryptsetup's `--key-file`: a new file (never an existing one, never a terminal), mode 0600
/// from its creation, the raw 64 bytes and nothing else.
enum KeyFile {
    static func write(_ key: SymmetricKey, to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw KeyFileError("cannot create \(path): \(String(cString: strerror(errno))) (an existing file is never overwritten)")
        }
        defer { close(fd) }
        let written = key.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        guard written == key.byteCount, fsync(fd) == 0 else {
            unlink(path)
            throw KeyFileError("cannot write \(path): \(String(cString: strerror(errno)))")
        }
    }
}

struct KeyFileError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
