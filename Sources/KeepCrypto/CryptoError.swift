internal import COpenSSL

/// An error from the crypto core. The code says what went wrong; `reason` is safe to log:
/// it never contains key material, only OpenSSL's own error strings and our description.
public struct CryptoError: Error, Hashable, Sendable, CustomStringConvertible {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        fileprivate enum Kind: Hashable, Sendable {
            case openSSL, invalidKeySize, invalidInput, authenticationFailure, randomFailure, equalXTSKeyHalves
        }
        fileprivate let kind: Kind

        /// An OpenSSL call failed; `reason` carries its drained error queue.
        public static let openSSL = Code(kind: .openSSL)
        /// A key of a length the algorithm does not accept.
        public static let invalidKeySize = Code(kind: .invalidKeySize)
        /// Input of a length or shape the algorithm does not accept.
        public static let invalidInput = Code(kind: .invalidInput)
        /// A tag, an integrity check value or a MAC did not verify: the data was altered or the key is wrong.
        public static let authenticationFailure = Code(kind: .authenticationFailure)
        /// The CSPRNG could not produce bytes. Never silently replaced by a weaker source.
        public static let randomFailure = Code(kind: .randomFailure)
        /// An XTS key whose data-key half equals its tweak-key half (IEEE 1619 forbids it).
        public static let equalXTSKeyHalves = Code(kind: .equalXTSKeyHalves)

        public var description: String {
            switch kind {
            case .openSSL: "openSSL"
            case .invalidKeySize: "invalidKeySize"
            case .invalidInput: "invalidInput"
            case .authenticationFailure: "authenticationFailure"
            case .randomFailure: "randomFailure"
            case .equalXTSKeyHalves: "equalXTSKeyHalves"
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

    public var description: String { "CryptoError.\(code): \(reason) (\(file):\(line))" }

    public static func == (lhs: CryptoError, rhs: CryptoError) -> Bool { lhs.code == rhs.code && lhs.reason == rhs.reason }
    public func hash(into hasher: inout Hasher) { hasher.combine(code); hasher.combine(reason) }
}

/// The one helper through which every OpenSSL return code passes. OpenSSL's convention is 1 for success;
/// anything else drains the thread's error queue into the thrown error, so a stale entry never leaks into
/// the next call's report.
@inline(__always)
func check(_ result: Int32, _ what: @autoclosure () -> String = "", file: String = #fileID, line: UInt = #line) throws {
    guard result == 1 else {
        throw CryptoError(.openSSL, OpenSSLErrorQueue.drain(context: what()), file: file, line: line)
    }
}

/// Unwraps a pointer returned by an OpenSSL allocator or fetch; nil drains the error queue into the error.
@inline(__always)
func check<T>(_ pointer: T?, _ what: @autoclosure () -> String = "", file: String = #fileID, line: UInt = #line) throws -> T {
    guard let pointer else {
        throw CryptoError(.openSSL, OpenSSLErrorQueue.drain(context: what()), file: file, line: line)
    }
    return pointer
}

enum OpenSSLErrorQueue {
    /// Empties the calling thread's OpenSSL error queue and renders it as one line.
    static func drain(context: String) -> String {
        var parts: [String] = []
        while true {
            let code = ERR_get_error()
            if code == 0 { break }
            var buffer = [CChar](repeating: 0, count: 256)
            ERR_error_string_n(code, &buffer, buffer.count)
            let text = buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
            parts.append(text)
        }
        let queue = parts.isEmpty ? "no OpenSSL error recorded" : parts.joined(separator: "; ")
        return context.isEmpty ? queue : "\(context): \(queue)"
    }

    /// Clears stale entries before an operation whose failure we want to report precisely.
    static func clear() { ERR_clear_error() }
}
