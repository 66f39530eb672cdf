/// Unwrap Mode (KMIP 1.3+; 1.4 §9.1.3.2.43).
public struct UnwrapMode: KMIPEnumeration {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let unspecified = UnwrapMode(rawValue: 0x0000_0001)
    public static let processed = UnwrapMode(rawValue: 0x0000_0002)
    public static let notProcessed = UnwrapMode(rawValue: 0x0000_0003)

    public static let known: [(UnwrapMode, String)] = [
        (.unspecified, "Unspecified"),
        (.processed, "Processed"),
        (.notProcessed, "NotProcessed"),
    ]
}
