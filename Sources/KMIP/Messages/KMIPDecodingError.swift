/// Why a TTLV tree is not a valid KMIP message, batch item, payload or attribute.
///
/// The server answers by `resultReason`, never by matching `reason`: a missing field is Invalid Message in the
/// header but Invalid Field in a payload, an unknown operation is Operation Not Supported, and so on. The
/// decoder picks the Result Reason where it knows the context. The error carries the tag path to the item at
/// fault and never a value, since values may be key material or passwords.
public struct KMIPDecodingError: Error, Hashable, Sendable, CustomStringConvertible {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        public let name: String
        public init(_ name: String) { self.name = name }
        public var description: String { name }

        /// A required field is absent.
        public static let missingField = Code("missingField")
        /// A field has the wrong TTLV item type (a Text String where an Integer belongs, …).
        public static let unexpectedType = Code("unexpectedType")
        /// A field this structure does not define, or one that must not repeat, is present.
        public static let unexpectedField = Code("unexpectedField")
        /// A field's value is outside what the specification allows (an unknown attribute name, a negative count).
        public static let invalidValue = Code("invalidValue")
        /// The protocol version is one this implementation does not speak, or the field does not exist in it.
        public static let unsupportedVersion = Code("unsupportedVersion")
        /// The operation has no payload model.
        public static let unsupportedOperation = Code("unsupportedOperation")
    }

    public let code: Code
    /// Tags from the outermost structure down to the item at fault.
    public private(set) var path: [Tag]
    public let reason: String
    /// What the server should answer in the Result Reason of the failed batch item (or message).
    public private(set) var resultReason: ResultReason

    public init(_ code: Code, path: [Tag] = [], _ reason: String, resultReason: ResultReason? = nil) {
        self.code = code
        self.path = path
        self.reason = reason
        self.resultReason = resultReason ?? Self.defaultReason(for: code)
    }

    /// The Result Reason for a fault inside a payload; the header decoder turns these into Invalid Message.
    static func defaultReason(for code: Code) -> ResultReason {
        switch code {
        case .unsupportedOperation: .operationNotSupported
        case .unsupportedVersion: .invalidMessage
        default: .invalidField
        }
    }

    /// The same error seen from the enclosing structure `tag`.
    func within(_ tag: Tag) -> KMIPDecodingError {
        var copy = self
        copy.path.insert(tag, at: 0)
        return copy
    }

    /// The same error, answered with `reason` (a message-level fault is Invalid Message, not Invalid Field).
    func answering(_ reason: ResultReason) -> KMIPDecodingError {
        var copy = self
        copy.resultReason = reason
        return copy
    }

    public var pathDescription: String { path.map(\.description).joined(separator: "/") }

    public var description: String {
        "KMIPDecodingError.\(code) at \(pathDescription.isEmpty ? "top" : pathDescription): \(reason) (answer \(resultReason))"
    }
}

/// Runs `body`, attributing any decoding error to the structure `tag`.
@inline(__always)
func decoding<T>(_ tag: Tag, _ body: () throws(KMIPDecodingError) -> T) throws(KMIPDecodingError) -> T {
    do throws(KMIPDecodingError) {
        return try body()
    } catch {
        throw error.within(tag)
    }
}
