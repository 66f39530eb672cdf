/// Link Type (KMIP 1.0+; 1.4 §9.1.3.2.20).
public struct LinkType: KMIPEnumeration {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let certificateLink = LinkType(rawValue: 0x0000_0101)
    public static let publicKeyLink = LinkType(rawValue: 0x0000_0102)
    public static let privateKeyLink = LinkType(rawValue: 0x0000_0103)
    public static let derivationBaseObjectLink = LinkType(rawValue: 0x0000_0104)
    public static let derivedKeyLink = LinkType(rawValue: 0x0000_0105)
    public static let replacementObjectLink = LinkType(rawValue: 0x0000_0106)
    public static let replacedObjectLink = LinkType(rawValue: 0x0000_0107)
    public static let parentLink = LinkType(rawValue: 0x0000_0108)
    public static let childLink = LinkType(rawValue: 0x0000_0109)
    public static let previousLink = LinkType(rawValue: 0x0000_010A)
    public static let nextLink = LinkType(rawValue: 0x0000_010B)
    public static let pkcs12CertificateLink = LinkType(rawValue: 0x0000_010C)
    public static let pkcs12PasswordLink = LinkType(rawValue: 0x0000_010D)
    /// KMIP 2.0+.
    public static let wrappingKeyLink = LinkType(rawValue: 0x0000_010E)

    public static let known: [(LinkType, String)] = [
        (.certificateLink, "CertificateLink"),
        (.publicKeyLink, "PublicKeyLink"),
        (.privateKeyLink, "PrivateKeyLink"),
        (.derivationBaseObjectLink, "DerivationBaseObjectLink"),
        (.derivedKeyLink, "DerivedKeyLink"),
        (.replacementObjectLink, "ReplacementObjectLink"),
        (.replacedObjectLink, "ReplacedObjectLink"),
        (.parentLink, "ParentLink"),
        (.childLink, "ChildLink"),
        (.previousLink, "PreviousLink"),
        (.nextLink, "NextLink"),
        (.pkcs12CertificateLink, "PKCS_12CertificateLink"),
        (.pkcs12PasswordLink, "PKCS_12PasswordLink"),
        (.wrappingKeyLink, "WrappingKeyLink"),
    ]
}
