/// Validation Type (KMIP 1.3+; 1.4 §9.1.3.2.41).
public struct ValidationType: KMIPEnumeration {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let unspecified = ValidationType(rawValue: 0x0000_0001)
    public static let hardware = ValidationType(rawValue: 0x0000_0002)
    public static let software = ValidationType(rawValue: 0x0000_0003)
    public static let firmware = ValidationType(rawValue: 0x0000_0004)
    public static let hybrid = ValidationType(rawValue: 0x0000_0005)

    public static let known: [(ValidationType, String)] = [
        (.unspecified, "Unspecified"),
        (.hardware, "Hardware"),
        (.software, "Software"),
        (.firmware, "Firmware"),
        (.hybrid, "Hybrid"),
    ]
}
