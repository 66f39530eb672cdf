import Foundation
#if canImport(Glibc)
import Glibc
#endif
import KeepCrypto

/// The sealed partition file.
///
/// ```
/// offset size  field
///      0    8  magic "KEEPHSM\0"
///      8    2  format version (1)
///     10    1  KDF (1 = scrypt)
///     11    1  reserved, zero
///     12    8  scrypt N
///     20    4  scrypt r
///     24    4  scrypt p
///     28   32  salt
///     60   32  PIN check value: HMAC-SHA-256 under HKDF(master, "keep/hsm/pin-check/v1") of the salt
///     92   12  AES-GCM nonce, fresh for every write
///    104    4  ciphertext length L
///    108    L  AES-256-GCM ciphertext of the partition contents, key HKDF(master, "keep/hsm/seal/v1")
///  108+L   16  GCM tag; the AAD is bytes 0..<108, so no header field can be altered unnoticed
///  124+L   32  SHA-256 of everything before it
/// ```
/// master = scrypt(PIN, salt). The check value tells a wrong PIN (check fails) from a damaged file (check passes,
/// tag fails); it gives an attacker nothing the GCM tag would not, since either lets a PIN guess be tested.
/// The unkeyed SHA-256 trailer is for diagnosis, not security: accidental damage anywhere (a flipped salt byte,
/// a torn copy) is reported as a damaged file rather than as a wrong PIN. Deliberate tampering that recomputes
/// it still fails the GCM tag.
/// Random 96-bit nonces are safe here: a partition is rewritten only on key creation and rotation, many orders
/// of magnitude below the 2^32 writes at which nonce collision under one key becomes a concern.
enum PartitionFile {
    static let magic: [UInt8] = Array("KEEPHSM\0".utf8)
    static let formatVersion: UInt16 = 1
    static let kdfScrypt: UInt8 = 1
    static let headerSize = 108
    static let tagSize = 16
    static let digestSize = 32
    /// A partition holds a few keys per tenant; 64 MiB is far beyond any real one and bounds what a damaged
    /// length field can make us allocate.
    static let maximumContentSize = 64 << 20

    /// The keys that seal a partition, derived once from the PIN when it is opened or created.
    struct SealingKeys {
        let salt: [UInt8]
        let parameters: Scrypt.Parameters
        let sealKey: SymmetricKey
        let pinCheck: [UInt8]

        init(pin: SecureBytes, salt: [UInt8], parameters: Scrypt.Parameters) throws {
            let master = try Scrypt.deriveKey(passphrase: pin, salt: salt, parameters: parameters, outputByteCount: 32)
            self.salt = salt
            self.parameters = parameters
            sealKey = try HKDF.deriveKey(inputKeyMaterial: master, salt: [], info: Array("keep/hsm/seal/v1".utf8), outputByteCount: 32)
            let checkKey = try HKDF.deriveKey(inputKeyMaterial: master, salt: [], info: Array("keep/hsm/pin-check/v1".utf8), outputByteCount: 32)
            pinCheck = try HMACSHA256.authenticationCode(for: salt, using: checkKey)
        }
    }

    static func seal(_ contents: SecureBytes, with keys: SealingKeys) throws -> [UInt8] {
        var header: [UInt8] = magic
        header += bigEndian(formatVersion)
        header += [kdfScrypt, 0]
        header += bigEndian(keys.parameters.n) + bigEndian(keys.parameters.r) + bigEndian(keys.parameters.p)
        header += keys.salt + keys.pinCheck
        let nonce = try SecureRandom.publicBytes(count: 12)
        header += nonce
        header += bigEndian(UInt32(contents.count))
        let box = try AESGCM.seal(contents, using: keys.sealKey, nonce: nonce, authenticating: header)
        let body = header + box.ciphertext + box.tag
        return body + SHA256.hash(body)
    }

    /// The header fields needed to derive the keys, read before the PIN is tried.
    struct Header {
        let salt: [UInt8]
        let parameters: Scrypt.Parameters
        let pinCheck: [UInt8]
        let nonce: [UInt8]
        let contentLength: Int
    }

    static func header(of file: [UInt8]) throws -> Header {
        guard file.count >= headerSize + tagSize + digestSize, Array(file[0..<8]) == magic else {
            throw HSMError(.corruptPartition, "not a Keep HSM partition, or truncated")
        }
        let bodyEnd = file.count - digestSize
        guard SHA256.hash(file[0..<bodyEnd]) == Array(file[bodyEnd...]) else {
            throw HSMError(.corruptPartition, "partition file is damaged or truncated (checksum mismatch)")
        }
        let version = UInt16(file[8]) << 8 | UInt16(file[9])
        guard version == formatVersion else {
            throw HSMError(.unsupportedVersion, "partition format version \(version); this build reads version \(formatVersion)")
        }
        guard file[10] == kdfScrypt, file[11] == 0 else { throw HSMError(.corruptPartition, "unknown key-derivation function") }
        let n = readBigEndian(file, 12, 8)
        let parameters: Scrypt.Parameters
        do {
            parameters = try Scrypt.Parameters(n: n, r: UInt32(readBigEndian(file, 20, 4)), p: UInt32(readBigEndian(file, 24, 4)))
        } catch {
            throw HSMError(.corruptPartition, "invalid scrypt parameters in header")
        }
        let length = Int(readBigEndian(file, 104, 4))
        guard length <= maximumContentSize, file.count == headerSize + length + tagSize + digestSize else {
            throw HSMError(.corruptPartition, "partition length \(file.count) does not match its header")
        }
        return Header(salt: Array(file[28..<60]), parameters: parameters, pinCheck: Array(file[60..<92]),
                      nonce: Array(file[92..<104]), contentLength: length)
    }

    static func open(_ file: [UInt8], header: Header, with keys: SealingKeys) throws -> SecureBytes {
        guard constantTimeEquals(keys.pinCheck, header.pinCheck) else { throw HSMError(.wrongPIN, "the PIN does not open this partition") }
        do {
            let box = try AESGCM.SealedBox(nonce: header.nonce, ciphertext: Array(file[headerSize..<(headerSize + header.contentLength)]),
                                           tag: Array(file[(headerSize + header.contentLength)..<(headerSize + header.contentLength + tagSize)]))
            return try AESGCM.open(box, using: keys.sealKey, authenticating: Array(file[0..<headerSize]))
        } catch {
            throw HSMError(.corruptPartition, "partition contents fail authentication: the file was altered or damaged")
        }
    }

    // MARK: Files

    static func read(_ path: String) throws -> [UInt8] {
        let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ENOENT { throw HSMError(.noPartition, "no HSM partition at \(path)") }
            throw HSMError(.io, "cannot open \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count < 0 { throw HSMError(.io, "cannot read \(path): \(String(cString: strerror(errno)))") }
            if count == 0 { break }
            result += chunk[0..<count]
            guard result.count <= headerSize + maximumContentSize + tagSize + digestSize else {
                throw HSMError(.corruptPartition, "\(path) is larger than any partition")
            }
        }
        return result
    }

    /// Writes `bytes` to `path` atomically and durably: a temporary file in the same directory, fsync, then
    /// rename over the old file and fsync the directory. A crash leaves the old file or the new one, never a mix.
    /// With `exclusive`, the final step is link(2), which fails if `path` exists: `init` never overwrites.
    static func writeAtomically(_ bytes: [UInt8], to path: String, exclusive: Bool) throws {
        let directory = path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) : "."
        let temporary = "\(path).tmp-\(getpid())"
        let fd = Glibc.open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw HSMError(.io, "cannot create \(temporary): \(String(cString: strerror(errno)))") }
        var ok = false
        defer { if !ok { unlink(temporary) } }
        do {
            defer { close(fd) }
            var written = 0
            while written < bytes.count {
                let count = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + written, $0.count - written) }
                guard count > 0 else { throw HSMError(.io, "cannot write \(temporary): \(String(cString: strerror(errno)))") }
                written += count
            }
            guard fsync(fd) == 0 else { throw HSMError(.io, "cannot sync \(temporary): \(String(cString: strerror(errno)))") }
        }
        if exclusive {
            guard link(temporary, path) == 0 else {
                if errno == EEXIST { throw HSMError(.partitionExists, "an HSM partition already exists at \(path)") }
                throw HSMError(.io, "cannot create \(path): \(String(cString: strerror(errno)))")
            }
            unlink(temporary)
        } else {
            guard rename(temporary, path) == 0 else { throw HSMError(.io, "cannot replace \(path): \(String(cString: strerror(errno)))") }
        }
        ok = true
        // The new file is in place from here on: a failure now means "changed, but not known to be durable",
        // which the caller must not mistake for "nothing changed".
        let dfd = Glibc.open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard dfd >= 0 else {
            throw ReplacedButNotSynced(HSMError(.io, "cannot open directory \(directory) to sync it: \(String(cString: strerror(errno)))"))
        }
        defer { close(dfd) }
        guard fsync(dfd) == 0 else {
            throw ReplacedButNotSynced(HSMError(.io, "cannot sync directory \(directory): \(String(cString: strerror(errno)))"))
        }
    }

    /// `writeAtomically` replaced the file but could not make the replacement durable: the new contents are
    /// what a reader sees now, so in-memory state must follow them; `error` is what to report.
    struct ReplacedButNotSynced: Error {
        let error: HSMError
        init(_ error: HSMError) { self.error = error }
    }

    /// Removes temporary files a writer killed before its rename left behind (`<path>.tmp-<pid>`). Each is a
    /// whole sealed partition, possibly holding key versions destroyed since, so none may linger. Called with
    /// the partition lock held, when no writer can be running.
    static func removeStaleTemporaries(of path: String) {
        let directory = path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) : "."
        let prefix = String(path.split(separator: "/").last ?? "") + ".tmp-"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        for name in names where name.hasPrefix(prefix) { unlink("\(directory)/\(name)") }
    }

    private static func bigEndian<T: FixedWidthInteger>(_ value: T) -> [UInt8] {
        withUnsafeBytes(of: value.bigEndian) { Array($0) }
    }

    private static func readBigEndian(_ bytes: [UInt8], _ offset: Int, _ width: Int) -> UInt64 {
        (0..<width).reduce(UInt64(0)) { $0 << 8 | UInt64(bytes[offset + $1]) }
    }
}

extension PartitionFile {
    static func constantTimeEquals(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        a.withUnsafeBytes { x in b.withUnsafeBytes { y in KeepCrypto.constantTimeEquals(x, y) } }
    }
}
