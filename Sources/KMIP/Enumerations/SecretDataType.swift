/// Secret Data Type (KMIP 1.0+; 1.4 §9.1.3.2.9).
public struct SecretDataType: KMIPEnumeration {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let password = SecretDataType(rawValue: 0x0000_0001)
    public static let seed = SecretDataType(rawValue: 0x0000_0002)

    public static let known: [(SecretDataType, String)] = [
        (.password, "Password"),
        (.seed, "Seed"),
    ]
}
