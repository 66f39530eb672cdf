/// Key Compression Type (KMIP 1.0+; 1.4 §9.1.3.2.2).
public struct KeyCompressionType: KMIPEnumeration {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let ecPublicKeyTypeUncompressed = KeyCompressionType(rawValue: 0x0000_0001)
    public static let ecPublicKeyTypeX9_62CompressedPrime = KeyCompressionType(rawValue: 0x0000_0002)
    public static let ecPublicKeyTypeX9_62CompressedChar2 = KeyCompressionType(rawValue: 0x0000_0003)
    public static let ecPublicKeyTypeX9_62Hybrid = KeyCompressionType(rawValue: 0x0000_0004)

    public static let known: [(KeyCompressionType, String)] = [
        (.ecPublicKeyTypeUncompressed, "ECPublicKeyTypeUncompressed"),
        (.ecPublicKeyTypeX9_62CompressedPrime, "ECPublicKeyTypeX9_62CompressedPrime"),
        (.ecPublicKeyTypeX9_62CompressedChar2, "ECPublicKeyTypeX9_62CompressedChar2"),
        (.ecPublicKeyTypeX9_62Hybrid, "ECPublicKeyTypeX9_62Hybrid"),
    ]
}
