/// Asynchronous Indicator (KMIP 2.0+; 2.1 §11; a Boolean in KMIP 1.x).
public struct AsynchronousIndicator: KMIPEnumeration {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let mandatory = AsynchronousIndicator(rawValue: 0x0000_0001)
    public static let optional = AsynchronousIndicator(rawValue: 0x0000_0002)
    public static let prohibited = AsynchronousIndicator(rawValue: 0x0000_0003)

    public static let known: [(AsynchronousIndicator, String)] = [
        (.mandatory, "Mandatory"),
        (.optional, "Optional"),
        (.prohibited, "Prohibited"),
    ]
}
