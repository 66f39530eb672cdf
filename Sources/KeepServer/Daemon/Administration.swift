import Foundation
public import KeepAudit
public import KeyHierarchy

/// Administrative actions on an installation, each recorded in the audit log: domain changes, key rotations,
/// client registration and revocation. keepctl uses it on a stopped installation (the partition admits one
/// process, so keepd is not writing the log meanwhile); the admin protocol will use it inside keepd.
///
/// Each action runs, then its record is appended and made durable; a failed action is recorded with its error
/// code. If the record cannot be written, the call throws the `AuditError` even though the action took effect
/// (the store cannot be rolled back after the fact): the operator is told, and keepd will not start on a log that
/// does not verify.
public final class Administration {
    public let hierarchy: KeyHierarchy
    public let registry: ClientRegistry
    public let audit: AuditLog
    /// Who acts: `keepctl` and the operating-system user running it.
    public let actor: AuditEntry.Client

    init(hierarchy: KeyHierarchy, registry: ClientRegistry, audit: AuditLog, actor: AuditEntry.Client) {
        self.hierarchy = hierarchy
        self.registry = registry
        self.audit = audit
        self.actor = actor
    }

    @discardableResult
    public func createDomain(id: String, displayName: String? = nil, policy: DomainPolicy = DomainPolicy()) throws -> Domain {
        try perform("CreateDomain", domain: id, objects: [id]) { try hierarchy.createDomain(id: id, displayName: displayName, policy: policy) }
    }

    /// Changes a domain's state or policy (enable, disable, suspend, resume, export policy).
    @discardableResult
    public func updateDomain(id: String, _ change: (inout Domain) throws -> Void) throws -> Domain {
        try perform("UpdateDomain", domain: id, objects: [id]) { try hierarchy.updateDomain(id: id, change) }
    }

    @discardableResult
    public func registerClient(fingerprint: String, domainID: String, role: ClientRole, name: String, subject: String,
                               selfSigned: Bool = false, wireProfile: WireProfile = .standard) throws -> RegisteredClient {
        try perform("RegisterClient", domain: domainID, objects: [name, fingerprint], message: "role \(role.rawValue)") {
            try registry.register(fingerprint: fingerprint, domainID: domainID, role: role, name: name, subject: subject,
                                  selfSigned: selfSigned, wireProfile: wireProfile)
        }
    }

    @discardableResult
    public func revokeClient(fingerprint: String) throws -> RegisteredClient {
        let domain = (try? registry.client(fingerprint: fingerprint))??.domainID ?? AuditEntry.systemDomain
        return try perform("RevokeClient", domain: domain, objects: [fingerprint]) { try registry.revoke(fingerprint: fingerprint) }
    }

    @discardableResult
    public func rotateDomainKey(_ domainID: String) throws -> UInt32 {
        try perform("RotateDomainKey", domain: domainID, objects: [domainID]) { try hierarchy.rotateDomainKey(domainID) }
    }

    @discardableResult
    public func rotateRootOfTrust() throws -> UInt32 {
        try perform("RotateRootOfTrust", domain: AuditEntry.systemDomain, objects: []) { try hierarchy.rotateRootOfTrust() }
    }

    /// Records an action that happened elsewhere (creating the installation itself).
    func recordAction(_ operation: String, domain: String = AuditEntry.systemDomain, message: String) throws {
        try audit.append(AuditEntry(kind: .admin, domain: domain, client: actor, source: "local", operation: operation, outcome: .success,
                                    message: message))
    }

    private func perform<T>(_ operation: String, domain: String, objects: [String], message: String = "", _ body: () throws -> T) throws -> T {
        let start = ContinuousClock.now
        func entry(_ outcome: AuditEntry.Outcome, reason: String) -> AuditEntry {
            let elapsed = ContinuousClock.now - start
            return AuditEntry(kind: .admin, domain: domain, client: actor, source: "local", operation: operation, objectIDs: objects,
                              outcome: outcome, reason: reason, message: message,
                              durationMicroseconds: elapsed.components.seconds * 1_000_000 + elapsed.components.attoseconds / 1_000_000_000_000)
        }
        let value: T
        do {
            value = try body()
        } catch {
            _ = try? audit.append(entry(.failure, reason: Self.code(of: error)))
            throw error
        }
        try audit.append(entry(.success, reason: ""))
        return value
    }

    /// The error's code only: reasons may name paths and internals, codes are what an auditor filters on.
    private static func code(of error: any Error) -> String {
        switch error {
        case let error as HierarchyError: "\(error.code)"
        case let error as ClientRegistryError: "\(error.code)"
        default: String(describing: type(of: error))
        }
    }

    /// keepctl's identity in records: `keepctl:<user>`.
    public static func localActor() -> AuditEntry.Client {
        let user = ProcessInfo.processInfo.environment["SUDO_USER"] ?? ProcessInfo.processInfo.environment["USER"] ?? String(getuid())
        return AuditEntry.Client(name: "keepctl:\(user)", role: "operator")
    }
}
