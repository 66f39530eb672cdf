import Foundation
import KeepCrypto
import KeepHSM

/// The MAC keys of a log's segments. Whoever holds them (keepd, or keepctl with the partition open) can check
/// every record's MAC; the files never hold them.
public protocol AuditMACKeys: Sendable {
    func macKey(segment: UInt32, nodeID: String, version: UInt32) throws -> SymmetricKey
}

/// What the writer needs of the HSM: MAC keys and checkpoint signatures.
public protocol AuditKeys: AuditMACKeys {
    /// The version of the MAC key new segments use.
    func currentMACKeyVersion() throws -> UInt32
    /// The signing key new checkpoints use: its version and the SHA-256 of its public key (both are signed).
    func currentSigningKey() throws -> (version: UInt32, fingerprint: [UInt8])
    /// Signs a checkpoint's canonical bytes with version `version` of the signing key.
    func sign(_ message: [UInt8], version: UInt32) throws -> [UInt8]
    /// Every signing key's public half, oldest first.
    func publicKeys() throws -> [Ed25519.PublicKey]
}

/// The audit keys in an HSM partition, under two labels of their own:
///
/// - `audit/mac`: each segment's MAC key is HMAC-SHA-256 computed *inside the HSM* under this key (HSM context
///   `keep/audit/mac/v1`) of `keep/audit/segment-mac/v1`, the node id and the segment number. keepd holds one
///   segment's derived key in memory at a time (for the per-record HMAC, at group-commit speed); the key under
///   the label never leaves the HSM, and a segment's key opens no other segment.
/// - `audit/signing`: the Ed25519 checkpoint key, derived inside the HSM (`HSM.sign`, context
///   `Checkpoint.signingContext`). Only its public half leaves, for auditors.
///
/// Rotating either label (`HSM.rotateKey`) takes effect at the next segment (MAC) or checkpoint (signature); old
/// versions must stay while segments or checkpoints made with them are to be verified.
public final class HSMAuditKeys: AuditKeys {
    public static let macLabel = "audit/mac"
    public static let signingLabel = "audit/signing"
    static let macContext = Array("keep/audit/mac/v1".utf8)
    static let segmentKeyLabel = Array("keep/audit/segment-mac/v1".utf8)

    public let hsm: any HSM

    public init(hsm: any HSM) { self.hsm = hsm }

    /// Creates the two keys if the partition lacks them (an installation made before the audit log existed).
    /// Returns whether it created any.
    @discardableResult
    public func ensureKeys() throws -> Bool {
        var created = false
        for label in [Self.macLabel, Self.signingLabel] where try hsm.keyInfo(label: label) == nil {
            try hsm.createKey(label: label)
            created = true
        }
        return created
    }

    public func macKey(segment: UInt32, nodeID: String, version: UInt32) throws -> SymmetricKey {
        var w = BinaryWriter()
        w.raw(Self.segmentKeyLabel)
        try w.string(nodeID)
        w.u32(segment)
        do {
            let code = try hsm.authenticationCode(for: w.bytes, under: KeyHandle(label: Self.macLabel, version: version), context: Self.macContext)
            return SymmetricKey(copying: code)
        } catch {
            throw AuditError(.keys, "cannot derive the MAC key of segment \(segment) (\(Self.macLabel) v\(version)): \(error)")
        }
    }

    public func currentMACKeyVersion() throws -> UInt32 {
        guard let info = try hsm.keyInfo(label: Self.macLabel) else { throw AuditError(.keys, "the HSM has no \(Self.macLabel) key") }
        return info.current.version
    }

    public func currentSigningKey() throws -> (version: UInt32, fingerprint: [UInt8]) {
        do {
            guard let info = try hsm.keyInfo(label: Self.signingLabel) else { throw AuditError(.keys, "the HSM has no \(Self.signingLabel) key") }
            let publicKey = try hsm.signingPublicKey(under: info.current, context: Checkpoint.signingContext)
            return (info.current.version, publicKey.fingerprint)
        } catch let error as AuditError {
            throw error
        } catch {
            throw AuditError(.keys, "cannot read the checkpoint signing key: \(error)")
        }
    }

    public func sign(_ message: [UInt8], version: UInt32) throws -> [UInt8] {
        do {
            return try hsm.sign(message, under: KeyHandle(label: Self.signingLabel, version: version), context: Checkpoint.signingContext)
        } catch {
            throw AuditError(.keys, "cannot sign a checkpoint: \(error)")
        }
    }

    public func publicKeys() throws -> [Ed25519.PublicKey] {
        guard let info = try hsm.keyInfo(label: Self.signingLabel) else { return [] }
        return try info.versions.map {
            try hsm.signingPublicKey(under: KeyHandle(label: Self.signingLabel, version: $0), context: Checkpoint.signingContext)
        }
    }

    /// Writes each signing key's public half as `public-key-v<N>.pem` in `directory` (an auditor's copy).
    @discardableResult
    public func exportPublicKeys(to directory: String) throws -> [String] {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        guard let info = try hsm.keyInfo(label: Self.signingLabel) else { return [] }
        var paths: [String] = []
        for version in info.versions {
            let key = try hsm.signingPublicKey(under: KeyHandle(label: Self.signingLabel, version: version), context: Checkpoint.signingContext)
            let path = (directory as NSString).appendingPathComponent("public-key-v\(version).pem")
            try Data(try key.pemRepresentation.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            paths.append(path)
        }
        return paths
    }
}

/// Reads every `*.pem` public key named (files, or directories of them).
public enum PublicKeyFiles {
    public static func read(_ paths: [String]) throws -> [Ed25519.PublicKey] {
        var keys: [Ed25519.PublicKey] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw AuditError(.invalidInput, "no public key file \(path)")
            }
            let files = isDirectory.boolValue
                ? try FileManager.default.contentsOfDirectory(atPath: path).filter { $0.hasSuffix(".pem") }.sorted()
                    .map { (path as NSString).appendingPathComponent($0) }
                : [path]
            for file in files {
                let text = try String(contentsOfFile: file, encoding: .utf8)
                do { keys.append(try Ed25519.PublicKey(pemRepresentation: text)) } catch {
                    throw AuditError(.invalidInput, "\(file) is not an Ed25519 public key in PEM")
                }
            }
        }
        return keys
    }
}
