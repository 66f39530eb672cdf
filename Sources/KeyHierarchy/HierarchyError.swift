/// An error from the key hierarchy. The code is what the server maps to a KMIP Result Reason; the reason is
/// safe to log (identifiers only, never key material).
public struct HierarchyError: Error, Hashable, Sendable, CustomStringConvertible {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        fileprivate let name: String
        public static let domainNotFound = Code(name: "domainNotFound")
        public static let domainExists = Code(name: "domainExists")
        /// The domain is disabled: nothing in it is served.
        public static let domainDisabled = Code(name: "domainDisabled")
        /// The tenant's subscription is suspended: no new keys, existing ones still served.
        public static let subscriptionSuspended = Code(name: "subscriptionSuspended")
        /// No such object in this domain (objects of other domains are reported the same way).
        public static let objectNotFound = Code(name: "objectNotFound")
        /// The operation is not allowed in the object's lifecycle state.
        public static let wrongLifecycleState = Code(name: "wrongLifecycleState")
        /// The domain's policy forbids it (e.g. exporting a KEK in the clear).
        public static let permissionDenied = Code(name: "permissionDenied")
        /// The request is malformed for this operation (bad length, unsupported algorithm, bad identifier).
        public static let invalidRequest = Code(name: "invalidRequest")
        /// The object has no key material (destroyed, or not a key).
        public static let keyMaterialUnavailable = Code(name: "keyMaterialUnavailable")
        /// The object was registered without its value (Key Value Present is false): Keep never held it.
        public static let keyValueNotPresent = Code(name: "keyValueNotPresent")
        /// The object holds a value its client registered wrapped under another key: the bytes stored are not
        /// the key, and only the server, with the wrapping key, can turn them into it.
        public static let registeredWrapped = Code(name: "registeredWrapped")
        /// A stored record failed to decode or to unwrap: damaged, or moved from another object or tenant.
        public static let corruptRecord = Code(name: "corruptRecord")
        /// The HSM partition is not the one this store was used with, or is an older copy of it (its
        /// generation is below the one the store last recorded): refusing to serve keeps destroyed key versions
        /// from coming back.
        public static let partitionMismatch = Code(name: "partitionMismatch")
        /// The HSM or the store failed; see the reason.
        public static let backend = Code(name: "backend")
        public var description: String { name }
    }

    public let code: Code
    public let reason: String
    /// The underlying HSM or store error, when there is one.
    public let underlying: (any Error)?

    public init(_ code: Code, _ reason: String, underlying: (any Error)? = nil) {
        self.code = code
        self.reason = reason
        self.underlying = underlying
    }

    public var description: String { "HierarchyError.\(code): \(reason)" }
    public static func == (lhs: HierarchyError, rhs: HierarchyError) -> Bool { lhs.code == rhs.code && lhs.reason == rhs.reason }
    public func hash(into hasher: inout Hasher) { hasher.combine(code); hasher.combine(reason) }
}
