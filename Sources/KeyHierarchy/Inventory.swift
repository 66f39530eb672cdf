import KMIP
import KeepStore

/// What an operator sees of a domain's objects: metadata only, and read even when the domain is disabled (the
/// serving paths refuse a disabled domain; the operator who disabled it still needs to see what is in it).
/// Nothing here unwraps a key or changes a record.
extension KeyHierarchy {
    /// How many of the domain's objects are in each lifecycle state.
    public func objectCounts(in domainID: String) throws -> [State: Int] {
        _ = try domain(id: domainID)
        let counts = try inventory { try store.read { try $0.objectCountsByState(domainID: domainID) } }
        return Dictionary(uniqueKeysWithValues: counts.map { (State(rawValue: $0.key), $0.value) })
    }

    /// The domain's objects matching `query` (its `domainID` names the domain), in creation order, and how many
    /// match in all (ignoring the query's offset and limit).
    public func inventory(_ query: ObjectQuery) throws -> (objects: [ManagedObject], total: Int) {
        _ = try domain(id: query.domainID)
        var unpaged = query
        unpaged.offset = 0
        unpaged.limit = nil
        let (records, total) = try inventory {
            try store.read { reader -> ([ObjectRecord], Int) in
                let uids = try reader.locate(query)
                let total = query.offset == 0 && query.limit == nil ? uids.count : try reader.locate(unpaged).count
                return (try uids.compactMap { try reader.object(uid: $0, domainID: query.domainID) }, total)
            }
        }
        return (try records.map(ManagedObject.init), total)
    }

    /// One object's metadata, whatever the domain's state.
    public func inventoryObject(_ uid: String, in domainID: String) throws -> ManagedObject {
        _ = try domain(id: domainID)
        guard let record = try inventory({ try store.object(uid: uid, domainID: domainID) }) else {
            throw HierarchyError(.objectNotFound, "no object \(uid) in domain \(domainID)")
        }
        return try ManagedObject(record)
    }

    private func inventory<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as StoreError {
            throw HierarchyError(.backend, "store: \(error.reason)", underlying: error)
        }
    }
}
