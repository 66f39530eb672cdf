/// One element of a parsed document: name, attributes in document order, child elements. KMIP XML carries every
/// value in a `value=` attribute, so text content is not kept; only where the first non-whitespace text was, so the
/// converter can refuse it inside a message (the older OASIS files annotate `<KMIP>` with lines like `# TIME 0`).
struct ParsedElement {
    struct Attribute {
        let name: String
        let value: String
        /// Byte offset of the attribute's name, for error positions.
        let offset: Int
    }

    let name: String
    var attributes: [Attribute]
    var children: [ParsedElement] = []
    /// Byte offset of the element's `<`.
    let offset: Int
    /// Byte offset of the first non-whitespace text directly inside this element, if any.
    var textOffset: Int?

    func attribute(_ name: String) -> Attribute? { attributes.first { $0.name == name } }
}

/// A strict reader for the XML subset KMIP uses: an optional XML declaration, comments, elements with attributes
/// (single or double quotes), self-closing tags, whitespace between elements, and in attribute values the five
/// predefined entities and numeric character references.
///
/// Everything else is refused rather than half-supported: DOCTYPE (and with it every entity definition, so no
/// "billion laughs" expansion), CDATA, processing instructions, text content, non-ASCII names. It never recurses,
/// so depth costs no stack; `KMIPXML.Limits` bound size, depth, element count, names and attribute values.
struct XMLReader {
    private let bytes: [UInt8]
    private let limits: KMIPXML.Limits
    private var index = 0
    private var elementCount = 0

    private init(bytes: [UInt8], limits: KMIPXML.Limits) {
        self.bytes = bytes
        self.limits = limits
    }

    /// The document's root element.
    static func parse(_ bytes: [UInt8], limits: KMIPXML.Limits) throws(XMLFault) -> ParsedElement {
        guard bytes.count <= limits.maxDocumentSize else {
            throw XMLFault(.limitExceeded, at: 0, "document of \(bytes.count) bytes exceeds the limit of \(limits.maxDocumentSize)")
        }
        var reader = XMLReader(bytes: bytes, limits: limits)
        return try reader.document()
    }

    // MARK: Document structure

    private mutating func document() throws(XMLFault) -> ParsedElement {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 } // UTF-8 byte order mark
        if startsWith("<?xml"), index + 5 < bytes.count, isWhitespace(bytes[index + 5]) {
            try declaration()
        }
        try miscellany()
        guard index < bytes.count else { throw XMLFault(.unexpectedEnd, at: index, "no root element") }
        let root = try elementTree()
        try miscellany()
        guard index == bytes.count else {
            throw XMLFault(.malformed, at: index, "content after the root element")
        }
        return root
    }

    /// Whitespace and comments, before or after the root element. Stops at the next `<` that starts an element.
    private mutating func miscellany() throws(XMLFault) {
        while index < bytes.count {
            let byte = bytes[index]
            if isWhitespace(byte) {
                index += 1
            } else if startsWith("<!--") {
                try comment()
            } else if byte == UInt8(ascii: "<") {
                try refuseUnsupported()
                return
            } else {
                throw textFault()
            }
        }
    }

    /// `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`: only at the very start; the input is already
    /// UTF-8, so any other declared encoding is a lie and is refused.
    private mutating func declaration() throws(XMLFault) {
        let start = index
        index += 5
        var seen: [String] = []
        while true {
            let hadSpace = skipWhitespace()
            if startsWith("?>") {
                index += 2
                break
            }
            guard index < bytes.count else { throw XMLFault(.unexpectedEnd, at: start, "unterminated XML declaration") }
            guard hadSpace else { throw XMLFault(.malformed, at: index, "expected whitespace in the XML declaration") }
            let attribute = try self.attribute()
            switch attribute.name {
            case "version" where seen.isEmpty:
                guard attribute.value == "1.0" else {
                    throw XMLFault(.unsupportedConstruct, at: attribute.offset, "XML version \(errorQuote(attribute.value)); only 1.0 is supported")
                }
            case "encoding" where seen == ["version"]:
                guard attribute.value.lowercased() == "utf-8" else {
                    throw XMLFault(.unsupportedConstruct, at: attribute.offset, "encoding \(errorQuote(attribute.value)); only UTF-8 is supported")
                }
            case "standalone" where seen.first == "version" && !seen.contains("standalone"):
                guard attribute.value == "yes" || attribute.value == "no" else {
                    throw XMLFault(.malformed, at: attribute.offset, "standalone must be yes or no")
                }
            default:
                throw XMLFault(.malformed, at: attribute.offset, "unexpected \(errorQuote(attribute.name)) in the XML declaration")
            }
            seen.append(attribute.name)
        }
        guard seen.first == "version" else { throw XMLFault(.malformed, at: start, "the XML declaration must give the version first") }
    }

    /// `<!-- … -->`; `--` may not occur inside (XML 1.0 §2.5).
    private mutating func comment() throws(XMLFault) {
        let start = index
        index += 4
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "-"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "-") {
                guard index + 2 < bytes.count, bytes[index + 2] == UInt8(ascii: ">") else {
                    throw XMLFault(.malformed, at: index, "\"--\" inside a comment")
                }
                index += 3
                return
            }
            try checkCharacter(bytes[index])
            index += 1
        }
        throw XMLFault(.unexpectedEnd, at: start, "unterminated comment")
    }

    /// At a `<` that is not a comment: refuses the constructs outside the subset, else returns.
    private func refuseUnsupported() throws(XMLFault) {
        if startsWith("<!DOCTYPE") {
            throw XMLFault(.unsupportedConstruct, at: index, "DOCTYPE is not supported (no DTDs, no entity definitions)")
        }
        if startsWith("<![CDATA[") {
            throw XMLFault(.unsupportedConstruct, at: index, "CDATA is not supported; KMIP XML carries values in attributes")
        }
        if startsWith("<?") {
            throw XMLFault(.unsupportedConstruct, at: index, "processing instructions are not supported")
        }
        if startsWith("<!") {
            throw XMLFault(.unsupportedConstruct, at: index, "markup declarations are not supported")
        }
    }

    // MARK: Elements

    /// Reads the element at `index` and everything inside it, with an explicit stack instead of recursion.
    private mutating func elementTree() throws(XMLFault) -> ParsedElement {
        var stack: [ParsedElement] = []
        while true {
            // At a `<` that is not a comment or an unsupported construct.
            if startsWith("</") {
                let start = index
                index += 2
                let name = try self.name()
                skipWhitespace()
                try expect(">", "to close the end tag </\(name)")
                guard let closed = stack.popLast() else {
                    throw XMLFault(.mismatchedTag, at: start, "end tag </\(name)> with no open element")
                }
                guard closed.name == name else {
                    throw XMLFault(.mismatchedTag, at: start, "end tag </\(name)> does not match <\(closed.name)>")
                }
                if stack.isEmpty { return closed }
                stack[stack.count - 1].children.append(closed)
            } else {
                let (element, isEmpty) = try startTag(depth: stack.count)
                if isEmpty {
                    if stack.isEmpty { return element }
                    stack[stack.count - 1].children.append(element)
                } else {
                    stack.append(element)
                }
            }
            if let text = try content(inside: stack.last?.name ?? ""), !stack.isEmpty, stack[stack.count - 1].textOffset == nil {
                stack[stack.count - 1].textOffset = text
            }
        }
    }

    /// Skips whitespace, comments and text up to the next tag's `<`; returns where the first non-whitespace text
    /// was. Text is checked (valid references, no control characters) but not kept.
    private mutating func content(inside name: String) throws(XMLFault) -> Int? {
        var textOffset: Int?
        var scratch: [UInt8] = []
        while index < bytes.count {
            let byte = bytes[index]
            if isWhitespace(byte) {
                index += 1
            } else if startsWith("<!--") {
                try comment()
            } else if byte == UInt8(ascii: "<") {
                try refuseUnsupported()
                return textOffset
            } else {
                if textOffset == nil { textOffset = index }
                if byte == UInt8(ascii: "&") {
                    scratch.removeAll(keepingCapacity: true)
                    try reference(into: &scratch)
                } else if startsWith("]]>") {
                    throw XMLFault(.malformed, at: index, "\"]]>\" in text")
                } else {
                    try checkCharacter(byte)
                    index += 1
                }
            }
        }
        throw XMLFault(.unexpectedEnd, at: index, "document ends inside <\(name)>")
    }

    /// `<Name a="…" b='…'>` or `<Name …/>`. Returns the element and whether it was self-closing.
    private mutating func startTag(depth: Int) throws(XMLFault) -> (ParsedElement, Bool) {
        let start = index
        // The document root and the message below it come on top of the message's own nesting limit.
        guard depth <= limits.maxDepth + 1 else {
            throw XMLFault(.limitExceeded, at: start, "elements nest deeper than \(limits.maxDepth + 2)")
        }
        elementCount += 1
        guard elementCount <= limits.maxElements else {
            throw XMLFault(.limitExceeded, at: start, "more than \(limits.maxElements) elements")
        }
        index += 1
        let name = try self.name()
        var attributes: [ParsedElement.Attribute] = []
        while true {
            let hadSpace = skipWhitespace()
            guard index < bytes.count else { throw XMLFault(.unexpectedEnd, at: start, "document ends inside the tag <\(name)") }
            if bytes[index] == UInt8(ascii: ">") {
                index += 1
                return (ParsedElement(name: name, attributes: attributes, offset: start), false)
            }
            if startsWith("/>") {
                index += 2
                return (ParsedElement(name: name, attributes: attributes, offset: start), true)
            }
            guard hadSpace else { throw XMLFault(.malformed, at: index, "expected whitespace, \">\" or \"/>\" in <\(name)>") }
            let attribute = try self.attribute()
            guard !attributes.contains(where: { $0.name == attribute.name }) else {
                throw XMLFault(.duplicateAttribute, at: attribute.offset, "attribute \(attribute.name) repeated on <\(name)>")
            }
            guard attributes.count < limits.maxAttributes else {
                throw XMLFault(.limitExceeded, at: attribute.offset, "more than \(limits.maxAttributes) attributes on <\(name)>")
            }
            attributes.append(attribute)
        }
    }

    /// `name = "value"` or `name='value'`.
    private mutating func attribute() throws(XMLFault) -> ParsedElement.Attribute {
        let start = index
        let name = try self.name()
        skipWhitespace()
        try expect("=", "after attribute \(name)")
        skipWhitespace()
        let value = try attributeValue(of: name)
        return ParsedElement.Attribute(name: name, value: value, offset: start)
    }

    /// A quoted attribute value with references expanded and whitespace normalized as XML 1.0 §3.3.3 requires:
    /// a literal tab, line feed or carriage return (CR LF counting as one) becomes a space; a character
    /// reference such as `&#10;` is kept as the character it names.
    private mutating func attributeValue(of name: String) throws(XMLFault) -> String {
        guard index < bytes.count else { throw XMLFault(.unexpectedEnd, at: index, "document ends before the value of \(name)") }
        let quote = bytes[index]
        guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else {
            throw XMLFault(.malformed, at: index, "the value of \(name) must be quoted")
        }
        let start = index
        index += 1
        var value: [UInt8] = []
        while true {
            guard index < bytes.count else { throw XMLFault(.unexpectedEnd, at: start, "unterminated value of \(name)") }
            let byte = bytes[index]
            switch byte {
            case quote:
                index += 1
                return String(decoding: value, as: UTF8.self)
            case UInt8(ascii: "<"):
                throw XMLFault(.malformed, at: index, "\"<\" in the value of \(name); write &lt;")
            case UInt8(ascii: "&"):
                try reference(into: &value)
            case UInt8(ascii: "\r"):
                value.append(UInt8(ascii: " "))
                index += 1
                if index < bytes.count, bytes[index] == UInt8(ascii: "\n") { index += 1 }
            case UInt8(ascii: "\t"), UInt8(ascii: "\n"):
                value.append(UInt8(ascii: " "))
                index += 1
            default:
                try checkCharacter(byte)
                value.append(byte)
                index += 1
            }
            guard value.count <= limits.maxAttributeValueLength else {
                throw XMLFault(.limitExceeded, at: start, "the value of \(name) exceeds \(limits.maxAttributeValueLength) bytes")
            }
        }
    }

    /// `&lt;` `&gt;` `&amp;` `&quot;` `&apos;` `&#NNN;` `&#xHHH;`, appended as UTF-8.
    private mutating func reference(into value: inout [UInt8]) throws(XMLFault) {
        let start = index
        index += 1
        // The longest well-formed reference is `&#x10FFFF;`; anything longer is not one of ours.
        var body: [UInt8] = []
        while index < bytes.count, bytes[index] != UInt8(ascii: ";"), body.count <= 8 {
            body.append(bytes[index])
            index += 1
        }
        guard index < bytes.count, bytes[index] == UInt8(ascii: ";") else {
            throw XMLFault(.invalidReference, at: start, "\"&\" does not start a reference; write &amp;")
        }
        index += 1
        let text = String(decoding: body, as: UTF8.self)
        let scalarValue: UInt32?
        switch text {
        case "lt": scalarValue = 0x3C
        case "gt": scalarValue = 0x3E
        case "amp": scalarValue = 0x26
        case "quot": scalarValue = 0x22
        case "apos": scalarValue = 0x27
        default:
            if text.hasPrefix("#x") {
                scalarValue = XMLValueText.hexDigitsOnly(text.dropFirst(2)) ? UInt32(text.dropFirst(2), radix: 16) : nil
            } else if text.hasPrefix("#") {
                scalarValue = XMLValueText.decimalDigitsOnly(text.dropFirst()) ? UInt32(text.dropFirst(), radix: 10) : nil
            } else {
                throw XMLFault(.invalidReference, at: start, "unknown entity &\(text); (only the five predefined entities exist here)")
            }
        }
        guard let code = scalarValue, let scalar = Unicode.Scalar(code), Self.isReferableCharacter(code) else {
            throw XMLFault(.invalidReference, at: start, "&\(text); is not a valid XML character")
        }
        value.append(contentsOf: Array(String(Character(scalar)).utf8))
    }

    /// Characters a reference may name. XML 1.0 allows tab, LF, CR and U+0020 upward, minus surrogates and
    /// U+FFFE/U+FFFF; like XML 1.1 we also allow U+0001–U+001F by reference, so that any Text String but one
    /// holding NUL survives encode → decode.
    static func isReferableCharacter(_ code: UInt32) -> Bool {
        switch code {
        case 0x1...0xD7FF, 0xE000...0xFFFD, 0x1_0000...0x10_FFFF: true
        default: false
        }
    }

    /// An element or attribute name: ASCII letters, digits, `_ - . :`, not starting with a digit, `-` or `.`.
    /// KMIP names are ASCII; the rest of XML's name alphabet is outside the subset.
    private mutating func name() throws(XMLFault) -> String {
        let start = index
        guard index < bytes.count, isNameStart(bytes[index]) else {
            if index >= bytes.count { throw XMLFault(.unexpectedEnd, at: index, "document ends where a name was expected") }
            throw XMLFault(.malformed, at: index, "expected a name")
        }
        index += 1
        while index < bytes.count, isNameCharacter(bytes[index]) {
            index += 1
            guard index - start <= limits.maxNameLength else {
                throw XMLFault(.limitExceeded, at: start, "name longer than \(limits.maxNameLength) characters")
            }
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    // MARK: Bytes

    private func startsWith(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        let pointer = literal.utf8Start
        for offset in 0..<count where bytes[index + offset] != pointer[offset] { return false }
        return true
    }

    private mutating func expect(_ literal: StaticString, _ context: String) throws(XMLFault) {
        guard startsWith(literal) else {
            if index >= bytes.count { throw XMLFault(.unexpectedEnd, at: index, "document ends; expected \"\(literal)\" \(context)") }
            throw XMLFault(.malformed, at: index, "expected \"\(literal)\" \(context)")
        }
        index += literal.utf8CodeUnitCount
    }

    @discardableResult
    private mutating func skipWhitespace() -> Bool {
        let start = index
        while index < bytes.count, isWhitespace(bytes[index]) { index += 1 }
        return index > start
    }

    /// Non-whitespace outside the root element, where XML allows only comments.
    private func textFault() -> XMLFault {
        if bytes[index] < 0x20 { return XMLFault(.invalidCharacter, at: index, "control character 0x\(hex(bytes[index]))") }
        return XMLFault(.invalidCharacter, at: index, "text outside the root element")
    }

    /// Control characters other than tab, LF and CR are not XML characters, even inside comments.
    private func checkCharacter(_ byte: UInt8) throws(XMLFault) {
        guard byte >= 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D else {
            throw XMLFault(.invalidCharacter, at: index, "control character 0x\(hex(byte))")
        }
    }
}

@inline(__always) private func isWhitespace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
}

@inline(__always) private func isNameStart(_ byte: UInt8) -> Bool {
    (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
        || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":")
}

@inline(__always) private func isNameCharacter(_ byte: UInt8) -> Bool {
    isNameStart(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
        || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
}
