import KMIP
import KeepCrypto
import KeepTLS
import KeyHierarchy

/// The edge where every lower layer's typed error becomes a `ServiceError`, by code, never by message text.
enum ErrorMapping {
    static func serviceError(_ error: any Error) -> ServiceError {
        switch error {
        case let error as ServiceError:
            return error
        case let error as HierarchyError:
            return serviceError(error)
        case let error as KMIPDecodingError:
            return serviceError(error)
        case let error as ClientRegistryError:
            return serviceError(error)
        case let error as TLSError where error.code == .invalidInput:
            // Certificate tooling's input checks (a public key, a certificate, a name) name the field, never a secret.
            return ServiceError(.invalidField, error.reason)
        case let error as CryptoError:
            switch error.code {
            case .invalidInput, .invalidKeySize:
                // KeepCrypto's input checks name sizes, never values ("AES-KW wraps a multiple of 8 bytes…").
                return ServiceError(.invalidField, error.reason)
            case .authenticationFailure:
                return ServiceError(.cryptographicFailure, "authentication failed: the data, IV, tag, additional data or key do not match")
            default:
                // OpenSSL's own text stays out of responses.
                return ServiceError(.cryptographicFailure, "cryptographic operation failed (\(error.code))")
            }
        default:
            return ServiceError(.internalError, "internal server error")
        }
    }

    static func serviceError(_ error: HierarchyError) -> ServiceError {
        switch error.code {
        case .objectNotFound: ServiceError(.itemNotFound, error.reason)
        case .wrongLifecycleState: ServiceError(.wrongLifecycleState, error.reason)
        case .keyMaterialUnavailable: ServiceError(.objectDestroyed, error.reason)
        case .keyValueNotPresent: ServiceError(.keyValueNotPresent, error.reason)
        case .invalidRequest: ServiceError(.invalidField, error.reason)
        case .permissionDenied, .domainDisabled, .subscriptionSuspended: ServiceError(.permissionDenied, error.reason)
        case .corruptRecord: ServiceError(.cryptographicFailure, "the stored key record failed its integrity check")
        case .domainExists: ServiceError(.alreadyExists, error.reason)
        // A missing domain here means the registry points at a domain that is gone; the store's and HSM's
        // reasons name paths and internals, so the client hears only that the server failed.
        default: ServiceError(.internalError, "internal server error")
        }
    }

    /// The registry's reasons name fingerprints, names and domains: what an administrator sent.
    static func serviceError(_ error: ClientRegistryError) -> ServiceError {
        switch error.code {
        case .invalidFingerprint, .invalidName: ServiceError(.invalidField, error.reason)
        case .domainNotFound, .notFound: ServiceError(.itemNotFound, error.reason)
        case .alreadyRegistered: ServiceError(.alreadyExists, error.reason)
        default: ServiceError(.internalError, "internal server error")
        }
    }

    /// The decoder already chose the Result Reason for where the fault is; its description names the path of
    /// tags to the fault and never a value.
    static func serviceError(_ error: KMIPDecodingError) -> ServiceError {
        let code: ServiceError.Code = switch error.resultReason {
        case .invalidMessage: .invalidMessage
        case .operationNotSupported: .operationNotSupported
        default: .invalidField
        }
        let path = error.pathDescription
        return ServiceError(code, path.isEmpty ? error.reason : "\(path): \(error.reason)")
    }
}
