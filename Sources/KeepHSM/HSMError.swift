/// An error from the HSM. The reason never contains a PIN or key bytes.
public struct HSMError: Error, Hashable, Sendable, CustomStringConvertible {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        fileprivate let name: String
        /// The PIN does not open this partition.
        public static let wrongPIN = Code(name: "wrongPIN")
        /// No PIN was supplied (neither the environment variable nor the PIN file), or it is unusable.
        public static let pinUnavailable = Code(name: "pinUnavailable")
        /// The partition file is damaged, truncated or altered.
        public static let corruptPartition = Code(name: "corruptPartition")
        /// The partition file has a format version this build does not read.
        public static let unsupportedVersion = Code(name: "unsupportedVersion")
        /// `init` found a partition already there and refused to overwrite it.
        public static let partitionExists = Code(name: "partitionExists")
        /// There is no partition at the path.
        public static let noPartition = Code(name: "noPartition")
        /// Another process has the partition open.
        public static let partitionInUse = Code(name: "partitionInUse")
        public static let keyNotFound = Code(name: "keyNotFound")
        public static let keyExists = Code(name: "keyExists")
        public static let invalidLabel = Code(name: "invalidLabel")
        /// A wrapped key did not unwrap under this handle and context: altered, or moved from elsewhere.
        public static let unwrapFailed = Code(name: "unwrapFailed")
        /// Reading or writing the partition failed (permissions, full disk). Nothing was changed.
        public static let io = Code(name: "io")
        /// A cryptographic operation failed for another reason.
        public static let crypto = Code(name: "crypto")
        public var description: String { name }
    }

    public let code: Code
    public let reason: String

    public init(_ code: Code, _ reason: String) {
        self.code = code
        self.reason = reason
    }

    public var description: String { "HSMError.\(code): \(reason)" }
}
