import KMIP

/// Which attributes a client may set, and how many instances each may have. Named sets, one per rule, so a
/// rule reads as what it is (KMIP 1.4 §3 and 2.1 §4 give these properties per attribute).
enum AttributeRules {
    /// Set and kept by the server. A client reads them; a template, Add, Set, Modify or Delete of them is refused.
    static let serverManaged: Set<Tag> = [
        .uniqueIdentifier, .objectType, .state, .initialDate, .lastChangeDate, .destroyDate, .compromiseDate,
        .compromiseOccurrenceDate, .revocationReason, .archiveDate, .digest, .keyValuePresent,
        .alwaysSensitive, .neverExtractable, .keyFormatType, .shortUniqueIdentifier,
    ]

    /// Chosen in the Create / Register template and fixed afterwards: a key's algorithm, length and permitted
    /// uses are part of what the key is, and changing them under a client that relies on them breaks it.
    /// A registering client may also say when and with what generator the object was made (KMIP 1.4 §3.44, §3.45);
    /// for an object the server makes, the server's own values replace them. A client may register an object as
    /// not Fresh (§3.34; the KMIP 1.1 test case TC-152 registers one as Fresh). Key Value Location (1.2+) says
    /// where the value of an object registered without it is kept: given in that Register only (Create and ReKey
    /// refuse it, since the server then holds the value), and never changed by a client afterwards.
    static let fixedAtCreation: Set<Tag> = [.cryptographicAlgorithm, .cryptographicLength, .cryptographicUsageMask, .cryptographicDomainParameters,
                                            .originalCreationDate, .randomNumberGenerator, .fresh, .keyValueLocation]

    /// A client may add, change and delete these (the two lifecycle dates only in the states `checkWritable` allows).
    static let clientModifiable: Set<Tag> = [
        .name, .link, .activationDate, .deactivationDate, .processStartDate, .protectStopDate, .objectGroup,
        .applicationSpecificInformation, .contactInformation, .alternativeName, .description, .comment, .sensitive,
        .extractable, .operationPolicyName, .cryptographicParameters, .usageLimits, .leaseTime,
        .pkcs12FriendlyName, .protectionLevel, .protectionPeriod, .nistKeyType, .quantumSafe, .sensitive, .extractable,
    ]

    /// Lifecycle dates drive state transitions: they can be moved, not removed.
    static let undeletable: Set<Tag> = [.activationDate, .deactivationDate]

    /// Attributes an object may carry several instances of. Custom (x-/vendor) attributes are multi-valued too.
    static let multiValued: Set<Tag> = [
        .name, .link, .objectGroup, .applicationSpecificInformation, .alternativeName, .cryptographicParameters, .keyValueLocation, .digest,
    ]

    /// The version that defined each attribute, where later than 1.0. A client is never told about an attribute
    /// its version does not define: a KMIP 1.1 client cannot read the name "Sensitive".
    static let introduced: [Tag: ProtocolVersion] = [
        .fresh: .v1_1,
        .alternativeName: .v1_2, .keyValuePresent: .v1_2, .keyValueLocation: .v1_2,
        .originalCreationDate: .v1_3, .randomNumberGenerator: .v1_3,
        .pkcs12FriendlyName: .v1_4, .description: .v1_4, .comment: .v1_4, .sensitive: .v1_4, .alwaysSensitive: .v1_4,
        .extractable: .v1_4, .neverExtractable: .v1_4,
        .keyFormatType: .v2_0, .nistKeyType: .v2_0, .opaqueDataType: .v2_0, .protectionLevel: .v2_0, .protectionPeriod: .v2_0,
        .protectionStorageMask: .v2_0, .quantumSafe: .v2_0, .shortUniqueIdentifier: .v2_0,
    ]

    static func isDefined(_ name: AttributeName, in version: ProtocolVersion) -> Bool {
        guard case .standard(let tag) = name, let first = introduced[tag] else { return true }
        return first <= version
    }

    /// Instances of one attribute on one object: bounds the size of a stored attribute record that repeated
    /// Add Attribute calls could otherwise grow without limit.
    static let maxInstances = 64

    /// Throws unless a client may write `tag` on an object in `state` (`creating`: in a Create/Register template).
    static func checkWritable(_ tag: Tag, state: State, creating: Bool) throws(ServiceError) {
        let name = AttributeName.standard(tag).kmip1Name
        if serverManaged.contains(tag) {
            throw ServiceError(.attributeReadOnly, "\(name) is set by the server")
        }
        if fixedAtCreation.contains(tag) {
            if creating { return }
            throw ServiceError(.attributeReadOnly, "\(name) is fixed when the object is created")
        }
        guard clientModifiable.contains(tag) else {
            throw ServiceError(.unsupportedAttribute, "Keep does not manage the \(name) attribute")
        }
        if creating { return }
        if tag == .activationDate && state != .preActive {
            throw ServiceError(.wrongLifecycleState, "Activation Date can change only while the object is Pre-Active, not \(state)")
        }
        if tag == .deactivationDate && state != .preActive && state != .active {
            throw ServiceError(.wrongLifecycleState, "Deactivation Date can change only while the object is Pre-Active or Active, not \(state)")
        }
    }
}
