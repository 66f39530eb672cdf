import KeepCrypto

/// Where and why a log stops verifying: the first broken record, or the checkpoint or segment at fault.
public struct AuditBreak: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable, CaseIterable {
        /// A record's bytes changed (MAC or digest no longer match), or bytes that are not a record.
        case alteredRecord = "altered record"
        /// Records (or a whole segment) are missing from the middle of the log.
        case deletedRecord = "deleted record"
        /// A record that keepd did not write at that place: a copy of another, or a forgery.
        case insertedRecord = "inserted record"
        /// Records are all there, in the wrong order.
        case reorderedRecord = "reordered records"
        /// The log ends early: inside a frame, or without the shutdown checkpoint a clean stop writes.
        case truncatedTail = "truncated tail"
        /// A second chain starts inside the log (sequence 1 again, or a first segment after others).
        case chainRestart = "chain restart"
        /// A checkpoint's signature does not verify, it is signed by an unknown key, or one is missing.
        case badCheckpoint = "bad checkpoint"
    }

    public var kind: Kind
    /// The record to blame (for deletions, the first missing one); nil when the fault is not one record's.
    public var sequence: UInt64?
    public var segment: UInt32
    public var offset: Int
    public var reason: String

    public var description: String {
        let at = sequence.map { "record \($0)" } ?? "segment \(segment)"
        return "\(kind.rawValue) at \(at) (segment \(segment), offset \(offset)): \(reason)"
    }
}

/// The state of a chain after some frames: what the next record must link to.
struct ChainState {
    var sequence: UInt64 = 0
    var lastDigest = AuditRecord.zeroDigest
    var lastMAC = AuditRecord.zeroDigest
    var lastTime = Int64.min
    var heads: [String: DomainHead] = [:]
    /// Domains with records since the last checkpoint.
    var changed: Set<String> = []
    var recordsSinceCheckpoint = 0
    var lastCheckpointDigest = AuditRecord.zeroDigest
    var lastCheckpointSequence: UInt64 = 0
    var lastCheckpointFrame: [UInt8]?
    var lastCheckpointKind: Checkpoint.Kind?
}

/// Checks frames against the chain, segment by segment, and stops at the first break. Used by the offline
/// verifier (public keys, optionally MAC keys) and by the writer when it reopens a log (both).
struct ChainWalker {
    let publicKeys: [[UInt8]: Ed25519.PublicKey]
    let macKeys: (any AuditMACKeys)?
    private(set) var state = ChainState()
    private(set) var records = 0
    private(set) var checkpoints = 0
    private(set) var firstSequence: UInt64?
    private var header: SegmentFormat.Header?
    private var macKey: SymmetricKey?
    /// True once the first segment (or an archived start) has been read.
    private var started = false
    private(set) var startedFromCheckpoint: UInt64?

    init(publicKeys: [Ed25519.PublicKey], macKeys: (any AuditMACKeys)?) {
        self.publicKeys = Dictionary(publicKeys.map { ($0.fingerprint, $0) }, uniquingKeysWith: { first, _ in first })
        self.macKeys = macKeys
    }

    var checksMACs: Bool { macKeys != nil }

    // MARK: Segments

    /// Starts a segment: its header must continue the chain (or, for the first segment read, start it: at genesis
    /// for segment 1, else at the signed checkpoint the header carries).
    mutating func begin(_ header: SegmentFormat.Header, headerLength: Int) throws(AuditBreak) {
        let segment = header.segment
        func fail(_ kind: AuditBreak.Kind, _ reason: String) -> AuditBreak {
            AuditBreak(kind: kind, sequence: nil, segment: segment, offset: 0, reason: reason)
        }
        if segment == 1 || header.previousCheckpointFrame.isEmpty {
            guard segment == 1, header.previousCheckpointFrame.isEmpty, header.heads.isEmpty else {
                throw fail(.alteredRecord, "the header is inconsistent: a first segment carries no checkpoint and no domain heads")
            }
            if started {
                throw fail(.chainRestart, "a first segment (a new chain from genesis) follows segment \(self.header?.segment ?? 0)")
            }
        } else {
            let checkpoint = try headerCheckpoint(header)
            if started {
                guard header.previousCheckpointFrame == state.lastCheckpointFrame, state.lastCheckpointKind == .segmentEnd,
                      state.recordsSinceCheckpoint == 0 else {
                    throw fail(.badCheckpoint, "the header's checkpoint is not the closing checkpoint of segment \(segment - 1)")
                }
                guard header.heads == state.heads else {
                    throw fail(.alteredRecord, "the header's domain heads are not those at the end of segment \(segment - 1)")
                }
            } else {
                // An archived start: the signed checkpoint is the anchor; the heads are checked against its leaves.
                state.sequence = checkpoint.sequence
                state.lastDigest = checkpoint.lastDigest
                state.lastMAC = checkpoint.lastMAC
                state.lastTime = checkpoint.time
                state.heads = header.heads
                state.lastCheckpointDigest = Checkpoint.digest(canonical: try! checkpoint.canonicalBytes(),
                                                               signature: Array(header.previousCheckpointFrame.suffix(SegmentFormat.signatureBytes)))
                state.lastCheckpointSequence = checkpoint.sequence
                state.lastCheckpointFrame = header.previousCheckpointFrame
                state.lastCheckpointKind = checkpoint.kind
                startedFromCheckpoint = checkpoint.sequence
            }
        }
        started = true
        self.header = header
        state.recordsSinceCheckpoint = 0
        state.changed = []
        macKey = nil
        if let macKeys {
            do { macKey = try macKeys.macKey(segment: segment, nodeID: header.nodeID, version: header.macKeyVersion) } catch {
                throw fail(.alteredRecord, "no MAC key for segment \(segment) (MAC key version \(header.macKeyVersion)): \(error)")
            }
        }
        _ = headerLength
    }

    /// The checkpoint a header carries, checked: a valid signature, a segment-end checkpoint of the previous
    /// segment, and exactly the header's domain heads.
    private func headerCheckpoint(_ header: SegmentFormat.Header) throws(AuditBreak) -> Checkpoint {
        let segment = header.segment
        func fail(_ reason: String) -> AuditBreak { AuditBreak(kind: .badCheckpoint, sequence: nil, segment: segment, offset: 0, reason: reason) }
        let frames = SegmentFormat.frames(header.previousCheckpointFrame, from: 0)
        guard frames.count == 1, case .checkpoint(let checkpoint, let canonical, let signature, _) = frames[0] else {
            throw fail("the header does not carry a well-formed checkpoint")
        }
        try checkSignature(checkpoint, canonical: canonical, signature: signature, segment: segment, offset: 0)
        guard checkpoint.kind == .segmentEnd, checkpoint.segment + 1 == segment else {
            throw fail("the header's checkpoint is not the closing checkpoint of segment \(segment - 1)")
        }
        guard Set(checkpoint.domainLeaves) == Set(DomainHead.leaves(header.heads)) else {
            throw AuditBreak(kind: .alteredRecord, sequence: nil, segment: segment, offset: 0,
                             reason: "the header's domain heads do not match its signed checkpoint")
        }
        return checkpoint
    }

    private func checkSignature(_ checkpoint: Checkpoint, canonical: ArraySlice<UInt8>, signature: [UInt8], segment: UInt32,
                                offset: Int) throws(AuditBreak) {
        guard let key = publicKeys[checkpoint.signingKeyFingerprint] else {
            throw AuditBreak(kind: .badCheckpoint, sequence: nil, segment: segment, offset: offset,
                             reason: "checkpoint signed by a key that was not given (fingerprint \(hex(checkpoint.signingKeyFingerprint.prefix(8))))")
        }
        guard key.isValidSignature(signature, for: canonical) else {
            throw AuditBreak(kind: .badCheckpoint, sequence: nil, segment: segment, offset: offset,
                             reason: "the checkpoint's signature does not verify: it was altered or forged")
        }
    }

    // MARK: Frames

    /// Checks one segment's frames in order. A torn last frame is returned (the caller decides whether the tail
    /// of the log may be torn); any other fault throws.
    mutating func walk(_ frames: [SegmentFormat.Frame]) throws(AuditBreak) -> Int? {
        let segment = header?.segment ?? 0
        for (index, frame) in frames.enumerated() {
            switch frame {
            case .record(let record, let canonical, let mac, let offset):
                try check(record, canonical: canonical, mac: mac, at: offset, index: index, in: frames, segment: segment)
            case .checkpoint(let checkpoint, let canonical, let signature, let offset):
                try check(checkpoint, canonical: canonical, signature: signature, at: offset, segment: segment)
            case .malformed(let offset, let reason):
                throw AuditBreak(kind: .alteredRecord, sequence: state.sequence + 1, segment: segment, offset: offset,
                                 reason: "the bytes after record \(state.sequence) are not a record: \(reason)")
            case .torn(let offset):
                return offset
            }
        }
        return nil
    }

    private mutating func check(_ record: AuditRecord, canonical: ArraySlice<UInt8>, mac: [UInt8], at offset: Int, index: Int,
                                in frames: [SegmentFormat.Frame], segment: UInt32) throws(AuditBreak) {
        let expected = state.sequence + 1
        func fail(_ kind: AuditBreak.Kind, _ sequence: UInt64?, _ reason: String) -> AuditBreak {
            AuditBreak(kind: kind, sequence: sequence, segment: segment, offset: offset, reason: reason)
        }
        if record.sequence != expected {
            if record.sequence == 1 && record.previousDigest == AuditRecord.zeroDigest {
                throw fail(.chainRestart, record.sequence, "a new chain (sequence 1, no predecessor) starts after record \(state.sequence)")
            }
            if record.sequence < expected {
                throw fail(.insertedRecord, record.sequence,
                           "a second record with sequence \(record.sequence) follows record \(state.sequence): a copy or a forgery was inserted")
            }
            let later = frames[(index + 1)...].contains { if case .record(let r, _, _, _) = $0 { r.sequence == expected } else { false } }
            if later {
                throw fail(.reorderedRecord, expected, "record \(record.sequence) comes before record \(expected): the records were reordered")
            }
            let range = record.sequence - 1 == expected ? "record \(expected) is" : "records \(expected)–\(record.sequence - 1) are"
            throw fail(.deletedRecord, expected, "\(range) missing before record \(record.sequence): deleted")
        }
        // Two records with this number in a row: the log continues (record n+1 links) from only one of them; the
        // other was inserted. Decided before the MAC, so a forgery is reported as what it is.
        if index + 1 < frames.count, case .record(let next, _, _, _) = frames[index + 1], next.sequence == record.sequence {
            let digest = AuditRecord.digest(canonical: canonical, mac: mac)
            let successor = frames[(index + 2)...].lazy.compactMap { frame -> AuditRecord? in
                if case .record(let r, _, _, _) = frame, r.sequence == record.sequence + 1 { return r } else { return nil }
            }.first
            if successor?.previousDigest != digest {
                throw fail(.insertedRecord, record.sequence,
                           "another record \(record.sequence) follows and the log continues from it: this one was inserted")
            }
        }
        if record.previousDigest != state.lastDigest {
            if let macKey, (try? AuditRecord.mac(canonical: Array(canonical), previousMAC: state.lastMAC, key: macKey)) != mac {
                throw fail(.alteredRecord, record.sequence, "record \(record.sequence) was altered: its MAC does not verify")
            }
            if state.sequence == 0 || state.sequence == startedFromCheckpoint {
                throw fail(.alteredRecord, record.sequence, "record \(record.sequence) does not link to the start of the chain")
            }
            throw fail(.alteredRecord, state.sequence,
                       "record \(state.sequence) was altered: its digest is not the one record \(record.sequence) carries")
        }
        let domain = record.entry.domain
        let head = state.heads[domain] ?? DomainHead(sequence: 0, digest: AuditRecord.zeroDigest)
        guard record.domainSequence == head.sequence + 1, record.previousDomainDigest == head.digest else {
            throw fail(.alteredRecord, record.sequence,
                       "record \(record.sequence) does not follow record \(head.sequence) of domain \(domain) in that domain's chain")
        }
        if let macKey {
            let computed: [UInt8]
            do { computed = try AuditRecord.mac(canonical: Array(canonical), previousMAC: state.lastMAC, key: macKey) } catch {
                throw fail(.alteredRecord, record.sequence, "cannot compute the MAC of record \(record.sequence): \(error)")
            }
            guard computed.withUnsafeBytes({ c in mac.withUnsafeBytes { constantTimeEquals(c, $0) } }) else {
                throw fail(.alteredRecord, record.sequence, "record \(record.sequence) was altered: its MAC does not verify")
            }
        }
        guard record.time > state.lastTime else {
            throw fail(.alteredRecord, record.sequence, "record \(record.sequence) is dated before record \(state.sequence)")
        }
        guard record.nodeID == header?.nodeID else {
            throw fail(.alteredRecord, record.sequence, "record \(record.sequence) names node \(record.nodeID), not the segment's")
        }
        let digest = AuditRecord.digest(canonical: canonical, mac: mac)
        state.sequence = record.sequence
        state.lastDigest = digest
        state.lastMAC = mac
        state.lastTime = record.time
        state.heads[domain] = DomainHead(sequence: record.domainSequence, digest: digest)
        state.changed.insert(domain)
        state.recordsSinceCheckpoint += 1
        if firstSequence == nil { firstSequence = record.sequence }
        records += 1
    }

    private mutating func check(_ checkpoint: Checkpoint, canonical: ArraySlice<UInt8>, signature: [UInt8], at offset: Int,
                                segment: UInt32) throws(AuditBreak) {
        func fail(_ kind: AuditBreak.Kind, _ sequence: UInt64?, _ reason: String) -> AuditBreak {
            AuditBreak(kind: kind, sequence: sequence, segment: segment, offset: offset, reason: reason)
        }
        try checkSignature(checkpoint, canonical: canonical, signature: signature, segment: segment, offset: offset)
        guard checkpoint.segment == segment, checkpoint.nodeID == header?.nodeID else {
            throw fail(.badCheckpoint, nil, "the checkpoint names segment \(checkpoint.segment) of node \(checkpoint.nodeID): it was moved here")
        }
        guard checkpoint.previousCheckpointDigest == state.lastCheckpointDigest else {
            throw fail(.badCheckpoint, nil, "the checkpoint does not follow the checkpoint at record \(state.lastCheckpointSequence): a checkpoint was removed or inserted")
        }
        if checkpoint.sequence > state.sequence {
            throw fail(.deletedRecord, state.sequence + 1,
                       "records \(state.sequence + 1)–\(checkpoint.sequence) were signed by the checkpoint and are missing: deleted")
        }
        if checkpoint.sequence < state.sequence {
            throw fail(.insertedRecord, checkpoint.sequence + 1,
                       "records \(checkpoint.sequence + 1)–\(state.sequence) were not in the log when the checkpoint after them was signed: inserted")
        }
        guard checkpoint.lastDigest == state.lastDigest, checkpoint.lastMAC == state.lastMAC else {
            throw fail(.alteredRecord, state.sequence,
                       "record \(state.sequence) is not the record the checkpoint signed (or, if the links after record \(state.lastCheckpointSequence) were rewritten to match, one of the records after it was altered)")
        }
        let expected = checkpoint.kind == .segmentEnd ? DomainHead.leaves(state.heads) : DomainHead.leaves(state.heads, only: state.changed)
        guard Set(checkpoint.domainLeaves) == Set(expected), checkpoint.domainLeaves.count == expected.count else {
            throw fail(.alteredRecord, nil, "the domain heads do not match the checkpoint: a record after record \(state.lastCheckpointSequence) was altered")
        }
        state.lastCheckpointDigest = Checkpoint.digest(canonical: canonical, signature: signature)
        state.lastCheckpointSequence = checkpoint.sequence
        state.lastCheckpointFrame = SegmentFormat.checkpointFrame(canonical: Array(canonical), signature: signature)
        state.lastCheckpointKind = checkpoint.kind
        state.lastTime = max(state.lastTime, checkpoint.time)
        state.changed = []
        state.recordsSinceCheckpoint = 0
        checkpoints += 1
    }
}
