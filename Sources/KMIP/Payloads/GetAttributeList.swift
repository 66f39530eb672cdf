/// Get Attribute List: Unique Identifier → the names of the object's attributes.
public struct GetAttributeListRequest: RequestPayload, Equatable {
    public static var operation: Operation { .getAttributeList }
    public var uniqueIdentifier: UniqueIdentifier?

    public init(uniqueIdentifier: UniqueIdentifier? = nil) { self.uniqueIdentifier = uniqueIdentifier }

    public init(from item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        var r = try FieldReader(item)
        uniqueIdentifier = try r.optional(.uniqueIdentifier)
        try r.finish()
    }

    public func ttlv(version: ProtocolVersion) -> TTLV {
        var b = StructureBuilder()
        b.add(.uniqueIdentifier, uniqueIdentifier)
        return b.build(.requestPayload)
    }
}

/// Get Attribute List response: Unique Identifier, Attribute Name* (1.x) / Attribute Reference* (2.x).
public struct GetAttributeListResponse: ResponsePayload, Equatable {
    public static var operation: Operation { .getAttributeList }
    public var uniqueIdentifier: UniqueIdentifier
    public var attributeNames: [AttributeName]

    public init(uniqueIdentifier: UniqueIdentifier, attributeNames: [AttributeName]) {
        self.uniqueIdentifier = uniqueIdentifier
        self.attributeNames = attributeNames
    }

    public init(from item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        var r = try FieldReader(item)
        uniqueIdentifier = try r.required(.uniqueIdentifier)
        attributeNames = try AttributeName.all(from: &r, version: version)
        try r.finish()
    }

    public func ttlv(version: ProtocolVersion) -> TTLV {
        var b = StructureBuilder()
        b.add(.uniqueIdentifier, uniqueIdentifier)
        b.add(all: attributeNames.map { $0.ttlv(version: version) })
        return b.build(.responsePayload)
    }
}
