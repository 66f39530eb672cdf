import KMIP
import KeepStore
import KeyHierarchy

/// Keep Rotation Status: the rotations running in this keepd, with progress, and the domain rotations a crash or
/// a stop interrupted (journalled in the store; `keepctl rotate domain D` finishes them). Cheap enough to poll.
struct KeepRotationStatusHandler: OperationHandler {
    let access = OperationAccess.inspectInstallation
    let introduced = ProtocolVersion.v1_0

    func handle(_ request: KeepRotationStatusRequest, in context: OperationContext) throws -> any ResponsePayload {
        KeepRotationStatusResponse(rotations: try Self.all(in: context, try context.administrationTools()))
    }

    /// Running rotations, then interrupted ones, the Root of Trust first.
    static func all(in context: OperationContext, _ administration: AdministrationTools) throws -> [KeepAdminRotation] {
        let running = administration.rotations.running
        var rotations = running.map(KeepAdminRotation.init(running:))
        for domain in try context.hierarchy.domains().sorted(by: { $0.id < $1.id }) where !running.contains(where: { $0.domainID == domain.id }) {
            if let journal = try context.hierarchy.pendingRotation(domainID: domain.id) {
                rotations.append(interrupted(journal, domainID: domain.id))
            }
        }
        return rotations
    }

    /// The domain's rotation, running or interrupted, if any.
    static func rotation(of domainID: String, in context: OperationContext, _ administration: AdministrationTools) throws -> KeepAdminRotation? {
        if let entry = administration.rotations.running.first(where: { $0.domainID == domainID }) {
            return KeepAdminRotation(running: entry)
        }
        return try context.hierarchy.pendingRotation(domainID: domainID).map { interrupted($0, domainID: domainID) }
    }

    private static func interrupted(_ journal: RotationRecord, domainID: String) -> KeepAdminRotation {
        KeepAdminRotation(target: .domainKey, domainIdentifier: domainID, running: false, done: 0, total: 0,
                          keyVersion: Int32(clamping: journal.toVersion), startedAt: DateTime(secondsSinceEpoch: journal.startedAt / 1_000_000))
    }
}
