/// Shredding Algorithm (KMIP 1.3+; 1.4 §9.1.3.2.45).
public struct ShreddingAlgorithm: KMIPEnumeration {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let unspecified = ShreddingAlgorithm(rawValue: 0x0000_0001)
    public static let cryptographic = ShreddingAlgorithm(rawValue: 0x0000_0002)
    public static let unsupported = ShreddingAlgorithm(rawValue: 0x0000_0003)

    public static let known: [(ShreddingAlgorithm, String)] = [
        (.unspecified, "Unspecified"),
        (.cryptographic, "Cryptographic"),
        (.unsupported, "Unsupported"),
    ]
}
