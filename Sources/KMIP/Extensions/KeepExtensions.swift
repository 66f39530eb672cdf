// Keep's vendor extensions to KMIP: one read-only operation and the tags and enumeration it uses.
//
// Why an extension and not a standard operation: a hypervisor must know, before it changes anything, whether the
// tenant's advanced-protection subscription is active (else keepd will refuse the KEK it is about to ask for) and
// whether the domain lets KEKs leave the server (which decides where the DEK is wrapped). KMIP has no field for
// either. Query's Server Information is about the server, not the caller's tenant; asking with a Create that a
// suspended domain refuses would change something when it succeeds. So: a vendor operation in the extension range
// (KMIP §9.1.3.2: operation values 8XXXXXXX, tags 0x54XXXX), read-only, answering about the caller's own domain.
// Values carry 0x4B ('K') in the second byte so they are recognisably Keep's.

extension Operation {
    /// Keep Domain Status (vendor extension): the caller's domain, its subscription state and its key-export
    /// policy. No request fields; changes nothing.
    public static let keepDomainStatus = Operation(rawValue: 0x8000_4B01)
}

extension Tag {
    /// Text String: the identifier of the caller's tenant domain.
    public static let keepDomainIdentifier = Tag(rawValue: 0x54_4B01)
    /// Enumeration (`KeepSubscriptionState`): the domain's advanced-protection subscription.
    public static let keepSubscriptionState = Tag(rawValue: 0x54_4B02)
    /// Boolean: whether Get may return the domain's symmetric keys in the clear.
    public static let keepKeyExportAllowed = Tag(rawValue: 0x54_4B03)
}

/// Keep Subscription State (vendor extension enumeration).
public struct KeepSubscriptionState: KMIPEnumeration {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// Advanced protection is active: new keys may be created.
    public static let active = KeepSubscriptionState(rawValue: 0x8000_0001)
    /// Suspended: existing keys are served, no new key is made.
    public static let suspended = KeepSubscriptionState(rawValue: 0x8000_0002)

    public static let known: [(KeepSubscriptionState, String)] = [(.active, "Active"), (.suspended, "Suspended")]
}
