/// Protection Storage Mask (KMIP 2.0+; 2.1 §12): a TTLV Integer.
public struct ProtectionStorageMask: KMIPMask {
    public let rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    public static let software = ProtectionStorageMask(rawValue: 0x0000_0001)
    public static let hardware = ProtectionStorageMask(rawValue: 0x0000_0002)
    public static let onProcessor = ProtectionStorageMask(rawValue: 0x0000_0004)
    public static let onSystem = ProtectionStorageMask(rawValue: 0x0000_0008)
    public static let offSystem = ProtectionStorageMask(rawValue: 0x0000_0010)
    public static let hypervisor = ProtectionStorageMask(rawValue: 0x0000_0020)
    public static let operatingSystem = ProtectionStorageMask(rawValue: 0x0000_0040)
    public static let container = ProtectionStorageMask(rawValue: 0x0000_0080)
    public static let onPremises = ProtectionStorageMask(rawValue: 0x0000_0100)
    public static let offPremises = ProtectionStorageMask(rawValue: 0x0000_0200)
    public static let selfManaged = ProtectionStorageMask(rawValue: 0x0000_0400)
    public static let outsourced = ProtectionStorageMask(rawValue: 0x0000_0800)
    public static let validated = ProtectionStorageMask(rawValue: 0x0000_1000)
    public static let sameJurisdiction = ProtectionStorageMask(rawValue: 0x0000_2000)

    public static let known: [(ProtectionStorageMask, String)] = [
        (.software, "Software"),
        (.hardware, "Hardware"),
        (.onProcessor, "OnProcessor"),
        (.onSystem, "OnSystem"),
        (.offSystem, "OffSystem"),
        (.hypervisor, "Hypervisor"),
        (.operatingSystem, "OperatingSystem"),
        (.container, "Container"),
        (.onPremises, "OnPremises"),
        (.offPremises, "OffPremises"),
        (.selfManaged, "SelfManaged"),
        (.outsourced, "Outsourced"),
        (.validated, "Validated"),
        (.sameJurisdiction, "SameJurisdiction"),
    ]
}
