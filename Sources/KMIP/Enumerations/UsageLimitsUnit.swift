/// Usage Limits Unit (KMIP 1.0+; 1.4 §9.1.3.2.31).
public struct UsageLimitsUnit: KMIPEnumeration {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let byte = UsageLimitsUnit(rawValue: 0x0000_0001)
    public static let object = UsageLimitsUnit(rawValue: 0x0000_0002)

    public static let known: [(UsageLimitsUnit, String)] = [
        (.byte, "Byte"),
        (.object, "Object"),
    ]
}
