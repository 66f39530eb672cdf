/// The specification's attributes: KMIP 1.x Attribute Name text ↔ tag, and the TTLV type of the value.
///
/// The name ↔ tag half overlaps `EnumerationRegistry.tag(forAttributeName:)` (tables branch); the model also
/// needs the reverse (to write 1.x names) and the value type (to refuse a Text String where Cryptographic Length
/// belongs), so it keeps both here in one table. One row per attribute; a name appears once.
enum AttributeCatalog {
    struct Entry {
        let name: String
        let tag: Tag
        /// nil when the type varies (Custom Attribute).
        let type: TTLVType?
    }

    static let entries: [Entry] = [
        Entry(name: "Unique Identifier", tag: .uniqueIdentifier, type: nil), // text; 2.x requests may use enum/int
        Entry(name: "Name", tag: .name, type: .structure),
        Entry(name: "Object Type", tag: .objectType, type: .enumeration),
        Entry(name: "Cryptographic Algorithm", tag: .cryptographicAlgorithm, type: .enumeration),
        Entry(name: "Cryptographic Length", tag: .cryptographicLength, type: .integer),
        Entry(name: "Cryptographic Parameters", tag: .cryptographicParameters, type: .structure),
        Entry(name: "Cryptographic Domain Parameters", tag: .cryptographicDomainParameters, type: .structure),
        Entry(name: "Certificate Type", tag: .certificateType, type: .enumeration),
        Entry(name: "Certificate Length", tag: .certificateLength, type: .integer),
        Entry(name: "X.509 Certificate Identifier", tag: .x509CertificateIdentifier, type: .structure),
        Entry(name: "X.509 Certificate Subject", tag: .x509CertificateSubject, type: .structure),
        Entry(name: "X.509 Certificate Issuer", tag: .x509CertificateIssuer, type: .structure),
        Entry(name: "Certificate Identifier", tag: .certificateIdentifier, type: .structure),
        Entry(name: "Certificate Subject", tag: .certificateSubject, type: .structure),
        Entry(name: "Certificate Issuer", tag: .certificateIssuer, type: .structure),
        Entry(name: "Digital Signature Algorithm", tag: .digitalSignatureAlgorithm, type: .enumeration),
        Entry(name: "Digest", tag: .digest, type: .structure),
        Entry(name: "Operation Policy Name", tag: .operationPolicyName, type: .textString),
        Entry(name: "Cryptographic Usage Mask", tag: .cryptographicUsageMask, type: .integer),
        Entry(name: "Lease Time", tag: .leaseTime, type: .interval),
        Entry(name: "Usage Limits", tag: .usageLimits, type: .structure),
        Entry(name: "State", tag: .state, type: .enumeration),
        Entry(name: "Initial Date", tag: .initialDate, type: .dateTime),
        Entry(name: "Activation Date", tag: .activationDate, type: .dateTime),
        Entry(name: "Process Start Date", tag: .processStartDate, type: .dateTime),
        Entry(name: "Protect Stop Date", tag: .protectStopDate, type: .dateTime),
        Entry(name: "Deactivation Date", tag: .deactivationDate, type: .dateTime),
        Entry(name: "Destroy Date", tag: .destroyDate, type: .dateTime),
        Entry(name: "Compromise Occurrence Date", tag: .compromiseOccurrenceDate, type: .dateTime),
        Entry(name: "Compromise Date", tag: .compromiseDate, type: .dateTime),
        Entry(name: "Revocation Reason", tag: .revocationReason, type: .structure),
        Entry(name: "Archive Date", tag: .archiveDate, type: .dateTime),
        Entry(name: "Object Group", tag: .objectGroup, type: .textString),
        Entry(name: "Fresh", tag: .fresh, type: .boolean),
        Entry(name: "Link", tag: .link, type: .structure),
        Entry(name: "Application Specific Information", tag: .applicationSpecificInformation, type: .structure),
        Entry(name: "Contact Information", tag: .contactInformation, type: .textString),
        Entry(name: "Last Change Date", tag: .lastChangeDate, type: .dateTime),
        Entry(name: "Custom Attribute", tag: .customAttribute, type: nil),
        Entry(name: "Alternative Name", tag: .alternativeName, type: .structure),
        Entry(name: "Key Value Present", tag: .keyValuePresent, type: .boolean),
        Entry(name: "Key Value Location", tag: .keyValueLocation, type: .structure),
        Entry(name: "Original Creation Date", tag: .originalCreationDate, type: .dateTime),
        Entry(name: "Random Number Generator", tag: .randomNumberGenerator, type: .structure),
        Entry(name: "PKCS#12 Friendly Name", tag: .pkcs12FriendlyName, type: .textString),
        Entry(name: "Description", tag: Tag(rawValue: 0x42_00FC), type: .textString),
        Entry(name: "Comment", tag: .comment, type: .textString),
        Entry(name: "Sensitive", tag: .sensitive, type: .boolean),
        Entry(name: "Always Sensitive", tag: .alwaysSensitive, type: .boolean),
        Entry(name: "Extractable", tag: .extractable, type: .boolean),
        Entry(name: "Never Extractable", tag: .neverExtractable, type: .boolean),
        // KMIP 2.x attributes (they have no 1.x name in the specification; the name is used only if a 2.x
        // attribute must be written in 1.x form).
        Entry(name: "Key Format Type", tag: .keyFormatType, type: .enumeration),
        Entry(name: "NIST Key Type", tag: .nistKeyType, type: .enumeration),
        Entry(name: "Opaque Data Type", tag: .opaqueDataType, type: .enumeration),
        Entry(name: "Protection Level", tag: .protectionLevel, type: .enumeration),
        Entry(name: "Protection Period", tag: .protectionPeriod, type: .interval),
        Entry(name: "Protection Storage Mask", tag: .protectionStorageMask, type: .integer),
        Entry(name: "Quantum Safe", tag: .quantumSafe, type: .boolean),
        Entry(name: "Short Unique Identifier", tag: .shortUniqueIdentifier, type: .byteString),
        Entry(name: "Certificate Request Unique Identifier", tag: .certificateRequestUniqueIdentifier, type: .textString),
    ]

    private static let byName: [String: Entry] = Dictionary(entries.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
    private static let byTag: [Tag: Entry] = Dictionary(entries.map { ($0.tag, $0) }, uniquingKeysWith: { a, _ in a })

    static func tag(forName name: String) -> Tag? { byName[name]?.tag }
    static func name(for tag: Tag) -> String? { byTag[tag]?.name }
    static func type(for tag: Tag) -> TTLVType? { byTag[tag]?.type }
}
