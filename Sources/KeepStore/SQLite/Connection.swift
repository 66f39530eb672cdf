internal import CSQLite

/// One SQLite connection. Owned by exactly one user at a time (the store hands connections out under a lock),
/// so it is `@unchecked Sendable`: it may move between threads but is never used by two at once.
final class Connection: @unchecked Sendable {
    private let handle: OpaquePointer
    private var statementCache: [String: Statement] = [:]

    /// SQLite waits this long for a competing writer before reporting `busy`. Long enough to ride out a
    /// checkpoint; short enough that a wedged writer turns into an error instead of a hung request.
    static let busyTimeoutMilliseconds: Int32 = 5_000

    init(path: String, readOnly: Bool = false) throws(StoreError) {
        var db: OpaquePointer?
        let flags = (readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) | SQLITE_OPEN_NOMUTEX
        let rc = sqlite3_open_v2(path, &db, flags, nil)
        guard rc == SQLITE_OK, let db else {
            let reason = db.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot allocate a connection"
            if let db { sqlite3_close_v2(db) }
            throw StoreError(Self.code(for: rc), "opening \(path): \(reason)")
        }
        handle = db
        sqlite3_extended_result_codes(db, 1)
        sqlite3_busy_timeout(db, Self.busyTimeoutMilliseconds)
    }

    deinit {
        statementCache.removeAll()
        sqlite3_close_v2(handle)
    }

    /// Runs one or more statements that return no rows.
    func execute(_ sql: String) throws(StoreError) {
        var message: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(handle, sql, nil, nil, &message)
        if rc != SQLITE_OK {
            let reason = message.map { String(cString: $0) } ?? String(cString: sqlite3_errmsg(handle))
            sqlite3_free(message)
            throw StoreError(Self.code(for: rc), reason)
        }
    }

    /// A prepared statement, cached by its text: the server runs the same few statements millions of times.
    func statement(_ sql: String) throws(StoreError) -> Statement {
        if let cached = statementCache[sql] {
            cached.reset()
            return cached
        }
        var raw: OpaquePointer?
        let rc = sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &raw, nil)
        guard rc == SQLITE_OK, let raw else { throw error(rc, "preparing statement") }
        let statement = Statement(raw, connection: self)
        statementCache[sql] = statement
        return statement
    }

    /// Runs `body` in a transaction: committed if it returns, rolled back if it throws.
    /// `BEGIN IMMEDIATE` takes the write lock up front so two writers never deadlock upgrading a read lock.
    func transaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN IMMEDIATE")
        do {
            let result = try body()
            resetStatements()
            try execute("COMMIT")
            return result
        } catch {
            resetStatements()
            try? execute("ROLLBACK")
            throw error
        }
    }

    /// Runs `body` in a read transaction: one consistent snapshot across several queries.
    func readTransaction<T>(_ body: () throws -> T) throws -> T {
        try statement("BEGIN DEFERRED").run()
        let result: T
        do {
            result = try body()
        } catch {
            resetStatements()
            rollback()
            throw error
        }
        resetStatements()
        try statement("COMMIT").run()
        return result
    }

    // MARK: Transaction control for group commit (prepared once: `execute` would parse the text every time)

    /// Opens a write transaction, taking the write lock now (see `transaction`).
    func begin() throws(StoreError) { try statement("BEGIN IMMEDIATE").run() }
    func commit() throws(StoreError) { try statement("COMMIT").run() }
    /// Rolls back the open transaction, if there still is one (SQLite may have rolled it back itself).
    func rollback() {
        if isInTransaction { try? execute("ROLLBACK") }
    }
    /// One writer's changes inside a shared transaction: `releaseSavepoint` keeps them, `rollbackToSavepoint` undoes them.
    func savepoint() throws(StoreError) { try statement("SAVEPOINT keep_write").run() }
    func releaseSavepoint() throws(StoreError) { try statement("RELEASE keep_write").run() }
    func rollbackToSavepoint() throws(StoreError) { try statement("ROLLBACK TO keep_write").run() }

    /// False outside a transaction, including after SQLite rolled one back on its own (disk full, I/O error).
    var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

    /// A cached statement left mid-step keeps its transaction's snapshot open; every transaction ends by
    /// resetting them all so the next one sees current data.
    func resetStatements() {
        for statement in statementCache.values { statement.reset() }
    }

    var changes: Int { Int(sqlite3_changes(handle)) }

    func error(_ rc: Int32, _ context: String) -> StoreError {
        StoreError(Self.code(for: rc), "\(context): \(String(cString: sqlite3_errmsg(handle)))")
    }

    static func code(for rc: Int32) -> StoreError.Code {
        switch rc & 0xFF {
        case SQLITE_FULL: .full
        case SQLITE_CORRUPT, SQLITE_NOTADB: .corrupt
        case SQLITE_BUSY, SQLITE_LOCKED: .busy
        case SQLITE_IOERR, SQLITE_CANTOPEN, SQLITE_PERM, SQLITE_READONLY: .io
        case SQLITE_CONSTRAINT: .alreadyExists
        default: .database
        }
    }
}

/// A prepared statement. Values are bound by 1-based index; text and blobs are copied by SQLite.
final class Statement {
    private let handle: OpaquePointer
    private unowned let connection: Connection

    /// SQLITE_TRANSIENT is a cast macro Swift cannot import: it tells SQLite to copy the bound bytes.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    init(_ handle: OpaquePointer, connection: Connection) {
        self.handle = handle
        self.connection = connection
    }

    deinit { sqlite3_finalize(handle) }

    func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    @discardableResult
    func bind(_ values: SQLValue?...) throws(StoreError) -> Statement {
        try bind(values)
    }

    @discardableResult
    func bind(_ values: [SQLValue?]) throws(StoreError) -> Statement {
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let rc: Int32
            switch value {
            case nil, .null?: rc = sqlite3_bind_null(handle, index)
            case .integer(let v)?: rc = sqlite3_bind_int64(handle, index, v)
            case .text(let v)?: rc = sqlite3_bind_text(handle, index, v, -1, Self.transient)
            case .blob(let v)?:
                rc = v.withUnsafeBytes { sqlite3_bind_blob(handle, index, $0.baseAddress, Int32($0.count), Self.transient) }
            }
            guard rc == SQLITE_OK else { throw connection.error(rc, "binding parameter \(index)") }
        }
        return self
    }

    /// Steps once: true while there is a row to read.
    func step() throws(StoreError) -> Bool {
        let rc = sqlite3_step(handle)
        switch rc {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw connection.error(rc, "executing statement")
        }
    }

    /// Runs a statement that returns no rows.
    func run() throws(StoreError) {
        while try step() {}
    }

    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }
    func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }
    func optionalInt64(_ column: Int32) -> Int64? { isNull(column) ? nil : int64(column) }

    func text(_ column: Int32) -> String {
        guard let raw = sqlite3_column_text(handle, column) else { return "" }
        return String(cString: raw)
    }

    func optionalText(_ column: Int32) -> String? { isNull(column) ? nil : text(column) }

    func blob(_ column: Int32) -> [UInt8] {
        let count = Int(sqlite3_column_bytes(handle, column))
        guard count > 0, let raw = sqlite3_column_blob(handle, column) else { return [] }
        return Array(UnsafeRawBufferPointer(start: raw, count: count))
    }

    func optionalBlob(_ column: Int32) -> [UInt8]? { isNull(column) ? nil : blob(column) }
}

/// A value bound to a statement parameter.
enum SQLValue: Hashable, Sendable {
    case null
    case integer(Int64)
    case text(String)
    case blob([UInt8])
}

extension SQLValue {
    static func int<T: BinaryInteger>(_ v: T?) -> SQLValue { v.map { .integer(Int64($0)) } ?? .null }
    static func string(_ v: String?) -> SQLValue { v.map { .text($0) } ?? .null }
    static func bytes(_ v: [UInt8]?) -> SQLValue { v.map { .blob($0) } ?? .null }
}
