import Foundation
import KMIP
import KeepClient
import KeepCrypto
import KeepServer
import KeepdTestSupport
import KeyHierarchy
import Testing

/// The workflow against keepd: dm-crypt compatibility proven with an independent AES-XTS, both wrapping sites,
/// rekeys, open, backup and restore, the DEK bound to its VM, the descriptor's other fields kept, failover.
@Suite("VM encryption workflow", .serialized)
struct VMWorkflowTests {
    /// Keep's images are exactly what an independent AES-XTS-plain64 (Python cryptography) makes of the
    /// originals with the same DEK, sector by sector, and decrypt back to them: for 512-byte sectors and for
    /// 4096-byte sectors with the tweak counting 4096-byte sectors (dm-crypt's iv_large_sectors).
    @Test(arguments: [512, 4096])
    func imagesAreAESXTSPlain64AsAnIndependentImplementationComputesIt(sectorSize: Int) throws {
        let keepd = try RunningKeepd()
        let vm = try VMFixture(keepd: keepd)
        var options = VMFixture.smallSteps
        options.sectorSize = sectorSize
        let report = try vm.workflow(options).encrypt()
        #expect(report.disks == 2 && report.bytes == UInt64((1 << 20) + (256 << 10)) && !report.resumed)
        #expect(try vm.descriptor.encryption?.sectorSize == sectorSize)
        #expect(try vm.imagesAreCiphertext())

        let keyFile = vm.directory + "/dek.key"
        try vm.writeDEK(to: keyFile)
        for (id, original) in vm.originals {
            let image = vm.directory + "/" + (try vm.descriptor.disks.first { $0.id == id }!.path)
            // Python decrypts Keep's image to the original…
            try Programs.pythonXTS("decrypt", keyFile: keyFile, sectorSize: sectorSize, input: image, output: vm.directory + "/py-plain")
            #expect(digest(Array(try Data(contentsOf: URL(fileURLWithPath: vm.directory + "/py-plain")))) == digest(original), "disk \(id)")
            // …and encrypts the original to Keep's image, byte for byte.
            try Data(original).write(to: URL(fileURLWithPath: vm.directory + "/original"))
            try Programs.pythonXTS("encrypt", keyFile: keyFile, sectorSize: sectorSize, input: vm.directory + "/original", output: vm.directory + "/py-cipher")
            #expect(digest(Array(try Data(contentsOf: URL(fileURLWithPath: vm.directory + "/py-cipher")))) == digest(try vm.image(id)), "disk \(id)")
            if sectorSize == 4096 {
                // dm-crypt's default for large sectors counts the tweak in 512-byte units: not what Keep writes.
                try Programs.pythonXTS("decrypt", keyFile: keyFile, sectorSize: 4096, ivSectorSize: 512, input: image, output: vm.directory + "/py-small-iv")
                #expect(digest(Array(try Data(contentsOf: URL(fileURLWithPath: vm.directory + "/py-small-iv")))) != digest(original))
            }
        }
        // open: a range of sectors, decrypted for the hypervisor.
        var opened: [UInt8] = []
        try vm.workflow(options).readSectors(disk: "scsi0:0", from: 3, count: 70) { opened += $0 }
        #expect(digest(opened) == digest(Array(vm.originals["scsi0:0"]![(3 * sectorSize)..<(73 * sectorSize)])))
        #expect(throws: VMError.self) { try vm.workflow().readSectors(disk: "scsi0:0", from: UInt64((1 << 20) / sectorSize), count: 1) { _ in } }

        let decrypted = try vm.workflow(options).decrypt()
        #expect(decrypted.operation == .decrypt)
        #expect(try vm.imagesArePlaintext())
        #expect(try vm.descriptor.encryption == nil)
    }

    /// A domain that keeps its KEKs inside keepd: the DEK is wrapped by keepd's Encrypt, and the KEK is never
    /// returned. A domain that lets them out: wrapped here after a Get (vSphere's way). Both are RFC 3394.
    @Test func theDomainsPolicyDecidesWhereTheDEKIsWrapped() throws {
        let keepd = try RunningKeepd(domains: [("tenant-a", DomainPolicy(allowsKeyExport: true)), ("tenant-b", DomainPolicy(allowsKeyExport: false))],
                                     clients: [.init(name: "hypervisor-a", domain: "tenant-a"), .init(name: "hypervisor-b", domain: "tenant-b")])
        for (client, site) in [("hypervisor-a", WrapSite.client), ("hypervisor-b", .server)] {
            let vm = try VMFixture(keepd: keepd, client: client)
            let report = try vm.workflow().encrypt()
            #expect(report.wrappedBy == site)
            let key = try #require(try vm.descriptor.encryption?.key)
            #expect(key.wrappedBy == site && key.wrapAlgorithm == "AES-KW-RFC3394" && key.kekVersion == 1 && key.dekVersion == 1)
            #expect(Data(base64Encoded: key.wrappedDEK)?.count == 72)
            // The KEK names its VM.
            let kmip = try keepd.kmipClient(as: client)
            let attributes = try kmip.getAttributes(key.kekID)
            let vmID = try vm.descriptor.id
            #expect(attributes.all(.custom("vm-id")).first?.value == .text(vmID))
            #expect(attributes[.name]?.value == .name(Name("keep-vm/\(vmID)/kek-1")))
            #expect(try kmip.locate([Attribute(.custom("vm-id"), .text(vmID))]) == [key.kekID])
            if site == .server {
                #expect(throws: KMIPClientError.self) { try kmip.symmetricKey(key.kekID) }
            }
            _ = try vm.workflow().decrypt()
            #expect(try vm.imagesArePlaintext())
        }
    }

    @Test func shallowAndDeepRekeyRoundTrip() throws {
        let keepd = try RunningKeepd()
        let vm = try VMFixture(keepd: keepd)
        _ = try vm.workflow(VMFixture.smallSteps).encrypt()
        let first = try #require(try vm.descriptor.encryption)
        let encryptedImages = try vm.originals.keys.map { try vm.image($0) }

        // Shallow, while the VM runs: a new KEK, the same DEK; the disks are not touched.
        try vm.edit { $0["powerState"] = "poweredOn" }
        let shallow = try vm.workflow().shallowRekey()
        let second = try #require(try vm.descriptor.encryption)
        #expect(shallow.bytes == 0 && second.key.kekID != first.key.kekID && second.key.kekVersion == 2 && second.key.dekVersion == 1)
        #expect(second.key.dekCheck == first.key.dekCheck && second.key.wrappedDEK != first.key.wrappedDEK && second.rekeyedAt != nil)
        #expect(try vm.originals.keys.map { try vm.image($0) } == encryptedImages)
        let kmip = try keepd.kmipClient(as: "hypervisor-a")
        #expect(try kmip.getAttributes(second.key.kekID, [.custom("keep-kek-version")]).first?.value == .text("2"))

        // Deep needs the VM off.
        #expect(throws: VMError.self) { try vm.workflow().deepRekey() }
        try vm.edit { $0["powerState"] = "poweredOff" }
        let deep = try vm.workflow(VMFixture.smallSteps).deepRekey()
        let third = try #require(try vm.descriptor.encryption)
        #expect(deep.bytes == UInt64((1 << 20) + (256 << 10)))
        #expect(third.key.kekID == second.key.kekID && third.key.kekVersion == 2 && third.key.dekVersion == 2 && third.key.dekCheck != second.key.dekCheck)
        #expect(try vm.imagesAreCiphertext())
        for (index, id) in vm.originals.keys.enumerated() {
            let image = try vm.image(id)
            #expect(stride(from: 0, to: image.count, by: 512).allSatisfy { image[$0..<$0 + 512] != encryptedImages[index][$0..<$0 + 512] }, "disk \(id) kept sectors of the old DEK")
        }
        // The new DEK is what an independent XTS finds under the images.
        try vm.writeDEK(to: vm.directory + "/dek.key")
        try Programs.pythonXTS("decrypt", keyFile: vm.directory + "/dek.key", sectorSize: 512, input: vm.directory + "/disk0.raw", output: vm.directory + "/py")
        #expect(digest(Array(try Data(contentsOf: URL(fileURLWithPath: vm.directory + "/py")))) == digest(vm.originals["scsi0:0"]))

        _ = try vm.workflow().decrypt()
        #expect(try vm.imagesArePlaintext())
    }

    /// A backup keeps the ciphertext and the wrapped DEK. It restores only for a client with access to the KEK:
    /// another tenant's client gets Item Not Found and nothing is written.
    @Test func aBackupStaysEncryptedAndRestoresOnlyWithTheKEK() throws {
        let keepd = try RunningKeepd(domains: [("tenant-a", DomainPolicy(allowsKeyExport: true)), ("tenant-b", DomainPolicy(allowsKeyExport: true))],
                                     clients: [.init(name: "hypervisor-a", domain: "tenant-a"), .init(name: "hypervisor-b", domain: "tenant-b")])
        let vm = try VMFixture(keepd: keepd)
        _ = try vm.workflow().encrypt()
        let backupDirectory = vm.directory + "/backup"
        let backup = try vm.workflow().backup(to: backupDirectory)
        #expect(backup.destination == backupDirectory)
        let backupDescriptor = backupDirectory + "/vm.json"
        let copy = try JSONDecoder().decode(VMDescriptor.self, from: Data(contentsOf: URL(fileURLWithPath: backupDescriptor)))
        #expect(copy.encryption == (try vm.descriptor.encryption))
        #expect(copy.disks.map(\.path) == ["disk0.raw", "disk1.raw"])
        #expect(digest(Array(try Data(contentsOf: URL(fileURLWithPath: backupDirectory + "/disk0.raw")))) == digest(try vm.image("scsi0:0")))

        // A shallow rekey afterwards: the backup names the old KEK, which is kept.
        _ = try vm.workflow().shallowRekey()

        // Another tenant's hypervisor cannot restore it.
        let foreignProviders = vm.directory + "/foreign-providers.json"
        let issued = keepd.clients["hypervisor-b"]!
        try KeyProviderFile(path: foreignProviders, providers: [KeyProviderConfiguration(
            name: "sovereign-kms", endpoints: ["127.0.0.1:\(keepd.port)"], certificate: issued.certificatePath, privateKey: issued.keyPath,
            trustedCAs: [keepd.caPath])]).write()
        let refused = vm.directory + "/refused"
        do {
            _ = try VMWorkflow.restore(backup: backupDescriptor, to: refused, providers: foreignProviders)
            Issue.record("another tenant restored the backup")
        } catch {
            #expect(error.code == .keyProvider && error.resultReason == .itemNotFound, "\(error)")
        }
        #expect(!FileManager.default.fileExists(atPath: refused))

        // The owner restores it, and it opens to the original.
        let restoredDirectory = vm.directory + "/restored"
        _ = try VMWorkflow.restore(backup: backupDescriptor, to: restoredDirectory, providers: vm.providersPath)
        let restored = try VMWorkflow(descriptor: restoredDirectory + "/vm.json", providers: vm.providersPath)
        var bytes: [UInt8] = []
        try restored.readSectors(disk: "scsi0:1", from: 0, count: UInt64((256 << 10) / 512)) { bytes += $0 }
        #expect(digest(bytes) == digest(vm.originals["scsi0:1"]))
        _ = try restored.decrypt()
        #expect(digest(Array(try Data(contentsOf: URL(fileURLWithPath: restoredDirectory + "/disk0.raw")))) == digest(vm.originals["scsi0:0"]))
    }

    /// The wrapped DEK is bound to its VM: copied into another VM's descriptor it unwraps (same tenant, same KEK)
    /// but its check value fails, so it is never used on the wrong disks.
    @Test func aWrappedDEKCopiedToAnotherVMIsRefused() throws {
        let keepd = try RunningKeepd()
        let one = try VMFixture(keepd: keepd)
        let two = try VMFixture(keepd: keepd)
        _ = try one.workflow().encrypt()
        _ = try two.workflow().encrypt()
        let foreign = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: one.descriptorPath))) as! [String: Any]
        try two.edit { $0["encryption"] = foreign["encryption"] }
        let workflow = try two.workflow()
        do {
            try workflow.readSectors(disk: "scsi0:0", from: 0, count: 1) { _ in }
            Issue.record("VM two opened with VM one's DEK")
        } catch {
            #expect(error.code == .keyMismatch, "\(error)")
        }
    }

    /// Keep writes only its own section: every other field of the descriptor, known or not, is left as it was.
    @Test func theDescriptorKeepsEveryFieldKeepDoesNotOwn() throws {
        let keepd = try RunningKeepd()
        let vm = try VMFixture(keepd: keepd)
        let original = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: vm.descriptorPath))) as! NSDictionary
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: vm.descriptorPath)
        _ = try vm.workflow().encrypt()
        var encrypted = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: vm.descriptorPath))) as! [String: Any]
        #expect(encrypted["encryption"] != nil)
        encrypted.removeValue(forKey: "encryption")
        #expect(NSDictionary(dictionary: encrypted) == original)
        #expect((try FileManager.default.attributesOfItem(atPath: vm.descriptorPath)[.posixPermissions] as? Int) == 0o640)
        _ = try vm.workflow().decrypt()
        #expect(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: vm.descriptorPath))) as! NSDictionary == original)
    }

    /// The key provider lists a dead endpoint, keepd A, and B's port. Encrypt goes through A; A stops and B starts
    /// over the same installation; decrypt goes through B.
    @Test func theWorkflowFailsOverToAnotherKeepd() throws {
        let keepd = try RunningKeepd()
        let dead = try RunningKeepd.freePort()
        let portB = try RunningKeepd.freePort()
        let vm = try VMFixture(keepd: keepd, endpoints: ["127.0.0.1:\(dead)", "127.0.0.1:\(keepd.port)", "127.0.0.1:\(portB)"])
        let log = EventLog()
        var options = VMWorkflow.Options()
        options.events = log.handler
        _ = try vm.workflow(options).encrypt()
        #expect(log.kinds.contains("failedOver \(dead) \(keepd.port)"))
        try keepd.restart(port: portB)
        _ = try vm.workflow(options).decrypt()
        #expect(log.kinds.contains("failedOver \(dead) \(portB)"), "\(log.kinds)")
        #expect(try vm.imagesArePlaintext())
    }
}
