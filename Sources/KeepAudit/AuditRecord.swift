import KeepCrypto

/// What a caller records: one KMIP batch item's outcome, one refused connection, one administrative action, or a
/// server start or stop. Identifiers, names and result codes only: an entry has no field that could carry key
/// material, a PIN, plaintext or a request.
public struct AuditEntry: Hashable, Sendable {
    public enum Kind: UInt8, Sendable, CaseIterable, CustomStringConvertible {
        case kmip = 1
        case connection = 2
        case admin = 3
        case server = 4

        public var description: String {
            switch self {
            case .kmip: "kmip"
            case .connection: "connection"
            case .admin: "admin"
            case .server: "server"
            }
        }

        public init?(name: String) {
            guard let kind = Self.allCases.first(where: { $0.description == name }) else { return nil }
            self = kind
        }
    }

    public enum Outcome: UInt8, Sendable, CaseIterable, CustomStringConvertible {
        case success = 1
        case failure = 2
        /// A connection or certificate turned away before any request.
        case refused = 3

        public var description: String {
            switch self {
            case .success: "success"
            case .failure: "failure"
            case .refused: "refused"
            }
        }

        public init?(name: String) {
            guard let outcome = Self.allCases.first(where: { $0.description == name }) else { return nil }
            self = outcome
        }
    }

    /// Who acted: a KMIP client by its certificate, or the operator behind keepctl.
    public struct Client: Hashable, Sendable {
        public var name: String
        public var role: String
        public var subject: String
        /// SHA-256 of the certificate's DER encoding, lowercase hexadecimal; empty when there is no certificate.
        public var fingerprint: String

        public init(name: String = "", role: String = "", subject: String = "", fingerprint: String = "") {
            self.name = name
            self.role = role
            self.subject = subject
            self.fingerprint = fingerprint
        }
    }

    public var kind: Kind
    /// The tenant domain the event belongs to; `AuditEntry.systemDomain` for events of no tenant (a server start,
    /// a certificate no client is registered with).
    public var domain: String
    public var client: Client
    /// The peer's address (`host:port`), `local` for keepctl, empty for the server itself.
    public var source: String
    /// The KMIP operation (`Create`), `-` for a message refused as a whole; `Connect`, `Start`, `Stop`, or the
    /// administrative action (`CreateDomain`, `RegisterClient`, …).
    public var operation: String
    public var objectIDs: [String]
    /// The KMIP protocol version of the exchange (`2.1`); empty for other kinds.
    public var protocolVersion: String
    public var outcome: Outcome
    /// A KMIP Result Reason, a refusal code or an error code; empty on success.
    public var reason: String
    /// The message the client was told, or a short explanation; never a value from a request.
    public var message: String
    public var durationMicroseconds: Int64

    /// The domain of events that belong to no tenant. `#` cannot appear in a domain identifier, so it collides with none.
    public static let systemDomain = "#keep"

    /// Bounds on one record, so a record stays small and bounded whatever a client sends: longer messages are cut
    /// (with `…`), and past `maximumObjectIDs` identifiers the rest are counted in the message.
    public static let maximumMessageBytes = 1_024
    public static let maximumFieldBytes = 4_096
    public static let maximumObjectIDs = 1_000

    public init(kind: Kind, domain: String, client: Client = Client(), source: String = "", operation: String,
                objectIDs: [String] = [], protocolVersion: String = "", outcome: Outcome, reason: String = "", message: String = "",
                durationMicroseconds: Int64 = 0) {
        self.kind = kind
        self.domain = domain
        self.client = client
        self.source = source
        self.operation = operation
        self.objectIDs = objectIDs
        self.protocolVersion = protocolVersion
        self.outcome = outcome
        self.reason = reason
        self.message = message
        self.durationMicroseconds = durationMicroseconds
    }

    /// The entry cut to the format's bounds. Applied by the log before encoding.
    func bounded() -> AuditEntry {
        var entry = self
        if entry.objectIDs.count > Self.maximumObjectIDs {
            let extra = entry.objectIDs.count - Self.maximumObjectIDs
            entry.objectIDs = Array(entry.objectIDs.prefix(Self.maximumObjectIDs))
            entry.message = "\(entry.message) (\(extra) more object identifiers not recorded)"
        }
        entry.objectIDs = entry.objectIDs.map { Self.cut($0, to: Self.maximumFieldBytes) }
        entry.message = Self.cut(entry.message, to: Self.maximumMessageBytes)
        for path in [\AuditEntry.domain, \.source, \.operation, \.protocolVersion, \.reason] {
            entry[keyPath: path] = Self.cut(entry[keyPath: path], to: Self.maximumFieldBytes)
        }
        for path in [\Client.name, \.role, \.subject, \.fingerprint] {
            entry.client[keyPath: path] = Self.cut(entry.client[keyPath: path], to: Self.maximumFieldBytes)
        }
        return entry
    }

    private static func cut(_ text: String, to limit: Int) -> String {
        guard text.utf8.count > limit else { return text }
        var result = ""
        var size = 0
        for character in text {
            let width = character.utf8.count
            if size + width > limit - 3 { break }
            result.append(character)
            size += width
        }
        return result + "…"
    }
}

/// One record as the log stores it: the entry, and the fields the log assigns.
public struct AuditRecord: Hashable, Sendable {
    /// Position in the node's log, from 1, without gaps.
    public var sequence: UInt64
    /// Position among the records of `entry.domain`, from 1, without gaps.
    public var domainSequence: UInt64
    /// When the log accepted the record: UTC microseconds since the POSIX epoch, strictly increasing along the log
    /// (the writer takes the later of the clock and the previous record's time plus 1 µs), so a time range is a
    /// sequence range, which is what lets a tenant export prove where its range starts and ends.
    public var time: Int64
    public var nodeID: String
    /// SHA-256 of the previous record (`AuditRecord.digest`); zeroes for the first.
    public var previousDigest: [UInt8]
    /// The digest of the previous record of the same domain; zeroes for the domain's first.
    public var previousDomainDigest: [UInt8]
    public var entry: AuditEntry

    public static let formatVersion: UInt8 = 1
    static let zeroDigest = [UInt8](repeating: 0, count: 32)

    public init(sequence: UInt64, domainSequence: UInt64, time: Int64, nodeID: String, previousDigest: [UInt8],
                previousDomainDigest: [UInt8], entry: AuditEntry) {
        self.sequence = sequence
        self.domainSequence = domainSequence
        self.time = time
        self.nodeID = nodeID
        self.previousDigest = previousDigest
        self.previousDomainDigest = previousDomainDigest
        self.entry = entry
    }

    /// The canonical bytes (docs/audit-log.md, "Record"): what the MAC and the digest cover.
    public func canonicalBytes() throws -> [UInt8] {
        var w = BinaryWriter(capacity: 384)
        w.u8(Self.formatVersion)
        w.u8(entry.kind.rawValue)
        w.u64(sequence)
        w.u64(domainSequence)
        w.i64(time)
        w.i64(entry.durationMicroseconds)
        w.raw(previousDigest)
        w.raw(previousDomainDigest)
        try w.string(nodeID)
        try w.string(entry.domain)
        try w.string(entry.client.name)
        try w.string(entry.client.role)
        try w.string(entry.client.subject)
        try w.string(entry.client.fingerprint)
        try w.string(entry.source)
        try w.string(entry.operation)
        try w.string(entry.protocolVersion)
        w.u8(entry.outcome.rawValue)
        try w.string(entry.reason)
        try w.string(entry.message)
        guard entry.objectIDs.count <= Int(UInt16.max) else { throw AuditError(.invalidInput, "too many object identifiers") }
        w.u16(UInt16(entry.objectIDs.count))
        for id in entry.objectIDs { try w.string(id) }
        return w.bytes
    }

    /// Decodes a record as stored (canonical bytes then MAC), as keepd sends it to keepctl (Keep Audit Query). The
    /// MAC is not checked here: only keepd holds the MAC keys.
    public init(stored bytes: [UInt8]) throws {
        guard bytes.count > SegmentFormat.macBytes else { throw AuditError(.invalidInput, "a stored record is longer than its MAC") }
        do { try self.init(canonical: bytes.dropLast(SegmentFormat.macBytes)) } catch {
            throw AuditError(.invalidInput, "the stored record does not decode (\(error))")
        }
    }

    /// Decodes canonical bytes, strictly: every field in range, nothing left over.
    init(canonical bytes: ArraySlice<UInt8>) throws {
        var r = BinaryReader(bytes)
        let version = try r.u8()
        guard version == Self.formatVersion else { throw BinaryReader.FormatError("record format version \(version) is not 1") }
        guard let kind = AuditEntry.Kind(rawValue: try r.u8()) else { throw BinaryReader.FormatError("unknown record kind") }
        sequence = try r.u64()
        domainSequence = try r.u64()
        time = try r.i64()
        let duration = try r.i64()
        previousDigest = try r.raw(32)
        previousDomainDigest = try r.raw(32)
        nodeID = try r.string()
        let domain = try r.string()
        let client = AuditEntry.Client(name: try r.string(), role: try r.string(), subject: try r.string(), fingerprint: try r.string())
        let source = try r.string()
        let operation = try r.string()
        let protocolVersion = try r.string()
        guard let outcome = AuditEntry.Outcome(rawValue: try r.u8()) else { throw BinaryReader.FormatError("unknown outcome") }
        let reason = try r.string()
        let message = try r.string()
        var ids: [String] = []
        for _ in 0..<(try r.u16()) { ids.append(try r.string()) }
        try r.expectEnd("the record")
        entry = AuditEntry(kind: kind, domain: domain, client: client, source: source, operation: operation, objectIDs: ids,
                           protocolVersion: protocolVersion, outcome: outcome, reason: reason, message: message,
                           durationMicroseconds: duration)
    }

    /// The record's MAC: HMAC-SHA-256 under the segment's MAC key of the previous record's MAC then the canonical
    /// bytes. Chaining the MACs means a record cannot be moved, dropped or replaced without breaking every MAC after it.
    static func mac(canonical: [UInt8], previousMAC: [UInt8], key: SymmetricKey) throws -> [UInt8] {
        let hmac = try HMACSHA256(key: key)
        try hmac.update(previousMAC)
        try hmac.update(canonical)
        return try hmac.finalize()
    }

    /// The record's digest: SHA-256 of the canonical bytes then the MAC, i.e. of the whole record as stored. The
    /// next record carries it (`previousDigest`) and checkpoints sign it: the chain anyone can check.
    static func digest(canonical: some Collection<UInt8>, mac: [UInt8]) -> [UInt8] {
        let hasher = SHA256()
        hasher.update(canonical)
        hasher.update(mac)
        return hasher.finalize()
    }
}
