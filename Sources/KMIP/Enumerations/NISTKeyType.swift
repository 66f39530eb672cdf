/// NIST Key Type (KMIP 2.0+; 2.1 §11).
public struct NISTKeyType: KMIPEnumeration {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let privateSignatureKey = NISTKeyType(rawValue: 0x0000_0001)
    public static let publicSignatureVerificationKey = NISTKeyType(rawValue: 0x0000_0002)
    public static let symmetricAuthenticationKey = NISTKeyType(rawValue: 0x0000_0003)
    public static let privateAuthenticationKey = NISTKeyType(rawValue: 0x0000_0004)
    public static let publicAuthenticationKey = NISTKeyType(rawValue: 0x0000_0005)
    public static let symmetricDataEncryptionKey = NISTKeyType(rawValue: 0x0000_0006)
    public static let symmetricKeyWrappingKey = NISTKeyType(rawValue: 0x0000_0007)
    public static let symmetricRandomNumberGenerationKey = NISTKeyType(rawValue: 0x0000_0008)
    public static let symmetricMasterKey = NISTKeyType(rawValue: 0x0000_0009)
    public static let privateKeyTransportKey = NISTKeyType(rawValue: 0x0000_000A)
    public static let publicKeyTransportKey = NISTKeyType(rawValue: 0x0000_000B)
    public static let symmetricKeyAgreementKey = NISTKeyType(rawValue: 0x0000_000C)
    public static let privateStaticKeyAgreementKey = NISTKeyType(rawValue: 0x0000_000D)
    public static let publicStaticKeyAgreementKey = NISTKeyType(rawValue: 0x0000_000E)
    public static let privateEphemeralKeyAgreementKey = NISTKeyType(rawValue: 0x0000_000F)
    public static let publicEphemeralKeyAgreementKey = NISTKeyType(rawValue: 0x0000_0010)
    public static let symmetricAuthorizationKey = NISTKeyType(rawValue: 0x0000_0011)
    public static let privateAuthorizationKey = NISTKeyType(rawValue: 0x0000_0012)
    public static let publicAuthorizationKey = NISTKeyType(rawValue: 0x0000_0013)

    public static let known: [(NISTKeyType, String)] = [
        (.privateSignatureKey, "PrivateSignatureKey"),
        (.publicSignatureVerificationKey, "PublicSignatureVerificationKey"),
        (.symmetricAuthenticationKey, "SymmetricAuthenticationKey"),
        (.privateAuthenticationKey, "PrivateAuthenticationKey"),
        (.publicAuthenticationKey, "PublicAuthenticationKey"),
        (.symmetricDataEncryptionKey, "SymmetricDataEncryptionKey"),
        (.symmetricKeyWrappingKey, "SymmetricKeyWrappingKey"),
        (.symmetricRandomNumberGenerationKey, "SymmetricRandomNumberGenerationKey"),
        (.symmetricMasterKey, "SymmetricMasterKey"),
        (.privateKeyTransportKey, "PrivateKeyTransportKey"),
        (.publicKeyTransportKey, "PublicKeyTransportKey"),
        (.symmetricKeyAgreementKey, "SymmetricKeyAgreementKey"),
        (.privateStaticKeyAgreementKey, "PrivateStaticKeyAgreementKey"),
        (.publicStaticKeyAgreementKey, "PublicStaticKeyAgreementKey"),
        (.privateEphemeralKeyAgreementKey, "PrivateEphemeralKeyAgreementKey"),
        (.publicEphemeralKeyAgreementKey, "PublicEphemeralKeyAgreementKey"),
        (.symmetricAuthorizationKey, "SymmetricAuthorizationKey"),
        (.privateAuthorizationKey, "PrivateAuthorizationKey"),
        (.publicAuthorizationKey, "PublicAuthorizationKey"),
    ]
}
