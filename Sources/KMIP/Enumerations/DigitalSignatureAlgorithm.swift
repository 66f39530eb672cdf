/// Digital Signature Algorithm (KMIP 1.1+; 1.4 §9.1.3.2.7).
public struct DigitalSignatureAlgorithm: KMIPEnumeration {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let md2WithRSAEncryption = DigitalSignatureAlgorithm(rawValue: 0x0000_0001)
    public static let md5WithRSAEncryption = DigitalSignatureAlgorithm(rawValue: 0x0000_0002)
    public static let sha1WithRSAEncryption = DigitalSignatureAlgorithm(rawValue: 0x0000_0003)
    public static let sha224WithRSAEncryption = DigitalSignatureAlgorithm(rawValue: 0x0000_0004)
    public static let sha256WithRSAEncryption = DigitalSignatureAlgorithm(rawValue: 0x0000_0005)
    public static let sha384WithRSAEncryption = DigitalSignatureAlgorithm(rawValue: 0x0000_0006)
    public static let sha512WithRSAEncryption = DigitalSignatureAlgorithm(rawValue: 0x0000_0007)
    public static let rsassaPSS = DigitalSignatureAlgorithm(rawValue: 0x0000_0008)
    public static let dsaWithSHA1 = DigitalSignatureAlgorithm(rawValue: 0x0000_0009)
    public static let dsaWithSHA224 = DigitalSignatureAlgorithm(rawValue: 0x0000_000A)
    public static let dsaWithSHA256 = DigitalSignatureAlgorithm(rawValue: 0x0000_000B)
    public static let ecdsaWithSHA1 = DigitalSignatureAlgorithm(rawValue: 0x0000_000C)
    public static let ecdsaWithSHA224 = DigitalSignatureAlgorithm(rawValue: 0x0000_000D)
    public static let ecdsaWithSHA256 = DigitalSignatureAlgorithm(rawValue: 0x0000_000E)
    public static let ecdsaWithSHA384 = DigitalSignatureAlgorithm(rawValue: 0x0000_000F)
    public static let ecdsaWithSHA512 = DigitalSignatureAlgorithm(rawValue: 0x0000_0010)
    public static let sha3_256WithRSAEncryption = DigitalSignatureAlgorithm(rawValue: 0x0000_0011)
    public static let sha3_384WithRSAEncryption = DigitalSignatureAlgorithm(rawValue: 0x0000_0012)
    public static let sha3_512WithRSAEncryption = DigitalSignatureAlgorithm(rawValue: 0x0000_0013)

    public static let known: [(DigitalSignatureAlgorithm, String)] = [
        (.md2WithRSAEncryption, "MD2WithRSAEncryption"),
        (.md5WithRSAEncryption, "MD5WithRSAEncryption"),
        (.sha1WithRSAEncryption, "SHA_1WithRSAEncryption"),
        (.sha224WithRSAEncryption, "SHA_224WithRSAEncryption"),
        (.sha256WithRSAEncryption, "SHA_256WithRSAEncryption"),
        (.sha384WithRSAEncryption, "SHA_384WithRSAEncryption"),
        (.sha512WithRSAEncryption, "SHA_512WithRSAEncryption"),
        (.rsassaPSS, "RSASSA_PSS"),
        (.dsaWithSHA1, "DSAWithSHA_1"),
        (.dsaWithSHA224, "DSAWithSHA224"),
        (.dsaWithSHA256, "DSAWithSHA256"),
        (.ecdsaWithSHA1, "ECDSAWithSHA_1"),
        (.ecdsaWithSHA224, "ECDSAWithSHA224"),
        (.ecdsaWithSHA256, "ECDSAWithSHA256"),
        (.ecdsaWithSHA384, "ECDSAWithSHA384"),
        (.ecdsaWithSHA512, "ECDSAWithSHA512"),
        (.sha3_256WithRSAEncryption, "SHA3_256WithRSAEncryption"),
        (.sha3_384WithRSAEncryption, "SHA3_384WithRSAEncryption"),
        (.sha3_512WithRSAEncryption, "SHA3_512WithRSAEncryption"),
    ]
}
