/// Attestation Type (KMIP 1.2+; 1.4 §9.1.3.2.36).
public struct AttestationType: KMIPEnumeration {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let tpmQuote = AttestationType(rawValue: 0x0000_0001)
    public static let tcgIntegrityReport = AttestationType(rawValue: 0x0000_0002)
    public static let samlAssertion = AttestationType(rawValue: 0x0000_0003)

    public static let known: [(AttestationType, String)] = [
        (.tpmQuote, "TPMQuote"),
        (.tcgIntegrityReport, "TCGIntegrityReport"),
        (.samlAssertion, "SAMLAssertion"),
    ]
}
