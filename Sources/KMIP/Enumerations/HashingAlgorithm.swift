/// Hashing Algorithm (KMIP 1.0+; 1.4 §9.1.3.2.16).
public struct HashingAlgorithm: KMIPEnumeration {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let md2 = HashingAlgorithm(rawValue: 0x0000_0001)
    public static let md4 = HashingAlgorithm(rawValue: 0x0000_0002)
    public static let md5 = HashingAlgorithm(rawValue: 0x0000_0003)
    public static let sha1 = HashingAlgorithm(rawValue: 0x0000_0004)
    public static let sha224 = HashingAlgorithm(rawValue: 0x0000_0005)
    public static let sha256 = HashingAlgorithm(rawValue: 0x0000_0006)
    public static let sha384 = HashingAlgorithm(rawValue: 0x0000_0007)
    public static let sha512 = HashingAlgorithm(rawValue: 0x0000_0008)
    public static let ripemd160 = HashingAlgorithm(rawValue: 0x0000_0009)
    public static let tiger = HashingAlgorithm(rawValue: 0x0000_000A)
    public static let whirlpool = HashingAlgorithm(rawValue: 0x0000_000B)
    public static let sha512_224 = HashingAlgorithm(rawValue: 0x0000_000C)
    public static let sha512_256 = HashingAlgorithm(rawValue: 0x0000_000D)
    /// KMIP 1.4+; spelled "SHA-3-224" (XML "SHA_3_224") in 1.4 and "SHA3-224" from 2.0.
    public static let sha3_224 = HashingAlgorithm(rawValue: 0x0000_000E)
    /// KMIP 1.4+; spelled "SHA-3-256" (XML "SHA_3_256") in 1.4 and "SHA3-256" from 2.0.
    public static let sha3_256 = HashingAlgorithm(rawValue: 0x0000_000F)
    /// KMIP 1.4+; spelled "SHA-3-384" (XML "SHA_3_384") in 1.4 and "SHA3-384" from 2.0.
    public static let sha3_384 = HashingAlgorithm(rawValue: 0x0000_0010)
    /// KMIP 1.4+; spelled "SHA-3-512" (XML "SHA_3_512") in 1.4 and "SHA3-512" from 2.0.
    public static let sha3_512 = HashingAlgorithm(rawValue: 0x0000_0011)

    public static let known: [(HashingAlgorithm, String)] = [
        (.md2, "MD2"),
        (.md4, "MD4"),
        (.md5, "MD5"),
        (.sha1, "SHA_1"),
        (.sha224, "SHA_224"),
        (.sha256, "SHA_256"),
        (.sha384, "SHA_384"),
        (.sha512, "SHA_512"),
        (.ripemd160, "RIPEMD_160"),
        (.tiger, "Tiger"),
        (.whirlpool, "Whirlpool"),
        (.sha512_224, "SHA_512_224"),
        (.sha512_256, "SHA_512_256"),
        (.sha3_224, "SHA3_224"),
        (.sha3_256, "SHA3_256"),
        (.sha3_384, "SHA3_384"),
        (.sha3_512, "SHA3_512"),
    ]

    /// Spellings used by other versions of the specification, accepted when parsing and never written.
    public static let aliases: [(HashingAlgorithm, String)] = [
        (.sha3_224, "SHA_3_224"),
        (.sha3_256, "SHA_3_256"),
        (.sha3_384, "SHA_3_384"),
        (.sha3_512, "SHA_3_512"),
    ]
}
