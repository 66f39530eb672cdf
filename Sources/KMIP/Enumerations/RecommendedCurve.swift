/// Recommended Curve (KMIP 1.0+; 1.4 §9.1.3.2.5).
public struct RecommendedCurve: KMIPEnumeration {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let p192 = RecommendedCurve(rawValue: 0x0000_0001)
    public static let k163 = RecommendedCurve(rawValue: 0x0000_0002)
    public static let b163 = RecommendedCurve(rawValue: 0x0000_0003)
    public static let p224 = RecommendedCurve(rawValue: 0x0000_0004)
    public static let k233 = RecommendedCurve(rawValue: 0x0000_0005)
    public static let b233 = RecommendedCurve(rawValue: 0x0000_0006)
    public static let p256 = RecommendedCurve(rawValue: 0x0000_0007)
    public static let k283 = RecommendedCurve(rawValue: 0x0000_0008)
    public static let b283 = RecommendedCurve(rawValue: 0x0000_0009)
    public static let p384 = RecommendedCurve(rawValue: 0x0000_000A)
    public static let k409 = RecommendedCurve(rawValue: 0x0000_000B)
    public static let b409 = RecommendedCurve(rawValue: 0x0000_000C)
    public static let p521 = RecommendedCurve(rawValue: 0x0000_000D)
    public static let k571 = RecommendedCurve(rawValue: 0x0000_000E)
    public static let b571 = RecommendedCurve(rawValue: 0x0000_000F)
    public static let secp112R1 = RecommendedCurve(rawValue: 0x0000_0010)
    public static let secp112R2 = RecommendedCurve(rawValue: 0x0000_0011)
    public static let secp128R1 = RecommendedCurve(rawValue: 0x0000_0012)
    public static let secp128R2 = RecommendedCurve(rawValue: 0x0000_0013)
    public static let secp160K1 = RecommendedCurve(rawValue: 0x0000_0014)
    public static let secp160R1 = RecommendedCurve(rawValue: 0x0000_0015)
    public static let secp160R2 = RecommendedCurve(rawValue: 0x0000_0016)
    public static let secp192K1 = RecommendedCurve(rawValue: 0x0000_0017)
    public static let secp224K1 = RecommendedCurve(rawValue: 0x0000_0018)
    public static let secp256K1 = RecommendedCurve(rawValue: 0x0000_0019)
    public static let sect113R1 = RecommendedCurve(rawValue: 0x0000_001A)
    public static let sect113R2 = RecommendedCurve(rawValue: 0x0000_001B)
    public static let sect131R1 = RecommendedCurve(rawValue: 0x0000_001C)
    public static let sect131R2 = RecommendedCurve(rawValue: 0x0000_001D)
    public static let sect163R1 = RecommendedCurve(rawValue: 0x0000_001E)
    public static let sect193R1 = RecommendedCurve(rawValue: 0x0000_001F)
    public static let sect193R2 = RecommendedCurve(rawValue: 0x0000_0020)
    public static let sect239K1 = RecommendedCurve(rawValue: 0x0000_0021)
    public static let ansix9P192V2 = RecommendedCurve(rawValue: 0x0000_0022)
    public static let ansix9P192V3 = RecommendedCurve(rawValue: 0x0000_0023)
    public static let ansix9P239V1 = RecommendedCurve(rawValue: 0x0000_0024)
    public static let ansix9P239V2 = RecommendedCurve(rawValue: 0x0000_0025)
    public static let ansix9P239V3 = RecommendedCurve(rawValue: 0x0000_0026)
    public static let ansix9C2PNB163V1 = RecommendedCurve(rawValue: 0x0000_0027)
    public static let ansix9C2PNB163V2 = RecommendedCurve(rawValue: 0x0000_0028)
    public static let ansix9C2PNB163V3 = RecommendedCurve(rawValue: 0x0000_0029)
    public static let ansix9C2PNB176V1 = RecommendedCurve(rawValue: 0x0000_002A)
    public static let ansix9C2TNB191V1 = RecommendedCurve(rawValue: 0x0000_002B)
    public static let ansix9C2TNB191V2 = RecommendedCurve(rawValue: 0x0000_002C)
    public static let ansix9C2TNB191V3 = RecommendedCurve(rawValue: 0x0000_002D)
    public static let ansix9C2PNB208W1 = RecommendedCurve(rawValue: 0x0000_002E)
    public static let ansix9C2TNB239V1 = RecommendedCurve(rawValue: 0x0000_002F)
    public static let ansix9C2TNB239V2 = RecommendedCurve(rawValue: 0x0000_0030)
    public static let ansix9C2TNB239V3 = RecommendedCurve(rawValue: 0x0000_0031)
    public static let ansix9C2PNB272W1 = RecommendedCurve(rawValue: 0x0000_0032)
    public static let ansix9C2PNB304W1 = RecommendedCurve(rawValue: 0x0000_0033)
    public static let ansix9C2TNB359V1 = RecommendedCurve(rawValue: 0x0000_0034)
    public static let ansix9C2PNB368W1 = RecommendedCurve(rawValue: 0x0000_0035)
    public static let ansix9C2TNB431R1 = RecommendedCurve(rawValue: 0x0000_0036)
    public static let brainpoolp160R1 = RecommendedCurve(rawValue: 0x0000_0037)
    public static let brainpoolp160T1 = RecommendedCurve(rawValue: 0x0000_0038)
    public static let brainpoolp192R1 = RecommendedCurve(rawValue: 0x0000_0039)
    public static let brainpoolp192T1 = RecommendedCurve(rawValue: 0x0000_003A)
    public static let brainpoolp224R1 = RecommendedCurve(rawValue: 0x0000_003B)
    public static let brainpoolp224T1 = RecommendedCurve(rawValue: 0x0000_003C)
    public static let brainpoolp256R1 = RecommendedCurve(rawValue: 0x0000_003D)
    public static let brainpoolp256T1 = RecommendedCurve(rawValue: 0x0000_003E)
    public static let brainpoolp320R1 = RecommendedCurve(rawValue: 0x0000_003F)
    public static let brainpoolp320T1 = RecommendedCurve(rawValue: 0x0000_0040)
    public static let brainpoolp384R1 = RecommendedCurve(rawValue: 0x0000_0041)
    public static let brainpoolp384T1 = RecommendedCurve(rawValue: 0x0000_0042)
    public static let brainpoolp512R1 = RecommendedCurve(rawValue: 0x0000_0043)
    public static let brainpoolp512T1 = RecommendedCurve(rawValue: 0x0000_0044)
    /// KMIP 2.0+.
    public static let curve25519 = RecommendedCurve(rawValue: 0x0000_0045)
    /// KMIP 2.0+.
    public static let curve448 = RecommendedCurve(rawValue: 0x0000_0046)

    public static let known: [(RecommendedCurve, String)] = [
        (.p192, "P_192"),
        (.k163, "K_163"),
        (.b163, "B_163"),
        (.p224, "P_224"),
        (.k233, "K_233"),
        (.b233, "B_233"),
        (.p256, "P_256"),
        (.k283, "K_283"),
        (.b283, "B_283"),
        (.p384, "P_384"),
        (.k409, "K_409"),
        (.b409, "B_409"),
        (.p521, "P_521"),
        (.k571, "K_571"),
        (.b571, "B_571"),
        (.secp112R1, "SECP112R1"),
        (.secp112R2, "SECP112R2"),
        (.secp128R1, "SECP128R1"),
        (.secp128R2, "SECP128R2"),
        (.secp160K1, "SECP160K1"),
        (.secp160R1, "SECP160R1"),
        (.secp160R2, "SECP160R2"),
        (.secp192K1, "SECP192K1"),
        (.secp224K1, "SECP224K1"),
        (.secp256K1, "SECP256K1"),
        (.sect113R1, "SECT113R1"),
        (.sect113R2, "SECT113R2"),
        (.sect131R1, "SECT131R1"),
        (.sect131R2, "SECT131R2"),
        (.sect163R1, "SECT163R1"),
        (.sect193R1, "SECT193R1"),
        (.sect193R2, "SECT193R2"),
        (.sect239K1, "SECT239K1"),
        (.ansix9P192V2, "ANSIX9P192V2"),
        (.ansix9P192V3, "ANSIX9P192V3"),
        (.ansix9P239V1, "ANSIX9P239V1"),
        (.ansix9P239V2, "ANSIX9P239V2"),
        (.ansix9P239V3, "ANSIX9P239V3"),
        (.ansix9C2PNB163V1, "ANSIX9C2PNB163V1"),
        (.ansix9C2PNB163V2, "ANSIX9C2PNB163V2"),
        (.ansix9C2PNB163V3, "ANSIX9C2PNB163V3"),
        (.ansix9C2PNB176V1, "ANSIX9C2PNB176V1"),
        (.ansix9C2TNB191V1, "ANSIX9C2TNB191V1"),
        (.ansix9C2TNB191V2, "ANSIX9C2TNB191V2"),
        (.ansix9C2TNB191V3, "ANSIX9C2TNB191V3"),
        (.ansix9C2PNB208W1, "ANSIX9C2PNB208W1"),
        (.ansix9C2TNB239V1, "ANSIX9C2TNB239V1"),
        (.ansix9C2TNB239V2, "ANSIX9C2TNB239V2"),
        (.ansix9C2TNB239V3, "ANSIX9C2TNB239V3"),
        (.ansix9C2PNB272W1, "ANSIX9C2PNB272W1"),
        (.ansix9C2PNB304W1, "ANSIX9C2PNB304W1"),
        (.ansix9C2TNB359V1, "ANSIX9C2TNB359V1"),
        (.ansix9C2PNB368W1, "ANSIX9C2PNB368W1"),
        (.ansix9C2TNB431R1, "ANSIX9C2TNB431R1"),
        (.brainpoolp160R1, "BRAINPOOLP160R1"),
        (.brainpoolp160T1, "BRAINPOOLP160T1"),
        (.brainpoolp192R1, "BRAINPOOLP192R1"),
        (.brainpoolp192T1, "BRAINPOOLP192T1"),
        (.brainpoolp224R1, "BRAINPOOLP224R1"),
        (.brainpoolp224T1, "BRAINPOOLP224T1"),
        (.brainpoolp256R1, "BRAINPOOLP256R1"),
        (.brainpoolp256T1, "BRAINPOOLP256T1"),
        (.brainpoolp320R1, "BRAINPOOLP320R1"),
        (.brainpoolp320T1, "BRAINPOOLP320T1"),
        (.brainpoolp384R1, "BRAINPOOLP384R1"),
        (.brainpoolp384T1, "BRAINPOOLP384T1"),
        (.brainpoolp512R1, "BRAINPOOLP512R1"),
        (.brainpoolp512T1, "BRAINPOOLP512T1"),
        (.curve25519, "CURVE25519"),
        (.curve448, "CURVE448"),
    ]
}
