/// An error from the object store. The code is what callers (and the server's KMIP edge) switch on;
/// the reason is for logs and never contains key material or attribute values.
public struct StoreError: Error, Hashable, Sendable, CustomStringConvertible {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        fileprivate let name: String
        /// The requested object or domain does not exist (or is not visible to the caller).
        public static let notFound = Code(name: "notFound")
        /// A row with this identifier or unique name already exists.
        public static let alreadyExists = Code(name: "alreadyExists")
        /// The database is full or the disk is: nothing was written.
        public static let full = Code(name: "full")
        /// The database file is damaged or is not a Keep store.
        public static let corrupt = Code(name: "corrupt")
        /// Another writer held the database for longer than the busy timeout.
        public static let busy = Code(name: "busy")
        /// The schema is newer than this build understands: refuse rather than guess.
        public static let schemaTooNew = Code(name: "schemaTooNew")
        /// A read or write failed at the operating-system level (permissions, I/O error).
        public static let io = Code(name: "io")
        /// A stored value could not be decoded.
        public static let invalidRecord = Code(name: "invalidRecord")
        /// Any other SQLite failure.
        public static let database = Code(name: "database")
        public var description: String { name }
    }

    public let code: Code
    public let reason: String
    public let file: String
    public let line: UInt

    public init(_ code: Code, _ reason: String, file: String = #fileID, line: UInt = #line) {
        self.code = code
        self.reason = reason
        self.file = file
        self.line = line
    }

    public var description: String { "StoreError.\(code): \(reason)" }
    public static func == (lhs: StoreError, rhs: StoreError) -> Bool { lhs.code == rhs.code && lhs.reason == rhs.reason }
    public func hash(into hasher: inout Hasher) { hasher.combine(code); hasher.combine(reason) }
}
