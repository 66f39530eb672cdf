#if canImport(Glibc)
import Glibc
#endif
public import KeepCrypto

/// Where the partition PIN comes from: an environment variable, or a file (for services started by systemd,
/// whose credentials arrive as files). The PIN is read into SecureBytes and never logged.
public enum PINSource: Sendable {
    case environment(String)
    case file(String)
    case value(SecureBytes)

    /// The environment variable keepd reads by default.
    public static let defaultVariable = "KEEP_HSM_PIN"
    /// The environment variable naming a PIN file.
    public static let defaultFileVariable = "KEEP_HSM_PIN_FILE"
    /// Shorter PINs fall to offline guessing against a stolen partition file too quickly, even through scrypt.
    public static let minimumLength = 8
    /// A PIN file larger than this is not a PIN; refusing it bounds what we read into memory.
    static let maximumLength = 1024

    /// `KEEP_HSM_PIN` if set, else the file named by `KEEP_HSM_PIN_FILE`.
    public static func fromEnvironment() throws -> PINSource {
        if getenv(defaultVariable) != nil { return .environment(defaultVariable) }
        if let path = getenv(defaultFileVariable) { return .file(String(cString: path)) }
        throw HSMError(.pinUnavailable, "set \(defaultVariable), or \(defaultFileVariable) to a file holding the PIN")
    }

    public func read() throws -> SecureBytes {
        let pin: SecureBytes
        switch self {
        case .value(let bytes):
            pin = bytes
        case .environment(let name):
            guard let raw = getenv(name) else { throw HSMError(.pinUnavailable, "environment variable \(name) is not set") }
            pin = SecureBytes(UnsafeRawBufferPointer(start: raw, count: strlen(raw)))
        case .file(let path):
            pin = try Self.readFile(path)
        }
        guard pin.count >= Self.minimumLength, pin.count <= Self.maximumLength else {
            throw HSMError(.pinUnavailable, "the PIN must be \(Self.minimumLength) to \(Self.maximumLength) bytes")
        }
        return pin
    }

    /// Reads a PIN file into secure memory, without a trailing newline.
    private static func readFile(_ path: String) throws -> SecureBytes {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw HSMError(.pinUnavailable, "cannot open PIN file \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var buffer = SecureBytes(zeroes: maximumLength + 1)
        let count = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
        guard count >= 0 else { throw HSMError(.pinUnavailable, "cannot read PIN file \(path)") }
        guard count <= maximumLength else { throw HSMError(.pinUnavailable, "PIN file \(path) is larger than a PIN") }
        var end = count
        buffer.withUnsafeBytes { bytes in
            while end > 0, bytes[end - 1] == UInt8(ascii: "\n") || bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        }
        return buffer[0..<end]
    }
}
