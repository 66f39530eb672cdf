/// State (KMIP 1.0+; 1.4 §9.1.3.2.18).
public struct State: KMIPEnumeration {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let preActive = State(rawValue: 0x0000_0001)
    public static let active = State(rawValue: 0x0000_0002)
    public static let deactivated = State(rawValue: 0x0000_0003)
    public static let compromised = State(rawValue: 0x0000_0004)
    public static let destroyed = State(rawValue: 0x0000_0005)
    public static let destroyedCompromised = State(rawValue: 0x0000_0006)

    public static let known: [(State, String)] = [
        (.preActive, "PreActive"),
        (.active, "Active"),
        (.deactivated, "Deactivated"),
        (.compromised, "Compromised"),
        (.destroyed, "Destroyed"),
        (.destroyedCompromised, "DestroyedCompromised"),
    ]
}
