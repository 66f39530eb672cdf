#if canImport(Glibc)
import Glibc
#endif
import KMIP
import KeepCrypto
import KeepHSM
import KeepStore
import Synchronization

/// The four-level key hierarchy of Keep:
///
/// | level | key                   | one per      | lives in                                        |
/// |-------|-----------------------|--------------|-------------------------------------------------|
/// | 1     | Root of Trust         | installation | the HSM, never leaves it                        |
/// | 2     | Domain Key            | tenant       | the HSM (wrapped under the RoT inside it)        |
/// | 3     | Key Encryption Key    | VM           | the store, wrapped under its tenant's DK         |
/// | 4     | Data Encryption Key   | VM           | with the VM, wrapped under the KEK (hypervisor)  |
///
/// This type owns levels 2 and 3: tenant domains, their managed objects and the objects' lifecycle, and
/// rotation, which re-wraps the level below and never touches data.
public final class KeyHierarchy: Sendable {
    public let hsm: any HSM
    public let store: any ObjectStore
    private let clock: @Sendable () -> Int64
    private let rotationsInProgress = Mutex<Set<String>>([])

    /// How many objects one rotation transaction re-wraps: large enough to amortize the commit's fsync,
    /// small enough that a writer waiting behind it is not held up noticeably.
    public static let rotationBatchSize = 256
    /// Symmetric key lengths Keep creates and accepts (AES).
    public static let aesKeyLengths: Set<Int32> = [128, 192, 256]

    /// `clock` returns microseconds since the POSIX epoch (tests inject their own).
    public init(hsm: any HSM, store: any ObjectStore, clock: @escaping @Sendable () -> Int64 = KeyHierarchy.systemClock) {
        self.hsm = hsm
        self.store = store
        self.clock = clock
    }

    public static let systemClock: @Sendable () -> Int64 = {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Int64(now.tv_sec) * 1_000_000 + Int64(now.tv_nsec) / 1_000
    }

    private var nowSeconds: Int64 { clock() / 1_000_000 }

    // MARK: Domains

    /// Creates a tenant domain and its Domain Key in the HSM.
    @discardableResult
    public func createDomain(id: String, displayName: String? = nil, policy: DomainPolicy = DomainPolicy()) throws -> Domain {
        try Domain.validate(id: id)
        if try backend({ try store.domain(id: id) }) != nil { throw HierarchyError(.domainExists, "domain \(id) exists") }
        let label = Domain.domainKeyLabel(id)
        // A DK left by an earlier attempt that crashed before the store write is adopted, not duplicated.
        let handle = try backend { try hsm.keyInfo(label: label)?.current ?? hsm.createKey(label: label) }
        let now = clock()
        let domain = Domain(DomainRecord(id: id, displayName: displayName ?? id, domainKeyVersion: handle.version,
                                         allowsKeyExport: policy.allowsKeyExport, requiresClientAuthUsage: policy.requiresClientAuthUsage,
                                         createdAt: now, updatedAt: now))
        do {
            try store.write { try $0.insert(domain.record) }
        } catch let error as StoreError where error.code == .alreadyExists {
            throw HierarchyError(.domainExists, "domain \(id) exists")
        } catch {
            throw HierarchyError(.backend, "creating domain \(id)", underlying: error)
        }
        return domain
    }

    public func domain(id: String) throws -> Domain {
        guard let record = try backend({ try store.domain(id: id) }) else { throw HierarchyError(.domainNotFound, "no domain \(id)") }
        return Domain(record)
    }

    public func domains() throws -> [Domain] {
        try backend { try store.read { try $0.domains() } }.map(Domain.init)
    }

    /// Changes a domain's state or policy. Enabling, disabling, suspending and resuming all go through here.
    @discardableResult
    public func updateDomain(id: String, _ change: (inout Domain) throws -> Void) throws -> Domain {
        try writeDomain(id) { domain, _ in
            try change(&domain)
        }
    }

    // MARK: Objects

    /// Creates an AES key (a KEK, for a VM) in the domain: generated here, wrapped under the domain's DK, stored.
    public func createSymmetricKey(in domainID: String, lengthInBits: Int32 = 256, template: ObjectAttributes? = nil) throws -> ManagedObject {
        try createSymmetricKeys(count: 1, in: domainID, lengthInBits: lengthInBits) { _ in template }[0]
    }

    /// Creates `count` AES keys in the domain in one durable transaction (bulk provisioning: one fsync for all).
    /// `template(i)` gives the attributes of the i-th key (names, custom attributes); nil means none.
    public func createSymmetricKeys(count: Int, in domainID: String, lengthInBits: Int32 = 256,
                                    template: (Int) -> ObjectAttributes? = { _ in nil }) throws -> [ManagedObject] {
        guard Self.aesKeyLengths.contains(lengthInBits) else {
            throw HierarchyError(.invalidRequest, "AES keys are 128, 192 or 256 bits, not \(lengthInBits)")
        }
        let objects = try (0..<count).map { i in
            var attributes = template(i) ?? ObjectAttributes(objectType: .symmetricKey)
            attributes.objectType = .symmetricKey
            attributes.cryptographicAlgorithm = .aes
            attributes.cryptographicLength = lengthInBits
            return (attributes: attributes, material: try backend { try SecureRandom.bytes(count: Int(lengthInBits) / 8) })
        }
        return try insertObjects(in: domainID, objects)
    }

    /// Registers an object the client supplies: a symmetric key, secret data or an opaque object.
    public func register(in domainID: String, attributes: ObjectAttributes, material: SecureBytes) throws -> ManagedObject {
        guard [.symmetricKey, .secretData, .opaqueObject].contains(attributes.objectType) else {
            throw HierarchyError(.invalidRequest, "Keep registers symmetric keys, secret data and opaque objects, not \(attributes.objectType)")
        }
        guard !material.isEmpty else { throw HierarchyError(.invalidRequest, "no key material") }
        if attributes.objectType == .symmetricKey {
            guard let length = attributes.cryptographicLength, Int(length) == material.count * 8 else {
                throw HierarchyError(.invalidRequest, "Cryptographic Length does not match the \(material.count * 8)-bit key")
            }
        }
        return try insertObject(in: domainID, attributes: attributes, material: material)
    }

    public func object(_ uid: String, in domainID: String) throws -> ManagedObject {
        let (object, _) = try loadObject(uid, in: domainID)
        return object
    }

    /// The object, in `domain` as the caller read it moments before: keepd reads the caller's domain once per
    /// message and checks it is enabled before every batch item, so reading it again here would only repeat that.
    /// Refused, as `object(_:in:)` is, when that snapshot shows the domain disabled.
    public func object(_ uid: String, in domain: Domain) throws -> ManagedObject {
        guard domain.enabled else { throw HierarchyError(.domainDisabled, "domain \(domain.id) is disabled") }
        let (object, _) = try loadObject(uid, in: domain.id, domainChecked: true)
        return object
    }

    /// The object's key material, unwrapped from under the DK. Refused for destroyed objects.
    public func keyMaterial(of uid: String, in domainID: String) throws -> SecureBytes {
        try keyMaterial(of: try object(uid, in: domainID))
    }

    /// The key material of an object read just before (`object(_:in:)`), from the record read with it: a caller that
    /// checks the object's state, usage or policy and then asks for the key gets the key of what it checked, and
    /// the store is not read twice. Refused for destroyed objects.
    public func keyMaterial(of object: ManagedObject) throws -> SecureBytes {
        guard let raw = object.wrappedKey else {
            throw HierarchyError(.keyMaterialUnavailable, "object \(object.uid) has no key material (state \(object.attributes.state))")
        }
        let wrapped = try WrappedKeyRecord(decoding: raw)
        return try backend {
            try wrapped.unwrap(hsm: hsm, domainID: object.domainID, uid: object.uid, objectType: object.storedObjectType)
        }
    }

    /// Changes an object's attributes (names, custom attributes, …). State and key material are not changed here.
    @discardableResult
    public func updateAttributes(of uid: String, in domainID: String, _ change: (inout ObjectAttributes) throws -> Void) throws -> ManagedObject {
        try writeObject(uid, in: domainID) { attributes, _ in
            let state = attributes.state
            try change(&attributes)
            guard attributes.state == state else { throw HierarchyError(.invalidRequest, "state changes only through the lifecycle operations") }
            attributes.dates.lastChange = self.nowSeconds
        }
    }

    /// Activate, Revoke, Destroy. Destroy erases the key material and keeps the metadata.
    @discardableResult
    public func apply(_ event: LifecycleEvent, to uid: String, in domainID: String) throws -> ManagedObject {
        try writeObject(uid, in: domainID) { attributes, writer in
            try Lifecycle.apply(event, to: &attributes, now: self.nowSeconds)
            if event == .destroy { try writer.eraseWrappedKey(uid: uid, domainID: domainID) }
        }
    }

    /// ReKey: a new key with the old one's attributes and a fresh value; the names move to the new key, and the
    /// two are linked (Replacement Object Link on the old, Replaced Object Link on the new).
    public func rekey(_ uid: String, in domainID: String, activationOffsetSeconds: Int64? = nil) throws -> ManagedObject {
        let old = try object(uid, in: domainID)
        guard old.attributes.objectType == .symmetricKey, let length = old.attributes.cryptographicLength else {
            throw HierarchyError(.invalidRequest, "ReKey applies to symmetric keys")
        }
        guard [.preActive, .active, .deactivated].contains(old.attributes.state) else {
            throw HierarchyError(.wrongLifecycleState, "cannot re-key an object in state \(old.attributes.state)")
        }
        var attributes = ObjectAttributes(objectType: .symmetricKey)
        attributes.usageMask = old.attributes.usageMask
        attributes.names = old.attributes.names
        attributes.custom = old.attributes.custom
        attributes.other = old.attributes.other
        attributes.links = old.attributes.links.filter { $0.type != .replacedObjectLink && $0.type != .replacementObjectLink }
            + [.init(.replacedObjectLink, uid)]
        let now = nowSeconds
        attributes.dates.activation = now + (activationOffsetSeconds ?? 0)
        attributes.dates.originalCreation = old.attributes.dates.originalCreation ?? old.attributes.dates.initial
        let material = try backend { try SecureRandom.bytes(count: Int(length) / 8) }
        attributes.cryptographicAlgorithm = old.attributes.cryptographicAlgorithm
        attributes.cryptographicLength = length
        return try insertObject(in: domainID, attributes: attributes, material: material) { writer, newUID in
            // The old key gives up its names and points at its replacement, in the same transaction.
            guard let record = try writer.object(uid: uid, domainID: domainID) else {
                throw HierarchyError(.objectNotFound, "no object \(uid)")
            }
            var oldAttributes = try AttributeRecord.decode(record.attributes)
            oldAttributes.names = []
            oldAttributes.links.append(.init(.replacementObjectLink, newUID))
            oldAttributes.dates.lastChange = now
            try writer.update(Self.record(record, with: oldAttributes, at: self.clock()))
        }
    }

    /// Identifiers of the domain's objects matching `query` (whose domain must be `domainID`).
    public func locate(_ query: ObjectQuery) throws -> [String] {
        _ = try servingDomain(query.domainID)
        return try backend { try store.locate(query) }
    }

    // MARK: Rotation

    /// Rotates a domain's DK: a new DK version in the HSM, every KEK of the domain re-wrapped under it in
    /// batches, then the old version destroyed. Online (clients keep reading and creating keys throughout),
    /// resumable and crash-safe: the rotation is journalled in the store before any KEK moves, every KEK
    /// record names the DK version it is under, and old versions stay in the HSM until no record names them.
    /// Calling it again after a crash completes the interrupted rotation. Returns the new DK version.
    @discardableResult
    public func rotateDomainKey(_ domainID: String, progress: (Int, Int) -> Void = { _, _ in }) throws -> UInt32 {
        let scope = "domain:\(domainID)"
        try claimRotation(scope)
        defer { releaseRotation(scope) }
        var domain = try self.domain(id: domainID)
        let label = domain.domainKeyLabel

        // 1. Resume the journalled rotation, or start one.
        let target: UInt32
        if let journal = try backend({ try store.read { try $0.rotation(scope: scope) } }) {
            target = journal.toVersion
        } else {
            let latest = try backend { try hsm.keyInfo(label: label)?.current.version } ?? 0
            // A version newer than the domain's was made by a rotation that crashed before its journal entry.
            target = latest > domain.domainKeyVersion ? latest : try backend { try hsm.rotateKey(label: label).version }
            domain = try writeDomain(domainID) { domain, writer in
                try writer.beginRotation(RotationRecord(scope: scope, fromVersion: domain.domainKeyVersion, toVersion: target, startedAt: self.clock()))
                domain.domainKeyVersion = target
            }
        }

        // 2. Re-wrap in batches. Unwrapping and wrapping happen outside the transaction; each swap is a
        //    compare-and-swap on the version, so a KEK destroyed meanwhile is left destroyed.
        let total = try backend { try store.read { try $0.countWrapped(domainID: domainID, belowDomainKeyVersion: target) } }
        var done = 0
        let newKey = KeyHandle(label: label, version: target)
        while true {
            let batch = try backend { try store.read { try $0.objectsWrapped(domainID: domainID, belowDomainKeyVersion: target, limit: Self.rotationBatchSize) } }
            if batch.isEmpty { break }
            let swaps = try batch.map { record -> (String, UInt32, WrappedKeyRecord) in
                let old = try WrappedKeyRecord(decoding: record.wrappedKey ?? [])
                // The swap compares the indexed column; a record that disagrees with it would be picked forever.
                guard old.domainKeyVersion == record.domainKeyVersion else {
                    throw HierarchyError(.corruptRecord, "object \(record.uid): wrapped record says DK version \(old.domainKeyVersion), the store \(record.domainKeyVersion.map(String.init) ?? "none")")
                }
                let material = try backend { try old.unwrap(hsm: hsm, domainID: domainID, uid: record.uid, objectType: record.objectType) }
                let new = try backend {
                    try WrappedKeyRecord.wrap(material, hsm: hsm, domainID: domainID, uid: record.uid, objectType: record.objectType, domainKey: newKey)
                }
                return (record.uid, old.domainKeyVersion, new)
            }
            try backend {
                try store.write { writer in
                    for (uid, expected, new) in swaps {
                        _ = try writer.replaceWrappedKey(uid: uid, domainID: domainID, expectedVersion: expected,
                                                         wrappedKey: new.bytes, domainKeyVersion: target)
                    }
                }
            }
            done += batch.count
            progress(min(done, max(total, done)), max(total, done))
        }

        // 3. Destroy the old versions once nothing refers to them, then close the journal. Nothing new can
        //    refer to them: since step 1 every insert wraps under `target` (it re-checks the domain's version in
        //    its transaction). Destroying before closing means a crash in between leaves the journal open, and
        //    the re-run finds nothing to re-wrap, destroys nothing more and closes it.
        let remaining = try backend { try store.read { try $0.countWrapped(domainID: domainID, belowDomainKeyVersion: target) } }
        guard remaining == 0 else {
            releaseRotation(scope)
            return try rotateDomainKey(domainID, progress: progress)
        }
        try backend { try hsm.destroyVersions(label: label, below: target) }
        try backend { try store.write { try $0.finishRotation(scope: scope) } }
        return target
    }

    /// Rotates the Root of Trust: every DK is re-wrapped inside the HSM. KEK records are not touched.
    @discardableResult
    public func rotateRootOfTrust(progress: (Int, Int) -> Void = { _, _ in }) throws -> UInt32 {
        try claimRotation("root")
        defer { releaseRotation("root") }
        return try backend { try hsm.rotateRootOfTrust(progress: progress) }
    }

    /// The rotation journalled for `scope` and not yet finished (`root` is tracked by the HSM itself).
    public func pendingRotation(domainID: String) throws -> RotationRecord? {
        try backend { try store.read { try $0.rotation(scope: "domain:\(domainID)") } }
    }

    // MARK: Internals

    private func claimRotation(_ scope: String) throws {
        let claimed = rotationsInProgress.withLock { $0.insert(scope).inserted }
        guard claimed else { throw HierarchyError(.invalidRequest, "a rotation of \(scope) is already running") }
    }

    private func releaseRotation(_ scope: String) {
        _ = rotationsInProgress.withLock { $0.remove(scope) }
    }

    /// The domain, if it may be served at all.
    private func servingDomain(_ id: String) throws -> Domain {
        try Self.serving(try backend { try store.domain(id: id) }, id: id)
    }

    private static func serving(_ record: DomainRecord?, id: String) throws -> Domain {
        guard let record else { throw HierarchyError(.domainNotFound, "no domain \(id)") }
        let domain = Domain(record)
        guard domain.enabled else { throw HierarchyError(.domainDisabled, "domain \(id) is disabled") }
        return domain
    }

    /// Generates an identifier, wraps the material under the domain's current DK and inserts the object.
    private func insertObject(in domainID: String, attributes: ObjectAttributes, material: SecureBytes,
                              alsoInTransaction extra: ((any ObjectStoreWriter, String) throws -> Void)? = nil) throws -> ManagedObject {
        try insertObjects(in: domainID, [(attributes, material)]) { writer, uids in try extra?(writer, uids[0]) }[0]
    }

    /// Generates identifiers, wraps each material under the domain's current DK and inserts all the objects in
    /// one transaction. The insert re-checks the DK version inside its transaction: if a rotation moved the
    /// domain on between the wrap and the insert, it wraps again under the new version rather than store keys
    /// under one that the rotation is about to destroy.
    private func insertObjects(in domainID: String, _ objects: [(attributes: ObjectAttributes, material: SecureBytes)],
                               alsoInTransaction extra: ((any ObjectStoreWriter, [String]) throws -> Void)? = nil) throws -> [ManagedObject] {
        let now = clock()
        var prepared: [(uid: String, attributes: ObjectAttributes, material: SecureBytes)] = []
        prepared.reserveCapacity(objects.count)
        for (attributes, material) in objects {
            var attributes = attributes
            attributes.dates.initial = now / 1_000_000
            attributes.dates.lastChange = now / 1_000_000
            if attributes.state == .preActive { _ = Lifecycle.advance(&attributes, now: now / 1_000_000) }
            prepared.append((try newIdentifier(), attributes, material))
        }
        for _ in 0..<8 {
            let domain = try servingDomain(domainID)
            guard domain.subscription == .active else {
                throw HierarchyError(.subscriptionSuspended, "domain \(domainID)'s subscription is suspended: no new keys")
            }
            let records = try prepared.map { uid, attributes, material in
                let wrapped = try backend {
                    try WrappedKeyRecord.wrap(material, hsm: hsm, domainID: domainID, uid: uid, objectType: attributes.objectType.rawValue,
                                              domainKey: domain.domainKey)
                }
                return ObjectRecord(uid: uid, domainID: domainID, objectType: attributes.objectType.rawValue,
                                    state: attributes.state.rawValue, algorithm: attributes.cryptographicAlgorithm?.rawValue,
                                    length: attributes.cryptographicLength, wrappedKey: wrapped.bytes,
                                    domainKeyVersion: wrapped.domainKeyVersion, attributes: AttributeRecord.encode(attributes),
                                    names: attributes.names.map(\.value), customAttributes: Self.indexed(attributes.custom),
                                    createdAt: now, updatedAt: now)
            }
            let inserted = try backend {
                try store.write { writer -> Bool in
                    guard let current = try writer.domain(id: domainID) else { throw HierarchyError(.domainNotFound, "no domain \(domainID)") }
                    guard current.domainKeyVersion == domain.domainKey.version else { return false }
                    for record in records { try writer.insert(record) }
                    try extra?(writer, records.map(\.uid))
                    return true
                }
            }
            if inserted { return try records.map(ManagedObject.init) }
        }
        throw HierarchyError(.backend, "domain key of \(domainID) kept changing during the insert")
    }

    /// The object, if its domain may be served: both read in one snapshot (one read transaction, not two), or the
    /// object alone when the caller has just checked the domain (`domainChecked`).
    private func loadObject(_ uid: String, in domainID: String, domainChecked: Bool = false) throws -> (ManagedObject, ObjectRecord) {
        let found = try backend {
            try store.read { reader -> ObjectRecord? in
                if !domainChecked { _ = try Self.serving(try reader.domain(id: domainID), id: domainID) }
                return try reader.object(uid: uid, domainID: domainID)
            }
        }
        guard var record = found else {
            throw HierarchyError(.objectNotFound, "no object \(uid)")
        }
        var object = try ManagedObject(record)
        // Time-driven transitions (activation and deactivation dates) are applied when the object is next read.
        if Lifecycle.advance(&object.attributes, now: nowSeconds) {
            record = Self.record(record, with: object.attributes, at: clock())
            try backend { try store.write { try $0.update(record) } }
        }
        return (object, record)
    }

    private func writeObject(_ uid: String, in domainID: String,
                             _ change: (inout ObjectAttributes, any ObjectStoreWriter) throws -> Void) throws -> ManagedObject {
        _ = try servingDomain(domainID)
        let record = try backend {
            try store.write { writer -> ObjectRecord in
                guard let record = try writer.object(uid: uid, domainID: domainID) else {
                    throw HierarchyError(.objectNotFound, "no object \(uid)")
                }
                var attributes = try AttributeRecord.decode(record.attributes)
                _ = Lifecycle.advance(&attributes, now: self.nowSeconds)
                try change(&attributes, writer)
                let updated = Self.record(record, with: attributes, at: self.clock())
                try writer.update(updated)
                return try writer.object(uid: uid, domainID: domainID) ?? updated
            }
        }
        return try ManagedObject(record)
    }

    @discardableResult
    private func writeDomain(_ id: String, _ change: (inout Domain, any ObjectStoreWriter) throws -> Void) throws -> Domain {
        try backend {
            try store.write { writer -> Domain in
                guard let record = try writer.domain(id: id) else { throw HierarchyError(.domainNotFound, "no domain \(id)") }
                var domain = Domain(record)
                try change(&domain, writer)
                domain.id = id
                domain.updatedAt = self.clock()
                try writer.update(domain.record)
                return domain
            }
        }
    }

    private static func record(_ record: ObjectRecord, with a: ObjectAttributes, at now: Int64) -> ObjectRecord {
        var record = record
        record.state = a.state.rawValue
        record.algorithm = a.cryptographicAlgorithm?.rawValue
        record.length = a.cryptographicLength
        record.attributes = AttributeRecord.encode(a)
        record.names = a.names.map(\.value)
        record.customAttributes = indexed(a.custom)
        record.updatedAt = now
        return record
    }

    private static func indexed(_ custom: [CustomAttributeValue]) -> [CustomAttribute] {
        custom.map { CustomAttribute(name: $0.name, index: $0.index, value: $0.indexText) }
    }

    /// A random identifier in UUID form: unguessable, so one tenant cannot probe for another's objects.
    private func newIdentifier() throws -> String {
        var bytes = try backend { try SecureRandom.publicBytes(count: 16) }
        bytes[6] = (bytes[6] & 0x0F) | 0x40
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let hex = bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
        let i = hex.startIndex
        func part(_ from: Int, _ to: Int) -> Substring { hex[hex.index(i, offsetBy: from)..<hex.index(i, offsetBy: to)] }
        return "\(part(0, 8))-\(part(8, 12))-\(part(12, 16))-\(part(16, 20))-\(part(20, 32))"
    }

    /// Runs `body`, passing HierarchyErrors through and wrapping HSM, store and crypto errors as `.backend`
    /// (keeping the original as `underlying`, so callers can still tell a full disk from a wrong PIN).
    private func backend<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as HierarchyError {
            throw error
        } catch let error as HSMError {
            throw HierarchyError(.backend, "HSM: \(error.reason)", underlying: error)
        } catch let error as StoreError {
            throw HierarchyError(.backend, "store: \(error.reason)", underlying: error)
        } catch let error as CryptoError {
            throw HierarchyError(.backend, "crypto: \(error.reason)", underlying: error)
        }
    }
}
