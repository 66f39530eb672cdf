/// Name Type (KMIP 1.0+; 1.4 §9.1.3.2.11).
public struct NameType: KMIPEnumeration {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let uninterpretedTextString = NameType(rawValue: 0x0000_0001)
    public static let uri = NameType(rawValue: 0x0000_0002)

    public static let known: [(NameType, String)] = [
        (.uninterpretedTextString, "UninterpretedTextString"),
        (.uri, "URI"),
    ]
}
