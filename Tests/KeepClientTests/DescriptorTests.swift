import Foundation
import KeepCrypto
import Testing
@testable import KeepClient

/// The descriptor and key-provider files, and the DEK check value, without keepd.
@Suite("VM descriptor and key-provider files")
struct DescriptorTests {
    static func write(_ object: [String: Any], _ directory: String) throws -> String {
        let path = directory + "/vm-\(UUID().uuidString).json"
        try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: path))
        return path
    }

    static var valid: [String: Any] { [
        "format": 1, "id": "vm-1", "name": "web", "powerState": "poweredOff", "snapshots": [Any](), "keyProvider": "kms",
        "disks": [["id": "scsi0:0", "path": "a.raw", "sizeBytes": 4096, "datastore": "ds", "replication": "metroMirror"]],
    ] }

    @Test func invalidDescriptorsAreRefusedWithTheFieldNamed() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("keep-desc-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(try VMDescriptorFile(path: try Self.write(Self.valid, directory)).descriptor.disks.first?.replication == .metroMirror)

        func refused(_ change: (inout [String: Any]) -> Void) throws -> String {
            var object = Self.valid
            change(&object)
            let path = try Self.write(object, directory)
            do {
                _ = try VMDescriptorFile(path: path)
                return "accepted"
            } catch {
                #expect(error.code == .invalidDescriptor)
                return error.reason
            }
        }
        #expect(try refused { $0.removeValue(forKey: "id") }.contains("missing field id"))
        #expect(try refused { $0["id"] = "" }.contains("id is empty"))
        #expect(try refused { $0["format"] = 2 }.contains("format 2"))
        #expect(try refused { $0["powerState"] = "hibernating" }.contains("powerState"))
        #expect(try refused { $0["disks"] = [Any]() }.contains("no disk"))
        #expect(try refused {
            var disks = $0["disks"] as! [[String: Any]]
            disks[0]["replication"] = "globalMirrorWithChangeVolumes"
            $0["disks"] = disks
        }.contains("replication"))
        #expect(try refused {
            let disk = ($0["disks"] as! [[String: Any]])[0]
            $0["disks"] = [disk, disk]
        }.contains("share an id"))
        #expect(try refused {
            $0["encryption"] = ["format": 1, "cipher": "aes-cbc-essiv:sha256", "keyBits": 256, "sectorSize": 512, "encryptedAt": "x",
                                "key": ["kekID": "k", "kekVersion": 1, "dekVersion": 1, "wrapAlgorithm": "AES-KW-RFC3394", "wrappedBy": "client",
                                        "wrappedDEK": "", "dekCheck": ""]]
        }.contains("aes-cbc-essiv"))
        let garbage = directory + "/garbage.json"
        try Data("not json".utf8).write(to: URL(fileURLWithPath: garbage))
        #expect(throws: VMError.self) { try VMDescriptorFile(path: garbage) }
    }

    @Test func keyProviderProblemsAreListed() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("keep-prov-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try Data("cert".utf8).write(to: URL(fileURLWithPath: directory + "/client.pem"))
        let file = KeyProviderFile(path: directory + "/providers.json", providers: [
            KeyProviderConfiguration(name: "kms", endpoints: ["kms-a:5696", "kms-b:notaport"], certificate: "client.pem", privateKey: "client.key", trustedCAs: []),
        ])
        try file.write()
        let loaded = try KeyProviderFile.load(directory + "/providers.json")
        #expect(loaded.providers == file.providers)
        let problems = loaded.problems(with: "kms")
        #expect(problems.count == 3, "\(problems)")
        #expect(problems.contains { $0.contains("kms-b:notaport") })
        #expect(problems.contains { $0.contains("trusts no CA") })
        #expect(problems.contains { $0.contains("client.key cannot be read") })
        #expect(loaded.problems(with: "other") == ["key provider 'other' is not in \(directory)/providers.json"])
        #expect(loaded.problems(with: nil) == ["the VM names no key provider"])
    }

    /// The check value binds a DEK to its VM and version and says nothing about the key.
    @Test func theDEKCheckBindsTheKeyToItsVMAndVersion() throws {
        let dek = try SymmetricKey.generate(bitCount: 512)
        let value = try DEKCheck.value(dek, vmID: "vm-1", dekVersion: 1)
        #expect(value.count == 32)
        let record = WrappedDEK(kekID: "k", kekVersion: 1, dekVersion: 1, wrapAlgorithm: WrappedDEK.aesKeyWrap, wrappedBy: .client, wrappedDEK: "", dekCheck: value)
        try DEKCheck.verify(dek, against: record, vmID: "vm-1")
        #expect(throws: VMError.self) { try DEKCheck.verify(dek, against: record, vmID: "vm-2") }
        var older = record
        older.dekVersion = 2
        #expect(throws: VMError.self) { try DEKCheck.verify(dek, against: older, vmID: "vm-1") }
        #expect(throws: VMError.self) { try DEKCheck.verify(try SymmetricKey.generate(bitCount: 512), against: record, vmID: "vm-1") }
        #expect(!reveals(value, dek))
    }
}
