import KeepSync

/// The embedded store: one SQLite file in WAL mode with `synchronous=FULL`, so a committed transaction survives
/// power loss. One writer connection (SQLite allows one writer at a time anyway), whose writes are committed in
/// groups (`GroupCommit`: concurrent writers share one transaction and one fsync), and a pool of readers, which WAL
/// lets run concurrently with the writer.
public final class SQLiteObjectStore: ObjectStore {
    public let path: String
    private let writer: Locked<Connection>
    private let groupCommit: GroupCommit
    private let readers: Locked<[Connection]>

    /// Readers kept open for reuse; more are opened on demand under load and closed when the pool is full.
    /// A reader is out of the pool only for one read transaction, but a thread holding one can be preempted, so a
    /// thread-per-connection server on two cores has as many out at once as it has busy threads: with 8, sixteen
    /// connections opened and closed a connection (parsing the schema and every statement again) on most
    /// requests. Each keeps at most SQLite's default 2 MB page cache, filled on demand.
    static let pooledReaders = 32

    /// Opens (creating if absent) the store at `path` and brings its schema up to date.
    public convenience init(path: String) throws {
        try self.init(path: path, schemaVersion: Schema.latestVersion, maxPageCount: nil)
    }

    /// For tests: stop at an older schema version, cap the file size to simulate a full disk, fail commits.
    init(path: String, schemaVersion: Int, maxPageCount: Int?, faultInjector: (@Sendable (String) throws -> Void)? = nil) throws {
        self.path = path
        let connection = try Connection(path: path)
        if let maxPageCount { try connection.execute("PRAGMA max_page_count = \(maxPageCount)") }
        // WAL: readers never block the writer. FULL: fsync the WAL on every commit (nothing acknowledged is lost).
        try connection.execute("""
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = FULL;
            PRAGMA foreign_keys = ON;
            """)
        try Self.migrate(connection, to: schemaVersion)
        writer = Locked(connection)
        groupCommit = GroupCommit(connection: writer, faultInjector: faultInjector)
        readers = Locked([])
    }

    /// The schema version a store file is at (0 for a new file).
    static func schemaVersion(_ connection: Connection) throws -> Int {
        try connection.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL) STRICT")
        let statement = try connection.statement("SELECT MAX(version) FROM schema_version")
        return try statement.step() ? Int(statement.optionalInt64(0) ?? 0) : 0
    }

    static func migrate(_ connection: Connection, to target: Int = Schema.latestVersion) throws {
        let current = try schemaVersion(connection)
        guard current <= Schema.latestVersion else {
            throw StoreError(.schemaTooNew, "store schema version \(current) is newer than this build's \(Schema.latestVersion)")
        }
        for migration in Schema.migrations where migration.version > current && migration.version <= target {
            try connection.transaction {
                try connection.execute(migration.sql)
                try connection.statement("INSERT INTO schema_version (version) VALUES (?)").bind(.integer(Int64(migration.version))).run()
            }
        }
    }

    public func read<T>(_ body: (any ObjectStoreReader) throws -> T) throws -> T {
        let connection = try checkOutReader()
        defer { checkIn(connection) }
        return try connection.readTransaction { try body(SQLiteTransaction(connection: connection)) }
    }

    public func write<T>(_ body: (any ObjectStoreWriter) throws -> T) throws -> T {
        try groupCommit.write(body)
    }

    /// Writers waiting for a group, and the groups and writes committed so far (for tests).
    var waitingWriters: Int { groupCommit.waitingCount }
    var groupCommitStatistics: (groups: Int, writes: Int) { groupCommit.statistics }

    public func integrityCheck() throws -> [String] {
        try writer.withLock { connection throws -> [String] in
            var problems: [String] = []
            for pragma in ["PRAGMA integrity_check", "PRAGMA foreign_key_check"] {
                let statement = try connection.statement(pragma)
                while try statement.step() {
                    let line = statement.text(0)
                    if line != "ok" { problems.append("\(pragma): \(line)") }
                }
            }
            return problems
        }
    }

    private func checkOutReader() throws -> Connection {
        if let pooled = readers.withLock({ $0.popLast() }) { return pooled }
        let connection = try Connection(path: path)
        try connection.execute("PRAGMA foreign_keys = ON")
        return connection
    }

    private func checkIn(_ connection: Connection) {
        readers.withLock { pool in
            if pool.count < Self.pooledReaders { pool.append(connection) }
        }
    }
}

/// Queries and changes on one connection inside one transaction.
struct SQLiteTransaction: ObjectStoreWriter {
    let connection: Connection

    // MARK: Domains

    private static let domainColumns = "id, display_name, enabled, subscription_active, domain_key_version, allows_key_export, requires_client_auth_usage, created_at, updated_at"

    func domain(id: String) throws -> DomainRecord? {
        let statement = try connection.statement("SELECT \(Self.domainColumns) FROM domains WHERE id = ?").bind(.text(id))
        return try statement.step() ? Self.domain(from: statement) : nil
    }

    func domains() throws -> [DomainRecord] {
        let statement = try connection.statement("SELECT \(Self.domainColumns) FROM domains ORDER BY id")
        var result: [DomainRecord] = []
        while try statement.step() { result.append(Self.domain(from: statement)) }
        return result
    }

    func insert(_ domain: DomainRecord) throws {
        try connection.statement("INSERT INTO domains (\(Self.domainColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .bind(Self.values(of: domain)).run()
    }

    func update(_ domain: DomainRecord) throws {
        try connection.statement("""
            UPDATE domains SET display_name = ?2, enabled = ?3, subscription_active = ?4, domain_key_version = ?5,
                allows_key_export = ?6, requires_client_auth_usage = ?7, created_at = ?8, updated_at = ?9 WHERE id = ?1
            """).bind(Self.values(of: domain)).run()
        guard connection.changes == 1 else { throw StoreError(.notFound, "no domain \(domain.id)") }
    }

    private static func values(of d: DomainRecord) -> [SQLValue?] {
        [.text(d.id), .text(d.displayName), .int(d.enabled ? 1 : 0), .int(d.subscriptionActive ? 1 : 0),
         .int(d.domainKeyVersion), .int(d.allowsKeyExport ? 1 : 0), .int(d.requiresClientAuthUsage ? 1 : 0),
         .integer(d.createdAt), .integer(d.updatedAt)]
    }

    private static func domain(from s: Statement) -> DomainRecord {
        DomainRecord(id: s.text(0), displayName: s.text(1), enabled: s.int64(2) != 0, subscriptionActive: s.int64(3) != 0,
                     domainKeyVersion: UInt32(truncatingIfNeeded: s.int64(4)), allowsKeyExport: s.int64(5) != 0,
                     requiresClientAuthUsage: s.int64(6) != 0, createdAt: s.int64(7), updatedAt: s.int64(8))
    }

    // MARK: Objects

    private static let objectColumns = "seq, uid, domain_id, object_type, state, algorithm, length, wrapped_key, domain_key_version, attributes, created_at, updated_at"

    func object(uid: String, domainID: String) throws -> ObjectRecord? {
        let statement = try connection.statement("SELECT \(Self.objectColumns) FROM objects WHERE uid = ? AND domain_id = ?")
            .bind(.text(uid), .text(domainID))
        guard try statement.step() else { return nil }
        return try completeObject(from: statement)
    }

    func insert(_ object: ObjectRecord) throws {
        try connection.statement("""
            INSERT INTO objects (uid, domain_id, object_type, state, algorithm, length, wrapped_key, domain_key_version,
                attributes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).bind(Self.values(of: object)).run()
        let seq = try sequence(of: object)
        try insertIndexes(of: object, seq: seq)
    }

    func update(_ object: ObjectRecord) throws {
        try connection.statement("""
            UPDATE objects SET object_type = ?3, state = ?4, algorithm = ?5, length = ?6,
                attributes = ?9, created_at = ?10, updated_at = ?11
            WHERE uid = ?1 AND domain_id = ?2
            """).bind(Self.values(of: object)).run()
        guard connection.changes == 1 else { throw StoreError(.notFound, "no object \(object.uid) in domain \(object.domainID)") }
        let seq = try sequence(of: object)
        try connection.statement("DELETE FROM object_names WHERE object_seq = ?").bind(.integer(seq)).run()
        try connection.statement("DELETE FROM object_custom_attributes WHERE object_seq = ?").bind(.integer(seq)).run()
        try insertIndexes(of: object, seq: seq)
    }

    func replaceWrappedKey(uid: String, domainID: String, expectedVersion: UInt32, wrappedKey: [UInt8], domainKeyVersion: UInt32) throws -> Bool {
        try connection.statement("""
            UPDATE objects SET wrapped_key = ?, domain_key_version = ?
            WHERE uid = ? AND domain_id = ? AND wrapped_key IS NOT NULL AND domain_key_version = ?
            """).bind(.blob(wrappedKey), .int(domainKeyVersion), .text(uid), .text(domainID), .int(expectedVersion)).run()
        return connection.changes == 1
    }

    func eraseWrappedKey(uid: String, domainID: String) throws {
        try connection.statement("UPDATE objects SET wrapped_key = NULL, domain_key_version = NULL WHERE uid = ? AND domain_id = ?")
            .bind(.text(uid), .text(domainID)).run()
        guard connection.changes == 1 else { throw StoreError(.notFound, "no object \(uid) in domain \(domainID)") }
    }

    func locate(_ q: ObjectQuery) throws -> [String] {
        var sql = "SELECT o.uid FROM objects o"
        var where_ = ["o.domain_id = ?"]
        var values: [SQLValue?] = [.text(q.domainID)]
        if let name = q.name {
            sql += " JOIN object_names n ON n.object_seq = o.seq AND n.domain_id = o.domain_id AND n.name = ?"
            values.insert(.text(name), at: 0)
        }
        if let custom = q.customAttribute {
            sql += " JOIN object_custom_attributes c ON c.object_seq = o.seq AND c.domain_id = o.domain_id AND c.name = ? AND c.value = ?"
            values.insert(contentsOf: [.text(custom.name), .text(custom.value)], at: q.name == nil ? 0 : 1)
        }
        if let v = q.objectType { where_.append("o.object_type = ?"); values.append(.int(v)) }
        if let v = q.state { where_.append("o.state = ?"); values.append(.int(v)) }
        if !q.excludedStates.isEmpty {
            where_.append("o.state NOT IN (" + q.excludedStates.map { _ in "?" }.joined(separator: ", ") + ")")
            values += q.excludedStates.map { .int($0) }
        }
        if let v = q.algorithm { where_.append("o.algorithm = ?"); values.append(.int(v)) }
        if let v = q.length { where_.append("o.length = ?"); values.append(.int(v)) }
        sql += " WHERE " + where_.joined(separator: " AND ") + " GROUP BY o.seq ORDER BY o.seq LIMIT ? OFFSET ?"
        values.append(.integer(Int64(q.limit ?? -1)))
        values.append(.integer(Int64(q.offset)))
        let statement = try connection.statement(sql).bind(values)
        var result: [String] = []
        while try statement.step() { result.append(statement.text(0)) }
        return result
    }

    func objectCount(domainID: String) throws -> Int {
        let statement = try connection.statement("SELECT COUNT(*) FROM objects WHERE domain_id = ?").bind(.text(domainID))
        return try statement.step() ? Int(statement.int64(0)) : 0
    }

    func objectCountsByState(domainID: String) throws -> [UInt32: Int] {
        let statement = try connection.statement("SELECT state, COUNT(*) FROM objects WHERE domain_id = ? GROUP BY state").bind(.text(domainID))
        var counts: [UInt32: Int] = [:]
        while try statement.step() { counts[UInt32(truncatingIfNeeded: statement.int64(0))] = Int(statement.int64(1)) }
        return counts
    }

    func objectsWrapped(domainID: String, belowDomainKeyVersion version: UInt32, limit: Int) throws -> [ObjectRecord] {
        let statement = try connection.statement("""
            SELECT \(Self.objectColumns) FROM objects
            WHERE domain_id = ? AND domain_key_version IS NOT NULL AND domain_key_version < ? ORDER BY seq LIMIT ?
            """).bind(.text(domainID), .int(version), .int(limit))
        var rows: [(Int64, ObjectRecord)] = []
        while try statement.step() { rows.append((statement.int64(0), Self.object(from: statement))) }
        return try rows.map { try withIndexes($0.1, seq: $0.0) }
    }

    func countWrapped(domainID: String, belowDomainKeyVersion version: UInt32) throws -> Int {
        let statement = try connection.statement("""
            SELECT COUNT(*) FROM objects WHERE domain_id = ? AND domain_key_version IS NOT NULL AND domain_key_version < ?
            """).bind(.text(domainID), .int(version))
        return try statement.step() ? Int(statement.int64(0)) : 0
    }

    // MARK: Metadata

    func metadata(_ key: String) throws -> [UInt8]? {
        let statement = try connection.statement("SELECT value FROM metadata WHERE key = ?").bind(.text(key))
        return try statement.step() ? statement.blob(0) : nil
    }

    func setMetadata(_ key: String, _ value: [UInt8]) throws {
        try connection.statement("INSERT INTO metadata (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")
            .bind(.text(key), .blob(value)).run()
    }

    // MARK: Rotations

    func rotation(scope: String) throws -> RotationRecord? {
        let statement = try connection.statement("SELECT from_version, to_version, started_at FROM rotations WHERE scope = ?").bind(.text(scope))
        guard try statement.step() else { return nil }
        return RotationRecord(scope: scope, fromVersion: UInt32(truncatingIfNeeded: statement.int64(0)),
                              toVersion: UInt32(truncatingIfNeeded: statement.int64(1)), startedAt: statement.int64(2))
    }

    func beginRotation(_ r: RotationRecord) throws {
        try connection.statement("INSERT INTO rotations (scope, from_version, to_version, started_at) VALUES (?, ?, ?, ?)")
            .bind(.text(r.scope), .int(r.fromVersion), .int(r.toVersion), .integer(r.startedAt)).run()
    }

    func finishRotation(scope: String) throws {
        try connection.statement("DELETE FROM rotations WHERE scope = ?").bind(.text(scope)).run()
    }

    // MARK: Clients

    private static let clientColumns = "fingerprint, domain_id, role, name, subject, self_signed, revoked, created_at, revoked_at, wire_profile"

    func client(fingerprint: String) throws -> ClientRecord? {
        let statement = try connection.statement("SELECT \(Self.clientColumns) FROM clients WHERE fingerprint = ?").bind(.text(fingerprint))
        return try statement.step() ? Self.client(from: statement) : nil
    }

    func clients(domainID: String?) throws -> [ClientRecord] {
        let statement: Statement
        if let domainID {
            statement = try connection.statement("SELECT \(Self.clientColumns) FROM clients WHERE domain_id = ? ORDER BY name").bind(.text(domainID))
        } else {
            statement = try connection.statement("SELECT \(Self.clientColumns) FROM clients ORDER BY domain_id, name")
        }
        var result: [ClientRecord] = []
        while try statement.step() { result.append(Self.client(from: statement)) }
        return result
    }

    func insert(_ client: ClientRecord) throws {
        try connection.statement("INSERT INTO clients (\(Self.clientColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .bind(Self.values(of: client)).run()
    }

    func update(_ client: ClientRecord) throws {
        try connection.statement("""
            UPDATE clients SET domain_id = ?2, role = ?3, name = ?4, subject = ?5, self_signed = ?6, revoked = ?7,
                created_at = ?8, revoked_at = ?9, wire_profile = ?10 WHERE fingerprint = ?1
            """).bind(Self.values(of: client)).run()
        guard connection.changes == 1 else { throw StoreError(.notFound, "no client with that fingerprint") }
    }

    private static func values(of c: ClientRecord) -> [SQLValue?] {
        [.text(c.fingerprint), .text(c.domainID), .text(c.role), .text(c.name), .text(c.subject), .int(c.selfSigned ? 1 : 0),
         .int(c.revoked ? 1 : 0), .integer(c.createdAt), .int(c.revokedAt), .text(c.wireProfile)]
    }

    private static func client(from s: Statement) -> ClientRecord {
        ClientRecord(fingerprint: s.text(0), domainID: s.text(1), role: s.text(2), name: s.text(3), subject: s.text(4),
                     selfSigned: s.int64(5) != 0, revoked: s.int64(6) != 0, createdAt: s.int64(7), revokedAt: s.optionalInt64(8),
                     wireProfile: s.text(9))
    }

    // MARK: Helpers

    private static func values(of o: ObjectRecord) -> [SQLValue?] {
        [.text(o.uid), .text(o.domainID), .int(o.objectType), .int(o.state), .int(o.algorithm), .int(o.length),
         .bytes(o.wrappedKey), .int(o.domainKeyVersion), .blob(o.attributes), .integer(o.createdAt), .integer(o.updatedAt)]
    }

    private static func object(from s: Statement) -> ObjectRecord {
        ObjectRecord(uid: s.text(1), domainID: s.text(2), objectType: UInt32(truncatingIfNeeded: s.int64(3)),
                     state: UInt32(truncatingIfNeeded: s.int64(4)), algorithm: s.optionalInt64(5).map { UInt32(truncatingIfNeeded: $0) },
                     length: s.optionalInt64(6).map { Int32(truncatingIfNeeded: $0) }, wrappedKey: s.optionalBlob(7),
                     domainKeyVersion: s.optionalInt64(8).map { UInt32(truncatingIfNeeded: $0) }, attributes: s.blob(9),
                     createdAt: s.int64(10), updatedAt: s.int64(11))
    }

    private func completeObject(from statement: Statement) throws -> ObjectRecord {
        let seq = statement.int64(0)
        let object = Self.object(from: statement)
        return try withIndexes(object, seq: seq)
    }

    private func withIndexes(_ object: ObjectRecord, seq: Int64) throws -> ObjectRecord {
        var object = object
        let names = try connection.statement("SELECT name FROM object_names WHERE object_seq = ? ORDER BY name").bind(.integer(seq))
        while try names.step() { object.names.append(names.text(0)) }
        let customs = try connection.statement("SELECT name, idx, value FROM object_custom_attributes WHERE object_seq = ? ORDER BY name, idx")
            .bind(.integer(seq))
        while try customs.step() {
            object.customAttributes.append(CustomAttribute(name: customs.text(0), index: Int(customs.int64(1)), value: customs.text(2)))
        }
        return object
    }

    private func sequence(of object: ObjectRecord) throws -> Int64 {
        let statement = try connection.statement("SELECT seq FROM objects WHERE uid = ? AND domain_id = ?").bind(.text(object.uid), .text(object.domainID))
        guard try statement.step() else { throw StoreError(.notFound, "no object \(object.uid)") }
        return statement.int64(0)
    }

    private func insertIndexes(of object: ObjectRecord, seq: Int64) throws {
        for name in Set(object.names) {
            try connection.statement("INSERT INTO object_names (object_seq, domain_id, name) VALUES (?, ?, ?)")
                .bind(.integer(seq), .text(object.domainID), .text(name)).run()
        }
        for custom in object.customAttributes {
            try connection.statement("INSERT INTO object_custom_attributes (object_seq, domain_id, name, idx, value) VALUES (?, ?, ?, ?, ?)")
                .bind(.integer(seq), .text(object.domainID), .text(custom.name), .int(custom.index), .text(custom.value)).run()
        }
    }
}
