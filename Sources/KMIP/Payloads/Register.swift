/// Register: Object Type, Template-Attribute (1.x) / Attributes (2.x), the object, Protection Storage Masks (2.x).
public struct RegisterRequest: RequestPayload, Equatable {
    public static var operation: Operation { .register }
    public var objectType: ObjectType
    public var attributes: AttributeSet
    public var object: ManagedObject
    /// 2.0+, kept as received.
    public var protectionStorageMasks: TTLV?

    public init(object: ManagedObject, attributes: AttributeSet) {
        objectType = object.objectType
        self.attributes = attributes
        self.object = object
    }

    public init(from item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        var r = try FieldReader(item)
        objectType = try r.required(.objectType)
        attributes = try AttributeSet.required(.template, from: &r, version: version)
        object = try ManagedObject.read(objectType, from: &r, version: version)
        protectionStorageMasks = r.take(.protectionStorageMasks)
        try r.finish()
    }

    public func ttlv(version: ProtocolVersion) -> TTLV {
        var b = StructureBuilder()
        b.add(.objectType, objectType)
        b.add(attributes.ttlv(.template, version: version))
        b.add(object.ttlv(version: version))
        b.add(protectionStorageMasks)
        return b.build(.requestPayload)
    }
}

/// Register response: Unique Identifier, Template-Attribute (1.x).
public struct RegisterResponse: ResponsePayload, Equatable {
    public static var operation: Operation { .register }
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
