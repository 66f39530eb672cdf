/// Operation (KMIP 1.0+; 1.4 §9.1.3.2.27).
public struct Operation: KMIPEnumeration {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let create = Operation(rawValue: 0x0000_0001)
    public static let createKeyPair = Operation(rawValue: 0x0000_0002)
    public static let register = Operation(rawValue: 0x0000_0003)
    public static let reKey = Operation(rawValue: 0x0000_0004)
    public static let deriveKey = Operation(rawValue: 0x0000_0005)
    public static let certify = Operation(rawValue: 0x0000_0006)
    public static let reCertify = Operation(rawValue: 0x0000_0007)
    public static let locate = Operation(rawValue: 0x0000_0008)
    public static let check = Operation(rawValue: 0x0000_0009)
    public static let get = Operation(rawValue: 0x0000_000A)
    public static let getAttributes = Operation(rawValue: 0x0000_000B)
    public static let getAttributeList = Operation(rawValue: 0x0000_000C)
    public static let addAttribute = Operation(rawValue: 0x0000_000D)
    public static let modifyAttribute = Operation(rawValue: 0x0000_000E)
    public static let deleteAttribute = Operation(rawValue: 0x0000_000F)
    public static let obtainLease = Operation(rawValue: 0x0000_0010)
    public static let getUsageAllocation = Operation(rawValue: 0x0000_0011)
    public static let activate = Operation(rawValue: 0x0000_0012)
    public static let revoke = Operation(rawValue: 0x0000_0013)
    public static let destroy = Operation(rawValue: 0x0000_0014)
    public static let archive = Operation(rawValue: 0x0000_0015)
    public static let recover = Operation(rawValue: 0x0000_0016)
    public static let validate = Operation(rawValue: 0x0000_0017)
    public static let query = Operation(rawValue: 0x0000_0018)
    public static let cancel = Operation(rawValue: 0x0000_0019)
    public static let poll = Operation(rawValue: 0x0000_001A)
    public static let notify = Operation(rawValue: 0x0000_001B)
    public static let put = Operation(rawValue: 0x0000_001C)
    public static let reKeyKeyPair = Operation(rawValue: 0x0000_001D)
    public static let discoverVersions = Operation(rawValue: 0x0000_001E)
    public static let encrypt = Operation(rawValue: 0x0000_001F)
    public static let decrypt = Operation(rawValue: 0x0000_0020)
    public static let sign = Operation(rawValue: 0x0000_0021)
    public static let signatureVerify = Operation(rawValue: 0x0000_0022)
    public static let mac = Operation(rawValue: 0x0000_0023)
    public static let macVerify = Operation(rawValue: 0x0000_0024)
    public static let rngRetrieve = Operation(rawValue: 0x0000_0025)
    public static let rngSeed = Operation(rawValue: 0x0000_0026)
    public static let hash = Operation(rawValue: 0x0000_0027)
    public static let createSplitKey = Operation(rawValue: 0x0000_0028)
    public static let joinSplitKey = Operation(rawValue: 0x0000_0029)
    public static let `import` = Operation(rawValue: 0x0000_002A)
    public static let export = Operation(rawValue: 0x0000_002B)
    /// KMIP 2.0+.
    public static let log = Operation(rawValue: 0x0000_002C)
    /// KMIP 2.0+.
    public static let login = Operation(rawValue: 0x0000_002D)
    /// KMIP 2.0+.
    public static let logout = Operation(rawValue: 0x0000_002E)
    /// KMIP 2.0+.
    public static let delegatedLogin = Operation(rawValue: 0x0000_002F)
    /// KMIP 2.0+.
    public static let adjustAttribute = Operation(rawValue: 0x0000_0030)
    /// KMIP 2.0+.
    public static let setAttribute = Operation(rawValue: 0x0000_0031)
    /// KMIP 2.0+.
    public static let setEndpointRole = Operation(rawValue: 0x0000_0032)
    /// KMIP 2.0+.
    public static let pkcs11 = Operation(rawValue: 0x0000_0033)
    /// KMIP 2.0+.
    public static let interop = Operation(rawValue: 0x0000_0034)
    /// KMIP 2.0+.
    public static let reProvision = Operation(rawValue: 0x0000_0035)
    /// KMIP 2.1+.
    public static let setDefaults = Operation(rawValue: 0x0000_0036)
    /// KMIP 2.1+.
    public static let setConstraints = Operation(rawValue: 0x0000_0037)
    /// KMIP 2.1+.
    public static let getConstraints = Operation(rawValue: 0x0000_0038)
    /// KMIP 2.1+.
    public static let queryAsynchronousRequests = Operation(rawValue: 0x0000_0039)
    /// KMIP 2.1+.
    public static let process = Operation(rawValue: 0x0000_003A)
    /// KMIP 2.1+.
    public static let ping = Operation(rawValue: 0x0000_003B)

    public static let known: [(Operation, String)] = [
        (.create, "Create"),
        (.createKeyPair, "CreateKeyPair"),
        (.register, "Register"),
        (.reKey, "ReKey"),
        (.deriveKey, "DeriveKey"),
        (.certify, "Certify"),
        (.reCertify, "ReCertify"),
        (.locate, "Locate"),
        (.check, "Check"),
        (.get, "Get"),
        (.getAttributes, "GetAttributes"),
        (.getAttributeList, "GetAttributeList"),
        (.addAttribute, "AddAttribute"),
        (.modifyAttribute, "ModifyAttribute"),
        (.deleteAttribute, "DeleteAttribute"),
        (.obtainLease, "ObtainLease"),
        (.getUsageAllocation, "GetUsageAllocation"),
        (.activate, "Activate"),
        (.revoke, "Revoke"),
        (.destroy, "Destroy"),
        (.archive, "Archive"),
        (.recover, "Recover"),
        (.validate, "Validate"),
        (.query, "Query"),
        (.cancel, "Cancel"),
        (.poll, "Poll"),
        (.notify, "Notify"),
        (.put, "Put"),
        (.reKeyKeyPair, "ReKeyKeyPair"),
        (.discoverVersions, "DiscoverVersions"),
        (.encrypt, "Encrypt"),
        (.decrypt, "Decrypt"),
        (.sign, "Sign"),
        (.signatureVerify, "SignatureVerify"),
        (.mac, "MAC"),
        (.macVerify, "MACVerify"),
        (.rngRetrieve, "RNGRetrieve"),
        (.rngSeed, "RNGSeed"),
        (.hash, "Hash"),
        (.createSplitKey, "CreateSplitKey"),
        (.joinSplitKey, "JoinSplitKey"),
        (.`import`, "Import"),
        (.export, "Export"),
        (.log, "Log"),
        (.login, "Login"),
        (.logout, "Logout"),
        (.delegatedLogin, "DelegatedLogin"),
        (.adjustAttribute, "AdjustAttribute"),
        (.setAttribute, "SetAttribute"),
        (.setEndpointRole, "SetEndpointRole"),
        (.pkcs11, "PKCS_11"),
        (.interop, "Interop"),
        (.reProvision, "ReProvision"),
        (.setDefaults, "SetDefaults"),
        (.setConstraints, "SetConstraints"),
        (.getConstraints, "GetConstraints"),
        (.queryAsynchronousRequests, "QueryAsynchronousRequests"),
        (.process, "Process"),
        (.ping, "Ping"),
    ]
}
