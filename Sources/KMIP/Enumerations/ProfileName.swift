/// Profile Name (KMIP 1.3+; 1.4 §9.1.3.2.42, 2.1 §11. 1.x values name a profile and protocol version; 2.x values (0x104+) a profile alone).
public struct ProfileName: KMIPEnumeration {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let baselineServerBasicKMIPV1_2 = ProfileName(rawValue: 0x0000_0001)
    public static let baselineServerTLSV1_2KMIPV1_2 = ProfileName(rawValue: 0x0000_0002)
    public static let baselineClientBasicKMIPV1_2 = ProfileName(rawValue: 0x0000_0003)
    public static let baselineClientTLSV1_2KMIPV1_2 = ProfileName(rawValue: 0x0000_0004)
    public static let completeServerBasicKMIPV1_2 = ProfileName(rawValue: 0x0000_0005)
    public static let completeServerTLSV1_2KMIPV1_2 = ProfileName(rawValue: 0x0000_0006)
    public static let tapeLibraryClientKMIPV1_0 = ProfileName(rawValue: 0x0000_0007)
    public static let tapeLibraryClientKMIPV1_1 = ProfileName(rawValue: 0x0000_0008)
    public static let tapeLibraryClientKMIPV1_2 = ProfileName(rawValue: 0x0000_0009)
    public static let tapeLibraryServerKMIPV1_0 = ProfileName(rawValue: 0x0000_000A)
    public static let tapeLibraryServerKMIPV1_1 = ProfileName(rawValue: 0x0000_000B)
    public static let tapeLibraryServerKMIPV1_2 = ProfileName(rawValue: 0x0000_000C)
    public static let symmetricKeyLifecycleClientKMIPV1_0 = ProfileName(rawValue: 0x0000_000D)
    public static let symmetricKeyLifecycleClientKMIPV1_1 = ProfileName(rawValue: 0x0000_000E)
    public static let symmetricKeyLifecycleClientKMIPV1_2 = ProfileName(rawValue: 0x0000_000F)
    public static let symmetricKeyLifecycleServerKMIPV1_0 = ProfileName(rawValue: 0x0000_0010)
    public static let symmetricKeyLifecycleServerKMIPV1_1 = ProfileName(rawValue: 0x0000_0011)
    public static let symmetricKeyLifecycleServerKMIPV1_2 = ProfileName(rawValue: 0x0000_0012)
    public static let asymmetricKeyLifecycleClientKMIPV1_0 = ProfileName(rawValue: 0x0000_0013)
    public static let asymmetricKeyLifecycleClientKMIPV1_1 = ProfileName(rawValue: 0x0000_0014)
    public static let asymmetricKeyLifecycleClientKMIPV1_2 = ProfileName(rawValue: 0x0000_0015)
    public static let asymmetricKeyLifecycleServerKMIPV1_0 = ProfileName(rawValue: 0x0000_0016)
    public static let asymmetricKeyLifecycleServerKMIPV1_1 = ProfileName(rawValue: 0x0000_0017)
    public static let asymmetricKeyLifecycleServerKMIPV1_2 = ProfileName(rawValue: 0x0000_0018)
    public static let basicCryptographicClientKMIPV1_2 = ProfileName(rawValue: 0x0000_0019)
    public static let basicCryptographicServerKMIPV1_2 = ProfileName(rawValue: 0x0000_001A)
    public static let advancedCryptographicClientKMIPV1_2 = ProfileName(rawValue: 0x0000_001B)
    public static let advancedCryptographicServerKMIPV1_2 = ProfileName(rawValue: 0x0000_001C)
    public static let rngCryptographicClientKMIPV1_2 = ProfileName(rawValue: 0x0000_001D)
    public static let rngCryptographicServerKMIPV1_2 = ProfileName(rawValue: 0x0000_001E)
    public static let basicSymmetricKeyFoundryClientKMIPV1_0 = ProfileName(rawValue: 0x0000_001F)
    public static let intermediateSymmetricKeyFoundryClientKMIPV1_0 = ProfileName(rawValue: 0x0000_0020)
    public static let advancedSymmetricKeyFoundryClientKMIPV1_0 = ProfileName(rawValue: 0x0000_0021)
    public static let basicSymmetricKeyFoundryClientKMIPV1_1 = ProfileName(rawValue: 0x0000_0022)
    public static let intermediateSymmetricKeyFoundryClientKMIPV1_1 = ProfileName(rawValue: 0x0000_0023)
    public static let advancedSymmetricKeyFoundryClientKMIPV1_1 = ProfileName(rawValue: 0x0000_0024)
    public static let basicSymmetricKeyFoundryClientKMIPV1_2 = ProfileName(rawValue: 0x0000_0025)
    public static let intermediateSymmetricKeyFoundryClientKMIPV1_2 = ProfileName(rawValue: 0x0000_0026)
    public static let advancedSymmetricKeyFoundryClientKMIPV1_2 = ProfileName(rawValue: 0x0000_0027)
    public static let symmetricKeyFoundryServerKMIPV1_0 = ProfileName(rawValue: 0x0000_0028)
    public static let symmetricKeyFoundryServerKMIPV1_1 = ProfileName(rawValue: 0x0000_0029)
    public static let symmetricKeyFoundryServerKMIPV1_2 = ProfileName(rawValue: 0x0000_002A)
    public static let opaqueManagedObjectStoreClientKMIPV1_0 = ProfileName(rawValue: 0x0000_002B)
    public static let opaqueManagedObjectStoreClientKMIPV1_1 = ProfileName(rawValue: 0x0000_002C)
    public static let opaqueManagedObjectStoreClientKMIPV1_2 = ProfileName(rawValue: 0x0000_002D)
    public static let opaqueManagedObjectStoreServerKMIPV1_0 = ProfileName(rawValue: 0x0000_002E)
    public static let opaqueManagedObjectStoreServerKMIPV1_1 = ProfileName(rawValue: 0x0000_002F)
    public static let opaqueManagedObjectStoreServerKMIPV1_2 = ProfileName(rawValue: 0x0000_0030)
    public static let suiteBMinLOS128ClientKMIPV1_0 = ProfileName(rawValue: 0x0000_0031)
    public static let suiteBMinLOS128ClientKMIPV1_1 = ProfileName(rawValue: 0x0000_0032)
    public static let suiteBMinLOS128ClientKMIPV1_2 = ProfileName(rawValue: 0x0000_0033)
    public static let suiteBMinLOS128ServerKMIPV1_0 = ProfileName(rawValue: 0x0000_0034)
    public static let suiteBMinLOS128ServerKMIPV1_1 = ProfileName(rawValue: 0x0000_0035)
    public static let suiteBMinLOS128ServerKMIPV1_2 = ProfileName(rawValue: 0x0000_0036)
    public static let suiteBMinLOS192ClientKMIPV1_0 = ProfileName(rawValue: 0x0000_0037)
    public static let suiteBMinLOS192ClientKMIPV1_1 = ProfileName(rawValue: 0x0000_0038)
    public static let suiteBMinLOS192ClientKMIPV1_2 = ProfileName(rawValue: 0x0000_0039)
    public static let suiteBMinLOS192ServerKMIPV1_0 = ProfileName(rawValue: 0x0000_003A)
    public static let suiteBMinLOS192ServerKMIPV1_1 = ProfileName(rawValue: 0x0000_003B)
    public static let suiteBMinLOS192ServerKMIPV1_2 = ProfileName(rawValue: 0x0000_003C)
    public static let storageArrayWithSelfEncryptingDriveClientKMIPV1_0 = ProfileName(rawValue: 0x0000_003D)
    public static let storageArrayWithSelfEncryptingDriveClientKMIPV1_1 = ProfileName(rawValue: 0x0000_003E)
    public static let storageArrayWithSelfEncryptingDriveClientKMIPV1_2 = ProfileName(rawValue: 0x0000_003F)
    public static let storageArrayWithSelfEncryptingDriveServerKMIPV1_0 = ProfileName(rawValue: 0x0000_0040)
    public static let storageArrayWithSelfEncryptingDriveServerKMIPV1_1 = ProfileName(rawValue: 0x0000_0041)
    public static let storageArrayWithSelfEncryptingDriveServerKMIPV1_2 = ProfileName(rawValue: 0x0000_0042)
    public static let httpsClientKMIPV1_0 = ProfileName(rawValue: 0x0000_0043)
    public static let httpsClientKMIPV1_1 = ProfileName(rawValue: 0x0000_0044)
    public static let httpsClientKMIPV1_2 = ProfileName(rawValue: 0x0000_0045)
    public static let httpsServerKMIPV1_0 = ProfileName(rawValue: 0x0000_0046)
    public static let httpsServerKMIPV1_1 = ProfileName(rawValue: 0x0000_0047)
    public static let httpsServerKMIPV1_2 = ProfileName(rawValue: 0x0000_0048)
    public static let jsonClientKMIPV1_0 = ProfileName(rawValue: 0x0000_0049)
    public static let jsonClientKMIPV1_1 = ProfileName(rawValue: 0x0000_004A)
    public static let jsonClientKMIPV1_2 = ProfileName(rawValue: 0x0000_004B)
    public static let jsonServerKMIPV1_0 = ProfileName(rawValue: 0x0000_004C)
    public static let jsonServerKMIPV1_1 = ProfileName(rawValue: 0x0000_004D)
    public static let jsonServerKMIPV1_2 = ProfileName(rawValue: 0x0000_004E)
    public static let xmlClientKMIPV1_0 = ProfileName(rawValue: 0x0000_004F)
    public static let xmlClientKMIPV1_1 = ProfileName(rawValue: 0x0000_0050)
    public static let xmlClientKMIPV1_2 = ProfileName(rawValue: 0x0000_0051)
    public static let xmlServerKMIPV1_0 = ProfileName(rawValue: 0x0000_0052)
    public static let xmlServerKMIPV1_1 = ProfileName(rawValue: 0x0000_0053)
    public static let xmlServerKMIPV1_2 = ProfileName(rawValue: 0x0000_0054)
    public static let baselineServerBasicKMIPV1_3 = ProfileName(rawValue: 0x0000_0055)
    public static let baselineServerTLSV1_2KMIPV1_3 = ProfileName(rawValue: 0x0000_0056)
    public static let baselineClientBasicKMIPV1_3 = ProfileName(rawValue: 0x0000_0057)
    public static let baselineClientTLSV1_2KMIPV1_3 = ProfileName(rawValue: 0x0000_0058)
    public static let completeServerBasicKMIPV1_3 = ProfileName(rawValue: 0x0000_0059)
    public static let completeServerTLSV1_2KMIPV1_3 = ProfileName(rawValue: 0x0000_005A)
    public static let tapeLibraryClientKMIPV1_3 = ProfileName(rawValue: 0x0000_005B)
    public static let tapeLibraryServerKMIPV1_3 = ProfileName(rawValue: 0x0000_005C)
    public static let symmetricKeyLifecycleClientKMIPV1_3 = ProfileName(rawValue: 0x0000_005D)
    public static let symmetricKeyLifecycleServerKMIPV1_3 = ProfileName(rawValue: 0x0000_005E)
    public static let asymmetricKeyLifecycleClientKMIPV1_3 = ProfileName(rawValue: 0x0000_005F)
    public static let asymmetricKeyLifecycleServerKMIPV1_3 = ProfileName(rawValue: 0x0000_0060)
    public static let basicCryptographicClientKMIPV1_3 = ProfileName(rawValue: 0x0000_0061)
    public static let basicCryptographicServerKMIPV1_3 = ProfileName(rawValue: 0x0000_0062)
    public static let advancedCryptographicClientKMIPV1_3 = ProfileName(rawValue: 0x0000_0063)
    public static let advancedCryptographicServerKMIPV1_3 = ProfileName(rawValue: 0x0000_0064)
    public static let rngCryptographicClientKMIPV1_3 = ProfileName(rawValue: 0x0000_0065)
    public static let rngCryptographicServerKMIPV1_3 = ProfileName(rawValue: 0x0000_0066)
    public static let basicSymmetricKeyFoundryClientKMIPV1_3 = ProfileName(rawValue: 0x0000_0067)
    public static let intermediateSymmetricKeyFoundryClientKMIPV1_3 = ProfileName(rawValue: 0x0000_0068)
    public static let advancedSymmetricKeyFoundryClientKMIPV1_3 = ProfileName(rawValue: 0x0000_0069)
    public static let symmetricKeyFoundryServerKMIPV1_3 = ProfileName(rawValue: 0x0000_006A)
    public static let opaqueManagedObjectStoreClientKMIPV1_3 = ProfileName(rawValue: 0x0000_006B)
    public static let opaqueManagedObjectStoreServerKMIPV1_3 = ProfileName(rawValue: 0x0000_006C)
    public static let suiteBMinLOS128ClientKMIPV1_3 = ProfileName(rawValue: 0x0000_006D)
    public static let suiteBMinLOS128ServerKMIPV1_3 = ProfileName(rawValue: 0x0000_006E)
    public static let suiteBMinLOS192ClientKMIPV1_3 = ProfileName(rawValue: 0x0000_006F)
    public static let suiteBMinLOS192ServerKMIPV1_3 = ProfileName(rawValue: 0x0000_0070)
    public static let storageArrayWithSelfEncryptingDriveClientKMIPV1_3 = ProfileName(rawValue: 0x0000_0071)
    public static let storageArrayWithSelfEncryptingDriveServerKMIPV1_3 = ProfileName(rawValue: 0x0000_0072)
    public static let httpsClientKMIPV1_3 = ProfileName(rawValue: 0x0000_0073)
    public static let httpsServerKMIPV1_3 = ProfileName(rawValue: 0x0000_0074)
    public static let jsonClientKMIPV1_3 = ProfileName(rawValue: 0x0000_0075)
    public static let jsonServerKMIPV1_3 = ProfileName(rawValue: 0x0000_0076)
    public static let xmlClientKMIPV1_3 = ProfileName(rawValue: 0x0000_0077)
    public static let xmlServerKMIPV1_3 = ProfileName(rawValue: 0x0000_0078)
    public static let baselineServerBasicKMIPV1_4 = ProfileName(rawValue: 0x0000_0079)
    public static let baselineServerTLSV1_2KMIPV1_4 = ProfileName(rawValue: 0x0000_007A)
    public static let baselineClientBasicKMIPV1_4 = ProfileName(rawValue: 0x0000_007B)
    public static let baselineClientTLSV1_2KMIPV1_4 = ProfileName(rawValue: 0x0000_007C)
    public static let completeServerBasicKMIPV1_4 = ProfileName(rawValue: 0x0000_007D)
    public static let completeServerTLSV1_2KMIPV1_4 = ProfileName(rawValue: 0x0000_007E)
    public static let tapeLibraryClientKMIPV1_4 = ProfileName(rawValue: 0x0000_007F)
    public static let tapeLibraryServerKMIPV1_4 = ProfileName(rawValue: 0x0000_0080)
    public static let symmetricKeyLifecycleClientKMIPV1_4 = ProfileName(rawValue: 0x0000_0081)
    public static let symmetricKeyLifecycleServerKMIPV1_4 = ProfileName(rawValue: 0x0000_0082)
    public static let asymmetricKeyLifecycleClientKMIPV1_4 = ProfileName(rawValue: 0x0000_0083)
    public static let asymmetricKeyLifecycleServerKMIPV1_4 = ProfileName(rawValue: 0x0000_0084)
    public static let basicCryptographicClientKMIPV1_4 = ProfileName(rawValue: 0x0000_0085)
    public static let basicCryptographicServerKMIPV1_4 = ProfileName(rawValue: 0x0000_0086)
    public static let advancedCryptographicClientKMIPV1_4 = ProfileName(rawValue: 0x0000_0087)
    public static let advancedCryptographicServerKMIPV1_4 = ProfileName(rawValue: 0x0000_0088)
    public static let rngCryptographicClientKMIPV1_4 = ProfileName(rawValue: 0x0000_0089)
    public static let rngCryptographicServerKMIPV1_4 = ProfileName(rawValue: 0x0000_008A)
    public static let basicSymmetricKeyFoundryClientKMIPV1_4 = ProfileName(rawValue: 0x0000_008B)
    public static let intermediateSymmetricKeyFoundryClientKMIPV1_4 = ProfileName(rawValue: 0x0000_008C)
    public static let advancedSymmetricKeyFoundryClientKMIPV1_4 = ProfileName(rawValue: 0x0000_008D)
    public static let symmetricKeyFoundryServerKMIPV1_4 = ProfileName(rawValue: 0x0000_008E)
    public static let opaqueManagedObjectStoreClientKMIPV1_4 = ProfileName(rawValue: 0x0000_008F)
    public static let opaqueManagedObjectStoreServerKMIPV1_4 = ProfileName(rawValue: 0x0000_0090)
    public static let suiteBMinLOS128ClientKMIPV1_4 = ProfileName(rawValue: 0x0000_0091)
    public static let suiteBMinLOS128ServerKMIPV1_4 = ProfileName(rawValue: 0x0000_0092)
    public static let suiteBMinLOS192ClientKMIPV1_4 = ProfileName(rawValue: 0x0000_0093)
    public static let suiteBMinLOS192ServerKMIPV1_4 = ProfileName(rawValue: 0x0000_0094)
    public static let storageArrayWithSelfEncryptingDriveClientKMIPV1_4 = ProfileName(rawValue: 0x0000_0095)
    public static let storageArrayWithSelfEncryptingDriveServerKMIPV1_4 = ProfileName(rawValue: 0x0000_0096)
    public static let httpsClientKMIPV1_4 = ProfileName(rawValue: 0x0000_0097)
    public static let httpsServerKMIPV1_4 = ProfileName(rawValue: 0x0000_0098)
    public static let jsonClientKMIPV1_4 = ProfileName(rawValue: 0x0000_0099)
    public static let jsonServerKMIPV1_4 = ProfileName(rawValue: 0x0000_009A)
    public static let xmlClientKMIPV1_4 = ProfileName(rawValue: 0x0000_009B)
    public static let xmlServerKMIPV1_4 = ProfileName(rawValue: 0x0000_009C)
    /// KMIP 2.0+.
    public static let completeServerBasic = ProfileName(rawValue: 0x0000_0104)
    /// KMIP 2.0+.
    public static let completeServerTLSV1_2 = ProfileName(rawValue: 0x0000_0105)
    /// KMIP 2.0+.
    public static let tapeLibraryClient = ProfileName(rawValue: 0x0000_0106)
    /// KMIP 2.0+.
    public static let tapeLibraryServer = ProfileName(rawValue: 0x0000_0107)
    /// KMIP 2.0+.
    public static let symmetricKeyLifecycleClient = ProfileName(rawValue: 0x0000_0108)
    /// KMIP 2.0+.
    public static let symmetricKeyLifecycleServer = ProfileName(rawValue: 0x0000_0109)
    /// KMIP 2.0+.
    public static let asymmetricKeyLifecycleClient = ProfileName(rawValue: 0x0000_010A)
    /// KMIP 2.0+.
    public static let asymmetricKeyLifecycleServer = ProfileName(rawValue: 0x0000_010B)
    /// KMIP 2.0+.
    public static let basicCryptographicClient = ProfileName(rawValue: 0x0000_010C)
    /// KMIP 2.0+.
    public static let basicCryptographicServer = ProfileName(rawValue: 0x0000_010D)
    /// KMIP 2.0+.
    public static let advancedCryptographicClient = ProfileName(rawValue: 0x0000_010E)
    /// KMIP 2.0+.
    public static let advancedCryptographicServer = ProfileName(rawValue: 0x0000_010F)
    /// KMIP 2.0+.
    public static let rngCryptographicClient = ProfileName(rawValue: 0x0000_0110)
    /// KMIP 2.0+.
    public static let rngCryptographicServer = ProfileName(rawValue: 0x0000_0111)
    /// KMIP 2.0+.
    public static let basicSymmetricKeyFoundryClient = ProfileName(rawValue: 0x0000_0112)
    /// KMIP 2.0+.
    public static let intermediateSymmetricKeyFoundryClient = ProfileName(rawValue: 0x0000_0113)
    /// KMIP 2.0+.
    public static let advancedSymmetricKeyFoundryClient = ProfileName(rawValue: 0x0000_0114)
    /// KMIP 2.0+.
    public static let symmetricKeyFoundryServer = ProfileName(rawValue: 0x0000_0115)
    /// KMIP 2.0+.
    public static let opaqueManagedObjectStoreClient = ProfileName(rawValue: 0x0000_0116)
    /// KMIP 2.0+.
    public static let opaqueManagedObjectStoreServer = ProfileName(rawValue: 0x0000_0117)
    /// KMIP 2.0; later tables mark this value (Reserved).
    public static let suiteBMinLOS128Client = ProfileName(rawValue: 0x0000_0118)
    /// KMIP 2.0; later tables mark this value (Reserved).
    public static let suiteBMinLOS128Server = ProfileName(rawValue: 0x0000_0119)
    /// KMIP 2.0; later tables mark this value (Reserved).
    public static let suiteBMinLOS192Client = ProfileName(rawValue: 0x0000_011A)
    /// KMIP 2.0; later tables mark this value (Reserved).
    public static let suiteBMinLOS192Server = ProfileName(rawValue: 0x0000_011B)
    /// KMIP 2.0+.
    public static let storageArrayWithSelfEncryptingDriveClient = ProfileName(rawValue: 0x0000_011C)
    /// KMIP 2.0+.
    public static let storageArrayWithSelfEncryptingDriveServer = ProfileName(rawValue: 0x0000_011D)
    /// KMIP 2.0+.
    public static let httpsClient = ProfileName(rawValue: 0x0000_011E)
    /// KMIP 2.0+.
    public static let httpsServer = ProfileName(rawValue: 0x0000_011F)
    /// KMIP 2.0+.
    public static let jsonClient = ProfileName(rawValue: 0x0000_0120)
    /// KMIP 2.0+.
    public static let jsonServer = ProfileName(rawValue: 0x0000_0121)
    /// KMIP 2.0+.
    public static let xmlClient = ProfileName(rawValue: 0x0000_0122)
    /// KMIP 2.0+.
    public static let xmlServer = ProfileName(rawValue: 0x0000_0123)
    /// KMIP 2.0+.
    public static let aesxtsClient = ProfileName(rawValue: 0x0000_0124)
    /// KMIP 2.0+.
    public static let aesxtsServer = ProfileName(rawValue: 0x0000_0125)
    /// KMIP 2.0+.
    public static let quantumSafeClient = ProfileName(rawValue: 0x0000_0126)
    /// KMIP 2.0+.
    public static let quantumSafeServer = ProfileName(rawValue: 0x0000_0127)
    /// KMIP 2.0+.
    public static let pkcs11Client = ProfileName(rawValue: 0x0000_0128)
    /// KMIP 2.0+.
    public static let pkcs11Server = ProfileName(rawValue: 0x0000_0129)
    /// KMIP 2.0+.
    public static let baselineClient = ProfileName(rawValue: 0x0000_012A)
    /// KMIP 2.0+.
    public static let baselineServer = ProfileName(rawValue: 0x0000_012B)
    /// KMIP 2.0+.
    public static let completeServer = ProfileName(rawValue: 0x0000_012C)

    public static let known: [(ProfileName, String)] = [
        (.baselineServerBasicKMIPV1_2, "BaselineServerBasicKMIPV1_2"),
        (.baselineServerTLSV1_2KMIPV1_2, "BaselineServerTLSV1_2KMIPV1_2"),
        (.baselineClientBasicKMIPV1_2, "BaselineClientBasicKMIPV1_2"),
        (.baselineClientTLSV1_2KMIPV1_2, "BaselineClientTLSV1_2KMIPV1_2"),
        (.completeServerBasicKMIPV1_2, "CompleteServerBasicKMIPV1_2"),
        (.completeServerTLSV1_2KMIPV1_2, "CompleteServerTLSV1_2KMIPV1_2"),
        (.tapeLibraryClientKMIPV1_0, "TapeLibraryClientKMIPV1_0"),
        (.tapeLibraryClientKMIPV1_1, "TapeLibraryClientKMIPV1_1"),
        (.tapeLibraryClientKMIPV1_2, "TapeLibraryClientKMIPV1_2"),
        (.tapeLibraryServerKMIPV1_0, "TapeLibraryServerKMIPV1_0"),
        (.tapeLibraryServerKMIPV1_1, "TapeLibraryServerKMIPV1_1"),
        (.tapeLibraryServerKMIPV1_2, "TapeLibraryServerKMIPV1_2"),
        (.symmetricKeyLifecycleClientKMIPV1_0, "SymmetricKeyLifecycleClientKMIPV1_0"),
        (.symmetricKeyLifecycleClientKMIPV1_1, "SymmetricKeyLifecycleClientKMIPV1_1"),
        (.symmetricKeyLifecycleClientKMIPV1_2, "SymmetricKeyLifecycleClientKMIPV1_2"),
        (.symmetricKeyLifecycleServerKMIPV1_0, "SymmetricKeyLifecycleServerKMIPV1_0"),
        (.symmetricKeyLifecycleServerKMIPV1_1, "SymmetricKeyLifecycleServerKMIPV1_1"),
        (.symmetricKeyLifecycleServerKMIPV1_2, "SymmetricKeyLifecycleServerKMIPV1_2"),
        (.asymmetricKeyLifecycleClientKMIPV1_0, "AsymmetricKeyLifecycleClientKMIPV1_0"),
        (.asymmetricKeyLifecycleClientKMIPV1_1, "AsymmetricKeyLifecycleClientKMIPV1_1"),
        (.asymmetricKeyLifecycleClientKMIPV1_2, "AsymmetricKeyLifecycleClientKMIPV1_2"),
        (.asymmetricKeyLifecycleServerKMIPV1_0, "AsymmetricKeyLifecycleServerKMIPV1_0"),
        (.asymmetricKeyLifecycleServerKMIPV1_1, "AsymmetricKeyLifecycleServerKMIPV1_1"),
        (.asymmetricKeyLifecycleServerKMIPV1_2, "AsymmetricKeyLifecycleServerKMIPV1_2"),
        (.basicCryptographicClientKMIPV1_2, "BasicCryptographicClientKMIPV1_2"),
        (.basicCryptographicServerKMIPV1_2, "BasicCryptographicServerKMIPV1_2"),
        (.advancedCryptographicClientKMIPV1_2, "AdvancedCryptographicClientKMIPV1_2"),
        (.advancedCryptographicServerKMIPV1_2, "AdvancedCryptographicServerKMIPV1_2"),
        (.rngCryptographicClientKMIPV1_2, "RNGCryptographicClientKMIPV1_2"),
        (.rngCryptographicServerKMIPV1_2, "RNGCryptographicServerKMIPV1_2"),
        (.basicSymmetricKeyFoundryClientKMIPV1_0, "BasicSymmetricKeyFoundryClientKMIPV1_0"),
        (.intermediateSymmetricKeyFoundryClientKMIPV1_0, "IntermediateSymmetricKeyFoundryClientKMIPV1_0"),
        (.advancedSymmetricKeyFoundryClientKMIPV1_0, "AdvancedSymmetricKeyFoundryClientKMIPV1_0"),
        (.basicSymmetricKeyFoundryClientKMIPV1_1, "BasicSymmetricKeyFoundryClientKMIPV1_1"),
        (.intermediateSymmetricKeyFoundryClientKMIPV1_1, "IntermediateSymmetricKeyFoundryClientKMIPV1_1"),
        (.advancedSymmetricKeyFoundryClientKMIPV1_1, "AdvancedSymmetricKeyFoundryClientKMIPV1_1"),
        (.basicSymmetricKeyFoundryClientKMIPV1_2, "BasicSymmetricKeyFoundryClientKMIPV1_2"),
        (.intermediateSymmetricKeyFoundryClientKMIPV1_2, "IntermediateSymmetricKeyFoundryClientKMIPV1_2"),
        (.advancedSymmetricKeyFoundryClientKMIPV1_2, "AdvancedSymmetricKeyFoundryClientKMIPV1_2"),
        (.symmetricKeyFoundryServerKMIPV1_0, "SymmetricKeyFoundryServerKMIPV1_0"),
        (.symmetricKeyFoundryServerKMIPV1_1, "SymmetricKeyFoundryServerKMIPV1_1"),
        (.symmetricKeyFoundryServerKMIPV1_2, "SymmetricKeyFoundryServerKMIPV1_2"),
        (.opaqueManagedObjectStoreClientKMIPV1_0, "OpaqueManagedObjectStoreClientKMIPV1_0"),
        (.opaqueManagedObjectStoreClientKMIPV1_1, "OpaqueManagedObjectStoreClientKMIPV1_1"),
        (.opaqueManagedObjectStoreClientKMIPV1_2, "OpaqueManagedObjectStoreClientKMIPV1_2"),
        (.opaqueManagedObjectStoreServerKMIPV1_0, "OpaqueManagedObjectStoreServerKMIPV1_0"),
        (.opaqueManagedObjectStoreServerKMIPV1_1, "OpaqueManagedObjectStoreServerKMIPV1_1"),
        (.opaqueManagedObjectStoreServerKMIPV1_2, "OpaqueManagedObjectStoreServerKMIPV1_2"),
        (.suiteBMinLOS128ClientKMIPV1_0, "SuiteBMinLOS_128ClientKMIPV1_0"),
        (.suiteBMinLOS128ClientKMIPV1_1, "SuiteBMinLOS_128ClientKMIPV1_1"),
        (.suiteBMinLOS128ClientKMIPV1_2, "SuiteBMinLOS_128ClientKMIPV1_2"),
        (.suiteBMinLOS128ServerKMIPV1_0, "SuiteBMinLOS_128ServerKMIPV1_0"),
        (.suiteBMinLOS128ServerKMIPV1_1, "SuiteBMinLOS_128ServerKMIPV1_1"),
        (.suiteBMinLOS128ServerKMIPV1_2, "SuiteBMinLOS_128ServerKMIPV1_2"),
        (.suiteBMinLOS192ClientKMIPV1_0, "SuiteBMinLOS_192ClientKMIPV1_0"),
        (.suiteBMinLOS192ClientKMIPV1_1, "SuiteBMinLOS_192ClientKMIPV1_1"),
        (.suiteBMinLOS192ClientKMIPV1_2, "SuiteBMinLOS_192ClientKMIPV1_2"),
        (.suiteBMinLOS192ServerKMIPV1_0, "SuiteBMinLOS_192ServerKMIPV1_0"),
        (.suiteBMinLOS192ServerKMIPV1_1, "SuiteBMinLOS_192ServerKMIPV1_1"),
        (.suiteBMinLOS192ServerKMIPV1_2, "SuiteBMinLOS_192ServerKMIPV1_2"),
        (.storageArrayWithSelfEncryptingDriveClientKMIPV1_0, "StorageArrayWithSelfEncryptingDriveClientKMIPV1_0"),
        (.storageArrayWithSelfEncryptingDriveClientKMIPV1_1, "StorageArrayWithSelfEncryptingDriveClientKMIPV1_1"),
        (.storageArrayWithSelfEncryptingDriveClientKMIPV1_2, "StorageArrayWithSelfEncryptingDriveClientKMIPV1_2"),
        (.storageArrayWithSelfEncryptingDriveServerKMIPV1_0, "StorageArrayWithSelfEncryptingDriveServerKMIPV1_0"),
        (.storageArrayWithSelfEncryptingDriveServerKMIPV1_1, "StorageArrayWithSelfEncryptingDriveServerKMIPV1_1"),
        (.storageArrayWithSelfEncryptingDriveServerKMIPV1_2, "StorageArrayWithSelfEncryptingDriveServerKMIPV1_2"),
        (.httpsClientKMIPV1_0, "HTTPSClientKMIPV1_0"),
        (.httpsClientKMIPV1_1, "HTTPSClientKMIPV1_1"),
        (.httpsClientKMIPV1_2, "HTTPSClientKMIPV1_2"),
        (.httpsServerKMIPV1_0, "HTTPSServerKMIPV1_0"),
        (.httpsServerKMIPV1_1, "HTTPSServerKMIPV1_1"),
        (.httpsServerKMIPV1_2, "HTTPSServerKMIPV1_2"),
        (.jsonClientKMIPV1_0, "JSONClientKMIPV1_0"),
        (.jsonClientKMIPV1_1, "JSONClientKMIPV1_1"),
        (.jsonClientKMIPV1_2, "JSONClientKMIPV1_2"),
        (.jsonServerKMIPV1_0, "JSONServerKMIPV1_0"),
        (.jsonServerKMIPV1_1, "JSONServerKMIPV1_1"),
        (.jsonServerKMIPV1_2, "JSONServerKMIPV1_2"),
        (.xmlClientKMIPV1_0, "XMLClientKMIPV1_0"),
        (.xmlClientKMIPV1_1, "XMLClientKMIPV1_1"),
        (.xmlClientKMIPV1_2, "XMLClientKMIPV1_2"),
        (.xmlServerKMIPV1_0, "XMLServerKMIPV1_0"),
        (.xmlServerKMIPV1_1, "XMLServerKMIPV1_1"),
        (.xmlServerKMIPV1_2, "XMLServerKMIPV1_2"),
        (.baselineServerBasicKMIPV1_3, "BaselineServerBasicKMIPV1_3"),
        (.baselineServerTLSV1_2KMIPV1_3, "BaselineServerTLSV1_2KMIPV1_3"),
        (.baselineClientBasicKMIPV1_3, "BaselineClientBasicKMIPV1_3"),
        (.baselineClientTLSV1_2KMIPV1_3, "BaselineClientTLSV1_2KMIPV1_3"),
        (.completeServerBasicKMIPV1_3, "CompleteServerBasicKMIPV1_3"),
        (.completeServerTLSV1_2KMIPV1_3, "CompleteServerTLSV1_2KMIPV1_3"),
        (.tapeLibraryClientKMIPV1_3, "TapeLibraryClientKMIPV1_3"),
        (.tapeLibraryServerKMIPV1_3, "TapeLibraryServerKMIPV1_3"),
        (.symmetricKeyLifecycleClientKMIPV1_3, "SymmetricKeyLifecycleClientKMIPV1_3"),
        (.symmetricKeyLifecycleServerKMIPV1_3, "SymmetricKeyLifecycleServerKMIPV1_3"),
        (.asymmetricKeyLifecycleClientKMIPV1_3, "AsymmetricKeyLifecycleClientKMIPV1_3"),
        (.asymmetricKeyLifecycleServerKMIPV1_3, "AsymmetricKeyLifecycleServerKMIPV1_3"),
        (.basicCryptographicClientKMIPV1_3, "BasicCryptographicClientKMIPV1_3"),
        (.basicCryptographicServerKMIPV1_3, "BasicCryptographicServerKMIPV1_3"),
        (.advancedCryptographicClientKMIPV1_3, "AdvancedCryptographicClientKMIPV1_3"),
        (.advancedCryptographicServerKMIPV1_3, "AdvancedCryptographicServerKMIPV1_3"),
        (.rngCryptographicClientKMIPV1_3, "RNGCryptographicClientKMIPV1_3"),
        (.rngCryptographicServerKMIPV1_3, "RNGCryptographicServerKMIPV1_3"),
        (.basicSymmetricKeyFoundryClientKMIPV1_3, "BasicSymmetricKeyFoundryClientKMIPV1_3"),
        (.intermediateSymmetricKeyFoundryClientKMIPV1_3, "IntermediateSymmetricKeyFoundryClientKMIPV1_3"),
        (.advancedSymmetricKeyFoundryClientKMIPV1_3, "AdvancedSymmetricKeyFoundryClientKMIPV1_3"),
        (.symmetricKeyFoundryServerKMIPV1_3, "SymmetricKeyFoundryServerKMIPV1_3"),
        (.opaqueManagedObjectStoreClientKMIPV1_3, "OpaqueManagedObjectStoreClientKMIPV1_3"),
        (.opaqueManagedObjectStoreServerKMIPV1_3, "OpaqueManagedObjectStoreServerKMIPV1_3"),
        (.suiteBMinLOS128ClientKMIPV1_3, "SuiteBMinLOS_128ClientKMIPV1_3"),
        (.suiteBMinLOS128ServerKMIPV1_3, "SuiteBMinLOS_128ServerKMIPV1_3"),
        (.suiteBMinLOS192ClientKMIPV1_3, "SuiteBMinLOS_192ClientKMIPV1_3"),
        (.suiteBMinLOS192ServerKMIPV1_3, "SuiteBMinLOS_192ServerKMIPV1_3"),
        (.storageArrayWithSelfEncryptingDriveClientKMIPV1_3, "StorageArrayWithSelfEncryptingDriveClientKMIPV1_3"),
        (.storageArrayWithSelfEncryptingDriveServerKMIPV1_3, "StorageArrayWithSelfEncryptingDriveServerKMIPV1_3"),
        (.httpsClientKMIPV1_3, "HTTPSClientKMIPV1_3"),
        (.httpsServerKMIPV1_3, "HTTPSServerKMIPV1_3"),
        (.jsonClientKMIPV1_3, "JSONClientKMIPV1_3"),
        (.jsonServerKMIPV1_3, "JSONServerKMIPV1_3"),
        (.xmlClientKMIPV1_3, "XMLClientKMIPV1_3"),
        (.xmlServerKMIPV1_3, "XMLServerKMIPV1_3"),
        (.baselineServerBasicKMIPV1_4, "BaselineServerBasicKMIPV1_4"),
        (.baselineServerTLSV1_2KMIPV1_4, "BaselineServerTLSV1_2KMIPV1_4"),
        (.baselineClientBasicKMIPV1_4, "BaselineClientBasicKMIPV1_4"),
        (.baselineClientTLSV1_2KMIPV1_4, "BaselineClientTLSV1_2KMIPV1_4"),
        (.completeServerBasicKMIPV1_4, "CompleteServerBasicKMIPV1_4"),
        (.completeServerTLSV1_2KMIPV1_4, "CompleteServerTLSV1_2KMIPV1_4"),
        (.tapeLibraryClientKMIPV1_4, "TapeLibraryClientKMIPV1_4"),
        (.tapeLibraryServerKMIPV1_4, "TapeLibraryServerKMIPV1_4"),
        (.symmetricKeyLifecycleClientKMIPV1_4, "SymmetricKeyLifecycleClientKMIPV1_4"),
        (.symmetricKeyLifecycleServerKMIPV1_4, "SymmetricKeyLifecycleServerKMIPV1_4"),
        (.asymmetricKeyLifecycleClientKMIPV1_4, "AsymmetricKeyLifecycleClientKMIPV1_4"),
        (.asymmetricKeyLifecycleServerKMIPV1_4, "AsymmetricKeyLifecycleServerKMIPV1_4"),
        (.basicCryptographicClientKMIPV1_4, "BasicCryptographicClientKMIPV1_4"),
        (.basicCryptographicServerKMIPV1_4, "BasicCryptographicServerKMIPV1_4"),
        (.advancedCryptographicClientKMIPV1_4, "AdvancedCryptographicClientKMIPV1_4"),
        (.advancedCryptographicServerKMIPV1_4, "AdvancedCryptographicServerKMIPV1_4"),
        (.rngCryptographicClientKMIPV1_4, "RNGCryptographicClientKMIPV1_4"),
        (.rngCryptographicServerKMIPV1_4, "RNGCryptographicServerKMIPV1_4"),
        (.basicSymmetricKeyFoundryClientKMIPV1_4, "BasicSymmetricKeyFoundryClientKMIPV1_4"),
        (.intermediateSymmetricKeyFoundryClientKMIPV1_4, "IntermediateSymmetricKeyFoundryClientKMIPV1_4"),
        (.advancedSymmetricKeyFoundryClientKMIPV1_4, "AdvancedSymmetricKeyFoundryClientKMIPV1_4"),
        (.symmetricKeyFoundryServerKMIPV1_4, "SymmetricKeyFoundryServerKMIPV1_4"),
        (.opaqueManagedObjectStoreClientKMIPV1_4, "OpaqueManagedObjectStoreClientKMIPV1_4"),
        (.opaqueManagedObjectStoreServerKMIPV1_4, "OpaqueManagedObjectStoreServerKMIPV1_4"),
        (.suiteBMinLOS128ClientKMIPV1_4, "SuiteBMinLOS_128ClientKMIPV1_4"),
        (.suiteBMinLOS128ServerKMIPV1_4, "SuiteBMinLOS_128ServerKMIPV1_4"),
        (.suiteBMinLOS192ClientKMIPV1_4, "SuiteBMinLOS_192ClientKMIPV1_4"),
        (.suiteBMinLOS192ServerKMIPV1_4, "SuiteBMinLOS_192ServerKMIPV1_4"),
        (.storageArrayWithSelfEncryptingDriveClientKMIPV1_4, "StorageArrayWithSelfEncryptingDriveClientKMIPV1_4"),
        (.storageArrayWithSelfEncryptingDriveServerKMIPV1_4, "StorageArrayWithSelfEncryptingDriveServerKMIPV1_4"),
        (.httpsClientKMIPV1_4, "HTTPSClientKMIPV1_4"),
        (.httpsServerKMIPV1_4, "HTTPSServerKMIPV1_4"),
        (.jsonClientKMIPV1_4, "JSONClientKMIPV1_4"),
        (.jsonServerKMIPV1_4, "JSONServerKMIPV1_4"),
        (.xmlClientKMIPV1_4, "XMLClientKMIPV1_4"),
        (.xmlServerKMIPV1_4, "XMLServerKMIPV1_4"),
        (.completeServerBasic, "CompleteServerBasic"),
        (.completeServerTLSV1_2, "CompleteServerTLSV1_2"),
        (.tapeLibraryClient, "TapeLibraryClient"),
        (.tapeLibraryServer, "TapeLibraryServer"),
        (.symmetricKeyLifecycleClient, "SymmetricKeyLifecycleClient"),
        (.symmetricKeyLifecycleServer, "SymmetricKeyLifecycleServer"),
        (.asymmetricKeyLifecycleClient, "AsymmetricKeyLifecycleClient"),
        (.asymmetricKeyLifecycleServer, "AsymmetricKeyLifecycleServer"),
        (.basicCryptographicClient, "BasicCryptographicClient"),
        (.basicCryptographicServer, "BasicCryptographicServer"),
        (.advancedCryptographicClient, "AdvancedCryptographicClient"),
        (.advancedCryptographicServer, "AdvancedCryptographicServer"),
        (.rngCryptographicClient, "RNGCryptographicClient"),
        (.rngCryptographicServer, "RNGCryptographicServer"),
        (.basicSymmetricKeyFoundryClient, "BasicSymmetricKeyFoundryClient"),
        (.intermediateSymmetricKeyFoundryClient, "IntermediateSymmetricKeyFoundryClient"),
        (.advancedSymmetricKeyFoundryClient, "AdvancedSymmetricKeyFoundryClient"),
        (.symmetricKeyFoundryServer, "SymmetricKeyFoundryServer"),
        (.opaqueManagedObjectStoreClient, "OpaqueManagedObjectStoreClient"),
        (.opaqueManagedObjectStoreServer, "OpaqueManagedObjectStoreServer"),
        (.suiteBMinLOS128Client, "SuiteBMinLOS_128Client"),
        (.suiteBMinLOS128Server, "SuiteBMinLOS_128Server"),
        (.suiteBMinLOS192Client, "SuiteBMinLOS_192Client"),
        (.suiteBMinLOS192Server, "SuiteBMinLOS_192Server"),
        (.storageArrayWithSelfEncryptingDriveClient, "StorageArrayWithSelfEncryptingDriveClient"),
        (.storageArrayWithSelfEncryptingDriveServer, "StorageArrayWithSelfEncryptingDriveServer"),
        (.httpsClient, "HTTPSClient"),
        (.httpsServer, "HTTPSServer"),
        (.jsonClient, "JSONClient"),
        (.jsonServer, "JSONServer"),
        (.xmlClient, "XMLClient"),
        (.xmlServer, "XMLServer"),
        (.aesxtsClient, "AESXTSClient"),
        (.aesxtsServer, "AESXTSServer"),
        (.quantumSafeClient, "QuantumSafeClient"),
        (.quantumSafeServer, "QuantumSafeServer"),
        (.pkcs11Client, "PKCS_11Client"),
        (.pkcs11Server, "PKCS_11Server"),
        (.baselineClient, "BaselineClient"),
        (.baselineServer, "BaselineServer"),
        (.completeServer, "CompleteServer"),
    ]
}
