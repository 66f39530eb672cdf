/// PKCS#11 Return Code (KMIP 2.0+; 2.1 §11; values are PKCS#11 CK_RV codes, so none are named here).
public struct PKCS11ReturnCode: KMIPEnumeration {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let known: [(PKCS11ReturnCode, String)] = []
}
