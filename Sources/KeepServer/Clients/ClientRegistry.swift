import KeepStore
import KeyHierarchy

/// A registered client: a certificate fingerprint bound to a tenant domain and a role.
public struct RegisteredClient: Hashable, Sendable {
    public var fingerprint: String
    public var domainID: String
    public var role: ClientRole
    public var name: String
    public var subject: String
    /// Accepted without a trusted CA chain, on its fingerprint alone.
    public var selfSigned: Bool
    public var revoked: Bool
    /// Microseconds since the POSIX epoch.
    public var createdAt: Int64
    public var revokedAt: Int64?
    public var wireProfile: WireProfile

    public init(fingerprint: String, domainID: String, role: ClientRole, name: String, subject: String, selfSigned: Bool = false,
                revoked: Bool = false, createdAt: Int64, revokedAt: Int64? = nil, wireProfile: WireProfile = .standard) {
        self.fingerprint = fingerprint
        self.domainID = domainID
        self.role = role
        self.name = name
        self.subject = subject
        self.selfSigned = selfSigned
        self.revoked = revoked
        self.createdAt = createdAt
        self.revokedAt = revokedAt
        self.wireProfile = wireProfile
    }

    init?(_ r: ClientRecord) {
        guard let role = ClientRole(rawValue: r.role), let wireProfile = WireProfile(rawValue: r.wireProfile) else { return nil }
        self.init(fingerprint: r.fingerprint, domainID: r.domainID, role: role, name: r.name, subject: r.subject, selfSigned: r.selfSigned,
                  revoked: r.revoked, createdAt: r.createdAt, revokedAt: r.revokedAt, wireProfile: wireProfile)
    }

    var record: ClientRecord {
        ClientRecord(fingerprint: fingerprint, domainID: domainID, role: role.rawValue, name: name, subject: subject, selfSigned: selfSigned,
                     revoked: revoked, createdAt: createdAt, revokedAt: revokedAt, wireProfile: wireProfile.rawValue)
    }
}

/// An error managing the registry (keepctl's path), as opposed to a refused peer (`ClientRefusal`).
public struct ClientRegistryError: Error, Hashable, Sendable, CustomStringConvertible {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        fileprivate let name: String
        public static let invalidFingerprint = Code(name: "invalidFingerprint")
        public static let invalidName = Code(name: "invalidName")
        public static let domainNotFound = Code(name: "domainNotFound")
        /// The fingerprint, or the name within the domain, is already registered.
        public static let alreadyRegistered = Code(name: "alreadyRegistered")
        public static let notFound = Code(name: "notFound")
        /// A stored row names a role this build does not know.
        public static let invalidRecord = Code(name: "invalidRecord")
        public static let backend = Code(name: "backend")
        public var description: String { name }
    }

    public let code: Code
    public let reason: String

    public init(_ code: Code, _ reason: String) {
        self.code = code
        self.reason = reason
    }

    public var description: String { "ClientRegistryError.\(code): \(reason)" }
}

/// The clients allowed to connect, kept in the object store (any backend).
public struct ClientRegistry: Sendable {
    public let store: any ObjectStore
    private let clock: @Sendable () -> Int64

    /// Client names are operator-chosen labels that appear in audit records and logs.
    public static let maximumNameLength = 128

    /// `clock` returns microseconds since the POSIX epoch.
    public init(store: any ObjectStore, clock: @escaping @Sendable () -> Int64 = KeyHierarchy.systemClock) {
        self.store = store
        self.clock = clock
    }

    /// Lowercase hexadecimal without separators, or nil if `text` is not a SHA-256 digest in hexadecimal.
    public static func normalizedFingerprint(_ text: String) -> String? {
        let hex = text.lowercased().filter { $0 != ":" }
        guard hex.utf8.count == 64, hex.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) }) else { return nil }
        return hex
    }

    @discardableResult
    public func register(fingerprint: String, domainID: String, role: ClientRole, name: String, subject: String,
                         selfSigned: Bool = false, wireProfile: WireProfile = .standard) throws -> RegisteredClient {
        guard let fingerprint = Self.normalizedFingerprint(fingerprint) else {
            throw ClientRegistryError(.invalidFingerprint, "a client fingerprint is the certificate's SHA-256 in hexadecimal")
        }
        guard !name.isEmpty, name.utf8.count <= Self.maximumNameLength, name.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F }) else {
            throw ClientRegistryError(.invalidName, "a client name is 1 to \(Self.maximumNameLength) printable characters")
        }
        let client = RegisteredClient(fingerprint: fingerprint, domainID: domainID, role: role, name: name, subject: subject,
                                      selfSigned: selfSigned, createdAt: clock(), wireProfile: wireProfile)
        try backend {
            try store.write { writer in
                guard try writer.domain(id: domainID) != nil else {
                    throw ClientRegistryError(.domainNotFound, "no domain \(domainID)")
                }
                do {
                    try writer.insert(client.record)
                } catch let error as StoreError where error.code == .alreadyExists {
                    throw ClientRegistryError(.alreadyRegistered, "certificate \(fingerprint) or name \(name) in domain \(domainID) is already registered")
                }
            }
        }
        return client
    }

    /// Revokes a client: its certificate is refused from the next connection on. The row is kept.
    @discardableResult
    public func revoke(fingerprint: String) throws -> RegisteredClient {
        guard let fingerprint = Self.normalizedFingerprint(fingerprint) else {
            throw ClientRegistryError(.invalidFingerprint, "a client fingerprint is the certificate's SHA-256 in hexadecimal")
        }
        return try backend {
            try store.write { writer -> RegisteredClient in
                guard let record = try writer.client(fingerprint: fingerprint) else {
                    throw ClientRegistryError(.notFound, "no client with certificate \(fingerprint)")
                }
                guard var client = RegisteredClient(record) else {
                    throw ClientRegistryError(.invalidRecord, "client \(record.name) has unknown role \(record.role)")
                }
                if !client.revoked {
                    client.revoked = true
                    client.revokedAt = clock()
                    try writer.update(client.record)
                }
                return client
            }
        }
    }

    public func client(fingerprint: String) throws -> RegisteredClient? {
        guard let fingerprint = Self.normalizedFingerprint(fingerprint) else { return nil }
        guard let record = try backend({ try store.client(fingerprint: fingerprint) }) else { return nil }
        guard let client = RegisteredClient(record) else {
            throw ClientRegistryError(.invalidRecord, "client \(record.name) has unknown role \(record.role)")
        }
        return client
    }

    /// Clients of `domainID`, or of every domain when nil. Rows with a role this build does not know are skipped.
    public func clients(domainID: String? = nil) throws -> [RegisteredClient] {
        try backend { try store.read { try $0.clients(domainID: domainID) } }.compactMap(RegisteredClient.init)
    }

    /// Looks the peer up and decides (`ClientAuthorizer`). `now` is seconds since the POSIX epoch. Never throws:
    /// a registry that cannot be read refuses.
    public func authorize(_ peer: ClientCertificate, hierarchy: KeyHierarchy, now: Int64) -> ClientAuthorization {
        guard let fingerprint = Self.normalizedFingerprint(peer.fingerprint) else {
            return ClientAuthorizer.authorize(peer, registration: nil, domainPolicy: nil, now: now)
        }
        let registration: RegisteredClient?
        do {
            registration = try client(fingerprint: fingerprint)
        } catch let error as ClientRegistryError where error.code == .invalidRecord {
            return .refused(ClientRefusal(.invalidRegistration, error.reason))
        } catch {
            return .refused(ClientRefusal(.registryUnavailable, "the client registry could not be read"))
        }
        var policy: DomainPolicy?
        if let registration {
            do {
                policy = try hierarchy.domain(id: registration.domainID).policy
            } catch let error as HierarchyError where error.code == .domainNotFound {
                policy = nil
            } catch {
                return .refused(ClientRefusal(.registryUnavailable, "domain \(registration.domainID) could not be read"))
            }
        }
        return ClientAuthorizer.authorize(peer, registration: registration, domainPolicy: policy, now: now)
    }

    private func backend<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as ClientRegistryError {
            throw error
        } catch let error as StoreError {
            throw ClientRegistryError(.backend, "store: \(error.reason)")
        }
    }
}
