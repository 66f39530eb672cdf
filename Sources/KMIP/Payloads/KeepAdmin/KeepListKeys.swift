/// Keep List Keys (administration): Domain Identifier, State, Maximum Items, Offset Items → Key*, Count (all
/// matching objects, however many this page holds). Metadata only, in creation order.
public struct KeepListKeysRequest: RequestPayload, Equatable {
    public static var operation: Operation { .keepListKeys }
    public var domainIdentifier: String
    public var state: State?
    public var maximumItems: Int32?
    public var offsetItems: Int32?

    public init(domainIdentifier: String, state: State? = nil, maximumItems: Int32? = nil, offsetItems: Int32? = nil) {
        self.domainIdentifier = domainIdentifier
        self.state = state
        self.maximumItems = maximumItems
        self.offsetItems = offsetItems
    }

    public init(from item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        var r = try FieldReader(item)
        domainIdentifier = try r.required(.keepAdminDomainIdentifier)
        state = try r.optional(.state)
        maximumItems = try r.optional(.maximumItems)
        offsetItems = try r.optional(.offsetItems)
        try r.finish()
    }

    public func ttlv(version: ProtocolVersion) -> TTLV {
        var b = StructureBuilder()
        b.add(.keepAdminDomainIdentifier, domainIdentifier)
        b.add(.state, state)
        b.add(.maximumItems, maximumItems)
        b.add(.offsetItems, offsetItems)
        return b.build(.requestPayload)
    }
}

public struct KeepListKeysResponse: ResponsePayload, Equatable {
    public static var operation: Operation { .keepListKeys }
    public var keys: [KeepAdminKey]
    public var count: Int64

    public init(keys: [KeepAdminKey], count: Int64) {
        self.keys = keys
        self.count = count
    }

    public init(from item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        var r = try FieldReader(item)
        keys = try r.all(.keepAdminKey, version: version)
        count = try r.required(.keepAdminCount)
        try r.finish()
    }

    public func ttlv(version: ProtocolVersion) -> TTLV {
        var b = StructureBuilder()
        b.add(.keepAdminKey, all: keys, version: version)
        b.add(.keepAdminCount, count)
        return b.build(.responsePayload)
    }
}
