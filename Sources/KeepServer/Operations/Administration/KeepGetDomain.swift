import KMIP

/// Keep Get Domain: the domain, how many objects it holds in each state, its DK rotation if one is running or
/// was interrupted, and its recent requests (from this keepd's memory; the audit chain is the full record).
struct KeepGetDomainHandler: OperationHandler {
    let access = OperationAccess.inspectInstallation
    let introduced = ProtocolVersion.v1_0

    func handle(_ request: KeepGetDomainRequest, in context: OperationContext) throws -> any ResponsePayload {
        let administration = try context.administrationTools()
        let domain = try context.tenantDomain(request.domainIdentifier)
        let counts = try context.hierarchy.objectCounts(in: domain.id)
            .sorted { $0.key.rawValue < $1.key.rawValue }
            .map { KeepAdminObjectCount(state: $0.key, count: Int64($0.value)) }
        return KeepGetDomainResponse(domain: KeepAdminDomain(domain), objectCounts: counts,
                                     rotation: try KeepRotationStatusHandler.rotation(of: domain.id, in: context, administration),
                                     activity: administration.activity.recent(domain.id).map(KeepAdminActivity.init))
    }
}
