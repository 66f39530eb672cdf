/// Who sent a message. The TLS layer establishes it once per connection (`ClientRegistry.authorize`) from the
/// peer's verified certificate, and passes it with every message of that connection.
public struct CallerIdentity: Hashable, Sendable, CustomStringConvertible {
    /// The tenant domain the client is bound to: the only domain whose objects it can see.
    public var domainID: String
    public var role: ClientRole
    public var clientName: String
    /// SHA-256 of the client certificate's DER encoding, lowercase hexadecimal.
    public var fingerprint: String
    public var subject: String
    public var wireProfile: WireProfile
    /// The peer's address (`host:port`) as the network layer saw it, for the audit record; empty when unknown.
    public var remoteAddress: String

    public init(domainID: String, role: ClientRole, clientName: String, fingerprint: String, subject: String,
                wireProfile: WireProfile = .standard, remoteAddress: String = "") {
        self.domainID = domainID
        self.role = role
        self.clientName = clientName
        self.fingerprint = fingerprint
        self.subject = subject
        self.wireProfile = wireProfile
        self.remoteAddress = remoteAddress
    }

    public var description: String { "\(clientName) (\(role.rawValue) of \(domainID))" }
}

/// What a registered client may do, always within its own domain. The domain is the scope: a client of the
/// system domain (`SystemDomain`) acts on the installation, any other on its tenant's keys.
public enum ClientRole: String, Hashable, Sendable, CaseIterable {
    /// A hypervisor manager (vCenter, Proxmox…): creates, fetches and uses its domain's keys.
    case hypervisor
    /// Reads metadata only: never key material, never a change. In the system domain, an installation auditor: it
    /// runs the administration operations that only read (status, lists, a domain's or key's metadata).
    case auditor
    /// In a tenant domain, the tenant's administrator, with a hypervisor's rights over KMIP. In the system domain,
    /// an installation administrator: it runs every administration operation (keepctl) and holds no keys.
    case admin
}

/// How responses are shaped where a client and the specification disagree, chosen per client at registration.
/// Requests are read in every form either way; only what the server writes differs.
public enum WireProfile: String, Hashable, Sendable, CaseIterable {
    /// The specification's forms.
    case standard
    /// PyKMIP reads a Key Value only as a Structure: a wrapped key (Get with a Key Wrapping Specification) goes
    /// out as `Key Value { Key Material: <wrapped bytes> }`, as PyKMIP's own server sends it, instead of the
    /// specification's Byte String.
    case pykmip
}
