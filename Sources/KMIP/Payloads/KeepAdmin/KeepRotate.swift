/// Keep Rotate (administration): Rotation Target, Domain Identifier (for a DK) → Rotation (complete: the keys
/// re-wrapped and the new version). Answered once the rotation has finished; Keep Rotation Status reports its
/// progress meanwhile, on another connection.
public struct KeepRotateRequest: RequestPayload, Equatable {
    public static var operation: Operation { .keepRotate }
    public var target: KeepAdminRotationTarget
    public var domainIdentifier: String?

    public init(target: KeepAdminRotationTarget, domainIdentifier: String? = nil) {
        self.target = target
        self.domainIdentifier = domainIdentifier
    }

    public init(from item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        var r = try FieldReader(item)
        target = try r.required(.keepAdminRotationTarget)
        domainIdentifier = try r.optional(.keepAdminDomainIdentifier)
        try r.finish()
    }

    public func ttlv(version: ProtocolVersion) -> TTLV {
        var b = StructureBuilder()
        b.add(.keepAdminRotationTarget, target)
        b.add(.keepAdminDomainIdentifier, domainIdentifier)
        return b.build(.requestPayload)
    }
}

public struct KeepRotateResponse: ResponsePayload, Equatable {
    public static var operation: Operation { .keepRotate }
    public var rotation: KeepAdminRotation

    public init(rotation: KeepAdminRotation) { self.rotation = rotation }

    public init(from item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        var r = try FieldReader(item)
        rotation = try r.required(.keepAdminRotation, version: version)
        try r.finish()
    }

    public func ttlv(version: ProtocolVersion) -> TTLV {
        .structure(.responsePayload, [rotation.ttlv(.keepAdminRotation, version: version)])
    }
}
