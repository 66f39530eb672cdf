/// Certificate Request Type (KMIP 1.0+; 1.4 §9.1.3.2.22).
public struct CertificateRequestType: KMIPEnumeration {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let crmf = CertificateRequestType(rawValue: 0x0000_0001)
    public static let pkcs10 = CertificateRequestType(rawValue: 0x0000_0002)
    public static let pem = CertificateRequestType(rawValue: 0x0000_0003)
    /// Deprecated in KMIP 1.2; reserved in later versions.
    public static let pgp = CertificateRequestType(rawValue: 0x0000_0004)

    public static let known: [(CertificateRequestType, String)] = [
        (.crmf, "CRMF"),
        (.pkcs10, "PKCS_10"),
        (.pem, "PEM"),
        (.pgp, "PGP"),
    ]
}
