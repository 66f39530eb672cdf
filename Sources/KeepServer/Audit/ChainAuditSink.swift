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
        return AuditEntry(kind: .kmip, domain: caller.domainID, client: client(caller), source: caller.remoteAddress,
                          operation: event.operation.map { $0.description } ?? "-", objectIDs: event.objectIDs,
                          protocolVersion: event.protocolVersion.description, outcome: event.resultStatus == .success ? .success : .failure,
                          reason: event.resultReason.map { $0.description } ?? "", message: event.resultMessage ?? "",
                          durationMicroseconds: micros)
    }

    static func client(_ caller: CallerIdentity) -> AuditEntry.Client {
        AuditEntry.Client(name: caller.clientName, role: caller.role.rawValue, subject: caller.subject, fingerprint: caller.fingerprint)
    }
}
