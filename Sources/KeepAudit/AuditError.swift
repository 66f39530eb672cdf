/// An error from the audit log. The reason names files, sequence numbers and system errors; never a record's
/// contents beyond identifiers, never key material.
public struct AuditError: Error, Hashable, Sendable, CustomStringConvertible {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        fileprivate let name: String
        /// Writing or syncing the log failed (disk full, I/O error, permissions). The records were not recorded.
        public static let io = Code(name: "io")
        /// An earlier failure left the log in a state no further record can safely follow (a failed fsync); keepd
        /// must be restarted, which recovers the log from what is on disk.
        public static let unavailable = Code(name: "unavailable")
        /// The log was closed (shutdown checkpoint written); nothing more is appended.
        public static let closed = Code(name: "closed")
        /// The files on disk are damaged or were altered; `reason` says where. keepd does not append to such a log.
        public static let corrupt = Code(name: "corrupt")
        /// Another process has this log open for writing.
        public static let inUse = Code(name: "inUse")
        /// The HSM failed to derive a MAC key or to sign a checkpoint.
        public static let keys = Code(name: "keys")
        /// A record field exceeds the format's limits, or an argument is invalid.
        public static let invalidInput = Code(name: "invalidInput")
        /// No signed checkpoint covers what was asked for yet (a live log between checkpoints).
        public static let notCovered = Code(name: "notCovered")
        public var description: String { name }
    }

    public let code: Code
    public let reason: String

    public init(_ code: Code, _ reason: String) {
        self.code = code
        self.reason = reason
    }

    public var description: String { "AuditError.\(code): \(reason)" }
}
