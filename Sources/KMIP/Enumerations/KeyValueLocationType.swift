/// Key Value Location Type (KMIP 1.2+; 1.4 §9.1.3.2.35).
public struct KeyValueLocationType: KMIPEnumeration {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let uninterpretedTextString = KeyValueLocationType(rawValue: 0x0000_0001)
    public static let uri = KeyValueLocationType(rawValue: 0x0000_0002)

    public static let known: [(KeyValueLocationType, String)] = [
        (.uninterpretedTextString, "UninterpretedTextString"),
        (.uri, "URI"),
    ]
}
