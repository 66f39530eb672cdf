/// Why a TTLV byte stream was rejected. Carries the byte offset of the offending item and never any value bytes.
public struct TTLVError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Code: Hashable, Sendable {
        /// The type byte is not one of the eleven item types.
        case unknownType
        /// A fixed-size type declared the wrong length, or a big integer's length is not a positive multiple of 8.
        case invalidLength
        /// An item's declared length runs past the end of its parent structure.
        case overrun
        /// Padding bytes after a value are not zero, or the padding is missing.
        case invalidPadding
        /// A text string is not valid UTF-8.
        case invalidUTF8
        /// A boolean is neither 0 nor 1.
        case invalidBoolean
        /// Bytes left after the last item of a structure or message.
        case trailingBytes
        /// The message is larger than the configured maximum.
        case messageTooLarge
        /// Structures nest deeper than the configured maximum.
        case tooDeep
        /// More items than the configured maximum.
        case tooManyItems
        /// A message must be a structure.
        case notAStructure
        /// A value cannot be encoded (a big integer whose length is not a multiple of 8, a value too long).
        case unencodable
    }

    public let code: Code
    /// Offset, from the start of the message, of the item at fault; for `.invalidPadding`, of the first bad
    /// padding byte, or of where the missing padding should start.
    public let offset: Int
    public let reason: String

    public init(_ code: Code, at offset: Int, _ reason: String) {
        self.code = code
        self.offset = offset
        self.reason = reason
    }

    public var description: String { "TTLVError.\(code) at byte \(offset): \(reason)" }
}
