import KMIP

/// Keep List Domains: the tenant domains, by identifier.
struct KeepListDomainsHandler: OperationHandler {
    let access = OperationAccess.inspectInstallation
    let introduced = ProtocolVersion.v1_0

    func handle(_ request: KeepListDomainsRequest, in context: OperationContext) throws -> any ResponsePayload {
        let domains = try context.hierarchy.domains().filter { !SystemDomain.isReserved($0.id) }.sorted { $0.id < $1.id }
        return KeepListDomainsResponse(domains: domains.map(KeepAdminDomain.init))
    }
}
