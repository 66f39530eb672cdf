/// Encodes TTLV items bit-exactly as the KMIP specification lays them out: a 3-byte tag, a 1-byte type,
/// a 4-byte big-endian length of the value (without padding), the value, then zero padding to a multiple of 8.
public enum TTLVEncoder {
    public static func encode(_ item: TTLV) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        encode(item, into: &out)
        return out
    }

    public static func encode(_ item: TTLV, into out: inout [UInt8]) {
        appendUInt24(item.tag.rawValue, to: &out)
        out.append(item.type.rawValue)
        switch item.value {
        case .structure(let children):
            // Write a placeholder length, encode the children, then patch it: one pass, no size pre-computation.
            let lengthOffset = out.count
            appendUInt32(0, to: &out)
            let start = out.count
            for child in children { encode(child, into: &out) }
            let length = out.count - start
            precondition(length <= UInt32.max, "TTLV structure longer than 4 GiB")
            patchUInt32(UInt32(length), at: lengthOffset, in: &out)
        case .integer(let v):
            appendUInt32(4, to: &out)
            appendUInt32(UInt32(bitPattern: v), to: &out)
            appendPadding(4, to: &out)
        case .longInteger(let v):
            appendUInt32(8, to: &out)
            appendUInt64(UInt64(bitPattern: v), to: &out)
        case .bigInteger(let bytes):
            let normalized = signExtendedToMultipleOf8(bytes)
            appendUInt32(UInt32(normalized.count), to: &out)
            out.append(contentsOf: normalized)
        case .enumeration(let v):
            appendUInt32(4, to: &out)
            appendUInt32(v, to: &out)
            appendPadding(4, to: &out)
        case .boolean(let v):
            appendUInt32(8, to: &out)
            appendUInt64(v ? 1 : 0, to: &out)
        case .textString(let s):
            let utf8 = s.utf8
            appendVariable(count: utf8.count, to: &out) { $0.append(contentsOf: utf8) }
        case .byteString(let bytes):
            appendVariable(count: bytes.count, to: &out) { $0.append(contentsOf: bytes) }
        case .dateTime(let v), .dateTimeExtended(let v):
            appendUInt32(8, to: &out)
            appendUInt64(UInt64(bitPattern: v), to: &out)
        case .interval(let v):
            appendUInt32(4, to: &out)
            appendUInt32(v, to: &out)
            appendPadding(4, to: &out)
        }
    }

    /// The padded length of an item's value: values are aligned to 8 bytes.
    @inline(__always)
    static func paddedLength(_ length: Int) -> Int { (length + 7) & ~7 }

    private static func appendVariable(count: Int, to out: inout [UInt8], _ body: (inout [UInt8]) -> Void) {
        precondition(count <= UInt32.max, "TTLV value longer than 4 GiB")
        appendUInt32(UInt32(count), to: &out)
        body(&out)
        appendPadding(paddedLength(count) - count, to: &out)
    }

    /// Big integers are sent sign-extended to a multiple of 8 bytes (KMIP §9.1.1.4); the empty value is zero.
    static func signExtendedToMultipleOf8(_ bytes: [UInt8]) -> [UInt8] {
        if bytes.isEmpty { return [UInt8](repeating: 0, count: 8) }
        let remainder = bytes.count % 8
        if remainder == 0 { return bytes }
        let fill: UInt8 = bytes[0] & 0x80 != 0 ? 0xFF : 0x00
        return [UInt8](repeating: fill, count: 8 - remainder) + bytes
    }

    @inline(__always) private static func appendUInt24(_ v: UInt32, to out: inout [UInt8]) {
        out.append(UInt8(truncatingIfNeeded: v >> 16))
        out.append(UInt8(truncatingIfNeeded: v >> 8))
        out.append(UInt8(truncatingIfNeeded: v))
    }

    @inline(__always) private static func appendUInt32(_ v: UInt32, to out: inout [UInt8]) {
        out.append(UInt8(truncatingIfNeeded: v >> 24))
        out.append(UInt8(truncatingIfNeeded: v >> 16))
        out.append(UInt8(truncatingIfNeeded: v >> 8))
        out.append(UInt8(truncatingIfNeeded: v))
    }

    @inline(__always) private static func appendUInt64(_ v: UInt64, to out: inout [UInt8]) {
        appendUInt32(UInt32(truncatingIfNeeded: v >> 32), to: &out)
        appendUInt32(UInt32(truncatingIfNeeded: v), to: &out)
    }

    @inline(__always) private static func appendPadding(_ count: Int, to out: inout [UInt8]) {
        for _ in 0..<count { out.append(0) }
    }

    private static func patchUInt32(_ v: UInt32, at offset: Int, in out: inout [UInt8]) {
        out[offset] = UInt8(truncatingIfNeeded: v >> 24)
        out[offset + 1] = UInt8(truncatingIfNeeded: v >> 16)
        out[offset + 2] = UInt8(truncatingIfNeeded: v >> 8)
        out[offset + 3] = UInt8(truncatingIfNeeded: v)
    }
}

extension TTLV {
    /// This item's TTLV encoding.
    public func encoded() -> [UInt8] { TTLVEncoder.encode(self) }
}
