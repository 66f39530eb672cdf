/// Opaque Data Type (KMIP 1.0+; 1.4 §9.1.3.2.10; the specification defines only the extension range 8XXXXXXX).
public struct OpaqueDataType: KMIPEnumeration {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let known: [(OpaqueDataType, String)] = []
}
