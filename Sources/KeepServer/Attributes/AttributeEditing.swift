import KMIP
import KeyHierarchy

/// The attribute operations' semantics over `ObjectAttributes`: Add (and Create/Register templates), Set,
/// Modify and Delete. Each works on the attribute's list of instances, so names, links, dates, other standard
/// attributes and custom attributes follow one set of rules.
///
/// Instance numbering (the 1.x Attribute Index): a standard attribute's instances are numbered by position; a
/// custom attribute keeps the index it was added with, so deleting `x-Foo[0]` leaves `x-Foo[1]` where it was
/// (vCenter refers to its custom attributes by index).
enum AttributeEditing {
    /// Adds one instance; returns the attribute with the index it got. `creating`: a Create/Register/ReKey
    /// template, where the attributes fixed at creation may be given.
    @discardableResult
    static func add(_ attribute: Attribute, to a: inout ObjectAttributes, creating: Bool = false) throws(ServiceError) -> Attribute {
        switch attribute.name {
        case .vendor:
            let name = try writableCustomName(attribute.name)
            let existing = a.custom.filter { $0.name == name }
            guard existing.count < AttributeRules.maxInstances else {
                throw ServiceError(.invalidField, "\(name) already has \(AttributeRules.maxInstances) instances")
            }
            let index = (existing.map(\.index).max() ?? -1) + 1
            a.custom.append(CustomAttributeValue(name: name, index: index, value: AttributeMapping.ttlvValue(attribute.value)))
            return Attribute(attribute.name, index: AttributeMapping.index(index), attribute.value)
        case .standard(let tag):
            if tag == .objectType && creating {
                // A template may restate the object type; it must agree with the payload's.
                guard attribute.value == .enumeration(a.objectType.rawValue) else {
                    throw ServiceError(.invalidField, "the template's Object Type differs from the request's")
                }
                return attribute
            }
            try AttributeRules.checkWritable(tag, state: a.state, creating: creating)
            var values = AttributeMapping.instances(tag, in: a)
            if !AttributeRules.multiValued.contains(tag) && !values.isEmpty {
                throw ServiceError(.attributeSingleValued, "\(attribute.name) is already set and has a single value")
            }
            guard values.count < AttributeRules.maxInstances else {
                throw ServiceError(.invalidField, "\(attribute.name) already has \(AttributeRules.maxInstances) instances")
            }
            values.append(attribute.value)
            try AttributeMapping.store(values, as: tag, in: &a)
            ServerAttributes.reconcile(&a)
            return Attribute(attribute.name, index: AttributeMapping.index(values.count - 1), attribute.value)
        }
    }

    /// A ReKey template's attribute on the new key: as in a Create template, but replacing the value a single-valued
    /// attribute inherited from the old key (its dates, above all) instead of refusing a second one.
    static func replace(_ attribute: Attribute, on a: inout ObjectAttributes) throws(ServiceError) {
        if case .standard(let tag) = attribute.name, !AttributeRules.multiValued.contains(tag), tag != .objectType {
            try AttributeRules.checkWritable(tag, state: a.state, creating: true)
            try AttributeMapping.store([attribute.value], as: tag, in: &a)
            ServerAttributes.reconcile(&a)
        } else {
            try add(attribute, to: &a, creating: true)
        }
    }

    /// KMIP 2.x Set Attribute: the attribute's one value, added or replaced. Refused for multi-valued standard
    /// attributes (use Add/Modify); a custom attribute ends up with this single instance.
    static func set(_ attribute: Attribute, on a: inout ObjectAttributes) throws(ServiceError) {
        switch attribute.name {
        case .vendor:
            let name = try writableCustomName(attribute.name)
            a.custom.removeAll { $0.name == name }
            a.custom.append(CustomAttributeValue(name: name, index: 0, value: AttributeMapping.ttlvValue(attribute.value)))
        case .standard(let tag):
            try AttributeRules.checkWritable(tag, state: a.state, creating: false)
            guard !AttributeRules.multiValued.contains(tag) else {
                throw ServiceError(.attributeMultiValued, "\(attribute.name) may have several values: use Add or Modify Attribute")
            }
            try AttributeMapping.store([attribute.value], as: tag, in: &a)
            ServerAttributes.reconcile(&a)
        }
    }

    /// Modify Attribute: replaces one existing instance, chosen by `current`'s value (2.x Current Attribute) or
    /// by `new.index` (1.x Attribute Index, 0 when absent). Returns the attribute as modified.
    static func modify(_ new: Attribute, current: Attribute?, on a: inout ObjectAttributes) throws(ServiceError) -> Attribute {
        if let current, current.name != new.name {
            throw ServiceError(.invalidField, "Current Attribute and New Attribute name different attributes")
        }
        switch new.name {
        case .vendor:
            let name = try writableCustomName(new.name)
            let value = AttributeMapping.ttlvValue(new.value)
            let position: Int?
            if let current {
                let old = AttributeMapping.ttlvValue(current.value)
                position = a.custom.firstIndex { $0.name == name && $0.value == old }
            } else {
                let index = Int(new.index ?? 0)
                position = a.custom.firstIndex { $0.name == name && $0.index == index }
            }
            guard let position else { throw notFound(new.name, index: current == nil ? new.index ?? 0 : nil) }
            a.custom[position].value = value
            return Attribute(new.name, index: AttributeMapping.index(a.custom[position].index), new.value)
        case .standard(let tag):
            try AttributeRules.checkWritable(tag, state: a.state, creating: false)
            var values = AttributeMapping.instances(tag, in: a)
            let position = current.map { c in values.firstIndex(of: c.value) } ?? Int(new.index ?? 0)
            guard let position, values.indices.contains(position) else {
                throw notFound(new.name, index: current == nil ? new.index ?? 0 : nil)
            }
            values[position] = new.value
            try AttributeMapping.store(values, as: tag, in: &a)
            ServerAttributes.reconcile(&a)
            return Attribute(new.name, index: AttributeMapping.index(position), new.value)
        }
    }

    /// Delete Attribute: one instance (`current`'s value, or 1.x `index`, 0 when absent), or every instance
    /// (`all`, 2.x Attribute Reference alone). Returns what was deleted.
    @discardableResult
    static func delete(_ name: AttributeName, index: Int32?, current: Attribute?, all: Bool,
                       from a: inout ObjectAttributes) throws(ServiceError) -> [Attribute] {
        switch name {
        case .vendor:
            let stored = try writableCustomName(name)
            let matches: [CustomAttributeValue]
            if all {
                matches = a.custom.filter { $0.name == stored }
            } else if let current {
                let value = AttributeMapping.ttlvValue(current.value)
                matches = Array(a.custom.filter { $0.name == stored && $0.value == value }.prefix(1))
            } else {
                let wanted = Int(index ?? 0)
                matches = a.custom.filter { $0.name == stored && $0.index == wanted }
            }
            guard !matches.isEmpty else { throw notFound(name, index: all || current != nil ? nil : index ?? 0) }
            a.custom.removeAll { matches.contains($0) }
            return matches.compactMap(AttributeMapping.attribute(from:))
        case .standard(let tag):
            try AttributeRules.checkWritable(tag, state: a.state, creating: false)
            guard !AttributeRules.undeletable.contains(tag) else {
                throw ServiceError(.attributeReadOnly, "\(name) can be changed but not deleted")
            }
            var values = AttributeMapping.instances(tag, in: a)
            let deleted: [Attribute]
            if all {
                deleted = values.enumerated().map { Attribute(name, index: AttributeMapping.index($0), $1) }
                values = []
            } else {
                let position = current.map { c in values.firstIndex(of: c.value) } ?? Int(index ?? 0)
                guard let position, values.indices.contains(position) else {
                    throw notFound(name, index: current == nil ? index ?? 0 : nil)
                }
                deleted = [Attribute(name, index: AttributeMapping.index(position), values.remove(at: position))]
            }
            guard !deleted.isEmpty else { throw notFound(name, index: nil) }
            try AttributeMapping.store(values, as: tag, in: &a)
            ServerAttributes.reconcile(&a)
            return deleted
        }
    }

    /// The stored name of a custom attribute a client may write: `y-` attributes are the server's (KMIP 1.x).
    private static func writableCustomName(_ name: AttributeName) throws(ServiceError) -> String {
        if case .vendor("y", _) = name {
            throw ServiceError(.attributeReadOnly, "\(name): y- attributes are defined by the server")
        }
        return try AttributeMapping.storedName(name)
    }

    private static func notFound(_ name: AttributeName, index: Int32?) -> ServiceError {
        ServiceError(.attributeNotFound, index.map { "the object has no \(name) with index \($0)" } ?? "the object has no such \(name)")
    }
}
