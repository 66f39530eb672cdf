import KMIP
import KeepSync

/// The last requests of each domain, for `keepctl domain show`. A tee in front of the audit sink: what it keeps
/// is what the audit chain records, minus everything but time, client, operation and outcome. In memory and
/// bounded; the audit chain is the record, this is a glance.
public final class ActivityLog: Sendable {
    /// Entries kept per domain: a busy tenant cannot grow keepd's memory through it.
    public static let entriesPerDomain = 20
    /// Domains kept: requests naming domain after domain cannot grow it either (about 2 KiB each).
    public static let maximumDomains = 10_000

    public struct Entry: Sendable, Equatable {
        /// Microseconds since the POSIX epoch.
        public var time: Int64
        public var clientName: String
        public var operation: Operation?
        public var resultStatus: ResultStatus
        public var resultReason: ResultReason?
    }

    /// Taken by every request: a `Locked`, not a `Mutex` (a convoy on Linux, see KeepSync).
    private let entries = Locked<[String: [Entry]]>([:])

    public init() {}

    /// Files the event under the caller's domain and, for an administration operation, under each domain it
    /// acted on (named `domain:<id>` among its objects).
    public func record(_ event: AuditEvent) {
        let entry = Entry(time: event.time, clientName: event.caller.clientName, operation: event.operation,
                          resultStatus: event.resultStatus, resultReason: event.resultReason)
        var domains = [event.caller.domainID]
        // A domain that was not found is not filed: it has no activity to show, and naming one costs nothing.
        for object in event.objectIDs where object.hasPrefix(Self.domainPrefix) && event.resultReason != .itemNotFound {
            let id = String(object.dropFirst(Self.domainPrefix.count))
            if !domains.contains(id) { domains.append(id) }
        }
        entries.withLock { entries in
            for domain in domains where entries[domain] != nil || entries.count < Self.maximumDomains {
                // In place: a copy of the list per request would cost an allocation on every request.
                entries[domain, default: []].append(entry)
                if entries[domain]!.count > Self.entriesPerDomain { entries[domain]!.removeFirst() }
            }
        }
    }

    /// The domain's recent requests, newest first.
    public func recent(_ domainID: String) -> [Entry] {
        entries.withLock { $0[domainID] ?? [] }.reversed()
    }

    /// How an administration operation names a domain among the objects of its audit event.
    static let domainPrefix = "domain:"
    /// How an administration operation names a client (by certificate fingerprint) among its objects.
    static let clientPrefix = "client:"
}

/// Sends the events to the audit sink proper and, once they are recorded, to the activity log: what the activity
/// shows was recorded (an outcome the audit could not record is answered with an error, and not shown).
public struct ActivityRecordingSink: AuditSink {
    public let activity: ActivityLog
    public let next: any AuditSink

    public init(activity: ActivityLog, next: any AuditSink) {
        self.activity = activity
        self.next = next
    }

    public func record(_ events: [AuditEvent]) throws {
        try next.record(events)
        for event in events { activity.record(event) }
    }
}
