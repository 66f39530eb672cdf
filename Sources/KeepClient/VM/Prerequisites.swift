#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// The workflow operations.
public enum VMOperation: String, Codable, Sendable, CaseIterable {
    case encrypt, decrypt, shallowRekey, deepRekey, open, backup, restore, resume
}

/// A condition an operation needs before it may change anything. docs/vm-encryption.md says why each exists.
public enum Prerequisite: String, Codable, Sendable, CaseIterable {
    /// The VM names a key provider that is configured: endpoints, client certificate and key, CA.
    case keyProviderConfigured
    /// The VM is powered off: its disks are rewritten under it.
    case poweredOff
    /// No snapshot: a snapshot's delta disks and reverts would bring back the old contents.
    case noSnapshots
    /// No disk on a datastore replicated with Global Mirror (asynchronous), which encrypted VMs do not support.
    case noGlobalMirror
    /// The tenant's advanced-protection subscription is active (asked of keepd, read-only).
    case subscriptionActive
    case notEncrypted
    case encrypted
    /// No interrupted operation waits in the journal (it must be resumed first).
    case noInterruptedOperation
    /// Every disk image exists, has the size the descriptor says, in whole sectors.
    case disksPresent
    /// Room beside each disk for its rewritten copy.
    case freeSpace
}

/// One unmet prerequisite: what is wrong, and what to do about it.
public struct PrerequisiteFailure: Codable, Equatable, Sendable, CustomStringConvertible {
    public var prerequisite: Prerequisite
    public var problem: String
    public var remedy: String

    public init(_ prerequisite: Prerequisite, _ problem: String, remedy: String) {
        self.prerequisite = prerequisite
        self.problem = problem
        self.remedy = remedy
    }

    public var description: String { "\(problem) (what to do: \(remedy))" }
}

extension VMOperation {
    /// What the operation needs, in the order failures are reported.
    public var prerequisites: [Prerequisite] {
        switch self {
        case .encrypt:
            [.keyProviderConfigured, .poweredOff, .noSnapshots, .noGlobalMirror, .subscriptionActive, .notEncrypted, .noInterruptedOperation, .disksPresent, .freeSpace]
        case .decrypt:
            [.keyProviderConfigured, .poweredOff, .noSnapshots, .encrypted, .noInterruptedOperation, .disksPresent, .freeSpace]
        case .deepRekey:
            [.keyProviderConfigured, .poweredOff, .noSnapshots, .noGlobalMirror, .encrypted, .noInterruptedOperation, .disksPresent, .freeSpace]
        case .shallowRekey:
            [.keyProviderConfigured, .subscriptionActive, .encrypted, .noInterruptedOperation]
        case .open:
            [.keyProviderConfigured, .encrypted, .noInterruptedOperation, .disksPresent]
        case .backup:
            [.poweredOff, .encrypted, .noInterruptedOperation, .disksPresent]
        case .restore:
            [.keyProviderConfigured, .encrypted, .disksPresent]
        case .resume:
            [.keyProviderConfigured]
        }
    }
}

/// Evaluates every prerequisite of an operation and returns all that fail. Reads files and asks keepd's Keep
/// Domain Status; changes nothing.
struct PrerequisiteCheck {
    let file: VMDescriptorFile
    let providers: KeyProviderFile?
    let providersPath: String
    let journalPath: String
    /// Asked only when the key provider is usable and the operation needs the subscription.
    let domainStatus: () throws(VMError) -> DomainStatus
    /// Sector size the disks are (or will be) encrypted with.
    let sectorSize: Int
    /// The caller supplied the key service itself (tests, benchmarks): the provider is configured.
    var providerGiven = false

    func failures(for operation: VMOperation) -> [PrerequisiteFailure] {
        var failures: [PrerequisiteFailure] = []
        var providerUsable = false
        for prerequisite in operation.prerequisites {
            switch prerequisite {
            case .keyProviderConfigured:
                let problems = providerProblems()
                providerUsable = problems.isEmpty
                if !problems.isEmpty {
                    failures.append(PrerequisiteFailure(.keyProviderConfigured, problems.joined(separator: "; "), remedy: providerRemedy))
                }
            case .subscriptionActive:
                failures += subscription(providerUsable: providerUsable)
            default:
                failures += check(prerequisite, operation)
            }
        }
        return failures
    }

    private var vm: VMDescriptor { file.descriptor }
    private var vmName: String { "VM \(vm.name) (\(vm.id))" }

    private func providerProblems() -> [String] {
        if providerGiven { return [] }
        guard let providers else {
            return ["no key-provider file at \(providersPath)" + (vm.keyProvider.map { " (the VM uses key provider '\($0)')" } ?? "")]
        }
        return providers.problems(with: vm.keyProvider)
    }

    private var providerRemedy: String {
        let name = vm.keyProvider.map { "'\($0)'" } ?? "(none named)"
        return "configure key provider \(name) in \(providersPath) with its keepd endpoints, client certificate, private key and CA, "
            + "and name it in the descriptor's \"keyProvider\"; see docs/vm-encryption.md"
    }

    private func subscription(providerUsable: Bool) -> [PrerequisiteFailure] {
        guard providerUsable else {
            return [PrerequisiteFailure(.subscriptionActive, "the tenant's advanced-protection subscription could not be checked: no usable key provider",
                                        remedy: "configure the key provider first; keepd is then asked")]
        }
        do throws(VMError) {
            let status = try domainStatus()
            guard status.subscriptionActive else {
                return [PrerequisiteFailure(.subscriptionActive, "the advanced-protection subscription of tenant domain '\(status.domainID)' is suspended",
                                            remedy: "have the tenant's subscription reactivated: keepd makes no new key for a suspended domain (existing keys are still served)")]
            }
            return []
        } catch {
            return [PrerequisiteFailure(.subscriptionActive, "the tenant's advanced-protection subscription could not be checked: \(error.reason)",
                                        remedy: "check that the key provider's keepd endpoints are reachable and that its client certificate is registered")]
        }
    }

    private func check(_ prerequisite: Prerequisite, _ operation: VMOperation) -> [PrerequisiteFailure] {
        switch prerequisite {
        case .poweredOff where vm.powerState != .poweredOff:
            return [PrerequisiteFailure(.poweredOff, "\(vmName) is \(vm.powerState.rawValue)",
                                        remedy: "power the VM off: its disks are rewritten and must not change meanwhile (a shallow rekey needs no power-off)")]
        case .noSnapshots where !vm.snapshots.isEmpty:
            let names = vm.snapshots.map { $0.name ?? $0.id }.joined(separator: ", ")
            return [PrerequisiteFailure(.noSnapshots, "\(vmName) has \(vm.snapshots.count) snapshot(s): \(names)",
                                        remedy: "consolidate or delete the snapshots: their delta disks would keep the old contents, and a revert would bring them back")]
        case .noGlobalMirror:
            return vm.disks.filter { $0.replication == .globalMirror }.map { disk in
                PrerequisiteFailure(.noGlobalMirror, "disk \(disk.id) is on datastore \(disk.datastore), replicated with Global Mirror (asynchronous)",
                                    remedy: "move the disk to a datastore with Metro Mirror or no replication: Global Mirror is not supported for encrypted VMs")
            }
        case .notEncrypted where vm.encryption != nil:
            let key = vm.encryption!.key
            return [PrerequisiteFailure(.notEncrypted, "\(vmName) is already encrypted (KEK \(key.kekID), DEK version \(key.dekVersion))",
                                        remedy: "nothing to encrypt; to change keys use a shallow or deep rekey")]
        case .encrypted where vm.encryption == nil:
            return [PrerequisiteFailure(.encrypted, "\(vmName) is not encrypted", remedy: "encrypt it first")]
        case .noInterruptedOperation where Files.exists(journalPath):
            return [PrerequisiteFailure(.noInterruptedOperation, "an interrupted operation is recorded in \(journalPath)",
                                        remedy: "complete it with `keep-vm resume \(file.path)` first")]
        case .disksPresent:
            return diskFailures()
        case .freeSpace:
            return spaceFailures()
        default:
            return []
        }
    }

    private func diskFailures() -> [PrerequisiteFailure] {
        var failures: [PrerequisiteFailure] = []
        for disk in vm.disks {
            let path = file.imagePath(disk)
            var status = stat()
            guard stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
                failures.append(PrerequisiteFailure(.disksPresent, "disk \(disk.id): no image file at \(path)",
                                                    remedy: "restore the image or correct the disk's \"path\" in the descriptor"))
                continue
            }
            if UInt64(status.st_size) != disk.sizeBytes {
                failures.append(PrerequisiteFailure(.disksPresent, "disk \(disk.id): the image is \(status.st_size) bytes, the descriptor says \(disk.sizeBytes)",
                                                    remedy: "correct \"sizeBytes\" or the image"))
            } else if disk.sizeBytes % UInt64(sectorSize) != 0 {
                failures.append(PrerequisiteFailure(.disksPresent, "disk \(disk.id): \(disk.sizeBytes) bytes is not a whole number of \(sectorSize)-byte sectors",
                                                    remedy: "resize the image to a multiple of \(sectorSize) bytes"))
            } else if access(path, R_OK | W_OK) != 0 {
                failures.append(PrerequisiteFailure(.disksPresent, "disk \(disk.id): \(path) is not readable and writable by this user",
                                                    remedy: "run as the user that owns the VM's files"))
            }
        }
        return failures
    }

    /// Each disk is rewritten into a new file beside it, one at a time: its file system needs room for the
    /// largest disk it holds.
    private func spaceFailures() -> [PrerequisiteFailure] {
        var largest: [String: (UInt64, String)] = [:]
        for disk in vm.disks {
            let directory = Files.directory(of: file.imagePath(disk))
            if disk.sizeBytes > largest[directory]?.0 ?? 0 { largest[directory] = (disk.sizeBytes, disk.id) }
        }
        return largest.sorted { $0.key < $1.key }.compactMap { directory, need in
            guard let free = Files.freeBytes(at: directory), free < need.0 else { return nil }
            return PrerequisiteFailure(.freeSpace, "\(directory) has \(free) bytes free; rewriting disk \(need.1) needs \(need.0) beside it",
                                       remedy: "free space there: each disk is rewritten into a new file beside it, then renamed over it")
        }
    }
}
