/// Revoke: Unique Identifier, Revocation Reason {Revocation Reason Code, Revocation Message},
/// Compromise Occurrence Date.
public struct RevokeRequest: RequestPayload, Equatable {
    public static var operation: Operation { .revoke }
    public var uniqueIdentifier: UniqueIdentifier?
    public var revocationReason: RevocationReason
    /// Required by servers when the reason is a compromise.
    public var compromiseOccurrenceDate: DateTime?

    public init(uniqueIdentifier: UniqueIdentifier? = nil, revocationReason: RevocationReason, compromiseOccurrenceDate: DateTime? = nil) {
        self.uniqueIdentifier = uniqueIdentifier
        self.revocationReason = revocationReason
        self.compromiseOccurrenceDate = compromiseOccurrenceDate
    }

    public init(from item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        var r = try FieldReader(item)
        uniqueIdentifier = try r.optional(.uniqueIdentifier)
        revocationReason = try r.required(.revocationReason, version: version)
        compromiseOccurrenceDate = try r.optional(.compromiseOccurrenceDate)
        try r.finish()
    }

    public func ttlv(version: ProtocolVersion) -> TTLV {
        var b = StructureBuilder()
        b.add(.uniqueIdentifier, uniqueIdentifier)
        b.add(.revocationReason, revocationReason, version: version)
        b.add(.compromiseOccurrenceDate, compromiseOccurrenceDate)
        return b.build(.requestPayload)
    }
}

/// Revocation Reason: Revocation Reason Code, Revocation Message.
public struct RevocationReason: Hashable, Sendable, TTLVStructureCodable {
    public var code: RevocationReasonCode
    public var message: String?

    public init(_ code: RevocationReasonCode, message: String? = nil) {
        self.code = code
        self.message = message
    }

    public init(from item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        var r = try FieldReader(item)
        code = try r.required(.revocationReasonCode)
        message = try r.optional(.revocationMessage)
        try r.finish()
    }

    public func ttlv(_ tag: Tag, version: ProtocolVersion) -> TTLV {
        var b = StructureBuilder()
        b.add(.revocationReasonCode, code)
        b.add(.revocationMessage, message)
        return b.build(tag)
    }
}

public struct RevokeResponse: ResponsePayload, Equatable {
    public static var operation: Operation { .revoke }
    public var uniqueIdentifier: UniqueIdentifier

    public init(uniqueIdentifier: UniqueIdentifier) { self.uniqueIdentifier = uniqueIdentifier }

    public init(from item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        var r = try FieldReader(item)
        uniqueIdentifier = try r.required(.uniqueIdentifier)
        try r.finish()
    }

    public func ttlv(version: ProtocolVersion) -> TTLV {
        .structure(.responsePayload, [TTLV(.uniqueIdentifier, uniqueIdentifier.ttlvValue)])
    }
}
