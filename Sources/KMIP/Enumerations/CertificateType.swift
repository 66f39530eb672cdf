/// Certificate Type (KMIP 1.0+; 1.4 §9.1.3.2.6).
public struct CertificateType: KMIPEnumeration {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let x509 = CertificateType(rawValue: 0x0000_0001)
    /// Deprecated in KMIP 1.2.
    public static let pgp = CertificateType(rawValue: 0x0000_0002)

    public static let known: [(CertificateType, String)] = [
        (.x509, "X_509"),
        (.pgp, "PGP"),
    ]
}
