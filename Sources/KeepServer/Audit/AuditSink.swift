import KMIP

/// Where the service reports what it did. keepd plugs in the audit chain (KeepAudit); tests record.
///
/// `record` is called once per batch item after its outcome is known, and once for a message refused as a whole
/// (then `operation` is nil). It is called on the thread handling the message and must not block for long.
public protocol AuditSink: Sendable {
    func record(_ event: AuditEvent)
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
