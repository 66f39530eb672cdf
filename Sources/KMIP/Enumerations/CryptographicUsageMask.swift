/// Cryptographic Usage Mask (KMIP 1.0+; 1.4 §9.1.3.3.1, 2.1 §12): a TTLV Integer.
public struct CryptographicUsageMask: KMIPMask {
    public let rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    public static let sign = CryptographicUsageMask(rawValue: 0x0000_0001)
    public static let verify = CryptographicUsageMask(rawValue: 0x0000_0002)
    public static let encrypt = CryptographicUsageMask(rawValue: 0x0000_0004)
    public static let decrypt = CryptographicUsageMask(rawValue: 0x0000_0008)
    public static let wrapKey = CryptographicUsageMask(rawValue: 0x0000_0010)
    public static let unwrapKey = CryptographicUsageMask(rawValue: 0x0000_0020)
    /// KMIP 1.x only; reserved in 2.0.
    public static let export = CryptographicUsageMask(rawValue: 0x0000_0040)
    public static let macGenerate = CryptographicUsageMask(rawValue: 0x0000_0080)
    public static let macVerify = CryptographicUsageMask(rawValue: 0x0000_0100)
    public static let deriveKey = CryptographicUsageMask(rawValue: 0x0000_0200)
    /// KMIP 1.x only; reserved in 2.0.
    public static let contentCommitment = CryptographicUsageMask(rawValue: 0x0000_0400)
    public static let keyAgreement = CryptographicUsageMask(rawValue: 0x0000_0800)
    public static let certificateSign = CryptographicUsageMask(rawValue: 0x0000_1000)
    public static let crlSign = CryptographicUsageMask(rawValue: 0x0000_2000)
    /// KMIP 1.x only; reserved in 2.0.
    public static let generateCryptogram = CryptographicUsageMask(rawValue: 0x0000_4000)
    /// KMIP 1.x only; reserved in 2.0.
    public static let validateCryptogram = CryptographicUsageMask(rawValue: 0x0000_8000)
    /// KMIP 1.x only; reserved in 2.0.
    public static let translateEncrypt = CryptographicUsageMask(rawValue: 0x0001_0000)
    /// KMIP 1.x only; reserved in 2.0.
    public static let translateDecrypt = CryptographicUsageMask(rawValue: 0x0002_0000)
    /// KMIP 1.x only; reserved in 2.0.
    public static let translateWrap = CryptographicUsageMask(rawValue: 0x0004_0000)
    /// KMIP 1.x only; reserved in 2.0.
    public static let translateUnwrap = CryptographicUsageMask(rawValue: 0x0008_0000)
    /// KMIP 2.0+.
    public static let authenticate = CryptographicUsageMask(rawValue: 0x0010_0000)
    /// KMIP 2.0+.
    public static let unrestricted = CryptographicUsageMask(rawValue: 0x0020_0000)
    /// KMIP 2.0+.
    public static let fpeEncrypt = CryptographicUsageMask(rawValue: 0x0040_0000)
    /// KMIP 2.0+.
    public static let fpeDecrypt = CryptographicUsageMask(rawValue: 0x0080_0000)

    public static let known: [(CryptographicUsageMask, String)] = [
        (.sign, "Sign"),
        (.verify, "Verify"),
        (.encrypt, "Encrypt"),
        (.decrypt, "Decrypt"),
        (.wrapKey, "WrapKey"),
        (.unwrapKey, "UnwrapKey"),
        (.export, "Export"),
        (.macGenerate, "MACGenerate"),
        (.macVerify, "MACVerify"),
        (.deriveKey, "DeriveKey"),
        (.contentCommitment, "ContentCommitment"),
        (.keyAgreement, "KeyAgreement"),
        (.certificateSign, "CertificateSign"),
        (.crlSign, "CRLSign"),
        (.generateCryptogram, "GenerateCryptogram"),
        (.validateCryptogram, "ValidateCryptogram"),
        (.translateEncrypt, "TranslateEncrypt"),
        (.translateDecrypt, "TranslateDecrypt"),
        (.translateWrap, "TranslateWrap"),
        (.translateUnwrap, "TranslateUnwrap"),
        (.authenticate, "Authenticate"),
        (.unrestricted, "Unrestricted"),
        (.fpeEncrypt, "FPEEncrypt"),
        (.fpeDecrypt, "FPEDecrypt"),
    ]
}
