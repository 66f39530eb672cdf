import Foundation
import KMIP
import KeepClient
import KeepCrypto
import KeepServer
import KeepdTestSupport
import KeyHierarchy
import Testing

/// Every prerequisite of encryption, failing alone and in combination: each is reported (all at once, each with
/// what to do), and nothing changes: not the VM's files, not keepd's objects.
@Suite("VM encryption prerequisites", .serialized)
struct PrerequisiteTests {
    /// tenant-a active; tenant-s with its subscription suspended.
    static func keepd() throws -> RunningKeepd {
        try RunningKeepd(domains: [("tenant-a", DomainPolicy(allowsKeyExport: true)), ("tenant-s", DomainPolicy(allowsKeyExport: true))],
                         clients: [.init(name: "hypervisor-a", domain: "tenant-a"), .init(name: "hypervisor-s", domain: "tenant-s")],
                         setUp: { _, hierarchy, _ in _ = try hierarchy.updateDomain(id: "tenant-s") { $0.subscription = .suspended } })
    }

    struct Case {
        var name: String
        var client = "hypervisor-a"
        var keyProvider: String? = "sovereign-kms"
        var powerState = VMDescriptor.PowerState.poweredOff
        var snapshots: [VMDescriptor.Snapshot] = []
        var globalMirror = false
        var expected: [Prerequisite]
    }

    static let cases: [Case] = [
        Case(name: "key provider not configured", keyProvider: "other-kms", expected: [.keyProviderConfigured, .subscriptionActive]),
        Case(name: "no key provider named", keyProvider: nil, expected: [.keyProviderConfigured, .subscriptionActive]),
        Case(name: "powered on", powerState: .poweredOn, expected: [.poweredOff]),
        Case(name: "suspended (the VM's state)", powerState: .suspended, expected: [.poweredOff]),
        Case(name: "a snapshot", snapshots: [.init(id: "snap-1", name: "before upgrade")], expected: [.noSnapshots]),
        Case(name: "a disk under Global Mirror", globalMirror: true, expected: [.noGlobalMirror]),
        Case(name: "subscription suspended", client: "hypervisor-s", expected: [.subscriptionActive]),
        Case(name: "all that keepd can be asked about", client: "hypervisor-s", powerState: .poweredOn,
             snapshots: [.init(id: "snap-1"), .init(id: "snap-2")], globalMirror: true,
             expected: [.poweredOff, .noSnapshots, .noGlobalMirror, .subscriptionActive]),
        Case(name: "all, without a key provider", keyProvider: "other-kms", powerState: .poweredOn, snapshots: [.init(id: "snap-1")],
             globalMirror: true, expected: [.keyProviderConfigured, .poweredOff, .noSnapshots, .noGlobalMirror, .subscriptionActive]),
    ]

    @Test func everyFailureAloneAndCombinedIsReportedAndChangesNothing() throws {
        let keepd = try Self.keepd()
        let objectsBefore = try keepd.objectCount(as: "hypervisor-a") + keepd.objectCount(as: "hypervisor-s")
        for testCase in Self.cases {
            let disks = [VMFixture.DiskSpec(id: "scsi0:0", bytes: 64 << 10, replication: .metroMirror),
                         VMFixture.DiskSpec(id: "scsi0:1", bytes: 32 << 10, replication: testCase.globalMirror ? .globalMirror : .none)]
            let vm = try VMFixture(keepd: keepd, client: testCase.client, disks: disks, powerState: testCase.powerState,
                                   snapshots: testCase.snapshots, keyProvider: testCase.keyProvider)
            let before = try vm.snapshot()
            let workflow = try vm.workflow()
            #expect(workflow.prerequisites(for: .encrypt).map(\.prerequisite) == testCase.expected, "\(testCase.name)")
            do {
                _ = try workflow.encrypt()
                Issue.record("\(testCase.name): encrypt went ahead")
            } catch {
                #expect(error.code == .prerequisitesNotMet, "\(testCase.name): \(error)")
                #expect(error.failures.map(\.prerequisite) == testCase.expected, "\(testCase.name)")
                #expect(error.failures.allSatisfy { !$0.problem.isEmpty && !$0.remedy.isEmpty })
                // The error text lists every failure with its remedy.
                #expect(error.failures.allSatisfy { error.description.contains($0.problem) && error.description.contains($0.remedy) })
            }
            #expect(try vm.snapshot() == before, "\(testCase.name): the VM's files changed")
            #expect(try vm.imagesArePlaintext())
        }
        #expect(try keepd.objectCount(as: "hypervisor-a") + keepd.objectCount(as: "hypervisor-s") == objectsBefore, "a key was created")
    }

    /// What each failure says and what it asks the operator to do.
    @Test func failuresSayWhatToDo() throws {
        let keepd = try Self.keepd()
        let vm = try VMFixture(keepd: keepd, client: "hypervisor-s", disks: [.init(id: "scsi0:0", bytes: 64 << 10, replication: .globalMirror)],
                               powerState: .poweredOn, snapshots: [.init(id: "s1", name: "nightly")])
        let failures = Dictionary(uniqueKeysWithValues: try vm.workflow().prerequisites(for: .encrypt).map { ($0.prerequisite, $0) })
        #expect(failures[.poweredOff]?.remedy.contains("power the VM off") == true)
        #expect(failures[.noSnapshots]?.problem.contains("nightly") == true)
        #expect(failures[.noSnapshots]?.remedy.contains("consolidate or delete") == true)
        #expect(failures[.noGlobalMirror]?.problem.contains("scsi0:0") == true)
        #expect(failures[.noGlobalMirror]?.remedy.contains("Metro Mirror") == true)
        #expect(failures[.subscriptionActive]?.problem.contains("tenant-s") == true)
        #expect(failures[.subscriptionActive]?.remedy.contains("reactivated") == true)

        // keepd unreachable: the subscription cannot be checked, and the failure says why.
        try vm.writeProviders(client: "hypervisor-s", endpoints: ["127.0.0.1:\(try RunningKeepd.freePort())"], connectTimeout: 0.5)
        let unreachable = try vm.workflow().prerequisites(for: .encrypt).first { $0.prerequisite == .subscriptionActive }
        #expect(unreachable?.problem.contains("could not be checked") == true)
        #expect(unreachable?.remedy.contains("reachable") == true)
    }

    /// The other operations' prerequisites: a shallow rekey runs on a powered-on VM, a deep rekey does not; an
    /// interrupted operation blocks everything but resume.
    @Test func eachOperationChecksWhatItNeeds() throws {
        let keepd = try Self.keepd()
        let vm = try VMFixture(keepd: keepd)
        let plain = try vm.workflow()
        #expect(plain.prerequisites(for: .decrypt).map(\.prerequisite) == [.encrypted])
        #expect(plain.prerequisites(for: .shallowRekey).map(\.prerequisite) == [.encrypted])
        _ = try plain.encrypt()
        try vm.edit { $0["powerState"] = "poweredOn" }
        let running = try vm.workflow()
        #expect(running.prerequisites(for: .shallowRekey).isEmpty)
        #expect(running.prerequisites(for: .deepRekey).map(\.prerequisite) == [.poweredOff])
        #expect(running.prerequisites(for: .decrypt).map(\.prerequisite) == [.poweredOff])
        #expect(running.prerequisites(for: .encrypt).map(\.prerequisite) == [.poweredOff, .notEncrypted])
        #expect(running.prerequisites(for: .open).isEmpty)
        #expect(running.prerequisites(for: .backup).map(\.prerequisite) == [.poweredOff])

        // A missing image and a size that disagrees with the descriptor.
        try vm.edit { $0["powerState"] = "poweredOff" }
        try FileManager.default.removeItem(atPath: vm.directory + "/disk1.raw")
        try vm.edit { object in
            var disks = object["disks"] as! [[String: Any]]
            disks[0]["sizeBytes"] = 4096
            object["disks"] = disks
        }
        let broken = try vm.workflow().prerequisites(for: .deepRekey)
        #expect(broken.map(\.prerequisite) == [.disksPresent, .disksPresent])
        #expect(broken[0].problem.contains("the descriptor says 4096") && broken[1].problem.contains("no image file"))
    }
}
