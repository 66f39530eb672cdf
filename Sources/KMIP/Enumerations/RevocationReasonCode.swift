/// Revocation Reason Code (KMIP 1.0+; 1.4 §9.1.3.2.19).
public struct RevocationReasonCode: KMIPEnumeration {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let unspecified = RevocationReasonCode(rawValue: 0x0000_0001)
    public static let keyCompromise = RevocationReasonCode(rawValue: 0x0000_0002)
    public static let caCompromise = RevocationReasonCode(rawValue: 0x0000_0003)
    public static let affiliationChanged = RevocationReasonCode(rawValue: 0x0000_0004)
    public static let superseded = RevocationReasonCode(rawValue: 0x0000_0005)
    public static let cessationOfOperation = RevocationReasonCode(rawValue: 0x0000_0006)
    public static let privilegeWithdrawn = RevocationReasonCode(rawValue: 0x0000_0007)

    public static let known: [(RevocationReasonCode, String)] = [
        (.unspecified, "Unspecified"),
        (.keyCompromise, "KeyCompromise"),
        (.caCompromise, "CACompromise"),
        (.affiliationChanged, "AffiliationChanged"),
        (.superseded, "Superseded"),
        (.cessationOfOperation, "CessationOfOperation"),
        (.privilegeWithdrawn, "PrivilegeWithdrawn"),
    ]
}
