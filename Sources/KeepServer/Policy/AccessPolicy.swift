import KMIP
import KeyHierarchy

/// What an operation does, as far as access rules care. Each operation handler declares one.
enum OperationAccess: Hashable, Sendable {
    /// Discover Versions, Query: about the server, not about any object.
    case discovery
    /// Get Attributes, Get Attribute List, Locate, Check: metadata only.
    case readMetadata
    /// Get: key material leaves the server (in the clear or wrapped).
    case readKeyMaterial
    /// Encrypt, Decrypt: key material is used inside the server.
    case useKey
    /// Create, Register, ReKey: a new object, so a new key under the domain's DK.
    case createObject
    /// Attribute changes, Activate, Revoke, Destroy.
    case changeObject
    /// RNG Retrieve.
    case random
    /// Keep administration that reads: domains, clients, keys' metadata, rotation and server status.
    case inspectInstallation
    /// Keep administration that changes: domains, clients, rotations, revoking and destroying keys.
    case administerInstallation
    /// Reading the audit log's records through keepd: admins and auditors of any domain, each seeing only what its
    /// domain may (the handler scopes the query: `AuditViewer`); never hypervisors.
    case readAuditLog

    /// Keep's vendor operations, which Query does not list among the specification's.
    var isAdministration: Bool { self == .inspectInstallation || self == .administerInstallation || self == .readAuditLog }
}

/// Who may do what, decided before an operation touches any object: so a refusal says nothing about whether
/// the object named exists.
enum AccessPolicy {
    /// An auditor reads metadata. It never sees key material (not even wrapped), never uses a key, never changes
    /// anything, and does not draw random bytes either (not metadata).
    static let auditorMay: Set<OperationAccess> = [.discovery, .readMetadata]

    static func check(_ access: OperationAccess, operation: Operation, caller: CallerIdentity, domain: Domain) throws(ServiceError) {
        guard domain.enabled else {
            throw ServiceError(.permissionDenied, "domain \(domain.id) is disabled")
        }
        // Installation administrators are the clients of the system domain (`SystemDomain`); they administer
        // and hold no keys. Tenants, their admins included, never administer the installation.
        let administers = domain.id == SystemDomain.identifier
        if access == .readAuditLog {
            // A tenant's auditor and admin answer for their domain's history; a hypervisor only uses keys.
            guard caller.role == .admin || caller.role == .auditor else {
                throw ServiceError(.permissionDenied, "client \(caller.clientName) is a \(caller.role.rawValue): only admins and auditors read the audit log")
            }
            return
        }
        if access.isAdministration {
            guard administers else {
                throw ServiceError(.permissionDenied, "\(operation.displayName) is for installation administrators (clients of \(SystemDomain.identifier)); client \(caller.clientName) belongs to domain \(domain.id)")
            }
            guard caller.role == .admin || (caller.role == .auditor && access == .inspectInstallation) else {
                throw ServiceError(.permissionDenied, "client \(caller.clientName) is an installation \(caller.role.rawValue): it may not run \(operation.displayName)")
            }
            return
        }
        if administers && access != .discovery {
            throw ServiceError(.permissionDenied, "client \(caller.clientName) administers the installation and holds no keys: \(operation) is for tenant clients")
        }
        if caller.role == .auditor && !auditorMay.contains(access) {
            throw ServiceError(.permissionDenied, "client \(caller.clientName) is an auditor: it may only read metadata, not \(operation)")
        }
        if access == .createObject && domain.subscription == .suspended {
            throw ServiceError(.permissionDenied,
                               "domain \(domain.id)'s subscription is suspended: no new keys are made (existing keys are still served)")
        }
    }
}
