import KMIP

/// Keep Domain Status (vendor extension): the caller's own domain, its subscription state and whether its keys
/// may be exported. Read-only, so a hypervisor can check its prerequisites before it changes anything. It names no
/// object and sees only the caller's domain (as read when the message arrived); a disabled domain is refused by
/// `AccessPolicy` before this runs, like every operation.
struct KeepDomainStatusHandler: OperationHandler {
    /// About the caller's tenant, not about any object: auditors may ask too.
    let access = OperationAccess.discovery
    /// A vendor operation, valid in every protocol version.
    let introduced = ProtocolVersion.v1_0

    func handle(_ request: KeepDomainStatusRequest, in context: OperationContext) throws -> any ResponsePayload {
        let domain = context.domain
        return KeepDomainStatusResponse(domainIdentifier: domain.id,
                                        subscriptionState: domain.subscription == .active ? .active : .suspended,
                                        keyExportAllowed: domain.policy.allowsKeyExport)
    }
}
