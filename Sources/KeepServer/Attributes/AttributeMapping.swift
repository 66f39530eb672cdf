import KMIP
import KeyHierarchy

/// Converts between KeyHierarchy's `ObjectAttributes` (one model, typed where the server acts on the value) and
/// KMIP `Attribute`s (one model for both wire generations; the payloads choose the 1.x or 2.x form).
///
/// Where each attribute lives in `ObjectAttributes`:
/// - typed fields: Object Type, State, Cryptographic Algorithm/Length/Usage Mask, Name*, Link*, the lifecycle
///   dates, Revocation Reason;
/// - `custom`: client and vendor attributes, by their 1.x name (`x-Name`; a 2.x Vendor Attribute {V, N} as `V-N`);
/// - `other`: every other attribute a client set, as the 2.x tag-typed item;
/// - `other`, under Keep's extension tags (`ObjectFacts`): facts about the object that KMIP does not model as
///   attributes. They are never listed.
enum AttributeMapping {
    /// The form `other` and `custom` values are kept in (attribute values are the same in every version).
    static let storageVersion = ProtocolVersion.v2_1

    /// Every attribute of `object`, in a stable order: the identifiers, the cryptographic attributes, names,
    /// state and dates, links, the other attributes, the custom ones.
    static func attributes(of object: StoredObject) -> [Attribute] {
        let a = object.attributes
        var out = [Attribute(.uniqueIdentifier, .text(object.uid)), Attribute(.objectType, .enumeration(a.objectType.rawValue))]
        for tag in [Tag.cryptographicAlgorithm, .cryptographicLength, .cryptographicUsageMask, .name, .state] {
            out += instances(tag, in: a).enumerated().map { Attribute(tag, index: AttributeRules.multiValued.contains(tag) ? index($0) : nil, $1) }
        }
        for tag in dateTags { out += instances(tag, in: a).map { Attribute(tag, $0) } }
        if let reason = a.revocationReason {
            var fields = [TTLV(.revocationReasonCode, .enumeration(reason.code.rawValue))]
            if let message = reason.message { fields.append(TTLV(.revocationMessage, .textString(message))) }
            out.append(Attribute(.revocationReason, .structure(fields)))
        }
        out += instances(.link, in: a).enumerated().map { Attribute(.link, index: index($0), $1) }
        var seen: [Tag] = []
        for item in a.other where !ObjectFacts.isFact(item) && !seen.contains(item.tag) {
            seen.append(item.tag)
            let multi = AttributeRules.multiValued.contains(item.tag)
            out += instances(item.tag, in: a).enumerated().map { Attribute(item.tag, index: multi ? index($0) : nil, $1) }
        }
        out += a.custom.compactMap(attribute(from:))
        return out
    }

    /// The attributes a client speaking `version` can read: those its version defines, and (KMIP 1.x names custom
    /// attributes `x-…` / `y-…` only) no 2.x Vendor Attribute of another vendor, which has no 1.x form.
    static func attributes(of object: StoredObject, for version: ProtocolVersion) -> [Attribute] {
        attributes(of: object).filter { attribute in
            guard AttributeRules.isDefined(attribute.name, in: version) else { return false }
            guard !version.usesTaggedAttributes, case .vendor(let vendor, _) = attribute.name else { return true }
            return vendor == "x" || vendor == "y"
        }
    }

    /// The Attribute Index of an instance at `position`. Index 0 is left out, as the KMIP 1.x test cases' servers
    /// do: an absent index means 0 (KMIP 1.4 §2.1.1).
    static func index(_ position: Int) -> Int32? {
        position == 0 ? nil : Int32(clamping: position)
    }

    /// The date attributes kept as typed fields, in the order they are listed.
    static let dateTags: [Tag] = [.initialDate, .activationDate, .deactivationDate, .destroyDate, .compromiseOccurrenceDate,
                                  .compromiseDate, .lastChangeDate, .originalCreationDate]

    // MARK: Standard attributes as instance lists

    /// The values of standard attribute `tag` on `a`, in instance order (empty when not set).
    static func instances(_ tag: Tag, in a: ObjectAttributes) -> [AttributeValue] {
        switch tag {
        case .objectType: return [.enumeration(a.objectType.rawValue)]
        case .state: return [.enumeration(a.state.rawValue)]
        case .cryptographicAlgorithm: return a.cryptographicAlgorithm.map { [.enumeration($0.rawValue)] } ?? []
        case .cryptographicLength: return a.cryptographicLength.map { [.integer($0)] } ?? []
        case .cryptographicUsageMask: return a.usageMask.map { [.integer($0.rawValue)] } ?? []
        case .name: return a.names.map { .name(Name($0.value, type: $0.type)) }
        case .link: return a.links.map { .link(Link($0.type, to: .text($0.linkedObjectIdentifier))) }
        case .initialDate: return date(a.dates.initial)
        case .activationDate: return date(a.dates.activation)
        case .deactivationDate: return date(a.dates.deactivation)
        case .destroyDate: return date(a.dates.destroy)
        case .compromiseDate: return date(a.dates.compromise)
        case .compromiseOccurrenceDate: return date(a.dates.compromiseOccurrence)
        case .lastChangeDate: return date(a.dates.lastChange)
        case .originalCreationDate: return date(a.dates.originalCreation)
        default:
            return a.other.filter { $0.tag == tag && !ObjectFacts.isFact($0) }.compactMap { try? Attribute(kmip2: $0, version: storageVersion).value }
        }
    }

    /// Replaces every instance of client-writable attribute `tag` on `a` with `values`.
    static func store(_ values: [AttributeValue], as tag: Tag, in a: inout ObjectAttributes) throws(ServiceError) {
        let name = AttributeName.standard(tag).kmip1Name
        func single<T>(_ convert: (AttributeValue) -> T?) throws(ServiceError) -> T? {
            guard let value = values.first else { return nil }
            guard values.count == 1, let converted = convert(value) else {
                throw ServiceError(.invalidField, "\(name) has the wrong type or more than one value")
            }
            return converted
        }
        switch tag {
        case .cryptographicAlgorithm:
            a.cryptographicAlgorithm = try single { if case .enumeration(let v) = $0 { CryptographicAlgorithm(rawValue: v) } else { nil } }
        case .cryptographicLength:
            a.cryptographicLength = try single { if case .integer(let v) = $0 { v } else { nil } }
        case .cryptographicUsageMask:
            a.usageMask = try single { if case .integer(let v) = $0 { CryptographicUsageMask(rawValue: v) } else { nil } }
        case .activationDate:
            a.dates.activation = try single { if case .dateTime(let v) = $0 { v.secondsSinceEpoch } else { nil } }
        case .deactivationDate:
            a.dates.deactivation = try single { if case .dateTime(let v) = $0 { v.secondsSinceEpoch } else { nil } }
        case .originalCreationDate:
            a.dates.originalCreation = try single { if case .dateTime(let v) = $0 { v.secondsSinceEpoch } else { nil } }
        case .name:
            var names: [ObjectAttributes.Name] = []
            for value in values {
                guard case .name(let n) = value, !n.value.isEmpty else { throw ServiceError(.invalidField, "a Name needs a non-empty Name Value") }
                names.append(ObjectAttributes.Name(n.value, type: n.type))
            }
            a.names = names
        case .link:
            var links: [ObjectAttributes.Link] = []
            for value in values {
                guard case .link(let l) = value, let id = l.linkedObjectIdentifier.text else {
                    throw ServiceError(.invalidField, "a Link needs a Link Type and a text Linked Object Identifier")
                }
                links.append(ObjectAttributes.Link(l.type, id))
            }
            a.links = links
        default:
            let position = a.other.firstIndex { $0.tag == tag } ?? a.other.endIndex
            a.other.removeAll { $0.tag == tag }
            let items = values.map { Attribute(tag, $0).kmip2TTLV(version: storageVersion) }
            a.other.insert(contentsOf: items, at: min(position, a.other.endIndex))
        }
    }

    private static func date(_ seconds: Int64?) -> [AttributeValue] {
        seconds.map { [.dateTime(DateTime(secondsSinceEpoch: $0))] } ?? []
    }

    // MARK: Custom attributes

    /// A custom attribute's stored name: its KMIP 1.x name. A 2.x Vendor Attribute {V, N} is `V-N`, so a vendor
    /// identification must not contain `-` (the split would be ambiguous).
    static func storedName(_ name: AttributeName) throws(ServiceError) -> String {
        guard case .vendor(let vendor, let attributeName) = name, !vendor.isEmpty, !attributeName.isEmpty, !vendor.contains("-") else {
            throw ServiceError(.invalidField, "a vendor attribute needs a Vendor Identification without '-' and an Attribute Name")
        }
        return "\(vendor)-\(attributeName)"
    }

    static func attributeName(stored: String) -> AttributeName? {
        guard let dash = stored.firstIndex(of: "-") else { return nil }
        let vendor = String(stored[..<dash])
        let name = String(stored[stored.index(after: dash)...])
        guard !vendor.isEmpty, !name.isEmpty else { return nil }
        return .vendor(identification: vendor, name: name)
    }

    static func attribute(from custom: CustomAttributeValue) -> Attribute? {
        guard case .vendor(let vendor, let name)? = attributeName(stored: custom.name) else { return nil }
        let item = TTLV.structure(.attribute, [TTLV(.vendorIdentification, .textString(vendor)), TTLV(.attributeName, .textString(name)),
                                               TTLV(.attributeValue, custom.value)])
        guard var attribute = try? Attribute(kmip2: item, version: storageVersion) else { return nil }
        attribute.index = index(custom.index)
        return attribute
    }

    /// An attribute value as the TTLV value a custom attribute keeps.
    static func ttlvValue(_ value: AttributeValue) -> TTLV.Value {
        // The 1.x Attribute form writes the value as an Attribute Value item: take its value.
        Attribute(.custom("v"), value).kmip1TTLV(version: storageVersion)[.attributeValue]?.value ?? .structure([])
    }
}

/// Facts about an object that the server needs and KMIP does not model as attributes: the Secret Data Type or
/// Opaque Data Type an object was registered with, and the Key Format Type of a secret's value. Kept in
/// `ObjectAttributes.other` under Keep's own tags in the vendor-extension range (0x54xxxx), which no client
/// attribute can use (attribute tags are checked against `AttributeRules`), and never listed as attributes.
enum ObjectFacts {
    static let secretDataType = Tag(rawValue: 0x54_0101)
    static let opaqueDataType = Tag(rawValue: 0x54_0102)
    static let keyFormatType = Tag(rawValue: 0x54_0103)

    static func isFact(_ item: TTLV) -> Bool { item.tag.isExtension }

    static func enumeration(_ tag: Tag, in a: ObjectAttributes) -> UInt32? {
        guard case .enumeration(let raw)? = a.other.first(where: { $0.tag == tag })?.value else { return nil }
        return raw
    }

    static func set(_ tag: Tag, _ raw: UInt32, in a: inout ObjectAttributes) {
        a.other.removeAll { $0.tag == tag }
        a.other.append(TTLV(tag, .enumeration(raw)))
    }
}
