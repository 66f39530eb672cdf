/// Locate: Maximum Items, Offset Items (1.3+), Storage Status Mask, Object Group Member (1.1+), then the
/// attributes to match (1.x Attribute*, 2.x Attributes).
public struct LocateRequest: RequestPayload, Equatable {
    public static var operation: Operation { .locate }
    public var maximumItems: Int32?
    public var offsetItems: Int32?
    /// Storage Status Mask bits: 1 on-line, 2 archival, 4 destroyed (2.0+).
    public var storageStatusMask: Int32?
    public var objectGroupMember: ObjectGroupMember?
    public var attributes: [Attribute]

    public init(maximumItems: Int32? = nil, attributes: [Attribute] = []) {
        self.maximumItems = maximumItems
        self.attributes = attributes
    }

    public init(from item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        var r = try FieldReader(item)
        maximumItems = try r.optional(.maximumItems)
        offsetItems = try r.optional(.offsetItems)
        storageStatusMask = try r.optional(.storageStatusMask)
        objectGroupMember = try r.optional(.objectGroupMember)
        if version.usesTaggedAttributes {
            attributes = try AttributeSet.required(.template, from: &r, version: version).attributes
        } else {
            attributes = try [Attribute].kmip1(r.takeAll(.attribute), version: version)
        }
        try r.finish()
    }

    public func ttlv(version: ProtocolVersion) -> TTLV {
        var b = StructureBuilder()
        b.add(.maximumItems, maximumItems)
        b.add(.offsetItems, offsetItems)
        b.add(.storageStatusMask, storageStatusMask)
        b.add(.objectGroupMember, objectGroupMember)
        if version.usesTaggedAttributes {
            b.add(AttributeSet(attributes).kmip2TTLV(.attributes, version: version))
        } else {
            for attribute in attributes { b.add(attribute.kmip1TTLV(version: version)) }
        }
        return b.build(.requestPayload)
    }
}

/// Locate response: Located Items (1.3+), Unique Identifier*.
public struct LocateResponse: ResponsePayload, Equatable {
    public static var operation: Operation { .locate }
    public var locatedItems: Int32?
    public var uniqueIdentifiers: [UniqueIdentifier]

    public init(locatedItems: Int32? = nil, uniqueIdentifiers: [UniqueIdentifier]) {
        self.locatedItems = locatedItems
        self.uniqueIdentifiers = uniqueIdentifiers
    }

    public init(from item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        var r = try FieldReader(item)
        locatedItems = try r.optional(.locatedItems)
        uniqueIdentifiers = try r.all(.uniqueIdentifier)
        try r.finish()
    }

    public func ttlv(version: ProtocolVersion) -> TTLV {
        var b = StructureBuilder()
        b.add(.locatedItems, locatedItems)
        b.add(.uniqueIdentifier, all: uniqueIdentifiers)
        return b.build(.responsePayload)
    }
}
