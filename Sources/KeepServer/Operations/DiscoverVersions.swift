import KMIP

/// Discover Versions: the versions both sides speak. An empty request lists every supported version, best
/// first; otherwise the client's list, in the client's order, keeps the versions this server supports (an empty
/// answer means none: KMIP 1.1 test case TC-161).
struct DiscoverVersionsHandler: OperationHandler {
    let access = OperationAccess.discovery
    let introduced = ProtocolVersion.v1_1

    func handle(_ request: DiscoverVersionsRequest, in context: OperationContext) throws -> any ResponsePayload {
        let supported = KMIPService.supportedVersions
        let versions = request.protocolVersions.isEmpty ? supported : request.protocolVersions.filter(supported.contains)
        return DiscoverVersionsResponse(protocolVersions: versions)
    }
}
