/// Keep Rotation Status (administration): no fields → Rotation*: those running (with progress) and those
/// interrupted (journalled; running the rotation again finishes them).
public struct KeepRotationStatusRequest: RequestPayload, Equatable {
    public static var operation: Operation { .keepRotationStatus }

    public init() {}

    public init(from item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        try FieldReader(item).finish()
    }

    public func ttlv(version: ProtocolVersion) -> TTLV { .structure(.requestPayload, []) }
}

public struct KeepRotationStatusResponse: ResponsePayload, Equatable {
    public static var operation: Operation { .keepRotationStatus }
    public var rotations: [KeepAdminRotation]

    public init(rotations: [KeepAdminRotation]) { self.rotations = rotations }

    public init(from item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        var r = try FieldReader(item)
        rotations = try r.all(.keepAdminRotation, version: version)
        try r.finish()
    }

    public func ttlv(version: ProtocolVersion) -> TTLV {
        var b = StructureBuilder()
        b.add(.keepAdminRotation, all: rotations, version: version)
        return b.build(.responsePayload)
    }
}
