import KeepHSM
import KeepStore

/// A tenant domain: its own Domain Key in the HSM, its own objects, its own policy.
public struct Domain: Hashable, Sendable {
    public var id: String
    public var displayName: String
    public var enabled: Bool
    public var subscription: Subscription
    public var policy: DomainPolicy
    /// The DK version new KEKs are wrapped under.
    public var domainKeyVersion: UInt32
    public var createdAt: Int64
    public var updatedAt: Int64

    public enum Subscription: String, Hashable, Sendable, CaseIterable {
        /// Advanced protection active: keys may be created.
        case active
        /// Suspended: existing keys are served, no new ones are made.
        case suspended
    }

    /// The DK's label in the HSM.
    public var domainKeyLabel: String { Self.domainKeyLabel(id) }
    public var domainKey: KeyHandle { KeyHandle(label: domainKeyLabel, version: domainKeyVersion) }

    static func domainKeyLabel(_ id: String) -> String { "dk/\(id)" }

    /// Domain identifiers are operator-chosen slugs: they appear in HSM labels, contexts and file names.
    public static let maximumIdentifierLength = 64

    static func validate(id: String) throws {
        let allowed = id.utf8.allSatisfy { c in
            (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7A) || c == 0x2D || c == 0x5F
        }
        guard !id.isEmpty, id.utf8.count <= maximumIdentifierLength, allowed, id.first != "-" else {
            throw HierarchyError(.invalidRequest, "a domain identifier is 1 to \(maximumIdentifierLength) characters of a-z 0-9 - _")
        }
    }

    init(_ r: DomainRecord) {
        id = r.id
        displayName = r.displayName
        enabled = r.enabled
        subscription = r.subscriptionActive ? .active : .suspended
        policy = DomainPolicy(allowsKeyExport: r.allowsKeyExport, requiresClientAuthUsage: r.requiresClientAuthUsage)
        domainKeyVersion = r.domainKeyVersion
        createdAt = r.createdAt
        updatedAt = r.updatedAt
    }

    var record: DomainRecord {
        DomainRecord(id: id, displayName: displayName, enabled: enabled, subscriptionActive: subscription == .active,
                     domainKeyVersion: domainKeyVersion, allowsKeyExport: policy.allowsKeyExport,
                     requiresClientAuthUsage: policy.requiresClientAuthUsage, createdAt: createdAt, updatedAt: updatedAt)
    }
}

/// What a domain allows.
public struct DomainPolicy: Hashable, Sendable {
    /// Get may return KEKs in the clear (vCenter's Standard Key Provider needs it). When false, KEKs are used only
    /// through Encrypt/Decrypt on the server or returned wrapped under another key.
    public var allowsKeyExport: Bool
    /// Client certificates must carry the clientAuth extended key usage (vCenter's self-signed one does not).
    public var requiresClientAuthUsage: Bool

    public init(allowsKeyExport: Bool = false, requiresClientAuthUsage: Bool = true) {
        self.allowsKeyExport = allowsKeyExport
        self.requiresClientAuthUsage = requiresClientAuthUsage
    }
}
