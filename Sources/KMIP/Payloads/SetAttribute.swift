/// Set Attribute (2.0+): Unique Identifier, New Attribute (sets a single-instance attribute).
public struct SetAttributeRequest: RequestPayload, Equatable {
    public static var operation: Operation { .setAttribute }
    public var uniqueIdentifier: UniqueIdentifier?
    public var newAttribute: Attribute

    public init(uniqueIdentifier: UniqueIdentifier? = nil, newAttribute: Attribute) {
        self.uniqueIdentifier = uniqueIdentifier
        self.newAttribute = newAttribute
    }

    public init(from item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        guard version.usesTaggedAttributes else {
            throw KMIPDecodingError(.unsupportedVersion, path: [], "Set Attribute is a KMIP 2.0 operation", resultReason: .operationNotSupported)
        }
        var r = try FieldReader(item)
        uniqueIdentifier = try r.optional(.uniqueIdentifier)
        newAttribute = try readSingleAttribute(&r, tag2x: .newAttribute, version: version)
        try r.finish()
    }

    public func ttlv(version: ProtocolVersion) -> TTLV {
        var b = StructureBuilder()
        b.add(.uniqueIdentifier, uniqueIdentifier)
        b.add(.structure(.newAttribute, [newAttribute.kmip2TTLV(version: version)]))
        return b.build(.requestPayload)
    }
}

public struct SetAttributeResponse: ResponsePayload, Equatable {
    public static var operation: Operation { .setAttribute }
    public var uniqueIdentifier: UniqueIdentifier

    public init(uniqueIdentifier: UniqueIdentifier) { self.uniqueIdentifier = uniqueIdentifier }

    public init(from item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        var r = try FieldReader(item)
        uniqueIdentifier = try r.required(.uniqueIdentifier)
        try r.finish()
    }

    public func ttlv(version: ProtocolVersion) -> TTLV {
        .structure(.responsePayload, [TTLV(.uniqueIdentifier, uniqueIdentifier.ttlvValue)])
    }
}
