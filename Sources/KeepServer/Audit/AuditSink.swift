import KMIP

/// Where the service reports what it did. keepd plugs in the audit chain (`ChainAuditSink`, KeepAudit); tests record.
///
/// `record` is called once per message with one event per batch item whose outcome is known (one event, with
/// `operation` nil, for a message refused as a whole), on the thread handling the message, before the response
/// is sent. It returns once the events are durable, or throws: the service then answers every item with an
/// error instead of the outcome it could not record (fail closed: no success, and no key, leaves unrecorded).
public protocol AuditSink: Sendable {
    func record(_ events: [AuditEvent]) throws
}

/// Records nothing. Only for measuring what auditing costs (keepd's `audit.enabled: false`); keepd warns at
/// every start that it runs without an audit log.
public struct DisabledAuditSink: AuditSink {
    public init() {}
    public func record(_ events: [AuditEvent]) throws {}
}

/// One outcome. Identifiers, enumerations and the Result Message only: an event never carries key material,
/// plaintext, attribute values or raw TTLV.
public struct AuditEvent: Hashable, Sendable {
    /// When the item finished, microseconds since the POSIX epoch.
    public var time: Int64
    public var caller: CallerIdentity
    public var protocolVersion: ProtocolVersion
    public var operation: Operation?
    public var uniqueBatchItemID: [UInt8]?
    /// The objects the item named or produced (the new key of a Create or ReKey, the old one too for ReKey,
    /// the wrapping key of a wrapped Get, every identifier a Locate returned).
    public var objectIDs: [String]
    public var resultStatus: ResultStatus
    public var resultReason: ResultReason?
    public var resultMessage: String?
    public var duration: Duration
    /// The Client Correlation Value of the request (KMIP 1.4+), as the client sent it.
    public var clientCorrelationValue: String?
    /// The Server Correlation Value keepd sent in the response (KMIP 1.4+): one per message.
    public var serverCorrelationValue: String?

    public init(time: Int64, caller: CallerIdentity, protocolVersion: ProtocolVersion, operation: Operation?, uniqueBatchItemID: [UInt8]?,
                objectIDs: [String], resultStatus: ResultStatus, resultReason: ResultReason?, resultMessage: String?, duration: Duration) {
        self.time = time
        self.caller = caller
        self.protocolVersion = protocolVersion
        self.operation = operation
        self.uniqueBatchItemID = uniqueBatchItemID
        self.objectIDs = objectIDs
        self.resultStatus = resultStatus
        self.resultReason = resultReason
        self.resultMessage = resultMessage
        self.duration = duration
    }
}
