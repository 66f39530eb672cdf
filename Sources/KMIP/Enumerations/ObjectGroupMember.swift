/// Object Group Member (KMIP 1.1+; 1.4 §9.1.3.2.33).
public struct ObjectGroupMember: KMIPEnumeration {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let groupMemberFresh = ObjectGroupMember(rawValue: 0x0000_0001)
    public static let groupMemberDefault = ObjectGroupMember(rawValue: 0x0000_0002)

    public static let known: [(ObjectGroupMember, String)] = [
        (.groupMemberFresh, "GroupMemberFresh"),
        (.groupMemberDefault, "GroupMemberDefault"),
    ]
}
