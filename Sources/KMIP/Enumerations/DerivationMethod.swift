/// Derivation Method (KMIP 1.0+; 1.4 §9.1.3.2.21).
public struct DerivationMethod: KMIPEnumeration {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let pbkdf2 = DerivationMethod(rawValue: 0x0000_0001)
    public static let hash = DerivationMethod(rawValue: 0x0000_0002)
    public static let hmac = DerivationMethod(rawValue: 0x0000_0003)
    public static let encrypt = DerivationMethod(rawValue: 0x0000_0004)
    public static let nist800_108C = DerivationMethod(rawValue: 0x0000_0005)
    public static let nist800_108F = DerivationMethod(rawValue: 0x0000_0006)
    public static let nist800_108DPI = DerivationMethod(rawValue: 0x0000_0007)
    public static let asymmetricKey = DerivationMethod(rawValue: 0x0000_0008)
    /// KMIP 2.0+.
    public static let awsSignatureVersion4 = DerivationMethod(rawValue: 0x0000_0009)
    /// KMIP 2.0+.
    public static let hkdf = DerivationMethod(rawValue: 0x0000_000A)

    public static let known: [(DerivationMethod, String)] = [
        (.pbkdf2, "PBKDF2"),
        (.hash, "HASH"),
        (.hmac, "HMAC"),
        (.encrypt, "ENCRYPT"),
        (.nist800_108C, "NIST800_108_C"),
        (.nist800_108F, "NIST800_108_F"),
        (.nist800_108DPI, "NIST800_108_DPI"),
        (.asymmetricKey, "AsymmetricKey"),
        (.awsSignatureVersion4, "AWSSignatureVersion4"),
        (.hkdf, "HKDF"),
    ]
}
