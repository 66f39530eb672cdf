/// Validity Indicator (KMIP 1.0+; 1.4 §9.1.3.2.23).
public struct ValidityIndicator: KMIPEnumeration {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let valid = ValidityIndicator(rawValue: 0x0000_0001)
    public static let invalid = ValidityIndicator(rawValue: 0x0000_0002)
    public static let unknown = ValidityIndicator(rawValue: 0x0000_0003)

    public static let known: [(ValidityIndicator, String)] = [
        (.valid, "Valid"),
        (.invalid, "Invalid"),
        (.unknown, "Unknown"),
    ]
}
