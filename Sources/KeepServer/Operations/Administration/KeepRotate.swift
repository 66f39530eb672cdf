import KMIP
import KeyHierarchy

/// Keep Rotate: the Root of Trust (every DK re-wrapped inside the HSM) or one domain's DK (every key of the
/// domain re-wrapped under a new DK version). Online: clients keep reading and creating keys throughout (see
/// `KeyHierarchy.rotateDomainKey`). It runs on the requesting connection's thread and answers when complete;
/// meanwhile Keep Rotation Status reports its progress. A rotation interrupted by a crash or a stop is journalled,
/// and asking again finishes it.
struct KeepRotateHandler: OperationHandler {
    let access = OperationAccess.administerInstallation
    let introduced = ProtocolVersion.v1_0

    func handle(_ request: KeepRotateRequest, in context: OperationContext) throws -> any ResponsePayload {
        let administration = try context.administrationTools()
        let domainID: String?
        switch request.target {
        case .rootOfTrust:
            guard request.domainIdentifier == nil else { throw ServiceError(.invalidField, "a Root of Trust rotation names no domain") }
            domainID = nil
            context.touch("rotation:root")
        case .domainKey:
            guard let id = request.domainIdentifier else { throw ServiceError(.invalidField, "a Domain Key rotation needs a Domain Identifier") }
            domainID = try context.tenantDomain(id).id
        default:
            throw ServiceError(.invalidField, "unknown Rotation Target \(request.target)")
        }
        let tracker = administration.rotations
        guard tracker.begin(domainID, at: context.nowMicroseconds) else {
            throw ServiceError(.permissionDenied, "a rotation of \(domainID.map { "domain \($0)" } ?? "the Root of Trust") is already running (keepctl rotate status)")
        }
        defer { tracker.end(domainID) }
        var counted = (done: 0, total: 0)
        let progress: (Int, Int) -> Void = { done, total in
            counted = (done, total)
            tracker.progress(domainID, done: done, total: total)
        }
        let version: UInt32
        if let domainID {
            version = try context.hierarchy.rotateDomainKey(domainID, progress: progress)
        } else {
            version = try context.hierarchy.rotateRootOfTrust(progress: progress)
        }
        return KeepRotateResponse(rotation: KeepAdminRotation(
            target: request.target, domainIdentifier: domainID, running: false, done: Int64(counted.done), total: Int64(counted.total),
            keyVersion: Int32(clamping: version), startedAt: DateTime(secondsSinceEpoch: context.now)))
    }
}
