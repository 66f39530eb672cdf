/// Create: Object Type, Template-Attribute (1.x) / Attributes (2.x), Protection Storage Masks (2.x).
public struct CreateRequest: RequestPayload, Equatable {
    public static var operation: Operation { .create }
    public var objectType: ObjectType
    public var attributes: AttributeSet
    /// 2.0+: Protection Storage Masks, kept as received.
    public var protectionStorageMasks: TTLV?

    public init(objectType: ObjectType, attributes: AttributeSet) {
        self.objectType = objectType
        self.attributes = attributes
    }

    public init(from item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        var r = try FieldReader(item)
        objectType = try r.required(.objectType)
        attributes = try AttributeSet.required(.template, from: &r, version: version)
        protectionStorageMasks = r.take(.protectionStorageMasks)
        try r.finish()
    }

    public func ttlv(version: ProtocolVersion) -> TTLV {
        var b = StructureBuilder()
        b.add(.objectType, objectType)
        b.add(attributes.ttlv(.template, version: version))
        b.add(protectionStorageMasks)
        return b.build(.requestPayload)
    }
}

/// Create response: Object Type, Unique Identifier, Template-Attribute (1.x: attributes the server set).
public struct CreateResponse: ResponsePayload, Equatable {
    public static var operation: Operation { .create }
    public var objectType: ObjectType
    public var uniqueIdentifier: UniqueIdentifier
    public var attributes: AttributeSet?

    public init(objectType: ObjectType, uniqueIdentifier: UniqueIdentifier, attributes: AttributeSet? = nil) {
        self.objectType = objectType
        self.uniqueIdentifier = uniqueIdentifier
        self.attributes = attributes
    }

    public init(from item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        var r = try FieldReader(item)
        objectType = try r.required(.objectType)
        uniqueIdentifier = try r.required(.uniqueIdentifier)
        attributes = version.usesTaggedAttributes ? nil : try AttributeSet.optional(.template, from: &r, version: version)
        try r.finish()
    }

    public func ttlv(version: ProtocolVersion) -> TTLV {
        var b = StructureBuilder()
        b.add(.objectType, objectType)
        b.add(.uniqueIdentifier, uniqueIdentifier)
        if !version.usesTaggedAttributes { b.add(attributes?.ttlv(.template, version: version)) }
        return b.build(.responsePayload)
    }
}
