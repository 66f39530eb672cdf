import Foundation
import KeepClient
import KeepCrypto
import KeepdTestSupport
import Testing

/// keep-vm as a script sees it: exit statuses, --json documents, the DEK export for cryptsetup, and no key
/// material in anything it prints.
@Suite("keep-vm command line", .serialized)
struct KeepVMCommandTests {
    static func json(_ result: ProcessResult) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "not JSON: \(result.stdout) \(result.stderr)")
    }

    @Test func aScriptDrivesTheWholeWorkflow() throws {
        let keepd = try RunningKeepd()
        let dead = try RunningKeepd.freePort()
        let vm = try VMFixture(keepd: keepd, powerState: .poweredOn, snapshots: [.init(id: "snap-1")],
                               endpoints: ["127.0.0.1:\(dead)", "127.0.0.1:\(keepd.port)"])
        let base = ["--providers", vm.providersPath]
        var outputs: [ProcessResult] = []
        func run(_ arguments: [String]) throws -> ProcessResult {
            let result = try Programs.keepVM(base + arguments)
            outputs.append(result)
            return result
        }

        // Prerequisites: exit 3, every failure with its remedy, in text and JSON; nothing changed.
        let before = try vm.snapshot()
        let check = try run(["check", vm.descriptorPath])
        #expect(check.status == 3 && check.stdout.contains("2 prerequisite(s) not met") && check.stdout.contains("what to do: power the VM off"))
        let refused = try run(["--json", "encrypt", vm.descriptorPath])
        #expect(refused.status == 3)
        let error = try #require(try Self.json(refused)["error"] as? [String: Any])
        #expect(error["code"] as? String == "prerequisitesNotMet")
        let failures = try #require(error["failures"] as? [[String: Any]])
        #expect(failures.compactMap { $0["prerequisite"] as? String } == ["poweredOff", "noSnapshots"])
        #expect(failures.allSatisfy { ($0["remedy"] as? String)?.isEmpty == false })
        #expect(try vm.snapshot() == before)

        // Encrypt (through the second endpoint: the first refuses), with the failover on standard error.
        try vm.edit {
            $0["powerState"] = "poweredOff"
            $0["snapshots"] = [Any]()
        }
        let encrypted = try run(["--json", "--verbose", "encrypt", vm.descriptorPath])
        #expect(encrypted.status == 0, "\(encrypted.stderr)")
        let report = try #require(try Self.json(encrypted)["report"] as? [String: Any])
        #expect(report["operation"] as? String == "encrypt" && report["dekVersion"] as? Int == 1 && report["wrappedBy"] as? String == "client")
        #expect(encrypted.stderr.contains("failed over from 127.0.0.1:\(dead) to 127.0.0.1:\(keepd.port)"))

        let status = try #require(try Self.json(try run(["--json", "status", vm.descriptorPath]))["status"] as? [String: Any])
        #expect(status["encrypted"] as? Bool == true && status["sectorSize"] as? Int == 512 && status["kekID"] as? String == report["kekID"] as? String)

        // open: a range of plaintext for the hypervisor.
        let range = vm.directory + "/range.bin"
        #expect(try run(["open", vm.descriptorPath, "--disk", "scsi0:1", "--sector", "8", "--count", "16", "--output", range]).status == 0)
        #expect(digest(Array(try Data(contentsOf: URL(fileURLWithPath: range)))) == digest(Array(vm.originals["scsi0:1"]![(8 * 512)..<(24 * 512)])))
        #expect(try run(["--json", "open", vm.descriptorPath, "--disk", "scsi0:1", "--sector", "0", "--count", "1"]).status == 2)
        let jsonRange = try run(["--json", "open", vm.descriptorPath, "--disk", "scsi0:1", "--sector", "0", "--count", "2", "--output", range + "2"])
        #expect(try Self.json(jsonRange)["bytes"] as? Int == 1024)
        #expect(try run(["open", vm.descriptorPath, "--disk", "scsi9:9", "--sector", "0", "--count", "1"]).status == 1)

        // export-dek: a new 0600 file with the 64 raw bytes; never over an existing file.
        let keyFile = vm.directory + "/dek.key"
        #expect(try run(["export-dek", vm.descriptorPath, "--output", keyFile]).status == 0)
        let dek = SymmetricKey(SecureBytes(Array(try Data(contentsOf: URL(fileURLWithPath: keyFile)))))
        #expect(dek.byteCount == 64)
        #expect((try FileManager.default.attributesOfItem(atPath: keyFile)[.posixPermissions] as? Int) == 0o600)
        #expect(try run(["export-dek", vm.descriptorPath, "--output", keyFile]).status == 1)
        #expect(dek == (try vm.workflow().dataEncryptionKey()))

        // Rekeys, backup, restore, decrypt.
        #expect(try run(["rekey", vm.descriptorPath, "--shallow"]).status == 0)
        #expect(try run(["rekey", vm.descriptorPath, "--deep"]).status == 0)
        #expect(try run(["backup", vm.descriptorPath, "--to", vm.directory + "/backup"]).status == 0)
        #expect(try run(["restore", vm.directory + "/backup/vm.json", "--to", vm.directory + "/restored"]).status == 0)
        #expect(try run(["decrypt", vm.directory + "/restored/vm.json"]).status == 0)
        #expect(digest(Array(try Data(contentsOf: URL(fileURLWithPath: vm.directory + "/restored/disk1.raw")))) == digest(vm.originals["scsi0:1"]))
        #expect(try run(["decrypt", vm.descriptorPath]).status == 0)
        #expect(try vm.imagesArePlaintext())

        // Nothing printed carries the DEK (the first one, and the deep rekey's).
        let deep = try #require(try VMFixture.keyOf(vm.directory + "/backup/vm.json", providers: vm.providersPath))
        for output in outputs {
            #expect(!reveals(output.stdout, dek) && !reveals(output.stderr, dek) && !reveals(output.stderr, deep))
        }
    }

    @Test func usageErrorsExitTwo() throws {
        #expect(try Programs.keepVM([]).status == 2)
        #expect(try Programs.keepVM(["encrypt"]).status == 2)
        #expect(try Programs.keepVM(["frobnicate", "vm.json"]).status == 2)
        #expect(try Programs.keepVM(["rekey", "vm.json"]).status == 2)
        #expect(try Programs.keepVM(["--bogus", "encrypt", "vm.json"]).status == 2)
        let help = try Programs.keepVM(["--help"])
        #expect(help.status == 0 && help.stdout.contains("export-dek"))
        let missing = try Programs.keepVM(["--json", "status", "/nonexistent/vm.json"])
        #expect(missing.status == 1 && missing.stdout.contains("\"code\" : \"disk\""))
    }
}

extension VMFixture {
    /// The DEK a descriptor records, unwrapped through the library (for leak checks).
    static func keyOf(_ descriptor: String, providers: String) throws -> SymmetricKey? {
        try VMWorkflow(descriptor: descriptor, providers: providers).dataEncryptionKey()
    }
}
