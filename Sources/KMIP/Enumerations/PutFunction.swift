/// Put Function (KMIP 1.0+; 1.4 §9.1.3.2.26).
public struct PutFunction: KMIPEnumeration {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let new = PutFunction(rawValue: 0x0000_0001)
    public static let replace = PutFunction(rawValue: 0x0000_0002)

    public static let known: [(PutFunction, String)] = [
        (.new, "New"),
        (.replace, "Replace"),
    ]
}
