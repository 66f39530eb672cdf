import KMIP

/// Check: whether the object could be used as described. Keep checks that the object exists in the caller's
/// domain, still has its key material (and was not registered without it), and (when asked) that its Cryptographic Usage Mask allows every use in
/// the request's mask. Keep tracks neither usage limits nor leases, so those checks always pass.
struct CheckHandler: OperationHandler {
    let access = OperationAccess.readMetadata
    let introduced = ProtocolVersion.v1_0

    func handle(_ request: CheckRequest, in context: OperationContext) throws -> any ResponsePayload {
        let uid = try context.resolve(request.uniqueIdentifier)
        let object = try context.object(uid)
        context.idPlaceholder = uid
        switch object.valueForm {
        case .held, .registeredWrapped: break
        case .absent:
            throw ServiceError(.keyValueNotPresent, "object \(uid) was registered without its value (Key Value Present is false): Keep cannot use it")
        case .erased:
            throw ServiceError(.objectDestroyed, "object \(uid) is \(object.attributes.state): its key material is destroyed")
        }
        if let wanted = request.cryptographicUsageMask {
            let allowed = object.attributes.usageMask?.rawValue ?? wanted
            guard wanted & ~allowed == 0 else {
                throw ServiceError(.incompatibleUsageMask, "object \(uid)'s Cryptographic Usage Mask does not allow every use asked for")
            }
        }
        return CheckResponse(uniqueIdentifier: .text(uid), usageLimitsCount: request.usageLimitsCount,
                             cryptographicUsageMask: request.cryptographicUsageMask, leaseTime: request.leaseTime)
    }
}
