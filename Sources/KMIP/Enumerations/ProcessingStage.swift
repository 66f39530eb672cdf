/// Processing Stage (KMIP 2.1+; 2.1 §11).
public struct ProcessingStage: KMIPEnumeration {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let submitted = ProcessingStage(rawValue: 0x0000_0001)
    public static let inProcess = ProcessingStage(rawValue: 0x0000_0002)
    public static let completed = ProcessingStage(rawValue: 0x0000_0003)

    public static let known: [(ProcessingStage, String)] = [
        (.submitted, "Submitted"),
        (.inProcess, "InProcess"),
        (.completed, "Completed"),
    ]
}
