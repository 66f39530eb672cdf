import Foundation
import KeepHSM
import KeyHierarchy

extension Installation {
    /// The name `keepctl init` gives the first installation administrator.
    public static let firstAdministratorName = "admin"

    /// Makes an installation administrator on a stopped installation: the system domain if it is missing, then a
    /// client certificate from the KMS CA (written to `clients/<name>.pem` and `.key`, 0600) registered as `admin`
    /// of it. `keepctl init` uses it for the first administrator; `keepctl recover-admin` when every administrator
    /// certificate is lost, or for an installation made before administration existed.
    public func bootstrapAdministrator(name: String = Installation.firstAdministratorName, pin: PINSource) throws -> IssuedClient {
        // Through `administer`, so the system domain's creation and the registration are in the audit log.
        try administer(pin: pin) { administration in
            do {
                _ = try administration.hierarchy.domain(id: SystemDomain.identifier)
            } catch let error as HierarchyError where error.code == .domainNotFound {
                try administration.createDomain(id: SystemDomain.identifier, displayName: SystemDomain.displayName, policy: SystemDomain.policy)
            }
            let issued = try issueClientCertificate(name: name)
            do {
                try administration.registerClient(fingerprint: issued.fingerprint, domainID: SystemDomain.identifier, role: .admin, name: name,
                                                  subject: "CN=\(name),O=Keep")
            } catch {
                // A certificate nobody can use is not left behind to confuse the next attempt.
                try? FileManager.default.removeItem(atPath: issued.certificatePath)
                try? FileManager.default.removeItem(atPath: issued.keyPath)
                throw error
            }
            return issued
        }
    }
}
