#if canImport(Glibc)
import Glibc
#endif
import KMIP

/// Why a VM workflow stopped. `code` says what kind of failure; `failures` lists every unmet prerequisite at
/// once; a key provider's refusal carries the KMIP Result Reason and Message. Texts name VMs, disks, files and
/// key identifiers, never a key.
public struct VMError: Error, Sendable, CustomStringConvertible {
    public struct Code: Hashable, Sendable, CustomStringConvertible, Codable {
        public let name: String
        /// The descriptor (or a key-provider file) cannot be read or is not valid.
        public static let invalidDescriptor = Code(name: "invalidDescriptor")
        /// One or more prerequisites are not met (all are in `failures`); nothing was changed.
        public static let prerequisitesNotMet = Code(name: "prerequisitesNotMet")
        /// keepd refused, or could not be reached (see `kmip`).
        public static let keyProvider = Code(name: "keyProvider")
        /// A wrapped key does not belong to this VM, or did not unwrap to the key recorded.
        public static let keyMismatch = Code(name: "keyMismatch")
        /// Reading or writing a disk, the journal or the descriptor failed.
        public static let disk = Code(name: "disk")
        /// The journal of an interrupted operation is unreadable or does not match the VM.
        public static let journal = Code(name: "journal")
        /// An operation the VM's state does not allow (e.g. open a range past the disk's end).
        public static let invalidRequest = Code(name: "invalidRequest")
        public var description: String { name }
    }

    public let code: Code
    public let reason: String
    public let failures: [PrerequisiteFailure]
    public let kmip: KMIPClientError?

    public init(_ code: Code, _ reason: String, failures: [PrerequisiteFailure] = [], kmip: KMIPClientError? = nil) {
        self.code = code
        self.reason = reason
        self.failures = failures
        self.kmip = kmip
    }

    /// The KMIP Result Reason, when keepd refused.
    public var resultReason: ResultReason? { kmip?.resultReason }

    static func system(_ what: String) -> VMError {
        let number = errno
        return VMError(.disk, "\(what): \(String(cString: strerror(number))) (errno \(number))")
    }

    static func keyProvider(_ what: String, _ error: KMIPClientError) -> VMError {
        VMError(.keyProvider, "\(what): \(error)", kmip: error)
    }

    public var description: String {
        guard !failures.isEmpty else { return reason }
        return ([reason] + failures.map { "  - \($0.problem)\n    what to do: \($0.remedy)" }).joined(separator: "\n")
    }
}
