/// Cancellation Result (KMIP 1.0+; 1.4 §9.1.3.2.25).
public struct CancellationResult: KMIPEnumeration {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let canceled = CancellationResult(rawValue: 0x0000_0001)
    public static let unableToCancel = CancellationResult(rawValue: 0x0000_0002)
    public static let completed = CancellationResult(rawValue: 0x0000_0003)
    public static let failed = CancellationResult(rawValue: 0x0000_0004)
    public static let unavailable = CancellationResult(rawValue: 0x0000_0005)

    public static let known: [(CancellationResult, String)] = [
        (.canceled, "Canceled"),
        (.unableToCancel, "UnableToCancel"),
        (.completed, "Completed"),
        (.failed, "Failed"),
        (.unavailable, "Unavailable"),
    ]
}
