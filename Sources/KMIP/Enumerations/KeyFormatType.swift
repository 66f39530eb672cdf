/// Key Format Type (KMIP 1.0+; 1.4 §9.1.3.2.3).
public struct KeyFormatType: KMIPEnumeration {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let raw = KeyFormatType(rawValue: 0x0000_0001)
    public static let opaque = KeyFormatType(rawValue: 0x0000_0002)
    public static let pkcs1 = KeyFormatType(rawValue: 0x0000_0003)
    public static let pkcs8 = KeyFormatType(rawValue: 0x0000_0004)
    public static let x509 = KeyFormatType(rawValue: 0x0000_0005)
    public static let ecPrivateKey = KeyFormatType(rawValue: 0x0000_0006)
    public static let transparentSymmetricKey = KeyFormatType(rawValue: 0x0000_0007)
    public static let transparentDSAPrivateKey = KeyFormatType(rawValue: 0x0000_0008)
    public static let transparentDSAPublicKey = KeyFormatType(rawValue: 0x0000_0009)
    public static let transparentRSAPrivateKey = KeyFormatType(rawValue: 0x0000_000A)
    public static let transparentRSAPublicKey = KeyFormatType(rawValue: 0x0000_000B)
    public static let transparentDHPrivateKey = KeyFormatType(rawValue: 0x0000_000C)
    public static let transparentDHPublicKey = KeyFormatType(rawValue: 0x0000_000D)
    /// Deprecated in KMIP 1.3 (use Transparent EC Private Key); reserved in 2.0.
    public static let transparentECDSAPrivateKey = KeyFormatType(rawValue: 0x0000_000E)
    /// Deprecated in KMIP 1.3 (use Transparent EC Public Key); reserved in 2.0.
    public static let transparentECDSAPublicKey = KeyFormatType(rawValue: 0x0000_000F)
    /// Deprecated in KMIP 1.3; reserved in 2.0.
    public static let transparentECDHPrivateKey = KeyFormatType(rawValue: 0x0000_0010)
    /// Deprecated in KMIP 1.3; reserved in 2.0.
    public static let transparentECDHPublicKey = KeyFormatType(rawValue: 0x0000_0011)
    /// Deprecated in KMIP 1.3; reserved in 2.0.
    public static let transparentECMQVPrivateKey = KeyFormatType(rawValue: 0x0000_0012)
    /// Deprecated in KMIP 1.3; reserved in 2.0.
    public static let transparentECMQVPublicKey = KeyFormatType(rawValue: 0x0000_0013)
    public static let transparentECPrivateKey = KeyFormatType(rawValue: 0x0000_0014)
    public static let transparentECPublicKey = KeyFormatType(rawValue: 0x0000_0015)
    public static let pkcs12 = KeyFormatType(rawValue: 0x0000_0016)
    /// KMIP 2.0+.
    public static let pkcs10 = KeyFormatType(rawValue: 0x0000_0017)

    public static let known: [(KeyFormatType, String)] = [
        (.raw, "Raw"),
        (.opaque, "Opaque"),
        (.pkcs1, "PKCS_1"),
        (.pkcs8, "PKCS_8"),
        (.x509, "X_509"),
        (.ecPrivateKey, "ECPrivateKey"),
        (.transparentSymmetricKey, "TransparentSymmetricKey"),
        (.transparentDSAPrivateKey, "TransparentDSAPrivateKey"),
        (.transparentDSAPublicKey, "TransparentDSAPublicKey"),
        (.transparentRSAPrivateKey, "TransparentRSAPrivateKey"),
        (.transparentRSAPublicKey, "TransparentRSAPublicKey"),
        (.transparentDHPrivateKey, "TransparentDHPrivateKey"),
        (.transparentDHPublicKey, "TransparentDHPublicKey"),
        (.transparentECDSAPrivateKey, "TransparentECDSAPrivateKey"),
        (.transparentECDSAPublicKey, "TransparentECDSAPublicKey"),
        (.transparentECDHPrivateKey, "TransparentECDHPrivateKey"),
        (.transparentECDHPublicKey, "TransparentECDHPublicKey"),
        (.transparentECMQVPrivateKey, "TransparentECMQVPrivateKey"),
        (.transparentECMQVPublicKey, "TransparentECMQVPublicKey"),
        (.transparentECPrivateKey, "TransparentECPrivateKey"),
        (.transparentECPublicKey, "TransparentECPublicKey"),
        (.pkcs12, "PKCS_12"),
        (.pkcs10, "PKCS_10"),
    ]
}
