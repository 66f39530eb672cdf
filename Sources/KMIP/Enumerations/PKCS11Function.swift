/// PKCS#11 Function (KMIP 2.0+; 2.1 §11; values are the 1-based offset of the function in the PKCS#11 CK_FUNCTION_LIST, so none are named here).
public struct PKCS11Function: KMIPEnumeration {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let known: [(PKCS11Function, String)] = []
}
