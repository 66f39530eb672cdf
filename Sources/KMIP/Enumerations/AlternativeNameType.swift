/// Alternative Name Type (KMIP 1.2+; 1.4 §9.1.3.2.34).
public struct AlternativeNameType: KMIPEnumeration {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let uninterpretedTextString = AlternativeNameType(rawValue: 0x0000_0001)
    public static let uri = AlternativeNameType(rawValue: 0x0000_0002)
    public static let objectSerialNumber = AlternativeNameType(rawValue: 0x0000_0003)
    public static let emailAddress = AlternativeNameType(rawValue: 0x0000_0004)
    public static let dnsName = AlternativeNameType(rawValue: 0x0000_0005)
    public static let x500DistinguishedName = AlternativeNameType(rawValue: 0x0000_0006)
    public static let ipAddress = AlternativeNameType(rawValue: 0x0000_0007)

    public static let known: [(AlternativeNameType, String)] = [
        (.uninterpretedTextString, "UninterpretedTextString"),
        (.uri, "URI"),
        (.objectSerialNumber, "ObjectSerialNumber"),
        (.emailAddress, "EmailAddress"),
        (.dnsName, "DNSName"),
        (.x500DistinguishedName, "X_500DistinguishedName"),
        (.ipAddress, "IPAddress"),
    ]
}
