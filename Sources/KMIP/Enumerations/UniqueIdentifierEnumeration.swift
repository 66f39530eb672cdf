/// Unique Identifier (KMIP 2.0+; 2.1 §11 ("Unique Identifier Enumeration"): placeholders a request may use instead of a Unique Identifier text string).
public struct UniqueIdentifierEnumeration: KMIPEnumeration {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let idPlaceholder = UniqueIdentifierEnumeration(rawValue: 0x0000_0001)
    public static let certify = UniqueIdentifierEnumeration(rawValue: 0x0000_0002)
    public static let create = UniqueIdentifierEnumeration(rawValue: 0x0000_0003)
    public static let createKeyPair = UniqueIdentifierEnumeration(rawValue: 0x0000_0004)
    public static let createKeyPairPrivateKey = UniqueIdentifierEnumeration(rawValue: 0x0000_0005)
    public static let createKeyPairPublicKey = UniqueIdentifierEnumeration(rawValue: 0x0000_0006)
    public static let createSplitKey = UniqueIdentifierEnumeration(rawValue: 0x0000_0007)
    public static let deriveKey = UniqueIdentifierEnumeration(rawValue: 0x0000_0008)
    public static let `import` = UniqueIdentifierEnumeration(rawValue: 0x0000_0009)
    public static let joinSplitKey = UniqueIdentifierEnumeration(rawValue: 0x0000_000A)
    public static let locate = UniqueIdentifierEnumeration(rawValue: 0x0000_000B)
    public static let register = UniqueIdentifierEnumeration(rawValue: 0x0000_000C)
    public static let reKey = UniqueIdentifierEnumeration(rawValue: 0x0000_000D)
    public static let reCertify = UniqueIdentifierEnumeration(rawValue: 0x0000_000E)
    public static let reKeyKeyPair = UniqueIdentifierEnumeration(rawValue: 0x0000_000F)
    public static let reKeyKeyPairPrivateKey = UniqueIdentifierEnumeration(rawValue: 0x0000_0010)
    public static let reKeyKeyPairPublicKey = UniqueIdentifierEnumeration(rawValue: 0x0000_0011)

    public static let known: [(UniqueIdentifierEnumeration, String)] = [
        (.idPlaceholder, "IDPlaceholder"),
        (.certify, "Certify"),
        (.create, "Create"),
        (.createKeyPair, "CreateKeyPair"),
        (.createKeyPairPrivateKey, "CreateKeyPairPrivateKey"),
        (.createKeyPairPublicKey, "CreateKeyPairPublicKey"),
        (.createSplitKey, "CreateSplitKey"),
        (.deriveKey, "DeriveKey"),
        (.`import`, "Import"),
        (.joinSplitKey, "JoinSplitKey"),
        (.locate, "Locate"),
        (.register, "Register"),
        (.reKey, "ReKey"),
        (.reCertify, "ReCertify"),
        (.reKeyKeyPair, "ReKeyKeyPair"),
        (.reKeyKeyPairPrivateKey, "ReKeyKeyPairPrivateKey"),
        (.reKeyKeyPairPublicKey, "ReKeyKeyPairPublicKey"),
    ]
}
