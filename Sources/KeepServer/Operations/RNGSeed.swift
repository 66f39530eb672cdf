import KMIP

/// RNG Seed (1.2+): refused. keepd's generator (OpenSSL's DRBG) is seeded from the operating system; a client's
/// data would add nothing it can vouch for, and an operation that lets any client touch the generator every key
/// comes from is one more thing to audit. The KMIP 1.4 optional test cases show the four answers a server may
/// give (take all, take some, take none, refuse); keepd's is CS-RNG-O-4's, Permission Denied.
struct RNGSeedHandler: OperationHandler {
    let access = OperationAccess.random
    let introduced = ProtocolVersion.v1_2

    func handle(_ request: RNGSeedRequest, in context: OperationContext) throws -> any ResponsePayload {
        throw ServiceError(.permissionDenied, "keepd's random number generator is seeded by the operating system, not by clients")
    }
}
