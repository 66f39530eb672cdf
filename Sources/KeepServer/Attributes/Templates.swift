import KMIP
import KeepCrypto
import KeepStore
import KeyHierarchy

/// Applies the attributes of a Create / Register / ReKey request, and the Template objects it names (KMIP 1.x;
/// Templates were deprecated in 1.3 and removed in 2.0, but the 1.1 test cases and the SASED and Tape Library
/// profiles use them).
///
/// A Template object is registered with its list of attributes, which is its value: stored like any object's
/// value under the domain's key, returned by Get, erased by Destroy. A request naming it (Template-Attribute
/// `Name`) gets those attributes as defaults: an attribute the request itself gives wins, and a template's
/// instances of a multi-valued attribute are added only when the request gives none.
enum Templates {
    /// The attributes `set` gives, with the defaults of the templates it names.
    static func effectiveAttributes(_ set: AttributeSet, in context: OperationContext) throws -> [Attribute] {
        var out = set.attributes
        let given = Set(set.attributes.map(\.name))
        for name in set.templateNames {
            for attribute in try attributes(ofTemplateNamed: name, in: context) where !given.contains(attribute.name) {
                out.append(attribute)
            }
        }
        return out
    }

    static func apply(_ set: AttributeSet, to attributes: inout ObjectAttributes, in context: OperationContext) throws {
        try apply(try effectiveAttributes(set, in: context), to: &attributes)
    }

    static func apply(_ list: [Attribute], to attributes: inout ObjectAttributes) throws(ServiceError) {
        for attribute in list {
            try AttributeEditing.add(attribute, to: &attributes, creating: true)
        }
    }

    /// The value a Template object is stored with: its attributes, TTLV-encoded in the 1.x form.
    static func encode(_ attributes: [Attribute]) -> SecureBytes {
        SecureBytes(TTLV.structure(.template, attributes.map { $0.kmip1TTLV(version: .v1_4) }).encoded())
    }

    static func decode(_ value: SecureBytes) throws -> [Attribute] {
        let item = try TTLVDecoder().decodeMessage(value.copyBytes())
        return try item.all(.attribute).map { try Attribute(kmip1: $0, version: .v1_4) }
    }

    /// Reads the Template structure of a Register request, checking each attribute as a Create template would
    /// (a Template holds only attributes a client may set on a new object).
    static func attributes(ofRegistered template: TTLV, version: ProtocolVersion) throws -> [Attribute] {
        let attributes = try template.all(.attribute).map { try Attribute(kmip1: $0, version: version) }
        var scratch = ObjectAttributes(objectType: .symmetricKey)
        for attribute in attributes where attribute.name != .standard(.objectType) {
            try AttributeEditing.add(attribute, to: &scratch, creating: true)
        }
        return attributes
    }

    private static func attributes(ofTemplateNamed name: Name, in context: OperationContext) throws -> [Attribute] {
        var query = ObjectQuery(domainID: context.domainID, objectType: ObjectType.template.rawValue, name: name.value)
        query.excludedStates = [State.destroyed.rawValue, State.destroyedCompromised.rawValue]
        let found = try context.hierarchy.locate(query)
        guard found.count == 1 else {
            throw ServiceError(found.isEmpty ? .itemNotFound : .invalidField,
                               found.isEmpty ? "no Template named \(name.value)" : "\(found.count) Templates are named \(name.value)")
        }
        context.touch(found[0])
        return try decode(try context.keyMaterial(try context.object(found[0])))
    }
}
