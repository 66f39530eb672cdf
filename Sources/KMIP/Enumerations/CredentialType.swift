/// Credential Type (KMIP 1.0+; 1.4 §9.1.3.2.1).
public struct CredentialType: KMIPEnumeration {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let usernameAndPassword = CredentialType(rawValue: 0x0000_0001)
    public static let device = CredentialType(rawValue: 0x0000_0002)
    public static let attestation = CredentialType(rawValue: 0x0000_0003)
    /// KMIP 2.0+.
    public static let oneTimePassword = CredentialType(rawValue: 0x0000_0004)
    /// KMIP 2.0+.
    public static let hashedPassword = CredentialType(rawValue: 0x0000_0005)
    /// KMIP 2.0+.
    public static let ticket = CredentialType(rawValue: 0x0000_0006)

    public static let known: [(CredentialType, String)] = [
        (.usernameAndPassword, "UsernameAndPassword"),
        (.device, "Device"),
        (.attestation, "Attestation"),
        (.oneTimePassword, "OneTimePassword"),
        (.hashedPassword, "HashedPassword"),
        (.ticket, "Ticket"),
    ]
}
