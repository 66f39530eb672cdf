/// Keep Domain Status (vendor extension, see KeepExtensions.swift): no fields.
public struct KeepDomainStatusRequest: RequestPayload, Equatable {
    public static var operation: Operation { .keepDomainStatus }

    public init() {}

    public init(from item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        let r = try FieldReader(item)
        try r.finish()
    }

    public func ttlv(version: ProtocolVersion) -> TTLV { .structure(.requestPayload, []) }
}

/// Keep Domain Status response: Domain Identifier, Subscription State, Key Export Allowed.
public struct KeepDomainStatusResponse: ResponsePayload, Equatable {
    public static var operation: Operation { .keepDomainStatus }
    public var domainIdentifier: String
    public var subscriptionState: KeepSubscriptionState
    public var keyExportAllowed: Bool

    public init(domainIdentifier: String, subscriptionState: KeepSubscriptionState, keyExportAllowed: Bool) {
        self.domainIdentifier = domainIdentifier
        self.subscriptionState = subscriptionState
        self.keyExportAllowed = keyExportAllowed
    }

    public init(from item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        var r = try FieldReader(item)
        domainIdentifier = try r.required(.keepDomainIdentifier)
        subscriptionState = try r.required(.keepSubscriptionState)
        keyExportAllowed = try r.required(.keepKeyExportAllowed)
        try r.finish()
    }

    public func ttlv(version: ProtocolVersion) -> TTLV {
        var b = StructureBuilder()
        b.add(.keepDomainIdentifier, domainIdentifier)
        b.add(.keepSubscriptionState, subscriptionState)
        b.add(.keepKeyExportAllowed, keyExportAllowed)
        return b.build(.responsePayload)
    }
}
