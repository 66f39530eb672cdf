import KMIP
import KeepTLS
import KeyHierarchy

/// Keep Register Client: binds a certificate made elsewhere to a domain and role, by its fingerprint. Checked
/// here as keepd will check it at every connection, so a registration that could never log in is refused now,
/// with the reason, rather than at vCenter's first attempt: it must be within its validity period, self-signed or
/// issued by a CA keepd trusts, and carry clientAuth if the domain requires it.
struct KeepRegisterClientHandler: OperationHandler {
    let access = OperationAccess.administerInstallation
    let introduced = ProtocolVersion.v1_0

    func handle(_ request: KeepRegisterClientRequest, in context: OperationContext) throws -> any ResponsePayload {
        let administration = try context.administrationTools()
        let domain = try context.administeredDomain(request.domainIdentifier)
        let role = try ClientRole(request.role)
        try Self.checkRole(role, in: domain.id)
        try AdministrationText.check(request.name, "a client name")
        let certificate: Certificate
        do {
            certificate = try Certificate(der: request.certificate)
        } catch {
            throw ServiceError(.invalidField, "Certificate is not one DER-encoded X.509 certificate")
        }
        context.touchClient(certificate.sha256Fingerprint)
        guard context.now <= certificate.notAfter else {
            throw ServiceError(.invalidField, "certificate \(certificate.sha256Fingerprint) has expired")
        }
        if !certificate.isSelfSigned {
            let issuers = try administration.trustedIssuers()
            guard try issuers.contains(where: { try certificate.isIssued(by: $0) }) else {
                throw ServiceError(.invalidField, "certificate \(certificate.sha256Fingerprint) is neither self-signed nor issued by a CA keepd trusts (tls.clientCAs)")
            }
        }
        if domain.policy.requiresClientAuthUsage && certificate.extendedKeyUsage != .includesClientAuth {
            throw ServiceError(.invalidField,
                               "domain \(domain.id) requires the clientAuth extended key usage and certificate \(certificate.sha256Fingerprint) lacks it (vCenter's does): waive it for the domain first")
        }
        let client = try administration.registry.register(fingerprint: certificate.sha256Fingerprint, domainID: domain.id, role: role,
                                                          name: request.name, subject: certificate.subject, selfSigned: certificate.isSelfSigned,
                                                          wireProfile: try WireProfile(request.wireProfile ?? .standard))
        return KeepRegisterClientResponse(client: KeepAdminClient(client))
    }

    /// The system domain has administrators and auditors; nobody keeps keys there.
    static func checkRole(_ role: ClientRole, in domainID: String) throws(ServiceError) {
        if domainID == SystemDomain.identifier && !SystemDomain.roles.contains(role) {
            throw ServiceError(.invalidField, "a client of \(SystemDomain.identifier) is an admin or an auditor, not a \(role.rawValue)")
        }
    }
}
