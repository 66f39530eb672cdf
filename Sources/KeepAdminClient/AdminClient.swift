import KMIP

/// keepctl's side of the administration protocol: typed calls over one `KMIPConnection`. Each call is one
/// request message with one batch item; a failed item becomes an `AdminClientError(.operationFailed)` with the
/// Result Reason and Result Message keepd gave.
public final class AdminClient {
    public let connection: KMIPConnection
    /// Every administration operation exists in every version; 2.1 gets the most precise Result Reasons.
    public static let protocolVersion = ProtocolVersion.v2_1
    /// How long an ordinary call may take.
    public static let defaultTimeout = Duration.seconds(120)

    public init(settings: ConnectionSettings) throws(AdminClientError) {
        connection = try KMIPConnection(settings: settings)
    }

    deinit { connection.close() }

    /// Sends `request` and returns its typed response payload.
    public func call<Response: ResponsePayload>(_ request: some RequestPayload, _ type: Response.Type = Response.self,
                                                timeout: Duration = AdminClient.defaultTimeout) throws(AdminClientError) -> Response {
        let response = try connection.send(RequestMessage(version: Self.protocolVersion, [RequestBatchItem(request)]), deadline: .now + timeout)
        connection.markAnswered()
        guard let item = response.batchItems.first, response.batchItems.count == 1 else {
            throw AdminClientError(.protocolFailure, "keepd answered with \(response.batchItems.count) batch items to one request")
        }
        guard item.resultStatus == .success else {
            let reason = item.resultReason.map { $0.name ?? $0.hexString } ?? "no reason"
            let message = item.resultMessage ?? reason
            throw AdminClientError(.operationFailed, message, resultReason: item.resultReason)
        }
        guard let payload = item.payload(as: Response.self) else {
            throw AdminClientError(.protocolFailure, "keepd's answer to \(Response.operation.displayName) carries no \(Response.self)")
        }
        return payload
    }
}
