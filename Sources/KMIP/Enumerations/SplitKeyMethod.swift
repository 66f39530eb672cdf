/// Split Key Method (KMIP 1.0+; 1.4 §9.1.3.2.8).
public struct SplitKeyMethod: KMIPEnumeration {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let xor = SplitKeyMethod(rawValue: 0x0000_0001)
    public static let polynomialSharingGF2_16 = SplitKeyMethod(rawValue: 0x0000_0002)
    public static let polynomialSharingPrimeField = SplitKeyMethod(rawValue: 0x0000_0003)
    public static let polynomialSharingGF2_8 = SplitKeyMethod(rawValue: 0x0000_0004)

    public static let known: [(SplitKeyMethod, String)] = [
        (.xor, "XOR"),
        (.polynomialSharingGF2_16, "PolynomialSharingGF2_16"),
        (.polynomialSharingPrimeField, "PolynomialSharingPrimeField"),
        (.polynomialSharingGF2_8, "PolynomialSharingGF2_8"),
    ]
}
