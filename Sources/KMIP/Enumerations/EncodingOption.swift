/// Encoding Option (KMIP 1.1+; 1.4 §9.1.3.2.32).
public struct EncodingOption: KMIPEnumeration {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let noEncoding = EncodingOption(rawValue: 0x0000_0001)
    public static let ttlvEncoding = EncodingOption(rawValue: 0x0000_0002)

    public static let known: [(EncodingOption, String)] = [
        (.noEncoding, "NoEncoding"),
        (.ttlvEncoding, "TTLVEncoding"),
    ]
}
