/// Data (KMIP 2.0+; 2.1 §11 ("Data Enumeration")).
public struct DataEnumeration: KMIPEnumeration {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let decrypt = DataEnumeration(rawValue: 0x0000_0001)
    public static let encrypt = DataEnumeration(rawValue: 0x0000_0002)
    public static let hash = DataEnumeration(rawValue: 0x0000_0003)
    public static let macMACData = DataEnumeration(rawValue: 0x0000_0004)
    public static let rngRetrieve = DataEnumeration(rawValue: 0x0000_0005)
    public static let signSignatureData = DataEnumeration(rawValue: 0x0000_0006)
    public static let signatureVerify = DataEnumeration(rawValue: 0x0000_0007)

    public static let known: [(DataEnumeration, String)] = [
        (.decrypt, "Decrypt"),
        (.encrypt, "Encrypt"),
        (.hash, "Hash"),
        (.macMACData, "MACMACData"),
        (.rngRetrieve, "RNGRetrieve"),
        (.signSignatureData, "SignSignatureData"),
        (.signatureVerify, "SignatureVerify"),
    ]
}
