import KMIP

/// Writes a line to keepd's JSON log each time the sink behind it cannot record a message's outcomes, then
/// rethrows, so the service still answers every item with an error (fail closed). Clients see only an Internal
/// Server Error; the line tells the operator that the audit log is why (a full disk, a file-size limit) and how
/// (the `AuditError`: what failed, and the system's error). It names the client and the operations: `AuditEvent`
/// carries identifiers only, so no key material can reach the log through it.
struct FailureLoggingAuditSink: AuditSink {
    let next: any AuditSink
    let log: ServerLog

    func record(_ events: [AuditEvent]) throws {
        do {
            try next.record(events)
        } catch {
            log.error("audit record failed", ["operation": .string(events.map { $0.operation?.displayName ?? "-" }.joined(separator: ",")),
                                              "client": .string(events.first?.caller.clientName ?? ""), "error": .string("\(error)")])
            throw error
        }
    }
}
