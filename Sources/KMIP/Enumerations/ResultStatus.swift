/// Result Status (KMIP 1.0+; 1.4 §9.1.3.2.28).
public struct ResultStatus: KMIPEnumeration {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let success = ResultStatus(rawValue: 0x0000_0000)
    public static let operationFailed = ResultStatus(rawValue: 0x0000_0001)
    public static let operationPending = ResultStatus(rawValue: 0x0000_0002)
    public static let operationUndone = ResultStatus(rawValue: 0x0000_0003)

    public static let known: [(ResultStatus, String)] = [
        (.success, "Success"),
        (.operationFailed, "OperationFailed"),
        (.operationPending, "OperationPending"),
        (.operationUndone, "OperationUndone"),
    ]
}
