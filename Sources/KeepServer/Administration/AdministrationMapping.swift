import KMIP
import KeyHierarchy

// Conversions between the hierarchy's and registry's types and the administration protocol's structures.

extension KeepAdminDomain {
    init(_ domain: Domain) {
        self.init(identifier: domain.id, displayName: domain.displayName, enabled: domain.enabled,
                  subscriptionActive: domain.subscription == .active, keyExportAllowed: domain.policy.allowsKeyExport,
                  clientAuthRequired: domain.policy.requiresClientAuthUsage, domainKeyVersion: Int32(clamping: domain.domainKeyVersion),
                  createdAt: DateTime(secondsSinceEpoch: domain.createdAt / 1_000_000),
                  updatedAt: DateTime(secondsSinceEpoch: domain.updatedAt / 1_000_000))
    }
}

extension KeepAdminClient {
    init(_ client: RegisteredClient) {
        self.init(fingerprint: client.fingerprint, domainIdentifier: client.domainID, role: KeepAdminClientRole(client.role), name: client.name,
                  subject: client.subject, selfSigned: client.selfSigned, revoked: client.revoked,
                  createdAt: DateTime(secondsSinceEpoch: client.createdAt / 1_000_000),
                  revokedAt: client.revokedAt.map { DateTime(secondsSinceEpoch: $0 / 1_000_000) },
                  wireProfile: KeepAdminWireProfile(client.wireProfile))
    }
}

extension KeepAdminClientRole {
    init(_ role: ClientRole) {
        switch role {
        case .hypervisor: self = .hypervisor
        case .auditor: self = .auditor
        case .admin: self = .admin
        }
    }
}

extension ClientRole {
    init(_ role: KeepAdminClientRole) throws(ServiceError) {
        switch role {
        case .hypervisor: self = .hypervisor
        case .auditor: self = .auditor
        case .admin: self = .admin
        default: throw ServiceError(.invalidField, "unknown Client Role \(role)")
        }
    }
}

extension KeepAdminWireProfile {
    init(_ profile: WireProfile) {
        switch profile {
        case .standard: self = .standard
        case .pykmip: self = .pykmip
        }
    }
}

extension WireProfile {
    init(_ profile: KeepAdminWireProfile) throws(ServiceError) {
        switch profile {
        case .standard: self = .standard
        case .pykmip: self = .pykmip
        default: throw ServiceError(.invalidField, "unknown Wire Profile \(profile)")
        }
    }
}

extension KeepAdminKey {
    init(_ object: StoredObject) {
        let a = object.attributes
        self.init(uniqueIdentifier: object.uid, objectType: a.objectType, state: a.state, hasKeyMaterial: object.hasKeyMaterial)
        cryptographicAlgorithm = a.cryptographicAlgorithm
        cryptographicLength = a.cryptographicLength
        names = a.names.map(\.value)
        initialDate = a.dates.initial.map(DateTime.init(secondsSinceEpoch:))
        activationDate = a.dates.activation.map(DateTime.init(secondsSinceEpoch:))
        deactivationDate = a.dates.deactivation.map(DateTime.init(secondsSinceEpoch:))
        compromiseDate = a.dates.compromise.map(DateTime.init(secondsSinceEpoch:))
        destroyDate = a.dates.destroy.map(DateTime.init(secondsSinceEpoch:))
        lastChangeDate = a.dates.lastChange.map(DateTime.init(secondsSinceEpoch:))
        revocationReason = a.revocationReason.map { RevocationReason($0.code, message: $0.message) }
        domainKeyVersion = object.domainKeyVersion.map { Int32(clamping: $0) }
    }
}

extension KeepAdminActivity {
    init(_ entry: ActivityLog.Entry) {
        self.init(time: DateTime(secondsSinceEpoch: entry.time / 1_000_000), clientName: entry.clientName, operation: entry.operation,
                  resultStatus: entry.resultStatus, resultReason: entry.resultReason)
    }
}

extension KeepAdminRotation {
    init(running entry: RotationTracker.Entry) {
        self.init(target: entry.domainID == nil ? .rootOfTrust : .domainKey, domainIdentifier: entry.domainID, running: true,
                  done: Int64(entry.done), total: Int64(entry.total), startedAt: DateTime(secondsSinceEpoch: entry.startedAt / 1_000_000))
    }
}
