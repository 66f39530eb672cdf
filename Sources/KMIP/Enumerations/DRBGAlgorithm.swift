/// DRBG Algorithm (KMIP 1.3+; 1.4 §9.1.3.2.38).
public struct DRBGAlgorithm: KMIPEnumeration {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let unspecified = DRBGAlgorithm(rawValue: 0x0000_0001)
    public static let dualEC = DRBGAlgorithm(rawValue: 0x0000_0002)
    public static let hash = DRBGAlgorithm(rawValue: 0x0000_0003)
    public static let hmac = DRBGAlgorithm(rawValue: 0x0000_0004)
    public static let ctr = DRBGAlgorithm(rawValue: 0x0000_0005)

    public static let known: [(DRBGAlgorithm, String)] = [
        (.unspecified, "Unspecified"),
        (.dualEC, "Dual_EC"),
        (.hash, "Hash"),
        (.hmac, "HMAC"),
        (.ctr, "CTR"),
    ]
}
