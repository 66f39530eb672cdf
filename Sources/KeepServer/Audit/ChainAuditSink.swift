import KMIP
public import KeepAudit

/// The audit sink keepd uses: each KMIP outcome becomes a record in the tamper-evident log (KeepAudit), durable
/// before the response goes out.
public struct ChainAuditSink: AuditSink {
    public let log: AuditLog

    public init(log: AuditLog) { self.log = log }

    public func record(_ events: [AuditEvent]) throws {
        try log.append(events.map(Self.entry))
    }

    /// The record of one KMIP outcome: who (certificate subject and fingerprint), from where, what, on which
    /// objects, with what result. Identifiers only, as `AuditEvent` carries nothing else.
    static func entry(_ event: AuditEvent) -> AuditEntry {
        let caller = event.caller
        let micros = event.duration.components.seconds * 1_000_000 + event.duration.components.attoseconds / 1_000_000_000_000
        return AuditEntry(kind: .kmip, domain: domain(of: event), client: client(caller), source: caller.remoteAddress,
                          operation: event.operation?.displayName ?? "-", objectIDs: event.objectIDs,
                          protocolVersion: event.protocolVersion.description, outcome: event.resultStatus == .success ? .success : .failure,
                          reason: event.resultReason.map { $0.description } ?? "", message: event.resultMessage ?? "",
                          durationMicroseconds: micros)
    }

    /// The domain a record is filed under: the caller's, except for an installation administrator's request that
    /// acted on one tenant domain (it names it `domain:<id>` among its objects), which is filed under that tenant, as
    /// keepctl's local actions are (`Administration`): the tenant's auditor and its export see what was done to it.
    /// A domain that was not found is no tenant's; such a request stays under the administrator's domain.
    static func domain(of event: AuditEvent) -> String {
        guard event.caller.domainID == SystemDomain.identifier, event.resultReason != .itemNotFound else { return event.caller.domainID }
        let named = event.objectIDs.filter { $0.hasPrefix(ActivityLog.domainPrefix) }
        guard named.count == 1 else { return event.caller.domainID }
        return String(named[0].dropFirst(ActivityLog.domainPrefix.count))
    }

    static func client(_ caller: CallerIdentity) -> AuditEntry.Client {
        AuditEntry.Client(name: caller.clientName, role: caller.role.rawValue, subject: caller.subject, fingerprint: caller.fingerprint)
    }
}
