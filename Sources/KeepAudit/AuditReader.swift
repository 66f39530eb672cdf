/// Reads a log directory's records in order, segment by segment, without checking them: verify first
/// (`AuditVerifier`) to know that what is read is what keepd wrote.
public struct AuditReader: Sendable {
    public let directory: String

    public init(directory: String) { self.directory = directory }

    /// A record with its stored bytes (canonical bytes then MAC), which a tenant export carries for verification.
    public struct StoredRecord: Hashable, Sendable {
        public var record: AuditRecord
        public var stored: [UInt8]
        public var digest: [UInt8]
    }

    public enum Item: Sendable {
        case record(StoredRecord)
        /// A checkpoint with its stored bytes (canonical bytes then signature).
        case checkpoint(Checkpoint, stored: [UInt8])
    }

    /// Calls `body` with every frame in order; `body` returns false to stop. Stops quietly at a torn or malformed
    /// frame (verification reports those).
    public func forEach(_ body: (Item) throws -> Bool) throws {
        for segment in try SegmentDirectory(path: directory).segments() {
            let bytes = try SegmentDirectory.read(segment.path)
            let (_, length) = try { () throws -> (SegmentFormat.Header, Int) in
                do { return try SegmentFormat.Header.decode(bytes) } catch {
                    throw AuditError(.corrupt, "\(segment.path): the segment header does not decode (\(error))")
                }
            }()
            for frame in SegmentFormat.frames(bytes, from: length) {
                switch frame {
                case .record(let record, let canonical, let mac, _):
                    let item = StoredRecord(record: record, stored: Array(canonical) + mac, digest: AuditRecord.digest(canonical: canonical, mac: mac))
                    guard try body(.record(item)) else { return }
                case .checkpoint(let checkpoint, let canonical, let signature, _):
                    guard try body(.checkpoint(checkpoint, stored: Array(canonical) + signature)) else { return }
                case .malformed, .torn:
                    break
                }
            }
        }
    }

    /// The records `viewer` may see that match `query`, in log order.
    public func records(matching query: AuditQuery, as viewer: AuditViewer = .administrator) throws -> [AuditRecord] {
        let scoped = try viewer.scope(query)
        var found: [AuditRecord] = []
        try forEach { item in
            if case .record(let stored) = item, scoped.matches(stored.record) { found.append(stored.record) }
            return true
        }
        return found
    }
}
