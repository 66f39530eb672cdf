/// A TTLV tag: three bytes on the wire. Tags defined by the KMIP specifications are static members
/// (`Tag.uniqueIdentifier`, in Tag+Known.swift); any other value, such as a vendor extension in
/// 0x540000–0x54FFFF, is carried as it came.
public struct Tag: RawRepresentable, Hashable, Sendable, Comparable {
    public let rawValue: UInt32

    public init(rawValue: UInt32) {
        self.rawValue = rawValue & 0xFF_FFFF
    }

    /// Vendor extension tags (KMIP §9.1.3.1): 0x540000–0x54FFFF.
    public var isExtension: Bool { rawValue & 0xFF_0000 == 0x54_0000 }

    public static func < (lhs: Tag, rhs: Tag) -> Bool { lhs.rawValue < rhs.rawValue }
}

extension Tag: CustomStringConvertible {
    /// The spec name (as used in the XML encoding) for a known tag, else `0x54ABCD`.
    public var description: String { name ?? hexString }

    /// `0x42000A`: how the XML encoding writes a tag with no name.
    public var hexString: String {
        let digits = Array("0123456789ABCDEF")
        return "0x" + String((0..<6).reversed().map { digits[Int((rawValue >> UInt32($0 * 4)) & 0xF)] })
    }

    /// The KMIP XML/JSON element name, for tags this implementation knows.
    public var name: String? { TagNames.byValue[rawValue] }

    /// The tag with this XML/JSON element name; also accepts the `0x42000A` hexadecimal form.
    public init?(name: String) {
        if let value = TagNames.byName[name] {
            self.init(rawValue: value)
        } else if name.hasPrefix("0x"), name.count == 8, let value = UInt32(name.dropFirst(2), radix: 16) {
            self.init(rawValue: value)
        } else {
            return nil
        }
    }
}

/// Lookup tables built once from `Tag.known`.
enum TagNames {
    static let byValue: [UInt32: String] = Dictionary(Tag.known.map { ($0.0.rawValue, $0.1) }, uniquingKeysWith: { first, _ in first })
    static let byName: [String: UInt32] = Dictionary(Tag.known.map { ($0.1, $0.0.rawValue) }, uniquingKeysWith: { first, _ in first })
}
