import KMIP
import KeepCrypto
import KeyHierarchy

/// The transport-independent KMIP request processor: keepd calls it once per message received from an
/// authenticated peer, and sends back what it returns. It never throws and never traps on client input: every
/// fault becomes a KMIP error response.
///
/// Per message: the protocol version is negotiated (answered in the version the client asked, 1.0–2.1), the
/// caller's domain is read once, and the batch items run in order under the Batch Error Continuation Option.
/// Per item: critical message extensions, payload decoding, the operation's existence in the version, the access
/// rules (`AccessPolicy`), then the operation. Every item's outcome goes to the `AuditSink`.
public final class KMIPService: Sendable {
    public let hierarchy: KeyHierarchy
    public let configuration: ServiceConfiguration
    private let audit: any AuditSink
    private let clock: @Sendable () -> Int64
    /// For the administration operations (keepctl); nil answers them Feature Not Supported.
    public let administration: AdministrationTools?
    /// Streamed Encrypts and Decrypts in progress.
    let streams: CipherStreams

    /// Versions this server speaks, best first: Discover Versions' answer.
    public static let supportedVersions: [ProtocolVersion] = [.v2_1, .v2_0, .v1_4, .v1_3, .v1_2, .v1_1, .v1_0]

    /// `clock` returns microseconds since the POSIX epoch (response time stamps, audit times).
    public convenience init(hierarchy: KeyHierarchy, configuration: ServiceConfiguration = ServiceConfiguration(), audit: any AuditSink,
                            administration: AdministrationTools? = nil, clock: @escaping @Sendable () -> Int64 = KeyHierarchy.systemClock) {
        self.init(hierarchy: hierarchy, configuration: configuration, audit: audit, administration: administration, clock: clock,
                  streamClock: CipherStreams.uptime)
    }

    /// `streamClock` returns monotonic nanoseconds, for the streams' idle expiry (tests move it by hand).
    init(hierarchy: KeyHierarchy, configuration: ServiceConfiguration, audit: any AuditSink, administration: AdministrationTools?,
         clock: @escaping @Sendable () -> Int64, streamClock: @escaping @Sendable () -> UInt64) {
        self.hierarchy = hierarchy
        self.configuration = configuration
        self.audit = audit
        self.administration = administration
        self.clock = clock
        streams = CipherStreams(limits: CipherStreams.Limits(configuration), clock: streamClock)
    }

    // MARK: Entry points

    /// Bytes in, bytes out: one TTLV Request Message to one TTLV Response Message. Bytes that are not a
    /// well-formed Request Message get an error response (Invalid Message, or what the decoder found), in the
    /// version the header asked for if it decodes that far, else 1.0 (which every client reads).
    public func handle(_ bytes: [UInt8], caller: CallerIdentity) -> [UInt8] {
        let start = ContinuousClock.now
        let request: RequestMessage
        do {
            request = try RequestMessage(bytes: bytes)
        } catch {
            let version = Self.negotiate(Self.requestedVersion(in: bytes) ?? .v1_0)
            let failure = ErrorMapping.serviceError(error)
            return refuse(version: version, failure, caller: caller, start: start, correlation: Correlation(client: nil, version: version)).encoded()
        }
        return handle(request, caller: caller).encoded()
    }

    /// One Request Message to one Response Message.
    public func handle(_ request: RequestMessage, caller: CallerIdentity) -> ResponseMessage {
        let start = ContinuousClock.now
        let header = request.header
        let version = Self.negotiate(header.protocolVersion)
        let correlation = Correlation(client: header.clientCorrelationValue, version: version)
        guard version == header.protocolVersion else {
            return refuse(version: version, ServiceError(.unsupportedProtocolVersion,
                                                         "protocol version \(header.protocolVersion) is not supported; this server speaks 1.0 to 2.1"),
                          caller: caller, start: start, correlation: correlation)
        }
        guard !request.batchItems.isEmpty, Int(header.batchCount) == request.batchItems.count else {
            return refuse(version: version, ServiceError(.invalidMessage, "Batch Count \(header.batchCount) does not match the \(request.batchItems.count) batch items"),
                          caller: caller, start: start, correlation: correlation)
        }
        guard request.batchItems.count <= configuration.maxBatchItems else {
            return refuse(version: version, ServiceError(.serverLimitExceeded,
                                                         "a message carries at most \(configuration.maxBatchItems) batch items, not \(request.batchItems.count)"),
                          caller: caller, start: start, correlation: correlation)
        }
        let domain: Domain
        do {
            domain = try hierarchy.domain(id: caller.domainID)
        } catch {
            let failure = (error as? HierarchyError)?.code == .domainNotFound
                ? ServiceError(.permissionDenied, "client \(caller.clientName) is bound to domain \(caller.domainID), which does not exist")
                : ErrorMapping.serviceError(error)
            return refuse(version: version, failure, caller: caller, start: start, correlation: correlation)
        }

        let context = OperationContext(caller: caller, domain: domain, version: version, hierarchy: hierarchy,
                                       configuration: configuration, streams: streams, now: clock() / 1_000_000)
        context.administration = administration
        // Undo is not offered (Query says so: Batch Undo Capability false): undoing a Create would need a
        // delete the hierarchy does not have, and a half-undone batch is worse than a stopped one. Undo therefore
        // behaves as Stop, the default.
        let continues = header.batchErrorContinuationOption == .continue
        var items: [ResponseBatchItem] = []
        var outcomes: [(objectIDs: [String], note: String?, duration: Duration)] = []
        for item in request.batchItems {
            let itemStart = ContinuousClock.now
            context.objectIDs = []
            context.auditNote = nil
            let response = process(item, in: context)
            items.append(response)
            outcomes.append((context.objectIDs, context.auditNote, ContinuousClock.now - itemStart))
            if response.resultStatus != .success && !continues { break }
        }
        var response = ResponseMessage(header: responseHeader(version, count: items.count, correlation: correlation), batchItems: items)
        if let limit = header.maximumResponseSize {
            enforce(limit: limit, on: &response)
        }
        // Recorded once the answer is final, so the audit says what the client was told; sent only once recorded.
        let events = zip(response.batchItems, outcomes).map { item, outcome in
            event(item, caller: caller, version: version, objectIDs: outcome.objectIDs, note: outcome.note, duration: outcome.duration,
                  correlation: correlation)
        }
        do {
            try audit.record(events)
        } catch {
            return unrecorded(response, version: version)
        }
        return response
    }

    // MARK: Version negotiation

    /// The version to answer in: the one asked if supported, else the highest supported version below it (so a
    /// client asking 1.5 hears 1.4, and one asking 3.0 hears 2.1), else 1.0.
    static func negotiate(_ requested: ProtocolVersion) -> ProtocolVersion {
        supportedVersions.first { $0 <= requested } ?? .v1_0
    }

    /// The Protocol Version in a message's header, if the bytes decode as TTLV that far.
    static func requestedVersion(in bytes: [UInt8]) -> ProtocolVersion? {
        guard let root = try? TTLVDecoder().decodeMessage(bytes), let item = root[.requestHeader]?[.protocolVersion] else { return nil }
        return try? ProtocolVersion(from: item)
    }

    // MARK: Batch items

    private func process(_ item: RequestBatchItem, in context: OperationContext) -> ResponseBatchItem {
        do {
            if let extensionItem = item.messageExtension, extensionItem.criticalityIndicator {
                throw ServiceError(.unknownCriticalExtension, "critical message extension from \(extensionItem.vendorIdentification) is not recognized")
            }
            if item.ephemeral == true {
                throw ServiceError(.featureNotSupported, "ephemeral operations are not supported: every object Keep makes is stored")
            }
            let payload: any RequestPayload
            switch item.payload {
            case .typed(let typed): payload = typed
            case .unparsed(_, let error): throw ErrorMapping.serviceError(error)
            }
            guard let handler = OperationTable.handlers[item.operation], handler.introduced <= context.version else {
                throw ServiceError(.operationNotSupported, "operation \(item.operation) is not supported in KMIP \(context.version)")
            }
            try AccessPolicy.check(handler.access, operation: item.operation, caller: context.caller, domain: context.domain)
            let result = try handler.handle(payload: payload, in: context)
            return ResponseBatchItem(result, uniqueBatchItemID: item.uniqueBatchItemID)
        } catch {
            let failure = ErrorMapping.serviceError(error)
            return ResponseBatchItem(operation: item.operation, uniqueBatchItemID: item.uniqueBatchItemID,
                                     failure: failure.code.resultReason(in: context.version), message: failure.message)
        }
    }

    /// Maximum Response Size: items are kept in order while the response fits; each successful item that would
    /// overflow it is replaced by a Response Too Large failure (as the KMIP 1.1 test case TC-121 shows). The
    /// operation itself has run: a Create that does not fit has still created its key.
    private func enforce(limit: Int32, on response: inout ResponseMessage) {
        let total = response.encoded().count
        guard total > Int(limit) else { return }
        let version = response.header.protocolVersion
        let empty = ResponseMessage(header: response.header, batchItems: []).encoded().count
        var size = empty
        for index in response.batchItems.indices {
            let item = response.batchItems[index]
            let itemSize = item.ttlv(version: version).encoded().count
            if size + itemSize > Int(limit) && item.payload != nil {
                let failure = ServiceError(.responseTooLarge, "response size \(total) exceeds the Maximum Response Size \(limit)")
                response.batchItems[index] = ResponseBatchItem(operation: item.operation, uniqueBatchItemID: item.uniqueBatchItemID,
                                                               failure: failure.code.resultReason(in: version), message: failure.message)
                size += response.batchItems[index].ttlv(version: version).encoded().count
            } else {
                size += itemSize
            }
        }
    }

    // MARK: Responses

    /// The correlation values of one message (KMIP 1.4 §6.20, §6.21). The client's is logged, not echoed; a client
    /// that sends one gets a Server Correlation Value back, a random identifier for the exchange that is logged with
    /// every item, so its report of a response finds the audit events. That is how the OASIS test cases answer
    /// (TC-CS-CORVAL-1-14 with a Server Correlation Value, every case without a Client Correlation Value without one).
    struct Correlation {
        let client: String?
        let server: String?

        init(client: String?, version: ProtocolVersion) {
            self.client = version >= .v1_4 ? client : nil
            self.server = self.client == nil ? nil : (try? SecureRandom.publicBytes(count: 16)).map(KMIPService.hex)
        }
    }

    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef")
        return String(bytes.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0xF)]] })
    }

    private func responseHeader(_ version: ProtocolVersion, count: Int, correlation: Correlation) -> ResponseHeader {
        var header = ResponseHeader(protocolVersion: version, timeStamp: DateTime(secondsSinceEpoch: clock() / 1_000_000), batchCount: Int32(count))
        header.serverCorrelationValue = correlation.server
        return header
    }

    /// A message refused as a whole: one failed batch item, no operation. Refused whether or not the refusal
    /// could be recorded: a refusal carries nothing to withhold.
    private func refuse(version: ProtocolVersion, _ failure: ServiceError, caller: CallerIdentity, start: ContinuousClock.Instant,
                        correlation: Correlation) -> ResponseMessage {
        let item = ResponseBatchItem(operation: nil, failure: failure.code.resultReason(in: version), message: failure.message)
        try? audit.record([event(item, caller: caller, version: version, objectIDs: [], duration: ContinuousClock.now - start, correlation: correlation)])
        return ResponseMessage(header: responseHeader(version, count: 1, correlation: correlation), batchItems: [item])
    }

    /// The answer when the outcome could not be recorded: every item fails (no payload, so no key leaves), with a
    /// message that says why and nothing else. The operations themselves have run (a Create has stored its key);
    /// what fails closed is the response.
    private func unrecorded(_ response: ResponseMessage, version: ProtocolVersion) -> ResponseMessage {
        let failure = ServiceError(.internalError, "the audit log could not record this request: it was not answered")
        let items = response.batchItems.map {
            ResponseBatchItem(operation: $0.operation, uniqueBatchItemID: $0.uniqueBatchItemID,
                              failure: failure.code.resultReason(in: version), message: failure.message)
        }
        return ResponseMessage(header: response.header, batchItems: items)
    }

    /// The audit event of one answered item. Its message is the client's error message, or for a success the
    /// operation's note (`OperationContext.auditNote`).
    private func event(_ item: ResponseBatchItem, caller: CallerIdentity, version: ProtocolVersion, objectIDs: [String], note: String? = nil,
                       duration: Duration, correlation: Correlation) -> AuditEvent {
        var event = AuditEvent(time: clock(), caller: caller, protocolVersion: version, operation: item.operation,
                               uniqueBatchItemID: item.uniqueBatchItemID, objectIDs: objectIDs, resultStatus: item.resultStatus,
                               resultReason: item.resultReason, resultMessage: item.resultMessage ?? (item.resultStatus == .success ? note : nil),
                               duration: duration)
        event.clientCorrelationValue = correlation.client
        event.serverCorrelationValue = correlation.server
        return event
    }
}
