/// A KMIP enumeration family (Object Type, Operation, Result Reason, …). Each is a struct over the raw
/// 32-bit value, so a value this implementation does not know (a newer spec's, or a vendor's 0x8xxxxxxx)
/// is carried through decode → encode untouched; the spec's values are static members.
public protocol KMIPEnumeration: RawRepresentable, Hashable, Sendable, CustomStringConvertible
where RawValue == UInt32 {
    init(rawValue: UInt32)
    /// Every value the specification defines, with its XML/JSON name (spec name, spaces removed).
    static var known: [(Self, String)] { get }
    /// Other names accepted when parsing (a spelling another spec version used), never written. Usually empty.
    static var aliases: [(Self, String)] { get }
}

extension KMIPEnumeration {
    public static var aliases: [(Self, String)] { [] }

    /// The spec name, or nil for a value not defined by the specification.
    public var name: String? { Self.known.first { $0.0 == self }?.1 }

    /// The value with this XML/JSON name; also accepts the `0x0000000A` hexadecimal form.
    public init?(name: String) {
        if let match = Self.known.first(where: { $0.1 == name }) ?? Self.aliases.first(where: { $0.1 == name }) {
            self = match.0
        } else if name.hasPrefix("0x"), name.count == 10, let value = UInt32(name.dropFirst(2), radix: 16) {
            self.init(rawValue: value)
        } else {
            return nil
        }
    }

    /// Vendor extension values have the high bit set (KMIP §9.1.3.2: 8XXXXXXX).
    public var isExtension: Bool { rawValue & 0x8000_0000 != 0 }

    public var description: String { name ?? hexString }

    public var hexString: String {
        let digits = Array("0123456789ABCDEF")
        return "0x" + String((0..<8).reversed().map { digits[Int((rawValue >> UInt32($0 * 4)) & 0xF)] })
    }
}
