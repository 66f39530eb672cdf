import Foundation
import KMIP
import KeepClient
import KeepCrypto
import KeepdTestSupport
import Testing

/// keep-vm killed with SIGKILL during encrypt and during deep rekey, at each named moment and at random moments,
/// then resumed: the VM is at every kill either untouched or resumable, never a disk half rewritten without a
/// record, and in the end the disks decrypt to the original bytes.
@Suite("keep-vm under SIGKILL", .serialized)
struct SIGKILLTests {
    /// Small steps so a 1.25 MiB VM crosses many chunks and durable marks.
    static let steps = ["--chunk-bytes", "65536", "--checkpoint-bytes", "131072"]

    static func keepVM(_ vm: VMFixture, _ command: [String], environment: [String: String] = [:]) throws -> ProcessResult {
        try Programs.keepVM(["--providers", vm.providersPath, "--json"] + command + [vm.descriptorPath] + steps, environment: environment)
    }

    /// What a crash may leave: no journal and the VM as it was before the operation, or a journal whose disks are
    /// each entirely under the key their state says (`pending`/`rewriting`: untouched; `done`: rewritten).
    static func checkConsistent(_ vm: VMFixture, before: [String: [UInt8]], round: String) throws -> Bool {
        let journalPath = vm.descriptorPath + ".keep-journal"
        guard FileManager.default.fileExists(atPath: journalPath) else { return false }
        let journal = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: journalPath))) as! [String: Any]
        #expect(journal["target"] != nil || journal["operation"] as? String == "decrypt", "\(round): the journal has no target key")
        for disk in journal["disks"] as! [[String: Any]] {
            let id = disk["id"] as! String
            let image = try vm.image(id)
            switch disk["state"] as! String {
            case "pending", "rewriting":
                #expect(digest(image) == digest(before[id]), "\(round): disk \(id) changed before its rewrite was committed")
            case "done":
                #expect(image.count == before[id]!.count && stride(from: 0, to: image.count, by: 512).allSatisfy { image[$0..<$0 + 512] != before[id]![$0..<$0 + 512] },
                        "\(round): disk \(id) is done but not rewritten")
            default:
                break // committing: the rename may or may not have happened; resume decides by the new file
            }
        }
        return true
    }

    /// Each named moment of an encrypt: killed there, then `keep-vm resume` (or, when the crash left no journal,
    /// `encrypt` again) completes it, and the disks decrypt to the originals.
    @Test func encryptKilledAtEachNamedMomentCompletes() throws {
        let keepd = try RunningKeepd()
        let points = ["kekCreated", "journalCreated", "chunkWritten:5", "checkpointed:1", "diskCommitting:1", "diskRenamed:1",
                      "checkpointed:2", "diskCommitting:2", "descriptorWritten"]
        for point in points {
            let vm = try VMFixture(keepd: keepd)
            let plain = vm.originals
            let descriptorBefore = try Data(contentsOf: URL(fileURLWithPath: vm.descriptorPath))
            let killed = try Self.keepVM(vm, ["encrypt"], environment: ["KEEP_VM_TEST_CRASH_AT": point])
            #expect(killed.signaled, "\(point): keep-vm was not killed (status \(killed.status): \(killed.stderr))")
            let journaled = try Self.checkConsistent(vm, before: plain, round: point)
            if !journaled {
                // Killed before the journal existed: untouched.
                #expect(try vm.imagesArePlaintext() || point == "descriptorWritten", "\(point)")
                if point != "descriptorWritten" {
                    #expect(try Data(contentsOf: URL(fileURLWithPath: vm.descriptorPath)) == descriptorBefore, "\(point)")
                }
            }
            let finish = try Self.keepVM(vm, [journaled ? "resume" : "encrypt"])
            if point == "descriptorWritten" && !journaled {
                #expect(finish.status == 3, "\(point): already encrypted, encrypt refuses")
            } else {
                #expect(finish.status == 0, "\(point): \(finish.stdout) \(finish.stderr)")
            }
            #expect(!FileManager.default.fileExists(atPath: vm.descriptorPath + ".keep-journal"), "\(point)")
            #expect(try vm.descriptor.encryption != nil && vm.imagesAreCiphertext(), "\(point)")
            try expectOpensToOriginals(vm, point)
        }
    }

    /// Random moments: keep-vm is killed again and again while it encrypts (and then while it resumes), and
    /// finally allowed to finish.
    @Test func encryptKilledAtRandomMomentsCompletes() throws {
        let keepd = try RunningKeepd()
        let vm = try VMFixture(keepd: keepd)
        try killRepeatedly(vm, start: ["encrypt"], rounds: 6)
        #expect(try vm.descriptor.encryption?.key.dekVersion == 1 && vm.imagesAreCiphertext())
        try expectDecryptsToOriginals(vm, sectorSize: 512)
    }

    /// The same for a deep rekey of an encrypted VM: old DEK to new DEK, disk by disk.
    @Test func deepRekeyKilledAtRandomMomentsCompletes() throws {
        let keepd = try RunningKeepd()
        let vm = try VMFixture(keepd: keepd)
        _ = try vm.workflow(VMFixture.smallSteps).encrypt()
        let encrypted = try vm.originals.keys.reduce(into: [String: [UInt8]]()) { $0[$1] = try vm.image($1) }
        try killRepeatedly(vm, start: ["rekey", "--deep"], rounds: 6, before: encrypted)
        #expect(try vm.descriptor.encryption?.key.dekVersion == 2)
        try expectDecryptsToOriginals(vm, sectorSize: 512)

        // And at the named moments of a deep rekey.
        for point in ["journalCreated", "checkpointed:1", "diskRenamed:1", "diskCommitting:2", "descriptorWritten"] {
            let killed = try Self.keepVM(vm, ["rekey", "--deep"], environment: ["KEEP_VM_TEST_CRASH_AT": point])
            #expect(killed.signaled, "\(point)")
            #expect(try Self.keepVM(vm, ["resume"]).status == 0, "\(point)")
            try expectOpensToOriginals(vm, point)
        }
        #expect(try vm.descriptor.encryption?.key.dekVersion == 7)
        try expectDecryptsToOriginals(vm, sectorSize: 512)
    }

    /// Runs `start` (then `resume` once a journal exists) with a delay per chunk, kills it after a random while,
    /// checks what it left, `rounds` times; then lets it finish.
    private func killRepeatedly(_ vm: VMFixture, start: [String], rounds: Int, before: [String: [UInt8]]? = nil) throws {
        var generator = SystemRandomNumberGenerator()
        let before = before ?? vm.originals
        var kills = 0
        for round in 0..<rounds {
            let journalExists = FileManager.default.fileExists(atPath: vm.descriptorPath + ".keep-journal")
            let command = journalExists ? ["resume"] : start
            let process = Process()
            process.executableURL = URL(fileURLWithPath: Programs.keepVM)
            process.arguments = ["--providers", vm.providersPath, "--json"] + command + [vm.descriptorPath] + Self.steps
            process.environment = ProcessInfo.processInfo.environment.merging(["KEEP_VM_TEST_CHUNK_DELAY_MS": "20"]) { $1 }
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: Double.random(in: 0.03...0.15, using: &generator))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            guard process.terminationReason == .uncaughtSignal else {
                // It finished before the kill: the operation is complete, there is nothing more to interrupt.
                #expect(process.terminationStatus == 0, "round \(round): keep-vm failed")
                break
            }
            kills += 1
            if !(try Self.checkConsistent(vm, before: before, round: "round \(round) (\(command.joined(separator: " ")))")) {
                // No journal: killed before it was written (the VM as before) or after the operation finished.
                #expect(try vm.originals.keys.allSatisfy { try vm.image($0) == before[$0] } || vm.imagesAreCiphertext(), "round \(round)")
            }
        }
        #expect(kills >= 3, "keep-vm finished before it was killed three times: the test did not interrupt it enough")
        let journalExists = FileManager.default.fileExists(atPath: vm.descriptorPath + ".keep-journal")
        let changed = try vm.originals.keys.contains { try vm.image($0) != before[$0] }
        if journalExists || !changed {
            let finish = try Self.keepVM(vm, journalExists ? ["resume"] : start)
            #expect(finish.status == 0, "\(finish.stdout) \(finish.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: vm.descriptorPath + ".keep-journal"))
    }

    /// Every sector of every disk, opened through the library, is the original.
    private func expectOpensToOriginals(_ vm: VMFixture, _ point: String) throws {
        let workflow = try vm.workflow()
        for disk in try vm.descriptor.disks {
            var bytes: [UInt8] = []
            try workflow.readSectors(disk: disk.id, from: 0, count: disk.sizeBytes / 512) { bytes += $0 }
            #expect(digest(bytes) == digest(vm.originals[disk.id]), "\(point): disk \(disk.id) does not decrypt to its original bytes")
        }
    }

    /// The images, decrypted by the independent AES-XTS with the DEK the descriptor records, are the originals.
    private func expectDecryptsToOriginals(_ vm: VMFixture, sectorSize: Int) throws {
        let keyFile = vm.directory + "/dek-\(UUID().uuidString).key"
        try vm.writeDEK(to: keyFile)
        defer { try? FileManager.default.removeItem(atPath: keyFile) }
        for (index, id) in try vm.descriptor.disks.map(\.id).enumerated() {
            let output = vm.directory + "/plain\(index)"
            try Programs.pythonXTS("decrypt", keyFile: keyFile, sectorSize: sectorSize, input: vm.directory + "/disk\(index).raw", output: output)
            #expect(digest(Array(try Data(contentsOf: URL(fileURLWithPath: output)))) == digest(vm.originals[id]), "disk \(id) does not decrypt to its original bytes")
        }
    }
}
