// What a message frame (request/response header, batch item) may carry, by protocol version, and where vendor
// extension items in a frame are kept. Payload fields are versioned in each payload's own reader.

extension ProtocolVersion {
    /// Frame fields that not every version defines, with the first version that does: KMIP 1.2 added
    /// attestation (and the response Nonce), 1.4 the correlation values, 2.0 Ephemeral and Server Hashed Password.
    /// Every other frame field is KMIP 1.0.
    ///
    /// Decoding refuses such a field in an older version's frame (`FieldReader.refuseFields(newerThan:)`, answered
    /// Invalid Message): a 1.1 peer cannot have meant a field its version lacks. Encoding leaves it out
    /// (`StructureBuilder.build(_:for:extensions:)`), so a response to a 1.1 client never carries a 1.4 field
    /// even if the caller set one.
    public static let introducing: [Tag: ProtocolVersion] = [
        .attestationCapableIndicator: .v1_2,
        .attestationType: .v1_2,
        .nonce: .v1_2,
        .clientCorrelationValue: .v1_4,
        .serverCorrelationValue: .v1_4,
        .ephemeral: .v2_0,
        .serverHashedPassword: .v2_0,
    ]

    /// Whether a message frame of this version may carry the field `tag`.
    public func allows(_ tag: Tag) -> Bool {
        guard let first = Self.introducing[tag] else { return true }
        return self >= first
    }
}

/// Items with vendor extension tags (0x540000–0x54FFFF) among a frame's fields, kept with their positions so the
/// frame re-encodes bit-identical.
///
/// KMIP's own extension point in a frame is Message Extension; a bare extension tag beside the header or batch
/// item fields is what some vendors send instead. The model carries such items without interpreting them; the
/// server decides whether to refuse them. (Inside a payload an extension tag is not a field the payload defines:
/// the payload stays `.unparsed`, and so still re-encodes unchanged.)
public struct ExtensionItems: Hashable, Sendable {
    /// The items, in wire order.
    public private(set) var items: [TTLV] = []
    /// Each item's index among its structure's children when decoded; `Int.max` for an appended item.
    private var positions: [Int] = []

    public init() {}

    /// Items written after the frame's fields.
    public init(_ items: [TTLV]) {
        for item in items { append(item) }
    }

    public var isEmpty: Bool { items.isEmpty }

    public mutating func append(_ item: TTLV) {
        insert(item, at: .max)
    }

    mutating func insert(_ item: TTLV, at position: Int) {
        items.append(item)
        positions.append(position)
    }

    /// `fields` with the items put back at their positions. Positions ascend, so inserting in order rebuilds the
    /// original children exactly when `fields` are the ones decoded.
    func merged(into fields: [TTLV]) -> [TTLV] {
        var out = fields
        let order = items.indices.sorted { (positions[$0], $0) < (positions[$1], $1) }
        for index in order {
            out.insert(items[index], at: min(positions[index], out.count))
        }
        return out
    }
}
