/// The TTLV type of each specification attribute's value, so a Text String where Cryptographic Length belongs is
/// refused as a typed error rather than stored. Names (1.x Attribute Name ↔ tag) come from `EnumerationRegistry`.
enum AttributeCatalog {
    static let valueTypes: [Tag: TTLVType] = [
        .name: .structure,
        .objectType: .enumeration,
        .cryptographicAlgorithm: .enumeration,
        .cryptographicLength: .integer,
        .cryptographicParameters: .structure,
        .cryptographicDomainParameters: .structure,
        .certificateType: .enumeration,
        .certificateLength: .integer,
        .x509CertificateIdentifier: .structure,
        .x509CertificateSubject: .structure,
        .x509CertificateIssuer: .structure,
        .certificateIdentifier: .structure,
        .certificateSubject: .structure,
        .certificateIssuer: .structure,
        .digitalSignatureAlgorithm: .enumeration,
        .digest: .structure,
        .operationPolicyName: .textString,
        .cryptographicUsageMask: .integer,
        .leaseTime: .interval,
        .usageLimits: .structure,
        .state: .enumeration,
        .initialDate: .dateTime,
        .activationDate: .dateTime,
        .processStartDate: .dateTime,
        .protectStopDate: .dateTime,
        .deactivationDate: .dateTime,
        .destroyDate: .dateTime,
        .compromiseOccurrenceDate: .dateTime,
        .compromiseDate: .dateTime,
        .revocationReason: .structure,
        .archiveDate: .dateTime,
        .objectGroup: .textString,
        .fresh: .boolean,
        .link: .structure,
        .applicationSpecificInformation: .structure,
        .contactInformation: .textString,
        .lastChangeDate: .dateTime,
        .alternativeName: .structure,
        .keyValuePresent: .boolean,
        .keyValueLocation: .structure,
        .originalCreationDate: .dateTime,
        .randomNumberGenerator: .structure,
        .pkcs12FriendlyName: .textString,
        .description: .textString,
        .comment: .textString,
        .sensitive: .boolean,
        .alwaysSensitive: .boolean,
        .extractable: .boolean,
        .neverExtractable: .boolean,
        .keyFormatType: .enumeration,
        .nistKeyType: .enumeration,
        .opaqueDataType: .enumeration,
        .protectionLevel: .enumeration,
        .protectionPeriod: .interval,
        .protectionStorageMask: .integer,
        .quantumSafe: .boolean,
        .shortUniqueIdentifier: .byteString,
        .certificateRequestUniqueIdentifier: .textString,
    ]

    static func type(for tag: Tag) -> TTLVType? { valueTypes[tag] }

    /// The tag for a KMIP 1.x Attribute Name (not for `x-`/`y-` custom names).
    static func tag(forName name: String) -> Tag? {
        guard let tag = EnumerationRegistry.tag(forAttributeName: name), tag != .customAttribute || name == "Custom Attribute" else { return nil }
        return tag
    }

    /// The KMIP 1.x Attribute Name for a tag.
    static func name(for tag: Tag) -> String? { EnumerationRegistry.attributeName(for: tag) }
}
