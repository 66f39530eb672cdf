/// Modify Attribute: Unique Identifier, then 1.x Attribute (name, index, new value) or 2.x Current Attribute
/// (optional: which instance) and New Attribute.
public struct ModifyAttributeRequest: RequestPayload, Equatable {
    public static var operation: Operation { .modifyAttribute }
    public var uniqueIdentifier: UniqueIdentifier?
    /// 2.x only: the instance to change (its current value).
    public var currentAttribute: Attribute?
    /// The new value (1.x: the Attribute, whose index selects the instance).
    public var newAttribute: Attribute

    public init(uniqueIdentifier: UniqueIdentifier? = nil, currentAttribute: Attribute? = nil, newAttribute: Attribute) {
        self.uniqueIdentifier = uniqueIdentifier
        self.currentAttribute = currentAttribute
        self.newAttribute = newAttribute
    }

    public init(from item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        var r = try FieldReader(item)
        uniqueIdentifier = try r.optional(.uniqueIdentifier)
        if version.usesTaggedAttributes {
            currentAttribute = try readOptionalAttribute(&r, tag2x: .currentAttribute, version: version)
        }
        newAttribute = try readSingleAttribute(&r, tag2x: .newAttribute, version: version)
        try r.finish()
    }

    public func ttlv(version: ProtocolVersion) -> TTLV {
        var b = StructureBuilder()
        b.add(.uniqueIdentifier, uniqueIdentifier)
        if version.usesTaggedAttributes, let currentAttribute {
            b.add(currentAttribute.ttlv(single: .currentAttribute, version: version))
        }
        b.add(newAttribute.ttlv(single: .newAttribute, version: version))
        return b.build(.requestPayload)
    }
}

/// Modify Attribute response: Unique Identifier, Attribute (1.x only).
public struct ModifyAttributeResponse: ResponsePayload, Equatable {
    public static var operation: Operation { .modifyAttribute }
    public var uniqueIdentifier: UniqueIdentifier
    public var attribute: Attribute?

    public init(uniqueIdentifier: UniqueIdentifier, attribute: Attribute? = nil) {
        self.uniqueIdentifier = uniqueIdentifier
        self.attribute = attribute
    }

    public init(from item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        var r = try FieldReader(item)
        uniqueIdentifier = try r.required(.uniqueIdentifier)
        if !version.usesTaggedAttributes { attribute = try readSingleAttribute(&r, tag2x: .newAttribute, version: version) }
        try r.finish()
    }

    public func ttlv(version: ProtocolVersion) -> TTLV {
        var b = StructureBuilder()
        b.add(.uniqueIdentifier, uniqueIdentifier)
        if !version.usesTaggedAttributes { b.add(attribute?.kmip1TTLV(version: version)) }
        return b.build(.responsePayload)
    }
}
