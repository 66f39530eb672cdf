/// Big-endian writer for the canonical forms (records, checkpoints, segment headers). A string is its UTF-8 bytes
/// after a 16-bit length, so no two different field lists encode to the same bytes.
struct BinaryWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 256) { bytes.reserveCapacity(capacity) }

    mutating func u8(_ value: UInt8) { bytes.append(value) }
    mutating func u16(_ value: UInt16) { integer(value) }
    mutating func u32(_ value: UInt32) { integer(value) }
    mutating func u64(_ value: UInt64) { integer(value) }
    mutating func i64(_ value: Int64) { integer(UInt64(bitPattern: value)) }
    mutating func raw(_ value: some Collection<UInt8>) { bytes.append(contentsOf: value) }

    /// Throws for a string longer than the 16-bit length allows; callers bound their fields first.
    mutating func string(_ value: String) throws {
        let utf8 = Array(value.utf8)
        guard utf8.count <= Int(UInt16.max) else { throw AuditError(.invalidInput, "a record field is longer than 65535 bytes") }
        u16(UInt16(utf8.count))
        raw(utf8)
    }

    private mutating func integer<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.bigEndian) { bytes.append(contentsOf: $0) }
    }
}

/// Bounds-checked big-endian reader. Reading past the end or a malformed string is a `FormatError`, never a trap:
/// the bytes come from files an attacker may have written.
struct BinaryReader {
    struct FormatError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    let bytes: ArraySlice<UInt8>
    private(set) var offset: Int

    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        offset = bytes.startIndex
    }

    init(_ bytes: [UInt8]) { self.init(bytes[...]) }

    var isAtEnd: Bool { offset == bytes.endIndex }
    var remaining: Int { bytes.endIndex - offset }

    mutating func u8() throws -> UInt8 { UInt8(try integer(1)) }
    mutating func u16() throws -> UInt16 { UInt16(try integer(2)) }
    mutating func u32() throws -> UInt32 { UInt32(try integer(4)) }
    mutating func u64() throws -> UInt64 { try integer(8) }
    mutating func i64() throws -> Int64 { Int64(bitPattern: try integer(8)) }

    mutating func raw(_ count: Int) throws -> [UInt8] {
        try need(count)
        defer { offset += count }
        return Array(bytes[offset..<(offset + count)])
    }

    mutating func string() throws -> String {
        let count = Int(try u16())
        guard let text = String(validating: try raw(count), as: UTF8.self) else { throw FormatError("a string field is not UTF-8") }
        return text
    }

    mutating func expectEnd(_ what: String) throws {
        guard isAtEnd else { throw FormatError("\(remaining) bytes after the end of \(what)") }
    }

    private mutating func integer(_ width: Int) throws -> UInt64 {
        try need(width)
        defer { offset += width }
        return bytes[offset..<(offset + width)].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
    }

    private func need(_ count: Int) throws {
        guard count >= 0, count <= remaining else { throw FormatError("truncated: \(count) bytes needed, \(remaining) left") }
    }
}

/// Lowercase hexadecimal.
func hex(_ bytes: some Collection<UInt8>) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count * 2)
    for byte in bytes { out.append(digits[Int(byte >> 4)]); out.append(digits[Int(byte & 0x0f)]) }
    return String(decoding: out, as: UTF8.self)
}

/// Parses lowercase or uppercase hexadecimal; nil for anything else.
func bytes(fromHex text: String) -> [UInt8]? {
    let utf8 = Array(text.utf8)
    guard utf8.count % 2 == 0 else { return nil }
    func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: c - 0x30
        case 0x61...0x66: c - 0x61 + 10
        case 0x41...0x46: c - 0x41 + 10
        default: nil
        }
    }
    var out: [UInt8] = []
    out.reserveCapacity(utf8.count / 2)
    var i = 0
    while i < utf8.count {
        guard let high = nibble(utf8[i]), let low = nibble(utf8[i + 1]) else { return nil }
        out.append(high << 4 | low)
        i += 2
    }
    return out
}
