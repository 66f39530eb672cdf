/// The bytes of a segment file (docs/audit-log.md, "Files"):
///
/// ```
/// header   magic "KEEPAUDT", u16 format 1, u32 segment number, str node id, u32 MAC key version,
///          u32 n, n × (str domain, u64 domain sequence, 32 digest)      the domain heads at the segment's start
///          u32 L, L bytes: the previous segment's closing checkpoint frame (L = 0 for the first segment)
/// frames   'R' u32 L, L canonical record bytes, 32 MAC
///          'C' u32 L, L canonical checkpoint bytes, 64 Ed25519 signature
/// ```
/// Integers are big-endian; `str` is a u16 length then UTF-8.
enum SegmentFormat {
    static let magic = Array("KEEPAUDT".utf8)
    static let version: UInt16 = 1
    static let recordType: UInt8 = 0x52      // 'R'
    static let checkpointType: UInt8 = 0x43  // 'C'
    static let macBytes = 32
    static let signatureBytes = 64
    /// Largest frame body read: a damaged or forged length cannot make a reader allocate more. A record holds at
    /// most 1,000 object identifiers of 4 KiB; a checkpoint's domain list at 32 bytes a domain fits 30,000 domains.
    static let maximumFrameBytes = 8 << 20

    static func fileName(_ segment: UInt32) -> String {
        let digits = String(segment)
        return "segment-" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits + ".log"
    }

    /// The segment number in a file name, or nil for a file that is not a segment.
    static func segmentNumber(fileName name: String) -> UInt32? {
        guard name.hasPrefix("segment-"), name.hasSuffix(".log") else { return nil }
        return UInt32(name.dropFirst(8).dropLast(4))
    }

    struct Header: Equatable {
        var segment: UInt32
        var nodeID: String
        var macKeyVersion: UInt32
        var heads: [String: DomainHead]
        /// The previous segment's closing checkpoint frame, as it was written there.
        var previousCheckpointFrame: [UInt8]

        func encoded() throws -> [UInt8] {
            var w = BinaryWriter()
            w.raw(SegmentFormat.magic)
            w.u16(SegmentFormat.version)
            w.u32(segment)
            try w.string(nodeID)
            w.u32(macKeyVersion)
            w.u32(UInt32(heads.count))
            for (domain, head) in heads.sorted(by: { $0.key < $1.key }) {
                try w.string(domain)
                w.u64(head.sequence)
                w.raw(head.digest)
            }
            w.u32(UInt32(previousCheckpointFrame.count))
            w.raw(previousCheckpointFrame)
            return w.bytes
        }

        /// Decodes the header at the start of `bytes`; returns it and its length.
        static func decode(_ bytes: [UInt8]) throws -> (Header, Int) {
            var r = BinaryReader(bytes)
            guard try r.raw(8) == SegmentFormat.magic else { throw BinaryReader.FormatError("not an audit segment (bad magic)") }
            let version = try r.u16()
            guard version == SegmentFormat.version else { throw BinaryReader.FormatError("segment format version \(version) is not 1") }
            let segment = try r.u32()
            let node = try r.string()
            let macVersion = try r.u32()
            var heads: [String: DomainHead] = [:]
            let count = Int(try r.u32())
            guard count <= r.remaining / 42 else { throw BinaryReader.FormatError("header lists more domains than it holds") }
            for _ in 0..<count {
                let domain = try r.string()
                heads[domain] = DomainHead(sequence: try r.u64(), digest: try r.raw(32))
            }
            let length = Int(try r.u32())
            guard length <= SegmentFormat.maximumFrameBytes else { throw BinaryReader.FormatError("header checkpoint too large") }
            let frame = try r.raw(length)
            return (Header(segment: segment, nodeID: node, macKeyVersion: macVersion, heads: heads, previousCheckpointFrame: frame),
                    r.offset)
        }
    }

    /// One frame of a segment, with where it starts.
    enum Frame {
        case record(AuditRecord, canonical: ArraySlice<UInt8>, mac: [UInt8], offset: Int)
        case checkpoint(Checkpoint, canonical: ArraySlice<UInt8>, signature: [UInt8], offset: Int)
        /// Bytes that do not parse as a frame: a changed byte in a frame's type or length, or a damaged record.
        case malformed(offset: Int, reason: String)
        /// The segment ends inside a frame: a torn write, or a cut file.
        case torn(offset: Int)

        var offset: Int {
            switch self {
            case .record(_, _, _, let offset), .checkpoint(_, _, _, let offset), .malformed(let offset, _), .torn(let offset): offset
            }
        }
    }

    static func recordFrame(canonical: [UInt8], mac: [UInt8]) -> [UInt8] {
        frame(type: recordType, canonical: canonical, trailer: mac)
    }

    static func checkpointFrame(canonical: [UInt8], signature: [UInt8]) -> [UInt8] {
        frame(type: checkpointType, canonical: canonical, trailer: signature)
    }

    private static func frame(type: UInt8, canonical: [UInt8], trailer: [UInt8]) -> [UInt8] {
        var w = BinaryWriter(capacity: 5 + canonical.count + trailer.count)
        w.u8(type)
        w.u32(UInt32(canonical.count))
        w.raw(canonical)
        w.raw(trailer)
        return w.bytes
    }

    /// Splits the frames after a header. Stops at the first malformed or torn frame, which it returns last: past a
    /// damaged length nothing can be framed reliably.
    ///
    /// A live segment is preallocated (see `AuditLog.Writer`), so its data is followed by zeros up to the file's
    /// size: the frames end where only zeros remain. A frame that runs into those zeros and does not decode, or
    /// whose MAC or signature is all zeros, is torn: a batch whose write or sync never completed (its callers
    /// got no answer), like a frame cut short by the end of the file.
    static func frames(_ bytes: [UInt8], from start: Int) -> [Frame] {
        var frames: [Frame] = []
        var offset = start
        var dataEnd = bytes.count
        while dataEnd > start, bytes[dataEnd - 1] == 0 { dataEnd -= 1 }
        while offset < dataEnd {
            let type = bytes[offset]
            guard type == recordType || type == checkpointType else {
                frames.append(.malformed(offset: offset, reason: "byte \(type) at offset \(offset) does not start a frame"))
                return frames
            }
            guard bytes.count - offset >= 5 else { frames.append(.torn(offset: offset)); return frames }
            let length = bytes[(offset + 1)..<(offset + 5)].reduce(0) { $0 << 8 | Int($1) }
            guard length <= maximumFrameBytes else {
                frames.append(.malformed(offset: offset, reason: "frame at offset \(offset) claims \(length) bytes"))
                return frames
            }
            let trailer = type == recordType ? macBytes : signatureBytes
            let end = offset + 5 + length + trailer
            guard end <= bytes.count else { frames.append(.torn(offset: offset)); return frames }
            let canonical = bytes[(offset + 5)..<(offset + 5 + length)]
            let tail = Array(bytes[(offset + 5 + length)..<end])
            let intoZeros = end > dataEnd
            if intoZeros, tail.allSatisfy({ $0 == 0 }) { frames.append(.torn(offset: offset)); return frames }
            do {
                if type == recordType {
                    frames.append(.record(try AuditRecord(canonical: canonical), canonical: canonical, mac: tail, offset: offset))
                } else {
                    frames.append(.checkpoint(try Checkpoint(canonical: canonical), canonical: canonical, signature: tail, offset: offset))
                }
            } catch {
                frames.append(intoZeros ? .torn(offset: offset)
                                        : .malformed(offset: offset, reason: "frame at offset \(offset) does not decode: \(error)"))
                return frames
            }
            offset = end
        }
        return frames
    }

    /// Where the data of a segment ends: after its last whole frame (the preallocated zeros, if any, follow).
    static func dataEnd(of frames: [Frame], headerLength: Int) -> Int {
        switch frames.last {
        case .record(_, let canonical, let mac, let offset)?: offset + 5 + canonical.count + mac.count
        case .checkpoint(_, let canonical, let signature, let offset)?: offset + 5 + canonical.count + signature.count
        case .malformed(let offset, _)?, .torn(let offset)?: offset
        case nil: headerLength
        }
    }
}
