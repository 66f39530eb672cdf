import KMIP
import KeepCrypto

/// RNG Retrieve (1.2+): random bytes from the server's CSPRNG (OpenSSL's DRBG, through KeepCrypto).
struct RNGRetrieveHandler: OperationHandler {
    let access = OperationAccess.random
    let introduced = ProtocolVersion.v1_2

    func handle(_ request: RNGRetrieveRequest, in context: OperationContext) throws -> any ResponsePayload {
        let limit = context.configuration.maxRandomByteCount
        guard request.dataLength > 0, Int(request.dataLength) <= limit else {
            throw ServiceError(.invalidField, "Data Length must be 1 to \(limit) bytes")
        }
        return RNGRetrieveResponse(data: try SecureRandom.bytes(count: Int(request.dataLength)))
    }
}
