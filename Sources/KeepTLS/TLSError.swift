internal import COpenSSL

/// An error from KeepTLS. The code says what went wrong and is what callers branch on (the server maps it to its
/// own reaction, never the text); `reason` is safe to log: OpenSSL's reason strings, file paths, errno text and our
/// description, never key material or a passphrase.
public struct TLSError: Error, Hashable, Sendable, CustomStringConvertible {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        fileprivate enum Kind: Hashable, Sendable {
            case handshakeFailed, protocolVersion, peerCertificateRequired, peerCertificateRejected, timeout, peerClosed,
                 protocolFailure, socket, certificateFile, privateKey, wrongPassphrase, configuration, invalidInput, openSSL
        }
        fileprivate let kind: Kind

        /// The TLS handshake failed for a reason no more specific code names (no shared cipher, bad message…).
        public static let handshakeFailed = Code(kind: .handshakeFailed)
        /// The peer offered, or accepted, no protocol version we allow (TLS 1.2 and 1.3 only).
        public static let protocolVersion = Code(kind: .protocolVersion)
        /// The client presented no certificate; KMIP requires mutual TLS.
        public static let peerCertificateRequired = Code(kind: .peerCertificateRequired)
        /// A client rejected the server's certificate: it does not chain to a trusted CA or does not name the server.
        public static let peerCertificateRejected = Code(kind: .peerCertificateRejected)
        /// The deadline passed before the operation completed.
        public static let timeout = Code(kind: .timeout)
        /// The peer closed or reset the connection (without a TLS close_notify where one was due).
        public static let peerClosed = Code(kind: .peerClosed)
        /// A TLS protocol error after the handshake (a record that does not authenticate, an unexpected message).
        public static let protocolFailure = Code(kind: .protocolFailure)
        /// A socket system call failed; `reason` carries errno's text.
        public static let socket = Code(kind: .socket)
        /// A certificate or CA PEM file could not be read or holds no usable certificate.
        public static let certificateFile = Code(kind: .certificateFile)
        /// A private key could not be read, is malformed, or does not match its certificate.
        public static let privateKey = Code(kind: .privateKey)
        /// A passphrase-protected private key could not be decrypted: the passphrase is wrong, or none was given.
        public static let wrongPassphrase = Code(kind: .wrongPassphrase)
        /// The configuration is inconsistent (no CA file, minimum version above maximum…).
        public static let configuration = Code(kind: .configuration)
        /// Certificate tooling was given a name, address or validity it cannot put in a certificate.
        public static let invalidInput = Code(kind: .invalidInput)
        /// An OpenSSL call failed where only allocation failure or a broken installation explains it.
        public static let openSSL = Code(kind: .openSSL)

        public var description: String {
            switch kind {
            case .handshakeFailed: "handshakeFailed"
            case .protocolVersion: "protocolVersion"
            case .peerCertificateRequired: "peerCertificateRequired"
            case .peerCertificateRejected: "peerCertificateRejected"
            case .timeout: "timeout"
            case .peerClosed: "peerClosed"
            case .protocolFailure: "protocolFailure"
            case .socket: "socket"
            case .certificateFile: "certificateFile"
            case .privateKey: "privateKey"
            case .wrongPassphrase: "wrongPassphrase"
            case .configuration: "configuration"
            case .invalidInput: "invalidInput"
            case .openSSL: "openSSL"
            }
        }
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

    public var description: String { "TLSError.\(code): \(reason) (\(file):\(line))" }

    public static func == (lhs: TLSError, rhs: TLSError) -> Bool { lhs.code == rhs.code && lhs.reason == rhs.reason }
    public func hash(into hasher: inout Hasher) { hasher.combine(code); hasher.combine(reason) }
}

// MARK: - The one checking helper

/// What an OpenSSL function returns on success. Most return 1; a few (X509_sign, X509_NAME_print_ex) return a size.
enum SuccessConvention {
    case one, positive, nonNegative

    @inline(__always)
    func accepts(_ result: Int32) -> Bool {
        switch self {
        case .one: result == 1
        case .positive: result > 0
        case .nonNegative: result >= 0
        }
    }
}

/// The one helper through which every OpenSSL return code in KeepTLS passes. Failure drains the thread's error queue
/// into the thrown error, so a stale entry never leaks into the next call's report. `code` says what the failure
/// means to the caller (a bad certificate file is not an allocation failure).
@inline(__always)
func check(_ result: Int32, _ what: @autoclosure () -> String, as code: TLSError.Code = .openSSL,
           success: SuccessConvention = .one, file: String = #fileID, line: UInt = #line) throws {
    guard success.accepts(result) else {
        throw TLSError(code, OpenSSLErrorQueue.drain().describe(context: what()), file: file, line: line)
    }
}

/// The same for the `long` that OpenSSL's ctrl-based setters return.
@inline(__always)
func check(_ result: Int, _ what: @autoclosure () -> String, as code: TLSError.Code = .openSSL,
           file: String = #fileID, line: UInt = #line) throws {
    try check(Int32(result == 1 ? 1 : 0), what(), as: code, file: file, line: line)
}

/// Unwraps a pointer returned by an OpenSSL allocator or parser; nil drains the error queue into the error.
@inline(__always)
func check<T>(_ pointer: T?, _ what: @autoclosure () -> String, as code: TLSError.Code = .openSSL,
              file: String = #fileID, line: UInt = #line) throws -> T {
    guard let pointer else {
        throw TLSError(code, OpenSSLErrorQueue.drain().describe(context: what()), file: file, line: line)
    }
    return pointer
}

/// The drained contents of the calling thread's OpenSSL error queue: the packed codes (so failures can be classified
/// by OpenSSL's reason numbers, never by text) and their rendered strings.
struct OpenSSLErrors {
    var entries: [(code: UInt, text: String)] = []

    /// Whether any entry is from libssl with one of `reasons` (SSL_R_*).
    func hasSSLReason(in reasons: Set<Int32>) -> Bool {
        entries.contains { ERR_GET_LIB($0.code) == ERR_LIB_SSL && reasons.contains(ERR_GET_REASON($0.code)) }
    }

    /// Whether any entry is one of `reasons` from any library (EVP_R_BAD_DECRYPT and the like).
    func hasReason(in reasons: Set<Int32>) -> Bool {
        entries.contains { reasons.contains(ERR_GET_REASON($0.code)) }
    }

    func describe(context: String) -> String {
        let queue = entries.isEmpty ? "no OpenSSL error recorded" : entries.map(\.text).joined(separator: "; ")
        return context.isEmpty ? queue : "\(context): \(queue)"
    }
}

enum OpenSSLErrorQueue {
    /// Empties the calling thread's OpenSSL error queue.
    static func drain() -> OpenSSLErrors {
        var errors = OpenSSLErrors()
        while true {
            let code = ERR_get_error()
            if code == 0 { break }
            var buffer = [CChar](repeating: 0, count: 256)
            ERR_error_string_n(code, &buffer, buffer.count)
            let text = buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
            errors.entries.append((code: code, text: text))
        }
        return errors
    }

    /// Clears stale entries before an operation whose failure must be reported (and classified) precisely.
    static func clear() { ERR_clear_error() }
}
