/// Re-key: Unique Identifier, Offset, Template-Attribute (1.x) / Attributes (2.x), Protection Storage Masks (2.x).
public struct ReKeyRequest: RequestPayload, Equatable {
    public static var operation: Operation { .reKey }
    public var uniqueIdentifier: UniqueIdentifier?
    public var offset: Interval?
    public var attributes: AttributeSet?
    public var protectionStorageMasks: TTLV?

    public init(uniqueIdentifier: UniqueIdentifier? = nil, offset: Interval? = nil, attributes: AttributeSet? = nil) {
        self.uniqueIdentifier = uniqueIdentifier
        self.offset = offset
        self.attributes = attributes
    }

    public init(from item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        var r = try FieldReader(item)
        uniqueIdentifier = try r.optional(.uniqueIdentifier)
        offset = try r.optional(.offset)
        attributes = try AttributeSet.optional(.template, from: &r, version: version)
        protectionStorageMasks = r.take(.protectionStorageMasks)
        try r.finish()
    }

    public func ttlv(version: ProtocolVersion) -> TTLV {
        var b = StructureBuilder()
        b.add(.uniqueIdentifier, uniqueIdentifier)
        b.add(.offset, offset)
        b.add(attributes?.ttlv(.template, version: version))
        b.add(protectionStorageMasks)
        return b.build(.requestPayload)
    }
}

/// Re-key response: Unique Identifier (of the new key), Template-Attribute (1.x).
public struct ReKeyResponse: ResponsePayload, Equatable {
    public static var operation: Operation { .reKey }
    public var uniqueIdentifier: UniqueIdentifier
    public var attributes: AttributeSet?

    public init(uniqueIdentifier: UniqueIdentifier, attributes: AttributeSet? = nil) {
        self.uniqueIdentifier = uniqueIdentifier
        self.attributes = attributes
    }

    public init(from item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        var r = try FieldReader(item)
        uniqueIdentifier = try r.required(.uniqueIdentifier)
        attributes = version.usesTaggedAttributes ? nil : try AttributeSet.optional(.template, from: &r, version: version)
        try r.finish()
    }

    public func ttlv(version: ProtocolVersion) -> TTLV {
        var b = StructureBuilder()
        b.add(.uniqueIdentifier, uniqueIdentifier)
        if !version.usesTaggedAttributes { b.add(attributes?.ttlv(.template, version: version)) }
        return b.build(.responsePayload)
    }
}
