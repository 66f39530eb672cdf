import KMIP

/// Keep List Clients: the registered clients of one domain, or of all, revoked ones included.
struct KeepListClientsHandler: OperationHandler {
    let access = OperationAccess.inspectInstallation
    let introduced = ProtocolVersion.v1_0

    func handle(_ request: KeepListClientsRequest, in context: OperationContext) throws -> any ResponsePayload {
        let administration = try context.administrationTools()
        if let id = request.domainIdentifier { _ = try context.administeredDomain(id) }
        let clients = try administration.registry.clients(domainID: request.domainIdentifier)
        return KeepListClientsResponse(clients: clients.map(KeepAdminClient.init))
    }
}
