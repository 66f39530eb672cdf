/// Delete Attribute: Unique Identifier, then 1.x Attribute Name + Attribute Index, or 2.x Current Attribute
/// (a specific instance) and/or Attribute Reference (every instance).
public struct DeleteAttributeRequest: RequestPayload, Equatable {
    public static var operation: Operation { .deleteAttribute }
    public var uniqueIdentifier: UniqueIdentifier?
    /// 1.x Attribute Name / 2.x Attribute Reference.
    public var attributeName: AttributeName?
    /// 1.x Attribute Index.
    public var attributeIndex: Int32?
    /// 2.x Current Attribute.
    public var currentAttribute: Attribute?

    public init(uniqueIdentifier: UniqueIdentifier? = nil, attributeName: AttributeName? = nil, attributeIndex: Int32? = nil, currentAttribute: Attribute? = nil) {
        self.uniqueIdentifier = uniqueIdentifier
        self.attributeName = attributeName
        self.attributeIndex = attributeIndex
        self.currentAttribute = currentAttribute
    }

    public init(from item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        var r = try FieldReader(item)
        uniqueIdentifier = try r.optional(.uniqueIdentifier)
        if version.usesTaggedAttributes {
            currentAttribute = try readOptionalAttribute(&r, tag2x: .currentAttribute, version: version)
            if let reference = r.take(.attributeReference) {
                attributeName = try decoding(.attributeReference) { () throws(KMIPDecodingError) in try AttributeName(reference: reference) }
            }
        } else {
            let text: String = try r.required(.attributeName)
            attributeName = try decoding(.attributeName) { () throws(KMIPDecodingError) in try AttributeName(kmip1Name: text) }
            attributeIndex = try r.optional(.attributeIndex)
        }
        try r.finish()
    }

    public func ttlv(version: ProtocolVersion) -> TTLV {
        var b = StructureBuilder()
        b.add(.uniqueIdentifier, uniqueIdentifier)
        if version.usesTaggedAttributes {
            b.add(currentAttribute?.ttlv(single: .currentAttribute, version: version))
            b.add(attributeName?.referenceTTLV())
        } else {
            b.add(.attributeName, (attributeName ?? currentAttribute?.name)?.kmip1Name)
            b.add(.attributeIndex, attributeIndex)
        }
        return b.build(.requestPayload)
    }
}

/// Delete Attribute response: Unique Identifier, Attribute (1.x: the deleted attribute).
public struct DeleteAttributeResponse: ResponsePayload, Equatable {
    public static var operation: Operation { .deleteAttribute }
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
