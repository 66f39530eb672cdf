import Foundation
import KMIP
import KeepAdminClient
import KeepTLS

/// `keepctl client`: the certificates keepd admits, each bound to one domain and role.
enum ClientCommands {
    static let all = [issue, register, list, revoke]

    static let issue = Command(
        words: ["client", "issue"],
        synopsis: "--domain D --role hypervisor|auditor|admin --name N [--out DIR] [--no-client-auth-eku] [--wire-profile standard|pykmip] [--days N] [--key-type p256|ed25519]",
        summary: "Issues a client certificate signed by the KMS CA and registers it for a domain and role.",
        details: """
            The private key is generated here and written to DIR/N.key (mode 0600) with the certificate in DIR/N.pem;
            only the public key is sent to keepd. Roles: hypervisor (creates, fetches and uses its domain's keys),
            auditor (metadata only), admin (in a tenant domain: a hypervisor's rights; in _system: an installation
            administrator, who runs keepctl). --no-client-auth-eku leaves the extended key usage out, as vCenter's
            certificates do (the domain must waive clientAuth).
            """,
        flags: [Flag("--domain", "D", "the domain (or _system for an installation administrator or auditor)"),
                Flag("--role", "ROLE", "hypervisor, auditor or admin"),
                Flag("--name", "N", "the client's name: letters, digits, - _ . (also its certificate's common name)"),
                Flag("--out", "DIR", "where to write N.pem and N.key (default: the current directory)"),
                Flag("--no-client-auth-eku", "issue without the extended key usage extension"),
                Flag("--wire-profile", "PROFILE", "standard, or pykmip for PyKMIP clients"),
                Flag("--days", "N", "validity in days (default 825)"),
                Flag("--key-type", "TYPE", "p256 (default; what every KMIP client accepts) or ed25519")],
        connects: true,
        run: { invocation in
            let domain = try invocation.required("--domain"), name = try invocation.required("--name")
            guard let role = try invocation.choice("--role", Format.roles) else { throw Failure.usage("--role is required (hypervisor, auditor or admin)") }
            guard !name.isEmpty, name.count <= 64, !name.hasPrefix("."),
                  name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ".") }) else {
                throw Failure.usage("a client name is 1 to 64 letters, digits, '-', '_' and '.', not starting with '.'")
            }
            let directory = InitCommands.absolute(invocation.value("--out") ?? ".")
            let keyPath = (directory as NSString).appendingPathComponent("\(name).key")
            let certificatePath = (directory as NSString).appendingPathComponent("\(name).pem")
            for path in [keyPath, certificatePath] where FileManager.default.fileExists(atPath: path) {
                throw Failure.failed("\(path) exists: choose another --name or --out")
            }
            let algorithm = try invocation.choice("--key-type", ["p256": KeyAlgorithm.p256, "ed25519": .ed25519]) ?? .p256
            let key = try InitCommands.local("cannot generate the key") { try PrivateKey.generate(algorithm) }
            let publicKey = try InitCommands.local("cannot encode the public key") { try key.publicKey }
            let response: KeepIssueClientResponse = try Connection.call(invocation, KeepIssueClientRequest(
                domainIdentifier: domain, role: role, name: name, publicKey: publicKey.der,
                clientAuthUsage: !invocation.has("--no-client-auth-eku"), wireProfile: try invocation.choice("--wire-profile", Format.wireProfiles),
                validityDays: try invocation.integer("--days", in: 1...3650).map(Int32.init)))
            try InitCommands.local("keepd issued and registered the certificate, but it could not be written") {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
                try key.writePEM(to: keyPath)
                try Certificate.writePEM([try Certificate(der: response.certificate)], to: certificatePath)
            }
            if invocation.json {
                return Console.json(.object([("client", json(response.client)), ("certificate", .string(certificatePath)), ("privateKey", .string(keyPath))]))
            }
            Console.out("client \(name) issued and registered: \(Format.role(response.client.role)) of \(response.client.domainIdentifier)")
            Console.out("  certificate  \(certificatePath)")
            Console.out("  key          \(keyPath) (keep it private)")
            Console.out("  fingerprint  \(response.client.fingerprint)")
        })

    static let register = Command(
        words: ["client", "register"],
        synopsis: "--domain D --role hypervisor|auditor|admin --cert FILE [--name N] [--wire-profile standard|pykmip]",
        summary: "Registers a certificate made elsewhere (vCenter's self-signed one, or one from a CA keepd trusts), bound by its fingerprint.",
        details: """
            FILE is PEM or DER; the first certificate is registered. The name defaults to the certificate's common
            name. keepd checks now what it will check at every connection: the certificate is valid, self-signed or
            issued by a CA in tls.clientCAs, and carries clientAuth unless the domain waives it (vCenter's does not:
            keepctl domain policy D --client-auth waive).
            """,
        flags: [Flag("--domain", "D", "the domain"), Flag("--role", "ROLE", "hypervisor, auditor or admin"),
                Flag("--cert", "FILE", "the certificate (PEM or DER)"), Flag("--name", "N", "the client's name (default: the certificate's CN)"),
                Flag("--wire-profile", "PROFILE", "standard, or pykmip for PyKMIP clients")],
        connects: true,
        run: { invocation in
            let domain = try invocation.required("--domain"), path = try invocation.required("--cert")
            guard let role = try invocation.choice("--role", Format.roles) else { throw Failure.usage("--role is required (hypervisor, auditor or admin)") }
            let certificate = try readCertificate(path)
            let name = invocation.value("--name") ?? commonName(certificate.subject) ?? ((path as NSString).lastPathComponent as NSString).deletingPathExtension
            let response: KeepRegisterClientResponse = try Connection.call(invocation, KeepRegisterClientRequest(
                domainIdentifier: domain, role: role, name: name, certificate: certificate.der,
                wireProfile: try invocation.choice("--wire-profile", Format.wireProfiles)))
            if invocation.json { return Console.json(.object([("client", json(response.client))])) }
            Console.out("client \(response.client.name) registered: \(Format.role(response.client.role)) of \(response.client.domainIdentifier)\(response.client.selfSigned ? ", self-signed (trusted by fingerprint)" : "")")
            Console.out("  fingerprint  \(response.client.fingerprint)")
        })

    static let list = Command(
        words: ["client", "list"], synopsis: "[--domain D]", summary: "Lists the registered clients, revoked ones included.",
        flags: [Flag("--domain", "D", "only this domain's clients")], connects: true,
        run: { invocation in
            let response: KeepListClientsResponse = try Connection.call(invocation, KeepListClientsRequest(domainIdentifier: invocation.value("--domain")))
            if invocation.json { return Console.json(.object([("clients", .array(response.clients.map(json)))])) }
            guard !response.clients.isEmpty else { return Console.out("(no clients)") }
            var table = Table("DOMAIN", "NAME", "ROLE", "STATE", "TRUST", "CREATED", "FINGERPRINT")
            for c in response.clients {
                table.add(c.domainIdentifier, c.name, Format.role(c.role), c.revoked ? "revoked \(Format.date(c.revokedAt))" : "active",
                          c.selfSigned ? "self-signed" : "CA", Format.date(c.createdAt), c.fingerprint)
            }
            Console.out(table.rendered)
        })

    static let revoke = Command(
        words: ["client", "revoke"], synopsis: "FINGERPRINT | --domain D --name N [--yes]",
        summary: "Revokes a client: its certificate is refused from its next connection on.",
        details: "FINGERPRINT is the certificate's SHA-256 (as keepctl client list shows it), or a unique prefix of at least 8 digits.",
        flags: [Flag("--domain", "D", "the client's domain (with --name)"), Flag("--name", "N", "the client's name (with --domain)"), Flag.yes],
        optionalPositionals: 1, connects: true,
        run: { invocation in
            let client = try AdminClient.open(invocation)
            let target = try resolve(invocation, client)
            try Terminal.confirm("Revoke client \(target.name) (\(Format.role(target.role)) of \(target.domainIdentifier))? Its certificate will be refused from its next connection.", invocation)
            let response: KeepRevokeClientResponse = try Connection.wrap { () throws(AdminClientError) in
                try client.call(KeepRevokeClientRequest(fingerprint: target.fingerprint))
            }
            if invocation.json { return Console.json(.object([("client", json(response.client))])) }
            Console.out("client \(response.client.name) (\(response.client.domainIdentifier)) revoked: \(response.client.fingerprint)")
        })

    /// The client a revoke names: by fingerprint (or a unique prefix), or by domain and name.
    static func resolve(_ invocation: Invocation, _ client: AdminClient) throws -> KeepAdminClient {
        let domain = invocation.value("--domain"), name = invocation.value("--name")
        let fingerprint = invocation.positionals.first.map { $0.lowercased().filter { $0 != ":" } }
        switch (fingerprint, domain, name) {
        case let (fingerprint?, nil, nil):
            guard fingerprint.count >= 8, fingerprint.allSatisfy(\.isHexDigit) else {
                throw Failure.usage("a fingerprint is hexadecimal, at least 8 digits: \(invocation.positionals[0])")
            }
            let clients: KeepListClientsResponse = try Connection.wrap { () throws(AdminClientError) in try client.call(KeepListClientsRequest()) }
            let matches = clients.clients.filter { $0.fingerprint.hasPrefix(fingerprint) }
            guard matches.count == 1 else {
                throw Failure.failed(matches.isEmpty ? "no client with certificate \(fingerprint)" : "\(fingerprint) matches \(matches.count) clients: give more digits")
            }
            return matches[0]
        case let (nil, domain?, name?):
            let clients: KeepListClientsResponse = try Connection.wrap { () throws(AdminClientError) in
                try client.call(KeepListClientsRequest(domainIdentifier: domain))
            }
            guard let match = clients.clients.first(where: { $0.name == name }) else { throw Failure.failed("no client \(name) in domain \(domain)") }
            return match
        default:
            throw Failure.usage("name the client by FINGERPRINT, or by --domain and --name")
        }
    }

    static func readCertificate(_ path: String) throws -> Certificate {
        guard let data = FileManager.default.contents(atPath: path) else { throw Failure.failed("cannot read \(path)") }
        if let text = String(data: data, encoding: .utf8), text.contains("-----BEGIN CERTIFICATE-----") {
            guard let first = try? Certificate.parsePEM(text).first else { throw Failure.failed("\(path) holds no readable PEM certificate") }
            return first
        }
        guard let certificate = try? Certificate(der: Array(data)) else { throw Failure.failed("\(path) is not a PEM or DER certificate") }
        return certificate
    }

    /// The CN of an RFC 2253 name, if it has one without escapes (a CN with escaped characters is not guessed at).
    static func commonName(_ subject: String) -> String? {
        guard !subject.contains("\\") else { return nil }
        return subject.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.first { $0.hasPrefix("CN=") }.map { String($0.dropFirst(3)) }
    }

    static func json(_ c: KeepAdminClient) -> JSON {
        .object([("domain", .string(c.domainIdentifier)), ("name", .string(c.name)), ("role", .string(Format.role(c.role))),
                 ("fingerprint", .string(c.fingerprint)), ("subject", .string(c.subject)), ("selfSigned", .bool(c.selfSigned)),
                 ("revoked", .bool(c.revoked)), ("createdAt", .date(c.createdAt)), ("revokedAt", .date(c.revokedAt)),
                 ("wireProfile", .string(Format.wireProfile(c.wireProfile)))])
    }
}

extension AdminClient {
    static func open(_ invocation: Invocation) throws -> AdminClient { try Connection.open(invocation) }
}
