/// Block Cipher Mode (KMIP 1.0+; 1.4 §9.1.3.2.14).
public struct BlockCipherMode: KMIPEnumeration {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let cbc = BlockCipherMode(rawValue: 0x0000_0001)
    public static let ecb = BlockCipherMode(rawValue: 0x0000_0002)
    public static let pcbc = BlockCipherMode(rawValue: 0x0000_0003)
    public static let cfb = BlockCipherMode(rawValue: 0x0000_0004)
    public static let ofb = BlockCipherMode(rawValue: 0x0000_0005)
    public static let ctr = BlockCipherMode(rawValue: 0x0000_0006)
    public static let cmac = BlockCipherMode(rawValue: 0x0000_0007)
    public static let ccm = BlockCipherMode(rawValue: 0x0000_0008)
    public static let gcm = BlockCipherMode(rawValue: 0x0000_0009)
    public static let cbcMAC = BlockCipherMode(rawValue: 0x0000_000A)
    public static let xts = BlockCipherMode(rawValue: 0x0000_000B)
    public static let aesKeyWrapPadding = BlockCipherMode(rawValue: 0x0000_000C)
    public static let nistKeyWrap = BlockCipherMode(rawValue: 0x0000_000D)
    public static let x9_102AESKW = BlockCipherMode(rawValue: 0x0000_000E)
    public static let x9_102TDKW = BlockCipherMode(rawValue: 0x0000_000F)
    public static let x9_102AKW1 = BlockCipherMode(rawValue: 0x0000_0010)
    public static let x9_102AKW2 = BlockCipherMode(rawValue: 0x0000_0011)
    public static let aead = BlockCipherMode(rawValue: 0x0000_0012)

    public static let known: [(BlockCipherMode, String)] = [
        (.cbc, "CBC"),
        (.ecb, "ECB"),
        (.pcbc, "PCBC"),
        (.cfb, "CFB"),
        (.ofb, "OFB"),
        (.ctr, "CTR"),
        (.cmac, "CMAC"),
        (.ccm, "CCM"),
        (.gcm, "GCM"),
        (.cbcMAC, "CBC_MAC"),
        (.xts, "XTS"),
        (.aesKeyWrapPadding, "AESKeyWrapPadding"),
        (.nistKeyWrap, "NISTKeyWrap"),
        (.x9_102AESKW, "X9_102AESKW"),
        (.x9_102TDKW, "X9_102TDKW"),
        (.x9_102AKW1, "X9_102AKW1"),
        (.x9_102AKW2, "X9_102AKW2"),
        (.aead, "AEAD"),
    ]
}
