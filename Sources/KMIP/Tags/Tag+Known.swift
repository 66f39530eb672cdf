// Tags defined by KMIP 1.0–2.1 (KMIP Specification v1.4 §9.1.3.1 and v2.1 §11 "Tag"), including the tags
// that 2.0 reserved (Template, Attribute Index, …) so 1.x messages still decode by name. Values exactly as in the
// specification. Names are the XML/JSON element names of the KMIP Profiles "normalized name" rule: the spec name
// with "(", ")" dropped, punctuation before a word dropped, other punctuation written "_", leading digits moved to
// the end, each word capitalised ("X.509 Certificate Identifier" → "X_509CertificateIdentifier").
// Static members are the lowerCamelCase of that name. Unmarked tags are KMIP 1.0.

extension Tag {
    public static let activationDate = Tag(rawValue: 0x42_0001)
    public static let applicationData = Tag(rawValue: 0x42_0002)
    public static let applicationNamespace = Tag(rawValue: 0x42_0003)
    public static let applicationSpecificInformation = Tag(rawValue: 0x42_0004)
    public static let archiveDate = Tag(rawValue: 0x42_0005)
    public static let asynchronousCorrelationValue = Tag(rawValue: 0x42_0006)
    public static let asynchronousIndicator = Tag(rawValue: 0x42_0007)
    /// KMIP 1.x Attribute {Attribute Name, Attribute Index, Attribute Value}; in 2.x also the Vendor Attribute
    /// {Vendor Identification, Attribute Name, Attribute Value}, which has no tag of its own (the 2.x tag table
    /// leaves 0x42013E–0x42013F reserved and lists no Vendor Attribute).
    public static let attribute = Tag(rawValue: 0x42_0008)
    /// KMIP 1.x only; reserved in 2.0.
    public static let attributeIndex = Tag(rawValue: 0x42_0009)
    public static let attributeName = Tag(rawValue: 0x42_000A)
    public static let attributeValue = Tag(rawValue: 0x42_000B)
    public static let authentication = Tag(rawValue: 0x42_000C)
    public static let batchCount = Tag(rawValue: 0x42_000D)
    public static let batchErrorContinuationOption = Tag(rawValue: 0x42_000E)
    public static let batchItem = Tag(rawValue: 0x42_000F)
    public static let batchOrderOption = Tag(rawValue: 0x42_0010)
    public static let blockCipherMode = Tag(rawValue: 0x42_0011)
    public static let cancellationResult = Tag(rawValue: 0x42_0012)
    public static let certificate = Tag(rawValue: 0x42_0013)
    /// Deprecated in KMIP 1.1; reserved in 2.0.
    public static let certificateIdentifier = Tag(rawValue: 0x42_0014)
    /// Deprecated in KMIP 1.1; reserved in 2.0.
    public static let certificateIssuer = Tag(rawValue: 0x42_0015)
    /// Deprecated in KMIP 1.1; reserved in 2.0.
    public static let certificateIssuerAlternativeName = Tag(rawValue: 0x42_0016)
    /// Deprecated in KMIP 1.1; reserved in 2.0.
    public static let certificateIssuerDistinguishedName = Tag(rawValue: 0x42_0017)
    public static let certificateRequest = Tag(rawValue: 0x42_0018)
    public static let certificateRequestType = Tag(rawValue: 0x42_0019)
    /// Deprecated in KMIP 1.1; reserved in 2.0.
    public static let certificateSubject = Tag(rawValue: 0x42_001A)
    /// Deprecated in KMIP 1.1; reserved in 2.0.
    public static let certificateSubjectAlternativeName = Tag(rawValue: 0x42_001B)
    /// Deprecated in KMIP 1.1; reserved in 2.0.
    public static let certificateSubjectDistinguishedName = Tag(rawValue: 0x42_001C)
    public static let certificateType = Tag(rawValue: 0x42_001D)
    public static let certificateValue = Tag(rawValue: 0x42_001E)
    /// KMIP 1.x only; reserved in 2.0.
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
    /// KMIP 1.x only; reserved in 2.0.
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
    /// Deprecated in KMIP 1.1; reserved in 2.0.
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
    /// KMIP 1.x only; reserved in 2.0.
    public static let operationPolicyName = Tag(rawValue: 0x42_005D)
    public static let p = Tag(rawValue: 0x42_005E)
    public static let paddingMethod = Tag(rawValue: 0x42_005F)
    public static let primeExponentP = Tag(rawValue: 0x42_0060)
    public static let primeExponentQ = Tag(rawValue: 0x42_0061)
    public static let primeFieldSize = Tag(rawValue: 0x42_0062)
    public static let privateExponent = Tag(rawValue: 0x42_0063)
    public static let privateKey = Tag(rawValue: 0x42_0064)
    /// KMIP 1.x only; reserved in 2.0.
    public static let privateKeyTemplateAttribute = Tag(rawValue: 0x42_0065)
    public static let privateKeyUniqueIdentifier = Tag(rawValue: 0x42_0066)
    public static let processStartDate = Tag(rawValue: 0x42_0067)
    public static let protectStopDate = Tag(rawValue: 0x42_0068)
    public static let protocolVersion = Tag(rawValue: 0x42_0069)
    public static let protocolVersionMajor = Tag(rawValue: 0x42_006A)
    public static let protocolVersionMinor = Tag(rawValue: 0x42_006B)
    public static let publicExponent = Tag(rawValue: 0x42_006C)
    public static let publicKey = Tag(rawValue: 0x42_006D)
    /// KMIP 1.x only; reserved in 2.0.
    public static let publicKeyTemplateAttribute = Tag(rawValue: 0x42_006E)
    public static let publicKeyUniqueIdentifier = Tag(rawValue: 0x42_006F)
    public static let putFunction = Tag(rawValue: 0x42_0070)
    public static let q = Tag(rawValue: 0x42_0071)
    public static let qString = Tag(rawValue: 0x42_0072)
    public static let qlength = Tag(rawValue: 0x42_0073)
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
    /// Deprecated in KMIP 1.1; reserved in 2.0.
    public static let serialNumber = Tag(rawValue: 0x42_0087)
    public static let serverInformation = Tag(rawValue: 0x42_0088)
    public static let splitKey = Tag(rawValue: 0x42_0089)
    public static let splitKeyMethod = Tag(rawValue: 0x42_008A)
    public static let splitKeyParts = Tag(rawValue: 0x42_008B)
    public static let splitKeyThreshold = Tag(rawValue: 0x42_008C)
    public static let state = Tag(rawValue: 0x42_008D)
    public static let storageStatusMask = Tag(rawValue: 0x42_008E)
    public static let symmetricKey = Tag(rawValue: 0x42_008F)
    /// KMIP 1.x only; reserved in 2.0.
    public static let template = Tag(rawValue: 0x42_0090)
    /// KMIP 1.x only; reserved in 2.0.
    public static let templateAttribute = Tag(rawValue: 0x42_0091)
    public static let timeStamp = Tag(rawValue: 0x42_0092)
    public static let uniqueBatchItemID = Tag(rawValue: 0x42_0093)
    public static let uniqueIdentifier = Tag(rawValue: 0x42_0094)
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
    /// KMIP 1.1+.
    public static let deviceIdentifier = Tag(rawValue: 0x42_00A2)
    /// KMIP 1.1+.
    public static let encodingOption = Tag(rawValue: 0x42_00A3)
    /// KMIP 1.1+.
    public static let extensionInformation = Tag(rawValue: 0x42_00A4)
    /// KMIP 1.1+.
    public static let extensionName = Tag(rawValue: 0x42_00A5)
    /// KMIP 1.1+.
    public static let extensionTag = Tag(rawValue: 0x42_00A6)
    /// KMIP 1.1+.
    public static let extensionType = Tag(rawValue: 0x42_00A7)
    /// KMIP 1.1+.
    public static let fresh = Tag(rawValue: 0x42_00A8)
    /// KMIP 1.1+.
    public static let machineIdentifier = Tag(rawValue: 0x42_00A9)
    /// KMIP 1.1+.
    public static let mediaIdentifier = Tag(rawValue: 0x42_00AA)
    /// KMIP 1.1+.
    public static let networkIdentifier = Tag(rawValue: 0x42_00AB)
    /// KMIP 1.1+.
    public static let objectGroupMember = Tag(rawValue: 0x42_00AC)
    /// KMIP 1.1+.
    public static let certificateLength = Tag(rawValue: 0x42_00AD)
    /// KMIP 1.1+.
    public static let digitalSignatureAlgorithm = Tag(rawValue: 0x42_00AE)
    /// KMIP 1.1+.
    public static let certificateSerialNumber = Tag(rawValue: 0x42_00AF)
    /// KMIP 1.1+.
    public static let deviceSerialNumber = Tag(rawValue: 0x42_00B0)
    /// KMIP 1.1+.
    public static let issuerAlternativeName = Tag(rawValue: 0x42_00B1)
    /// KMIP 1.1+.
    public static let issuerDistinguishedName = Tag(rawValue: 0x42_00B2)
    /// KMIP 1.1+.
    public static let subjectAlternativeName = Tag(rawValue: 0x42_00B3)
    /// KMIP 1.1+.
    public static let subjectDistinguishedName = Tag(rawValue: 0x42_00B4)
    /// KMIP 1.1+.
    public static let x509CertificateIdentifier = Tag(rawValue: 0x42_00B5)
    /// KMIP 1.1+.
    public static let x509CertificateIssuer = Tag(rawValue: 0x42_00B6)
    /// KMIP 1.1+.
    public static let x509CertificateSubject = Tag(rawValue: 0x42_00B7)
    /// KMIP 1.2+.
    public static let keyValueLocation = Tag(rawValue: 0x42_00B8)
    /// KMIP 1.2+.
    public static let keyValueLocationValue = Tag(rawValue: 0x42_00B9)
    /// KMIP 1.2+.
    public static let keyValueLocationType = Tag(rawValue: 0x42_00BA)
    /// KMIP 1.2+.
    public static let keyValuePresent = Tag(rawValue: 0x42_00BB)
    /// KMIP 1.2+.
    public static let originalCreationDate = Tag(rawValue: 0x42_00BC)
    /// KMIP 1.2+.
    public static let pgpKey = Tag(rawValue: 0x42_00BD)
    /// KMIP 1.2+.
    public static let pgpKeyVersion = Tag(rawValue: 0x42_00BE)
    /// KMIP 1.2+.
    public static let alternativeName = Tag(rawValue: 0x42_00BF)
    /// KMIP 1.2+.
    public static let alternativeNameValue = Tag(rawValue: 0x42_00C0)
    /// KMIP 1.2+.
    public static let alternativeNameType = Tag(rawValue: 0x42_00C1)
    /// KMIP 1.2+.
    public static let data = Tag(rawValue: 0x42_00C2)
    /// KMIP 1.2+.
    public static let signatureData = Tag(rawValue: 0x42_00C3)
    /// KMIP 1.2+.
    public static let dataLength = Tag(rawValue: 0x42_00C4)
    /// KMIP 1.2+.
    public static let randomIV = Tag(rawValue: 0x42_00C5)
    /// KMIP 1.2+.
    public static let macData = Tag(rawValue: 0x42_00C6)
    /// KMIP 1.2+.
    public static let attestationType = Tag(rawValue: 0x42_00C7)
    /// KMIP 1.2+.
    public static let nonce = Tag(rawValue: 0x42_00C8)
    /// KMIP 1.2+.
    public static let nonceID = Tag(rawValue: 0x42_00C9)
    /// KMIP 1.2+.
    public static let nonceValue = Tag(rawValue: 0x42_00CA)
    /// KMIP 1.2+.
    public static let attestationMeasurement = Tag(rawValue: 0x42_00CB)
    /// KMIP 1.2+.
    public static let attestationAssertion = Tag(rawValue: 0x42_00CC)
    /// KMIP 1.2+.
    public static let ivLength = Tag(rawValue: 0x42_00CD)
    /// KMIP 1.2+.
    public static let tagLength = Tag(rawValue: 0x42_00CE)
    /// KMIP 1.2+.
    public static let fixedFieldLength = Tag(rawValue: 0x42_00CF)
    /// KMIP 1.2+.
    public static let counterLength = Tag(rawValue: 0x42_00D0)
    /// KMIP 1.2+.
    public static let initialCounterValue = Tag(rawValue: 0x42_00D1)
    /// KMIP 1.2+.
    public static let invocationFieldLength = Tag(rawValue: 0x42_00D2)
    /// KMIP 1.2+.
    public static let attestationCapableIndicator = Tag(rawValue: 0x42_00D3)
    /// KMIP 1.3+.
    public static let offsetItems = Tag(rawValue: 0x42_00D4)
    /// KMIP 1.3+.
    public static let locatedItems = Tag(rawValue: 0x42_00D5)
    /// KMIP 1.3+.
    public static let correlationValue = Tag(rawValue: 0x42_00D6)
    /// KMIP 1.3+.
    public static let initIndicator = Tag(rawValue: 0x42_00D7)
    /// KMIP 1.3+.
    public static let finalIndicator = Tag(rawValue: 0x42_00D8)
    /// KMIP 1.3+.
    public static let rngParameters = Tag(rawValue: 0x42_00D9)
    /// KMIP 1.3+.
    public static let rngAlgorithm = Tag(rawValue: 0x42_00DA)
    /// KMIP 1.3+.
    public static let drbgAlgorithm = Tag(rawValue: 0x42_00DB)
    /// KMIP 1.3+.
    public static let fips186Variation = Tag(rawValue: 0x42_00DC)
    /// KMIP 1.3+.
    public static let predictionResistance = Tag(rawValue: 0x42_00DD)
    /// KMIP 1.3+.
    public static let randomNumberGenerator = Tag(rawValue: 0x42_00DE)
    /// KMIP 1.3+.
    public static let validationInformation = Tag(rawValue: 0x42_00DF)
    /// KMIP 1.3+.
    public static let validationAuthorityType = Tag(rawValue: 0x42_00E0)
    /// KMIP 1.3+.
    public static let validationAuthorityCountry = Tag(rawValue: 0x42_00E1)
    /// KMIP 1.3+.
    public static let validationAuthorityURI = Tag(rawValue: 0x42_00E2)
    /// KMIP 1.3+.
    public static let validationVersionMajor = Tag(rawValue: 0x42_00E3)
    /// KMIP 1.3+.
    public static let validationVersionMinor = Tag(rawValue: 0x42_00E4)
    /// KMIP 1.3+.
    public static let validationType = Tag(rawValue: 0x42_00E5)
    /// KMIP 1.3+.
    public static let validationLevel = Tag(rawValue: 0x42_00E6)
    /// KMIP 1.3+.
    public static let validationCertificateIdentifier = Tag(rawValue: 0x42_00E7)
    /// KMIP 1.3+.
    public static let validationCertificateURI = Tag(rawValue: 0x42_00E8)
    /// KMIP 1.3+.
    public static let validationVendorURI = Tag(rawValue: 0x42_00E9)
    /// KMIP 1.3+.
    public static let validationProfile = Tag(rawValue: 0x42_00EA)
    /// KMIP 1.3+.
    public static let profileInformation = Tag(rawValue: 0x42_00EB)
    /// KMIP 1.3+.
    public static let profileName = Tag(rawValue: 0x42_00EC)
    /// KMIP 1.3+.
    public static let serverURI = Tag(rawValue: 0x42_00ED)
    /// KMIP 1.3+.
    public static let serverPort = Tag(rawValue: 0x42_00EE)
    /// KMIP 1.3+.
    public static let streamingCapability = Tag(rawValue: 0x42_00EF)
    /// KMIP 1.3+.
    public static let asynchronousCapability = Tag(rawValue: 0x42_00F0)
    /// KMIP 1.3+.
    public static let attestationCapability = Tag(rawValue: 0x42_00F1)
    /// KMIP 1.3+.
    public static let unwrapMode = Tag(rawValue: 0x42_00F2)
    /// KMIP 1.3+.
    public static let destroyAction = Tag(rawValue: 0x42_00F3)
    /// KMIP 1.3+.
    public static let shreddingAlgorithm = Tag(rawValue: 0x42_00F4)
    /// KMIP 1.3+.
    public static let rngMode = Tag(rawValue: 0x42_00F5)
    /// KMIP 1.3+.
    public static let clientRegistrationMethod = Tag(rawValue: 0x42_00F6)
    /// KMIP 1.3+.
    public static let capabilityInformation = Tag(rawValue: 0x42_00F7)
    /// KMIP 1.4+.
    public static let keyWrapType = Tag(rawValue: 0x42_00F8)
    /// KMIP 1.4+.
    public static let batchUndoCapability = Tag(rawValue: 0x42_00F9)
    /// KMIP 1.4+.
    public static let batchContinueCapability = Tag(rawValue: 0x42_00FA)
    /// KMIP 1.4+.
    public static let pkcs12FriendlyName = Tag(rawValue: 0x42_00FB)
    /// KMIP 1.4+.
    public static let description = Tag(rawValue: 0x42_00FC)
    /// KMIP 1.4+.
    public static let comment = Tag(rawValue: 0x42_00FD)
    /// KMIP 1.4+.
    public static let authenticatedEncryptionAdditionalData = Tag(rawValue: 0x42_00FE)
    /// KMIP 1.4+.
    public static let authenticatedEncryptionTag = Tag(rawValue: 0x42_00FF)
    /// KMIP 1.4+.
    public static let saltLength = Tag(rawValue: 0x42_0100)
    /// KMIP 1.4+.
    public static let maskGenerator = Tag(rawValue: 0x42_0101)
    /// KMIP 1.4+.
    public static let maskGeneratorHashingAlgorithm = Tag(rawValue: 0x42_0102)
    /// KMIP 1.4+.
    public static let pSource = Tag(rawValue: 0x42_0103)
    /// KMIP 1.4+.
    public static let trailerField = Tag(rawValue: 0x42_0104)
    /// KMIP 1.4+.
    public static let clientCorrelationValue = Tag(rawValue: 0x42_0105)
    /// KMIP 1.4+.
    public static let serverCorrelationValue = Tag(rawValue: 0x42_0106)
    /// KMIP 1.4+.
    public static let digestedData = Tag(rawValue: 0x42_0107)
    /// KMIP 1.4+.
    public static let certificateSubjectCN = Tag(rawValue: 0x42_0108)
    /// KMIP 1.4+.
    public static let certificateSubjectO = Tag(rawValue: 0x42_0109)
    /// KMIP 1.4+.
    public static let certificateSubjectOU = Tag(rawValue: 0x42_010A)
    /// KMIP 1.4+.
    public static let certificateSubjectEmail = Tag(rawValue: 0x42_010B)
    /// KMIP 1.4+.
    public static let certificateSubjectC = Tag(rawValue: 0x42_010C)
    /// KMIP 1.4+.
    public static let certificateSubjectST = Tag(rawValue: 0x42_010D)
    /// KMIP 1.4+.
    public static let certificateSubjectL = Tag(rawValue: 0x42_010E)
    /// KMIP 1.4+.
    public static let certificateSubjectUID = Tag(rawValue: 0x42_010F)
    /// KMIP 1.4+.
    public static let certificateSubjectSerialNumber = Tag(rawValue: 0x42_0110)
    /// KMIP 1.4+.
    public static let certificateSubjectTitle = Tag(rawValue: 0x42_0111)
    /// KMIP 1.4+.
    public static let certificateSubjectDC = Tag(rawValue: 0x42_0112)
    /// KMIP 1.4+.
    public static let certificateSubjectDNQualifier = Tag(rawValue: 0x42_0113)
    /// KMIP 1.4+.
    public static let certificateIssuerCN = Tag(rawValue: 0x42_0114)
    /// KMIP 1.4+.
    public static let certificateIssuerO = Tag(rawValue: 0x42_0115)
    /// KMIP 1.4+.
    public static let certificateIssuerOU = Tag(rawValue: 0x42_0116)
    /// KMIP 1.4+.
    public static let certificateIssuerEmail = Tag(rawValue: 0x42_0117)
    /// KMIP 1.4+.
    public static let certificateIssuerC = Tag(rawValue: 0x42_0118)
    /// KMIP 1.4+.
    public static let certificateIssuerST = Tag(rawValue: 0x42_0119)
    /// KMIP 1.4+.
    public static let certificateIssuerL = Tag(rawValue: 0x42_011A)
    /// KMIP 1.4+.
    public static let certificateIssuerUID = Tag(rawValue: 0x42_011B)
    /// KMIP 1.4+.
    public static let certificateIssuerSerialNumber = Tag(rawValue: 0x42_011C)
    /// KMIP 1.4+.
    public static let certificateIssuerTitle = Tag(rawValue: 0x42_011D)
    /// KMIP 1.4+.
    public static let certificateIssuerDC = Tag(rawValue: 0x42_011E)
    /// KMIP 1.4+.
    public static let certificateIssuerDNQualifier = Tag(rawValue: 0x42_011F)
    /// KMIP 1.4+.
    public static let sensitive = Tag(rawValue: 0x42_0120)
    /// KMIP 1.4+.
    public static let alwaysSensitive = Tag(rawValue: 0x42_0121)
    /// KMIP 1.4+.
    public static let extractable = Tag(rawValue: 0x42_0122)
    /// KMIP 1.4+.
    public static let neverExtractable = Tag(rawValue: 0x42_0123)
    /// KMIP 1.4+.
    public static let replaceExisting = Tag(rawValue: 0x42_0124)
    /// KMIP 2.0+.
    public static let attributes = Tag(rawValue: 0x42_0125)
    /// KMIP 2.0+.
    public static let commonAttributes = Tag(rawValue: 0x42_0126)
    /// KMIP 2.0+.
    public static let privateKeyAttributes = Tag(rawValue: 0x42_0127)
    /// KMIP 2.0+.
    public static let publicKeyAttributes = Tag(rawValue: 0x42_0128)
    /// KMIP 2.0+.
    public static let extensionEnumeration = Tag(rawValue: 0x42_0129)
    /// KMIP 2.0+.
    public static let extensionAttribute = Tag(rawValue: 0x42_012A)
    /// KMIP 2.0+.
    public static let extensionParentStructureTag = Tag(rawValue: 0x42_012B)
    /// KMIP 2.0+.
    public static let extensionDescription = Tag(rawValue: 0x42_012C)
    /// KMIP 2.0+.
    public static let serverName = Tag(rawValue: 0x42_012D)
    /// KMIP 2.0+.
    public static let serverSerialNumber = Tag(rawValue: 0x42_012E)
    /// KMIP 2.0+.
    public static let serverVersion = Tag(rawValue: 0x42_012F)
    /// KMIP 2.0+.
    public static let serverLoad = Tag(rawValue: 0x42_0130)
    /// KMIP 2.0+.
    public static let productName = Tag(rawValue: 0x42_0131)
    /// KMIP 2.0+.
    public static let buildLevel = Tag(rawValue: 0x42_0132)
    /// KMIP 2.0+.
    public static let buildDate = Tag(rawValue: 0x42_0133)
    /// KMIP 2.0+.
    public static let clusterInfo = Tag(rawValue: 0x42_0134)
    /// KMIP 2.0+.
    public static let alternateFailoverEndpoints = Tag(rawValue: 0x42_0135)
    /// KMIP 2.0+.
    public static let shortUniqueIdentifier = Tag(rawValue: 0x42_0136)
    /// KMIP 2.0+.
    public static let tag = Tag(rawValue: 0x42_0138)
    /// KMIP 2.0+.
    public static let certificateRequestUniqueIdentifier = Tag(rawValue: 0x42_0139)
    /// KMIP 2.0+.
    public static let nistKeyType = Tag(rawValue: 0x42_013A)
    /// KMIP 2.0+.
    public static let attributeReference = Tag(rawValue: 0x42_013B)
    /// KMIP 2.0+.
    public static let currentAttribute = Tag(rawValue: 0x42_013C)
    /// KMIP 2.0+.
    public static let newAttribute = Tag(rawValue: 0x42_013D)
    /// KMIP 2.0+.
    public static let certificateRequestValue = Tag(rawValue: 0x42_0140)
    /// KMIP 2.0+.
    public static let logMessage = Tag(rawValue: 0x42_0141)
    /// KMIP 2.0+.
    public static let profileVersion = Tag(rawValue: 0x42_0142)
    /// KMIP 2.0+.
    public static let profileVersionMajor = Tag(rawValue: 0x42_0143)
    /// KMIP 2.0+.
    public static let profileVersionMinor = Tag(rawValue: 0x42_0144)
    /// KMIP 2.0+.
    public static let protectionLevel = Tag(rawValue: 0x42_0145)
    /// KMIP 2.0+.
    public static let protectionPeriod = Tag(rawValue: 0x42_0146)
    /// KMIP 2.0+.
    public static let quantumSafe = Tag(rawValue: 0x42_0147)
    /// KMIP 2.0+.
    public static let quantumSafeCapability = Tag(rawValue: 0x42_0148)
    /// KMIP 2.0+.
    public static let ticket = Tag(rawValue: 0x42_0149)
    /// KMIP 2.0+.
    public static let ticketType = Tag(rawValue: 0x42_014A)
    /// KMIP 2.0+.
    public static let ticketValue = Tag(rawValue: 0x42_014B)
    /// KMIP 2.0+.
    public static let requestCount = Tag(rawValue: 0x42_014C)
    /// KMIP 2.0+.
    public static let rights = Tag(rawValue: 0x42_014D)
    /// KMIP 2.0+.
    public static let objects = Tag(rawValue: 0x42_014E)
    /// KMIP 2.0+.
    public static let operations = Tag(rawValue: 0x42_014F)
    /// KMIP 2.0+.
    public static let right = Tag(rawValue: 0x42_0150)
    /// KMIP 2.0+.
    public static let endpointRole = Tag(rawValue: 0x42_0151)
    /// KMIP 2.0+.
    public static let defaultsInformation = Tag(rawValue: 0x42_0152)
    /// KMIP 2.0+.
    public static let objectDefaults = Tag(rawValue: 0x42_0153)
    /// KMIP 2.0+.
    public static let ephemeral = Tag(rawValue: 0x42_0154)
    /// KMIP 2.0+.
    public static let serverHashedPassword = Tag(rawValue: 0x42_0155)
    /// KMIP 2.0+.
    public static let oneTimePassword = Tag(rawValue: 0x42_0156)
    /// KMIP 2.0+.
    public static let hashedPassword = Tag(rawValue: 0x42_0157)
    /// KMIP 2.0+.
    public static let adjustmentType = Tag(rawValue: 0x42_0158)
    /// KMIP 2.0+.
    public static let pkcs11Interface = Tag(rawValue: 0x42_0159)
    /// KMIP 2.0+.
    public static let pkcs11Function = Tag(rawValue: 0x42_015A)
    /// KMIP 2.0+.
    public static let pkcs11InputParameters = Tag(rawValue: 0x42_015B)
    /// KMIP 2.0+.
    public static let pkcs11OutputParameters = Tag(rawValue: 0x42_015C)
    /// KMIP 2.0+.
    public static let pkcs11ReturnCode = Tag(rawValue: 0x42_015D)
    /// KMIP 2.0+.
    public static let protectionStorageMask = Tag(rawValue: 0x42_015E)
    /// KMIP 2.0+.
    public static let protectionStorageMasks = Tag(rawValue: 0x42_015F)
    /// KMIP 2.0+.
    public static let interopFunction = Tag(rawValue: 0x42_0160)
    /// KMIP 2.0+.
    public static let interopIdentifier = Tag(rawValue: 0x42_0161)
    /// KMIP 2.0+.
    public static let adjustmentValue = Tag(rawValue: 0x42_0162)
    /// KMIP 2.0+.
    public static let commonProtectionStorageMasks = Tag(rawValue: 0x42_0163)
    /// KMIP 2.0+.
    public static let privateProtectionStorageMasks = Tag(rawValue: 0x42_0164)
    /// KMIP 2.0+.
    public static let publicProtectionStorageMasks = Tag(rawValue: 0x42_0165)
    /// KMIP 2.1+.
    public static let objectGroups = Tag(rawValue: 0x42_0166)
    /// KMIP 2.1+.
    public static let objectTypes = Tag(rawValue: 0x42_0167)
    /// KMIP 2.1+.
    public static let constraints = Tag(rawValue: 0x42_0168)
    /// KMIP 2.1+.
    public static let constraint = Tag(rawValue: 0x42_0169)
    /// KMIP 2.1+.
    public static let rotateInterval = Tag(rawValue: 0x42_016A)
    /// KMIP 2.1+.
    public static let rotateAutomatic = Tag(rawValue: 0x42_016B)
    /// KMIP 2.1+.
    public static let rotateOffset = Tag(rawValue: 0x42_016C)
    /// KMIP 2.1+.
    public static let rotateDate = Tag(rawValue: 0x42_016D)
    /// KMIP 2.1+.
    public static let rotateGeneration = Tag(rawValue: 0x42_016E)
    /// KMIP 2.1+.
    public static let rotateName = Tag(rawValue: 0x42_016F)
    /// KMIP 2.1+.
    public static let rotateNameValue = Tag(rawValue: 0x42_0170)
    /// KMIP 2.1+.
    public static let rotateNameType = Tag(rawValue: 0x42_0171)
    /// KMIP 2.1+.
    public static let rotateLatest = Tag(rawValue: 0x42_0172)
    /// KMIP 2.1+.
    public static let asynchronousRequest = Tag(rawValue: 0x42_0173)
    /// KMIP 2.1+.
    public static let submissionDate = Tag(rawValue: 0x42_0174)
    /// KMIP 2.1+.
    public static let processingStage = Tag(rawValue: 0x42_0175)
    /// KMIP 2.1+.
    public static let asynchronousCorrelationValues = Tag(rawValue: 0x42_0176)
}

extension Tag {
    /// Every known tag with its XML/JSON name. One row per static member above, in the same order.
    static let known: [(Tag, String)] = [
        (.activationDate, "ActivationDate"),
        (.applicationData, "ApplicationData"),
        (.applicationNamespace, "ApplicationNamespace"),
        (.applicationSpecificInformation, "ApplicationSpecificInformation"),
        (.archiveDate, "ArchiveDate"),
        (.asynchronousCorrelationValue, "AsynchronousCorrelationValue"),
        (.asynchronousIndicator, "AsynchronousIndicator"),
        (.attribute, "Attribute"),
        (.attributeIndex, "AttributeIndex"),
        (.attributeName, "AttributeName"),
        (.attributeValue, "AttributeValue"),
        (.authentication, "Authentication"),
        (.batchCount, "BatchCount"),
        (.batchErrorContinuationOption, "BatchErrorContinuationOption"),
        (.batchItem, "BatchItem"),
        (.batchOrderOption, "BatchOrderOption"),
        (.blockCipherMode, "BlockCipherMode"),
        (.cancellationResult, "CancellationResult"),
        (.certificate, "Certificate"),
        (.certificateIdentifier, "CertificateIdentifier"),
        (.certificateIssuer, "CertificateIssuer"),
        (.certificateIssuerAlternativeName, "CertificateIssuerAlternativeName"),
        (.certificateIssuerDistinguishedName, "CertificateIssuerDistinguishedName"),
        (.certificateRequest, "CertificateRequest"),
        (.certificateRequestType, "CertificateRequestType"),
        (.certificateSubject, "CertificateSubject"),
        (.certificateSubjectAlternativeName, "CertificateSubjectAlternativeName"),
        (.certificateSubjectDistinguishedName, "CertificateSubjectDistinguishedName"),
        (.certificateType, "CertificateType"),
        (.certificateValue, "CertificateValue"),
        (.commonTemplateAttribute, "CommonTemplateAttribute"),
        (.compromiseDate, "CompromiseDate"),
        (.compromiseOccurrenceDate, "CompromiseOccurrenceDate"),
        (.contactInformation, "ContactInformation"),
        (.credential, "Credential"),
        (.credentialType, "CredentialType"),
        (.credentialValue, "CredentialValue"),
        (.criticalityIndicator, "CriticalityIndicator"),
        (.crtCoefficient, "CRTCoefficient"),
        (.cryptographicAlgorithm, "CryptographicAlgorithm"),
        (.cryptographicDomainParameters, "CryptographicDomainParameters"),
        (.cryptographicLength, "CryptographicLength"),
        (.cryptographicParameters, "CryptographicParameters"),
        (.cryptographicUsageMask, "CryptographicUsageMask"),
        (.customAttribute, "CustomAttribute"),
        (.d, "D"),
        (.deactivationDate, "DeactivationDate"),
        (.derivationData, "DerivationData"),
        (.derivationMethod, "DerivationMethod"),
        (.derivationParameters, "DerivationParameters"),
        (.destroyDate, "DestroyDate"),
        (.digest, "Digest"),
        (.digestValue, "DigestValue"),
        (.encryptionKeyInformation, "EncryptionKeyInformation"),
        (.g, "G"),
        (.hashingAlgorithm, "HashingAlgorithm"),
        (.initialDate, "InitialDate"),
        (.initializationVector, "InitializationVector"),
        (.issuer, "Issuer"),
        (.iterationCount, "IterationCount"),
        (.ivCounterNonce, "IVCounterNonce"),
        (.j, "J"),
        (.key, "Key"),
        (.keyBlock, "KeyBlock"),
        (.keyCompressionType, "KeyCompressionType"),
        (.keyFormatType, "KeyFormatType"),
        (.keyMaterial, "KeyMaterial"),
        (.keyPartIdentifier, "KeyPartIdentifier"),
        (.keyValue, "KeyValue"),
        (.keyWrappingData, "KeyWrappingData"),
        (.keyWrappingSpecification, "KeyWrappingSpecification"),
        (.lastChangeDate, "LastChangeDate"),
        (.leaseTime, "LeaseTime"),
        (.link, "Link"),
        (.linkType, "LinkType"),
        (.linkedObjectIdentifier, "LinkedObjectIdentifier"),
        (.macSignature, "MACSignature"),
        (.macSignatureKeyInformation, "MACSignatureKeyInformation"),
        (.maximumItems, "MaximumItems"),
        (.maximumResponseSize, "MaximumResponseSize"),
        (.messageExtension, "MessageExtension"),
        (.modulus, "Modulus"),
        (.name, "Name"),
        (.nameType, "NameType"),
        (.nameValue, "NameValue"),
        (.objectGroup, "ObjectGroup"),
        (.objectType, "ObjectType"),
        (.offset, "Offset"),
        (.opaqueDataType, "OpaqueDataType"),
        (.opaqueDataValue, "OpaqueDataValue"),
        (.opaqueObject, "OpaqueObject"),
        (.operation, "Operation"),
        (.operationPolicyName, "OperationPolicyName"),
        (.p, "P"),
        (.paddingMethod, "PaddingMethod"),
        (.primeExponentP, "PrimeExponentP"),
        (.primeExponentQ, "PrimeExponentQ"),
        (.primeFieldSize, "PrimeFieldSize"),
        (.privateExponent, "PrivateExponent"),
        (.privateKey, "PrivateKey"),
        (.privateKeyTemplateAttribute, "PrivateKeyTemplateAttribute"),
        (.privateKeyUniqueIdentifier, "PrivateKeyUniqueIdentifier"),
        (.processStartDate, "ProcessStartDate"),
        (.protectStopDate, "ProtectStopDate"),
        (.protocolVersion, "ProtocolVersion"),
        (.protocolVersionMajor, "ProtocolVersionMajor"),
        (.protocolVersionMinor, "ProtocolVersionMinor"),
        (.publicExponent, "PublicExponent"),
        (.publicKey, "PublicKey"),
        (.publicKeyTemplateAttribute, "PublicKeyTemplateAttribute"),
        (.publicKeyUniqueIdentifier, "PublicKeyUniqueIdentifier"),
        (.putFunction, "PutFunction"),
        (.q, "Q"),
        (.qString, "QString"),
        (.qlength, "Qlength"),
        (.queryFunction, "QueryFunction"),
        (.recommendedCurve, "RecommendedCurve"),
        (.replacedUniqueIdentifier, "ReplacedUniqueIdentifier"),
        (.requestHeader, "RequestHeader"),
        (.requestMessage, "RequestMessage"),
        (.requestPayload, "RequestPayload"),
        (.responseHeader, "ResponseHeader"),
        (.responseMessage, "ResponseMessage"),
        (.responsePayload, "ResponsePayload"),
        (.resultMessage, "ResultMessage"),
        (.resultReason, "ResultReason"),
        (.resultStatus, "ResultStatus"),
        (.revocationMessage, "RevocationMessage"),
        (.revocationReason, "RevocationReason"),
        (.revocationReasonCode, "RevocationReasonCode"),
        (.keyRoleType, "KeyRoleType"),
        (.salt, "Salt"),
        (.secretData, "SecretData"),
        (.secretDataType, "SecretDataType"),
        (.serialNumber, "SerialNumber"),
        (.serverInformation, "ServerInformation"),
        (.splitKey, "SplitKey"),
        (.splitKeyMethod, "SplitKeyMethod"),
        (.splitKeyParts, "SplitKeyParts"),
        (.splitKeyThreshold, "SplitKeyThreshold"),
        (.state, "State"),
        (.storageStatusMask, "StorageStatusMask"),
        (.symmetricKey, "SymmetricKey"),
        (.template, "Template"),
        (.templateAttribute, "TemplateAttribute"),
        (.timeStamp, "TimeStamp"),
        (.uniqueBatchItemID, "UniqueBatchItemID"),
        (.uniqueIdentifier, "UniqueIdentifier"),
        (.usageLimits, "UsageLimits"),
        (.usageLimitsCount, "UsageLimitsCount"),
        (.usageLimitsTotal, "UsageLimitsTotal"),
        (.usageLimitsUnit, "UsageLimitsUnit"),
        (.username, "Username"),
        (.validityDate, "ValidityDate"),
        (.validityIndicator, "ValidityIndicator"),
        (.vendorExtension, "VendorExtension"),
        (.vendorIdentification, "VendorIdentification"),
        (.wrappingMethod, "WrappingMethod"),
        (.x, "X"),
        (.y, "Y"),
        (.password, "Password"),
        (.deviceIdentifier, "DeviceIdentifier"),
        (.encodingOption, "EncodingOption"),
        (.extensionInformation, "ExtensionInformation"),
        (.extensionName, "ExtensionName"),
        (.extensionTag, "ExtensionTag"),
        (.extensionType, "ExtensionType"),
        (.fresh, "Fresh"),
        (.machineIdentifier, "MachineIdentifier"),
        (.mediaIdentifier, "MediaIdentifier"),
        (.networkIdentifier, "NetworkIdentifier"),
        (.objectGroupMember, "ObjectGroupMember"),
        (.certificateLength, "CertificateLength"),
        (.digitalSignatureAlgorithm, "DigitalSignatureAlgorithm"),
        (.certificateSerialNumber, "CertificateSerialNumber"),
        (.deviceSerialNumber, "DeviceSerialNumber"),
        (.issuerAlternativeName, "IssuerAlternativeName"),
        (.issuerDistinguishedName, "IssuerDistinguishedName"),
        (.subjectAlternativeName, "SubjectAlternativeName"),
        (.subjectDistinguishedName, "SubjectDistinguishedName"),
        (.x509CertificateIdentifier, "X_509CertificateIdentifier"),
        (.x509CertificateIssuer, "X_509CertificateIssuer"),
        (.x509CertificateSubject, "X_509CertificateSubject"),
        (.keyValueLocation, "KeyValueLocation"),
        (.keyValueLocationValue, "KeyValueLocationValue"),
        (.keyValueLocationType, "KeyValueLocationType"),
        (.keyValuePresent, "KeyValuePresent"),
        (.originalCreationDate, "OriginalCreationDate"),
        (.pgpKey, "PGPKey"),
        (.pgpKeyVersion, "PGPKeyVersion"),
        (.alternativeName, "AlternativeName"),
        (.alternativeNameValue, "AlternativeNameValue"),
        (.alternativeNameType, "AlternativeNameType"),
        (.data, "Data"),
        (.signatureData, "SignatureData"),
        (.dataLength, "DataLength"),
        (.randomIV, "RandomIV"),
        (.macData, "MACData"),
        (.attestationType, "AttestationType"),
        (.nonce, "Nonce"),
        (.nonceID, "NonceID"),
        (.nonceValue, "NonceValue"),
        (.attestationMeasurement, "AttestationMeasurement"),
        (.attestationAssertion, "AttestationAssertion"),
        (.ivLength, "IVLength"),
        (.tagLength, "TagLength"),
        (.fixedFieldLength, "FixedFieldLength"),
        (.counterLength, "CounterLength"),
        (.initialCounterValue, "InitialCounterValue"),
        (.invocationFieldLength, "InvocationFieldLength"),
        (.attestationCapableIndicator, "AttestationCapableIndicator"),
        (.offsetItems, "OffsetItems"),
        (.locatedItems, "LocatedItems"),
        (.correlationValue, "CorrelationValue"),
        (.initIndicator, "InitIndicator"),
        (.finalIndicator, "FinalIndicator"),
        (.rngParameters, "RNGParameters"),
        (.rngAlgorithm, "RNGAlgorithm"),
        (.drbgAlgorithm, "DRBGAlgorithm"),
        (.fips186Variation, "FIPS186Variation"),
        (.predictionResistance, "PredictionResistance"),
        (.randomNumberGenerator, "RandomNumberGenerator"),
        (.validationInformation, "ValidationInformation"),
        (.validationAuthorityType, "ValidationAuthorityType"),
        (.validationAuthorityCountry, "ValidationAuthorityCountry"),
        (.validationAuthorityURI, "ValidationAuthorityURI"),
        (.validationVersionMajor, "ValidationVersionMajor"),
        (.validationVersionMinor, "ValidationVersionMinor"),
        (.validationType, "ValidationType"),
        (.validationLevel, "ValidationLevel"),
        (.validationCertificateIdentifier, "ValidationCertificateIdentifier"),
        (.validationCertificateURI, "ValidationCertificateURI"),
        (.validationVendorURI, "ValidationVendorURI"),
        (.validationProfile, "ValidationProfile"),
        (.profileInformation, "ProfileInformation"),
        (.profileName, "ProfileName"),
        (.serverURI, "ServerURI"),
        (.serverPort, "ServerPort"),
        (.streamingCapability, "StreamingCapability"),
        (.asynchronousCapability, "AsynchronousCapability"),
        (.attestationCapability, "AttestationCapability"),
        (.unwrapMode, "UnwrapMode"),
        (.destroyAction, "DestroyAction"),
        (.shreddingAlgorithm, "ShreddingAlgorithm"),
        (.rngMode, "RNGMode"),
        (.clientRegistrationMethod, "ClientRegistrationMethod"),
        (.capabilityInformation, "CapabilityInformation"),
        (.keyWrapType, "KeyWrapType"),
        (.batchUndoCapability, "BatchUndoCapability"),
        (.batchContinueCapability, "BatchContinueCapability"),
        (.pkcs12FriendlyName, "PKCS_12FriendlyName"),
        (.description, "Description"),
        (.comment, "Comment"),
        (.authenticatedEncryptionAdditionalData, "AuthenticatedEncryptionAdditionalData"),
        (.authenticatedEncryptionTag, "AuthenticatedEncryptionTag"),
        (.saltLength, "SaltLength"),
        (.maskGenerator, "MaskGenerator"),
        (.maskGeneratorHashingAlgorithm, "MaskGeneratorHashingAlgorithm"),
        (.pSource, "PSource"),
        (.trailerField, "TrailerField"),
        (.clientCorrelationValue, "ClientCorrelationValue"),
        (.serverCorrelationValue, "ServerCorrelationValue"),
        (.digestedData, "DigestedData"),
        (.certificateSubjectCN, "CertificateSubjectCN"),
        (.certificateSubjectO, "CertificateSubjectO"),
        (.certificateSubjectOU, "CertificateSubjectOU"),
        (.certificateSubjectEmail, "CertificateSubjectEmail"),
        (.certificateSubjectC, "CertificateSubjectC"),
        (.certificateSubjectST, "CertificateSubjectST"),
        (.certificateSubjectL, "CertificateSubjectL"),
        (.certificateSubjectUID, "CertificateSubjectUID"),
        (.certificateSubjectSerialNumber, "CertificateSubjectSerialNumber"),
        (.certificateSubjectTitle, "CertificateSubjectTitle"),
        (.certificateSubjectDC, "CertificateSubjectDC"),
        (.certificateSubjectDNQualifier, "CertificateSubjectDNQualifier"),
        (.certificateIssuerCN, "CertificateIssuerCN"),
        (.certificateIssuerO, "CertificateIssuerO"),
        (.certificateIssuerOU, "CertificateIssuerOU"),
        (.certificateIssuerEmail, "CertificateIssuerEmail"),
        (.certificateIssuerC, "CertificateIssuerC"),
        (.certificateIssuerST, "CertificateIssuerST"),
        (.certificateIssuerL, "CertificateIssuerL"),
        (.certificateIssuerUID, "CertificateIssuerUID"),
        (.certificateIssuerSerialNumber, "CertificateIssuerSerialNumber"),
        (.certificateIssuerTitle, "CertificateIssuerTitle"),
        (.certificateIssuerDC, "CertificateIssuerDC"),
        (.certificateIssuerDNQualifier, "CertificateIssuerDNQualifier"),
        (.sensitive, "Sensitive"),
        (.alwaysSensitive, "AlwaysSensitive"),
        (.extractable, "Extractable"),
        (.neverExtractable, "NeverExtractable"),
        (.replaceExisting, "ReplaceExisting"),
        (.attributes, "Attributes"),
        (.commonAttributes, "CommonAttributes"),
        (.privateKeyAttributes, "PrivateKeyAttributes"),
        (.publicKeyAttributes, "PublicKeyAttributes"),
        (.extensionEnumeration, "ExtensionEnumeration"),
        (.extensionAttribute, "ExtensionAttribute"),
        (.extensionParentStructureTag, "ExtensionParentStructureTag"),
        (.extensionDescription, "ExtensionDescription"),
        (.serverName, "ServerName"),
        (.serverSerialNumber, "ServerSerialNumber"),
        (.serverVersion, "ServerVersion"),
        (.serverLoad, "ServerLoad"),
        (.productName, "ProductName"),
        (.buildLevel, "BuildLevel"),
        (.buildDate, "BuildDate"),
        (.clusterInfo, "ClusterInfo"),
        (.alternateFailoverEndpoints, "AlternateFailoverEndpoints"),
        (.shortUniqueIdentifier, "ShortUniqueIdentifier"),
        (.tag, "Tag"),
        (.certificateRequestUniqueIdentifier, "CertificateRequestUniqueIdentifier"),
        (.nistKeyType, "NISTKeyType"),
        (.attributeReference, "AttributeReference"),
        (.currentAttribute, "CurrentAttribute"),
        (.newAttribute, "NewAttribute"),
        (.certificateRequestValue, "CertificateRequestValue"),
        (.logMessage, "LogMessage"),
        (.profileVersion, "ProfileVersion"),
        (.profileVersionMajor, "ProfileVersionMajor"),
        (.profileVersionMinor, "ProfileVersionMinor"),
        (.protectionLevel, "ProtectionLevel"),
        (.protectionPeriod, "ProtectionPeriod"),
        (.quantumSafe, "QuantumSafe"),
        (.quantumSafeCapability, "QuantumSafeCapability"),
        (.ticket, "Ticket"),
        (.ticketType, "TicketType"),
        (.ticketValue, "TicketValue"),
        (.requestCount, "RequestCount"),
        (.rights, "Rights"),
        (.objects, "Objects"),
        (.operations, "Operations"),
        (.right, "Right"),
        (.endpointRole, "EndpointRole"),
        (.defaultsInformation, "DefaultsInformation"),
        (.objectDefaults, "ObjectDefaults"),
        (.ephemeral, "Ephemeral"),
        (.serverHashedPassword, "ServerHashedPassword"),
        (.oneTimePassword, "OneTimePassword"),
        (.hashedPassword, "HashedPassword"),
        (.adjustmentType, "AdjustmentType"),
        (.pkcs11Interface, "PKCS_11Interface"),
        (.pkcs11Function, "PKCS_11Function"),
        (.pkcs11InputParameters, "PKCS_11InputParameters"),
        (.pkcs11OutputParameters, "PKCS_11OutputParameters"),
        (.pkcs11ReturnCode, "PKCS_11ReturnCode"),
        (.protectionStorageMask, "ProtectionStorageMask"),
        (.protectionStorageMasks, "ProtectionStorageMasks"),
        (.interopFunction, "InteropFunction"),
        (.interopIdentifier, "InteropIdentifier"),
        (.adjustmentValue, "AdjustmentValue"),
        (.commonProtectionStorageMasks, "CommonProtectionStorageMasks"),
        (.privateProtectionStorageMasks, "PrivateProtectionStorageMasks"),
        (.publicProtectionStorageMasks, "PublicProtectionStorageMasks"),
        (.objectGroups, "ObjectGroups"),
        (.objectTypes, "ObjectTypes"),
        (.constraints, "Constraints"),
        (.constraint, "Constraint"),
        (.rotateInterval, "RotateInterval"),
        (.rotateAutomatic, "RotateAutomatic"),
        (.rotateOffset, "RotateOffset"),
        (.rotateDate, "RotateDate"),
        (.rotateGeneration, "RotateGeneration"),
        (.rotateName, "RotateName"),
        (.rotateNameValue, "RotateNameValue"),
        (.rotateNameType, "RotateNameType"),
        (.rotateLatest, "RotateLatest"),
        (.asynchronousRequest, "AsynchronousRequest"),
        (.submissionDate, "SubmissionDate"),
        (.processingStage, "ProcessingStage"),
        (.asynchronousCorrelationValues, "AsynchronousCorrelationValues"),
    ]
}
