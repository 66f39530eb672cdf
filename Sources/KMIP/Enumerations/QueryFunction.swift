/// Query Function (KMIP 1.0+; 1.4 §9.1.3.2.24).
public struct QueryFunction: KMIPEnumeration {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let queryOperations = QueryFunction(rawValue: 0x0000_0001)
    public static let queryObjects = QueryFunction(rawValue: 0x0000_0002)
    public static let queryServerInformation = QueryFunction(rawValue: 0x0000_0003)
    public static let queryApplicationNamespaces = QueryFunction(rawValue: 0x0000_0004)
    public static let queryExtensionList = QueryFunction(rawValue: 0x0000_0005)
    public static let queryExtensionMap = QueryFunction(rawValue: 0x0000_0006)
    public static let queryAttestationTypes = QueryFunction(rawValue: 0x0000_0007)
    public static let queryRNGs = QueryFunction(rawValue: 0x0000_0008)
    public static let queryValidations = QueryFunction(rawValue: 0x0000_0009)
    public static let queryProfiles = QueryFunction(rawValue: 0x0000_000A)
    public static let queryCapabilities = QueryFunction(rawValue: 0x0000_000B)
    public static let queryClientRegistrationMethods = QueryFunction(rawValue: 0x0000_000C)
    /// KMIP 2.0+.
    public static let queryDefaultsInformation = QueryFunction(rawValue: 0x0000_000D)
    /// KMIP 2.0+.
    public static let queryStorageProtectionMasks = QueryFunction(rawValue: 0x0000_000E)

    public static let known: [(QueryFunction, String)] = [
        (.queryOperations, "QueryOperations"),
        (.queryObjects, "QueryObjects"),
        (.queryServerInformation, "QueryServerInformation"),
        (.queryApplicationNamespaces, "QueryApplicationNamespaces"),
        (.queryExtensionList, "QueryExtensionList"),
        (.queryExtensionMap, "QueryExtensionMap"),
        (.queryAttestationTypes, "QueryAttestationTypes"),
        (.queryRNGs, "QueryRNGs"),
        (.queryValidations, "QueryValidations"),
        (.queryProfiles, "QueryProfiles"),
        (.queryCapabilities, "QueryCapabilities"),
        (.queryClientRegistrationMethods, "QueryClientRegistrationMethods"),
        (.queryDefaultsInformation, "QueryDefaultsInformation"),
        (.queryStorageProtectionMasks, "QueryStorageProtectionMasks"),
    ]
}
