/// Why a KMIP XML document was rejected: what went wrong, and where (line, column, UTF-8 byte offset).
///
/// The reason names tags, types and positions. It never quotes a Text String, Byte String or Big Integer
/// value, since those carry passwords, keys and private-key components; short numeric and enumeration
/// values may be quoted (truncated), since they help and are not secret.
public struct KMIPXMLError: Error, Hashable, Sendable, CustomStringConvertible {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        public let name: String
        init(_ name: String) { self.name = name }
        public var description: String { name }

        // XML syntax (the tokenizer).
        /// Not well-formed XML in the subset KMIP uses: a stray `<`, a bad name, a missing quote or `>`.
        public static let malformed = Code("malformed")
        /// The document ends inside a tag, comment or element.
        public static let unexpectedEnd = Code("unexpectedEnd")
        /// A closing tag does not match the open element.
        public static let mismatchedTag = Code("mismatchedTag")
        /// An entity other than the five predefined ones, or a character reference to a code point that is not
        /// a valid XML character (NUL, a surrogate, beyond U+10FFFF).
        public static let invalidReference = Code("invalidReference")
        /// A control character, or non-whitespace text between elements (KMIP XML carries values in attributes).
        public static let invalidCharacter = Code("invalidCharacter")
        /// DOCTYPE, CDATA or a processing instruction: outside the subset, refused (no entity expansion).
        public static let unsupportedConstruct = Code("unsupportedConstruct")
        /// The same attribute twice on one element.
        public static let duplicateAttribute = Code("duplicateAttribute")
        /// A limit in `KMIPXML.Limits` was exceeded.
        public static let limitExceeded = Code("limitExceeded")

        // KMIP meaning (the element tree → TTLV).
        /// An element name that is not a known tag (unknown tags are written `<TTLV tag="0x540001" …>`),
        /// or a `tag=` attribute that is not `0x` and six hex digits.
        public static let unknownTag = Code("unknownTag")
        /// A `type=` that is not one of the eleven TTLV type names.
        public static let unknownType = Code("unknownType")
        /// An attribute other than `tag`, `type` and `value`, or a missing `value`.
        public static let invalidAttribute = Code("invalidAttribute")
        /// A value that does not parse as its type: a bad integer, out of range, odd-length hex, a bad date.
        public static let invalidValue = Code("invalidValue")
        /// An enumeration name not defined for the element's tag (or the attribute it is the value of).
        public static let unknownEnumerationName = Code("unknownEnumerationName")
        /// A mask name not defined for the element's tag (or the attribute it is the value of).
        public static let unknownMaskName = Code("unknownMaskName")
        /// A structure with a value, or a primitive with child elements.
        public static let invalidStructure = Code("invalidStructure")
        /// A test-case placeholder such as `$NOW` where a value is required (strict mode).
        public static let placeholderNotAllowed = Code("placeholderNotAllowed")
        /// The root (or a child of a `<KMIP>` document root) is not a message structure, or there is none.
        public static let notAMessage = Code("notAMessage")
    }

    public let code: Code
    /// 1-based line of the offending construct.
    public let line: Int
    /// 1-based column, counted in Unicode scalars.
    public let column: Int
    /// UTF-8 byte offset from the start of the document.
    public let offset: Int
    public let reason: String

    public init(_ code: Code, line: Int, column: Int, offset: Int, _ reason: String) {
        self.code = code
        self.line = line
        self.column = column
        self.offset = offset
        self.reason = reason
    }

    public var description: String { "KMIPXMLError.\(code) at line \(line), column \(column): \(reason)" }
}

/// An error located by byte offset only; turned into a `KMIPXMLError` with line and column once, at the API
/// edge, so the hot path never counts lines.
struct XMLFault: Error {
    let code: KMIPXMLError.Code
    let offset: Int
    let reason: String

    init(_ code: KMIPXMLError.Code, at offset: Int, _ reason: String) {
        self.code = code
        self.offset = offset
        self.reason = reason
    }

    func located(in utf8: [UInt8]) -> KMIPXMLError {
        let end = min(max(offset, 0), utf8.count)
        var line = 1
        var column = 1
        for byte in utf8[0..<end] {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1 // count scalars: skip UTF-8 continuation bytes
            }
        }
        return KMIPXMLError(code, line: line, column: column, offset: end, reason)
    }
}

/// A short, quotable form of a non-secret value for an error reason.
func errorQuote(_ text: String) -> String {
    let limit = 40
    return text.unicodeScalars.count <= limit ? "\"\(text)\"" : "\"\(String(String.UnicodeScalarView(text.unicodeScalars.prefix(limit))))…\""
}
