/// Object Type (KMIP 1.0+; 1.4 §9.1.3.2.12, 2.1 §11).
public struct ObjectType: KMIPEnumeration {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let certificate = ObjectType(rawValue: 0x0000_0001)
    public static let symmetricKey = ObjectType(rawValue: 0x0000_0002)
    public static let publicKey = ObjectType(rawValue: 0x0000_0003)
    public static let privateKey = ObjectType(rawValue: 0x0000_0004)
    public static let splitKey = ObjectType(rawValue: 0x0000_0005)
    /// KMIP 1.x only; reserved in 2.0.
    public static let template = ObjectType(rawValue: 0x0000_0006)
    public static let secretData = ObjectType(rawValue: 0x0000_0007)
    public static let opaqueObject = ObjectType(rawValue: 0x0000_0008)
    /// KMIP 1.2+.
    public static let pgpKey = ObjectType(rawValue: 0x0000_0009)
    /// KMIP 2.0+.
    public static let certificateRequest = ObjectType(rawValue: 0x0000_000A)

    public static let known: [(ObjectType, String)] = [
        (.certificate, "Certificate"),
        (.symmetricKey, "SymmetricKey"),
        (.publicKey, "PublicKey"),
        (.privateKey, "PrivateKey"),
        (.splitKey, "SplitKey"),
        (.template, "Template"),
        (.secretData, "SecretData"),
        (.opaqueObject, "OpaqueObject"),
        (.pgpKey, "PGPKey"),
        (.certificateRequest, "CertificateRequest"),
    ]
}
