import KMIP

/// Why a KMIP call failed. `code` says what kind of failure it was; a refusal by the server carries its Result
/// Reason and Result Message. The texts name operations, objects and endpoints, never a value: requests and
/// responses carry keys.
public struct KMIPClientError: Error, Sendable, CustomStringConvertible {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        fileprivate let name: String
        /// The server answered and refused: see `resultReason` and `resultMessage`.
        public static let operationFailed = Code(name: "operationFailed")
        /// No endpoint could be reached (every attempt is in `attempts`). Nothing was sent, or only requests that
        /// are safe to repeat.
        public static let unavailable = Code(name: "unavailable")
        /// A request that must not be repeated blindly (Create, Register, ReKey, attribute changes, lifecycle
        /// changes) was sent, but the connection failed before its answer arrived: it may or may not have been
        /// applied.
        public static let outcomeUnknown = Code(name: "outcomeUnknown")
        /// The server's answer is not a KMIP response to the request sent.
        public static let protocolError = Code(name: "protocolError")
        /// The client's configuration (endpoints, certificate files) is unusable.
        public static let configuration = Code(name: "configuration")
        public var description: String { name }
    }

    public let code: Code
    /// Human-readable; names operations, objects and endpoints, never a value.
    public let reason: String
    public let operation: Operation?
    public let resultReason: ResultReason?
    public let resultMessage: String?
    /// The endpoint that answered or failed last.
    public let endpoint: KMIPEndpoint?
    /// For `.unavailable`: each endpoint tried and why it failed, in order.
    public let attempts: [String]
    public let file: String
    public let line: UInt

    public init(_ code: Code, _ reason: String, operation: Operation? = nil, resultReason: ResultReason? = nil, resultMessage: String? = nil,
                endpoint: KMIPEndpoint? = nil, attempts: [String] = [], file: String = #fileID, line: UInt = #line) {
        self.code = code
        self.reason = reason
        self.operation = operation
        self.resultReason = resultReason
        self.resultMessage = resultMessage
        self.endpoint = endpoint
        self.attempts = attempts
        self.file = file
        self.line = line
    }

    /// A failed response batch item.
    static func failed(_ item: ResponseBatchItem, operation: Operation, endpoint: KMIPEndpoint?) -> KMIPClientError {
        let reason = item.resultReason ?? .generalFailure
        let message = item.resultMessage.map { ": \($0)" } ?? ""
        return KMIPClientError(.operationFailed, "\(operation.displayName) refused with \(reason)\(message)", operation: operation,
                               resultReason: reason, resultMessage: item.resultMessage, endpoint: endpoint)
    }

    public var description: String {
        var text = reason
        if let endpoint { text += " (keepd at \(endpoint))" }
        if !attempts.isEmpty { text += "; tried: " + attempts.joined(separator: "; ") }
        return text
    }
}

extension Operation {
    /// "Create", "Keep Domain Status": for messages.
    var displayName: String {
        if self == .keepDomainStatus { return "Keep Domain Status" }
        return name ?? hexString
    }
}
