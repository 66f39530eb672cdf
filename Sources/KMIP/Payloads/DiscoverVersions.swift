/// Discover Versions (1.1+): the client lists the versions it speaks, the server answers with the ones it
/// supports, best first.
public struct DiscoverVersionsRequest: RequestPayload, Equatable {
    public static var operation: Operation { .discoverVersions }
    public var protocolVersions: [ProtocolVersion]

    public init(protocolVersions: [ProtocolVersion] = []) { self.protocolVersions = protocolVersions }

    public init(from item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        var r = try FieldReader(item)
        protocolVersions = try r.all(.protocolVersion, version: version)
        try r.finish()
    }

    public func ttlv(version: ProtocolVersion) -> TTLV {
        var b = StructureBuilder()
        b.add(.protocolVersion, all: protocolVersions, version: version)
        return b.build(.requestPayload)
    }
}

public struct DiscoverVersionsResponse: ResponsePayload, Equatable {
    public static var operation: Operation { .discoverVersions }
    public var protocolVersions: [ProtocolVersion]

    public init(protocolVersions: [ProtocolVersion]) { self.protocolVersions = protocolVersions }

    public init(from item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        var r = try FieldReader(item)
        protocolVersions = try r.all(.protocolVersion, version: version)
        try r.finish()
    }

    public func ttlv(version: ProtocolVersion) -> TTLV {
        var b = StructureBuilder()
        b.add(.protocolVersion, all: protocolVersions, version: version)
        return b.build(.responsePayload)
    }
}
