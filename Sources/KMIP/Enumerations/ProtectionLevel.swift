/// Protection Level (KMIP 2.0+; 2.1 §11).
public struct ProtectionLevel: KMIPEnumeration {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let high = ProtectionLevel(rawValue: 0x0000_0001)
    public static let low = ProtectionLevel(rawValue: 0x0000_0002)

    public static let known: [(ProtectionLevel, String)] = [
        (.high, "High"),
        (.low, "Low"),
    ]
}
