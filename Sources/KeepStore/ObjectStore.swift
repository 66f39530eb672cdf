/// Durable storage for domains and managed objects. A write is durable when `write` returns.
///
/// Backend-neutral on purpose: SQLite is the embedded default; a PostgreSQL backend for multi-node deployments
/// implements the same protocol. Nothing above this protocol knows SQL.
public protocol ObjectStore: Sendable {
    /// Runs `body` with a consistent snapshot.
    func read<T>(_ body: (any ObjectStoreReader) throws -> T) throws -> T
    /// Runs `body` atomically: every change it makes is committed and durable when this returns, or none is.
    func write<T>(_ body: (any ObjectStoreWriter) throws -> T) throws -> T
    /// Verifies the store's physical and logical integrity; returns the problems found (empty when sound).
    func integrityCheck() throws -> [String]
}

public protocol ObjectStoreReader {
    func domain(id: String) throws -> DomainRecord?
    func domains() throws -> [DomainRecord]
    /// The object, if it exists in `domainID`. An object of another domain is reported as absent.
    func object(uid: String, domainID: String) throws -> ObjectRecord?
    /// Identifiers of matching objects in creation order.
    func locate(_ query: ObjectQuery) throws -> [String]
    func objectCount(domainID: String) throws -> Int
    /// How many of the domain's objects are in each lifecycle state (KMIP State values); states with none are absent.
    func objectCountsByState(domainID: String) throws -> [UInt32: Int]
    /// Objects of `domainID` whose key is wrapped under a domain-key version below `version` (rotation work).
    func objectsWrapped(domainID: String, belowDomainKeyVersion version: UInt32, limit: Int) throws -> [ObjectRecord]
    func countWrapped(domainID: String, belowDomainKeyVersion version: UInt32) throws -> Int
    func metadata(_ key: String) throws -> [UInt8]?
    /// The rotation in progress for `scope` (`root`, or `domain:<id>`), if one was started and not finished.
    func rotation(scope: String) throws -> RotationRecord?
    /// The client registered with this certificate fingerprint (lowercase hex), revoked or not.
    func client(fingerprint: String) throws -> ClientRecord?
    /// Clients of `domainID` (every client when nil), ordered by domain and name.
    func clients(domainID: String?) throws -> [ClientRecord]
}

public protocol ObjectStoreWriter: ObjectStoreReader {
    func insert(_ domain: DomainRecord) throws
    func update(_ domain: DomainRecord) throws
    func insert(_ object: ObjectRecord) throws
    /// Replaces the row's metadata, names and custom attributes. Never the key material: only rotation
    /// (`replaceWrappedKey`) and Destroy (`eraseWrappedKey`) touch that, so a metadata change racing a rotation
    /// cannot write back a key wrapped under a domain-key version that is about to be destroyed.
    func update(_ object: ObjectRecord) throws
    /// Rotation's compare-and-swap: replaces the wrapped key only if it is still wrapped under `expectedVersion`.
    /// Returns false (and changes nothing) if the object was destroyed or re-wrapped meanwhile.
    func replaceWrappedKey(uid: String, domainID: String, expectedVersion: UInt32, wrappedKey: [UInt8], domainKeyVersion: UInt32) throws -> Bool
    /// Destroy: erases the key material, keeps the metadata.
    func eraseWrappedKey(uid: String, domainID: String) throws
    func setMetadata(_ key: String, _ value: [UInt8]) throws
    func beginRotation(_ rotation: RotationRecord) throws
    func finishRotation(scope: String) throws
    /// Registers a client. `alreadyExists` if the fingerprint, or the name within the domain, is taken.
    func insert(_ client: ClientRecord) throws
    /// Replaces a client's row (role, name, subject, revocation). `notFound` if no client has the fingerprint.
    func update(_ client: ClientRecord) throws
}

extension ObjectStore {
    public func domain(id: String) throws -> DomainRecord? { try read { try $0.domain(id: id) } }
    public func object(uid: String, domainID: String) throws -> ObjectRecord? { try read { try $0.object(uid: uid, domainID: domainID) } }
    public func locate(_ query: ObjectQuery) throws -> [String] { try read { try $0.locate(query) } }
    public func client(fingerprint: String) throws -> ClientRecord? { try read { try $0.client(fingerprint: fingerprint) } }
}
