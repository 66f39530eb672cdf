import KeepCrypto

/// Big-endian writer into secure memory, for the partition's plaintext (which holds the Root of Trust).
struct SecureWriter {
    private(set) var bytes = SecureBytes(zeroes: 0)

    mutating func append(_ value: UInt16) { append(withBytesOf: value.bigEndian) }
    mutating func append(_ value: UInt32) { append(withBytesOf: value.bigEndian) }
    mutating func append(_ value: UInt64) { append(withBytesOf: value.bigEndian) }
    mutating func append(_ raw: [UInt8]) { bytes.append(raw) }
    mutating func append(_ secret: SecureBytes) { bytes.append(secret) }

    /// A length-prefixed (16-bit) byte string.
    mutating func appendShortBytes(_ raw: [UInt8]) {
        precondition(raw.count <= UInt16.max, "field longer than 64 KiB")
        append(UInt16(raw.count))
        append(raw)
    }

    private mutating func append<T>(withBytesOf value: T) {
        withUnsafeBytes(of: value) { bytes.append($0) }
    }
}

/// Bounds-checked big-endian reader. Every read past the end is `corruptPartition`, never a trap.
struct SecureReader {
    private let bytes: SecureBytes
    private(set) var offset = 0

    init(_ bytes: SecureBytes) { self.bytes = bytes }

    var isAtEnd: Bool { offset == bytes.count }

    mutating func uint16() throws -> UInt16 { UInt16(try integer(2)) }
    mutating func uint32() throws -> UInt32 { UInt32(try integer(4)) }
    mutating func uint64() throws -> UInt64 { try integer(8) }

    mutating func secret(_ count: Int) throws -> SecureBytes {
        try need(count)
        defer { offset += count }
        return bytes[offset..<(offset + count)]
    }

    mutating func raw(_ count: Int) throws -> [UInt8] {
        try secret(count).copyBytes()
    }

    mutating func shortBytes() throws -> [UInt8] {
        try raw(Int(try uint16()))
    }

    private mutating func integer(_ width: Int) throws -> UInt64 {
        try need(width)
        defer { offset += width }
        return bytes.withUnsafeBytes { b in (0..<width).reduce(UInt64(0)) { $0 << 8 | UInt64(b[offset + $1]) } }
    }

    private func need(_ count: Int) throws {
        guard count >= 0, count <= bytes.count - offset else {
            throw HSMError(.corruptPartition, "partition contents truncated at byte \(offset)")
        }
    }
}
