#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// A virtual machine as its descriptor file describes it (JSON; docs/vm-encryption.md documents every field).
/// The hypervisor owns the file: Keep reads all of it and writes only its `encryption` section (and, for a backup
/// or restore copy, the disks' paths), leaving every other field, known or not, exactly as it found it.
public struct VMDescriptor: Codable, Equatable, Sendable {
    public static let currentFormat = 1

    public var format: Int
    /// Stable identifier (a UUID on most platforms). KEKs carry it as `x-vm-id`; the DEK check binds to it.
    public var id: String
    public var name: String
    public var powerState: PowerState
    public var snapshots: [Snapshot]
    /// The name of the key provider (a set of keepd endpoints and credentials) in the key-provider file.
    public var keyProvider: String?
    public var disks: [Disk]
    /// Present once the VM is encrypted.
    public var encryption: Encryption?

    public enum PowerState: String, Codable, Sendable {
        case poweredOff, poweredOn, suspended
    }

    public struct Snapshot: Codable, Equatable, Sendable {
        public var id: String
        public var name: String?
        public init(id: String, name: String? = nil) {
            self.id = id
            self.name = name
        }
    }

    public struct Disk: Codable, Equatable, Sendable {
        /// The disk's identifier on the VM (e.g. `scsi0:0`).
        public var id: String
        /// A raw image; relative paths are relative to the descriptor's directory.
        public var path: String
        public var sizeBytes: UInt64
        public var datastore: String
        public var replication: Replication

        public init(id: String, path: String, sizeBytes: UInt64, datastore: String, replication: Replication = .none) {
            self.id = id
            self.path = path
            self.sizeBytes = sizeBytes
            self.datastore = datastore
            self.replication = replication
        }
    }

    /// Storage replication of a disk's datastore.
    public enum Replication: String, Codable, Sendable {
        case none
        /// Asynchronous replication (IBM Global Mirror): incompatible with encrypted VMs.
        case globalMirror
        /// Synchronous replication (IBM Metro Mirror): compatible.
        case metroMirror
    }

    /// The encryption section: how the disks are encrypted and the DEK wrapped under the KEK. Nothing in it is
    /// secret: the DEK is there only wrapped, and opening it needs the KEK, which stays with keepd.
    public struct Encryption: Codable, Equatable, Sendable {
        public static let currentFormat = 1
        public var format: Int
        /// dm-crypt's name for the cipher: AES-XTS, the tweak the 64-bit little-endian sector number.
        public var cipher: String
        /// XTS key size: 512 bits (two AES-256 keys).
        public var keyBits: Int
        /// 512 or 4096; with 4096 the tweak counts 4096-byte sectors (dm-crypt `iv_large_sectors`).
        public var sectorSize: Int
        public var key: WrappedDEK
        /// ISO 8601.
        public var encryptedAt: String
        public var rekeyedAt: String?

        public static let xtsPlain64 = "aes-xts-plain64"
    }

    public init(id: String, name: String, powerState: PowerState = .poweredOff, snapshots: [Snapshot] = [], keyProvider: String?, disks: [Disk]) {
        format = Self.currentFormat
        self.id = id
        self.name = name
        self.powerState = powerState
        self.snapshots = snapshots
        self.keyProvider = keyProvider
        self.disks = disks
    }
}

/// The DEK as stored beside the VM: wrapped under a KEK, with the versions of both and a check value that binds
/// it to this VM (Vault-style: a record says which key wrapped it and where it belongs, so a wrapped DEK copied
/// into another VM's descriptor is refused instead of used).
public struct WrappedDEK: Codable, Equatable, Sendable {
    /// The KEK's KMIP Unique Identifier in the tenant's domain.
    public var kekID: String
    /// 1 at encryption; +1 at each shallow rekey (new KEK).
    public var kekVersion: Int
    /// 1 at encryption; +1 at each deep rekey (new DEK).
    public var dekVersion: Int
    /// `AES-KW-RFC3394`: the wrapping, identical whether done locally or by keepd.
    public var wrapAlgorithm: String
    /// Where the wrapping happened: `client` (Get of the KEK, wrapped here, as vSphere does) or `server` (keepd's
    /// Encrypt, the KEK never leaving it). The domain's export policy decides.
    public var wrappedBy: WrapSite
    /// Base64 of the RFC 3394 output (72 bytes for a 64-byte DEK).
    public var wrappedDEK: String
    /// Hex of the first 16 bytes of HMAC-SHA-256(DEK, "keep-vm/dek-check/v1" ‖ VM id ‖ DEK version).
    public var dekCheck: String

    public static let aesKeyWrap = "AES-KW-RFC3394"
}

public enum WrapSite: String, Codable, Sendable {
    case client, server
}

/// The descriptor on disk: the typed model plus the file's own JSON object, so a write changes only what Keep owns.
final class VMDescriptorFile {
    /// A descriptor is small; the cap stops a wrong path (an image, a device) from being read whole.
    static let maxBytes = 4 << 20

    let path: String
    private(set) var descriptor: VMDescriptor
    private var object: [String: Any]
    /// The file's permission bits, kept when Keep rewrites it.
    private let mode: mode_t

    init(path: String) throws(VMError) {
        self.path = path
        let file = try FileDescriptor(path, flags: O_RDONLY)
        mode = try file.mode
        let data = try Files.read(path, limit: Self.maxBytes)
        do {
            guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw VMError(.invalidDescriptor, "\(path) is not a JSON object")
            }
            self.object = object
            descriptor = try JSONDecoder().decode(VMDescriptor.self, from: data)
        } catch let error as VMError {
            throw error
        } catch {
            throw VMError(.invalidDescriptor, "\(path) is not a valid VM descriptor: \(Self.describe(error))")
        }
        try Self.validate(descriptor, path: path)
    }

    var directory: String { Files.directory(of: path) }

    /// A disk's image path, resolved against the descriptor's directory.
    func imagePath(_ disk: VMDescriptor.Disk) -> String {
        disk.path.hasPrefix("/") ? disk.path : (directory as NSString).appendingPathComponent(disk.path)
    }

    /// Writes a new encryption section (nil removes it), atomically; nothing else in the file changes.
    func setEncryption(_ encryption: VMDescriptor.Encryption?) throws(VMError) {
        var object = self.object
        if let encryption {
            object["encryption"] = try Self.jsonObject(encryption)
        } else {
            object.removeValue(forKey: "encryption")
        }
        try write(object)
        descriptor.encryption = encryption
    }

    /// Writes a copy of this descriptor to `path` with the disks' paths replaced (backup, restore).
    func writeCopy(to path: String, diskPaths: [String]) throws(VMError) {
        var object = self.object
        guard var disks = object["disks"] as? [Any], disks.count == diskPaths.count else {
            throw VMError(.invalidDescriptor, "\(self.path): the disks changed while being copied")
        }
        for (index, newPath) in diskPaths.enumerated() {
            guard var disk = disks[index] as? [String: Any] else { throw VMError(.invalidDescriptor, "\(self.path): disk \(index) is not an object") }
            disk["path"] = newPath
            disks[index] = disk
        }
        object["disks"] = disks
        try Self.write(object, to: path, mode: mode)
    }

    private func write(_ object: [String: Any]) throws(VMError) {
        try Self.write(object, to: path, mode: mode)
        self.object = object
    }

    private static func write(_ object: [String: Any], to path: String, mode: mode_t) throws(VMError) {
        let data: Data
        do {
            data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        } catch {
            throw VMError(.invalidDescriptor, "cannot encode the descriptor for \(path): \(describe(error))")
        }
        try Files.writeAtomically(data + Data("\n".utf8), to: path, mode: mode)
    }

    static func jsonObject<T: Encodable>(_ value: T) throws(VMError) -> Any {
        do {
            return try JSONSerialization.jsonObject(with: JSONEncoder().encode(value))
        } catch {
            throw VMError(.invalidDescriptor, "cannot encode \(T.self): \(describe(error))")
        }
    }

    static func validate(_ d: VMDescriptor, path: String) throws(VMError) {
        var problems: [String] = []
        if d.format != VMDescriptor.currentFormat { problems.append("format \(d.format) is not \(VMDescriptor.currentFormat)") }
        if d.id.isEmpty { problems.append("id is empty") }
        if d.disks.isEmpty { problems.append("the VM has no disk") }
        if Set(d.disks.map(\.id)).count != d.disks.count { problems.append("two disks share an id") }
        if Set(d.disks.map(\.path)).count != d.disks.count { problems.append("two disks share a path") }
        for disk in d.disks where disk.path.isEmpty { problems.append("disk \(disk.id) has no path") }
        if let e = d.encryption {
            if e.format != VMDescriptor.Encryption.currentFormat { problems.append("encryption format \(e.format) is not \(VMDescriptor.Encryption.currentFormat)") }
            if e.cipher != VMDescriptor.Encryption.xtsPlain64 || e.keyBits != 512 { problems.append("encryption is \(e.cipher) with \(e.keyBits)-bit keys; Keep writes aes-xts-plain64 with 512") }
            if ![512, 4096].contains(e.sectorSize) { problems.append("encryption sector size \(e.sectorSize) is not 512 or 4096") }
            if e.key.wrapAlgorithm != WrappedDEK.aesKeyWrap { problems.append("the DEK is wrapped with \(e.key.wrapAlgorithm), not \(WrappedDEK.aesKeyWrap)") }
        }
        guard problems.isEmpty else {
            throw VMError(.invalidDescriptor, "\(path): " + problems.joined(separator: "; "))
        }
    }

    static func describe(_ error: any Error) -> String {
        if let error = error as? DecodingError {
            switch error {
            case .keyNotFound(let key, let context): return "missing field \((context.codingPath + [key]).map(\.stringValue).joined(separator: "."))"
            case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
                return "field \(context.codingPath.map(\.stringValue).joined(separator: ".")): \(context.debugDescription)"
            @unknown default: return "\(error)"
            }
        }
        return "\(error)"
    }
}
