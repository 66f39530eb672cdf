/// FIPS186 Variation (KMIP 1.3+; 1.4 §9.1.3.2.39).
public struct FIPS186Variation: KMIPEnumeration {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let unspecified = FIPS186Variation(rawValue: 0x0000_0001)
    public static let gpxOriginal = FIPS186Variation(rawValue: 0x0000_0002)
    public static let gpxChangeNotice = FIPS186Variation(rawValue: 0x0000_0003)
    public static let xOriginal = FIPS186Variation(rawValue: 0x0000_0004)
    public static let xChangeNotice = FIPS186Variation(rawValue: 0x0000_0005)
    public static let kOriginal = FIPS186Variation(rawValue: 0x0000_0006)
    public static let kChangeNotice = FIPS186Variation(rawValue: 0x0000_0007)

    public static let known: [(FIPS186Variation, String)] = [
        (.unspecified, "Unspecified"),
        (.gpxOriginal, "GPXOriginal"),
        (.gpxChangeNotice, "GPXChangeNotice"),
        (.xOriginal, "XOriginal"),
        (.xChangeNotice, "XChangeNotice"),
        (.kOriginal, "KOriginal"),
        (.kChangeNotice, "KChangeNotice"),
    ]
}
