// The two wire forms of attributes, converted to and from the one internal `Attribute` model.
//
// KMIP 1.x:  Attribute { Attribute Name (Text), Attribute Index (Integer)?, Attribute Value (any) }
//            Template-Attribute { Name*, Attribute* }   (also Common / Private Key / Public Key Template-Attribute)
//            references by name:  Attribute Name (Text)
// KMIP 2.x:  Attributes { <item tagged with the attribute's tag>* , Attribute { Vendor Identification,
//            Attribute Name, Attribute Value }* }      (also Common / Private Key / Public Key Attributes)
//            references by tag:   Attribute Reference (Enumeration holding the tag, or Structure { Vendor
//            Identification, Attribute Name } for a vendor attribute)
//            New Attribute / Current Attribute { one attribute item }

extension Attribute {
    /// Reads a KMIP 1.x `Attribute` structure.
    public init(kmip1 item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        var r = try FieldReader(item)
        let nameText: String = try r.required(.attributeName)
        let name = try AttributeName(kmip1Name: nameText)
        let index: Int32? = try r.optional(.attributeIndex)
        let valueItem = try r.require(.attributeValue)
        let value = try AttributeValue(from: valueItem, attribute: name, version: version)
        try r.finish()
        self.init(name, index: index, value)
    }

    /// Writes a KMIP 1.x `Attribute` structure (with `tag`: Attribute, usually).
    public func kmip1TTLV(_ tag: Tag = .attribute, version: ProtocolVersion) -> TTLV {
        var b = StructureBuilder()
        b.add(.attributeName, name.kmip1Name)
        b.add(.attributeIndex, index)
        b.add(value.ttlv(.attributeValue, version: version))
        return b.build(tag)
    }

    /// Reads one item of a KMIP 2.x `Attributes` structure (or the content of New/Current Attribute).
    public init(kmip2 item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        if item.tag == .attribute {
            // Vendor Attribute (2.x re-uses the Attribute tag for it).
            var r = try FieldReader(item)
            let vendor: String = try r.required(.vendorIdentification)
            let name: String = try r.required(.attributeName)
            let valueItem = try r.require(.attributeValue)
            let attributeName = AttributeName.vendor(identification: vendor, name: name)
            let value = try AttributeValue(from: valueItem, attribute: attributeName, version: version)
            try r.finish()
            self.init(attributeName, value)
        } else {
            let name = AttributeName.standard(item.tag)
            self.init(name, try AttributeValue(from: item, attribute: name, version: version))
        }
    }

    /// Writes the attribute as one KMIP 2.x item. The 1.x Attribute Index has no 2.x form and is not written.
    public func kmip2TTLV(version: ProtocolVersion) -> TTLV {
        switch name {
        case .standard(let tag):
            return value.ttlv(tag, version: version)
        case .vendor(let vendor, let attributeName):
            var b = StructureBuilder()
            b.add(.vendorIdentification, vendor)
            b.add(.attributeName, attributeName)
            b.add(value.ttlv(.attributeValue, version: version))
            return b.build(.attribute)
        }
    }

    /// The attribute in the form `version` uses for a single attribute field: 1.x `Attribute`, or 2.x
    /// `New Attribute` / `Current Attribute` (pass that tag) wrapping the item.
    func ttlv(single tag2x: Tag, version: ProtocolVersion) -> TTLV {
        version.usesTaggedAttributes ? .structure(tag2x, [kmip2TTLV(version: version)]) : kmip1TTLV(version: version)
    }

    /// Reads a 2.x `New Attribute` / `Current Attribute` wrapper: exactly one attribute item.
    init(wrapped item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        guard case .structure(let children) = item.value else {
            throw KMIPDecodingError(.unexpectedType, path: [item.tag], "\(item.tag) must be a Structure")
        }
        guard children.count == 1 else {
            throw KMIPDecodingError(children.isEmpty ? .missingField : .unexpectedField, path: [item.tag], "\(item.tag) holds exactly one attribute")
        }
        try self.init(kmip2: children[0], version: version)
    }
}

extension AttributeName {
    /// A 2.x Attribute Reference: an Enumeration whose value is the attribute's tag, or a Vendor Attribute
    /// Reference structure.
    public init(reference item: TTLV) throws(KMIPDecodingError) {
        switch item.value {
        case .enumeration(let raw):
            self = .standard(Tag(rawValue: raw))
        case .structure:
            var r = try FieldReader(item)
            let vendor: String = try r.required(.vendorIdentification)
            let name: String = try r.required(.attributeName)
            try r.finish()
            self = .vendor(identification: vendor, name: name)
        default:
            throw KMIPDecodingError(.unexpectedType, path: [item.tag], "Attribute Reference must be Enumeration or Structure, not \(item.type.name)")
        }
    }

    public func referenceTTLV() -> TTLV {
        switch self {
        case .standard(let tag):
            return TTLV(.attributeReference, .enumeration(tag.rawValue))
        case .vendor(let vendor, let name):
            return .structure(.attributeReference, [TTLV(.vendorIdentification, .textString(vendor)), TTLV(.attributeName, .textString(name))])
        }
    }

    /// The name as `version` references it: 1.x Attribute Name text, 2.x Attribute Reference.
    public func ttlv(version: ProtocolVersion) -> TTLV {
        version.usesTaggedAttributes ? referenceTTLV() : TTLV(.attributeName, .textString(kmip1Name))
    }

    /// Reads the names a request lists in the form of `version`.
    static func all(from r: inout FieldReader, version: ProtocolVersion) throws(KMIPDecodingError) -> [AttributeName] {
        var names: [AttributeName] = []
        if version.usesTaggedAttributes {
            for item in r.takeAll(.attributeReference) {
                names.append(try decoding(.attributeReference) { () throws(KMIPDecodingError) in try AttributeName(reference: item) })
            }
        } else {
            for item in r.takeAll(.attributeName) {
                let text: String = try FieldReader.convert(item)
                names.append(try AttributeName(kmip1Name: text))
            }
        }
        return names
    }
}

/// A set of attributes as requests and responses carry them: KMIP 1.x Template-Attribute (with its Name
/// references to Template objects) or KMIP 2.x Attributes.
public struct AttributeSet: Hashable, Sendable, CustomStringConvertible {
    /// KMIP 1.x only: names of Template managed objects whose attributes apply (Template-Attribute's Name*).
    /// Templates were deprecated in 1.3 and removed in 2.0; a 2.x encoding leaves them out.
    public var templateNames: [Name]
    public var attributes: [Attribute]

    public init(_ attributes: [Attribute] = [], templateNames: [Name] = []) {
        self.attributes = attributes
        self.templateNames = templateNames
    }

    /// Which 1.x / 2.x container this set travels in.
    public enum Role: Sendable {
        case template, common, privateKey, publicKey

        var kmip1Tag: Tag {
            switch self {
            case .template: .templateAttribute
            case .common: .commonTemplateAttribute
            case .privateKey: .privateKeyTemplateAttribute
            case .publicKey: .publicKeyTemplateAttribute
            }
        }

        var kmip2Tag: Tag {
            switch self {
            case .template: .attributes
            case .common: .commonAttributes
            case .privateKey: .privateKeyAttributes
            case .publicKey: .publicKeyAttributes
            }
        }

        func tag(_ version: ProtocolVersion) -> Tag { version.usesTaggedAttributes ? kmip2Tag : kmip1Tag }
    }

    /// Reads a 1.x Template-Attribute-form structure.
    public init(kmip1 item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        var r = try FieldReader(item)
        templateNames = try r.all(.name, version: version)
        var attributes: [Attribute] = []
        for child in r.takeAll(.attribute) {
            attributes.append(try decoding(.attribute) { () throws(KMIPDecodingError) in try Attribute(kmip1: child, version: version) })
        }
        self.attributes = attributes
        try r.finish()
    }

    /// Reads a 2.x Attributes-form structure.
    public init(kmip2 item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        guard case .structure(let children) = item.value else {
            throw KMIPDecodingError(.unexpectedType, path: [item.tag], "\(item.tag) must be a Structure")
        }
        templateNames = []
        var attributes: [Attribute] = []
        for child in children {
            attributes.append(try Attribute(kmip2: child, version: version))
        }
        self.attributes = attributes
    }

    public func kmip1TTLV(_ tag: Tag, version: ProtocolVersion) -> TTLV {
        var b = StructureBuilder()
        b.add(.name, all: templateNames, version: version)
        for attribute in attributes { b.add(attribute.kmip1TTLV(version: version)) }
        return b.build(tag)
    }

    public func kmip2TTLV(_ tag: Tag, version: ProtocolVersion) -> TTLV {
        .structure(tag, attributes.map { $0.kmip2TTLV(version: version) })
    }

    /// The set in `version`'s form and container for `role`.
    public func ttlv(_ role: Role, version: ProtocolVersion) -> TTLV {
        version.usesTaggedAttributes ? kmip2TTLV(role.kmip2Tag, version: version) : kmip1TTLV(role.kmip1Tag, version: version)
    }

    /// Reads the set for `role` in `version`'s form, if present.
    static func optional(_ role: Role, from r: inout FieldReader, version: ProtocolVersion) throws(KMIPDecodingError) -> AttributeSet? {
        let tag = role.tag(version)
        guard let item = r.take(tag) else { return nil }
        return try decoding(tag) { () throws(KMIPDecodingError) in
            version.usesTaggedAttributes ? try AttributeSet(kmip2: item, version: version) : try AttributeSet(kmip1: item, version: version)
        }
    }

    static func required(_ role: Role, from r: inout FieldReader, version: ProtocolVersion) throws(KMIPDecodingError) -> AttributeSet {
        guard let set = try optional(role, from: &r, version: version) else {
            throw KMIPDecodingError(.missingField, path: [role.tag(version)], "\(r.tag) requires \(role.tag(version))")
        }
        return set
    }

    public subscript(_ tag: Tag) -> Attribute? { attributes[tag] }

    public var description: String { "AttributeSet(\(attributes.map(\.description).joined(separator: ", ")))" }
}

extension Array where Element == Attribute {
    /// Reads bare 1.x `Attribute` items (as Locate and Get Attributes carry them).
    static func kmip1(_ items: [TTLV], version: ProtocolVersion) throws(KMIPDecodingError) -> [Attribute] {
        var out: [Attribute] = []
        for item in items {
            out.append(try decoding(.attribute) { () throws(KMIPDecodingError) in try Attribute(kmip1: item, version: version) })
        }
        return out
    }
}
