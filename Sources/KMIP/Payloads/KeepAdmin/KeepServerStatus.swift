/// Keep Server Status (administration): no fields → Server Version, Node Identifier, Uptime, Connections, Requests
/// In Progress, Root Of Trust Version, Domain Summary* (tenant domains with their object counts), Rotation*
/// (running or interrupted), Audit Chain Head (absent when keepd keeps no audit chain).
public struct KeepServerStatusRequest: RequestPayload, Equatable {
    public static var operation: Operation { .keepServerStatus }

    public init() {}

    public init(from item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        try FieldReader(item).finish()
    }

    public func ttlv(version: ProtocolVersion) -> TTLV { .structure(.requestPayload, []) }
}

public struct KeepServerStatusResponse: ResponsePayload, Equatable {
    public static var operation: Operation { .keepServerStatus }
    public var serverVersion: String
    public var nodeIdentifier: String
    public var uptime: Interval
    public var connections: Int32
    public var requestsInProgress: Int32
    public var rootOfTrustVersion: Int32
    public var domains: [KeepAdminDomainSummary]
    public var rotations: [KeepAdminRotation]
    public var auditChainHead: String?

    public init(serverVersion: String, nodeIdentifier: String, uptime: Interval, connections: Int32, requestsInProgress: Int32,
                rootOfTrustVersion: Int32, domains: [KeepAdminDomainSummary], rotations: [KeepAdminRotation], auditChainHead: String?) {
        self.serverVersion = serverVersion
        self.nodeIdentifier = nodeIdentifier
        self.uptime = uptime
        self.connections = connections
        self.requestsInProgress = requestsInProgress
        self.rootOfTrustVersion = rootOfTrustVersion
        self.domains = domains
        self.rotations = rotations
        self.auditChainHead = auditChainHead
    }

    public init(from item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        var r = try FieldReader(item)
        serverVersion = try r.required(.keepAdminServerVersion)
        nodeIdentifier = try r.required(.keepAdminNodeIdentifier)
        uptime = try r.required(.keepAdminUptime)
        connections = try r.required(.keepAdminConnections)
        requestsInProgress = try r.required(.keepAdminRequestsInProgress)
        rootOfTrustVersion = try r.required(.keepAdminRootOfTrustVersion)
        domains = try r.all(.keepAdminDomainSummary, version: version)
        rotations = try r.all(.keepAdminRotation, version: version)
        auditChainHead = try r.optional(.keepAdminAuditChainHead)
        try r.finish()
    }

    public func ttlv(version: ProtocolVersion) -> TTLV {
        var b = StructureBuilder()
        b.add(.keepAdminServerVersion, serverVersion)
        b.add(.keepAdminNodeIdentifier, nodeIdentifier)
        b.add(.keepAdminUptime, uptime)
        b.add(.keepAdminConnections, connections)
        b.add(.keepAdminRequestsInProgress, requestsInProgress)
        b.add(.keepAdminRootOfTrustVersion, rootOfTrustVersion)
        b.add(.keepAdminDomainSummary, all: domains, version: version)
        b.add(.keepAdminRotation, all: rotations, version: version)
        b.add(.keepAdminAuditChainHead, auditChainHead)
        return b.build(.responsePayload)
    }
}
