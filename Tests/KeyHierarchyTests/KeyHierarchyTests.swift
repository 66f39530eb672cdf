import Foundation
import KMIP
import KeepCrypto
import KeepStore
import Testing
@testable import KeepHSM
@testable import KeyHierarchy

func expectHierarchyError(_ code: HierarchyError.Code, sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void) {
    #expect(sourceLocation: sourceLocation) { try body() } throws: { ($0 as? HierarchyError)?.code == code }
}

@Suite("Key hierarchy")
struct KeyHierarchyTests {
    @Test func kekRoundTripsAndRecordCarriesVersions() throws {
        let install = try Installation()
        let h = install.hierarchy
        try h.createDomain(id: "acme")
        let kek = try h.createSymmetricKey(in: "acme", lengthInBits: 256)
        #expect(kek.attributes.cryptographicAlgorithm == .aes && kek.attributes.cryptographicLength == 256)
        #expect(kek.attributes.state == .preActive && kek.domainKeyVersion == 1)
        let material = try h.keyMaterial(of: kek.uid, in: "acme")
        #expect(material.count == 32)
        #expect(try h.keyMaterial(of: kek.uid, in: "acme") == material)
        let record = try #require(try install.store.object(uid: kek.uid, domainID: "acme")?.wrappedKey)
        #expect(record[0] == 1)                         // format version
        #expect(Array(record[1...4]) == [0, 0, 0, 1])   // DK version
        #expect(record.count == 5 + 40)                 // RFC 5649 of 32 bytes
        expectHierarchyError(.invalidRequest) { _ = try h.createSymmetricKey(in: "acme", lengthInBits: 100) }
    }

    /// Bulk provisioning: every key is distinct, named as its template says, readable; a failed transaction
    /// stores none of them.
    @Test func batchCreateIsAllOrNothing() throws {
        let install = try Installation()
        let h = install.hierarchy
        try h.createDomain(id: "acme")
        let keks = try h.createSymmetricKeys(count: 50, in: "acme", lengthInBits: 128) { i in
            var attributes = ObjectAttributes(objectType: .symmetricKey)
            attributes.names = [.init("vm-\(i)")]
            attributes.custom = [.init(name: "x-vm-id", value: .textString("id-\(i)"))]
            return attributes
        }
        #expect(Set(keks.map(\.uid)).count == 50)
        var materials: Set<[UInt8]> = []
        for (i, kek) in keks.enumerated() {
            #expect(try h.locate(ObjectQuery(domainID: "acme", name: "vm-\(i)")) == [kek.uid])
            #expect(try h.locate(ObjectQuery(domainID: "acme", customAttribute: .init(name: "x-vm-id", index: 0, value: "id-\(i)"))) == [kek.uid])
            materials.insert(try h.keyMaterial(of: kek.uid, in: "acme").copyBytes())
        }
        #expect(materials.count == 50 && materials.allSatisfy { $0.count == 16 })

        let failing = KeyHierarchy(hsm: install.hsm, store: CrashingStore(install.store, allowedWrites: 0))
        #expect(throws: CrashingStore.Crash.self) { _ = try failing.createSymmetricKeys(count: 10, in: "acme") }
        #expect(try install.store.read { try $0.objectCount(domainID: "acme") } == 50)
    }

    /// Tenant A's DK can never unwrap tenant B's KEK, and a record moved between objects or tenants fails.
    @Test func recordsAreBoundToTenantAndObject() throws {
        let install = try Installation()
        let h = install.hierarchy
        try h.createDomain(id: "a")
        try h.createDomain(id: "b")
        let ka = try h.createSymmetricKey(in: "a")
        let ka2 = try h.createSymmetricKey(in: "a")
        let kb = try h.createSymmetricKey(in: "b")
        expectHierarchyError(.objectNotFound) { _ = try h.object(ka.uid, in: "b") }
        expectHierarchyError(.objectNotFound) { _ = try h.keyMaterial(of: ka.uid, in: "b") }
        expectHierarchyError(.objectNotFound) { try h.apply(.destroy, to: ka.uid, in: "b") }

        let stolen = try #require(try install.store.object(uid: ka.uid, domainID: "a")?.wrappedKey)
        // Move A's record onto B's object: B's DK, B's context. It must not unwrap.
        try install.store.write { w in
            _ = try w.replaceWrappedKey(uid: kb.uid, domainID: "b", expectedVersion: 1, wrappedKey: stolen, domainKeyVersion: 1)
            _ = try w.replaceWrappedKey(uid: ka2.uid, domainID: "a", expectedVersion: 1, wrappedKey: stolen, domainKeyVersion: 1)
        }
        expectHierarchyError(.corruptRecord) { _ = try h.keyMaterial(of: kb.uid, in: "b") }
        expectHierarchyError(.corruptRecord) { _ = try h.keyMaterial(of: ka2.uid, in: "a") }
        // Directly: A's DK with B's context, or B's DK with A's context.
        let record = try WrappedKeyRecord(decoding: stolen)
        let aContext = WrappedKeyRecord.context(domainID: "a", uid: ka.uid, objectType: 2, domainKeyVersion: 1)
        #expect(throws: HSMError.self) { _ = try install.hsm.unwrap(record.wrapped, under: KeyHandle(label: "dk/b", version: 1), context: aContext) }
        #expect(try install.hsm.unwrap(record.wrapped, under: KeyHandle(label: "dk/a", version: 1), context: aContext).count == 32)
    }

    /// Neither the store file nor its WAL ever holds a KEK, a DK or the RoT in the clear.
    @Test func keyBytesNeverReachTheStore() throws {
        let install = try Installation()
        let h = install.hierarchy
        try h.createDomain(id: "acme")
        var secrets: [[UInt8]] = []
        for _ in 0..<20 {
            let kek = try h.createSymmetricKey(in: "acme")
            secrets.append(try h.keyMaterial(of: kek.uid, in: "acme").copyBytes())
        }
        secrets += try install.hsm.internalKeyBytesForTests(KeyHandle(label: "dk/acme", version: 1))
        secrets.append(try install.hsm.internalRootBytesForTests())
        let files = [install.storePath, install.storePath + "-wal"].map(fileBytes)
        #expect(files[0].count + files[1].count > 0)
        for secret in secrets {
            for file in files { #expect(!contains(file, secret)) }
            for half in [Array(secret[0..<16]), Array(secret[16...])] {
                for file in files { #expect(!contains(file, half)) }
            }
        }
    }

    @Test func domainsAndSubscriptions() throws {
        let install = try Installation()
        let h = install.hierarchy
        try h.createDomain(id: "acme", displayName: "ACME Corp", policy: DomainPolicy(allowsKeyExport: true, requiresClientAuthUsage: false))
        expectHierarchyError(.domainExists) { try h.createDomain(id: "acme") }
        expectHierarchyError(.invalidRequest) { try h.createDomain(id: "Bad Name") }
        expectHierarchyError(.domainNotFound) { _ = try h.domain(id: "nope") }
        #expect(try h.domain(id: "acme").policy == DomainPolicy(allowsKeyExport: true, requiresClientAuthUsage: false))
        let kek = try h.createSymmetricKey(in: "acme")

        try h.updateDomain(id: "acme") { $0.subscription = .suspended }
        expectHierarchyError(.subscriptionSuspended) { _ = try h.createSymmetricKey(in: "acme") }
        expectHierarchyError(.subscriptionSuspended) { _ = try h.rekey(kek.uid, in: "acme") }
        expectHierarchyError(.subscriptionSuspended) {
            var a = ObjectAttributes(objectType: .secretData)
            a.cryptographicLength = nil
            _ = try h.register(in: "acme", attributes: a, material: SecureBytes([1, 2, 3]))
        }
        #expect(try h.keyMaterial(of: kek.uid, in: "acme").count == 32)  // existing keys still served

        try h.updateDomain(id: "acme") { $0.subscription = .active; $0.enabled = false }
        expectHierarchyError(.domainDisabled) { _ = try h.keyMaterial(of: kek.uid, in: "acme") }
        expectHierarchyError(.domainDisabled) { _ = try h.createSymmetricKey(in: "acme") }
        try h.updateDomain(id: "acme") { $0.enabled = true }
        #expect(try h.keyMaterial(of: kek.uid, in: "acme").count == 32)
        #expect(try h.domains().map(\.id) == ["acme"])
    }

    /// Every (state, event) pair: allowed transitions land in the spec's state with its date; the rest are refused.
    @Test func lifecycleTransitionTable() throws {
        let reason = ObjectAttributes.RevocationReason(.cessationOfOperation)
        let compromise = ObjectAttributes.RevocationReason(.keyCompromise)
        let events: [(String, LifecycleEvent)] = [("activate", .activate), ("deactivate", .deactivate(reason)),
                                                  ("compromise", .compromise(compromise, occurredAt: 5)), ("destroy", .destroy)]
        let expected: [State: [String: State]] = [
            .preActive: ["activate": .active, "compromise": .compromised, "destroy": .destroyed],
            .active: ["deactivate": .deactivated, "compromise": .compromised],
            .deactivated: ["compromise": .compromised, "destroy": .destroyed],
            .compromised: ["destroy": .destroyedCompromised],
            .destroyed: ["compromise": .destroyedCompromised],
            .destroyedCompromised: [:],
        ]
        for (state, allowed) in expected {
            for (name, event) in events {
                var a = ObjectAttributes(objectType: .symmetricKey)
                a.state = state
                if let next = allowed[name] {
                    try Lifecycle.apply(event, to: &a, now: 1000)
                    #expect(a.state == next, "\(state) --\(name)--> \(next)")
                    #expect(a.dates.lastChange == 1000)
                    switch name {
                    case "activate": #expect(a.dates.activation == 1000)
                    case "deactivate": #expect(a.dates.deactivation == 1000 && a.revocationReason == reason)
                    case "compromise": #expect(a.dates.compromise == 1000 && a.dates.compromiseOccurrence == 5)
                    default: #expect(a.dates.destroy == 1000)
                    }
                } else {
                    let before = a
                    #expect(throws: HierarchyError.self, "\(state) --\(name)--> refused") { try Lifecycle.apply(event, to: &a, now: 1000) }
                    #expect(a == before)
                }
            }
        }
        // Dates drive transitions when they pass.
        var a = ObjectAttributes(objectType: .symmetricKey)
        a.dates.activation = 50
        #expect(!Lifecycle.advance(&a, now: 49) && a.state == .preActive)
        #expect(Lifecycle.advance(&a, now: 50) && a.state == .active)
        a.dates.deactivation = 60
        #expect(Lifecycle.advance(&a, now: 61) && a.state == .deactivated)
    }

    @Test func destroyErasesMaterialButKeepsMetadata() throws {
        let install = try Installation()
        let h = install.hierarchy
        try h.createDomain(id: "acme")
        var template = ObjectAttributes(objectType: .symmetricKey)
        template.names = [.init("vm-1-kek")]
        template.custom = [CustomAttributeValue(name: "x-vm-uuid", value: .textString("4211-aa"))]
        let kek = try h.createSymmetricKey(in: "acme", template: template)
        try h.apply(.activate, to: kek.uid, in: "acme")
        expectHierarchyError(.wrongLifecycleState) { try h.apply(.destroy, to: kek.uid, in: "acme") }
        try h.apply(.revoke(.init(.cessationOfOperation), compromiseOccurrence: nil), to: kek.uid, in: "acme")
        let destroyed = try h.apply(.destroy, to: kek.uid, in: "acme")
        #expect(destroyed.attributes.state == .destroyed && !destroyed.hasKeyMaterial)
        #expect(destroyed.attributes.names == [.init("vm-1-kek")] && destroyed.attributes.dates.destroy != nil)
        expectHierarchyError(.keyMaterialUnavailable) { _ = try h.keyMaterial(of: kek.uid, in: "acme") }
        #expect(try install.store.object(uid: kek.uid, domainID: "acme")?.wrappedKey == nil)
        #expect(try h.locate(ObjectQuery(domainID: "acme", customAttribute: CustomAttribute(name: "x-vm-uuid", value: "4211-aa"))) == [kek.uid])
    }

    @Test func rekeyLinksAndMovesNames() throws {
        let install = try Installation()
        let h = install.hierarchy
        try h.createDomain(id: "acme")
        var template = ObjectAttributes(objectType: .symmetricKey)
        template.names = [.init("vm-7-kek")]
        let old = try h.createSymmetricKey(in: "acme", lengthInBits: 128, template: template)
        let new = try h.rekey(old.uid, in: "acme")
        // Without an Offset the new key has the old one's dates: none here, so it is Pre-Active like the old one.
        #expect(new.uid != old.uid && new.attributes.cryptographicLength == 128 && new.attributes.state == .preActive)
        #expect(new.attributes.dates.originalCreation == old.attributes.dates.initial)
        #expect(new.attributes.links == [.init(.replacedObjectLink, old.uid)])
        #expect(new.attributes.names == [.init("vm-7-kek")])
        let oldNow = try h.object(old.uid, in: "acme")
        #expect(oldNow.attributes.links == [.init(.replacementObjectLink, new.uid)] && oldNow.attributes.names.isEmpty)
        #expect(try h.keyMaterial(of: new.uid, in: "acme") != h.keyMaterial(of: old.uid, in: "acme"))
        #expect(try h.locate(ObjectQuery(domainID: "acme", name: "vm-7-kek")) == [new.uid])
    }

    /// KMIP 1.4 §4.4: with an Offset the new Activation Date is the Initial Date plus the Offset, and the other
    /// lifecycle dates keep their distance from it; `prepare` sets the new key's attributes before it is stored.
    @Test func rekeyDatesFollowTheOffset() throws {
        let install = try Installation()
        let h = install.hierarchy
        try h.createDomain(id: "acme")
        var template = ObjectAttributes(objectType: .symmetricKey)
        template.dates.activation = 1_000
        template.dates.deactivation = 5_000
        template.other = [TTLV(.processStartDate, .dateTime(2_000))]
        let old = try h.createSymmetricKey(in: "acme", lengthInBits: 256, template: template)
        #expect(old.attributes.state == .deactivated)

        let same = try h.rekey(old.uid, in: "acme")
        #expect(same.attributes.dates.activation == 1_000 && same.attributes.dates.deactivation == 5_000 && same.attributes.state == .deactivated)

        let shifted = try h.rekey(old.uid, in: "acme", offsetSeconds: 60) { $0.names = [.init("renewed")] }
        let activation = try #require(shifted.attributes.dates.activation)
        #expect(activation == shifted.attributes.dates.initial.map { $0 + 60 })
        #expect(shifted.attributes.dates.deactivation == activation + 4_000)
        #expect(shifted.attributes.other.contains(TTLV(.processStartDate, .dateTime(activation + 1_000))))
        #expect(shifted.attributes.state == .preActive && shifted.attributes.names == [.init("renewed")])
        // A fresh Digest per key.
        let digests = [old, same, shifted].map { $0.attributes.other.first { $0.tag == .digest } }
        #expect(digests.allSatisfy { $0 != nil } && Set(digests).count == 3)
        #expect(throws: HierarchyError.self) { _ = try h.rekey(old.uid, in: "acme") { $0.cryptographicLength = 128 } }

        // A compromised key can be re-keyed; a destroyed one cannot.
        let _ = try h.apply(.compromise(.init(.keyCompromise), occurredAt: nil), to: same.uid, in: "acme")
        #expect(try h.rekey(same.uid, in: "acme").attributes.state == .deactivated)
        let _ = try h.apply(.destroy, to: same.uid, in: "acme")
        expectHierarchyError(.wrongLifecycleState) { _ = try h.rekey(same.uid, in: "acme") }
    }

    @Test func registerSecretDataAndOpaqueObjects() throws {
        let install = try Installation()
        let h = install.hierarchy
        try h.createDomain(id: "acme")
        let secret = SecureBytes(Array("a passphrase for a disk".utf8))
        let registered = try h.register(in: "acme", attributes: ObjectAttributes(objectType: .secretData), material: secret)
        #expect(try h.keyMaterial(of: registered.uid, in: "acme") == secret)
        var key = ObjectAttributes(objectType: .symmetricKey)
        key.cryptographicAlgorithm = .aes
        key.cryptographicLength = 128
        expectHierarchyError(.invalidRequest) { _ = try h.register(in: "acme", attributes: key, material: SecureBytes([UInt8](repeating: 1, count: 32))) }
        #expect(try h.register(in: "acme", attributes: key, material: SecureBytes([UInt8](repeating: 1, count: 16))).attributes.cryptographicLength == 128)
        expectHierarchyError(.invalidRequest) { _ = try h.register(in: "acme", attributes: ObjectAttributes(objectType: .privateKey), material: secret) }
    }

    /// A key registered wrapped is kept as registered, in a record of format 2 bound like any other: never handed
    /// out as key material, kept in its format by a DK rotation, and unreadable once moved or relabelled.
    @Test func registeredWrappedValuesKeepTheirOwnRecordFormat() throws {
        let install = try Installation()
        let h = install.hierarchy
        try h.createDomain(id: "acme")
        var attributes = ObjectAttributes(objectType: .symmetricKey)
        attributes.cryptographicAlgorithm = .aes
        attributes.cryptographicLength = 128
        let data = KeyWrappingData(wrappingMethod: .encrypt, encryptionKeyInformation: KeyInformation(
            uniqueIdentifier: "kek-1", cryptographicParameters: CryptographicParameters(blockCipherMode: .nistKeyWrap)), encodingOption: .noEncoding)
        let value = RegisteredWrappedValue(form: .keyMaterial, keyWrappingData: data, wrappedValue: SecureBytes([UInt8](repeating: 0x3C, count: 24)))
        let wrapped = try h.register(in: "acme", attributes: attributes, wrapped: value)
        #expect(wrapped.valueForm == .registeredWrapped && wrapped.hasKeyMaterial)
        #expect(KeyHierarchy.keyValuePresent(in: wrapped.attributes) == true && !wrapped.attributes.other.contains { $0.tag == .digest })
        #expect(try h.registeredWrappedValue(of: h.object(wrapped.uid, in: "acme")) == value)
        expectHierarchyError(.registeredWrapped) { _ = try h.keyMaterial(of: wrapped.uid, in: "acme") }
        let plain = try h.createSymmetricKey(in: "acme", lengthInBits: 128)
        expectHierarchyError(.invalidRequest) { _ = try h.registeredWrappedValue(of: plain) }
        let record = try #require(try install.store.object(uid: wrapped.uid, domainID: "acme")?.wrappedKey)
        #expect(record[0] == 2 && !contains(record, value.wrappedValue.copyBytes()))

        // A DK rotation re-wraps it under the new version, still as format 2.
        #expect(try h.rotateDomainKey("acme") == 2)
        let rotated = try h.object(wrapped.uid, in: "acme")
        #expect(rotated.domainKeyVersion == 2 && rotated.valueForm == .registeredWrapped)
        #expect(try h.registeredWrappedValue(of: rotated) == value)
        #expect(try install.store.object(uid: wrapped.uid, domainID: "acme")?.wrappedKey?.first == 2)

        // Its format byte is part of the context: relabelled as key material it does not unwrap, and neither does a
        // key's record relabelled as a registered wrapped value.
        var relabelled = try #require(try install.store.object(uid: wrapped.uid, domainID: "acme")?.wrappedKey)
        relabelled[0] = 1
        var plainRecord = try #require(try install.store.object(uid: plain.uid, domainID: "acme")?.wrappedKey)
        plainRecord[0] = 2
        try install.store.write { w in
            _ = try w.replaceWrappedKey(uid: wrapped.uid, domainID: "acme", expectedVersion: 2, wrappedKey: relabelled, domainKeyVersion: 2)
            _ = try w.replaceWrappedKey(uid: plain.uid, domainID: "acme", expectedVersion: 2, wrappedKey: plainRecord, domainKeyVersion: 2)
        }
        expectHierarchyError(.corruptRecord) { _ = try h.keyMaterial(of: wrapped.uid, in: "acme") }
        expectHierarchyError(.corruptRecord) { _ = try h.registeredWrappedValue(of: h.object(plain.uid, in: "acme")) }

        // Only symmetric keys with an algorithm and length are registered wrapped.
        expectHierarchyError(.invalidRequest) { _ = try h.register(in: "acme", attributes: ObjectAttributes(objectType: .secretData), wrapped: value) }
    }

    /// An object registered without its value has no record at all: nothing to unwrap, rotate or re-key; destroyed,
    /// it is like any destroyed object.
    @Test func objectsRegisteredWithoutTheirValueHoldNoRecord() throws {
        let install = try Installation()
        let h = install.hierarchy
        try h.createDomain(id: "acme")
        var attributes = ObjectAttributes(objectType: .symmetricKey)
        attributes.cryptographicAlgorithm = .aes
        attributes.cryptographicLength = 256
        attributes.other = [TTLV(.keyValueLocation, .structure([TTLV(.keyValueLocationValue, .textString("HSM-1")), TTLV(.keyValueLocationType, .enumeration(1))]))]
        let absent = try h.registerWithoutValue(in: "acme", attributes: attributes)
        #expect(absent.valueForm == .absent && !absent.hasKeyMaterial && absent.domainKeyVersion == nil)
        #expect(KeyHierarchy.keyValuePresent(in: absent.attributes) == false && absent.attributes.dates.originalCreation == nil)
        #expect(try install.store.object(uid: absent.uid, domainID: "acme")?.wrappedKey == nil)
        expectHierarchyError(.keyValueNotPresent) { _ = try h.keyMaterial(of: absent.uid, in: "acme") }
        expectHierarchyError(.keyValueNotPresent) { _ = try h.registeredWrappedValue(of: absent) }
        expectHierarchyError(.keyValueNotPresent) { _ = try h.rekey(absent.uid, in: "acme") }
        #expect(try install.store.read { try $0.countWrapped(domainID: "acme", belowDomainKeyVersion: 9) } == 0)
        #expect(try h.rotateDomainKey("acme") == 2)
        #expect(try h.object(absent.uid, in: "acme").valueForm == .absent)
        let destroyed = try h.apply(.destroy, to: absent.uid, in: "acme")
        #expect(destroyed.valueForm == .erased)
        expectHierarchyError(.keyMaterialUnavailable) { _ = try h.keyMaterial(of: absent.uid, in: "acme") }
        expectHierarchyError(.invalidRequest) { _ = try h.registerWithoutValue(in: "acme", attributes: ObjectAttributes(objectType: .opaqueObject)) }

        // A registered key's replacement is made here: it does not inherit Key Value Present or Location.
        var registered = ObjectAttributes(objectType: .symmetricKey)
        registered.cryptographicAlgorithm = .aes
        registered.cryptographicLength = 128
        let key = try h.register(in: "acme", attributes: registered, material: SecureBytes([UInt8](repeating: 7, count: 16)))
        #expect(KeyHierarchy.keyValuePresent(in: key.attributes) == true)
        let replacement = try h.rekey(key.uid, in: "acme")
        #expect(replacement.valueForm == .held && KeyHierarchy.keyValuePresent(in: replacement.attributes) == nil)
    }

    @Test func domainKeyRotationRewrapsEveryKEKAndDestroysTheOldVersion() throws {
        let install = try Installation()
        let h = install.hierarchy
        try h.createDomain(id: "acme")
        try h.createDomain(id: "other")
        var keys: [(String, SecureBytes)] = []
        for _ in 0..<(KeyHierarchy.rotationBatchSize + 10) {
            let kek = try h.createSymmetricKey(in: "acme")
            keys.append((kek.uid, try h.keyMaterial(of: kek.uid, in: "acme")))
        }
        let untouched = try h.createSymmetricKey(in: "other")
        var reports: [(Int, Int)] = []
        #expect(try h.rotateDomainKey("acme") { reports.append(($0, $1)) } == 2)
        #expect(reports.last.map { $0.0 == $0.1 && $0.1 == keys.count } == true)
        #expect(try h.domain(id: "acme").domainKeyVersion == 2)
        #expect(try install.hsm.keyInfo(label: "dk/acme")?.versions == [2])
        #expect(try h.pendingRotation(domainID: "acme") == nil)
        for (uid, material) in keys {
            #expect(try h.keyMaterial(of: uid, in: "acme") == material)
            #expect(try h.object(uid, in: "acme").domainKeyVersion == 2)
        }
        #expect(try h.object(untouched.uid, in: "other").domainKeyVersion == 1)
        #expect(try h.createSymmetricKey(in: "acme").domainKeyVersion == 2)
    }

    /// The rotation is cut off after each of its writes in turn; the keys stay readable throughout, and
    /// running it again completes it.
    @Test(arguments: [0, 1, 2, 3, 4, 5])
    func domainKeyRotationSurvivesACrash(afterWrites allowed: Int) throws {
        let crashing = CrashingBox()
        let install = try Installation { crashing.wrap($0) }
        let h = install.hierarchy
        try h.createDomain(id: "acme")
        var keys: [(String, SecureBytes)] = []
        for _ in 0..<(KeyHierarchy.rotationBatchSize * 3 + 7) {
            let kek = try h.createSymmetricKey(in: "acme")
            keys.append((kek.uid, try h.keyMaterial(of: kek.uid, in: "acme")))
        }
        crashing.arm(allowedWrites: allowed)
        #expect(throws: CrashingStore.Crash.self) { try h.rotateDomainKey("acme") }
        crashing.disarm()
        // A restart: a new hierarchy over the same HSM and store.
        let restarted = KeyHierarchy(hsm: install.hsm, store: install.store)
        for (uid, material) in keys { #expect(try restarted.keyMaterial(of: uid, in: "acme") == material) }
        #expect(try restarted.rotateDomainKey("acme") == 2)
        #expect(try install.hsm.keyInfo(label: "dk/acme")?.versions == [2])
        for (uid, material) in keys { #expect(try restarted.keyMaterial(of: uid, in: "acme") == material) }
        #expect(try install.store.integrityCheck().isEmpty)
    }

    /// A crash after every KEK moved but before the old DK version was destroyed: the re-run finishes that
    /// rotation (same target version) instead of starting another, and destroys the old version.
    @Test func domainKeyRotationResumesAfterACrashBeforeDestroy() throws {
        let install = try Installation()
        try install.hierarchy.createDomain(id: "acme")
        let kek = try install.hierarchy.createSymmetricKey(in: "acme")
        let material = try install.hierarchy.keyMaterial(of: kek.uid, in: "acme")
        let failing = FailingDestroyHSM(install.hsm)
        #expect(throws: FailingDestroyHSM.Crash.self) { try KeyHierarchy(hsm: failing, store: install.store).rotateDomainKey("acme") }
        #expect(try install.hierarchy.pendingRotation(domainID: "acme")?.toVersion == 2)

        #expect(try install.hierarchy.rotateDomainKey("acme") == 2)
        #expect(try install.hsm.keyInfo(label: "dk/acme")?.versions == [2])
        #expect(try install.hierarchy.pendingRotation(domainID: "acme") == nil)
        #expect(try install.hierarchy.keyMaterial(of: kek.uid, in: "acme") == material)
    }

    /// Clients keep reading and creating keys while the DK rotates; nothing fails and nothing is lost.
    @Test func rotationIsOnline() async throws {
        let install = try Installation()
        let h = install.hierarchy
        try h.createDomain(id: "acme")
        var keys: [(String, SecureBytes)] = []
        for _ in 0..<600 {
            let kek = try h.createSymmetricKey(in: "acme")
            keys.append((kek.uid, try h.keyMaterial(of: kek.uid, in: "acme")))
        }
        let snapshot = keys
        let created = try await withThrowingTaskGroup(of: [(String, SecureBytes)].self) { group in
            group.addTask { _ = try h.rotateDomainKey("acme"); return [] }
            group.addTask {
                var made: [(String, SecureBytes)] = []
                for i in 0..<300 {
                    let (uid, material) = snapshot[i % snapshot.count]
                    guard try h.keyMaterial(of: uid, in: "acme") == material else { throw HierarchyError(.corruptRecord, "mismatch") }
                    if i % 3 == 0 {
                        let kek = try h.createSymmetricKey(in: "acme")
                        made.append((kek.uid, try h.keyMaterial(of: kek.uid, in: "acme")))
                    }
                }
                return made
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        #expect(try install.hsm.keyInfo(label: "dk/acme")?.versions == [2])
        for (uid, material) in keys + created { #expect(try h.keyMaterial(of: uid, in: "acme") == material) }
    }

    @Test func rootRotationKeepsEveryKeyReadable() throws {
        let install = try Installation()
        let h = install.hierarchy
        try h.createDomain(id: "a")
        try h.createDomain(id: "b")
        let ka = try h.createSymmetricKey(in: "a")
        let kb = try h.createSymmetricKey(in: "b")
        let ma = try h.keyMaterial(of: ka.uid, in: "a")
        let mb = try h.keyMaterial(of: kb.uid, in: "b")
        #expect(try h.rotateRootOfTrust() == 2)
        #expect(try h.keyMaterial(of: ka.uid, in: "a") == ma)
        #expect(try h.keyMaterial(of: kb.uid, in: "b") == mb)
    }
}

/// Lets a test arm a crash after the installation has been set up.
final class CrashingBox: @unchecked Sendable {
    private var store: CrashingStore?
    private var inner: (any ObjectStore)?
    private let lock = NSLock()
    private var armed: Int?

    func wrap(_ store: SQLiteObjectStore) -> any ObjectStore {
        inner = store
        return Forwarding(box: self)
    }

    func arm(allowedWrites: Int) { lock.lock(); armed = allowedWrites; lock.unlock() }
    func disarm() { lock.lock(); armed = nil; lock.unlock() }

    fileprivate func takeWrite() -> Bool {
        lock.lock(); defer { lock.unlock() }
        guard let remaining = armed else { return true }
        armed = remaining - 1
        return remaining > 0
    }

    fileprivate var backing: any ObjectStore { inner! }

    struct Forwarding: ObjectStore {
        let box: CrashingBox
        func read<T>(_ body: (any ObjectStoreReader) throws -> T) throws -> T { try box.backing.read(body) }
        func write<T>(_ body: (any ObjectStoreWriter) throws -> T) throws -> T {
            guard box.takeWrite() else { throw CrashingStore.Crash() }
            return try box.backing.write(body)
        }
        func integrityCheck() throws -> [String] { try box.backing.integrityCheck() }
    }
}

/// The store remembers its partition: another partition, or an older copy of this one, is refused.
@Suite("Partition continuity")
struct PartitionContinuityTests {
    @Test func anOldCopyOfThePartitionIsRefused() throws {
        let install = try Installation()
        try install.hierarchy.createDomain(id: "acme")
        try install.hierarchy.checkPartition()
        let partition = install.directory.appendingPathComponent("partition").path
        let backup = fileBytes(partition)
        let kek = try install.hierarchy.createSymmetricKey(in: "acme")
        try install.hierarchy.rotateDomainKey("acme")           // destroys DK v1 in the partition
        let path = install.directory.appendingPathComponent("restored").path
        try Data(backup).write(to: URL(fileURLWithPath: path))
        let restored = try EmbeddedHSM(path: path, pin: Installation.pin)
        let stale = KeyHierarchy(hsm: restored, store: install.store)
        expectHierarchyError(.partitionMismatch) { try stale.checkPartition() }
        expectHierarchyError(.partitionMismatch) { _ = try stale.createDomain(id: "globex") }   // nor does a write
        // The real partition is still accepted, and its keys read.
        try install.hierarchy.checkPartition()
        #expect(try install.hierarchy.keyMaterial(of: kek.uid, in: "acme").count == 32)
    }

    @Test func anotherPartitionIsRefused() throws {
        let install = try Installation()
        try install.hierarchy.createDomain(id: "acme")
        let otherPath = install.directory.appendingPathComponent("other").path
        let other = try EmbeddedHSM.initialize(path: otherPath, pin: Installation.pin, parameters: .insecureFastForTests)
        expectHierarchyError(.partitionMismatch) { try KeyHierarchy(hsm: other, store: install.store).checkPartition() }
    }
}
