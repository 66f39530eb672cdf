/// Validation Authority Type (KMIP 1.3+; 1.4 §9.1.3.2.40).
public struct ValidationAuthorityType: KMIPEnumeration {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let unspecified = ValidationAuthorityType(rawValue: 0x0000_0001)
    public static let nistcmvp = ValidationAuthorityType(rawValue: 0x0000_0002)
    public static let commonCriteria = ValidationAuthorityType(rawValue: 0x0000_0003)

    public static let known: [(ValidationAuthorityType, String)] = [
        (.unspecified, "Unspecified"),
        (.nistcmvp, "NISTCMVP"),
        (.commonCriteria, "CommonCriteria"),
    ]
}
