import KMIP

/// Why one batch item (or a whole message) failed. The code is what the edge maps to a KMIP Result Reason, for
/// the protocol version the client speaks; the message goes to the client as the Result Message, so it names
/// objects and fields and never carries a value (values may be keys, plaintext or passwords).
public struct ServiceError: Error, Hashable, Sendable, CustomStringConvertible {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        fileprivate let name: String
        /// No such object in the caller's domain; another domain's object is reported exactly the same way.
        public static let itemNotFound = Code(name: "itemNotFound")
        /// The key named in a Key Wrapping Specification does not exist in the caller's domain.
        public static let wrappingKeyNotFound = Code(name: "wrappingKeyNotFound")
        /// The caller's role, its domain's state or its domain's policy forbids the operation.
        public static let permissionDenied = Code(name: "permissionDenied")
        /// The message as a whole is malformed.
        public static let invalidMessage = Code(name: "invalidMessage")
        /// A field of the request is missing, malformed, or has a value Keep refuses.
        public static let invalidField = Code(name: "invalidField")
        public static let operationNotSupported = Code(name: "operationNotSupported")
        /// A valid request for something Keep does not do (templates, streamed key wrap, TTLV-encoded wrapping…).
        public static let featureNotSupported = Code(name: "featureNotSupported")
        /// A critical Message Extension Keep does not understand.
        public static let unknownCriticalExtension = Code(name: "unknownCriticalExtension")
        /// A cipher failed: authentication tag or key-wrap integrity check, or a damaged stored record.
        public static let cryptographicFailure = Code(name: "cryptographicFailure")
        /// The object's lifecycle state does not allow the operation.
        public static let wrongLifecycleState = Code(name: "wrongLifecycleState")
        /// The object was destroyed: its metadata remains, its key material does not.
        public static let objectDestroyed = Code(name: "objectDestroyed")
        /// The object was registered without its value (Key Value Present is false): what needs the value fails.
        public static let keyValueNotPresent = Code(name: "keyValueNotPresent")
        public static let keyFormatTypeNotSupported = Code(name: "keyFormatTypeNotSupported")
        public static let keyCompressionTypeNotSupported = Code(name: "keyCompressionTypeNotSupported")
        public static let encodingOptionError = Code(name: "encodingOptionError")
        /// The attribute (or the instance named) is not set on the object.
        public static let attributeNotFound = Code(name: "attributeNotFound")
        /// The server sets this attribute, or it is fixed once the object exists.
        public static let attributeReadOnly = Code(name: "attributeReadOnly")
        /// A second instance of an attribute that has one.
        public static let attributeSingleValued = Code(name: "attributeSingleValued")
        /// Set Attribute on an attribute that may have several instances.
        public static let attributeMultiValued = Code(name: "attributeMultiValued")
        /// An attribute Keep does not manage.
        public static let unsupportedAttribute = Code(name: "unsupportedAttribute")
        /// The key's Cryptographic Usage Mask does not allow this use.
        public static let incompatibleUsageMask = Code(name: "incompatibleUsageMask")
        /// A block cipher mode, padding, algorithm or IV/tag length Keep does not offer.
        public static let unsupportedCryptographicParameters = Code(name: "unsupportedCryptographicParameters")
        /// Cryptographic Parameters whose values no cipher accepts (an AES-GCM tag of 1 or 32 bytes).
        public static let badCryptographicParameters = Code(name: "badCryptographicParameters")
        /// A cipher mode that needs an IV got none (CBC or GCM decryption).
        public static let missingInitializationVector = Code(name: "missingInitializationVector")
        /// A Correlation Value that names no stream of the caller's: never given, finished, failed, expired, or
        /// another client's stream; all answered exactly alike.
        public static let unknownCorrelationValue = Code(name: "unknownCorrelationValue")
        /// The key's Usage Limits do not allow this much more use.
        public static let usageLimitExceeded = Code(name: "usageLimitExceeded")
        public static let responseTooLarge = Code(name: "responseTooLarge")
        /// A server limit (batch items, open streams) was exceeded.
        public static let serverLimitExceeded = Code(name: "serverLimitExceeded")
        public static let unsupportedProtocolVersion = Code(name: "unsupportedProtocolVersion")
        /// What the request would create exists already (a domain, a client's certificate or name).
        public static let alreadyExists = Code(name: "alreadyExists")
        /// The store, the HSM or the random generator failed. The client gets no detail.
        public static let internalError = Code(name: "internalError")
        public var description: String { name }
    }

    public let code: Code
    public let message: String
    public let file: String
    public let line: UInt

    public init(_ code: Code, _ message: String, file: String = #fileID, line: UInt = #line) {
        self.code = code
        self.message = message
        self.file = file
        self.line = line
    }

    public var description: String { "ServiceError.\(code): \(message)" }
    public static func == (lhs: ServiceError, rhs: ServiceError) -> Bool { lhs.code == rhs.code && lhs.message == rhs.message }
    public func hash(into hasher: inout Hasher) { hasher.combine(code); hasher.combine(message) }
}

extension ServiceError.Code {
    /// The Result Reason a client speaking `version` understands. KMIP 2.0 added precise reasons (Attribute Not
    /// Found, Wrong Key Lifecycle State, …); a 1.x client gets the 1.x reason the specification's error tables
    /// give for the same fault, and a 1.0 client never gets a reason added in 1.1 or later.
    public func resultReason(in version: ProtocolVersion) -> ResultReason {
        let v2 = version >= .v2_0
        let v1_1 = version >= .v1_1
        switch self {
        case .itemNotFound: return .itemNotFound
        case .wrappingKeyNotFound: return v2 ? .wrappingObjectNotFound : .itemNotFound
        case .permissionDenied: return .permissionDenied
        case .invalidMessage: return .invalidMessage
        case .invalidField: return .invalidField
        case .operationNotSupported: return .operationNotSupported
        case .featureNotSupported: return .featureNotSupported
        case .unknownCriticalExtension: return v2 ? .unknownMessageExtension : .featureNotSupported
        case .cryptographicFailure: return .cryptographicFailure
        case .wrongLifecycleState: return v2 ? .wrongKeyLifecycleState : .permissionDenied
        // 1.x has no reason for it: the cryptographic object is gone, only its metadata remains, and the KMIP 1.1
        // test case TC-314 answers a Get of a destroyed key with Item Not Found.
        case .objectDestroyed: return v2 ? .objectDestroyed : .itemNotFound
        // Key Value Not Present arrived in 1.2 with Key Value Present and Key Value Location; an older client gets
        // what it gets for a destroyed object's value: only the metadata is here.
        case .keyValueNotPresent: return version >= .v1_2 ? .keyValueNotPresent : .itemNotFound
        case .keyFormatTypeNotSupported: return v1_1 ? .keyFormatTypeNotSupported : .featureNotSupported
        case .keyCompressionTypeNotSupported: return v1_1 ? .keyCompressionTypeNotSupported : .featureNotSupported
        case .encodingOptionError: return v1_1 ? .encodingOptionError : .featureNotSupported
        case .attributeNotFound: return v2 ? .attributeNotFound : .invalidField
        case .attributeReadOnly: return v2 ? .attributeReadOnly : .permissionDenied
        case .attributeSingleValued: return v2 ? .attributeSingleValued : .invalidField
        case .attributeMultiValued: return v2 ? .multiValuedAttribute : .invalidField
        case .unsupportedAttribute: return v2 ? .unsupportedAttribute : .invalidField
        case .incompatibleUsageMask: return v2 ? .incompatibleCryptographicUsageMask : .permissionDenied
        case .unsupportedCryptographicParameters: return v2 ? .unsupportedCryptographicParameters : .featureNotSupported
        // The 1.x reasons for the next two are the ones the KMIP 1.4 test cases give (CS-BC-M-GCM-1 for a tag length
        // no cipher takes, CS-BC-M-11 to 13 for a CBC decryption without its IV); 2.0 added precise reasons.
        case .badCryptographicParameters: return v2 ? .badCryptographicParameters : .generalFailure
        case .missingInitializationVector: return v2 ? .missingInitializationVector : .invalidMessage
        case .usageLimitExceeded: return v2 ? .usageLimitExceeded : .permissionDenied
        // 1.x has no reason for it: what the value names is not there, as an object that is not there is Item Not Found.
        case .unknownCorrelationValue: return v2 ? .invalidCorrelationValue : .itemNotFound
        case .responseTooLarge: return .responseTooLarge
        case .serverLimitExceeded: return v2 ? .serverLimitExceeded : .invalidMessage
        case .unsupportedProtocolVersion: return v2 ? .unsupportedProtocolVersion : .invalidMessage
        case .alreadyExists: return version >= .v1_4 ? .objectAlreadyExists : .invalidField
        case .internalError: return v2 ? .internalServerError : .generalFailure
        default: return .generalFailure
        }
    }
}
