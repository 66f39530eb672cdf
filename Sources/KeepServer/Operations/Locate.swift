import KMIP
import KeepStore
import KeyHierarchy

/// Locate: the caller's domain's objects whose attributes match every attribute given, in creation order, from
/// Offset Items (1.3+), at most Maximum Items (and never more than the server's cap). Located Items (1.3+) is
/// the number matched before offset and maximum, sent when the request pages with Offset Items (KMIP 1.4 lets a
/// server leave it out; the OASIS test cases' servers do, and a client that does not page has no use for it).
///
/// Object Group Member (1.1+): Group Member Fresh finds only objects whose Fresh attribute is True, and makes one
/// for a group the server keeps fresh keys in when there is none (`makeFreshKey`); Group Member Default puts the
/// group's fresh objects first (see below).
///
/// Destroyed objects (Destroyed, Destroyed Compromised) are found only when asked for: by a State attribute in
/// the request, or in 2.x by the Storage Status Mask's "destroyed storage" bit. The KMIP 1.4 test cases (SKFF-M-5)
/// expect a Locate after Destroy to find nothing, which is what 2.x made explicit.
///
/// Matching: Object Type, State, Cryptographic Algorithm/Length, one Name and one custom attribute are filtered
/// by the store's indexes; every other attribute (a second Name, Object Group, Contact Information, …) is
/// compared on the objects the store returned. A Name matches on its value. Two instances of a date attribute
/// (Activation Date, …) select the range between them, as KMIP 1.x specifies. There is no cross-domain query:
/// the store is always asked for the caller's domain only.
struct LocateHandler: OperationHandler {
    let access = OperationAccess.readMetadata
    let introduced = ProtocolVersion.v1_0

    /// Storage Status Mask bits (KMIP 1.4 §9.1.3.3.2): on-line, archival, destroyed (2.0+).
    static let onLine: Int32 = 1, archival: Int32 = 2, destroyed: Int32 = 4

    func handle(_ request: LocateRequest, in context: OperationContext) throws -> any ResponsePayload {
        let offset = Int(request.offsetItems ?? 0)
        let maximum = request.maximumItems.map(Int.init)
        guard offset >= 0, maximum.map({ $0 >= 0 }) ?? true else {
            throw ServiceError(.invalidField, "Offset Items and Maximum Items must not be negative")
        }
        var query = ObjectQuery(domainID: context.domainID)
        var residual: [Attribute] = []
        for attribute in request.attributes {
            if !push(attribute, into: &query) { residual.append(attribute) }
        }
        let storageMask = request.storageStatusMask
        let wantsDestroyed = context.version >= .v2_0 && (storageMask ?? 0) & Self.destroyed != 0
        if query.state == nil && !wantsDestroyed {
            query.excludedStates = [State.destroyed.rawValue, State.destroyedCompromised.rawValue]
        }
        let candidates = try context.hierarchy.locate(query)
        var matched: [String] = [], freshFirst: [String] = []
        if residual.isEmpty && storageMask == nil && context.version < .v2_0 && request.objectGroupMember == nil {
            // Everything is on-line in 1.x: the store's answer is the answer.
            matched = candidates
        } else {
            let filters = try Filter.group(residual)
            for uid in candidates {
                let object = try context.object(uid)
                guard storageMask.map({ Self.included(object, mask: $0, version: context.version) }) ?? Self.defaultIncluded(object, version: context.version) else { continue }
                let attributes = AttributeMapping.attributes(of: object)
                guard filters.allSatisfy({ $0.matches(attributes) }) else { continue }
                if request.objectGroupMember == .groupMemberFresh && ServerAttributes.boolean(.fresh, in: object.attributes) != true { continue }
                matched.append(uid)
                if request.objectGroupMember == .groupMemberDefault && ServerAttributes.boolean(.fresh, in: object.attributes) == true {
                    freshFirst.append(uid)
                }
            }
        }
        if matched.isEmpty, let made = try makeFreshKey(request, query: query, residual: residual, offset: offset, in: context) {
            matched = [made]
        }
        if request.objectGroupMember == .groupMemberDefault {
            // Keep's policy for a group's default member: the oldest object not yet served (Fresh), else the oldest.
            // Since Get clears Fresh, Locate + Get walks a group's members in turn (KMIP 1.1 test case TC-153).
            matched = freshFirst + matched.filter { !freshFirst.contains($0) }
        }
        let limit = min(maximum ?? context.configuration.maxLocatedItems, context.configuration.maxLocatedItems)
        let page = Array(matched.dropFirst(offset).prefix(limit))
        page.forEach(context.touch)
        if page.count == 1 { context.idPlaceholder = page[0] }
        return LocateResponse(locatedItems: context.version >= .v1_3 && request.offsetItems != nil ? Int32(clamping: matched.count) : nil,
                              uniqueIdentifiers: page.map { .text($0) })
    }

    /// A Locate for a fresh member of a fresh key group (`ServiceConfiguration.freshKeyGroups`) that found none
    /// makes a key for the group and returns it: an AES key of the group's length, for Encrypt and Decrypt, made
    /// under the caller's DK as Create makes one, and named in the Locate's audit record. Only when the request
    /// asks for nothing the new key would not be (the group; optionally Symmetric Key, AES, the group's length,
    /// Pre-Active), from the first item on. A caller that may not make keys (an auditor, a domain whose
    /// subscription is suspended) finds what there is: nothing.
    private func makeFreshKey(_ request: LocateRequest, query: ObjectQuery, residual: [Attribute], offset: Int,
                              in context: OperationContext) throws -> String? {
        guard request.objectGroupMember == .groupMemberFresh, offset == 0, request.maximumItems != 0,
              request.storageStatusMask.map({ $0 & Self.onLine != 0 }) ?? true,
              residual.count == 1, residual[0].name == .standard(.objectGroup), case .text(let group) = residual[0].value,
              let length = context.configuration.freshKeyGroups[group],
              query.objectType.map({ $0 == ObjectType.symmetricKey.rawValue }) ?? true,
              query.algorithm.map({ $0 == CryptographicAlgorithm.aes.rawValue }) ?? true,
              query.length.map({ $0 == length }) ?? true,
              query.state.map({ $0 == State.preActive.rawValue }) ?? true,
              query.name == nil, query.customAttribute == nil else { return nil }
        do {
            try AccessPolicy.check(.createObject, operation: .create, caller: context.caller, domain: context.domain)
        } catch {
            return nil
        }
        var attributes = ObjectAttributes(objectType: .symmetricKey)
        try Templates.apply([Attribute(.cryptographicAlgorithm, .enumeration(CryptographicAlgorithm.aes.rawValue)),
                             Attribute(.cryptographicLength, .integer(length)),
                             Attribute(.cryptographicUsageMask, .integer(CryptographicUsageMask([.encrypt, .decrypt]).rawValue)),
                             Attribute(.objectGroup, .text(group))], to: &attributes)
        ServerAttributes.setOnNewObject(&attributes, generated: true)
        let object = try context.hierarchy.createSymmetricKey(in: context.domainID, algorithm: .aes, lengthInBits: length, template: attributes)
        context.auditNote = "made key \(object.uid) for fresh key group \(group) (freshKeyGroups)"
        return object.uid
    }

    /// Moves `attribute` into the store's query if the store can filter on it (and the slot is free).
    private func push(_ attribute: Attribute, into query: inout ObjectQuery) -> Bool {
        switch (attribute.name, attribute.value) {
        case (.standard(.objectType), .enumeration(let v)) where query.objectType == nil: query.objectType = v
        case (.standard(.state), .enumeration(let v)) where query.state == nil: query.state = v
        case (.standard(.cryptographicAlgorithm), .enumeration(let v)) where query.algorithm == nil: query.algorithm = v
        case (.standard(.cryptographicLength), .integer(let v)) where query.length == nil: query.length = v
        case (.standard(.name), .name(let name)) where query.name == nil: query.name = name.value
        case (.vendor, _) where query.customAttribute == nil:
            guard let stored = try? AttributeMapping.storedName(attribute.name) else { return false }
            let value = CustomAttributeValue(name: stored, value: AttributeMapping.ttlvValue(attribute.value))
            query.customAttribute = CustomAttribute(name: stored, value: value.indexText)
        default: return false
        }
        return true
    }

    /// 2.x separates destroyed objects (Storage Status "destroyed") from on-line ones; 1.x has no such status,
    /// and an object whose key material is destroyed still has its metadata on-line. An object registered without
    /// its value is on-line: it never had one to destroy.
    private static func included(_ object: StoredObject, mask: Int32, version: ProtocolVersion) -> Bool {
        if version >= .v2_0 && object.valueForm == .erased { return mask & destroyed != 0 }
        return mask & onLine != 0
    }

    private static func defaultIncluded(_ object: StoredObject, version: ProtocolVersion) -> Bool {
        included(object, mask: onLine, version: version)
    }

    /// One attribute's condition: any instance equal to one of the values, or a date range.
    private struct Filter {
        let name: AttributeName
        let condition: Condition

        enum Condition {
            case equals(AttributeValue)
            case between(Int64, Int64)
        }

        static func group(_ attributes: [Attribute]) throws(ServiceError) -> [Filter] {
            var filters: [Filter] = []
            var dates: [AttributeName: [Int64]] = [:]
            var order: [AttributeName] = []
            for attribute in attributes {
                if case .dateTime(let date) = attribute.value {
                    if dates[attribute.name] == nil { order.append(attribute.name) }
                    dates[attribute.name, default: []].append(date.secondsSinceEpoch)
                } else {
                    filters.append(Filter(name: attribute.name, condition: .equals(attribute.value)))
                }
            }
            for name in order {
                let values = dates[name] ?? []
                switch values.count {
                case 1: filters.append(Filter(name: name, condition: .between(values[0], values[0])))
                case 2: filters.append(Filter(name: name, condition: .between(min(values[0], values[1]), max(values[0], values[1]))))
                default: throw ServiceError(.invalidField, "Locate takes one \(name) (a date) or two (a range)")
                }
            }
            return filters
        }

        func matches(_ attributes: [Attribute]) -> Bool {
            attributes.contains { candidate in
                guard candidate.name == name else { return false }
                switch (condition, candidate.value) {
                case (.equals(.name(let wanted)), .name(let have)): return wanted.value == have.value
                case (.equals(let wanted), let have): return wanted == have
                case (.between(let low, let high), .dateTime(let date)): return date.secondsSinceEpoch >= low && date.secondsSinceEpoch <= high
                default: return false
                }
            }
        }
    }
}
