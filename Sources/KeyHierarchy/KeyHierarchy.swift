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
            try store.write { writer in
                try writer.insert(domain.record)
                try recordPartitionVersion(writer)
            }
        } catch let error as StoreError where error.code == .alreadyExists {
            throw HierarchyError(.domainExists, "domain \(id) exists")
        } catch let error as HierarchyError {
            throw error
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

    /// Creates a symmetric key (an AES KEK, for a VM) in the domain: generated here, wrapped under the domain's DK,
    /// stored.
    public func createSymmetricKey(in domainID: String, algorithm: CryptographicAlgorithm = .aes, lengthInBits: Int32 = 256,
                                   template: ObjectAttributes? = nil) throws -> ManagedObject {
        try createSymmetricKeys(count: 1, in: domainID, algorithm: algorithm, lengthInBits: lengthInBits) { _ in template }[0]
    }

    /// Creates `count` symmetric keys in the domain in one durable transaction (bulk provisioning: one fsync for
    /// all). `template(i)` gives the attributes of the i-th key (names, custom attributes); nil means none. Each key
    /// gets its Digest (SHA-256 of the Raw key) and, as KMIP 1.3 §3.44 asks of a server-made object, an Original
    /// Creation Date equal to its Initial Date.
    public func createSymmetricKeys(count: Int, in domainID: String, algorithm: CryptographicAlgorithm = .aes, lengthInBits: Int32 = 256,
                                    template: (Int) -> ObjectAttributes? = { _ in nil }) throws -> [ManagedObject] {
        guard let byteCount = Self.keyByteCount(algorithm: algorithm, lengthInBits: lengthInBits) else {
            throw HierarchyError(.invalidRequest, "Keep generates AES keys of 128, 192 or 256 bits and Triple DES keys of 168 bits, not \(algorithm) \(lengthInBits)")
        }
        let objects = try (0..<count).map { i in
            var attributes = template(i) ?? ObjectAttributes(objectType: .symmetricKey)
            attributes.objectType = .symmetricKey
            attributes.cryptographicAlgorithm = algorithm
            attributes.cryptographicLength = lengthInBits
            attributes.dates.originalCreation = nil
            let material = try generateKey(algorithm: algorithm, byteCount: byteCount)
            Self.setDigest(of: material, in: &attributes)
            return (attributes: attributes, value: NewValue.material(material))
        }
        return try insertObjects(in: domainID, objects)
    }

    /// The bytes of a symmetric key of `algorithm` and `lengthInBits`, or nil for a key Keep does not make: AES
    /// 128/192/256, and three-key Triple DES (168 bits of key in 24 bytes with their parity bits), which the KMIP
    /// FIPS key foundry profile (SKFF) requires a server to create. Keep stores and serves Triple DES keys but never
    /// encrypts with them.
    public static func keyByteCount(algorithm: CryptographicAlgorithm, lengthInBits: Int32) -> Int? {
        switch algorithm {
        case .aes: aesKeyLengths.contains(lengthInBits) ? Int(lengthInBits) / 8 : nil
        case .des3: lengthInBits == 168 ? 24 : nil
        default: nil
        }
    }

    private func generateKey(algorithm: CryptographicAlgorithm, byteCount: Int) throws -> SecureBytes {
        var material = try backend { try SecureRandom.bytes(count: byteCount) }
        if algorithm == .des3 {
            // DES keys carry odd parity in each byte's low bit (FIPS 46-3 §2); some consumers check it.
            material.withUnsafeMutableBytes { bytes in
                for i in bytes.indices {
                    let high = bytes[i] & 0xFE
                    bytes[i] = high | (high.nonzeroBitCount % 2 == 0 ? 1 : 0)
                }
            }
        }
        return material
    }

    /// Replaces the object's Digest with one of `material` in Raw format.
    private static func setDigest(of material: SecureBytes, in attributes: inout ObjectAttributes) {
        attributes.other.removeAll { $0.tag == .digest }
        attributes.other.append(KeyDigest.attribute(of: material, format: .raw))
    }

    /// Registers an object the client supplies: a symmetric key, secret data, an opaque object, or a template (whose
    /// value is its attribute list). A key or secret gets Key Value Present = True.
    public func register(in domainID: String, attributes: ObjectAttributes, material: SecureBytes) throws -> ManagedObject {
        guard [.symmetricKey, .secretData, .opaqueObject, .template].contains(attributes.objectType) else {
            throw HierarchyError(.invalidRequest, "Keep registers symmetric keys, secret data, opaque objects and templates, not \(attributes.objectType)")
        }
        guard !material.isEmpty else { throw HierarchyError(.invalidRequest, "no key material") }
        if attributes.objectType == .symmetricKey {
            guard let length = attributes.cryptographicLength,
                  material.count == attributes.cryptographicAlgorithm.flatMap({ Self.keyByteCount(algorithm: $0, lengthInBits: length) })
                  ?? Int(length) / 8, Int(length) <= material.count * 8 else {
                throw HierarchyError(.invalidRequest, "Cryptographic Length does not match the \(material.count * 8)-bit key")
            }
        }
        var attributes = attributes
        Self.setKeyValuePresent(true, in: &attributes)
        return try insertObject(in: domainID, attributes: attributes, value: .material(material))
    }

    /// Registers a symmetric key in the wrapped form its client sent (Key Wrapping Data naming another key of the
    /// domain). The form is stored as registered, under the domain's DK like any key material (a format-2
    /// record), and is not unwrapped here: the server unwraps it with the wrapping key when an operation needs
    /// the key, and Get As Registered returns it unchanged. The server checks the Key Wrapping Data and the
    /// wrapping key before calling this. The key gets Key Value Present = True and no Digest (its value is
    /// not known here).
    public func register(in domainID: String, attributes: ObjectAttributes, wrapped value: RegisteredWrappedValue) throws -> ManagedObject {
        guard attributes.objectType == .symmetricKey, attributes.cryptographicAlgorithm != nil, attributes.cryptographicLength != nil else {
            throw HierarchyError(.invalidRequest, "a key registered wrapped is a symmetric key with its Cryptographic Algorithm and Length")
        }
        guard !value.wrappedValue.isEmpty else { throw HierarchyError(.invalidRequest, "no wrapped key value") }
        var attributes = attributes
        attributes.other.removeAll { $0.tag == .digest }
        Self.setKeyValuePresent(true, in: &attributes)
        return try insertObject(in: domainID, attributes: attributes, value: .registeredWrapped(value))
    }

    /// Registers a symmetric key or secret data whose value Keep is not given (KMIP 1.2+: its Key Value Location
    /// says where it is kept): the metadata alone, no record in `wrapped_key`, Key Value Present = False. No
    /// Original Creation Date is set unless the client gave one: the value was made elsewhere, at a time Keep
    /// does not know (KMIP 1.3+ lets the server set it, or not).
    public func registerWithoutValue(in domainID: String, attributes: ObjectAttributes) throws -> ManagedObject {
        guard [.symmetricKey, .secretData].contains(attributes.objectType) else {
            throw HierarchyError(.invalidRequest, "only symmetric keys and secret data are registered without their value, not \(attributes.objectType)")
        }
        var attributes = attributes
        attributes.other.removeAll { $0.tag == .digest }
        Self.setKeyValuePresent(false, in: &attributes)
        return try insertObject(in: domainID, attributes: attributes, value: .absent)
    }

    /// Key Value Present (KMIP 1.2+), as the object's attributes say: set at Register on keys and secret data,
    /// absent on objects Keep made (it holds their values) and on those registered before Keep set it.
    public static func keyValuePresent(in attributes: ObjectAttributes) -> Bool? {
        guard case .boolean(let present)? = attributes.other.first(where: { $0.tag == .keyValuePresent })?.value else { return nil }
        return present
    }

    /// KMIP (1.2+) defines Key Value Present for keys and secret data, the objects with a Key Block.
    private static func setKeyValuePresent(_ present: Bool, in attributes: inout ObjectAttributes) {
        guard [.symmetricKey, .secretData].contains(attributes.objectType) else { return }
        attributes.other.removeAll { $0.tag == .keyValuePresent }
        attributes.other.append(TTLV(.keyValuePresent, .boolean(present)))
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
    /// the store is not read twice. Refused for destroyed objects, for objects registered without their value
    /// (`keyValueNotPresent`), and for a registered wrapped value (`registeredWrapped`: those bytes are not the key).
    public func keyMaterial(of object: ManagedObject) throws -> SecureBytes {
        let record = try storedRecord(of: object)
        guard record.format == .keyMaterial else {
            throw HierarchyError(.registeredWrapped, "object \(object.uid) holds the wrapped form its client registered, not its key")
        }
        return try backend {
            try record.unwrap(hsm: hsm, domainID: object.domainID, uid: object.uid, objectType: object.storedObjectType)
        }
    }

    /// The wrapped form a client registered the object in (Key Wrapping Data and wrapped bytes), unwrapped from
    /// under the DK. Refused (`invalidRequest`) for an object that holds its key in another form.
    public func registeredWrappedValue(of object: ManagedObject) throws -> RegisteredWrappedValue {
        let record = try storedRecord(of: object)
        guard record.format == .registeredWrapped else {
            throw HierarchyError(.invalidRequest, "object \(object.uid) was not registered wrapped")
        }
        let plaintext = try backend {
            try record.unwrap(hsm: hsm, domainID: object.domainID, uid: object.uid, objectType: object.storedObjectType)
        }
        return try RegisteredWrappedValue(decoding: plaintext)
    }

    private func storedRecord(of object: ManagedObject) throws -> WrappedKeyRecord {
        guard let raw = object.wrappedKey else {
            if object.valueForm == .absent {
                throw HierarchyError(.keyValueNotPresent, "object \(object.uid) was registered without its value (Key Value Present is false)")
            }
            throw HierarchyError(.keyMaterialUnavailable, "object \(object.uid) has no key material (state \(object.attributes.state))")
        }
        return try WrappedKeyRecord(decoding: raw)
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

    /// ReKey (KMIP 1.4 §4.4): a new key with the old one's attributes and a fresh value; the names move to the new
    /// key, and the two are linked (Replacement Object Link on the old, Replaced Object Link on the new).
    ///
    /// Dates: without an Offset the new key's Activation, Process Start, Protect Stop and Deactivation Dates are
    /// the old key's. With one, its Activation Date is its Initial Date plus the Offset, and the other three keep
    /// their distance from the Activation Date. The state follows from the dates, so re-keying a key whose
    /// Activation Date has passed gives an Active key. `prepare` then changes the new key's attributes before it is
    /// stored (the request's template, server attributes); it may not change the algorithm or length.
    public func rekey(_ uid: String, in domainID: String, offsetSeconds: Int64? = nil,
                      prepare: (inout ObjectAttributes) throws -> Void = { _ in }) throws -> ManagedObject {
        let old = try object(uid, in: domainID)
        guard old.attributes.objectType == .symmetricKey, let algorithm = old.attributes.cryptographicAlgorithm,
              let length = old.attributes.cryptographicLength,
              let byteCount = Self.keyByteCount(algorithm: algorithm, lengthInBits: length) else {
            throw HierarchyError(.invalidRequest, "ReKey applies to the AES and Triple DES keys Keep makes")
        }
        // The replacement would be a key Keep makes and holds, of a key kept elsewhere: re-keying that is for
        // whoever holds it.
        guard old.valueForm != .absent else {
            throw HierarchyError(.keyValueNotPresent, "object \(uid) was registered without its value: Keep cannot re-key a key it does not hold")
        }
        // A compromised key is replaced as well: that is what re-keying after a compromise is for.
        guard [.preActive, .active, .deactivated, .compromised].contains(old.attributes.state) else {
            throw HierarchyError(.wrongLifecycleState, "cannot re-key an object in state \(old.attributes.state)")
        }
        var attributes = ObjectAttributes(objectType: .symmetricKey)
        attributes.usageMask = old.attributes.usageMask
        attributes.names = old.attributes.names
        attributes.custom = old.attributes.custom
        // Key Value Present and Location describe how the old key was registered; the new one is made here.
        attributes.other = old.attributes.other.filter { $0.tag != .keyValuePresent && $0.tag != .keyValueLocation }
        attributes.links = old.attributes.links.filter { $0.type != .replacedObjectLink && $0.type != .replacementObjectLink }
            + [.init(.replacedObjectLink, uid)]
        let now = nowSeconds
        attributes.dates.activation = old.attributes.dates.activation
        attributes.dates.deactivation = old.attributes.dates.deactivation
        if let offsetSeconds {
            let activation = now + offsetSeconds
            attributes.dates.activation = activation
            if let oldActivation = old.attributes.dates.activation {
                let shift = activation - oldActivation
                attributes.dates.deactivation = old.attributes.dates.deactivation.map { $0 + shift }
                attributes.other = attributes.other.map { item in
                    guard [Tag.processStartDate, .protectStopDate].contains(item.tag), case .dateTime(let date) = item.value else { return item }
                    return TTLV(item.tag, .dateTime(date + shift))
                }
            }
        }
        attributes.dates.originalCreation = old.attributes.dates.originalCreation ?? old.attributes.dates.initial
        attributes.cryptographicAlgorithm = algorithm
        attributes.cryptographicLength = length
        try prepare(&attributes)
        guard attributes.cryptographicAlgorithm == algorithm, attributes.cryptographicLength == length else {
            throw HierarchyError(.invalidRequest, "a re-keyed key keeps the old key's algorithm and length")
        }
        let material = try generateKey(algorithm: algorithm, byteCount: byteCount)
        Self.setDigest(of: material, in: &attributes)
        return try insertObject(in: domainID, attributes: attributes, value: .material(material)) { writer, newUID in
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
                try self.recordPartitionVersion(writer)
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
                // Same format: a registered wrapped value stays one (it is not the key, and must never read as it).
                let new = try backend {
                    try WrappedKeyRecord.wrap(material, format: old.format, hsm: hsm, domainID: domainID, uid: record.uid,
                                              objectType: record.objectType, domainKey: newKey)
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
        try backend {
            try store.write { writer in
                try writer.finishRotation(scope: scope)
                try recordPartitionVersion(writer)
            }
        }
        return target
    }

    /// Rotates the Root of Trust: every DK is re-wrapped inside the HSM. KEK records are not touched.
    @discardableResult
    public func rotateRootOfTrust(progress: (Int, Int) -> Void = { _, _ in }) throws -> UInt32 {
        try claimRotation("root")
        defer { releaseRotation("root") }
        return try backend {
            let version = try hsm.rotateRootOfTrust(progress: progress)
            try store.write { try recordPartitionVersion($0) }
            return version
        }
    }

    // MARK: Partition continuity

    /// The store remembers which HSM partition it is used with and the latest generation it saw (recorded with
    /// every change the hierarchy makes in the HSM, in the same transaction as the store change that follows it).
    /// keepd calls this at start: a different partition, or an older copy of this one (restored from a backup,
    /// which would bring back key versions destroyed since), is refused. A crash between an HSM change and its
    /// store write leaves the partition ahead of the record, which is fine. Backends that cannot report a
    /// version are not checked.
    public func checkPartition() throws {
        guard let current = try backend({ try hsm.partitionVersion() }) else { return }
        if let stored = try backend({ try store.read { try $0.metadata(Self.partitionMetadataKey) } }) {
            guard stored.count == 24 else { throw HierarchyError(.corruptRecord, "the store's record of its HSM partition is damaged") }
            guard Array(stored[0..<16]) == current.id else {
                throw HierarchyError(.partitionMismatch, "the HSM partition is not the one this store was used with")
            }
            let generation = stored[16..<24].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            guard current.generation >= generation else {
                throw HierarchyError(.partitionMismatch, "the HSM partition is older (generation \(current.generation)) than the store last saw (generation \(generation)): an old copy restored? Refusing to serve")
            }
        }
        try backend { try store.write { try recordPartitionVersion($0) } }
    }

    static let partitionMetadataKey = "hsm.partition"

    /// Records the partition's identity and generation, never lowering the generation already recorded, and
    /// never re-binding the store to another partition (that is refused).
    private func recordPartitionVersion(_ writer: any ObjectStoreWriter) throws {
        guard let current = try hsm.partitionVersion() else { return }
        if let stored = try writer.metadata(Self.partitionMetadataKey), stored.count == 24 {
            guard Array(stored[0..<16]) == current.id else {
                throw HierarchyError(.partitionMismatch, "the HSM partition is not the one this store was used with")
            }
            let recorded = stored[16..<24].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            // Within a process the generation only grows, so a lower one means the partition was replaced.
            guard current.generation >= recorded else {
                throw HierarchyError(.partitionMismatch, "the HSM partition is older than the store last saw: refusing to write")
            }
            if recorded == current.generation { return }
        }
        try writer.setMetadata(Self.partitionMetadataKey, current.id + withUnsafeBytes(of: current.generation.bigEndian) { Array($0) })
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

    /// What a new object is stored with.
    private enum NewValue {
        /// Its value (a format-1 record).
        case material(SecureBytes)
        /// The wrapped form its client registered (a format-2 record).
        case registeredWrapped(RegisteredWrappedValue)
        /// Nothing: registered without its value.
        case absent

        var isAbsent: Bool { if case .absent = self { true } else { false } }
    }

    /// Generates an identifier, wraps the value under the domain's current DK and inserts the object.
    private func insertObject(in domainID: String, attributes: ObjectAttributes, value: NewValue,
                              alsoInTransaction extra: ((any ObjectStoreWriter, String) throws -> Void)? = nil) throws -> ManagedObject {
        try insertObjects(in: domainID, [(attributes, value)]) { writer, uids in try extra?(writer, uids[0]) }[0]
    }

    /// Generates identifiers, wraps each value under the domain's current DK and inserts all the objects in
    /// one transaction. The insert re-checks the DK version inside its transaction: if a rotation moved the
    /// domain on between the wrap and the insert, it wraps again under the new version rather than store keys
    /// under one that the rotation is about to destroy.
    private func insertObjects(in domainID: String, _ objects: [(attributes: ObjectAttributes, value: NewValue)],
                               alsoInTransaction extra: ((any ObjectStoreWriter, [String]) throws -> Void)? = nil) throws -> [ManagedObject] {
        let now = clock()
        var prepared: [(uid: String, attributes: ObjectAttributes, value: NewValue)] = []
        prepared.reserveCapacity(objects.count)
        for (attributes, value) in objects {
            var attributes = attributes
            attributes.dates.initial = now / 1_000_000
            attributes.dates.lastChange = now / 1_000_000
            // KMIP 1.3 §3.44: set by the server to the Initial Date when it made the object, and to the current
            // time for a registered object whose client gave none (one registered without its value excepted:
            // Keep knows nothing of when that value was made).
            if attributes.dates.originalCreation == nil && !value.isAbsent { attributes.dates.originalCreation = now / 1_000_000 }
            if attributes.state == .preActive { _ = Lifecycle.advance(&attributes, now: now / 1_000_000) }
            prepared.append((try newIdentifier(), attributes, value))
        }
        for _ in 0..<8 {
            let domain = try servingDomain(domainID)
            guard domain.subscription == .active else {
                throw HierarchyError(.subscriptionSuspended, "domain \(domainID)'s subscription is suspended: no new keys")
            }
            let records = try prepared.map { uid, attributes, value in
                let wrapped: WrappedKeyRecord? = try backend {
                    let (plaintext, format): (SecureBytes, WrappedKeyRecord.Format)
                    switch value {
                    case .material(let material): (plaintext, format) = (material, .keyMaterial)
                    case .registeredWrapped(let registered): (plaintext, format) = (registered.encoded(), .registeredWrapped)
                    case .absent: return nil
                    }
                    return try WrappedKeyRecord.wrap(plaintext, format: format, hsm: hsm, domainID: domainID, uid: uid,
                                                     objectType: attributes.objectType.rawValue, domainKey: domain.domainKey)
                }
                return ObjectRecord(uid: uid, domainID: domainID, objectType: attributes.objectType.rawValue,
                                    state: attributes.state.rawValue, algorithm: attributes.cryptographicAlgorithm?.rawValue,
                                    length: attributes.cryptographicLength, wrappedKey: wrapped?.bytes,
                                    domainKeyVersion: wrapped?.domainKeyVersion, attributes: AttributeRecord.encode(attributes),
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
