import KMIP
import KeepTLS
import KeyHierarchy

/// Keep Issue Client: the KMS CA signs a certificate for the public key the administrator sent, and the
/// certificate is registered for the domain and role. The private key was generated on the administrator's side
/// and never reaches keepd.
struct KeepIssueClientHandler: OperationHandler {
    let access = OperationAccess.administerInstallation
    let introduced = ProtocolVersion.v1_0
    /// X.520's upper bound for a common name, which the client's name becomes.
    static let maximumNameLength = 64

    func handle(_ request: KeepIssueClientRequest, in context: OperationContext) throws -> any ResponsePayload {
        let administration = try context.administrationTools()
        let domain = try context.administeredDomain(request.domainIdentifier)
        let role = try ClientRole(request.role)
        try KeepRegisterClientHandler.checkRole(role, in: domain.id)
        try AdministrationText.check(request.name, "a client name", maximum: Self.maximumNameLength)
        let clientAuth = request.clientAuthUsage ?? true
        if domain.policy.requiresClientAuthUsage && !clientAuth {
            throw ServiceError(.invalidField, "domain \(domain.id) requires the clientAuth extended key usage: a certificate without it would be refused")
        }
        let days = request.validityDays ?? AdministrationTools.defaultValidityDays
        guard (1...AdministrationTools.maximumValidityDays).contains(days) else {
            throw ServiceError(.invalidField, "Validity Days is 1 to \(AdministrationTools.maximumValidityDays), not \(days)")
        }
        let publicKey = try PublicKey(der: request.publicKey)
        let certificate = try administration.certificateAuthority().issueClientCertificate(
            for: publicKey, subject: DistinguishedName(commonName: request.name, organization: "Keep", organizationalUnit: domain.id),
            validity: .days(Int(days), from: context.now), clientAuthEKU: clientAuth)
        context.touchClient(certificate.sha256Fingerprint)
        // Registered after signing: a certificate whose registration fails (a name taken) is never returned, and an
        // unregistered certificate opens no connection.
        let client = try administration.registry.register(fingerprint: certificate.sha256Fingerprint, domainID: domain.id, role: role,
                                                          name: request.name, subject: certificate.subject,
                                                          wireProfile: try WireProfile(request.wireProfile ?? .standard))
        return KeepIssueClientResponse(client: KeepAdminClient(client), certificate: certificate.der)
    }
}
