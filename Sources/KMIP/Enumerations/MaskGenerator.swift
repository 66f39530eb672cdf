/// Mask Generator (KMIP 1.4+; 1.4 §9.1.3.2.49).
public struct MaskGenerator: KMIPEnumeration {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let mgf1 = MaskGenerator(rawValue: 0x0000_0001)

    public static let known: [(MaskGenerator, String)] = [
        (.mgf1, "MGF1"),
    ]

    /// Spellings used by other versions of the specification, accepted when parsing and never written.
    public static let aliases: [(MaskGenerator, String)] = [
        (.mgf1, "MFG1"),
    ]
}
