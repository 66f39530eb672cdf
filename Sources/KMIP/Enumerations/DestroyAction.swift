/// Destroy Action (KMIP 1.3+; 1.4 §9.1.3.2.44).
public struct DestroyAction: KMIPEnumeration {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let unspecified = DestroyAction(rawValue: 0x0000_0001)
    public static let keyMaterialDeleted = DestroyAction(rawValue: 0x0000_0002)
    public static let keyMaterialShredded = DestroyAction(rawValue: 0x0000_0003)
    public static let metaDataDeleted = DestroyAction(rawValue: 0x0000_0004)
    public static let metaDataShredded = DestroyAction(rawValue: 0x0000_0005)
    public static let deleted = DestroyAction(rawValue: 0x0000_0006)
    public static let shredded = DestroyAction(rawValue: 0x0000_0007)

    public static let known: [(DestroyAction, String)] = [
        (.unspecified, "Unspecified"),
        (.keyMaterialDeleted, "KeyMaterialDeleted"),
        (.keyMaterialShredded, "KeyMaterialShredded"),
        (.metaDataDeleted, "MetaDataDeleted"),
        (.metaDataShredded, "MetaDataShredded"),
        (.deleted, "Deleted"),
        (.shredded, "Shredded"),
    ]
}
