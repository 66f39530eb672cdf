import KeyHierarchy

/// The reserved domain whose clients administer the installation.
///
/// Why a domain and not a flag on the client: every client is bound to exactly one domain, the registry, the
/// authorizer, the service and the audit all read that binding, and a domain already carries a policy (clientAuth
/// required) and an enabled state. Installation administrators are therefore clients of `_system`: its `admin`s run
/// every administration operation, its `auditor`s the read-only ones, and no one holds keys in it. A tenant's
/// `admin` keeps a hypervisor's rights in its own domain and cannot run administration operations. Identifiers
/// starting with `_` are reserved for Keep, so no tenant can be called `_system`.
public enum SystemDomain {
    public static let identifier = "_system"
    /// Tenant domain identifiers may not start with this.
    public static let reservedPrefix = "_"

    /// The roles a client of the system domain may have: no hypervisor, since nobody keeps keys there.
    public static let roles: Set<ClientRole> = [.admin, .auditor]
    public static let displayName = "Keep installation administration"
    /// Its DK is never used; clientAuth is required of its clients, and it never exports keys.
    public static let policy = DomainPolicy(allowsKeyExport: false, requiresClientAuthUsage: true)

    /// Creates the system domain if it is missing (a new installation, or one made before administration existed).
    @discardableResult
    public static func ensure(in hierarchy: KeyHierarchy) throws -> Domain {
        do {
            return try hierarchy.domain(id: identifier)
        } catch let error as HierarchyError where error.code == .domainNotFound {
            return try hierarchy.createDomain(id: identifier, displayName: displayName, policy: policy)
        }
    }

    public static func isReserved(_ domainID: String) -> Bool { domainID.hasPrefix(reservedPrefix) }
}
