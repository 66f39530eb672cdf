/// Key Role Type (KMIP 1.0+; 1.4 §9.1.3.2.17).
public struct KeyRoleType: KMIPEnumeration {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let bdk = KeyRoleType(rawValue: 0x0000_0001)
    public static let cvk = KeyRoleType(rawValue: 0x0000_0002)
    public static let dek = KeyRoleType(rawValue: 0x0000_0003)
    public static let mkac = KeyRoleType(rawValue: 0x0000_0004)
    public static let mksmc = KeyRoleType(rawValue: 0x0000_0005)
    public static let mksmi = KeyRoleType(rawValue: 0x0000_0006)
    public static let mkdac = KeyRoleType(rawValue: 0x0000_0007)
    public static let mkdn = KeyRoleType(rawValue: 0x0000_0008)
    public static let mkcp = KeyRoleType(rawValue: 0x0000_0009)
    public static let mkoth = KeyRoleType(rawValue: 0x0000_000A)
    public static let kek = KeyRoleType(rawValue: 0x0000_000B)
    public static let mac16609 = KeyRoleType(rawValue: 0x0000_000C)
    public static let mac97971 = KeyRoleType(rawValue: 0x0000_000D)
    public static let mac97972 = KeyRoleType(rawValue: 0x0000_000E)
    public static let mac97973 = KeyRoleType(rawValue: 0x0000_000F)
    public static let mac97974 = KeyRoleType(rawValue: 0x0000_0010)
    public static let mac97975 = KeyRoleType(rawValue: 0x0000_0011)
    public static let zpk = KeyRoleType(rawValue: 0x0000_0012)
    public static let pvkibm = KeyRoleType(rawValue: 0x0000_0013)
    public static let pvkpvv = KeyRoleType(rawValue: 0x0000_0014)
    public static let pvkoth = KeyRoleType(rawValue: 0x0000_0015)
    public static let dukpt = KeyRoleType(rawValue: 0x0000_0016)
    public static let iv = KeyRoleType(rawValue: 0x0000_0017)
    public static let trkbk = KeyRoleType(rawValue: 0x0000_0018)

    public static let known: [(KeyRoleType, String)] = [
        (.bdk, "BDK"),
        (.cvk, "CVK"),
        (.dek, "DEK"),
        (.mkac, "MKAC"),
        (.mksmc, "MKSMC"),
        (.mksmi, "MKSMI"),
        (.mkdac, "MKDAC"),
        (.mkdn, "MKDN"),
        (.mkcp, "MKCP"),
        (.mkoth, "MKOTH"),
        (.kek, "KEK"),
        (.mac16609, "MAC16609"),
        (.mac97971, "MAC97971"),
        (.mac97972, "MAC97972"),
        (.mac97973, "MAC97973"),
        (.mac97974, "MAC97974"),
        (.mac97975, "MAC97975"),
        (.zpk, "ZPK"),
        (.pvkibm, "PVKIBM"),
        (.pvkpvv, "PVKPVV"),
        (.pvkoth, "PVKOTH"),
        (.dukpt, "DUKPT"),
        (.iv, "IV"),
        (.trkbk, "TRKBK"),
    ]
}
