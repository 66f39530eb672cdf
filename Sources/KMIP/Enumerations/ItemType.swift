/// Item Type (KMIP 2.0+; 2.1 §11; the values are the TTLV item type codes).
public struct ItemType: KMIPEnumeration {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let structure = ItemType(rawValue: 0x0000_0001)
    public static let integer = ItemType(rawValue: 0x0000_0002)
    public static let longInteger = ItemType(rawValue: 0x0000_0003)
    public static let bigInteger = ItemType(rawValue: 0x0000_0004)
    public static let enumeration = ItemType(rawValue: 0x0000_0005)
    public static let boolean = ItemType(rawValue: 0x0000_0006)
    public static let textString = ItemType(rawValue: 0x0000_0007)
    public static let byteString = ItemType(rawValue: 0x0000_0008)
    public static let dateTime = ItemType(rawValue: 0x0000_0009)
    public static let interval = ItemType(rawValue: 0x0000_000A)
    public static let dateTimeExtended = ItemType(rawValue: 0x0000_000B)

    public static let known: [(ItemType, String)] = [
        (.structure, "Structure"),
        (.integer, "Integer"),
        (.longInteger, "LongInteger"),
        (.bigInteger, "BigInteger"),
        (.enumeration, "Enumeration"),
        (.boolean, "Boolean"),
        (.textString, "TextString"),
        (.byteString, "ByteString"),
        (.dateTime, "DateTime"),
        (.interval, "Interval"),
        (.dateTimeExtended, "DateTimeExtended"),
    ]
}
