// Keep's administration protocol: vendor-extension operations, tags and enumerations that keepctl speaks to
// keepd over the same mutual-TLS KMIP connection a hypervisor uses.
//
// Why KMIP vendor extensions and not a second (HTTP, socket) interface: one listener, one TLS policy, one
// admission path and one audit trail. An administrator is a registered client like any other, so every domain
// created, client issued or key destroyed is authenticated by certificate and reaches the AuditSink exactly as a
// Get does. KMIP reserves operation values 8XXXXXXX and tags 0x54XXXX for this (KMIP 1.4 §9.1.3.1–2); Keep's carry
// 0x4B ('K') in their second byte, and administration uses 0x80004B10 and up and tags 0x544B10 and up, so they
// stay clear of the tenant-facing extensions (0x80004B01–0x80004B0F, 0x544B01–0x544B0F).
//
// Payloads are in Payloads/KeepAdmin/, one file per operation; the structures they share in
// KeepAdminStructures.swift. docs/administration.md lists every field.

extension Operation {
    /// Creates a tenant domain (and its Domain Key in the HSM).
    public static let keepCreateDomain = Operation(rawValue: 0x8000_4B10)
    /// Lists the tenant domains.
    public static let keepListDomains = Operation(rawValue: 0x8000_4B11)
    /// One domain: state, policy, key counts per state, rotation state, recent activity.
    public static let keepGetDomain = Operation(rawValue: 0x8000_4B12)
    /// Enables, disables, suspends or resumes a domain, or changes its policy.
    public static let keepModifyDomain = Operation(rawValue: 0x8000_4B13)
    /// Signs a certificate for a public key with the KMS CA and registers it. The private key never travels.
    public static let keepIssueClient = Operation(rawValue: 0x8000_4B14)
    /// Registers an existing certificate (self-signed, like vCenter's, or issued by a CA keepd trusts).
    public static let keepRegisterClient = Operation(rawValue: 0x8000_4B15)
    public static let keepListClients = Operation(rawValue: 0x8000_4B16)
    /// Revokes a client: its certificate is refused from its next connection on.
    public static let keepRevokeClient = Operation(rawValue: 0x8000_4B17)
    /// Rotates the Root of Trust or one domain's DK, online; answers when the rotation is complete.
    public static let keepRotate = Operation(rawValue: 0x8000_4B18)
    /// Rotations running now (with progress) and rotations interrupted and not yet finished.
    public static let keepRotationStatus = Operation(rawValue: 0x8000_4B19)
    /// A domain's managed objects, metadata only.
    public static let keepListKeys = Operation(rawValue: 0x8000_4B1A)
    public static let keepGetKey = Operation(rawValue: 0x8000_4B1B)
    public static let keepRevokeKey = Operation(rawValue: 0x8000_4B1C)
    public static let keepDestroyKey = Operation(rawValue: 0x8000_4B1D)
    /// Version, uptime, connections, objects per domain, rotation state, audit chain head.
    public static let keepServerStatus = Operation(rawValue: 0x8000_4B1E)

    /// Names of the administration operations, for logs and audit records (`known` holds the specification's).
    public static let keepAdministration: [(Operation, String)] = [
        (.keepCreateDomain, "KeepCreateDomain"), (.keepListDomains, "KeepListDomains"), (.keepGetDomain, "KeepGetDomain"),
        (.keepModifyDomain, "KeepModifyDomain"), (.keepIssueClient, "KeepIssueClient"), (.keepRegisterClient, "KeepRegisterClient"),
        (.keepListClients, "KeepListClients"), (.keepRevokeClient, "KeepRevokeClient"), (.keepRotate, "KeepRotate"),
        (.keepRotationStatus, "KeepRotationStatus"), (.keepListKeys, "KeepListKeys"), (.keepGetKey, "KeepGetKey"),
        (.keepRevokeKey, "KeepRevokeKey"), (.keepDestroyKey, "KeepDestroyKey"), (.keepServerStatus, "KeepServerStatus"),
        (.keepAuditQuery, "KeepAuditQuery"), (.keepAuditVerify, "KeepAuditVerify"), (.keepAuditExport, "KeepAuditExport"),
    ]

    /// The specification's name, else an administration operation's name, else the hexadecimal value.
    public var displayName: String {
        name ?? Self.keepAdministration.first { $0.0 == self }?.1 ?? hexString
    }
}

extension Tag {
    // Domains.
    /// Text String: a domain identifier (a-z 0-9 - _, at most 64 characters).
    public static let keepAdminDomainIdentifier = Tag(rawValue: 0x54_4B10)
    public static let keepAdminDisplayName = Tag(rawValue: 0x54_4B11)
    /// Boolean: whether anything in the domain is served.
    public static let keepAdminEnabled = Tag(rawValue: 0x54_4B12)
    /// Boolean: the tenant's subscription is active (new keys may be made); false when suspended.
    public static let keepAdminSubscriptionActive = Tag(rawValue: 0x54_4B13)
    /// Boolean: Get may return the domain's keys in the clear (vCenter's Standard Key Provider needs it).
    public static let keepAdminKeyExportAllowed = Tag(rawValue: 0x54_4B14)
    /// Boolean: the domain's client certificates must carry the clientAuth extended key usage.
    public static let keepAdminClientAuthRequired = Tag(rawValue: 0x54_4B15)
    /// Integer: the Domain Key version new keys are wrapped under.
    public static let keepAdminDomainKeyVersion = Tag(rawValue: 0x54_4B16)
    public static let keepAdminCreatedAt = Tag(rawValue: 0x54_4B17)
    public static let keepAdminUpdatedAt = Tag(rawValue: 0x54_4B18)
    /// Structure: `KeepAdminDomain`.
    public static let keepAdminDomain = Tag(rawValue: 0x54_4B19)
    /// Structure: `KeepAdminObjectCount` (State, Count).
    public static let keepAdminObjectCount = Tag(rawValue: 0x54_4B1A)
    /// Long Integer.
    public static let keepAdminCount = Tag(rawValue: 0x54_4B1B)

    // Clients.
    /// Enumeration: `KeepAdminClientRole`.
    public static let keepAdminClientRole = Tag(rawValue: 0x54_4B1C)
    public static let keepAdminClientName = Tag(rawValue: 0x54_4B1D)
    /// Text String: SHA-256 of the certificate's DER, lowercase hexadecimal.
    public static let keepAdminFingerprint = Tag(rawValue: 0x54_4B1E)
    /// Text String: the certificate's subject, RFC 2253.
    public static let keepAdminSubject = Tag(rawValue: 0x54_4B1F)
    public static let keepAdminSelfSigned = Tag(rawValue: 0x54_4B20)
    public static let keepAdminRevoked = Tag(rawValue: 0x54_4B21)
    public static let keepAdminRevokedAt = Tag(rawValue: 0x54_4B22)
    /// Structure: `KeepAdminClient`.
    public static let keepAdminClient = Tag(rawValue: 0x54_4B23)
    /// Byte String: a SubjectPublicKeyInfo, DER.
    public static let keepAdminPublicKey = Tag(rawValue: 0x54_4B24)
    /// Byte String: an X.509 certificate, DER.
    public static let keepAdminCertificate = Tag(rawValue: 0x54_4B25)
    /// Boolean: an issued certificate carries the clientAuth extended key usage (false mimics vCenter's).
    public static let keepAdminClientAuthUsage = Tag(rawValue: 0x54_4B26)
    /// Enumeration: `KeepAdminWireProfile`.
    public static let keepAdminWireProfile = Tag(rawValue: 0x54_4B27)
    /// Integer: days an issued certificate is valid.
    public static let keepAdminValidityDays = Tag(rawValue: 0x54_4B28)

    // Rotation.
    /// Enumeration: `KeepAdminRotationTarget`.
    public static let keepAdminRotationTarget = Tag(rawValue: 0x54_4B29)
    /// Structure: `KeepAdminRotation`.
    public static let keepAdminRotation = Tag(rawValue: 0x54_4B2A)
    /// Long Integer: keys re-wrapped so far.
    public static let keepAdminDone = Tag(rawValue: 0x54_4B2B)
    /// Long Integer: keys to re-wrap in all.
    public static let keepAdminTotal = Tag(rawValue: 0x54_4B2C)
    /// Integer: the version of the rotated key (the new RoT or DK version).
    public static let keepAdminKeyVersion = Tag(rawValue: 0x54_4B2D)
    /// Boolean: the rotation is running now (false: interrupted, journalled, to be finished).
    public static let keepAdminRunning = Tag(rawValue: 0x54_4B2E)
    public static let keepAdminStartedAt = Tag(rawValue: 0x54_4B2F)

    // Keys.
    /// Structure: `KeepAdminKey`.
    public static let keepAdminKey = Tag(rawValue: 0x54_4B30)
    public static let keepAdminKeyName = Tag(rawValue: 0x54_4B31)
    /// Boolean: the object still holds key material (false once destroyed).
    public static let keepAdminHasKeyMaterial = Tag(rawValue: 0x54_4B32)

    // Server.
    public static let keepAdminServerVersion = Tag(rawValue: 0x54_4B33)
    public static let keepAdminNodeIdentifier = Tag(rawValue: 0x54_4B34)
    /// Interval: seconds since keepd started.
    public static let keepAdminUptime = Tag(rawValue: 0x54_4B35)
    /// Integer: TLS connections open.
    public static let keepAdminConnections = Tag(rawValue: 0x54_4B36)
    /// Integer: requests being processed.
    public static let keepAdminRequestsInProgress = Tag(rawValue: 0x54_4B37)
    /// Integer: the Root of Trust version in force.
    public static let keepAdminRootOfTrustVersion = Tag(rawValue: 0x54_4B38)
    /// Text String: the audit chain's head, or absent when keepd has no audit chain.
    public static let keepAdminAuditChainHead = Tag(rawValue: 0x54_4B39)
    /// Structure: `KeepAdminActivity`, one recent request.
    public static let keepAdminActivity = Tag(rawValue: 0x54_4B3A)
    public static let keepAdminTime = Tag(rawValue: 0x54_4B3B)
    /// Structure: `KeepAdminDomainSummary` (a domain and its object counts).
    public static let keepAdminDomainSummary = Tag(rawValue: 0x54_4B3C)
}

/// Keep Admin Client Role (vendor enumeration): what a registered client may do, within its domain.
public struct KeepAdminClientRole: KMIPEnumeration {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// Creates, fetches and uses its domain's keys.
    public static let hypervisor = KeepAdminClientRole(rawValue: 0x8000_0001)
    /// Reads metadata only.
    public static let auditor = KeepAdminClientRole(rawValue: 0x8000_0002)
    /// A tenant's administrator; in the system domain, an installation administrator.
    public static let admin = KeepAdminClientRole(rawValue: 0x8000_0003)

    public static let known: [(KeepAdminClientRole, String)] = [(.hypervisor, "Hypervisor"), (.auditor, "Auditor"), (.admin, "Admin")]
}

/// Keep Admin Wire Profile (vendor enumeration): how responses are shaped for a client.
public struct KeepAdminWireProfile: KMIPEnumeration {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let standard = KeepAdminWireProfile(rawValue: 0x8000_0001)
    /// PyKMIP reads a wrapped Key Value only as a Structure.
    public static let pykmip = KeepAdminWireProfile(rawValue: 0x8000_0002)

    public static let known: [(KeepAdminWireProfile, String)] = [(.standard, "Standard"), (.pykmip, "PyKMIP")]
}

/// Keep Admin Rotation Target (vendor enumeration): which key a rotation replaces.
public struct KeepAdminRotationTarget: KMIPEnumeration {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// The Root of Trust: every DK is re-wrapped inside the HSM.
    public static let rootOfTrust = KeepAdminRotationTarget(rawValue: 0x8000_0001)
    /// One domain's DK: every key of the domain is re-wrapped.
    public static let domainKey = KeepAdminRotationTarget(rawValue: 0x8000_0002)

    public static let known: [(KeepAdminRotationTarget, String)] = [(.rootOfTrust, "RootOfTrust"), (.domainKey, "DomainKey")]
}

extension PayloadTable {
    /// The administration payloads, merged into the decoding tables.
    static let administrationEntries: [(Operation, any RequestPayload.Type, any ResponsePayload.Type)] = [
        (.keepCreateDomain, KeepCreateDomainRequest.self, KeepCreateDomainResponse.self),
        (.keepListDomains, KeepListDomainsRequest.self, KeepListDomainsResponse.self),
        (.keepGetDomain, KeepGetDomainRequest.self, KeepGetDomainResponse.self),
        (.keepModifyDomain, KeepModifyDomainRequest.self, KeepModifyDomainResponse.self),
        (.keepIssueClient, KeepIssueClientRequest.self, KeepIssueClientResponse.self),
        (.keepRegisterClient, KeepRegisterClientRequest.self, KeepRegisterClientResponse.self),
        (.keepListClients, KeepListClientsRequest.self, KeepListClientsResponse.self),
        (.keepRevokeClient, KeepRevokeClientRequest.self, KeepRevokeClientResponse.self),
        (.keepRotate, KeepRotateRequest.self, KeepRotateResponse.self),
        (.keepRotationStatus, KeepRotationStatusRequest.self, KeepRotationStatusResponse.self),
        (.keepListKeys, KeepListKeysRequest.self, KeepListKeysResponse.self),
        (.keepGetKey, KeepGetKeyRequest.self, KeepGetKeyResponse.self),
        (.keepRevokeKey, KeepRevokeKeyRequest.self, KeepRevokeKeyResponse.self),
        (.keepDestroyKey, KeepDestroyKeyRequest.self, KeepDestroyKeyResponse.self),
        (.keepServerStatus, KeepServerStatusRequest.self, KeepServerStatusResponse.self),
        (.keepAuditQuery, KeepAuditQueryRequest.self, KeepAuditQueryResponse.self),
        (.keepAuditVerify, KeepAuditVerifyRequest.self, KeepAuditVerifyResponse.self),
        (.keepAuditExport, KeepAuditExportRequest.self, KeepAuditExportResponse.self),
    ]
}
