import KMIP

/// The KMIP object lifecycle (KMIP 1.4 §3.22 / 2.1 §3.31 "State"): which events move an object between states,
/// and the dates each transition sets.
///
/// ```
///   Pre-Active ──activate──▶ Active ──revoke──▶ Deactivated
///      │  │                   │                  │  │
///      │  └──────compromise───┼──────────────────┘  │
///      │            ▼         ▼                      │
///      │          Compromised ◀─────compromise───────┘
///    destroy          │destroy                       destroy (from Pre-Active or Deactivated)
///      ▼              ▼
///   Destroyed ──compromise──▶ Destroyed Compromised
/// ```
/// An Active object cannot be destroyed: it must be revoked first.
public enum LifecycleEvent: Hashable, Sendable {
    case activate
    /// Revoke with a reason that is not a compromise.
    case deactivate(ObjectAttributes.RevocationReason)
    /// Revoke with Key Compromise or CA Compromise; `occurredAt` is the Compromise Occurrence Date.
    case compromise(ObjectAttributes.RevocationReason, occurredAt: Int64?)
    case destroy

    /// Revoke maps to deactivate or compromise by its reason code.
    public static func revoke(_ reason: ObjectAttributes.RevocationReason, compromiseOccurrence: Int64?) -> LifecycleEvent {
        reason.code == .keyCompromise || reason.code == .caCompromise
            ? .compromise(reason, occurredAt: compromiseOccurrence) : .deactivate(reason)
    }
}

enum Lifecycle {
    /// Applies `event` at time `now` (seconds), or throws `wrongLifecycleState` and leaves `a` unchanged.
    static func apply(_ event: LifecycleEvent, to a: inout ObjectAttributes, now: Int64) throws {
        let next: State
        switch (event, a.state) {
        case (.activate, .preActive):
            next = .active
            a.dates.activation = now
        case (.deactivate(let reason), .active):
            next = .deactivated
            a.dates.deactivation = now
            a.revocationReason = reason
        case (.compromise(let reason, let occurred), .preActive), (.compromise(let reason, let occurred), .active),
             (.compromise(let reason, let occurred), .deactivated):
            next = .compromised
            a.dates.compromise = now
            a.dates.compromiseOccurrence = occurred ?? now
            a.revocationReason = reason
        case (.compromise(let reason, let occurred), .destroyed):
            next = .destroyedCompromised
            a.dates.compromise = now
            a.dates.compromiseOccurrence = occurred ?? now
            a.revocationReason = reason
        case (.destroy, .preActive), (.destroy, .deactivated):
            next = .destroyed
            a.dates.destroy = now
        case (.destroy, .compromised):
            next = .destroyedCompromised
            a.dates.destroy = now
        default:
            throw HierarchyError(.wrongLifecycleState, "\(describe(event)) is not allowed in state \(a.state)")
        }
        a.state = next
        a.dates.lastChange = now
    }

    /// Time-driven transitions: a Pre-Active object whose Activation Date has passed is Active, and an Active
    /// object whose Deactivation Date has passed is Deactivated. Returns whether anything changed.
    static func advance(_ a: inout ObjectAttributes, now: Int64) -> Bool {
        var changed = false
        if a.state == .preActive, let activation = a.dates.activation, activation <= now {
            a.state = .active
            changed = true
        }
        if a.state == .active, let deactivation = a.dates.deactivation, deactivation <= now {
            a.state = .deactivated
            changed = true
        }
        return changed
    }

    private static func describe(_ event: LifecycleEvent) -> String {
        switch event {
        case .activate: "Activate"
        case .deactivate: "Revoke"
        case .compromise: "Revoke (compromise)"
        case .destroy: "Destroy"
        }
    }
}
