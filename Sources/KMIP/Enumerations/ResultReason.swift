/// Result Reason (KMIP 1.0+; 1.4 §9.1.3.2.29).
public struct ResultReason: KMIPEnumeration {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let itemNotFound = ResultReason(rawValue: 0x0000_0001)
    public static let responseTooLarge = ResultReason(rawValue: 0x0000_0002)
    public static let authenticationNotSuccessful = ResultReason(rawValue: 0x0000_0003)
    public static let invalidMessage = ResultReason(rawValue: 0x0000_0004)
    public static let operationNotSupported = ResultReason(rawValue: 0x0000_0005)
    public static let missingData = ResultReason(rawValue: 0x0000_0006)
    public static let invalidField = ResultReason(rawValue: 0x0000_0007)
    public static let featureNotSupported = ResultReason(rawValue: 0x0000_0008)
    public static let operationCanceledByRequester = ResultReason(rawValue: 0x0000_0009)
    public static let cryptographicFailure = ResultReason(rawValue: 0x0000_000A)
    /// KMIP 1.x only; reserved in 2.0.
    public static let illegalOperation = ResultReason(rawValue: 0x0000_000B)
    public static let permissionDenied = ResultReason(rawValue: 0x0000_000C)
    public static let objectArchived = ResultReason(rawValue: 0x0000_000D)
    /// KMIP 1.x only; reserved in 2.0.
    public static let indexOutOfBounds = ResultReason(rawValue: 0x0000_000E)
    public static let applicationNamespaceNotSupported = ResultReason(rawValue: 0x0000_000F)
    public static let keyFormatTypeNotSupported = ResultReason(rawValue: 0x0000_0010)
    public static let keyCompressionTypeNotSupported = ResultReason(rawValue: 0x0000_0011)
    public static let encodingOptionError = ResultReason(rawValue: 0x0000_0012)
    public static let keyValueNotPresent = ResultReason(rawValue: 0x0000_0013)
    public static let attestationRequired = ResultReason(rawValue: 0x0000_0014)
    public static let attestationFailed = ResultReason(rawValue: 0x0000_0015)
    public static let sensitive = ResultReason(rawValue: 0x0000_0016)
    public static let notExtractable = ResultReason(rawValue: 0x0000_0017)
    public static let objectAlreadyExists = ResultReason(rawValue: 0x0000_0018)
    /// KMIP 2.0+.
    public static let invalidTicket = ResultReason(rawValue: 0x0000_0019)
    /// KMIP 2.0+.
    public static let usageLimitExceeded = ResultReason(rawValue: 0x0000_001A)
    /// KMIP 2.0+.
    public static let numericRange = ResultReason(rawValue: 0x0000_001B)
    /// KMIP 2.0+.
    public static let invalidDataType = ResultReason(rawValue: 0x0000_001C)
    /// KMIP 2.0+.
    public static let readOnlyAttribute = ResultReason(rawValue: 0x0000_001D)
    /// KMIP 2.0+.
    public static let multiValuedAttribute = ResultReason(rawValue: 0x0000_001E)
    /// KMIP 2.0+.
    public static let unsupportedAttribute = ResultReason(rawValue: 0x0000_001F)
    /// KMIP 2.0+.
    public static let attributeInstanceNotFound = ResultReason(rawValue: 0x0000_0020)
    /// KMIP 2.0+.
    public static let attributeNotFound = ResultReason(rawValue: 0x0000_0021)
    /// KMIP 2.0+.
    public static let attributeReadOnly = ResultReason(rawValue: 0x0000_0022)
    /// KMIP 2.0+.
    public static let attributeSingleValued = ResultReason(rawValue: 0x0000_0023)
    /// KMIP 2.0+.
    public static let badCryptographicParameters = ResultReason(rawValue: 0x0000_0024)
    /// KMIP 2.0+.
    public static let badPassword = ResultReason(rawValue: 0x0000_0025)
    /// KMIP 2.0+.
    public static let codecError = ResultReason(rawValue: 0x0000_0026)
    /// KMIP 2.0+.
    public static let illegalObjectType = ResultReason(rawValue: 0x0000_0028)
    /// KMIP 2.0+.
    public static let incompatibleCryptographicUsageMask = ResultReason(rawValue: 0x0000_0029)
    /// KMIP 2.0+.
    public static let internalServerError = ResultReason(rawValue: 0x0000_002A)
    /// KMIP 2.0+.
    public static let invalidAsynchronousCorrelationValue = ResultReason(rawValue: 0x0000_002B)
    /// KMIP 2.0+.
    public static let invalidAttribute = ResultReason(rawValue: 0x0000_002C)
    /// KMIP 2.0+.
    public static let invalidAttributeValue = ResultReason(rawValue: 0x0000_002D)
    /// KMIP 2.0+.
    public static let invalidCorrelationValue = ResultReason(rawValue: 0x0000_002E)
    /// KMIP 2.0+.
    public static let invalidCSR = ResultReason(rawValue: 0x0000_002F)
    /// KMIP 2.0+.
    public static let invalidObjectType = ResultReason(rawValue: 0x0000_0030)
    /// KMIP 2.0+.
    public static let keyWrapTypeNotSupported = ResultReason(rawValue: 0x0000_0032)
    /// KMIP 2.0+.
    public static let missingInitializationVector = ResultReason(rawValue: 0x0000_0034)
    /// KMIP 2.0+.
    public static let nonUniqueNameAttribute = ResultReason(rawValue: 0x0000_0035)
    /// KMIP 2.0+.
    public static let objectDestroyed = ResultReason(rawValue: 0x0000_0036)
    /// KMIP 2.0+.
    public static let objectNotFound = ResultReason(rawValue: 0x0000_0037)
    /// KMIP 2.0+.
    public static let notAuthorised = ResultReason(rawValue: 0x0000_0039)
    /// KMIP 2.0+.
    public static let serverLimitExceeded = ResultReason(rawValue: 0x0000_003A)
    /// KMIP 2.0+.
    public static let unknownEnumeration = ResultReason(rawValue: 0x0000_003B)
    /// KMIP 2.0+.
    public static let unknownMessageExtension = ResultReason(rawValue: 0x0000_003C)
    /// KMIP 2.0+.
    public static let unknownTag = ResultReason(rawValue: 0x0000_003D)
    /// KMIP 2.0+.
    public static let unsupportedCryptographicParameters = ResultReason(rawValue: 0x0000_003E)
    /// KMIP 2.0+.
    public static let unsupportedProtocolVersion = ResultReason(rawValue: 0x0000_003F)
    /// KMIP 2.0+.
    public static let wrappingObjectArchived = ResultReason(rawValue: 0x0000_0040)
    /// KMIP 2.0+.
    public static let wrappingObjectDestroyed = ResultReason(rawValue: 0x0000_0041)
    /// KMIP 2.0+.
    public static let wrappingObjectNotFound = ResultReason(rawValue: 0x0000_0042)
    /// KMIP 2.0+.
    public static let wrongKeyLifecycleState = ResultReason(rawValue: 0x0000_0043)
    /// KMIP 2.0+.
    public static let protectionStorageUnavailable = ResultReason(rawValue: 0x0000_0044)
    /// KMIP 2.0+.
    public static let pkcs11CodecError = ResultReason(rawValue: 0x0000_0045)
    /// KMIP 2.0+.
    public static let pkcs11InvalidFunction = ResultReason(rawValue: 0x0000_0046)
    /// KMIP 2.0+.
    public static let pkcs11InvalidInterface = ResultReason(rawValue: 0x0000_0047)
    /// KMIP 2.0+.
    public static let privateProtectionStorageUnavailable = ResultReason(rawValue: 0x0000_0048)
    /// KMIP 2.0+.
    public static let publicProtectionStorageUnavailable = ResultReason(rawValue: 0x0000_0049)
    /// KMIP 2.1+.
    public static let unknownObjectGroup = ResultReason(rawValue: 0x0000_004A)
    /// KMIP 2.1+.
    public static let constraintViolation = ResultReason(rawValue: 0x0000_004B)
    /// KMIP 2.1+.
    public static let duplicateProcessRequest = ResultReason(rawValue: 0x0000_004C)
    public static let generalFailure = ResultReason(rawValue: 0x0000_0100)

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
        (.invalidTicket, "InvalidTicket"),
        (.usageLimitExceeded, "UsageLimitExceeded"),
        (.numericRange, "NumericRange"),
        (.invalidDataType, "InvalidDataType"),
        (.readOnlyAttribute, "ReadOnlyAttribute"),
        (.multiValuedAttribute, "MultiValuedAttribute"),
        (.unsupportedAttribute, "UnsupportedAttribute"),
        (.attributeInstanceNotFound, "AttributeInstanceNotFound"),
        (.attributeNotFound, "AttributeNotFound"),
        (.attributeReadOnly, "AttributeReadOnly"),
        (.attributeSingleValued, "AttributeSingleValued"),
        (.badCryptographicParameters, "BadCryptographicParameters"),
        (.badPassword, "BadPassword"),
        (.codecError, "CodecError"),
        (.illegalObjectType, "IllegalObjectType"),
        (.incompatibleCryptographicUsageMask, "IncompatibleCryptographicUsageMask"),
        (.internalServerError, "InternalServerError"),
        (.invalidAsynchronousCorrelationValue, "InvalidAsynchronousCorrelationValue"),
        (.invalidAttribute, "InvalidAttribute"),
        (.invalidAttributeValue, "InvalidAttributeValue"),
        (.invalidCorrelationValue, "InvalidCorrelationValue"),
        (.invalidCSR, "InvalidCSR"),
        (.invalidObjectType, "InvalidObjectType"),
        (.keyWrapTypeNotSupported, "KeyWrapTypeNotSupported"),
        (.missingInitializationVector, "MissingInitializationVector"),
        (.nonUniqueNameAttribute, "NonUniqueNameAttribute"),
        (.objectDestroyed, "ObjectDestroyed"),
        (.objectNotFound, "ObjectNotFound"),
        (.notAuthorised, "NotAuthorised"),
        (.serverLimitExceeded, "ServerLimitExceeded"),
        (.unknownEnumeration, "UnknownEnumeration"),
        (.unknownMessageExtension, "UnknownMessageExtension"),
        (.unknownTag, "UnknownTag"),
        (.unsupportedCryptographicParameters, "UnsupportedCryptographicParameters"),
        (.unsupportedProtocolVersion, "UnsupportedProtocolVersion"),
        (.wrappingObjectArchived, "WrappingObjectArchived"),
        (.wrappingObjectDestroyed, "WrappingObjectDestroyed"),
        (.wrappingObjectNotFound, "WrappingObjectNotFound"),
        (.wrongKeyLifecycleState, "WrongKeyLifecycleState"),
        (.protectionStorageUnavailable, "ProtectionStorageUnavailable"),
        (.pkcs11CodecError, "PKCS_11CodecError"),
        (.pkcs11InvalidFunction, "PKCS_11InvalidFunction"),
        (.pkcs11InvalidInterface, "PKCS_11InvalidInterface"),
        (.privateProtectionStorageUnavailable, "PrivateProtectionStorageUnavailable"),
        (.publicProtectionStorageUnavailable, "PublicProtectionStorageUnavailable"),
        (.unknownObjectGroup, "UnknownObjectGroup"),
        (.constraintViolation, "ConstraintViolation"),
        (.duplicateProcessRequest, "DuplicateProcessRequest"),
        (.generalFailure, "GeneralFailure"),
    ]
}
