/// Client Registration Method (KMIP 1.3+; 1.4 §9.1.3.2.47).
public struct ClientRegistrationMethod: KMIPEnumeration {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let unspecified = ClientRegistrationMethod(rawValue: 0x0000_0001)
    public static let serverPreGenerated = ClientRegistrationMethod(rawValue: 0x0000_0002)
    public static let serverOnDemand = ClientRegistrationMethod(rawValue: 0x0000_0003)
    public static let clientGenerated = ClientRegistrationMethod(rawValue: 0x0000_0004)
    public static let clientRegistered = ClientRegistrationMethod(rawValue: 0x0000_0005)

    public static let known: [(ClientRegistrationMethod, String)] = [
        (.unspecified, "Unspecified"),
        (.serverPreGenerated, "ServerPreGenerated"),
        (.serverOnDemand, "ServerOnDemand"),
        (.clientGenerated, "ClientGenerated"),
        (.clientRegistered, "ClientRegistered"),
    ]
}
