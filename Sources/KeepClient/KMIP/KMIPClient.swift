#if canImport(Glibc)
import Glibc
#endif
import KMIP
import KeepTLS
import Synchronization

/// A blocking KMIP client for keepd over mutual TLS.
///
/// - **Connection reuse.** One persistent connection, opened on first use and kept; before each reuse it is
///   checked without blocking (a server that closed it for idleness makes it readable) and replaced if dead.
/// - **Deadlines.** Connecting (TCP and TLS) is bounded by `connectTimeout` per endpoint, a request and its answer
///   by `requestTimeout`: no call blocks forever.
/// - **Failover.** Endpoints are tried in order from the one that last answered; when it fails the next one is
///   used, and stays in use while it answers. `rounds` passes over the list, with a growing pause between passes,
///   ride out a restart.
/// - **Retries only when safe.** A failure before the request left in full (connect, handshake, write) is always
///   retried: the server acts only on a complete message. A failure after it left (no answer) is retried only for
///   operations that may run twice (reads, Encrypt/Decrypt, Query…); for the others (Create, Register, ReKey,
///   attribute and lifecycle changes) it is `.outcomeUnknown`, never a silent duplicate.
/// - **Errors.** A refusal is `.operationFailed` with the server's Result Reason and Result Message. No error text,
///   description or event carries a value: requests and responses carry keys, and their buffers are zeroed after use.
///
/// One request at a time: concurrent callers wait for each other (a lock held for the request's duration).
public final class KMIPClient: Sendable {
    public let configuration: KMIPClientConfiguration
    /// One TLS context per endpoint: each checks its own server name.
    private let contexts: [TLSClientContext]
    private let events: (@Sendable (KMIPClientEvent) -> Void)?
    private let decoder: TTLVDecoder
    private let state = Mutex(State())

    private struct State {
        var connection: KMIPConnection?
        var connectionIndex = 0
        /// The endpoint that answered last: tried first.
        var preferred = 0
        var nextBatchItemID: UInt32 = 1
    }

    /// Operations that may safely run twice: a retry after a lost answer repeats no change.
    static let repeatable: Set<Operation> = [
        .discoverVersions, .query, .get, .getAttributes, .getAttributeList, .locate, .check, .encrypt, .decrypt,
        .rngRetrieve, .setAttribute, .keepDomainStatus,
    ]

    /// Reads the certificate files now (a wrong path fails here, not at the first request); connects lazily.
    public init(configuration: KMIPClientConfiguration, events: (@Sendable (KMIPClientEvent) -> Void)? = nil) throws(KMIPClientError) {
        guard !configuration.endpoints.isEmpty else {
            throw KMIPClientError(.configuration, "a KMIP client needs at least one endpoint")
        }
        guard configuration.rounds >= 1 else {
            throw KMIPClientError(.configuration, "rounds must be at least 1")
        }
        self.configuration = configuration
        self.events = events
        decoder = TTLVDecoder(limits: TTLVLimits(maxMessageSize: configuration.maxResponseBytes + TTLVDecoder.headerSize))
        do {
            contexts = try configuration.endpoints.map { endpoint in
                try TLSClientContext(configuration: TLSClientConfiguration(
                    certificateChainFile: configuration.certificateChainFile, privateKeyFile: configuration.privateKeyFile,
                    privateKeyPassphrase: configuration.privateKeyPassphrase, trustedCAFiles: configuration.trustedCAFiles,
                    serverName: endpoint.serverName ?? endpoint.host))
            }
        } catch {
            throw KMIPClientError(.configuration, "the client's TLS configuration is unusable: \(Self.describe(error))")
        }
    }

    deinit { close() }

    /// Closes the persistent connection (a later request opens a new one).
    public func close() {
        state.withLock { state in
            state.connection?.close()
            state.connection = nil
        }
    }

    /// The endpoint the next request goes to first.
    public var currentEndpoint: KMIPEndpoint { configuration.endpoints[state.withLock { $0.preferred }] }

    // MARK: Messages

    /// Sends `payloads` as one message (in order, stopping at the first failure, as KMIP's default Batch Error
    /// Continuation Option says) and returns the response items in order. A failed item is returned, not thrown:
    /// `perform` and `batch` turn it into an error. The items carry Unique Batch Item IDs and the answers are
    /// matched by them.
    public func send(_ payloads: [any RequestPayload]) throws(KMIPClientError) -> [ResponseBatchItem] {
        guard !payloads.isEmpty else { return [] }
        let first = state.withLock { state -> UInt32 in
            defer { state.nextBatchItemID &+= UInt32(payloads.count) }
            return state.nextBatchItemID
        }
        let ids = payloads.indices.map { Self.batchItemID(first &+ UInt32($0)) }
        let items = zip(payloads, ids).map { RequestBatchItem($0, uniqueBatchItemID: $1) }
        let request = RequestMessage(version: configuration.protocolVersion, items)
        let repeatable = payloads.allSatisfy { Self.repeatable.contains(type(of: $0).operation) }
        let response = try exchange(request, repeatable: repeatable, what: payloads.map { type(of: $0).operation.displayName }.joined(separator: "+"))
        return try match(response, to: items)
    }

    /// One operation; its typed answer, or `.operationFailed` with the server's Result Reason and Message.
    public func perform<Response: ResponsePayload>(_ payload: some RequestPayload, as: Response.Type = Response.self) throws(KMIPClientError) -> Response {
        let responses = try batch([payload])
        guard let typed = responses[0] as? Response else {
            throw KMIPClientError(.protocolError, "the answer to \(type(of: payload).operation.displayName) is not a \(Response.self)")
        }
        return typed
    }

    /// Several operations in one message (one round trip), the later ones usually naming the earlier one's
    /// object through the ID Placeholder. All succeed, or the first failure is thrown.
    public func batch(_ payloads: [any RequestPayload]) throws(KMIPClientError) -> [any ResponsePayload] {
        let items = try send(payloads)
        let endpoint = currentEndpoint
        var results: [any ResponsePayload] = []
        for (payload, item) in zip(payloads, items) {
            let operation = type(of: payload).operation
            guard item.resultStatus == .success else { throw KMIPClientError.failed(item, operation: operation, endpoint: endpoint) }
            guard case .typed(let typed)? = item.payload else {
                throw KMIPClientError(.protocolError, "the answer to \(operation.displayName) has no payload this client reads", operation: operation, endpoint: endpoint)
            }
            results.append(typed)
        }
        guard results.count == payloads.count else {
            throw KMIPClientError(.protocolError, "keepd answered \(results.count) of \(payloads.count) batch items", endpoint: endpoint)
        }
        return results
    }

    // MARK: Transport

    private func exchange(_ request: RequestMessage, repeatable: Bool, what: String) throws(KMIPClientError) -> ResponseMessage {
        var bytes = request.encoded()
        defer { wipe(&bytes) }
        return try state.withLock { (state: inout State) throws(KMIPClientError) -> ResponseMessage in
            var attempts: [String] = []
            let endpoints = configuration.endpoints
            for round in 0..<configuration.rounds {
                if round > 0 {
                    let delay = configuration.retryDelay * (1 << min(round - 1, 6))
                    sleepBlocking(delay)
                }
                for step in endpoints.indices {
                    let index = (state.preferred + step) % endpoints.count
                    let endpoint = endpoints[index]
                    guard let connection = connection(to: index, in: &state, attempts: &attempts) else { continue }
                    do {
                        try connection.write(bytes, deadline: .now + configuration.requestTimeout)
                    } catch {
                        // Not sent in full: the server cannot have acted on it. Safe to try again anywhere.
                        drop(&state)
                        attempts.append("\(endpoint): sending failed: \(Self.describe(error))")
                        events?(.requestFailed(endpoint, operation: what, reason: Self.describe(error)))
                        continue
                    }
                    var answer: [UInt8]
                    do {
                        answer = try connection.readResponse(maxBytes: configuration.maxResponseBytes, deadline: .now + configuration.requestTimeout)
                    } catch let error as KMIPClientError {
                        drop(&state)
                        throw error
                    } catch {
                        drop(&state)
                        events?(.requestFailed(endpoint, operation: what, reason: Self.describe(error)))
                        guard repeatable else {
                            throw KMIPClientError(.outcomeUnknown, "\(what) was sent to keepd at \(endpoint) but no answer came (\(Self.describe(error))); "
                                                  + "it may or may not have been applied, so it is not repeated", endpoint: endpoint)
                        }
                        attempts.append("\(endpoint): no answer: \(Self.describe(error))")
                        continue
                    }
                    defer { wipe(&answer) }
                    let response: ResponseMessage
                    do {
                        response = try ResponseMessage(from: try decoder.decodeMessage(answer))
                    } catch {
                        drop(&state)
                        throw KMIPClientError(.protocolError, "the answer of keepd at \(endpoint) to \(what) does not decode: \(error)", endpoint: endpoint)
                    }
                    if index != state.preferred {
                        events?(.failedOver(from: endpoints[state.preferred], to: endpoint))
                        state.preferred = index
                    }
                    return response
                }
            }
            throw KMIPClientError(.unavailable, "no keepd endpoint answered \(what)", attempts: attempts)
        }
    }

    /// The open connection to endpoint `index`, reused when alive, else a new one (nil, with the reason in
    /// `attempts`, when it cannot be opened).
    private func connection(to index: Int, in state: inout State, attempts: inout [String]) -> KMIPConnection? {
        let endpoint = configuration.endpoints[index]
        if let existing = state.connection {
            if state.connectionIndex == index && !existing.isStale { return existing }
            if state.connectionIndex == index { events?(.staleConnectionDropped(endpoint)) }
            drop(&state)
        }
        do {
            let connection = try KMIPConnection(endpoint: endpoint, context: contexts[index], deadline: .now + configuration.connectTimeout)
            state.connection = connection
            state.connectionIndex = index
            events?(.connected(endpoint))
            return connection
        } catch {
            attempts.append("\(endpoint): \(Self.describe(error))")
            events?(.connectionFailed(endpoint, reason: Self.describe(error)))
            return nil
        }
    }

    private func drop(_ state: inout State) {
        state.connection?.close()
        state.connection = nil
    }

    /// Pairs each request item with its answer by Unique Batch Item ID. A server that stops at a failure answers
    /// only the items it processed: those are returned, in request order.
    private func match(_ response: ResponseMessage, to items: [RequestBatchItem]) throws(KMIPClientError) -> [ResponseBatchItem] {
        let endpoint = currentEndpoint
        // A message refused whole (bad version, bad header) has one failed item without an ID.
        if response.batchItems.count == 1, let only = response.batchItems.first, only.uniqueBatchItemID == nil, only.resultStatus != .success {
            return [only]
        }
        var matched: [ResponseBatchItem] = []
        for item in items {
            guard let answer = response.batchItems.first(where: { $0.uniqueBatchItemID == item.uniqueBatchItemID }) else { break }
            if let operation = answer.operation, operation != item.operation {
                throw KMIPClientError(.protocolError, "keepd answered \(item.operation.displayName) with \(operation.displayName)", endpoint: endpoint)
            }
            matched.append(answer)
        }
        guard !matched.isEmpty, matched.count == response.batchItems.count else {
            throw KMIPClientError(.protocolError, "keepd's answer does not match the request's batch items", endpoint: endpoint)
        }
        return matched
    }

    private static func batchItemID(_ n: UInt32) -> [UInt8] {
        [UInt8(n >> 24), UInt8(n >> 16 & 0xFF), UInt8(n >> 8 & 0xFF), UInt8(n & 0xFF)]
    }

    static func describe(_ error: any Error) -> String {
        if let error = error as? TLSError { return "\(error.code): \(error.reason)" }
        if let error = error as? KMIPClientError { return error.reason }
        return String(describing: error)
    }
}

/// Sleeps the calling thread (the client is blocking by design).
func sleepBlocking(_ duration: Duration) {
    let (seconds, attoseconds) = duration.components
    var remaining = timespec(tv_sec: Int(seconds), tv_nsec: Int(attoseconds / 1_000_000_000))
    var request = remaining
    while nanosleep(&request, &remaining) != 0 && errno == EINTR { request = remaining }
}
