import Foundation
import KeepAdminClient

/// Why keepctl stops, and the exit status that tells a script which kind of failure it was.
///
/// | status | meaning |
/// |---|---|
/// | 0 | success |
/// | 1 | the operation failed (keepd said no: unknown domain, wrong state…), or a local failure (wrong PIN, a file) |
/// | 2 | usage: an unknown command or flag, a missing argument, a confirmation that could not be asked |
/// | 3 | keepd is unreachable |
/// | 4 | TLS or authentication: keepd's certificate is not trusted, or keepd refused this client's certificate |
struct Failure: Error, CustomStringConvertible {
    let status: Int32
    let description: String

    static func usage(_ reason: String) -> Failure { Failure(status: 2, description: reason) }
    static func failed(_ reason: String) -> Failure { Failure(status: 1, description: reason) }

    /// The status and line for a failure of the administration client.
    init(_ error: AdminClientError) {
        switch error.code {
        case .unreachable: status = 3
        case .tls, .certificateRefused: status = 4
        case .configuration: status = 2
        default: status = 1
        }
        if error.code == .operationFailed, let reason = error.resultReason {
            description = "\(error.reason) (\(reason.name ?? reason.hexString))"
        } else {
            description = error.reason
        }
    }

    init(status: Int32, description: String) {
        self.status = status
        self.description = description
    }
}
