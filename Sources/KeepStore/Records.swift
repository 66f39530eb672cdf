/// The persistence model: plain rows, no behaviour. KeyHierarchy owns their meaning; the store only keeps them
/// safe, indexed and consistent. KMIP enumerations are stored as their raw specification values.

/// A tenant domain.
public struct DomainRecord: Hashable, Sendable {
    /// Stable identifier chosen at creation (an operator-facing slug such as `acme`); never reused.
    public var id: String
    public var displayName: String
    public var enabled: Bool
    /// The tenant's advanced-protection subscription: new keys are refused while it is suspended.
    public var subscriptionActive: Bool
    /// Current version of the domain's key in the HSM.
    public var domainKeyVersion: UInt32
    /// Whether Get may return this domain's KEKs in the clear (vCenter needs it) or only wrapped.
    public var allowsKeyExport: Bool
    /// Whether client certificates of this domain must carry the clientAuth extended key usage.
    public var requiresClientAuthUsage: Bool
    /// Microseconds since the POSIX epoch.
    public var createdAt: Int64
    public var updatedAt: Int64

    public init(id: String, displayName: String, enabled: Bool = true, subscriptionActive: Bool = true,
                domainKeyVersion: UInt32, allowsKeyExport: Bool = false, requiresClientAuthUsage: Bool = true,
                createdAt: Int64, updatedAt: Int64) {
        self.id = id
        self.displayName = displayName
        self.enabled = enabled
        self.subscriptionActive = subscriptionActive
        self.domainKeyVersion = domainKeyVersion
        self.allowsKeyExport = allowsKeyExport
        self.requiresClientAuthUsage = requiresClientAuthUsage
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// A KMIP client, bound by its certificate to one tenant domain and one role. Clients authenticate with TLS
/// client certificates; the registry is what turns a verified certificate into a tenant and a role.
public struct ClientRecord: Hashable, Sendable {
    /// SHA-256 of the certificate's DER encoding, 64 lowercase hexadecimal digits: the primary key.
    public var fingerprint: String
    public var domainID: String
    /// The role's name (`hypervisor`, `auditor`, `admin`); KeepServer owns its meaning.
    public var role: String
    /// Operator-facing name (`vcenter-prod-1`), unique within the domain.
    public var name: String
    /// The certificate's subject as registered, for operators and audit records.
    public var subject: String
    /// Registered as a self-signed certificate: accepted without a trusted CA chain, by fingerprint alone.
    public var selfSigned: Bool
    /// A revoked client is refused; the row stays so the fingerprint is never silently re-bound.
    public var revoked: Bool
    /// Microseconds since the POSIX epoch.
    public var createdAt: Int64
    public var revokedAt: Int64?
    /// How the server shapes the few response forms where clients disagree with the specification (KeepServer's
    /// `WireProfile`, by name).
    public var wireProfile: String

    public init(fingerprint: String, domainID: String, role: String, name: String, subject: String, selfSigned: Bool = false,
                revoked: Bool = false, createdAt: Int64, revokedAt: Int64? = nil, wireProfile: String = "standard") {
        self.fingerprint = fingerprint
        self.domainID = domainID
        self.role = role
        self.name = name
        self.subject = subject
        self.selfSigned = selfSigned
        self.revoked = revoked
        self.createdAt = createdAt
        self.revokedAt = revokedAt
        self.wireProfile = wireProfile
    }
}

/// A KMIP managed object of one domain.
public struct ObjectRecord: Hashable, Sendable {
    public var uid: String
    public var domainID: String
    /// KMIP Object Type, raw value.
    public var objectType: UInt32
    /// KMIP State, raw value.
    public var state: UInt32
    /// KMIP Cryptographic Algorithm, raw value, when the object has one.
    public var algorithm: UInt32?
    public var length: Int32?
    /// The key material, wrapped under the domain key (a self-describing KeyHierarchy record); nil once destroyed.
    public var wrappedKey: [UInt8]?
    /// The domain-key version `wrappedKey` is wrapped under: what DK rotation scans and rewrites.
    public var domainKeyVersion: UInt32?
    /// The object's whole attribute set, encoded by the caller. Opaque to the store.
    public var attributes: [UInt8]
    /// Names (KMIP Name attribute values), indexed for Locate. Kept as a set: read back sorted, without duplicates.
    public var names: [String]
    /// Custom attributes (`x-…`, vendor attributes) rendered as text, indexed for Locate.
    public var customAttributes: [CustomAttribute]
    /// Microseconds since the POSIX epoch.
    public var createdAt: Int64
    public var updatedAt: Int64

    public init(uid: String, domainID: String, objectType: UInt32, state: UInt32, algorithm: UInt32? = nil,
                length: Int32? = nil, wrappedKey: [UInt8]? = nil, domainKeyVersion: UInt32? = nil,
                attributes: [UInt8] = [], names: [String] = [], customAttributes: [CustomAttribute] = [],
                createdAt: Int64, updatedAt: Int64) {
        self.uid = uid
        self.domainID = domainID
        self.objectType = objectType
        self.state = state
        self.algorithm = algorithm
        self.length = length
        self.wrappedKey = wrappedKey
        self.domainKeyVersion = domainKeyVersion
        self.attributes = attributes
        self.names = names
        self.customAttributes = customAttributes
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

public struct CustomAttribute: Hashable, Sendable {
    public var name: String
    public var index: Int
    public var value: String

    public init(name: String, index: Int = 0, value: String) {
        self.name = name
        self.index = index
        self.value = value
    }
}

/// What Locate filters on. Every filter is scoped to one domain: there is no cross-tenant query.
public struct ObjectQuery: Hashable, Sendable {
    public var domainID: String
    public var objectType: UInt32?
    public var state: UInt32?
    public var algorithm: UInt32?
    public var length: Int32?
    public var name: String?
    public var customAttribute: CustomAttribute?
    /// States to leave out (a Locate does not return destroyed objects unless asked for them).
    public var excludedStates: [UInt32]
    public var offset: Int
    public var limit: Int?

    public init(domainID: String, objectType: UInt32? = nil, state: UInt32? = nil, algorithm: UInt32? = nil,
                length: Int32? = nil, name: String? = nil, customAttribute: CustomAttribute? = nil,
                excludedStates: [UInt32] = [], offset: Int = 0, limit: Int? = nil) {
        self.domainID = domainID
        self.excludedStates = excludedStates
        self.objectType = objectType
        self.state = state
        self.algorithm = algorithm
        self.length = length
        self.name = name
        self.customAttribute = customAttribute
        self.offset = offset
        self.limit = limit
    }
}

/// A rotation that has started: what it rotates from and to. Present until the rotation completes.
public struct RotationRecord: Hashable, Sendable {
    public var scope: String
    public var fromVersion: UInt32
    public var toVersion: UInt32
    public var startedAt: Int64

    public init(scope: String, fromVersion: UInt32, toVersion: UInt32, startedAt: Int64) {
        self.scope = scope
        self.fromVersion = fromVersion
        self.toVersion = toVersion
        self.startedAt = startedAt
    }
}
