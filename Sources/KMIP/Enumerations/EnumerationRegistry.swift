/// Which enumeration family or bit mask a tag carries, so the XML/JSON codecs can write and read values by
/// name, and which tag a KMIP 1.x attribute name stands for, so a name-based 1.x attribute can be typed (and
/// an `AttributeValue`'s enumeration or mask inferred from its sibling `AttributeName`).
public enum EnumerationRegistry {
    /// The enumeration family of each Enumeration-typed tag. Several tags share a family.
    static let families: [Tag: any KMIPEnumeration.Type] = [
        .adjustmentType: AdjustmentType.self,
        .alternativeNameType: AlternativeNameType.self,
        .asynchronousIndicator: AsynchronousIndicator.self, // a Boolean in 1.x; an Enumeration from 2.0
        .attestationType: AttestationType.self,
        .batchErrorContinuationOption: BatchErrorContinuationOption.self,
        .blockCipherMode: BlockCipherMode.self,
        .cancellationResult: CancellationResult.self,
        .certificateRequestType: CertificateRequestType.self,
        .certificateType: CertificateType.self,
        .clientRegistrationMethod: ClientRegistrationMethod.self,
        .credentialType: CredentialType.self,
        .cryptographicAlgorithm: CryptographicAlgorithm.self,
        .derivationMethod: DerivationMethod.self,
        .destroyAction: DestroyAction.self,
        .digitalSignatureAlgorithm: DigitalSignatureAlgorithm.self,
        .drbgAlgorithm: DRBGAlgorithm.self,
        .encodingOption: EncodingOption.self,
        .endpointRole: EndpointRole.self,
        .extensionType: ItemType.self, // an Integer in 1.x; an Item Type enumeration from 2.0
        .fips186Variation: FIPS186Variation.self,
        .hashingAlgorithm: HashingAlgorithm.self,
        .interopFunction: InteropFunction.self,
        .keyCompressionType: KeyCompressionType.self,
        .keyFormatType: KeyFormatType.self,
        .keyRoleType: KeyRoleType.self,
        .keyValueLocationType: KeyValueLocationType.self,
        .keyWrapType: KeyWrapType.self,
        .linkType: LinkType.self,
        .maskGenerator: MaskGenerator.self,
        .maskGeneratorHashingAlgorithm: HashingAlgorithm.self,
        .nameType: NameType.self,
        .nistKeyType: NISTKeyType.self,
        .objectGroupMember: ObjectGroupMember.self,
        .objectType: ObjectType.self,
        .opaqueDataType: OpaqueDataType.self,
        .operation: Operation.self,
        .paddingMethod: PaddingMethod.self,
        .pkcs11Function: PKCS11Function.self,
        .pkcs11ReturnCode: PKCS11ReturnCode.self,
        .processingStage: ProcessingStage.self,
        .profileName: ProfileName.self,
        .protectionLevel: ProtectionLevel.self,
        .putFunction: PutFunction.self,
        .queryFunction: QueryFunction.self,
        .recommendedCurve: RecommendedCurve.self,
        .resultReason: ResultReason.self,
        .resultStatus: ResultStatus.self,
        .revocationReasonCode: RevocationReasonCode.self,
        .rngAlgorithm: RNGAlgorithm.self,
        .rngMode: RNGMode.self,
        .rotateNameType: NameType.self,
        .secretDataType: SecretDataType.self,
        .shreddingAlgorithm: ShreddingAlgorithm.self,
        .splitKeyMethod: SplitKeyMethod.self,
        .state: State.self,
        .ticketType: TicketType.self,
        .unwrapMode: UnwrapMode.self,
        .usageLimitsUnit: UsageLimitsUnit.self,
        .validationAuthorityType: ValidationAuthorityType.self,
        .validationType: ValidationType.self,
        .validityIndicator: ValidityIndicator.self,
        .wrappingMethod: WrappingMethod.self,
        // 2.x: a request may name an object by placeholder ("ID Placeholder", "Create", …) instead of an identifier.
        .uniqueIdentifier: UniqueIdentifierEnumeration.self,
        .linkedObjectIdentifier: UniqueIdentifierEnumeration.self,
    ]

    /// Enumeration-typed tags whose values are themselves tags (2.x "Tag" enumeration): named by `Tag.known`.
    static let tagValuedTags: Set<Tag> = [.tag, .attributeReference]

    /// The bit mask of each mask-typed Integer tag.
    static let masks: [Tag: any KMIPMask.Type] = [
        .cryptographicUsageMask: CryptographicUsageMask.self,
        .storageStatusMask: StorageStatusMask.self,
        .protectionStorageMask: ProtectionStorageMask.self,
    ]

    /// The enumeration family a tag carries, if it is Enumeration-typed (tag-valued tags excepted).
    public static func family(of tag: Tag) -> (any KMIPEnumeration.Type)? { families[tag] }

    /// The bit mask a tag carries, if it is a mask-typed Integer.
    public static func mask(of tag: Tag) -> (any KMIPMask.Type)? { masks[tag] }

    /// Whether values under this tag are enumerations this registry can name.
    public static func isEnumeration(_ tag: Tag) -> Bool { families[tag] != nil || tagValuedTags.contains(tag) }

    // MARK: Enumerations

    /// The XML/JSON name of `value` under `tag`, or nil when the tag is not an enumeration this registry knows
    /// or the value has no name (the caller then writes the `0x0000000A` hexadecimal form).
    public static func enumerationName(of value: UInt32, tag: Tag) -> String? {
        if tagValuedTags.contains(tag) { return Tag(rawValue: value).name }
        guard let family = families[tag] else { return nil }
        return name(of: value, in: family)
    }

    /// The value named `name` under `tag`. The `0x0000000A` hexadecimal form is accepted for any tag, so an
    /// unknown or vendor (8XXXXXXX) value still parses; a name is looked up in the tag's family.
    public static func enumerationValue(named name: String, tag: Tag) -> UInt32? {
        if let value = hexValue(name) { return value }
        if tagValuedTags.contains(tag) { return Tag(name: name)?.rawValue }
        guard let family = families[tag] else { return nil }
        return value(named: name, in: family)
    }

    // MARK: Masks

    /// The named XML form of a mask value under `tag` ("Encrypt Decrypt"), or nil if the tag is not a mask.
    public static func maskNames(of value: Int32, tag: Tag) -> String? {
        guard let mask = masks[tag] else { return nil }
        return names(of: value, in: mask)
    }

    /// As `maskNames(of:tag:)` for a value held in another integer type (bits taken as they are).
    public static func maskNames<Value: BinaryInteger>(of value: Value, tag: Tag) -> String? {
        maskNames(of: Int32(truncatingIfNeeded: value), tag: tag)
    }

    /// The mask value written as names and/or `0x…` tokens under `tag`, or nil if the tag is not a mask or a
    /// token is unknown.
    public static func maskValue(named names: String, tag: Tag) -> Int32? {
        guard let mask = masks[tag] else { return nil }
        return value(named: names, in: mask)
    }

    // MARK: KMIP 1.x attribute names

    /// The tag of a KMIP 1.x attribute name ("Cryptographic Algorithm" → `.cryptographicAlgorithm`). Runs of
    /// white space count as one space (some OASIS test cases write "Activation   Date"). Custom attributes
    /// ("x-…" client, "y-…" server) map to `.customAttribute`; they carry no enumeration or mask.
    public static func tag(forAttributeName name: String) -> Tag? {
        // Names as KMIP spells them, the usual case, need no normalizing: it was 3 % of keepd's CPU under Creates.
        if let tag = attributeTags[name] { return tag }
        let normalized = name.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        if let tag = attributeTags[normalized] { return tag }
        if normalized.hasPrefix("x-") || normalized.hasPrefix("y-") { return .customAttribute }
        return nil
    }

    /// The KMIP 1.x attribute name for a tag (`.cryptographicAlgorithm` → "Cryptographic Algorithm").
    public static func attributeName(for tag: Tag) -> String? { attributeNames[tag] }

    /// Every attribute KMIP 1.0–1.4 defines, by the name its Attribute Name carries (1.4 §3, earlier versions
    /// for the ones 1.1 deprecated).
    static let attributeTable: [(String, Tag)] = [
        ("Unique Identifier", .uniqueIdentifier),
        ("Name", .name),
        ("Object Type", .objectType),
        ("Cryptographic Algorithm", .cryptographicAlgorithm),
        ("Cryptographic Length", .cryptographicLength),
        ("Cryptographic Parameters", .cryptographicParameters),
        ("Cryptographic Domain Parameters", .cryptographicDomainParameters),
        ("Certificate Type", .certificateType),
        ("Certificate Length", .certificateLength),
        ("X.509 Certificate Identifier", .x509CertificateIdentifier),
        ("X.509 Certificate Subject", .x509CertificateSubject),
        ("X.509 Certificate Issuer", .x509CertificateIssuer),
        ("Certificate Identifier", .certificateIdentifier), // deprecated in 1.1
        ("Certificate Subject", .certificateSubject), // deprecated in 1.1
        ("Certificate Issuer", .certificateIssuer), // deprecated in 1.1
        ("Digital Signature Algorithm", .digitalSignatureAlgorithm),
        ("Digest", .digest),
        ("Operation Policy Name", .operationPolicyName), // deprecated in 1.3
        ("Cryptographic Usage Mask", .cryptographicUsageMask),
        ("Lease Time", .leaseTime),
        ("Usage Limits", .usageLimits),
        ("State", .state),
        ("Initial Date", .initialDate),
        ("Activation Date", .activationDate),
        ("Process Start Date", .processStartDate),
        ("Protect Stop Date", .protectStopDate),
        ("Deactivation Date", .deactivationDate),
        ("Destroy Date", .destroyDate),
        ("Compromise Occurrence Date", .compromiseOccurrenceDate),
        ("Compromise Date", .compromiseDate),
        ("Revocation Reason", .revocationReason),
        ("Archive Date", .archiveDate),
        ("Object Group", .objectGroup),
        ("Fresh", .fresh),
        ("Link", .link),
        ("Application Specific Information", .applicationSpecificInformation),
        ("Contact Information", .contactInformation),
        ("Last Change Date", .lastChangeDate),
        ("Custom Attribute", .customAttribute),
        ("Alternative Name", .alternativeName),
        ("Key Value Present", .keyValuePresent),
        ("Key Value Location", .keyValueLocation),
        ("Original Creation Date", .originalCreationDate),
        ("Random Number Generator", .randomNumberGenerator),
        ("PKCS#12 Friendly Name", .pkcs12FriendlyName),
        ("Description", .description),
        ("Comment", .comment),
        ("Sensitive", .sensitive),
        ("Always Sensitive", .alwaysSensitive),
        ("Extractable", .extractable),
        ("Never Extractable", .neverExtractable),
    ]

    static let attributeTags: [String: Tag] = Dictionary(attributeTable.map { ($0.0, $0.1) }, uniquingKeysWith: { first, _ in first })
    static let attributeNames: [Tag: String] = Dictionary(attributeTable.map { ($0.1, $0.0) }, uniquingKeysWith: { first, _ in first })

    // MARK: Helpers (open the existential family type)

    private static func name<E: KMIPEnumeration>(of value: UInt32, in family: E.Type) -> String? {
        E(rawValue: value).name
    }

    private static func value<E: KMIPEnumeration>(named name: String, in family: E.Type) -> UInt32? {
        E(name: name)?.rawValue
    }

    private static func names<M: KMIPMask>(of value: Int32, in mask: M.Type) -> String {
        M(rawValue: value).names
    }

    private static func value<M: KMIPMask>(named names: String, in mask: M.Type) -> Int32? {
        M(names: names)?.rawValue
    }

    /// `0x0000000A`: how the XML encoding writes an enumeration value with no name.
    private static func hexValue(_ text: String) -> UInt32? {
        guard text.hasPrefix("0x"), text.count == 10 else { return nil }
        return UInt32(text.dropFirst(2), radix: 16)
    }
}
