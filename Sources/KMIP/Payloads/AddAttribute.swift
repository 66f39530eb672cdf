/// Add Attribute: Unique Identifier, Attribute (1.x) / New Attribute (2.x). vCenter adds its `x-…` custom
/// attributes this way; they decode as `.vendor(identification: "x", …)` attributes.
public struct AddAttributeRequest: RequestPayload, Equatable {
    public static var operation: Operation { .addAttribute }
    public var uniqueIdentifier: UniqueIdentifier?
    public var attribute: Attribute

    public init(uniqueIdentifier: UniqueIdentifier? = nil, attribute: Attribute) {
        self.uniqueIdentifier = uniqueIdentifier
        self.attribute = attribute
    }

    public init(from item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        var r = try FieldReader(item)
        uniqueIdentifier = try r.optional(.uniqueIdentifier)
        attribute = try readSingleAttribute(&r, tag2x: .newAttribute, version: version)
        try r.finish()
    }

    public func ttlv(version: ProtocolVersion) -> TTLV {
        var b = StructureBuilder()
        b.add(.uniqueIdentifier, uniqueIdentifier)
        b.add(attribute.ttlv(single: .newAttribute, version: version))
        return b.build(.requestPayload)
    }
}

/// Add Attribute response: Unique Identifier, Attribute (1.x only).
public struct AddAttributeResponse: ResponsePayload, Equatable {
    public static var operation: Operation { .addAttribute }
    public var uniqueIdentifier: UniqueIdentifier
    /// 1.x: the attribute as added (with the index the server gave it).
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

/// Reads the single attribute of an attribute operation: 1.x `Attribute`, 2.x `tag2x` (New/Current Attribute).
func readSingleAttribute(_ r: inout FieldReader, tag2x: Tag, version: ProtocolVersion) throws(KMIPDecodingError) -> Attribute {
    guard let attribute = try readOptionalAttribute(&r, tag2x: tag2x, version: version) else {
        let tag = version.usesTaggedAttributes ? tag2x : .attribute
        throw KMIPDecodingError(.missingField, path: [tag], "\(r.tag) requires \(tag)")
    }
    return attribute
}

func readOptionalAttribute(_ r: inout FieldReader, tag2x: Tag, version: ProtocolVersion) throws(KMIPDecodingError) -> Attribute? {
    if version.usesTaggedAttributes {
        guard let item = r.take(tag2x) else { return nil }
        return try decoding(tag2x) { () throws(KMIPDecodingError) in try Attribute(wrapped: item, version: version) }
    }
    guard let item = r.take(.attribute) else { return nil }
    return try decoding(.attribute) { () throws(KMIPDecodingError) in try Attribute(kmip1: item, version: version) }
}
