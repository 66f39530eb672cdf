/// One attribute of a managed object, in the single internal model both protocol generations convert to.
///
/// KMIP 1.x names attributes by text (`Attribute {Attribute Name, Attribute Index, Attribute Value}`), 2.x by tag
/// (the value item's own tag inside `Attributes`, or a `Vendor Attribute`). Here the name is a tag for the
/// specification's attributes, or a vendor name for custom ones; 1.x `x-Foo` and 2.x Vendor Attribute
/// `{x, Foo}` are the same attribute. See docs/conformance.md, "Attribute model".
public struct Attribute: Hashable, Sendable {
    public var name: AttributeName
    /// KMIP 1.x Attribute Index (which instance of a multi-valued attribute). KMIP 2.x has no index; it is not
    /// sent there.
    public var index: Int32?
    public var value: AttributeValue

    public init(_ name: AttributeName, index: Int32? = nil, _ value: AttributeValue) {
        self.name = name
        self.index = index
        self.value = value
    }

    public init(_ tag: Tag, index: Int32? = nil, _ value: AttributeValue) {
        self.init(.standard(tag), index: index, value)
    }
}

/// What an attribute is called: a specification attribute (by its tag), or a vendor/custom attribute.
public enum AttributeName: Hashable, Sendable, CustomStringConvertible {
    case standard(Tag)
    /// KMIP 2.x Vendor Attribute (Vendor Identification, Attribute Name). On the wire a 2.x Vendor Attribute is an
    /// `Attribute` structure (tag 0x420008) inside `Attributes`: KMIP 2.x defines no tag of its own for it.
    /// KMIP 1.x custom attributes map here with
    /// vendor identification "x" (client-defined, `x-Name`) or "y" (server-defined, `y-Name`), as KMIP 2.0 §4.53
    /// reserves those identifications for 1.x custom attributes.
    case vendor(identification: String, name: String)

    /// A client custom attribute as vCenter sends it in KMIP 1.x: `x-Name`.
    public static func custom(_ name: String) -> AttributeName { .vendor(identification: "x", name: name) }

    /// The KMIP 1.x Attribute Name text: the specification name, or `x-Name` / `y-Name` for custom attributes.
    ///
    /// An attribute 1.x has no name for (a 2.x-only attribute, or a 2.x extension attribute with a 0x54xxxx tag)
    /// is written as its tag, `0x540001`, and read back from that form, so converting a set to 1.x and back loses
    /// nothing. A vendor attribute whose identification is not `x` or `y` is written `vendor-Name`, which 1.x cannot
    /// carry (its custom names start `x-` or `y-`) and `init(kmip1Name:)` refuses; a server does not send such an
    /// attribute to a 1.x client.
    public var kmip1Name: String {
        switch self {
        case .standard(let tag): AttributeCatalog.name(for: tag) ?? tag.hexString
        case .vendor(let vendor, let name): "\(vendor)-\(name)"
        }
    }

    /// Parses a KMIP 1.x Attribute Name. Unknown names that are not `x-…` / `y-…` custom names are refused.
    public init(kmip1Name text: String) throws(KMIPDecodingError) {
        if text.hasPrefix("x-") || text.hasPrefix("y-") {
            self = .vendor(identification: String(text.prefix(1)), name: String(text.dropFirst(2)))
        } else if let tag = AttributeCatalog.tag(forName: text) {
            // Non-canonical spacing ("Activation   Date") is accepted and written back canonically.
            self = .standard(tag)
        } else if let tag = Self.tag(hexName: text), AttributeCatalog.name(for: tag) == nil {
            // Only for attributes without a 1.x name, so each attribute has one 1.x spelling.
            self = .standard(tag)
        } else {
            throw KMIPDecodingError(.invalidValue, path: [.attributeName], "unknown attribute name (not a specification name, nor x-/y- custom)")
        }
    }

    /// `0x540001`: exactly six hexadecimal digits after `0x`.
    private static func tag(hexName text: String) -> Tag? {
        let digits = text.dropFirst(2)
        guard text.hasPrefix("0x"), digits.count == 6, digits.allSatisfy(\.isHexDigit), let raw = UInt32(digits, radix: 16) else { return nil }
        return Tag(rawValue: raw)
    }

    public var tag: Tag? {
        if case .standard(let tag) = self { return tag }
        return nil
    }

    public var description: String { kmip1Name }
}

/// An attribute's value, typed. Primitive values keep their TTLV type (so an enumeration keeps its raw value
/// even when this implementation does not know it); Name, Link and Cryptographic Parameters are typed
/// structures; every other structured attribute is carried as its children so nothing is lost.
public enum AttributeValue: Hashable, Sendable {
    case text(String)
    case integer(Int32)
    case longInteger(Int64)
    /// Two's complement, big-endian, as on the wire.
    case bigInteger([UInt8])
    /// The raw value; the attribute's name says which enumeration (`attribute.enumeration(as:)`).
    case enumeration(UInt32)
    case boolean(Bool)
    case bytes([UInt8])
    case dateTime(DateTime)
    case interval(Interval)
    /// Microseconds since the POSIX epoch (KMIP 2.0+).
    case dateTimeExtended(Int64)
    case name(Name)
    case link(Link)
    case cryptographicParameters(CryptographicParameters)
    /// Any other structured attribute (Digest, Usage Limits, Revocation Reason, Application Specific Information,
    /// Cryptographic Domain Parameters, Alternative Name, Key Value Location, X.509 Certificate Identifier/Subject/
    /// Issuer, …): its children, unchanged.
    case structure([TTLV])

    public static func enumeration<E: KMIPEnumeration>(_ value: E) -> AttributeValue { .enumeration(value.rawValue) }

    /// Reads a value item whose tag is `attribute`'s (2.x) or Attribute Value (1.x). Error paths start at the item.
    init(from item: TTLV, attribute: AttributeName, version: ProtocolVersion) throws(KMIPDecodingError) {
        if let tag = attribute.tag, let expected = AttributeCatalog.type(for: tag), expected != item.type {
            throw KMIPDecodingError(.unexpectedType, path: [item.tag], "attribute \(attribute) must be \(expected.name), not \(item.type.name)")
        }
        switch item.value {
        case .structure(let children):
            self = try decoding(item.tag) { () throws(KMIPDecodingError) -> AttributeValue in
                switch attribute.tag {
                case .name?: .name(try Name(from: item, version: version))
                case .link?: .link(try Link(from: item, version: version))
                case .cryptographicParameters?: .cryptographicParameters(try CryptographicParameters(from: item, version: version))
                default: .structure(children)
                }
            }
        case .integer(let v): self = .integer(v)
        case .longInteger(let v): self = .longInteger(v)
        case .bigInteger(let v): self = .bigInteger(v)
        case .enumeration(let v): self = .enumeration(v)
        case .boolean(let v): self = .boolean(v)
        case .textString(let v): self = .text(v)
        case .byteString(let v): self = .bytes(v)
        case .dateTime(let v): self = .dateTime(DateTime(secondsSinceEpoch: v))
        case .interval(let v): self = .interval(Interval(seconds: v))
        case .dateTimeExtended(let v): self = .dateTimeExtended(v)
        }
    }

    /// The value as an item with `tag`.
    func ttlv(_ tag: Tag, version: ProtocolVersion) -> TTLV {
        switch self {
        case .text(let v): TTLV(tag, .textString(v))
        case .integer(let v): TTLV(tag, .integer(v))
        case .longInteger(let v): TTLV(tag, .longInteger(v))
        case .bigInteger(let v): TTLV(tag, .bigInteger(v))
        case .enumeration(let v): TTLV(tag, .enumeration(v))
        case .boolean(let v): TTLV(tag, .boolean(v))
        case .bytes(let v): TTLV(tag, .byteString(v))
        case .dateTime(let v): TTLV(tag, v.ttlvValue)
        case .interval(let v): TTLV(tag, v.ttlvValue)
        case .dateTimeExtended(let v): TTLV(tag, .dateTimeExtended(v))
        case .name(let v): v.ttlv(tag, version: version)
        case .link(let v): v.ttlv(tag, version: version)
        case .cryptographicParameters(let v): v.ttlv(tag, version: version)
        case .structure(let children): .structure(tag, children)
        }
    }
}

extension Attribute {
    /// The value as enumeration `E`, if it is an enumeration.
    public func enumeration<E: KMIPEnumeration>(as: E.Type = E.self) -> E? {
        if case .enumeration(let raw) = value { return E(rawValue: raw) }
        return nil
    }
}

extension Attribute: CustomStringConvertible {
    /// Names and types only: attribute values can be sensitive (and Key Value attributes travel with keys).
    public var description: String { "Attribute(\(name)\(index.map { "[\($0)]" } ?? ""))" }
}

extension Array where Element == Attribute {
    /// The first attribute named `tag`.
    public subscript(_ tag: Tag) -> Attribute? { first { $0.name == .standard(tag) } }
    /// Every attribute named `name`.
    public func all(_ name: AttributeName) -> [Attribute] { filter { $0.name == name } }
}
