// Structures the administration payloads share (see Extensions/KeepAdminExtensions.swift). None carries key
// material: the administration protocol manages keys by identifier and metadata only.

/// A tenant domain: Domain Identifier, Display Name, Enabled, Subscription Active, Key Export Allowed, Client
/// Auth Required, Domain Key Version, Created At, Updated At.
public struct KeepAdminDomain: Hashable, Sendable, TTLVStructureCodable {
    public var identifier: String
    public var displayName: String
    public var enabled: Bool
    public var subscriptionActive: Bool
    public var keyExportAllowed: Bool
    public var clientAuthRequired: Bool
    public var domainKeyVersion: Int32
    public var createdAt: DateTime
    public var updatedAt: DateTime

    public init(identifier: String, displayName: String, enabled: Bool, subscriptionActive: Bool, keyExportAllowed: Bool,
                clientAuthRequired: Bool, domainKeyVersion: Int32, createdAt: DateTime, updatedAt: DateTime) {
        self.identifier = identifier
        self.displayName = displayName
        self.enabled = enabled
        self.subscriptionActive = subscriptionActive
        self.keyExportAllowed = keyExportAllowed
        self.clientAuthRequired = clientAuthRequired
        self.domainKeyVersion = domainKeyVersion
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    public init(from item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        var r = try FieldReader(item)
        identifier = try r.required(.keepAdminDomainIdentifier)
        displayName = try r.required(.keepAdminDisplayName)
        enabled = try r.required(.keepAdminEnabled)
        subscriptionActive = try r.required(.keepAdminSubscriptionActive)
        keyExportAllowed = try r.required(.keepAdminKeyExportAllowed)
        clientAuthRequired = try r.required(.keepAdminClientAuthRequired)
        domainKeyVersion = try r.required(.keepAdminDomainKeyVersion)
        createdAt = try r.required(.keepAdminCreatedAt)
        updatedAt = try r.required(.keepAdminUpdatedAt)
        try r.finish()
    }

    public func ttlv(_ tag: Tag, version: ProtocolVersion) -> TTLV {
        var b = StructureBuilder()
        b.add(.keepAdminDomainIdentifier, identifier)
        b.add(.keepAdminDisplayName, displayName)
        b.add(.keepAdminEnabled, enabled)
        b.add(.keepAdminSubscriptionActive, subscriptionActive)
        b.add(.keepAdminKeyExportAllowed, keyExportAllowed)
        b.add(.keepAdminClientAuthRequired, clientAuthRequired)
        b.add(.keepAdminDomainKeyVersion, domainKeyVersion)
        b.add(.keepAdminCreatedAt, createdAt)
        b.add(.keepAdminUpdatedAt, updatedAt)
        return b.build(tag)
    }
}

/// How many of a domain's objects are in one lifecycle state: State, Count.
public struct KeepAdminObjectCount: Hashable, Sendable, TTLVStructureCodable {
    public var state: State
    public var count: Int64

    public init(state: State, count: Int64) {
        self.state = state
        self.count = count
    }

    public init(from item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        var r = try FieldReader(item)
        state = try r.required(.state)
        count = try r.required(.keepAdminCount)
        try r.finish()
    }

    public func ttlv(_ tag: Tag, version: ProtocolVersion) -> TTLV {
        var b = StructureBuilder()
        b.add(.state, state)
        b.add(.keepAdminCount, count)
        return b.build(tag)
    }
}

/// A domain with its object counts (Server Status): Domain, Object Count*.
public struct KeepAdminDomainSummary: Hashable, Sendable, TTLVStructureCodable {
    public var domain: KeepAdminDomain
    public var objectCounts: [KeepAdminObjectCount]

    public init(domain: KeepAdminDomain, objectCounts: [KeepAdminObjectCount]) {
        self.domain = domain
        self.objectCounts = objectCounts
    }

    public init(from item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        var r = try FieldReader(item)
        domain = try r.required(.keepAdminDomain, version: version)
        objectCounts = try r.all(.keepAdminObjectCount, version: version)
        try r.finish()
    }

    public func ttlv(_ tag: Tag, version: ProtocolVersion) -> TTLV {
        var b = StructureBuilder()
        b.add(.keepAdminDomain, domain, version: version)
        b.add(.keepAdminObjectCount, all: objectCounts, version: version)
        return b.build(tag)
    }
}

/// A registered client: Fingerprint, Domain Identifier, Client Role, Client Name, Subject, Self Signed, Revoked,
/// Created At, Revoked At, Wire Profile.
public struct KeepAdminClient: Hashable, Sendable, TTLVStructureCodable {
    public var fingerprint: String
    public var domainIdentifier: String
    public var role: KeepAdminClientRole
    public var name: String
    public var subject: String
    public var selfSigned: Bool
    public var revoked: Bool
    public var createdAt: DateTime
    public var revokedAt: DateTime?
    public var wireProfile: KeepAdminWireProfile

    public init(fingerprint: String, domainIdentifier: String, role: KeepAdminClientRole, name: String, subject: String,
                selfSigned: Bool, revoked: Bool, createdAt: DateTime, revokedAt: DateTime?, wireProfile: KeepAdminWireProfile) {
        self.fingerprint = fingerprint
        self.domainIdentifier = domainIdentifier
        self.role = role
        self.name = name
        self.subject = subject
        self.selfSigned = selfSigned
        self.revoked = revoked
        self.createdAt = createdAt
        self.revokedAt = revokedAt
        self.wireProfile = wireProfile
    }

    public init(from item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        var r = try FieldReader(item)
        fingerprint = try r.required(.keepAdminFingerprint)
        domainIdentifier = try r.required(.keepAdminDomainIdentifier)
        role = try r.required(.keepAdminClientRole)
        name = try r.required(.keepAdminClientName)
        subject = try r.required(.keepAdminSubject)
        selfSigned = try r.required(.keepAdminSelfSigned)
        revoked = try r.required(.keepAdminRevoked)
        createdAt = try r.required(.keepAdminCreatedAt)
        revokedAt = try r.optional(.keepAdminRevokedAt)
        wireProfile = try r.required(.keepAdminWireProfile)
        try r.finish()
    }

    public func ttlv(_ tag: Tag, version: ProtocolVersion) -> TTLV {
        var b = StructureBuilder()
        b.add(.keepAdminFingerprint, fingerprint)
        b.add(.keepAdminDomainIdentifier, domainIdentifier)
        b.add(.keepAdminClientRole, role)
        b.add(.keepAdminClientName, name)
        b.add(.keepAdminSubject, subject)
        b.add(.keepAdminSelfSigned, selfSigned)
        b.add(.keepAdminRevoked, revoked)
        b.add(.keepAdminCreatedAt, createdAt)
        b.add(.keepAdminRevokedAt, revokedAt)
        b.add(.keepAdminWireProfile, wireProfile)
        return b.build(tag)
    }
}

/// A rotation, running or interrupted: Rotation Target, Domain Identifier (for a DK), Running, Done, Total, Key
/// Version (the version being rotated to), Started At.
public struct KeepAdminRotation: Hashable, Sendable, TTLVStructureCodable {
    public var target: KeepAdminRotationTarget
    public var domainIdentifier: String?
    public var running: Bool
    public var done: Int64
    public var total: Int64
    public var keyVersion: Int32?
    public var startedAt: DateTime?

    public init(target: KeepAdminRotationTarget, domainIdentifier: String? = nil, running: Bool, done: Int64, total: Int64,
                keyVersion: Int32? = nil, startedAt: DateTime? = nil) {
        self.target = target
        self.domainIdentifier = domainIdentifier
        self.running = running
        self.done = done
        self.total = total
        self.keyVersion = keyVersion
        self.startedAt = startedAt
    }

    public init(from item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        var r = try FieldReader(item)
        target = try r.required(.keepAdminRotationTarget)
        domainIdentifier = try r.optional(.keepAdminDomainIdentifier)
        running = try r.required(.keepAdminRunning)
        done = try r.required(.keepAdminDone)
        total = try r.required(.keepAdminTotal)
        keyVersion = try r.optional(.keepAdminKeyVersion)
        startedAt = try r.optional(.keepAdminStartedAt)
        try r.finish()
    }

    public func ttlv(_ tag: Tag, version: ProtocolVersion) -> TTLV {
        var b = StructureBuilder()
        b.add(.keepAdminRotationTarget, target)
        b.add(.keepAdminDomainIdentifier, domainIdentifier)
        b.add(.keepAdminRunning, running)
        b.add(.keepAdminDone, done)
        b.add(.keepAdminTotal, total)
        b.add(.keepAdminKeyVersion, keyVersion)
        b.add(.keepAdminStartedAt, startedAt)
        return b.build(tag)
    }
}

/// A managed object's metadata: Unique Identifier, Object Type, State, Cryptographic Algorithm, Cryptographic
/// Length, Key Name*, Initial/Activation/Deactivation/Compromise/Destroy/Last Change Date, Revocation Reason,
/// Domain Key Version, Has Key Material. Never its value.
public struct KeepAdminKey: Hashable, Sendable, TTLVStructureCodable {
    public var uniqueIdentifier: String
    public var objectType: ObjectType
    public var state: State
    public var cryptographicAlgorithm: CryptographicAlgorithm?
    public var cryptographicLength: Int32?
    public var names: [String]
    public var initialDate: DateTime?
    public var activationDate: DateTime?
    public var deactivationDate: DateTime?
    public var compromiseDate: DateTime?
    public var destroyDate: DateTime?
    public var lastChangeDate: DateTime?
    public var revocationReason: RevocationReason?
    public var domainKeyVersion: Int32?
    public var hasKeyMaterial: Bool

    public init(uniqueIdentifier: String, objectType: ObjectType, state: State, hasKeyMaterial: Bool) {
        self.uniqueIdentifier = uniqueIdentifier
        self.objectType = objectType
        self.state = state
        self.names = []
        self.hasKeyMaterial = hasKeyMaterial
    }

    public init(from item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        var r = try FieldReader(item)
        uniqueIdentifier = try r.required(.uniqueIdentifier)
        objectType = try r.required(.objectType)
        state = try r.required(.state)
        cryptographicAlgorithm = try r.optional(.cryptographicAlgorithm)
        cryptographicLength = try r.optional(.cryptographicLength)
        names = try r.all(.keepAdminKeyName)
        initialDate = try r.optional(.initialDate)
        activationDate = try r.optional(.activationDate)
        deactivationDate = try r.optional(.deactivationDate)
        compromiseDate = try r.optional(.compromiseDate)
        destroyDate = try r.optional(.destroyDate)
        lastChangeDate = try r.optional(.lastChangeDate)
        revocationReason = try r.optional(.revocationReason, version: version)
        domainKeyVersion = try r.optional(.keepAdminDomainKeyVersion)
        hasKeyMaterial = try r.required(.keepAdminHasKeyMaterial)
        try r.finish()
    }

    public func ttlv(_ tag: Tag, version: ProtocolVersion) -> TTLV {
        var b = StructureBuilder()
        b.add(.uniqueIdentifier, uniqueIdentifier)
        b.add(.objectType, objectType)
        b.add(.state, state)
        b.add(.cryptographicAlgorithm, cryptographicAlgorithm)
        b.add(.cryptographicLength, cryptographicLength)
        b.add(.keepAdminKeyName, all: names)
        b.add(.initialDate, initialDate)
        b.add(.activationDate, activationDate)
        b.add(.deactivationDate, deactivationDate)
        b.add(.compromiseDate, compromiseDate)
        b.add(.destroyDate, destroyDate)
        b.add(.lastChangeDate, lastChangeDate)
        b.add(.revocationReason, revocationReason, version: version)
        b.add(.keepAdminDomainKeyVersion, domainKeyVersion)
        b.add(.keepAdminHasKeyMaterial, hasKeyMaterial)
        return b.build(tag)
    }
}

/// One recent request in a domain: Time, Client Name, Operation, Result Status, Result Reason.
public struct KeepAdminActivity: Hashable, Sendable, TTLVStructureCodable {
    public var time: DateTime
    public var clientName: String
    public var operation: Operation?
    public var resultStatus: ResultStatus
    public var resultReason: ResultReason?

    public init(time: DateTime, clientName: String, operation: Operation?, resultStatus: ResultStatus, resultReason: ResultReason?) {
        self.time = time
        self.clientName = clientName
        self.operation = operation
        self.resultStatus = resultStatus
        self.resultReason = resultReason
    }

    public init(from item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        var r = try FieldReader(item)
        time = try r.required(.keepAdminTime)
        clientName = try r.required(.keepAdminClientName)
        operation = try r.optional(.operation)
        resultStatus = try r.required(.resultStatus)
        resultReason = try r.optional(.resultReason)
        try r.finish()
    }

    public func ttlv(_ tag: Tag, version: ProtocolVersion) -> TTLV {
        var b = StructureBuilder()
        b.add(.keepAdminTime, time)
        b.add(.keepAdminClientName, clientName)
        b.add(.operation, operation)
        b.add(.resultStatus, resultStatus)
        b.add(.resultReason, resultReason)
        return b.build(tag)
    }
}
