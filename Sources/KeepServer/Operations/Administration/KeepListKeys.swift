import KMIP
import KeepStore

/// Keep List Keys: a domain's objects, metadata only, a page at a time; read even while the domain is disabled.
struct KeepListKeysHandler: OperationHandler {
    let access = OperationAccess.inspectInstallation
    let introduced = ProtocolVersion.v1_0
    /// Objects per page when the request does not say, and at most: a page is one response message.
    static let defaultPage: Int32 = 100
    static let maximumPage: Int32 = 1_000

    func handle(_ request: KeepListKeysRequest, in context: OperationContext) throws -> any ResponsePayload {
        let domain = try context.tenantDomain(request.domainIdentifier)
        let limit = request.maximumItems ?? Self.defaultPage
        let offset = request.offsetItems ?? 0
        guard (1...Self.maximumPage).contains(limit), offset >= 0 else {
            throw ServiceError(.invalidField, "Maximum Items is 1 to \(Self.maximumPage) and Offset Items not negative")
        }
        let (objects, total) = try context.hierarchy.inventory(
            ObjectQuery(domainID: domain.id, state: request.state?.rawValue, offset: Int(offset), limit: Int(limit)))
        return KeepListKeysResponse(keys: objects.map(KeepAdminKey.init), count: Int64(total))
    }
}
