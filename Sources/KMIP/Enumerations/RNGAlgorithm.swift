/// RNG Algorithm (KMIP 1.3+; 1.4 §9.1.3.2.37).
public struct RNGAlgorithm: KMIPEnumeration {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let unspecified = RNGAlgorithm(rawValue: 0x0000_0001)
    public static let fips186_2 = RNGAlgorithm(rawValue: 0x0000_0002)
    public static let drbg = RNGAlgorithm(rawValue: 0x0000_0003)
    public static let nrbg = RNGAlgorithm(rawValue: 0x0000_0004)
    public static let ansix9_31 = RNGAlgorithm(rawValue: 0x0000_0005)
    public static let ansix9_62 = RNGAlgorithm(rawValue: 0x0000_0006)

    public static let known: [(RNGAlgorithm, String)] = [
        (.unspecified, "Unspecified"),
        (.fips186_2, "FIPS186_2"),
        (.drbg, "DRBG"),
        (.nrbg, "NRBG"),
        (.ansix9_31, "ANSIX9_31"),
        (.ansix9_62, "ANSIX9_62"),
    ]
}
