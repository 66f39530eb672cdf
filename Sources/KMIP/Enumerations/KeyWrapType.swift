/// Key Wrap Type (KMIP 1.4+; 1.4 §9.1.3.2.48).
public struct KeyWrapType: KMIPEnumeration {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let notWrapped = KeyWrapType(rawValue: 0x0000_0001)
    public static let asRegistered = KeyWrapType(rawValue: 0x0000_0002)

    public static let known: [(KeyWrapType, String)] = [
        (.notWrapped, "NotWrapped"),
        (.asRegistered, "AsRegistered"),
    ]
}
