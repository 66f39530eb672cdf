/// Storage Status Mask (KMIP 1.0+; 1.4 §9.1.3.3.2, 2.1 §12; used in Locate): a TTLV Integer.
public struct StorageStatusMask: KMIPMask {
    public let rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    public static let onLineStorage = StorageStatusMask(rawValue: 0x0000_0001)
    public static let archivalStorage = StorageStatusMask(rawValue: 0x0000_0002)
    /// KMIP 2.0+.
    public static let destroyedStorage = StorageStatusMask(rawValue: 0x0000_0004)

    public static let known: [(StorageStatusMask, String)] = [
        (.onLineStorage, "OnLineStorage"),
        (.archivalStorage, "ArchivalStorage"),
        (.destroyedStorage, "DestroyedStorage"),
    ]
}
