/// Wrapping Method (KMIP 1.0+; 1.4 §9.1.3.2.4).
public struct WrappingMethod: KMIPEnumeration {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let encrypt = WrappingMethod(rawValue: 0x0000_0001)
    public static let macSign = WrappingMethod(rawValue: 0x0000_0002)
    public static let encryptThenMACSign = WrappingMethod(rawValue: 0x0000_0003)
    public static let macSignThenEncrypt = WrappingMethod(rawValue: 0x0000_0004)
    public static let tr31 = WrappingMethod(rawValue: 0x0000_0005)

    public static let known: [(WrappingMethod, String)] = [
        (.encrypt, "Encrypt"),
        (.macSign, "MACSign"),
        (.encryptThenMACSign, "EncryptThenMACSign"),
        (.macSignThenEncrypt, "MACSignThenEncrypt"),
        (.tr31, "TR_31"),
    ]
}
