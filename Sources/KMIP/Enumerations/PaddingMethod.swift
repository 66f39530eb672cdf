/// Padding Method (KMIP 1.0+; 1.4 §9.1.3.2.15).
public struct PaddingMethod: KMIPEnumeration {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// Named `noPadding`, not `none`, so it never reads as `Optional.none` where a `PaddingMethod?` is expected.
    public static let noPadding = PaddingMethod(rawValue: 0x0000_0001)
    public static let oaep = PaddingMethod(rawValue: 0x0000_0002)
    public static let pkcs5 = PaddingMethod(rawValue: 0x0000_0003)
    public static let ssl3 = PaddingMethod(rawValue: 0x0000_0004)
    public static let zeros = PaddingMethod(rawValue: 0x0000_0005)
    public static let ansix9_23 = PaddingMethod(rawValue: 0x0000_0006)
    public static let iso10126 = PaddingMethod(rawValue: 0x0000_0007)
    public static let pkcs1V1_5 = PaddingMethod(rawValue: 0x0000_0008)
    public static let x9_31 = PaddingMethod(rawValue: 0x0000_0009)
    public static let pss = PaddingMethod(rawValue: 0x0000_000A)

    public static let known: [(PaddingMethod, String)] = [
        (.noPadding, "None"),
        (.oaep, "OAEP"),
        (.pkcs5, "PKCS5"),
        (.ssl3, "SSL3"),
        (.zeros, "Zeros"),
        (.ansix9_23, "ANSIX9_23"),
        (.iso10126, "ISO10126"),
        (.pkcs1V1_5, "PKCS1V1_5"),
        (.x9_31, "X9_31"),
        (.pss, "PSS"),
    ]
}
