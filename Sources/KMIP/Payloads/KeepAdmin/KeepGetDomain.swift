/// Keep Get Domain (administration): Domain Identifier → Domain, Object Count* (per lifecycle state), Rotation
/// (a DK rotation running or interrupted), Activity* (recent requests, newest first).
public struct KeepGetDomainRequest: RequestPayload, Equatable {
    public static var operation: Operation { .keepGetDomain }
    public var domainIdentifier: String

    public init(domainIdentifier: String) { self.domainIdentifier = domainIdentifier }

    public init(from item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        var r = try FieldReader(item)
        domainIdentifier = try r.required(.keepAdminDomainIdentifier)
        try r.finish()
    }

    public func ttlv(version: ProtocolVersion) -> TTLV {
        .structure(.requestPayload, [TTLV(.keepAdminDomainIdentifier, .textString(domainIdentifier))])
    }
}

public struct KeepGetDomainResponse: ResponsePayload, Equatable {
    public static var operation: Operation { .keepGetDomain }
    public var domain: KeepAdminDomain
    public var objectCounts: [KeepAdminObjectCount]
    public var rotation: KeepAdminRotation?
    public var activity: [KeepAdminActivity]

    public init(domain: KeepAdminDomain, objectCounts: [KeepAdminObjectCount], rotation: KeepAdminRotation?, activity: [KeepAdminActivity]) {
        self.domain = domain
        self.objectCounts = objectCounts
        self.rotation = rotation
        self.activity = activity
    }

    public init(from item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        var r = try FieldReader(item)
        domain = try r.required(.keepAdminDomain, version: version)
        objectCounts = try r.all(.keepAdminObjectCount, version: version)
        rotation = try r.optional(.keepAdminRotation, version: version)
        activity = try r.all(.keepAdminActivity, version: version)
        try r.finish()
    }

    public func ttlv(version: ProtocolVersion) -> TTLV {
        var b = StructureBuilder()
        b.add(.keepAdminDomain, domain, version: version)
        b.add(.keepAdminObjectCount, all: objectCounts, version: version)
        b.add(.keepAdminRotation, rotation, version: version)
        b.add(.keepAdminActivity, all: activity, version: version)
        return b.build(.responsePayload)
    }
}
