import Synchronization

/// The rotations this keepd is running, with their progress, for Keep Rotation Status. In memory only: an
/// interrupted rotation is found in the store's journal (domains) or the HSM (the Root of Trust), not here.
final class RotationTracker: Sendable {
    struct Entry: Sendable, Equatable {
        var domainID: String?
        var done: Int
        var total: Int
        /// Microseconds since the POSIX epoch.
        var startedAt: Int64
    }

    private let entries = Mutex<[String: Entry]>([:])

    /// `domainID` nil is the Root of Trust.
    static func scope(_ domainID: String?) -> String { domainID.map { "domain:\($0)" } ?? "root" }

    /// Claims the scope; false if a rotation of it is running already.
    func begin(_ domainID: String?, at time: Int64) -> Bool {
        entries.withLock { entries in
            guard entries[Self.scope(domainID)] == nil else { return false }
            entries[Self.scope(domainID)] = Entry(domainID: domainID, done: 0, total: 0, startedAt: time)
            return true
        }
    }

    func progress(_ domainID: String?, done: Int, total: Int) {
        entries.withLock { entries in
            entries[Self.scope(domainID)]?.done = done
            entries[Self.scope(domainID)]?.total = total
        }
    }

    func end(_ domainID: String?) {
        _ = entries.withLock { $0.removeValue(forKey: Self.scope(domainID)) }
    }

    /// Running rotations, the Root of Trust first, then domains by identifier.
    var running: [Entry] {
        entries.withLock { Array($0.values) }.sorted { ($0.domainID ?? "") < ($1.domainID ?? "") }
    }
}
