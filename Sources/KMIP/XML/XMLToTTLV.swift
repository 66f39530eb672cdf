/// Turns a parsed element tree into TTLV items, one message at a time.
///
/// An element is one item: its name is the tag (or `TTLV` with a `tag="0x540001"` attribute for a tag without a
/// name), `type=` the item type (absent for a structure), `value=` the value in its text form. Enumerations and
/// masks are resolved by the element's tag, except under `AttributeValue`, where the sibling `AttributeName`
/// ("Cryptographic Usage Mask") says which attribute, and so which enumeration or mask, the value belongs to.
struct XMLToTTLV {
    let options: KMIPXML.Options
    private(set) var placeholders: [KMIPXML.Placeholder] = []

    init(options: KMIPXML.Options) {
        self.options = options
    }

    /// Element names that wrap a sequence of messages rather than being one: `<KMIP>` in the OASIS profile test
    /// cases, `<KmipTestCase>` in the older ones.
    static let documentRootNames: Set<String> = ["KMIP", "KmipTestCase"]

    /// The element name for an item whose tag has no name; its tag goes in `tag=`.
    static let unnamedTagElement = "TTLV"

    /// The messages of a document: the children of a `<KMIP>` root, or the root itself.
    static func messageElements(of root: ParsedElement) throws(XMLFault) -> [ParsedElement] {
        guard documentRootNames.contains(root.name) else { return [root] }
        if let attribute = root.attributes.first {
            throw XMLFault(.invalidAttribute, at: attribute.offset, "unexpected attribute \(attribute.name) on <\(root.name)>")
        }
        // Text directly inside the document root is an annotation ("# TIME 0", "# [Client-A]"), not a value.
        guard !root.children.isEmpty else { throw XMLFault(.notAMessage, at: root.offset, "<\(root.name)> holds no message") }
        return root.children
    }

    mutating func message(_ element: ParsedElement) throws(XMLFault) -> KMIPXML.DecodedMessage {
        placeholders = []
        var path: [Int] = []
        let item = try self.item(element, depth: 0, path: &path, attributeTag: nil)
        guard case .structure = item.value else {
            throw XMLFault(.notAMessage, at: element.offset, "a message is a structure; <\(element.name)> is a \(item.type.name)")
        }
        return KMIPXML.DecodedMessage(message: item, placeholders: placeholders)
    }

    /// `attributeTag` is the attribute named by the `AttributeName` sibling, for an `AttributeValue` element.
    private mutating func item(_ element: ParsedElement, depth: Int, path: inout [Int], attributeTag: Tag?) throws(XMLFault) -> TTLV {
        let tag = try self.tag(of: element)
        var typeName: String?
        var valueAttribute: ParsedElement.Attribute?
        for attribute in element.attributes {
            switch attribute.name {
            case "tag": break // read by tag(of:)
            case "type": typeName = attribute.value
            case "value": valueAttribute = attribute
            default:
                throw XMLFault(.invalidAttribute, at: attribute.offset, "unexpected attribute \(attribute.name) on <\(element.name)>; KMIP XML uses tag, type and value")
            }
        }
        var type = TTLVType.structure
        if let typeName {
            guard let named = TTLVType(name: typeName) else {
                throw XMLFault(.unknownType, at: element.offset, "unknown type \(errorQuote(typeName)) on <\(element.name)>")
            }
            type = named
        }

        if let textOffset = element.textOffset {
            throw XMLFault(.invalidCharacter, at: textOffset, "text inside <\(element.name)>; KMIP XML carries values in value= attributes")
        }
        if type == .structure {
            if let valueAttribute {
                throw XMLFault(.invalidStructure, at: valueAttribute.offset, "structure <\(element.name)> has a value= attribute")
            }
            // As in the binary decoder, even an empty structure may not sit at the limit.
            guard depth < options.limits.maxDepth else {
                throw XMLFault(.limitExceeded, at: element.offset, "structures nest deeper than \(options.limits.maxDepth)")
            }
            let valueTag = Self.attributeTag(amongChildrenOf: element)
            var children: [TTLV] = []
            children.reserveCapacity(element.children.count)
            for (index, child) in element.children.enumerated() {
                path.append(index)
                children.append(try item(child, depth: depth + 1, path: &path, attributeTag: child.name == "AttributeValue" ? valueTag : nil))
                path.removeLast()
            }
            return TTLV(tag, .structure(children))
        }

        if let child = element.children.first {
            throw XMLFault(.invalidStructure, at: child.offset, "\(type.name) <\(element.name)> has child elements")
        }
        guard let valueAttribute else {
            throw XMLFault(.invalidAttribute, at: element.offset, "\(type.name) <\(element.name)> has no value= attribute")
        }
        let text = valueAttribute.value
        if options.placeholders == .preserve, let placeholder = KMIPXML.Placeholder.parse(text, path: path, tag: tag, type: type) {
            placeholders.append(placeholder)
            return TTLV(tag, placeholder.standIn)
        }
        if type != .textString, KMIPXML.Placeholder.looksLikePlaceholder(text) {
            throw XMLFault(.placeholderNotAllowed, at: valueAttribute.offset, "placeholder \(errorQuote(text)) in \(type.name) <\(element.name)>; decode test cases with placeholders: .preserve")
        }
        let value = try Self.value(text, type: type, tag: tag, resolvingBy: attributeTag ?? tag, element: element, at: valueAttribute.offset)
        return TTLV(tag, value)
    }

    /// The element's tag: its name, or for `<TTLV>` its `tag=` attribute. A `tag=` beside a named element must agree.
    private func tag(of element: ParsedElement) throws(XMLFault) -> Tag {
        let tagAttribute = element.attribute("tag")
        var explicit: Tag?
        if let tagAttribute {
            let text = Substring(tagAttribute.value)
            guard text.utf8.count == 8, let raw = XMLValueText.parsePrefixedHex(text, maxDigits: 6) else {
                throw XMLFault(.unknownTag, at: tagAttribute.offset, "tag=\(errorQuote(tagAttribute.value)) is not 0x and six hex digits")
            }
            explicit = Tag(rawValue: UInt32(raw))
        }
        if element.name == Self.unnamedTagElement {
            guard let explicit else {
                throw XMLFault(.unknownTag, at: element.offset, "<\(Self.unnamedTagElement)> needs a tag= attribute")
            }
            return explicit
        }
        guard let named = Tag(name: element.name) else {
            throw XMLFault(.unknownTag, at: element.offset, "unknown tag <\(element.name)>; write an unnamed tag as <TTLV tag=\"0x540001\" …>")
        }
        if let explicit, explicit != named, let tagAttribute {
            throw XMLFault(.unknownTag, at: tagAttribute.offset, "tag=\(errorQuote(tagAttribute.value)) contradicts <\(element.name)>")
        }
        return named
    }

    /// The attribute an `AttributeValue` among these children belongs to, from the sibling `AttributeName`
    /// (KMIP 1.x: `Attribute { AttributeName, AttributeIndex?, AttributeValue }`).
    static func attributeTag(amongChildrenOf element: ParsedElement) -> Tag? {
        guard let nameElement = element.children.first(where: { $0.name == "AttributeName" }),
              nameElement.attribute("type")?.value == TTLVType.textString.name,
              let name = nameElement.attribute("value")?.value
        else { return nil }
        // The registry collapses runs of white space: some test cases write "Cryptographic   Usage Mask".
        return EnumerationRegistry.tag(forAttributeName: name)
    }

    // MARK: Values

    private static func value(_ text: String, type: TTLVType, tag: Tag, resolvingBy resolveTag: Tag, element: ParsedElement, at offset: Int) throws(XMLFault) -> TTLV.Value {
        func invalid(_ expectation: String, quoting: Bool = true) -> XMLFault {
            XMLFault(.invalidValue, at: offset, "\(type.name) <\(element.name)>: \(quoting ? errorQuote(text) + " is not " : "value is not ")\(expectation)")
        }
        let substring = Substring(text)
        switch type {
        case .structure:
            preconditionFailure("structures are handled by the caller")
        case .integer:
            if let value = XMLValueText.parseDecimal(substring, as: Int32.self) { return .integer(value) }
            if let raw = XMLValueText.parsePrefixedHex(substring, maxDigits: 8) { return .integer(Int32(bitPattern: UInt32(raw))) }
            return .integer(try mask(text, resolvingBy: resolveTag, element: element, at: offset))
        case .longInteger:
            if let value = XMLValueText.parseDecimal(substring, as: Int64.self) { return .longInteger(value) }
            if let raw = XMLValueText.parsePrefixedHex(substring, maxDigits: 16) { return .longInteger(Int64(bitPattern: raw)) }
            throw invalid("a decimal or 0x-hex 64-bit integer")
        case .bigInteger:
            guard let bytes = XMLValueText.parseHexBytes(text), !bytes.isEmpty else {
                throw invalid("a non-empty, even-length hex string", quoting: false)
            }
            return .bigInteger(TTLVEncoder.signExtendedToMultipleOf8(bytes))
        case .enumeration:
            if let raw = XMLValueText.parsePrefixedHex(substring, maxDigits: 8) { return .enumeration(UInt32(raw)) }
            guard let value = EnumerationRegistry.enumerationValue(named: text, tag: resolveTag) else {
                let owner = resolveTag == tag ? "\(tag)" : "attribute \(resolveTag)"
                throw XMLFault(.unknownEnumerationName, at: offset, "\(errorQuote(text)) is not an enumeration name for \(owner); write unknown values as 0x0000000A")
            }
            return .enumeration(value)
        case .boolean:
            switch text {
            case "true": return .boolean(true)
            case "false": return .boolean(false)
            default: throw invalid("true or false")
            }
        case .textString:
            return .textString(text)
        case .byteString:
            guard let bytes = XMLValueText.parseHexBytes(text) else { throw invalid("an even-length hex string", quoting: false) }
            return .byteString(bytes)
        case .dateTime:
            if let raw = XMLValueText.parsePrefixedHex(substring, maxDigits: 16) { return .dateTime(Int64(bitPattern: raw)) }
            guard let (seconds, _) = XMLValueText.parseISO8601(text, fractionDigits: 0) else {
                throw invalid("an ISO 8601 date-time with a zone, such as 2008-03-14T11:56:40+00:00")
            }
            return .dateTime(seconds)
        case .interval:
            if let value = XMLValueText.parseDecimal(substring, as: UInt32.self) { return .interval(value) }
            if let raw = XMLValueText.parsePrefixedHex(substring, maxDigits: 8) { return .interval(UInt32(raw)) }
            throw invalid("a decimal number of seconds (0 to 4294967295)")
        case .dateTimeExtended:
            if let raw = XMLValueText.parsePrefixedHex(substring, maxDigits: 16) { return .dateTimeExtended(Int64(bitPattern: raw)) }
            guard let (seconds, micros) = XMLValueText.parseISO8601(text, fractionDigits: 6) else {
                throw invalid("an ISO 8601 date-time with up to 6 fraction digits and a zone")
            }
            let (scaled, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000)
            guard !overflow else { throw invalid("a representable date-time") }
            return .dateTimeExtended(scaled + micros)
        }
    }

    /// Mask names separated by whitespace (`Encrypt Decrypt`), each a bit of the mask for `resolveTag`; a token may
    /// also be `0x` hex for bits without a name. The bits are ORed.
    private static func mask(_ text: String, resolvingBy resolveTag: Tag, element: ParsedElement, at offset: Int) throws(XMLFault) -> Int32 {
        // After attribute-value normalization literal whitespace is spaces; a tab or newline given by reference stays.
        let tokens = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
        guard !tokens.isEmpty else {
            throw XMLFault(.invalidValue, at: offset, "Integer <\(element.name)>: empty value")
        }
        var bits: UInt32 = 0
        for token in tokens {
            if let raw = XMLValueText.parsePrefixedHex(token, maxDigits: 8) {
                bits |= UInt32(raw)
            } else if let value = EnumerationRegistry.maskValue(named: String(token), tag: resolveTag) {
                bits |= UInt32(bitPattern: value)
            } else if tokens.count == 1, let first = token.first, first == "-" || first == "+" || first.isASCII && first.isNumber {
                throw XMLFault(.invalidValue, at: offset, "Integer <\(element.name)>: \(errorQuote(text)) is not a 32-bit integer")
            } else {
                throw XMLFault(.unknownMaskName, at: offset, "\(errorQuote(String(token))) is not a mask name for \(resolveTag), nor a decimal or 0x-hex integer")
            }
        }
        return Int32(bitPattern: bits)
    }
}
