import KMIP
import KeyHierarchy

/// Keep Revoke Key: KMIP's Revoke, by an installation administrator on a tenant's key (a compromised key is
/// taken out of use without waiting for the tenant). Key Compromise and CA Compromise move it to Compromised,
/// any other reason to Deactivated; either way it no longer encrypts, and a Deactivated key may be destroyed.
struct KeepRevokeKeyHandler: OperationHandler {
    let access = OperationAccess.administerInstallation
    let introduced = ProtocolVersion.v1_0

    func handle(_ request: KeepRevokeKeyRequest, in context: OperationContext) throws -> any ResponsePayload {
        let domain = try context.tenantDomain(request.domainIdentifier)
        context.touch(request.uniqueIdentifier)
        if let message = request.revocationReason.message { try AdministrationText.check(message, "a Revocation Message", maximum: 1_024) }
        let reason = ObjectAttributes.RevocationReason(request.revocationReason.code, message: request.revocationReason.message)
        let event = LifecycleEvent.revoke(reason, compromiseOccurrence: nil)
        let object = try context.hierarchy.apply(event, to: request.uniqueIdentifier, in: domain.id)
        return KeepRevokeKeyResponse(key: KeepAdminKey(object))
    }
}
