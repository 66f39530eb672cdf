import KeepCrypto

/// Verifies a log directory: every segment present, from the first (segment 1, or the first left after older ones
/// were archived, anchored by the signed checkpoint in its header) to the last. Needs only the public keys;
/// with MAC keys (keepd's, or keepctl's with the partition open) it also checks every record's MAC, which pins an
/// alteration to the exact record even when an attacker rewrote the unkeyed links after it.
public struct AuditVerifier: Sendable {
    public let publicKeys: [Ed25519.PublicKey]
    public let macKeys: (any AuditMACKeys)?

    public init(publicKeys: [Ed25519.PublicKey], macKeys: (any AuditMACKeys)? = nil) {
        self.publicKeys = publicKeys
        self.macKeys = macKeys
    }

    /// What verification found. `failure` nil means every record present verified.
    public struct Report: Sendable, CustomStringConvertible {
        public var segments: [UInt32] = []
        public var records = 0
        public var checkpoints = 0
        public var firstSequence: UInt64?
        public var lastSequence: UInt64 = 0
        /// Set when older segments are absent: the sequence of the signed checkpoint the verification started from.
        public var startedAfterSequence: UInt64?
        /// The last record a signed checkpoint covers.
        public var lastCheckpointSequence: UInt64 = 0
        /// The log ends with the shutdown checkpoint of a clean stop.
        public var endsWithShutdown = false
        public var checkedMACs = false
        public var failure: AuditBreak?

        public var isValid: Bool { failure == nil }

        public var description: String {
            if let failure { return "BROKEN: \(failure)" }
            let start = startedAfterSequence.map { "records \($0 + 1)–\(lastSequence) (segments before \(segments.first ?? 0) archived; anchored by the checkpoint at record \($0))" }
                ?? "records 1–\(lastSequence)"
            let end = endsWithShutdown ? "ends with a shutdown checkpoint" : "open: records after \(lastCheckpointSequence) are not yet covered by a checkpoint"
            return "verified: \(start) in \(segments.count) segment(s), \(checkpoints) checkpoint(s), \(checkedMACs ? "MACs checked" : "MACs not checked (public key only)"); \(end)"
        }
    }

    /// `allowOpenTail`: accept a log that does not end with a shutdown checkpoint (keepd running, or crashed and not
    /// restarted). Without it such a log is reported as a truncated tail, since a cut after the last checkpoint
    /// looks exactly the same.
    public func verify(directory: String, allowOpenTail: Bool = false) -> Report {
        var report = Report()
        report.checkedMACs = macKeys != nil
        var walker = ChainWalker(publicKeys: publicKeys, macKeys: macKeys)
        do {
            let segments = try SegmentDirectory(path: directory).segments()
            guard !segments.isEmpty else {
                report.failure = AuditBreak(kind: .truncatedTail, sequence: nil, segment: 0, offset: 0, reason: "no audit segments in \(directory)")
                return report
            }
            for (index, segment) in segments.enumerated() {
                let isLast = index == segments.count - 1
                if index > 0, segment.number != segments[index - 1].number + 1 {
                    throw AuditBreak(kind: .deletedRecord, sequence: walker.state.sequence + 1, segment: segment.number, offset: 0,
                                     reason: "segment \(segments[index - 1].number + 1) is missing (records after \(walker.state.sequence))")
                }
                let bytes = try SegmentDirectory.read(segment.path)
                let header: SegmentFormat.Header, length: Int
                do { (header, length) = try SegmentFormat.Header.decode(bytes) } catch {
                    throw AuditBreak(kind: isLast && bytes.count < 64 ? .truncatedTail : .alteredRecord, sequence: nil, segment: segment.number,
                                     offset: 0, reason: "the segment header does not decode: \(error)")
                }
                guard header.segment == segment.number else {
                    throw AuditBreak(kind: .alteredRecord, sequence: nil, segment: segment.number, offset: 0,
                                     reason: "file \(SegmentFormat.fileName(segment.number)) holds segment \(header.segment)")
                }
                try walker.begin(header, headerLength: length)
                report.segments.append(segment.number)
                if index == 0, walker.startedFromCheckpoint != nil { report.startedAfterSequence = walker.startedFromCheckpoint }
                if let torn = try walker.walk(SegmentFormat.frames(bytes, from: length)) {
                    throw AuditBreak(kind: .truncatedTail, sequence: walker.state.sequence + 1, segment: segment.number, offset: torn,
                                     reason: "segment \(segment.number) ends inside a frame after record \(walker.state.sequence): a torn write or a cut file")
                }
                if !isLast, walker.state.lastCheckpointKind != .segmentEnd || walker.state.recordsSinceCheckpoint > 0 {
                    throw AuditBreak(kind: .truncatedTail, sequence: walker.state.sequence + 1, segment: segment.number, offset: bytes.count,
                                     reason: "segment \(segment.number) does not end with its closing checkpoint: its tail was cut")
                }
            }
            report.endsWithShutdown = walker.state.lastCheckpointKind == .shutdown && walker.state.recordsSinceCheckpoint == 0
            if !report.endsWithShutdown && !allowOpenTail {
                throw AuditBreak(kind: .truncatedTail, sequence: walker.state.lastCheckpointSequence + 1, segment: segments.last!.number, offset: 0,
                                 reason: "the log does not end with a shutdown checkpoint: records after \(walker.state.lastCheckpointSequence) (the last checkpoint) may have been removed, or keepd is running or crashed")
            }
        } catch let failure as AuditBreak {
            report.failure = failure
        } catch {
            report.failure = AuditBreak(kind: .truncatedTail, sequence: nil, segment: 0, offset: 0, reason: "\(error)")
        }
        report.records = walker.records
        report.checkpoints = walker.checkpoints
        report.firstSequence = walker.firstSequence
        report.lastSequence = walker.state.sequence
        report.lastCheckpointSequence = walker.state.lastCheckpointSequence
        return report
    }
}
