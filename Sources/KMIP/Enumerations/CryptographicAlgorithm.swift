/// Cryptographic Algorithm (KMIP 1.0+; 1.4 §9.1.3.2.13).
public struct CryptographicAlgorithm: KMIPEnumeration {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let des = CryptographicAlgorithm(rawValue: 0x0000_0001)
    public static let des3 = CryptographicAlgorithm(rawValue: 0x0000_0002)
    public static let aes = CryptographicAlgorithm(rawValue: 0x0000_0003)
    public static let rsa = CryptographicAlgorithm(rawValue: 0x0000_0004)
    public static let dsa = CryptographicAlgorithm(rawValue: 0x0000_0005)
    public static let ecdsa = CryptographicAlgorithm(rawValue: 0x0000_0006)
    public static let hmacSHA1 = CryptographicAlgorithm(rawValue: 0x0000_0007)
    public static let hmacSHA224 = CryptographicAlgorithm(rawValue: 0x0000_0008)
    public static let hmacSHA256 = CryptographicAlgorithm(rawValue: 0x0000_0009)
    public static let hmacSHA384 = CryptographicAlgorithm(rawValue: 0x0000_000A)
    public static let hmacSHA512 = CryptographicAlgorithm(rawValue: 0x0000_000B)
    public static let hmacMD5 = CryptographicAlgorithm(rawValue: 0x0000_000C)
    public static let dh = CryptographicAlgorithm(rawValue: 0x0000_000D)
    public static let ecdh = CryptographicAlgorithm(rawValue: 0x0000_000E)
    public static let ecmqv = CryptographicAlgorithm(rawValue: 0x0000_000F)
    public static let blowfish = CryptographicAlgorithm(rawValue: 0x0000_0010)
    public static let camellia = CryptographicAlgorithm(rawValue: 0x0000_0011)
    public static let cast5 = CryptographicAlgorithm(rawValue: 0x0000_0012)
    public static let idea = CryptographicAlgorithm(rawValue: 0x0000_0013)
    public static let mars = CryptographicAlgorithm(rawValue: 0x0000_0014)
    public static let rc2 = CryptographicAlgorithm(rawValue: 0x0000_0015)
    public static let rc4 = CryptographicAlgorithm(rawValue: 0x0000_0016)
    public static let rc5 = CryptographicAlgorithm(rawValue: 0x0000_0017)
    public static let skipjack = CryptographicAlgorithm(rawValue: 0x0000_0018)
    public static let twofish = CryptographicAlgorithm(rawValue: 0x0000_0019)
    public static let ec = CryptographicAlgorithm(rawValue: 0x0000_001A)
    public static let oneTimePad = CryptographicAlgorithm(rawValue: 0x0000_001B)
    public static let chaCha20 = CryptographicAlgorithm(rawValue: 0x0000_001C)
    public static let poly1305 = CryptographicAlgorithm(rawValue: 0x0000_001D)
    public static let chaCha20Poly1305 = CryptographicAlgorithm(rawValue: 0x0000_001E)
    public static let sha3_224 = CryptographicAlgorithm(rawValue: 0x0000_001F)
    public static let sha3_256 = CryptographicAlgorithm(rawValue: 0x0000_0020)
    public static let sha3_384 = CryptographicAlgorithm(rawValue: 0x0000_0021)
    public static let sha3_512 = CryptographicAlgorithm(rawValue: 0x0000_0022)
    public static let hmacSHA3_224 = CryptographicAlgorithm(rawValue: 0x0000_0023)
    public static let hmacSHA3_256 = CryptographicAlgorithm(rawValue: 0x0000_0024)
    public static let hmacSHA3_384 = CryptographicAlgorithm(rawValue: 0x0000_0025)
    public static let hmacSHA3_512 = CryptographicAlgorithm(rawValue: 0x0000_0026)
    public static let shake128 = CryptographicAlgorithm(rawValue: 0x0000_0027)
    public static let shake256 = CryptographicAlgorithm(rawValue: 0x0000_0028)
    /// KMIP 2.0+.
    public static let aria = CryptographicAlgorithm(rawValue: 0x0000_0029)
    /// KMIP 2.0+.
    public static let seed = CryptographicAlgorithm(rawValue: 0x0000_002A)
    /// KMIP 2.0+.
    public static let sm2 = CryptographicAlgorithm(rawValue: 0x0000_002B)
    /// KMIP 2.0+.
    public static let sm3 = CryptographicAlgorithm(rawValue: 0x0000_002C)
    /// KMIP 2.0+.
    public static let sm4 = CryptographicAlgorithm(rawValue: 0x0000_002D)
    /// KMIP 2.0+.
    public static let gostR34_10_2012 = CryptographicAlgorithm(rawValue: 0x0000_002E)
    /// KMIP 2.0+.
    public static let gostR34_11_2012 = CryptographicAlgorithm(rawValue: 0x0000_002F)
    /// KMIP 2.0+.
    public static let gostR34_13_2015 = CryptographicAlgorithm(rawValue: 0x0000_0030)
    /// KMIP 2.0+.
    public static let gost28147_89 = CryptographicAlgorithm(rawValue: 0x0000_0031)
    /// KMIP 2.0+.
    public static let xmss = CryptographicAlgorithm(rawValue: 0x0000_0032)
    /// KMIP 2.0+.
    public static let sphincs256 = CryptographicAlgorithm(rawValue: 0x0000_0033)
    /// KMIP 2.0+.
    public static let mcEliece = CryptographicAlgorithm(rawValue: 0x0000_0034)
    /// KMIP 2.0+.
    public static let mcEliece6960119 = CryptographicAlgorithm(rawValue: 0x0000_0035)
    /// KMIP 2.0+.
    public static let mcEliece8192128 = CryptographicAlgorithm(rawValue: 0x0000_0036)
    /// KMIP 2.0+.
    public static let ed25519 = CryptographicAlgorithm(rawValue: 0x0000_0037)
    /// KMIP 2.0+.
    public static let ed448 = CryptographicAlgorithm(rawValue: 0x0000_0038)

    public static let known: [(CryptographicAlgorithm, String)] = [
        (.des, "DES"),
        (.des3, "DES3"),
        (.aes, "AES"),
        (.rsa, "RSA"),
        (.dsa, "DSA"),
        (.ecdsa, "ECDSA"),
        (.hmacSHA1, "HMAC_SHA1"),
        (.hmacSHA224, "HMAC_SHA224"),
        (.hmacSHA256, "HMAC_SHA256"),
        (.hmacSHA384, "HMAC_SHA384"),
        (.hmacSHA512, "HMAC_SHA512"),
        (.hmacMD5, "HMAC_MD5"),
        (.dh, "DH"),
        (.ecdh, "ECDH"),
        (.ecmqv, "ECMQV"),
        (.blowfish, "Blowfish"),
        (.camellia, "Camellia"),
        (.cast5, "CAST5"),
        (.idea, "IDEA"),
        (.mars, "MARS"),
        (.rc2, "RC2"),
        (.rc4, "RC4"),
        (.rc5, "RC5"),
        (.skipjack, "SKIPJACK"),
        (.twofish, "Twofish"),
        (.ec, "EC"),
        (.oneTimePad, "OneTimePad"),
        (.chaCha20, "ChaCha20"),
        (.poly1305, "Poly1305"),
        (.chaCha20Poly1305, "ChaCha20Poly1305"),
        (.sha3_224, "SHA3_224"),
        (.sha3_256, "SHA3_256"),
        (.sha3_384, "SHA3_384"),
        (.sha3_512, "SHA3_512"),
        (.hmacSHA3_224, "HMAC_SHA3_224"),
        (.hmacSHA3_256, "HMAC_SHA3_256"),
        (.hmacSHA3_384, "HMAC_SHA3_384"),
        (.hmacSHA3_512, "HMAC_SHA3_512"),
        (.shake128, "SHAKE_128"),
        (.shake256, "SHAKE_256"),
        (.aria, "ARIA"),
        (.seed, "SEED"),
        (.sm2, "SM2"),
        (.sm3, "SM3"),
        (.sm4, "SM4"),
        (.gostR34_10_2012, "GOSTR34_10_2012"),
        (.gostR34_11_2012, "GOSTR34_11_2012"),
        (.gostR34_13_2015, "GOSTR34_13_2015"),
        (.gost28147_89, "GOST28147_89"),
        (.xmss, "XMSS"),
        (.sphincs256, "SPHINCS_256"),
        (.mcEliece, "McEliece"),
        (.mcEliece6960119, "McEliece_6960119"),
        (.mcEliece8192128, "McEliece_8192128"),
        (.ed25519, "Ed25519"),
        (.ed448, "Ed448"),
    ]
}
