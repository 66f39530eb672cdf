/// Keep List Domains (administration): no fields → Domain*, tenant domains in identifier order (the system
/// domain is not a tenant and is not listed).
public struct KeepListDomainsRequest: RequestPayload, Equatable {
    public static var operation: Operation { .keepListDomains }

    public init() {}

    public init(from item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        try FieldReader(item).finish()
    }

    public func ttlv(version: ProtocolVersion) -> TTLV { .structure(.requestPayload, []) }
}

public struct KeepListDomainsResponse: ResponsePayload, Equatable {
    public static var operation: Operation { .keepListDomains }
    public var domains: [KeepAdminDomain]

    public init(domains: [KeepAdminDomain]) { self.domains = domains }

    public init(from item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        var r = try FieldReader(item)
        domains = try r.all(.keepAdminDomain, version: version)
        try r.finish()
    }

    public func ttlv(version: ProtocolVersion) -> TTLV {
        var b = StructureBuilder()
        b.add(.keepAdminDomain, all: domains, version: version)
        return b.build(.responsePayload)
    }
}
