/// Writes TTLV items as KMIP XML. Every value is written so that decoding gives back the same item: an
/// enumeration or mask bit is written by name only if that name reads back as the same value, else in hex.
struct TTLVToXML {
    let indent: Bool
    /// Placeholder text to write instead of the value at a path (relative to the item being written).
    let placeholders: [[Int]: String]
    private(set) var out = ""
    private var path: [Int] = []

    init(indent: Bool, placeholders: [KMIPXML.Placeholder] = []) {
        self.indent = indent
        self.placeholders = Dictionary(placeholders.map { ($0.path, $0.text) }, uniquingKeysWith: { _, last in last })
    }

    mutating func line(_ text: String, depth: Int) {
        if indent { out += String(repeating: "  ", count: depth) }
        out += text
        if indent { out += "\n" }
    }

    mutating func write(_ item: TTLV, depth: Int, attributeTag: Tag? = nil) {
        let name: String
        var attributes = ""
        if let tagName = item.tag.name {
            name = tagName
        } else {
            name = XMLToTTLV.unnamedTagElement
            attributes = " tag=\"\(item.tag.hexString)\""
        }
        switch item.value {
        case .structure(let children):
            guard !children.isEmpty else {
                line("<\(name)\(attributes)/>", depth: depth)
                return
            }
            line("<\(name)\(attributes)>", depth: depth)
            let valueTag = Self.attributeTag(amongChildren: children)
            for (index, child) in children.enumerated() {
                path.append(index)
                write(child, depth: depth + 1, attributeTag: child.tag == .attributeValue ? valueTag : nil)
                path.removeLast()
            }
            line("</\(name)>", depth: depth)
        default:
            let text = placeholders[path] ?? Self.text(of: item.value, resolvingBy: attributeTag ?? item.tag)
            line("<\(name)\(attributes) type=\"\(item.type.name)\" value=\"\(Self.escaped(text))\"/>", depth: depth)
        }
    }

    /// The attribute named by an `AttributeName` Text String among these children.
    static func attributeTag(amongChildren children: [TTLV]) -> Tag? {
        guard let nameItem = children.first(where: { $0.tag == .attributeName }),
              case .textString(let name) = nameItem.value else { return nil }
        return EnumerationRegistry.tag(forAttributeName: name)
    }

    /// The `value=` text of a primitive value, before escaping.
    static func text(of value: TTLV.Value, resolvingBy tag: Tag) -> String {
        switch value {
        case .structure:
            preconditionFailure("structures have no value text")
        case .integer(let v):
            return maskText(v, tag: tag) ?? String(v)
        case .longInteger(let v):
            return String(v)
        case .bigInteger(let bytes):
            return XMLValueText.hexBytes(TTLVEncoder.signExtendedToMultipleOf8(bytes))
        case .enumeration(let v):
            if let name = EnumerationRegistry.enumerationName(of: v, tag: tag), isSafeName(name),
               EnumerationRegistry.enumerationValue(named: name, tag: tag) == v {
                return name
            }
            return XMLValueText.hex32(v)
        case .boolean(let v):
            return v ? "true" : "false"
        case .textString(let s):
            return s
        case .byteString(let bytes):
            return XMLValueText.hexBytes(bytes)
        case .dateTime(let seconds):
            return XMLValueText.iso8601(seconds: seconds) ?? XMLValueText.hex64(UInt64(bitPattern: seconds))
        case .interval(let v):
            return String(v)
        case .dateTimeExtended(let micros):
            // Seconds rounded down, so the fraction is never negative; years 0–9999 keep seconds × 10⁶ in range.
            let seconds = micros >= 0 ? micros / 1_000_000 : (micros + 1) / 1_000_000 - 1
            guard seconds >= XMLValueText.earliestISOSecond, seconds <= XMLValueText.latestISOSecond,
                  let text = XMLValueText.iso8601(seconds: seconds, fraction: micros - seconds * 1_000_000, fractionDigits: 6)
            else { return XMLValueText.hex64(UInt64(bitPattern: micros)) }
            return text
        }
    }

    /// `Encrypt Decrypt`: the names of the set bits, lowest first, and any bits without a name as one hex token.
    /// Nil (write the decimal) when no set bit has a name, which is every Integer whose tag is not a mask.
    static func maskText(_ value: Int32, tag: Tag) -> String? {
        let bits = UInt32(bitPattern: value)
        var names: [String] = []
        var unnamed: UInt32 = 0
        for bit in 0..<32 {
            let flag = UInt32(1) << bit
            guard bits & flag != 0 else { continue }
            let single = Int32(bitPattern: flag)
            if let name = EnumerationRegistry.maskNames(of: single, tag: tag), isSafeName(name),
               EnumerationRegistry.maskValue(named: name, tag: tag) == single {
                names.append(name)
            } else {
                unnamed |= flag
            }
        }
        guard !names.isEmpty else { return nil }
        if unnamed != 0 { names.append(XMLValueText.hex32(unnamed)) }
        return names.joined(separator: " ")
    }

    /// A name that reads back as itself: one non-empty token that is not hex and not a placeholder.
    private static func isSafeName(_ name: String) -> Bool {
        !name.isEmpty && !name.utf8.contains(where: { $0 <= 0x20 }) && !name.hasPrefix("0x") && !name.hasPrefix("$")
    }

    /// Escapes for a double-quoted attribute value. Tab, LF and CR are written as references, since a literal one
    /// would read back as a space (XML attribute-value normalization); other control characters likewise.
    static func escaped(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "\"") }) else {
            return text
        }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case _ where scalar.value < 0x20: out += "&#\(scalar.value);"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
