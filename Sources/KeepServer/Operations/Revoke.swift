import KMIP
import KeyHierarchy

/// Revoke: Active → Deactivated, or → Compromised for Key Compromise / CA Compromise (with the Compromise
/// Occurrence Date, now if the client gives none).
struct RevokeHandler: OperationHandler {
    let access = OperationAccess.changeObject
    let introduced = ProtocolVersion.v1_0

    func handle(_ request: RevokeRequest, in context: OperationContext) throws -> any ResponsePayload {
        let uid = try context.resolve(request.uniqueIdentifier)
        let reason = ObjectAttributes.RevocationReason(request.revocationReason.code, message: request.revocationReason.message)
        let event = LifecycleEvent.revoke(reason, compromiseOccurrence: request.compromiseOccurrenceDate?.secondsSinceEpoch)
        try context.hierarchy.apply(event, to: uid, in: context.domainID)
        context.idPlaceholder = uid
        return RevokeResponse(uniqueIdentifier: .text(uid))
    }
}
