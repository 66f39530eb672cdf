/// A KMIP protocol version (Protocol Version: Protocol Version Major, Protocol Version Minor).
///
/// The message model is one internal model; the version decides the wire form at the edge: 1.x sends
/// attributes as `Attribute {Attribute Name, Attribute Index, Attribute Value}` inside Template-Attribute,
/// 2.x as tag-typed items inside `Attributes`.
public struct ProtocolVersion: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var major: Int32
    public var minor: Int32

    public init(_ major: Int32, _ minor: Int32) {
        self.major = major
        self.minor = minor
    }

    public static let v1_0 = ProtocolVersion(1, 0)
    public static let v1_1 = ProtocolVersion(1, 1)
    public static let v1_2 = ProtocolVersion(1, 2)
    public static let v1_3 = ProtocolVersion(1, 3)
    public static let v1_4 = ProtocolVersion(1, 4)
    public static let v2_0 = ProtocolVersion(2, 0)
    public static let v2_1 = ProtocolVersion(2, 1)

    /// Every version this codec models, oldest first.
    public static let supported: [ProtocolVersion] = [.v1_0, .v1_1, .v1_2, .v1_3, .v1_4, .v2_0, .v2_1]

    /// KMIP 2.0 replaced Template-Attribute and name-keyed attributes with tag-typed `Attributes`.
    public var usesTaggedAttributes: Bool { major >= 2 }

    public static func < (lhs: ProtocolVersion, rhs: ProtocolVersion) -> Bool {
        (lhs.major, lhs.minor) < (rhs.major, rhs.minor)
    }

    public var description: String { "\(major).\(minor)" }
}

extension ProtocolVersion: TTLVStructureCodable {
    public init(from item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        var r = try FieldReader(item)
        major = try r.required(.protocolVersionMajor)
        minor = try r.required(.protocolVersionMinor)
        try r.finish()
    }

    public func ttlv(_ tag: Tag, version: ProtocolVersion) -> TTLV {
        .structure(tag, [TTLV(.protocolVersionMajor, .integer(major)), TTLV(.protocolVersionMinor, .integer(minor))])
    }

    /// Decodes a Protocol Version on its own (it is the same in every version).
    public init(from item: TTLV) throws(KMIPDecodingError) {
        try self.init(from: item, version: .v1_0)
    }
}
