/// Which records to show or export. Every criterion set must hold (AND); nil matches everything.
public struct AuditQuery: Hashable, Sendable {
    public var domain: String?
    public var kind: AuditEntry.Kind?
    /// Exact operation name, compared case-insensitively (`create` finds `Create`).
    public var operation: String?
    /// The record names this object identifier.
    public var objectID: String?
    /// The client's name, its certificate's SHA-256 fingerprint (either case, `:` allowed) or its subject.
    public var client: String?
    public var outcome: AuditEntry.Outcome?
    /// UTC microseconds since the POSIX epoch, inclusive.
    public var since: Int64?
    public var until: Int64?

    public init(domain: String? = nil, kind: AuditEntry.Kind? = nil, operation: String? = nil, objectID: String? = nil,
                client: String? = nil, outcome: AuditEntry.Outcome? = nil, since: Int64? = nil, until: Int64? = nil) {
        self.domain = domain
        self.kind = kind
        self.operation = operation
        self.objectID = objectID
        self.client = client
        self.outcome = outcome
        self.since = since
        self.until = until
    }

    public func matches(_ record: AuditRecord) -> Bool {
        let entry = record.entry
        if let domain, entry.domain != domain { return false }
        if let kind, entry.kind != kind { return false }
        if let operation, entry.operation.lowercased() != operation.lowercased() { return false }
        if let objectID, !entry.objectIDs.contains(objectID) { return false }
        if let client {
            let fingerprint = client.lowercased().replacingOccurrences(of: ":", with: "")
            guard entry.client.name == client || entry.client.subject == client
                    || (!entry.client.fingerprint.isEmpty && entry.client.fingerprint == fingerprint) else { return false }
        }
        if let outcome, entry.outcome != outcome { return false }
        if let since, record.time < since { return false }
        if let until, record.time > until { return false }
        return true
    }
}

/// Who reads the log. An administrator sees every record; a domain's auditor only that domain's, whatever it asks.
public enum AuditViewer: Hashable, Sendable {
    case administrator
    case domainAuditor(String)

    /// The query this viewer may run: an auditor's is confined to its domain, and asking for another is refused
    /// (rather than silently answered with nothing, which would look like "no events").
    public func scope(_ query: AuditQuery) throws -> AuditQuery {
        switch self {
        case .administrator:
            return query
        case .domainAuditor(let domain):
            if let asked = query.domain, asked != domain {
                throw AuditError(.invalidInput, "an auditor of domain \(domain) cannot read the records of domain \(asked)")
            }
            var scoped = query
            scoped.domain = domain
            return scoped
        }
    }
}
