/// A KMIP bit mask (Cryptographic Usage Mask, Storage Status Mask, Protection Storage Mask). On the wire a
/// mask is a TTLV Integer, so the raw value is an `Int32`; bits this implementation does not name (a newer
/// spec's, or a vendor's) are kept as they came.
///
/// The XML and JSON encodings may write a mask as its set bits' names: `"Encrypt Decrypt"` in XML
/// (space-separated, as the OASIS test cases do), `"Encrypt|Decrypt"` in JSON. `names` renders that form and
/// `init?(names:)` parses it back.
public protocol KMIPMask: OptionSet, Hashable, Sendable, CustomStringConvertible where RawValue == Int32 {
    init(rawValue: Int32)
    /// Every single bit the specification defines, with its XML/JSON name, in ascending bit order.
    static var known: [(Self, String)] { get }
}

extension KMIPMask {
    /// The XML form: the names of the set bits in ascending bit order, separated by `separator`; bits without
    /// a name follow as one `0x0000ABCD` token. The empty mask is `0x00000000`.
    public func names(separator: String = " ") -> String {
        var parts: [String] = []
        var rest = UInt32(bitPattern: rawValue)
        for (bit, name) in Self.known where rest & UInt32(bitPattern: bit.rawValue) != 0 {
            parts.append(name)
            rest &= ~UInt32(bitPattern: bit.rawValue)
        }
        if rest != 0 || parts.isEmpty {
            parts.append(Self.hexToken(rest))
        }
        return parts.joined(separator: separator)
    }

    /// `names(separator: " ")`, the form the XML encoding uses.
    public var names: String { names() }

    /// Parses the named form: tokens separated by whitespace or `|`, each a bit name or a hexadecimal
    /// `0x…` value; a single decimal integer is accepted too. Nil if any token is unknown or the string is empty.
    public init?(names text: String) {
        let tokens = text.split(whereSeparator: { $0 == " " || $0 == "|" || $0 == "\t" || $0 == "\n" || $0 == "\r" })
        if tokens.isEmpty { return nil }
        if tokens.count == 1, let value = Int32(tokens[0]) {
            self.init(rawValue: value)
            return
        }
        var bits: UInt32 = 0
        for token in tokens {
            if let match = Self.known.first(where: { $0.1 == token }) {
                bits |= UInt32(bitPattern: match.0.rawValue)
            } else if token.hasPrefix("0x") || token.hasPrefix("0X"), token.count > 2, token.count <= 10,
                      let value = UInt32(token.dropFirst(2), radix: 16) {
                bits |= value
            } else {
                return nil
            }
        }
        self.init(rawValue: Int32(bitPattern: bits))
    }

    public var description: String { names }

    static func hexToken(_ value: UInt32) -> String {
        let digits = Array("0123456789ABCDEF")
        return "0x" + String((0..<8).reversed().map { digits[Int((value >> UInt32($0 * 4)) & 0xF)] })
    }
}
