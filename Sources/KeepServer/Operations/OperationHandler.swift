import KMIP
import KeepCrypto
import KeyHierarchy

/// One KMIP operation. Each lives in its own file and is dispatched by `OperationTable`.
protocol OperationHandler: Sendable {
    associatedtype Request: RequestPayload
    /// What the operation does, for `AccessPolicy`.
    var access: OperationAccess { get }
    /// The first protocol version that defines the operation; older requests are answered Operation Not Supported.
    var introduced: ProtocolVersion { get }
    func handle(_ request: Request, in context: OperationContext) throws -> any ResponsePayload
}

extension OperationHandler {
    var operation: Operation { Request.operation }

    /// Opens the existential payload the table holds.
    func handle(payload: any RequestPayload, in context: OperationContext) throws -> any ResponsePayload {
        guard let request = payload as? Request else {
            throw ServiceError(.internalError, "internal error: \(payload) is not a \(Request.self)")
        }
        return try handle(request, in: context)
    }
}

/// The handlers, by operation.
enum OperationTable {
    static let handlers: [Operation: any OperationHandler] = Dictionary(uniqueKeysWithValues: (all + administration).map { ($0.operation, $0) })

    private static let all: [any OperationHandler] = [
        DiscoverVersionsHandler(), QueryHandler(), CreateHandler(), RegisterHandler(), GetHandler(), GetAttributesHandler(),
        GetAttributeListHandler(), AddAttributeHandler(), SetAttributeHandler(), ModifyAttributeHandler(), DeleteAttributeHandler(),
        LocateHandler(), ActivateHandler(), RevokeHandler(), DestroyHandler(), ReKeyHandler(), EncryptHandler(), DecryptHandler(),
        RNGRetrieveHandler(), RNGSeedHandler(), CheckHandler(), KeepDomainStatusHandler(),
    ]

    /// The operations a client speaking `version` may use, in enumeration order (Query Operations).
    static func operations(in version: ProtocolVersion) -> [Operation] {
        // Administration operations are not advertised: a tenant's client may not use them.
        handlers.values.filter { $0.introduced <= version && !$0.access.isAdministration }.map(\.operation).sorted { $0.rawValue < $1.rawValue }
    }
}

/// What one message's batch items share: the caller, its domain as it stood when the message arrived, the
/// protocol version, and the ID Placeholder (the object the previous item produced, used by an item that names
/// no object). Used by one thread, for one message.
final class OperationContext {
    let caller: CallerIdentity
    let domain: Domain
    let version: ProtocolVersion
    let hierarchy: KeyHierarchy
    let configuration: ServiceConfiguration
    /// The streamed Encrypts and Decrypts in progress, the service's.
    let streams: CipherStreams
    /// Seconds since the POSIX epoch, when the message arrived.
    let now: Int64
    var idPlaceholder: String?
    /// Objects the current item named or produced, for its audit event. Reset before each item.
    var objectIDs: [String] = []
    /// What the current item did that its operation does not say, for its audit event's message when it succeeds
    /// (a Locate that made a key for a fresh key group). Reset before each item.
    var auditNote: String?
    /// What the administration operations need; nil when the service has none (they are then not supported).
    var administration: AdministrationTools?

    init(caller: CallerIdentity, domain: Domain, version: ProtocolVersion, hierarchy: KeyHierarchy, configuration: ServiceConfiguration,
         streams: CipherStreams, now: Int64) {
        self.caller = caller
        self.domain = domain
        self.version = version
        self.hierarchy = hierarchy
        self.configuration = configuration
        self.streams = streams
        self.now = now
    }

    var domainID: String { domain.id }

    /// Who owns a stream this message starts, and who alone may continue one: the caller's domain and certificate.
    var streamOwner: CipherStreams.Owner { CipherStreams.Owner(domainID: domainID, client: caller.fingerprint) }

    /// The object a request names: its Unique Identifier, or the ID Placeholder when it names none.
    func resolve(_ identifier: UniqueIdentifier?) throws(ServiceError) -> String {
        let uid: String
        switch identifier {
        case .text(let text)?:
            uid = text
        case nil, .placeholder(UniqueIdentifierEnumeration.idPlaceholder.rawValue)?:
            guard let placeholder = idPlaceholder else {
                // Nothing to act on, as when a batched Locate found nothing (KMIP 1.1 test case TC-152).
                throw ServiceError(.itemNotFound, "no Unique Identifier, and no earlier batch item set the ID Placeholder")
            }
            uid = placeholder
        case .some(let other):
            throw ServiceError(.featureNotSupported, "Unique Identifier \(other) is not supported: send the identifier or rely on the ID Placeholder")
        }
        touch(uid)
        return uid
    }

    func touch(_ uid: String) {
        if !objectIDs.contains(uid) { objectIDs.append(uid) }
    }

    /// The object, if it is in the caller's domain. Another domain's object is not found, exactly like a
    /// missing one: the store is asked only for the caller's domain. The domain is the message's snapshot, which
    /// `AccessPolicy` found enabled before this item ran.
    func object(_ uid: String) throws -> StoredObject {
        try hierarchy.object(uid, in: domain)
    }

    /// The key material of an object `object(_:)` returned in this request: the key of the very record whose state,
    /// usage and policy the operation checked. Every plaintext key the server handles passes through here. A key
    /// registered wrapped is unwrapped here, with its wrapping key, if that key may unwrap it (`RegisteredWrapping`).
    func keyMaterial(_ object: StoredObject) throws -> SecureBytes {
        if object.valueForm == .registeredWrapped { return try RegisteredWrapping.unwrap(object, in: self) }
        return try hierarchy.keyMaterial(of: object)
    }
}
