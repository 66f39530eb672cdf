/// Interop Function (KMIP 2.0+; 2.1 §11).
public struct InteropFunction: KMIPEnumeration {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let begin = InteropFunction(rawValue: 0x0000_0001)
    public static let end = InteropFunction(rawValue: 0x0000_0002)
    public static let reset = InteropFunction(rawValue: 0x0000_0003)

    public static let known: [(InteropFunction, String)] = [
        (.begin, "Begin"),
        (.end, "End"),
        (.reset, "Reset"),
    ]
}
