/// One TTLV item: a tag, and a typed value. A structure's value is its ordered children.
///
/// This is the protocol's untyped tree: the codecs (binary TTLV, XML) turn bytes into it and back, and the typed
/// message model reads and writes it. Unknown tags (including the 0x54xxxx extension range) and unknown
/// enumeration values are carried as they came, so a decode → encode round trip is bit-identical.
public struct TTLV: Hashable, Sendable {
    public var tag: Tag
    public var value: Value

    public enum Value: Hashable, Sendable {
        case structure([TTLV])
        case integer(Int32)
        case longInteger(Int64)
        /// Two's complement, big-endian, as on the wire: the length is a multiple of 8 (sign-extended).
        case bigInteger([UInt8])
        case enumeration(UInt32)
        case boolean(Bool)
        case textString(String)
        case byteString([UInt8])
        /// Seconds since the POSIX epoch.
        case dateTime(Int64)
        /// Seconds.
        case interval(UInt32)
        /// Microseconds since the POSIX epoch (KMIP 2.0+).
        case dateTimeExtended(Int64)

        public var type: TTLVType {
            switch self {
            case .structure: .structure
            case .integer: .integer
            case .longInteger: .longInteger
            case .bigInteger: .bigInteger
            case .enumeration: .enumeration
            case .boolean: .boolean
            case .textString: .textString
            case .byteString: .byteString
            case .dateTime: .dateTime
            case .interval: .interval
            case .dateTimeExtended: .dateTimeExtended
            }
        }
    }

    public init(_ tag: Tag, _ value: Value) {
        self.tag = tag
        self.value = value
    }

    public static func structure(_ tag: Tag, _ children: [TTLV]) -> TTLV { TTLV(tag, .structure(children)) }

    public var type: TTLVType { value.type }
}

extension TTLV {
    /// The children of a structure; empty for a primitive.
    public var children: [TTLV] {
        if case .structure(let items) = value { return items }
        return []
    }

    /// The first child with `tag`.
    public subscript(_ tag: Tag) -> TTLV? { children.first { $0.tag == tag } }

    /// Every child with `tag`, in order.
    public func all(_ tag: Tag) -> [TTLV] { children.filter { $0.tag == tag } }
}

extension TTLV: CustomStringConvertible {
    /// A summary safe to log: tags and types only. Values are never printed, since byte strings carry keys.
    public var description: String {
        switch value {
        case .structure(let items): "\(tag)(Structure, \(items.count) items)"
        default: "\(tag)(\(type.name))"
        }
    }
}
