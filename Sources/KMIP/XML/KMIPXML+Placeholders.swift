extension KMIPXML {
    /// What to do with test-case placeholders: `value="$UNIQUE_IDENTIFIER_0"`, `value="$NOW-3600"`.
    ///
    /// The OASIS test cases write these where the real value is only known when the test runs: an identifier the
    /// server returned earlier, the current time, a random correlation value.
    public enum PlaceholderPolicy: Hashable, Sendable {
        /// Production decoding. A placeholder where a number, date, enumeration or byte string belongs is a
        /// `placeholderNotAllowed` error. A Text String is taken literally, since `"$X"` is a legitimate text value.
        case reject
        /// Test-case decoding. Every placeholder, whatever its type, becomes an item of the declared type holding
        /// a stand-in value (see `Placeholder`), and is listed in `DecodedMessage.placeholders`, which gives its
        /// position and original text so a runner can substitute it or skip comparing it, and so that encoding the
        /// message back writes the placeholder again.
        case preserve
    }

    public struct Options: Hashable, Sendable {
        public var placeholders: PlaceholderPolicy
        public var limits: Limits

        public init(placeholders: PlaceholderPolicy = .reject, limits: Limits = .default) {
            self.placeholders = placeholders
            self.limits = limits
        }

        /// Production decoding: placeholders rejected, default limits.
        public static let strict = Options()
        /// Test-case decoding: placeholders preserved, default limits.
        public static let testCase = Options(placeholders: .preserve)
    }

    /// One placeholder found while decoding.
    ///
    /// The item at `path` holds a stand-in of the declared type: for a Text String the placeholder text itself
    /// (so an unsubstituted identifier fails visibly at the server as "not found"), for every other type the zero
    /// value (0, false, no bytes, the epoch, Big Integer zero). The stand-in is a real value, so the message still
    /// encodes to binary TTLV and back; only this list says which values are stand-ins.
    public struct Placeholder: Hashable, Sendable, CustomStringConvertible {
        /// Child indices from the message root down to the item: `[1, 2, 0]` is the first child of the third child
        /// of the message's second child. Read and write the item with `TTLV.item(at:)` / `TTLV.replaceValue(at:with:)`.
        public let path: [Int]
        public let tag: Tag
        public let type: TTLVType
        /// As written: `$NOW-3600`.
        public let text: String
        /// The name without `$` or offset: `NOW`, `UNIQUE_IDENTIFIER_0`.
        public let name: String
        /// The signed number after the name, 0 if none: `$NOW-3600` → -3600 (seconds, for a date-time).
        public let offset: Int64

        public init(path: [Int], tag: Tag, type: TTLVType, text: String, name: String, offset: Int64) {
            self.path = path
            self.tag = tag
            self.type = type
            self.text = text
            self.name = name
            self.offset = offset
        }

        public var description: String { "\(text) at \(path) (\(tag), \(type.name))" }

        /// Recognises `$` + `[A-Z_][A-Z0-9_]*`, optionally followed by `+` or `-` and up to 18 decimal digits.
        static func parse(_ text: String, path: [Int], tag: Tag, type: TTLVType) -> Placeholder? {
            let utf8 = Array(text.utf8)
            guard utf8.count >= 2, utf8[0] == UInt8(ascii: "$"), isNameStart(utf8[1]) else { return nil }
            var end = 2
            while end < utf8.count, isNameStart(utf8[end]) || isDigit(utf8[end]) { end += 1 }
            let name = String(decoding: utf8[1..<end], as: UTF8.self)
            var offset: Int64 = 0
            if end < utf8.count {
                let sign = utf8[end]
                let digits = utf8[(end + 1)...]
                guard sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-"), !digits.isEmpty, digits.count <= 18,
                      digits.allSatisfy(isDigit), let magnitude = Int64(String(decoding: digits, as: UTF8.self))
                else { return nil }
                offset = sign == UInt8(ascii: "-") ? -magnitude : magnitude
            }
            return Placeholder(path: path, tag: tag, type: type, text: text, name: name, offset: offset)
        }

        /// Whether `text` is shaped like a placeholder (for strict mode's error message).
        static func looksLikePlaceholder(_ text: String) -> Bool {
            parse(text, path: [], tag: Tag(rawValue: 0), type: .textString) != nil
        }

        /// The stand-in value an item of `type` holds in place of this placeholder.
        var standIn: TTLV.Value {
            switch type {
            case .structure: .structure([])
            case .integer: .integer(0)
            case .longInteger: .longInteger(0)
            case .bigInteger: .bigInteger([UInt8](repeating: 0, count: 8))
            case .enumeration: .enumeration(0)
            case .boolean: .boolean(false)
            case .textString: .textString(text)
            case .byteString: .byteString([])
            case .dateTime: .dateTime(0)
            case .interval: .interval(0)
            case .dateTimeExtended: .dateTimeExtended(0)
            }
        }

        private static func isNameStart(_ c: UInt8) -> Bool { (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z")) || c == UInt8(ascii: "_") }
        private static func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }
    }

    /// A decoded message and the placeholders it held (empty unless decoded with `PlaceholderPolicy.preserve`).
    public struct DecodedMessage: Hashable, Sendable {
        public var message: TTLV
        public var placeholders: [Placeholder]

        public init(message: TTLV, placeholders: [Placeholder] = []) {
            self.message = message
            self.placeholders = placeholders
        }
    }
}

extension TTLV {
    /// The item at `path` (child indices from this item), or nil if the path leaves the tree.
    public func item(at path: [Int]) -> TTLV? {
        var current = self
        for index in path {
            let children = current.children
            guard children.indices.contains(index) else { return nil }
            current = children[index]
        }
        return current
    }

    /// Replaces the value of the item at `path`; returns false (and changes nothing) if the path leaves the tree.
    @discardableResult
    public mutating func replaceValue(at path: [Int], with newValue: Value) -> Bool {
        guard let first = path.first else {
            value = newValue
            return true
        }
        guard case .structure(var children) = value, children.indices.contains(first) else { return false }
        let replaced = children[first].replaceValue(at: Array(path.dropFirst()), with: newValue)
        if replaced { value = .structure(children) }
        return replaced
    }
}
