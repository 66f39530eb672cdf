/// Get Attributes: Unique Identifier, names (1.x Attribute Name* / 2.x Attribute Reference*).
public struct GetAttributesRequest: RequestPayload, Equatable {
    public static var operation: Operation { .getAttributes }
    public var uniqueIdentifier: UniqueIdentifier?
    /// Empty: all attributes.
    public var attributeNames: [AttributeName]

    public init(uniqueIdentifier: UniqueIdentifier? = nil, attributeNames: [AttributeName] = []) {
        self.uniqueIdentifier = uniqueIdentifier
        self.attributeNames = attributeNames
    }

    public init(from item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        var r = try FieldReader(item)
        uniqueIdentifier = try r.optional(.uniqueIdentifier)
        attributeNames = try AttributeName.all(from: &r, version: version)
        try r.finish()
    }

    public func ttlv(version: ProtocolVersion) -> TTLV {
        var b = StructureBuilder()
        b.add(.uniqueIdentifier, uniqueIdentifier)
        b.add(all: attributeNames.map { $0.ttlv(version: version) })
        return b.build(.requestPayload)
    }
}

/// Get Attributes response: Unique Identifier, Attribute* (1.x) / Attributes (2.x).
public struct GetAttributesResponse: ResponsePayload, Equatable {
    public static var operation: Operation { .getAttributes }
    public var uniqueIdentifier: UniqueIdentifier
    public var attributes: [Attribute]

    public init(uniqueIdentifier: UniqueIdentifier, attributes: [Attribute]) {
        self.uniqueIdentifier = uniqueIdentifier
        self.attributes = attributes
    }

    public init(from item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        var r = try FieldReader(item)
        uniqueIdentifier = try r.required(.uniqueIdentifier)
        if version.usesTaggedAttributes {
            attributes = try AttributeSet.required(.template, from: &r, version: version).attributes
        } else {
            attributes = try [Attribute].kmip1(r.takeAll(.attribute), version: version)
        }
        try r.finish()
    }

    public func ttlv(version: ProtocolVersion) -> TTLV {
        var b = StructureBuilder()
        b.add(.uniqueIdentifier, uniqueIdentifier)
        if version.usesTaggedAttributes {
            b.add(AttributeSet(attributes).kmip2TTLV(.attributes, version: version))
        } else {
            for attribute in attributes { b.add(attribute.kmip1TTLV(version: version)) }
        }
        return b.build(.responsePayload)
    }
}
