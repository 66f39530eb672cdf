/// The item type byte of a TTLV item (KMIP 1.0–2.1 §9.1.1.2 / §9.1.3 "Item Type").
public enum TTLVType: UInt8, Sendable, CaseIterable {
    case structure = 0x01
    case integer = 0x02
    case longInteger = 0x03
    case bigInteger = 0x04
    case enumeration = 0x05
    case boolean = 0x06
    case textString = 0x07
    case byteString = 0x08
    case dateTime = 0x09
    case interval = 0x0A
    /// KMIP 2.0 and later.
    case dateTimeExtended = 0x0B

    /// The value length a fixed-size type must declare; nil for variable-length types.
    var fixedLength: Int? {
        switch self {
        case .integer, .enumeration, .interval: 4
        case .longInteger, .boolean, .dateTime, .dateTimeExtended: 8
        case .structure, .bigInteger, .textString, .byteString: nil
        }
    }

    /// The name used by the KMIP XML and JSON encodings (`type="…"`).
    public var name: String {
        switch self {
        case .structure: "Structure"
        case .integer: "Integer"
        case .longInteger: "LongInteger"
        case .bigInteger: "BigInteger"
        case .enumeration: "Enumeration"
        case .boolean: "Boolean"
        case .textString: "TextString"
        case .byteString: "ByteString"
        case .dateTime: "DateTime"
        case .interval: "Interval"
        case .dateTimeExtended: "DateTimeExtended"
        }
    }

    public init?(name: String) {
        guard let type = TTLVType.allCases.first(where: { $0.name == name }) else { return nil }
        self = type
    }
}
