/// Adjustment Type (KMIP 2.0+; 2.1 §11).
public struct AdjustmentType: KMIPEnumeration {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let increment = AdjustmentType(rawValue: 0x0000_0001)
    public static let decrement = AdjustmentType(rawValue: 0x0000_0002)
    public static let negate = AdjustmentType(rawValue: 0x0000_0003)

    public static let known: [(AdjustmentType, String)] = [
        (.increment, "Increment"),
        (.decrement, "Decrement"),
        (.negate, "Negate"),
    ]
}
