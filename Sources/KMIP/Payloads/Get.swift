/// Get: Unique Identifier, Key Format Type, Key Wrap Type (1.4+), Key Compression Type, Key Wrapping
/// Specification.
public struct GetRequest: RequestPayload, Equatable {
    public static var operation: Operation { .get }
    /// Absent: the ID Placeholder.
    public var uniqueIdentifier: UniqueIdentifier?
    public var keyFormatType: KeyFormatType?
    public var keyWrapType: KeyWrapType?
    public var keyCompressionType: KeyCompressionType?
    public var keyWrappingSpecification: KeyWrappingSpecification?

    public init(uniqueIdentifier: UniqueIdentifier? = nil, keyFormatType: KeyFormatType? = nil,
                keyWrappingSpecification: KeyWrappingSpecification? = nil, keyWrapType: KeyWrapType? = nil) {
        self.uniqueIdentifier = uniqueIdentifier
        self.keyFormatType = keyFormatType
        self.keyWrappingSpecification = keyWrappingSpecification
        self.keyWrapType = keyWrapType
    }

    public init(from item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        var r = try FieldReader(item)
        uniqueIdentifier = try r.optional(.uniqueIdentifier)
        keyFormatType = try r.optional(.keyFormatType)
        keyWrapType = try r.optional(.keyWrapType)
        keyCompressionType = try r.optional(.keyCompressionType)
        keyWrappingSpecification = try r.optional(.keyWrappingSpecification, version: version)
        try r.finish()
    }

    public func ttlv(version: ProtocolVersion) -> TTLV {
        var b = StructureBuilder()
        b.add(.uniqueIdentifier, uniqueIdentifier)
        b.add(.keyFormatType, keyFormatType)
        b.add(.keyWrapType, keyWrapType)
        b.add(.keyCompressionType, keyCompressionType)
        b.add(.keyWrappingSpecification, keyWrappingSpecification, version: version)
        return b.build(.requestPayload)
    }
}

/// Get response: Object Type, Unique Identifier, the object.
public struct GetResponse: ResponsePayload, Equatable {
    public static var operation: Operation { .get }
    public var objectType: ObjectType
    public var uniqueIdentifier: UniqueIdentifier
    public var object: ManagedObject

    public init(uniqueIdentifier: UniqueIdentifier, object: ManagedObject) {
        objectType = object.objectType
        self.uniqueIdentifier = uniqueIdentifier
        self.object = object
    }

    public init(from item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        var r = try FieldReader(item)
        objectType = try r.required(.objectType)
        uniqueIdentifier = try r.required(.uniqueIdentifier)
        object = try ManagedObject.read(objectType, from: &r, version: version)
        try r.finish()
    }

    public func ttlv(version: ProtocolVersion) -> TTLV {
        var b = StructureBuilder()
        b.add(.objectType, objectType)
        b.add(.uniqueIdentifier, uniqueIdentifier)
        b.add(object.ttlv(version: version))
        return b.build(.responsePayload)
    }

    public var description: String { "GetResponse(\(objectType), \(object))" }
}
