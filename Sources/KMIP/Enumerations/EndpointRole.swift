/// Endpoint Role (KMIP 2.0+; 2.1 §11).
public struct EndpointRole: KMIPEnumeration {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let client = EndpointRole(rawValue: 0x0000_0001)
    public static let server = EndpointRole(rawValue: 0x0000_0002)

    public static let known: [(EndpointRole, String)] = [
        (.client, "Client"),
        (.server, "Server"),
    ]
}
