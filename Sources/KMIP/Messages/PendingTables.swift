// Enumerations and tags the message model needs before the `tables` branch lands. The lead moves or deletes
// each block once Tags/ and Enumerations/ define it (same names, same raw values).

/// Operation (KMIP 1.0–2.1).
public struct Operation: KMIPEnumeration {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let create = Operation(rawValue: 0x00000001)
    public static let createKeyPair = Operation(rawValue: 0x00000002)
    public static let register = Operation(rawValue: 0x00000003)
    public static let reKey = Operation(rawValue: 0x00000004)
    public static let deriveKey = Operation(rawValue: 0x00000005)
    public static let certify = Operation(rawValue: 0x00000006)
    public static let reCertify = Operation(rawValue: 0x00000007)
    public static let locate = Operation(rawValue: 0x00000008)
    public static let check = Operation(rawValue: 0x00000009)
    public static let get = Operation(rawValue: 0x0000000A)
    public static let getAttributes = Operation(rawValue: 0x0000000B)
    public static let getAttributeList = Operation(rawValue: 0x0000000C)
    public static let addAttribute = Operation(rawValue: 0x0000000D)
    public static let modifyAttribute = Operation(rawValue: 0x0000000E)
    public static let deleteAttribute = Operation(rawValue: 0x0000000F)
    public static let obtainLease = Operation(rawValue: 0x00000010)
    public static let getUsageAllocation = Operation(rawValue: 0x00000011)
    public static let activate = Operation(rawValue: 0x00000012)
    public static let revoke = Operation(rawValue: 0x00000013)
    public static let destroy = Operation(rawValue: 0x00000014)
    public static let archive = Operation(rawValue: 0x00000015)
    public static let recover = Operation(rawValue: 0x00000016)
    public static let validate = Operation(rawValue: 0x00000017)
    public static let query = Operation(rawValue: 0x00000018)
    public static let cancel = Operation(rawValue: 0x00000019)
    public static let poll = Operation(rawValue: 0x0000001A)
    public static let notify = Operation(rawValue: 0x0000001B)
    public static let put = Operation(rawValue: 0x0000001C)
    public static let reKeyKeyPair = Operation(rawValue: 0x0000001D)
    public static let discoverVersions = Operation(rawValue: 0x0000001E)
    public static let encrypt = Operation(rawValue: 0x0000001F)
    public static let decrypt = Operation(rawValue: 0x00000020)
    public static let sign = Operation(rawValue: 0x00000021)
    public static let signatureVerify = Operation(rawValue: 0x00000022)
    public static let mac = Operation(rawValue: 0x00000023)
    public static let macVerify = Operation(rawValue: 0x00000024)
    public static let rngRetrieve = Operation(rawValue: 0x00000025)
    public static let rngSeed = Operation(rawValue: 0x00000026)
    public static let hash = Operation(rawValue: 0x00000027)
    public static let createSplitKey = Operation(rawValue: 0x00000028)
    public static let joinSplitKey = Operation(rawValue: 0x00000029)
    public static let `import` = Operation(rawValue: 0x0000002A)
    public static let export = Operation(rawValue: 0x0000002B)
    public static let log = Operation(rawValue: 0x0000002C)
    public static let login = Operation(rawValue: 0x0000002D)
    public static let logout = Operation(rawValue: 0x0000002E)
    public static let delegatedLogin = Operation(rawValue: 0x0000002F)
    public static let adjustAttribute = Operation(rawValue: 0x00000030)
    public static let setAttribute = Operation(rawValue: 0x00000031)
    public static let setEndpointRole = Operation(rawValue: 0x00000032)
    public static let pkcs11 = Operation(rawValue: 0x00000033)
    public static let interop = Operation(rawValue: 0x00000034)
    public static let reProvision = Operation(rawValue: 0x00000035)

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
        (.mac, "Mac"),
        (.macVerify, "MacVerify"),
        (.rngRetrieve, "RngRetrieve"),
        (.rngSeed, "RngSeed"),
        (.hash, "Hash"),
        (.createSplitKey, "CreateSplitKey"),
        (.joinSplitKey, "JoinSplitKey"),
        (.import, "Import"),
        (.export, "Export"),
        (.log, "Log"),
        (.login, "Login"),
        (.logout, "Logout"),
        (.delegatedLogin, "DelegatedLogin"),
        (.adjustAttribute, "AdjustAttribute"),
        (.setAttribute, "SetAttribute"),
        (.setEndpointRole, "SetEndpointRole"),
        (.pkcs11, "Pkcs11"),
        (.interop, "Interop"),
        (.reProvision, "ReProvision"),
    ]
}

/// Result Status.
public struct ResultStatus: KMIPEnumeration {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let success = ResultStatus(rawValue: 0x00000000)
    public static let operationFailed = ResultStatus(rawValue: 0x00000001)
    public static let operationPending = ResultStatus(rawValue: 0x00000002)
    public static let operationUndone = ResultStatus(rawValue: 0x00000003)

    public static let known: [(ResultStatus, String)] = [
        (.success, "Success"),
        (.operationFailed, "OperationFailed"),
        (.operationPending, "OperationPending"),
        (.operationUndone, "OperationUndone"),
    ]
}

/// Result Reason.
public struct ResultReason: KMIPEnumeration {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let itemNotFound = ResultReason(rawValue: 0x00000001)
    public static let responseTooLarge = ResultReason(rawValue: 0x00000002)
    public static let authenticationNotSuccessful = ResultReason(rawValue: 0x00000003)
    public static let invalidMessage = ResultReason(rawValue: 0x00000004)
    public static let operationNotSupported = ResultReason(rawValue: 0x00000005)
    public static let missingData = ResultReason(rawValue: 0x00000006)
    public static let invalidField = ResultReason(rawValue: 0x00000007)
    public static let featureNotSupported = ResultReason(rawValue: 0x00000008)
    public static let operationCanceledByRequester = ResultReason(rawValue: 0x00000009)
    public static let cryptographicFailure = ResultReason(rawValue: 0x0000000A)
    public static let illegalOperation = ResultReason(rawValue: 0x0000000B)
    public static let permissionDenied = ResultReason(rawValue: 0x0000000C)
    public static let objectArchived = ResultReason(rawValue: 0x0000000D)
    public static let indexOutOfBounds = ResultReason(rawValue: 0x0000000E)
    public static let applicationNamespaceNotSupported = ResultReason(rawValue: 0x0000000F)
    public static let keyFormatTypeNotSupported = ResultReason(rawValue: 0x00000010)
    public static let keyCompressionTypeNotSupported = ResultReason(rawValue: 0x00000011)
    public static let encodingOptionError = ResultReason(rawValue: 0x00000012)
    public static let keyValueNotPresent = ResultReason(rawValue: 0x00000013)
    public static let attestationRequired = ResultReason(rawValue: 0x00000014)
    public static let attestationFailed = ResultReason(rawValue: 0x00000015)
    public static let sensitive = ResultReason(rawValue: 0x00000016)
    public static let notExtractable = ResultReason(rawValue: 0x00000017)
    public static let objectAlreadyExists = ResultReason(rawValue: 0x00000018)
    public static let generalFailure = ResultReason(rawValue: 0x00000100)

    public static let known: [(ResultReason, String)] = [
        (.itemNotFound, "ItemNotFound"),
        (.responseTooLarge, "ResponseTooLarge"),
        (.authenticationNotSuccessful, "AuthenticationNotSuccessful"),
        (.invalidMessage, "InvalidMessage"),
        (.operationNotSupported, "OperationNotSupported"),
        (.missingData, "MissingData"),
        (.invalidField, "InvalidField"),
        (.featureNotSupported, "FeatureNotSupported"),
        (.operationCanceledByRequester, "OperationCanceledByRequester"),
        (.cryptographicFailure, "CryptographicFailure"),
        (.illegalOperation, "IllegalOperation"),
        (.permissionDenied, "PermissionDenied"),
        (.objectArchived, "ObjectArchived"),
        (.indexOutOfBounds, "IndexOutOfBounds"),
        (.applicationNamespaceNotSupported, "ApplicationNamespaceNotSupported"),
        (.keyFormatTypeNotSupported, "KeyFormatTypeNotSupported"),
        (.keyCompressionTypeNotSupported, "KeyCompressionTypeNotSupported"),
        (.encodingOptionError, "EncodingOptionError"),
        (.keyValueNotPresent, "KeyValueNotPresent"),
        (.attestationRequired, "AttestationRequired"),
        (.attestationFailed, "AttestationFailed"),
        (.sensitive, "Sensitive"),
        (.notExtractable, "NotExtractable"),
        (.objectAlreadyExists, "ObjectAlreadyExists"),
        (.generalFailure, "GeneralFailure"),
    ]
}

/// Cryptographic Algorithm (subset).
public struct CryptographicAlgorithm: KMIPEnumeration {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let des = CryptographicAlgorithm(rawValue: 0x00000001)
    public static let tripleDES = CryptographicAlgorithm(rawValue: 0x00000002)
    public static let aes = CryptographicAlgorithm(rawValue: 0x00000003)
    public static let rsa = CryptographicAlgorithm(rawValue: 0x00000004)
    public static let dsa = CryptographicAlgorithm(rawValue: 0x00000005)
    public static let ecdsa = CryptographicAlgorithm(rawValue: 0x00000006)
    public static let hmacSHA1 = CryptographicAlgorithm(rawValue: 0x00000007)
    public static let hmacSHA256 = CryptographicAlgorithm(rawValue: 0x00000009)

    public static let known: [(CryptographicAlgorithm, String)] = [
        (.des, "Des"),
        (.tripleDES, "TripleDES"),
        (.aes, "Aes"),
        (.rsa, "Rsa"),
        (.dsa, "Dsa"),
        (.ecdsa, "Ecdsa"),
        (.hmacSHA1, "HmacSHA1"),
        (.hmacSHA256, "HmacSHA256"),
    ]
}

/// Key Format Type (subset).
public struct KeyFormatType: KMIPEnumeration {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let raw = KeyFormatType(rawValue: 0x00000001)
    public static let opaque = KeyFormatType(rawValue: 0x00000002)
    public static let pkcs1 = KeyFormatType(rawValue: 0x00000003)
    public static let pkcs8 = KeyFormatType(rawValue: 0x00000004)
    public static let x509 = KeyFormatType(rawValue: 0x00000005)
    public static let ecPrivateKey = KeyFormatType(rawValue: 0x00000006)
    public static let transparentSymmetricKey = KeyFormatType(rawValue: 0x00000007)

    public static let known: [(KeyFormatType, String)] = [
        (.raw, "Raw"),
        (.opaque, "Opaque"),
        (.pkcs1, "Pkcs1"),
        (.pkcs8, "Pkcs8"),
        (.x509, "X509"),
        (.ecPrivateKey, "EcPrivateKey"),
        (.transparentSymmetricKey, "TransparentSymmetricKey"),
    ]
}

/// Key Compression Type.
public struct KeyCompressionType: KMIPEnumeration {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let ecPublicKeyTypeUncompressed = KeyCompressionType(rawValue: 0x00000001)
    public static let ecPublicKeyTypeX962CompressedPrime = KeyCompressionType(rawValue: 0x00000002)
    public static let ecPublicKeyTypeX962CompressedChar2 = KeyCompressionType(rawValue: 0x00000003)
    public static let ecPublicKeyTypeX962Hybrid = KeyCompressionType(rawValue: 0x00000004)

    public static let known: [(KeyCompressionType, String)] = [
        (.ecPublicKeyTypeUncompressed, "EcPublicKeyTypeUncompressed"),
        (.ecPublicKeyTypeX962CompressedPrime, "EcPublicKeyTypeX962CompressedPrime"),
        (.ecPublicKeyTypeX962CompressedChar2, "EcPublicKeyTypeX962CompressedChar2"),
        (.ecPublicKeyTypeX962Hybrid, "EcPublicKeyTypeX962Hybrid"),
    ]
}

/// Name Type.
public struct NameType: KMIPEnumeration {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let uninterpretedTextString = NameType(rawValue: 0x00000001)
    public static let uri = NameType(rawValue: 0x00000002)

    public static let known: [(NameType, String)] = [
        (.uninterpretedTextString, "UninterpretedTextString"),
        (.uri, "Uri"),
    ]
}

/// Link Type.
public struct LinkType: KMIPEnumeration {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let certificateLink = LinkType(rawValue: 0x00000101)
    public static let publicKeyLink = LinkType(rawValue: 0x00000102)
    public static let privateKeyLink = LinkType(rawValue: 0x00000103)
    public static let derivationBaseObjectLink = LinkType(rawValue: 0x00000104)
    public static let derivedKeyLink = LinkType(rawValue: 0x00000105)
    public static let replacementObjectLink = LinkType(rawValue: 0x00000106)
    public static let replacedObjectLink = LinkType(rawValue: 0x00000107)
    public static let parentLink = LinkType(rawValue: 0x00000108)
    public static let childLink = LinkType(rawValue: 0x00000109)
    public static let previousLink = LinkType(rawValue: 0x0000010A)
    public static let nextLink = LinkType(rawValue: 0x0000010B)

    public static let known: [(LinkType, String)] = [
        (.certificateLink, "CertificateLink"),
        (.publicKeyLink, "PublicKeyLink"),
        (.privateKeyLink, "PrivateKeyLink"),
        (.derivationBaseObjectLink, "DerivationBaseObjectLink"),
        (.derivedKeyLink, "DerivedKeyLink"),
        (.replacementObjectLink, "ReplacementObjectLink"),
        (.replacedObjectLink, "ReplacedObjectLink"),
        (.parentLink, "ParentLink"),
        (.childLink, "ChildLink"),
        (.previousLink, "PreviousLink"),
        (.nextLink, "NextLink"),
    ]
}

/// Query Function.
public struct QueryFunction: KMIPEnumeration {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let queryOperations = QueryFunction(rawValue: 0x00000001)
    public static let queryObjects = QueryFunction(rawValue: 0x00000002)
    public static let queryServerInformation = QueryFunction(rawValue: 0x00000003)
    public static let queryApplicationNamespaces = QueryFunction(rawValue: 0x00000004)
    public static let queryExtensionList = QueryFunction(rawValue: 0x00000005)
    public static let queryExtensionMap = QueryFunction(rawValue: 0x00000006)
    public static let queryAttestationTypes = QueryFunction(rawValue: 0x00000007)

    public static let known: [(QueryFunction, String)] = [
        (.queryOperations, "QueryOperations"),
        (.queryObjects, "QueryObjects"),
        (.queryServerInformation, "QueryServerInformation"),
        (.queryApplicationNamespaces, "QueryApplicationNamespaces"),
        (.queryExtensionList, "QueryExtensionList"),
        (.queryExtensionMap, "QueryExtensionMap"),
        (.queryAttestationTypes, "QueryAttestationTypes"),
    ]
}

/// Revocation Reason Code.
public struct RevocationReasonCode: KMIPEnumeration {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let unspecified = RevocationReasonCode(rawValue: 0x00000001)
    public static let keyCompromise = RevocationReasonCode(rawValue: 0x00000002)
    public static let caCompromise = RevocationReasonCode(rawValue: 0x00000003)
    public static let affiliationChanged = RevocationReasonCode(rawValue: 0x00000004)
    public static let superseded = RevocationReasonCode(rawValue: 0x00000005)
    public static let cessationOfOperation = RevocationReasonCode(rawValue: 0x00000006)
    public static let privilegeWithdrawn = RevocationReasonCode(rawValue: 0x00000007)

    public static let known: [(RevocationReasonCode, String)] = [
        (.unspecified, "Unspecified"),
        (.keyCompromise, "KeyCompromise"),
        (.caCompromise, "CaCompromise"),
        (.affiliationChanged, "AffiliationChanged"),
        (.superseded, "Superseded"),
        (.cessationOfOperation, "CessationOfOperation"),
        (.privilegeWithdrawn, "PrivilegeWithdrawn"),
    ]
}

/// Batch Error Continuation Option.
public struct BatchErrorContinuationOption: KMIPEnumeration {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let `continue` = BatchErrorContinuationOption(rawValue: 0x00000001)
    public static let stop = BatchErrorContinuationOption(rawValue: 0x00000002)
    public static let undo = BatchErrorContinuationOption(rawValue: 0x00000003)

    public static let known: [(BatchErrorContinuationOption, String)] = [
        (.continue, "Continue"),
        (.stop, "Stop"),
        (.undo, "Undo"),
    ]
}

/// Wrapping Method.
public struct WrappingMethod: KMIPEnumeration {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let encrypt = WrappingMethod(rawValue: 0x00000001)
    public static let macSign = WrappingMethod(rawValue: 0x00000002)
    public static let encryptThenMACSign = WrappingMethod(rawValue: 0x00000003)
    public static let macSignThenEncrypt = WrappingMethod(rawValue: 0x00000004)
    public static let tr31 = WrappingMethod(rawValue: 0x00000005)

    public static let known: [(WrappingMethod, String)] = [
        (.encrypt, "Encrypt"),
        (.macSign, "MacSign"),
        (.encryptThenMACSign, "EncryptThenMACSign"),
        (.macSignThenEncrypt, "MacSignThenEncrypt"),
        (.tr31, "Tr31"),
    ]
}

/// Block Cipher Mode (subset).
public struct BlockCipherMode: KMIPEnumeration {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let cbc = BlockCipherMode(rawValue: 0x00000001)
    public static let ecb = BlockCipherMode(rawValue: 0x00000002)
    public static let pcbc = BlockCipherMode(rawValue: 0x00000003)
    public static let cfb = BlockCipherMode(rawValue: 0x00000004)
    public static let ofb = BlockCipherMode(rawValue: 0x00000005)
    public static let ctr = BlockCipherMode(rawValue: 0x00000006)
    public static let cmac = BlockCipherMode(rawValue: 0x00000007)
    public static let ccm = BlockCipherMode(rawValue: 0x00000008)
    public static let gcm = BlockCipherMode(rawValue: 0x00000009)
    public static let cbcMAC = BlockCipherMode(rawValue: 0x0000000A)
    public static let xts = BlockCipherMode(rawValue: 0x0000000B)
    public static let aesKeyWrapPadding = BlockCipherMode(rawValue: 0x0000000C)
    public static let nistKeyWrap = BlockCipherMode(rawValue: 0x0000000D)

    public static let known: [(BlockCipherMode, String)] = [
        (.cbc, "Cbc"),
        (.ecb, "Ecb"),
        (.pcbc, "Pcbc"),
        (.cfb, "Cfb"),
        (.ofb, "Ofb"),
        (.ctr, "Ctr"),
        (.cmac, "Cmac"),
        (.ccm, "Ccm"),
        (.gcm, "Gcm"),
        (.cbcMAC, "CbcMAC"),
        (.xts, "Xts"),
        (.aesKeyWrapPadding, "AesKeyWrapPadding"),
        (.nistKeyWrap, "NistKeyWrap"),
    ]
}

/// Padding Method.
public struct PaddingMethod: KMIPEnumeration {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let none = PaddingMethod(rawValue: 0x00000001)
    public static let oaep = PaddingMethod(rawValue: 0x00000002)
    public static let pkcs5 = PaddingMethod(rawValue: 0x00000003)
    public static let ssl3 = PaddingMethod(rawValue: 0x00000004)
    public static let zeros = PaddingMethod(rawValue: 0x00000005)
    public static let ansiX923 = PaddingMethod(rawValue: 0x00000006)
    public static let iso10126 = PaddingMethod(rawValue: 0x00000007)
    public static let pkcs1v15 = PaddingMethod(rawValue: 0x00000008)
    public static let x931 = PaddingMethod(rawValue: 0x00000009)
    public static let pss = PaddingMethod(rawValue: 0x0000000A)

    public static let known: [(PaddingMethod, String)] = [
        (.none, "None"),
        (.oaep, "Oaep"),
        (.pkcs5, "Pkcs5"),
        (.ssl3, "Ssl3"),
        (.zeros, "Zeros"),
        (.ansiX923, "AnsiX923"),
        (.iso10126, "Iso10126"),
        (.pkcs1v15, "Pkcs1v15"),
        (.x931, "X931"),
        (.pss, "Pss"),
    ]
}

/// Hashing Algorithm (subset).
public struct HashingAlgorithm: KMIPEnumeration {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let md2 = HashingAlgorithm(rawValue: 0x00000001)
    public static let md4 = HashingAlgorithm(rawValue: 0x00000002)
    public static let md5 = HashingAlgorithm(rawValue: 0x00000003)
    public static let sha1 = HashingAlgorithm(rawValue: 0x00000004)
    public static let sha224 = HashingAlgorithm(rawValue: 0x00000005)
    public static let sha256 = HashingAlgorithm(rawValue: 0x00000006)
    public static let sha384 = HashingAlgorithm(rawValue: 0x00000007)
    public static let sha512 = HashingAlgorithm(rawValue: 0x00000008)

    public static let known: [(HashingAlgorithm, String)] = [
        (.md2, "Md2"),
        (.md4, "Md4"),
        (.md5, "Md5"),
        (.sha1, "Sha1"),
        (.sha224, "Sha224"),
        (.sha256, "Sha256"),
        (.sha384, "Sha384"),
        (.sha512, "Sha512"),
    ]
}

/// Key Role Type (subset).
public struct KeyRoleType: KMIPEnumeration {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let bdk = KeyRoleType(rawValue: 0x00000001)
    public static let kek = KeyRoleType(rawValue: 0x0000000B)

    public static let known: [(KeyRoleType, String)] = [
        (.bdk, "Bdk"),
        (.kek, "Kek"),
    ]
}

/// Digital Signature Algorithm (subset).
public struct DigitalSignatureAlgorithm: KMIPEnumeration {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let sha256WithRSAEncryption = DigitalSignatureAlgorithm(rawValue: 0x00000005)

    public static let known: [(DigitalSignatureAlgorithm, String)] = [
        (.sha256WithRSAEncryption, "Sha256WithRSAEncryption"),
    ]
}

/// Mask Generator.
public struct MaskGenerator: KMIPEnumeration {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let mgf1 = MaskGenerator(rawValue: 0x00000001)

    public static let known: [(MaskGenerator, String)] = [
        (.mgf1, "Mgf1"),
    ]
}

/// Encoding Option.
public struct EncodingOption: KMIPEnumeration {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let noEncoding = EncodingOption(rawValue: 0x00000001)
    public static let ttlvEncoding = EncodingOption(rawValue: 0x00000002)

    public static let known: [(EncodingOption, String)] = [
        (.noEncoding, "NoEncoding"),
        (.ttlvEncoding, "TtlvEncoding"),
    ]
}

/// Secret Data Type.
public struct SecretDataType: KMIPEnumeration {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let password = SecretDataType(rawValue: 0x00000001)
    public static let seed = SecretDataType(rawValue: 0x00000002)

    public static let known: [(SecretDataType, String)] = [
        (.password, "Password"),
        (.seed, "Seed"),
    ]
}

/// Opaque Data Type (no standard values; vendors use 0x8xxxxxxx).
public struct OpaqueDataType: KMIPEnumeration {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }


    public static let known: [(OpaqueDataType, String)] = [
    ]
}

/// Credential Type.
public struct CredentialType: KMIPEnumeration {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let usernameAndPassword = CredentialType(rawValue: 0x00000001)
    public static let device = CredentialType(rawValue: 0x00000002)
    public static let attestation = CredentialType(rawValue: 0x00000003)
    public static let oneTimePassword = CredentialType(rawValue: 0x00000004)
    public static let hashedPassword = CredentialType(rawValue: 0x00000005)
    public static let ticket = CredentialType(rawValue: 0x00000006)

    public static let known: [(CredentialType, String)] = [
        (.usernameAndPassword, "UsernameAndPassword"),
        (.device, "Device"),
        (.attestation, "Attestation"),
        (.oneTimePassword, "OneTimePassword"),
        (.hashedPassword, "HashedPassword"),
        (.ticket, "Ticket"),
    ]
}

/// Attestation Type.
public struct AttestationType: KMIPEnumeration {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let tpmQuote = AttestationType(rawValue: 0x00000001)
    public static let tcgIntegrityReport = AttestationType(rawValue: 0x00000002)
    public static let samlAssertion = AttestationType(rawValue: 0x00000003)

    public static let known: [(AttestationType, String)] = [
        (.tpmQuote, "TpmQuote"),
        (.tcgIntegrityReport, "TcgIntegrityReport"),
        (.samlAssertion, "SamlAssertion"),
    ]
}

/// Object Group Member.
public struct ObjectGroupMember: KMIPEnumeration {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let groupMemberFresh = ObjectGroupMember(rawValue: 0x00000001)
    public static let groupMemberDefault = ObjectGroupMember(rawValue: 0x00000002)

    public static let known: [(ObjectGroupMember, String)] = [
        (.groupMemberFresh, "GroupMemberFresh"),
        (.groupMemberDefault, "GroupMemberDefault"),
    ]
}

/// Validity Indicator.
public struct ValidityIndicator: KMIPEnumeration {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let valid = ValidityIndicator(rawValue: 0x00000001)
    public static let invalid = ValidityIndicator(rawValue: 0x00000002)
    public static let unknown = ValidityIndicator(rawValue: 0x00000003)

    public static let known: [(ValidityIndicator, String)] = [
        (.valid, "Valid"),
        (.invalid, "Invalid"),
        (.unknown, "Unknown"),
    ]
}

/// Key Wrap Type.
public struct KeyWrapType: KMIPEnumeration {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let notWrapped = KeyWrapType(rawValue: 0x00000001)
    public static let asRegistered = KeyWrapType(rawValue: 0x00000002)

    public static let known: [(KeyWrapType, String)] = [
        (.notWrapped, "NotWrapped"),
        (.asRegistered, "AsRegistered"),
    ]
}

/// Interop Function (2.1).
public struct InteropFunction: KMIPEnumeration {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let begin = InteropFunction(rawValue: 0x00000001)
    public static let end = InteropFunction(rawValue: 0x00000002)
    public static let reset = InteropFunction(rawValue: 0x00000003)

    public static let known: [(InteropFunction, String)] = [
        (.begin, "Begin"),
        (.end, "End"),
        (.reset, "Reset"),
    ]
}

/// Usage Limits Unit.
public struct UsageLimitsUnit: KMIPEnumeration {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let byte = UsageLimitsUnit(rawValue: 0x00000001)
    public static let object = UsageLimitsUnit(rawValue: 0x00000002)

    public static let known: [(UsageLimitsUnit, String)] = [
        (.byte, "Byte"),
        (.object, "Object"),
    ]
}

extension Tag {
    public static let applicationData = Tag(rawValue: 0x42_0002)
    public static let applicationNamespace = Tag(rawValue: 0x42_0003)
    public static let applicationSpecificInformation = Tag(rawValue: 0x42_0004)
    public static let archiveDate = Tag(rawValue: 0x42_0005)
    public static let asynchronousCorrelationValue = Tag(rawValue: 0x42_0006)
    public static let asynchronousIndicator = Tag(rawValue: 0x42_0007)
    public static let attributeIndex = Tag(rawValue: 0x42_0009)
    public static let authentication = Tag(rawValue: 0x42_000C)
    public static let batchCount = Tag(rawValue: 0x42_000D)
    public static let batchErrorContinuationOption = Tag(rawValue: 0x42_000E)
    public static let batchItem = Tag(rawValue: 0x42_000F)
    public static let batchOrderOption = Tag(rawValue: 0x42_0010)
    public static let blockCipherMode = Tag(rawValue: 0x42_0011)
    public static let cancellationResult = Tag(rawValue: 0x42_0012)
    public static let certificate = Tag(rawValue: 0x42_0013)
    public static let certificateIdentifier = Tag(rawValue: 0x42_0014)
    public static let certificateIssuer = Tag(rawValue: 0x42_0015)
    public static let certificateIssuerAlternativeName = Tag(rawValue: 0x42_0016)
    public static let certificateIssuerDistinguishedName = Tag(rawValue: 0x42_0017)
    public static let certificateRequest = Tag(rawValue: 0x42_0018)
    public static let certificateRequestType = Tag(rawValue: 0x42_0019)
    public static let certificateSubject = Tag(rawValue: 0x42_001A)
    public static let certificateSubjectAlternativeName = Tag(rawValue: 0x42_001B)
    public static let certificateSubjectDistinguishedName = Tag(rawValue: 0x42_001C)
    public static let certificateType = Tag(rawValue: 0x42_001D)
    public static let certificateValue = Tag(rawValue: 0x42_001E)
    public static let commonTemplateAttribute = Tag(rawValue: 0x42_001F)
    public static let compromiseDate = Tag(rawValue: 0x42_0020)
    public static let compromiseOccurrenceDate = Tag(rawValue: 0x42_0021)
    public static let contactInformation = Tag(rawValue: 0x42_0022)
    public static let credential = Tag(rawValue: 0x42_0023)
    public static let credentialType = Tag(rawValue: 0x42_0024)
    public static let credentialValue = Tag(rawValue: 0x42_0025)
    public static let criticalityIndicator = Tag(rawValue: 0x42_0026)
    public static let crtCoefficient = Tag(rawValue: 0x42_0027)
    public static let cryptographicAlgorithm = Tag(rawValue: 0x42_0028)
    public static let cryptographicDomainParameters = Tag(rawValue: 0x42_0029)
    public static let cryptographicLength = Tag(rawValue: 0x42_002A)
    public static let cryptographicParameters = Tag(rawValue: 0x42_002B)
    public static let cryptographicUsageMask = Tag(rawValue: 0x42_002C)
    public static let customAttribute = Tag(rawValue: 0x42_002D)
    public static let d = Tag(rawValue: 0x42_002E)
    public static let deactivationDate = Tag(rawValue: 0x42_002F)
    public static let derivationData = Tag(rawValue: 0x42_0030)
    public static let derivationMethod = Tag(rawValue: 0x42_0031)
    public static let derivationParameters = Tag(rawValue: 0x42_0032)
    public static let destroyDate = Tag(rawValue: 0x42_0033)
    public static let digest = Tag(rawValue: 0x42_0034)
    public static let digestValue = Tag(rawValue: 0x42_0035)
    public static let encryptionKeyInformation = Tag(rawValue: 0x42_0036)
    public static let g = Tag(rawValue: 0x42_0037)
    public static let hashingAlgorithm = Tag(rawValue: 0x42_0038)
    public static let initialDate = Tag(rawValue: 0x42_0039)
    public static let initializationVector = Tag(rawValue: 0x42_003A)
    public static let issuer = Tag(rawValue: 0x42_003B)
    public static let iterationCount = Tag(rawValue: 0x42_003C)
    public static let ivCounterNonce = Tag(rawValue: 0x42_003D)
    public static let j = Tag(rawValue: 0x42_003E)
    public static let key = Tag(rawValue: 0x42_003F)
    public static let keyBlock = Tag(rawValue: 0x42_0040)
    public static let keyCompressionType = Tag(rawValue: 0x42_0041)
    public static let keyFormatType = Tag(rawValue: 0x42_0042)
    public static let keyMaterial = Tag(rawValue: 0x42_0043)
    public static let keyPartIdentifier = Tag(rawValue: 0x42_0044)
    public static let keyValue = Tag(rawValue: 0x42_0045)
    public static let keyWrappingData = Tag(rawValue: 0x42_0046)
    public static let keyWrappingSpecification = Tag(rawValue: 0x42_0047)
    public static let lastChangeDate = Tag(rawValue: 0x42_0048)
    public static let leaseTime = Tag(rawValue: 0x42_0049)
    public static let link = Tag(rawValue: 0x42_004A)
    public static let linkType = Tag(rawValue: 0x42_004B)
    public static let linkedObjectIdentifier = Tag(rawValue: 0x42_004C)
    public static let macSignature = Tag(rawValue: 0x42_004D)
    public static let macSignatureKeyInformation = Tag(rawValue: 0x42_004E)
    public static let maximumItems = Tag(rawValue: 0x42_004F)
    public static let maximumResponseSize = Tag(rawValue: 0x42_0050)
    public static let messageExtension = Tag(rawValue: 0x42_0051)
    public static let modulus = Tag(rawValue: 0x42_0052)
    public static let name = Tag(rawValue: 0x42_0053)
    public static let nameType = Tag(rawValue: 0x42_0054)
    public static let nameValue = Tag(rawValue: 0x42_0055)
    public static let objectGroup = Tag(rawValue: 0x42_0056)
    public static let objectType = Tag(rawValue: 0x42_0057)
    public static let offset = Tag(rawValue: 0x42_0058)
    public static let opaqueDataType = Tag(rawValue: 0x42_0059)
    public static let opaqueDataValue = Tag(rawValue: 0x42_005A)
    public static let opaqueObject = Tag(rawValue: 0x42_005B)
    public static let operation = Tag(rawValue: 0x42_005C)
    public static let operationPolicyName = Tag(rawValue: 0x42_005D)
    public static let p = Tag(rawValue: 0x42_005E)
    public static let paddingMethod = Tag(rawValue: 0x42_005F)
    public static let primeExponentP = Tag(rawValue: 0x42_0060)
    public static let primeExponentQ = Tag(rawValue: 0x42_0061)
    public static let primeFieldSize = Tag(rawValue: 0x42_0062)
    public static let privateExponent = Tag(rawValue: 0x42_0063)
    public static let privateKey = Tag(rawValue: 0x42_0064)
    public static let privateKeyTemplateAttribute = Tag(rawValue: 0x42_0065)
    public static let privateKeyUniqueIdentifier = Tag(rawValue: 0x42_0066)
    public static let processStartDate = Tag(rawValue: 0x42_0067)
    public static let protectStopDate = Tag(rawValue: 0x42_0068)
    public static let protocolVersion = Tag(rawValue: 0x42_0069)
    public static let protocolVersionMajor = Tag(rawValue: 0x42_006A)
    public static let protocolVersionMinor = Tag(rawValue: 0x42_006B)
    public static let publicExponent = Tag(rawValue: 0x42_006C)
    public static let publicKey = Tag(rawValue: 0x42_006D)
    public static let publicKeyTemplateAttribute = Tag(rawValue: 0x42_006E)
    public static let publicKeyUniqueIdentifier = Tag(rawValue: 0x42_006F)
    public static let putFunction = Tag(rawValue: 0x42_0070)
    public static let q = Tag(rawValue: 0x42_0071)
    public static let qString = Tag(rawValue: 0x42_0072)
    public static let qLength = Tag(rawValue: 0x42_0073)
    public static let queryFunction = Tag(rawValue: 0x42_0074)
    public static let recommendedCurve = Tag(rawValue: 0x42_0075)
    public static let replacedUniqueIdentifier = Tag(rawValue: 0x42_0076)
    public static let requestHeader = Tag(rawValue: 0x42_0077)
    public static let requestMessage = Tag(rawValue: 0x42_0078)
    public static let requestPayload = Tag(rawValue: 0x42_0079)
    public static let responseHeader = Tag(rawValue: 0x42_007A)
    public static let responseMessage = Tag(rawValue: 0x42_007B)
    public static let responsePayload = Tag(rawValue: 0x42_007C)
    public static let resultMessage = Tag(rawValue: 0x42_007D)
    public static let resultReason = Tag(rawValue: 0x42_007E)
    public static let resultStatus = Tag(rawValue: 0x42_007F)
    public static let revocationMessage = Tag(rawValue: 0x42_0080)
    public static let revocationReason = Tag(rawValue: 0x42_0081)
    public static let revocationReasonCode = Tag(rawValue: 0x42_0082)
    public static let keyRoleType = Tag(rawValue: 0x42_0083)
    public static let salt = Tag(rawValue: 0x42_0084)
    public static let secretData = Tag(rawValue: 0x42_0085)
    public static let secretDataType = Tag(rawValue: 0x42_0086)
    public static let serialNumber = Tag(rawValue: 0x42_0087)
    public static let serverInformation = Tag(rawValue: 0x42_0088)
    public static let splitKey = Tag(rawValue: 0x42_0089)
    public static let splitKeyMethod = Tag(rawValue: 0x42_008A)
    public static let splitKeyParts = Tag(rawValue: 0x42_008B)
    public static let splitKeyThreshold = Tag(rawValue: 0x42_008C)
    public static let state = Tag(rawValue: 0x42_008D)
    public static let storageStatusMask = Tag(rawValue: 0x42_008E)
    public static let symmetricKey = Tag(rawValue: 0x42_008F)
    public static let template = Tag(rawValue: 0x42_0090)
    public static let templateAttribute = Tag(rawValue: 0x42_0091)
    public static let timeStamp = Tag(rawValue: 0x42_0092)
    public static let uniqueBatchItemID = Tag(rawValue: 0x42_0093)
    public static let usageLimits = Tag(rawValue: 0x42_0095)
    public static let usageLimitsCount = Tag(rawValue: 0x42_0096)
    public static let usageLimitsTotal = Tag(rawValue: 0x42_0097)
    public static let usageLimitsUnit = Tag(rawValue: 0x42_0098)
    public static let username = Tag(rawValue: 0x42_0099)
    public static let validityDate = Tag(rawValue: 0x42_009A)
    public static let validityIndicator = Tag(rawValue: 0x42_009B)
    public static let vendorExtension = Tag(rawValue: 0x42_009C)
    public static let vendorIdentification = Tag(rawValue: 0x42_009D)
    public static let wrappingMethod = Tag(rawValue: 0x42_009E)
    public static let x = Tag(rawValue: 0x42_009F)
    public static let y = Tag(rawValue: 0x42_00A0)
    public static let password = Tag(rawValue: 0x42_00A1)
    public static let deviceIdentifier = Tag(rawValue: 0x42_00A2)
    public static let encodingOption = Tag(rawValue: 0x42_00A3)
    public static let extensionInformation = Tag(rawValue: 0x42_00A4)
    public static let extensionName = Tag(rawValue: 0x42_00A5)
    public static let extensionTag = Tag(rawValue: 0x42_00A6)
    public static let extensionType = Tag(rawValue: 0x42_00A7)
    public static let fresh = Tag(rawValue: 0x42_00A8)
    public static let machineIdentifier = Tag(rawValue: 0x42_00A9)
    public static let mediaIdentifier = Tag(rawValue: 0x42_00AA)
    public static let networkIdentifier = Tag(rawValue: 0x42_00AB)
    public static let objectGroupMember = Tag(rawValue: 0x42_00AC)
    public static let certificateLength = Tag(rawValue: 0x42_00AD)
    public static let digitalSignatureAlgorithm = Tag(rawValue: 0x42_00AE)
    public static let certificateSerialNumber = Tag(rawValue: 0x42_00AF)
    public static let deviceSerialNumber = Tag(rawValue: 0x42_00B0)
    public static let issuerAlternativeName = Tag(rawValue: 0x42_00B1)
    public static let issuerDistinguishedName = Tag(rawValue: 0x42_00B2)
    public static let subjectAlternativeName = Tag(rawValue: 0x42_00B3)
    public static let subjectDistinguishedName = Tag(rawValue: 0x42_00B4)
    public static let x509CertificateIdentifier = Tag(rawValue: 0x42_00B5)
    public static let x509CertificateIssuer = Tag(rawValue: 0x42_00B6)
    public static let x509CertificateSubject = Tag(rawValue: 0x42_00B7)
    public static let keyValueLocation = Tag(rawValue: 0x42_00B8)
    public static let keyValueLocationValue = Tag(rawValue: 0x42_00B9)
    public static let keyValueLocationType = Tag(rawValue: 0x42_00BA)
    public static let keyValuePresent = Tag(rawValue: 0x42_00BB)
    public static let originalCreationDate = Tag(rawValue: 0x42_00BC)
    public static let pgpKey = Tag(rawValue: 0x42_00BD)
    public static let pgpKeyVersion = Tag(rawValue: 0x42_00BE)
    public static let alternativeName = Tag(rawValue: 0x42_00BF)
    public static let alternativeNameValue = Tag(rawValue: 0x42_00C0)
    public static let alternativeNameType = Tag(rawValue: 0x42_00C1)
    public static let data = Tag(rawValue: 0x42_00C2)
    public static let signatureData = Tag(rawValue: 0x42_00C3)
    public static let dataLength = Tag(rawValue: 0x42_00C4)
    public static let randomIV = Tag(rawValue: 0x42_00C5)
    public static let macData = Tag(rawValue: 0x42_00C6)
    public static let attestationType = Tag(rawValue: 0x42_00C7)
    public static let nonce = Tag(rawValue: 0x42_00C8)
    public static let nonceID = Tag(rawValue: 0x42_00C9)
    public static let nonceValue = Tag(rawValue: 0x42_00CA)
    public static let attestationMeasurement = Tag(rawValue: 0x42_00CB)
    public static let attestationAssertion = Tag(rawValue: 0x42_00CC)
    public static let ivLength = Tag(rawValue: 0x42_00CD)
    public static let tagLength = Tag(rawValue: 0x42_00CE)
    public static let fixedFieldLength = Tag(rawValue: 0x42_00CF)
    public static let counterLength = Tag(rawValue: 0x42_00D0)
    public static let initialCounterValue = Tag(rawValue: 0x42_00D1)
    public static let invocationFieldLength = Tag(rawValue: 0x42_00D2)
    public static let attestationCapableIndicator = Tag(rawValue: 0x42_00D3)
    public static let offsetItems = Tag(rawValue: 0x42_00D4)
    public static let locatedItems = Tag(rawValue: 0x42_00D5)
    public static let correlationValue = Tag(rawValue: 0x42_00D6)
    public static let initIndicator = Tag(rawValue: 0x42_00D7)
    public static let finalIndicator = Tag(rawValue: 0x42_00D8)
    public static let rngParameters = Tag(rawValue: 0x42_00D9)
    public static let rngAlgorithm = Tag(rawValue: 0x42_00DA)
    public static let drbgAlgorithm = Tag(rawValue: 0x42_00DB)
    public static let fips186Variation = Tag(rawValue: 0x42_00DC)
    public static let predictionResistance = Tag(rawValue: 0x42_00DD)
    public static let randomNumberGenerator = Tag(rawValue: 0x42_00DE)
    public static let validationInformation = Tag(rawValue: 0x42_00DF)
    public static let profileInformation = Tag(rawValue: 0x42_00EB)
    public static let capabilityInformation = Tag(rawValue: 0x42_00F7)
    public static let clientRegistrationMethod = Tag(rawValue: 0x42_00F6)
    public static let keyWrapType = Tag(rawValue: 0x42_00F8)
    public static let pkcs12FriendlyName = Tag(rawValue: 0x42_00FB)
    public static let comment = Tag(rawValue: 0x42_00FD)
    public static let authenticatedEncryptionAdditionalData = Tag(rawValue: 0x42_00FE)
    public static let authenticatedEncryptionTag = Tag(rawValue: 0x42_00FF)
    public static let saltLength = Tag(rawValue: 0x42_0100)
    public static let maskGenerator = Tag(rawValue: 0x42_0101)
    public static let maskGeneratorHashingAlgorithm = Tag(rawValue: 0x42_0102)
    public static let pSource = Tag(rawValue: 0x42_0103)
    public static let trailerField = Tag(rawValue: 0x42_0104)
    public static let clientCorrelationValue = Tag(rawValue: 0x42_0105)
    public static let serverCorrelationValue = Tag(rawValue: 0x42_0106)
    public static let sensitive = Tag(rawValue: 0x42_0120)
    public static let alwaysSensitive = Tag(rawValue: 0x42_0121)
    public static let extractable = Tag(rawValue: 0x42_0122)
    public static let neverExtractable = Tag(rawValue: 0x42_0123)
    public static let replaceExisting = Tag(rawValue: 0x42_0124)
    public static let attributes = Tag(rawValue: 0x42_0125)
    public static let commonAttributes = Tag(rawValue: 0x42_0126)
    public static let privateKeyAttributes = Tag(rawValue: 0x42_0127)
    public static let publicKeyAttributes = Tag(rawValue: 0x42_0128)
    public static let shortUniqueIdentifier = Tag(rawValue: 0x42_0136)
    public static let certificateRequestUniqueIdentifier = Tag(rawValue: 0x42_0139)
    public static let nistKeyType = Tag(rawValue: 0x42_013A)
    public static let attributeReference = Tag(rawValue: 0x42_013B)
    public static let currentAttribute = Tag(rawValue: 0x42_013C)
    public static let newAttribute = Tag(rawValue: 0x42_013D)
    public static let protectionLevel = Tag(rawValue: 0x42_0145)
    public static let protectionPeriod = Tag(rawValue: 0x42_0146)
    public static let quantumSafe = Tag(rawValue: 0x42_0147)
    public static let ephemeral = Tag(rawValue: 0x42_0154)
    public static let serverHashedPassword = Tag(rawValue: 0x42_0155)
    public static let defaultsInformation = Tag(rawValue: 0x42_0152)
    public static let protectionStorageMask = Tag(rawValue: 0x42_015E)
    public static let protectionStorageMasks = Tag(rawValue: 0x42_015F)
    public static let interopFunction = Tag(rawValue: 0x42_0160)
    public static let interopIdentifier = Tag(rawValue: 0x42_0161)
    public static let commonProtectionStorageMasks = Tag(rawValue: 0x42_0163)
    public static let privateProtectionStorageMasks = Tag(rawValue: 0x42_0164)
    public static let publicProtectionStorageMasks = Tag(rawValue: 0x42_0165)
}
