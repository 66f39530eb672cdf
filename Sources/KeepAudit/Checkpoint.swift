import KeepCrypto

/// A signed statement of the log's state: the last record (its sequence, digest and MAC), the previous checkpoint,
/// and the head of every domain that changed since it (every domain, for a segment's closing checkpoint). Signed
/// with Ed25519 by a key that never leaves the HSM, so whoever holds the public key can check a log offline.
public struct Checkpoint: Hashable, Sendable {
    public enum Kind: UInt8, Sendable, CustomStringConvertible {
        /// Every `checkpointInterval` or `checkpointRecords`.
        case interval = 1
        /// The last frame of a segment; the next segment's header carries a copy. Lists every domain's head.
        case segmentEnd = 2
        /// Written by a clean stop: the log ends here, and a log that does not end with one was cut or crashed.
        case shutdown = 3

        public var description: String {
            switch self {
            case .interval: "interval"
            case .segmentEnd: "segment-end"
            case .shutdown: "shutdown"
            }
        }
    }

    public var kind: Kind
    public var time: Int64
    public var nodeID: String
    public var segment: UInt32
    /// The last record covered (0 when the log has none yet), its digest and MAC.
    public var sequence: UInt64
    public var lastDigest: [UInt8]
    public var lastMAC: [UInt8]
    /// `Checkpoint.digest` of the previous checkpoint; zeroes for the first. A removed checkpoint breaks it.
    public var previousCheckpointDigest: [UInt8]
    public var signingKeyVersion: UInt32
    /// SHA-256 of the raw Ed25519 public key that signs.
    public var signingKeyFingerprint: [UInt8]
    /// `DomainHead.leaf` of each listed domain, ascending. Hashes rather than names, so a tenant given a checkpoint
    /// with its export learns nothing about other tenants but their number.
    public var domainLeaves: [[UInt8]]

    public static let formatVersion: UInt8 = 1
    /// The HSM context of the signing key: binds it to this use of the `audit/signing` key.
    public static let signingContext = Array("keep/audit/checkpoint-signing/v1".utf8)

    public func canonicalBytes() throws -> [UInt8] {
        var w = BinaryWriter(capacity: 200 + 32 * domainLeaves.count)
        w.u8(Self.formatVersion)
        w.u8(kind.rawValue)
        w.i64(time)
        try w.string(nodeID)
        w.u32(segment)
        w.u64(sequence)
        w.raw(lastDigest)
        w.raw(lastMAC)
        w.raw(previousCheckpointDigest)
        w.u32(signingKeyVersion)
        w.raw(signingKeyFingerprint)
        w.u32(UInt32(domainLeaves.count))
        for leaf in domainLeaves { w.raw(leaf) }
        return w.bytes
    }

    init(canonical bytes: ArraySlice<UInt8>) throws {
        var r = BinaryReader(bytes)
        let version = try r.u8()
        guard version == Self.formatVersion else { throw BinaryReader.FormatError("checkpoint format version \(version) is not 1") }
        guard let kind = Kind(rawValue: try r.u8()) else { throw BinaryReader.FormatError("unknown checkpoint kind") }
        self.kind = kind
        time = try r.i64()
        nodeID = try r.string()
        segment = try r.u32()
        sequence = try r.u64()
        lastDigest = try r.raw(32)
        lastMAC = try r.raw(32)
        previousCheckpointDigest = try r.raw(32)
        signingKeyVersion = try r.u32()
        signingKeyFingerprint = try r.raw(32)
        let count = Int(try r.u32())
        guard count <= r.remaining / 32 else { throw BinaryReader.FormatError("checkpoint lists more domains than it holds") }
        domainLeaves = try (0..<count).map { _ in try r.raw(32) }
        try r.expectEnd("the checkpoint")
    }

    init(kind: Kind, time: Int64, nodeID: String, segment: UInt32, sequence: UInt64, lastDigest: [UInt8], lastMAC: [UInt8],
         previousCheckpointDigest: [UInt8], signingKeyVersion: UInt32, signingKeyFingerprint: [UInt8], domainLeaves: [[UInt8]]) {
        self.kind = kind
        self.time = time
        self.nodeID = nodeID
        self.segment = segment
        self.sequence = sequence
        self.lastDigest = lastDigest
        self.lastMAC = lastMAC
        self.previousCheckpointDigest = previousCheckpointDigest
        self.signingKeyVersion = signingKeyVersion
        self.signingKeyFingerprint = signingKeyFingerprint
        self.domainLeaves = domainLeaves
    }

    /// SHA-256 of the signed checkpoint (canonical bytes then signature): what the next checkpoint links to.
    static func digest(canonical: some Collection<UInt8>, signature: [UInt8]) -> [UInt8] {
        let hasher = SHA256()
        hasher.update(canonical)
        hasher.update(signature)
        return hasher.finalize()
    }
}

/// A domain's head: its last record's domain sequence and digest.
public struct DomainHead: Hashable, Sendable {
    public var sequence: UInt64
    public var digest: [UInt8]

    public init(sequence: UInt64, digest: [UInt8]) {
        self.sequence = sequence
        self.digest = digest
    }

    /// What a checkpoint lists for a domain: SHA-256 of a label, the domain, its sequence and its head's digest.
    /// The digest covers a MAC no outsider can compute, so the leaf cannot be guessed from the domain's name.
    static func leaf(domain: String, head: DomainHead) -> [UInt8] {
        var w = BinaryWriter(capacity: 128)
        w.raw(Array("keep/audit/domain-head/v1".utf8))
        try? w.string(domain)   // domain identifiers are bounded far below 64 KiB by `AuditEntry.bounded`
        w.u64(head.sequence)
        w.raw(head.digest)
        return SHA256.hash(w.bytes)
    }

    static func leaves(_ heads: [String: DomainHead], only domains: Set<String>? = nil) -> [[UInt8]] {
        heads.filter { domains?.contains($0.key) ?? true }.map { leaf(domain: $0.key, head: $0.value) }
            .sorted { $0.lexicographicallyPrecedes($1) }
    }
}
