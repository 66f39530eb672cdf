import KMIP

/// Keep Server Status: what `keepctl status` shows.
struct KeepServerStatusHandler: OperationHandler {
    let access = OperationAccess.inspectInstallation
    let introduced = ProtocolVersion.v1_0

    func handle(_ request: KeepServerStatusRequest, in context: OperationContext) throws -> any ResponsePayload {
        let administration = try context.administrationTools()
        let hierarchy = context.hierarchy
        let summaries = try hierarchy.domains().filter { !SystemDomain.isReserved($0.id) }.sorted { $0.id < $1.id }.map { domain in
            KeepAdminDomainSummary(domain: KeepAdminDomain(domain), objectCounts: try hierarchy.objectCounts(in: domain.id)
                .sorted { $0.key.rawValue < $1.key.rawValue }.map { KeepAdminObjectCount(state: $0.key, count: Int64($0.value)) })
        }
        let load = administration.currentLoad
        let uptime = max(0, context.nowMicroseconds - administration.startedAt) / 1_000_000
        return KeepServerStatusResponse(
            serverVersion: administration.serverVersion, nodeIdentifier: administration.nodeID,
            uptime: Interval(seconds: UInt32(clamping: uptime)), connections: Int32(clamping: load.connections),
            requestsInProgress: Int32(clamping: load.requests), rootOfTrustVersion: Int32(clamping: try hierarchy.hsm.rootOfTrustVersion()),
            domains: summaries, rotations: try KeepRotationStatusHandler.all(in: context, administration),
            auditChainHead: administration.chainHead)
    }
}
