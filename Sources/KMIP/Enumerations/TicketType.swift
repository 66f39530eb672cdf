/// Ticket Type (KMIP 2.0+; 2.1 §11).
public struct TicketType: KMIPEnumeration {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let login = TicketType(rawValue: 0x0000_0001)

    public static let known: [(TicketType, String)] = [
        (.login, "Login"),
    ]
}
