/// Batch Error Continuation Option (KMIP 1.0+; 1.4 §9.1.3.2.30).
public struct BatchErrorContinuationOption: KMIPEnumeration {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let `continue` = BatchErrorContinuationOption(rawValue: 0x0000_0001)
    public static let stop = BatchErrorContinuationOption(rawValue: 0x0000_0002)
    public static let undo = BatchErrorContinuationOption(rawValue: 0x0000_0003)

    public static let known: [(BatchErrorContinuationOption, String)] = [
        (.`continue`, "Continue"),
        (.stop, "Stop"),
        (.undo, "Undo"),
    ]
}
