/// RNG Mode (KMIP 1.3+; 1.4 §9.1.3.2.46).
public struct RNGMode: KMIPEnumeration {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let unspecified = RNGMode(rawValue: 0x0000_0001)
    public static let sharedInstantiation = RNGMode(rawValue: 0x0000_0002)
    public static let nonSharedInstantiation = RNGMode(rawValue: 0x0000_0003)

    public static let known: [(RNGMode, String)] = [
        (.unspecified, "Unspecified"),
        (.sharedInstantiation, "SharedInstantiation"),
        (.nonSharedInstantiation, "NonSharedInstantiation"),
    ]
}
