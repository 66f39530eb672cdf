import KMIP

/// How `ObjectAttributes` are stored: a TTLV structure, encoded with Keep's own KMIP codec.
///
/// ```
/// Attributes (0x420125) Structure
///   0x540001 KeepRecordFormat  Integer  1
///   Object Type, State, Cryptographic Algorithm, Cryptographic Length, Cryptographic Usage Mask,
///   Name { Name Value, Name Type }*, Link { Link Type, Linked Object Identifier }*,
///   Initial/Activation/Deactivation/Destroy/Compromise/Compromise Occurrence/Last Change/Original Creation Date,
///   Revocation Reason { Revocation Reason Code, Revocation Message? },
///   Attribute { Attribute Name, Attribute Index, Attribute Value }*   (custom attributes)
///   0x540002 KeepOtherAttributes Structure { any other attribute, tag-typed }
/// ```
/// A format version leads, so a later layout can be read alongside this one.
enum AttributeRecord {
    static let formatTag = Tag(rawValue: 0x54_0001)
    static let otherTag = Tag(rawValue: 0x54_0002)
    static let formatVersion: Int32 = 1

    static func encode(_ a: ObjectAttributes) -> [UInt8] {
        var items: [TTLV] = [TTLV(formatTag, .integer(formatVersion)), TTLV(.objectType, .enumeration(a.objectType.rawValue)),
                             TTLV(.state, .enumeration(a.state.rawValue))]
        if let v = a.cryptographicAlgorithm { items.append(TTLV(.cryptographicAlgorithm, .enumeration(v.rawValue))) }
        if let v = a.cryptographicLength { items.append(TTLV(.cryptographicLength, .integer(v))) }
        if let v = a.usageMask { items.append(TTLV(.cryptographicUsageMask, .integer(v.rawValue))) }
        for name in a.names {
            items.append(.structure(.name, [TTLV(.nameValue, .textString(name.value)), TTLV(.nameType, .enumeration(name.type.rawValue))]))
        }
        for link in a.links {
            items.append(.structure(.link, [TTLV(.linkType, .enumeration(link.type.rawValue)),
                                            TTLV(.linkedObjectIdentifier, .textString(link.linkedObjectIdentifier))]))
        }
        let dates: [(Tag, Int64?)] = [(.initialDate, a.dates.initial), (.activationDate, a.dates.activation),
                                     (.deactivationDate, a.dates.deactivation), (.destroyDate, a.dates.destroy),
                                     (.compromiseDate, a.dates.compromise), (.compromiseOccurrenceDate, a.dates.compromiseOccurrence),
                                     (.lastChangeDate, a.dates.lastChange), (.originalCreationDate, a.dates.originalCreation)]
        for (tag, value) in dates { if let value { items.append(TTLV(tag, .dateTime(value))) } }
        if let reason = a.revocationReason {
            var fields = [TTLV(.revocationReasonCode, .enumeration(reason.code.rawValue))]
            if let message = reason.message { fields.append(TTLV(.revocationMessage, .textString(message))) }
            items.append(.structure(.revocationReason, fields))
        }
        for custom in a.custom {
            items.append(.structure(.attribute, [TTLV(.attributeName, .textString(custom.name)),
                                                 TTLV(.attributeIndex, .integer(Int32(custom.index))),
                                                 TTLV(.attributeValue, custom.value)]))
        }
        if !a.other.isEmpty { items.append(.structure(otherTag, a.other)) }
        return TTLV.structure(.attributes, items).encoded()
    }

    static func decode(_ bytes: [UInt8]) throws -> ObjectAttributes {
        let root: TTLV
        do { root = try TTLVDecoder().decodeItem(bytes) } catch {
            throw HierarchyError(.corruptRecord, "stored attributes do not decode: \(error)")
        }
        guard root.tag == .attributes, case .integer(formatVersion)? = root[formatTag]?.value else {
            throw HierarchyError(.corruptRecord, "stored attributes have an unknown format")
        }
        guard case .enumeration(let type)? = root[.objectType]?.value, case .enumeration(let state)? = root[.state]?.value else {
            throw HierarchyError(.corruptRecord, "stored attributes lack object type or state")
        }
        var a = ObjectAttributes(objectType: ObjectType(rawValue: type))
        a.state = State(rawValue: state)
        for item in root.children {
            switch (item.tag, item.value) {
            case (.cryptographicAlgorithm, .enumeration(let v)): a.cryptographicAlgorithm = CryptographicAlgorithm(rawValue: v)
            case (.cryptographicLength, .integer(let v)): a.cryptographicLength = v
            case (.cryptographicUsageMask, .integer(let v)): a.usageMask = CryptographicUsageMask(rawValue: v)
            case (.name, .structure):
                guard case .textString(let value)? = item[.nameValue]?.value, case .enumeration(let type)? = item[.nameType]?.value else {
                    throw HierarchyError(.corruptRecord, "stored Name is malformed")
                }
                a.names.append(.init(value, type: NameType(rawValue: type)))
            case (.link, .structure):
                guard case .enumeration(let type)? = item[.linkType]?.value, case .textString(let id)? = item[.linkedObjectIdentifier]?.value else {
                    throw HierarchyError(.corruptRecord, "stored Link is malformed")
                }
                a.links.append(.init(LinkType(rawValue: type), id))
            case (.initialDate, .dateTime(let v)): a.dates.initial = v
            case (.activationDate, .dateTime(let v)): a.dates.activation = v
            case (.deactivationDate, .dateTime(let v)): a.dates.deactivation = v
            case (.destroyDate, .dateTime(let v)): a.dates.destroy = v
            case (.compromiseDate, .dateTime(let v)): a.dates.compromise = v
            case (.compromiseOccurrenceDate, .dateTime(let v)): a.dates.compromiseOccurrence = v
            case (.lastChangeDate, .dateTime(let v)): a.dates.lastChange = v
            case (.originalCreationDate, .dateTime(let v)): a.dates.originalCreation = v
            case (.revocationReason, .structure):
                guard case .enumeration(let code)? = item[.revocationReasonCode]?.value else {
                    throw HierarchyError(.corruptRecord, "stored Revocation Reason is malformed")
                }
                var message: String?
                if case .textString(let m)? = item[.revocationMessage]?.value { message = m }
                a.revocationReason = .init(RevocationReasonCode(rawValue: code), message: message)
            case (.attribute, .structure):
                guard case .textString(let name)? = item[.attributeName]?.value, case .integer(let index)? = item[.attributeIndex]?.value,
                      let value = item[.attributeValue]?.value else {
                    throw HierarchyError(.corruptRecord, "stored custom attribute is malformed")
                }
                a.custom.append(CustomAttributeValue(name: name, index: Int(index), value: value))
            case (otherTag, .structure(let children)): a.other = children
            default: continue
            }
        }
        return a
    }
}
