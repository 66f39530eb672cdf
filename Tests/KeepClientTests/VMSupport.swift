import Foundation
import KMIP
import KeepClient
import KeepCrypto
import KeepdTestSupport
import Testing

/// A VM on disk for a test: random disk images, a descriptor, a key-provider file naming a running keepd.
final class VMFixture {
    let directory: String
    let keepd: RunningKeepd
    let descriptorPath: String
    let providersPath: String
    /// Each disk's original (plaintext) contents, by disk id.
    private(set) var originals: [String: [UInt8]] = [:]

    struct DiskSpec {
        var id: String
        var bytes: Int
        var replication: VMDescriptor.Replication = .none
    }

    static let defaultDisks = [DiskSpec(id: "scsi0:0", bytes: 1 << 20), DiskSpec(id: "scsi0:1", bytes: 256 << 10)]

    init(keepd: RunningKeepd, client: String = "hypervisor-a", vmID: String = "4213a0c2-\(UUID().uuidString.prefix(8).lowercased())",
         disks: [DiskSpec] = VMFixture.defaultDisks, powerState: VMDescriptor.PowerState = .poweredOff,
         snapshots: [VMDescriptor.Snapshot] = [], keyProvider: String? = "sovereign-kms", endpoints: [String]? = nil) throws {
        self.keepd = keepd
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("keep-vm-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        descriptorPath = directory + "/vm.json"
        providersPath = directory + "/key-providers.json"
        var diskObjects: [[String: Any]] = []
        for (index, spec) in disks.enumerated() {
            let bytes = try SecureRandom.publicBytes(count: spec.bytes)
            let name = "disk\(index).raw"
            try Data(bytes).write(to: URL(fileURLWithPath: directory + "/" + name))
            originals[spec.id] = bytes
            diskObjects.append(["id": spec.id, "path": name, "sizeBytes": spec.bytes, "datastore": "ds-az1-\(index)",
                                "replication": spec.replication.rawValue, "controller": "lsilogic"])
        }
        var descriptor: [String: Any] = ["format": 1, "id": vmID, "name": "web-\(vmID.suffix(4))", "powerState": powerState.rawValue,
                                         "snapshots": snapshots.map { ["id": $0.id, "name": $0.name ?? $0.id] }, "disks": diskObjects,
                                         "memoryMB": 4096, "guestOS": "debian12_64Guest"]
        if let keyProvider { descriptor["keyProvider"] = keyProvider }
        try JSONSerialization.data(withJSONObject: descriptor, options: [.prettyPrinted, .sortedKeys]).write(to: URL(fileURLWithPath: descriptorPath))
        try writeProviders(client: client, endpoints: endpoints ?? ["127.0.0.1:\(keepd.port)"])
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }

    /// (Re)writes the key-provider file: provider `sovereign-kms` as `client` over `endpoints`.
    func writeProviders(client: String, endpoints: [String], connectTimeout: Double = 2) throws {
        let issued = keepd.clients[client]!
        var provider = KeyProviderConfiguration(name: "sovereign-kms", endpoints: endpoints, certificate: issued.certificatePath,
                                                privateKey: issued.keyPath, trustedCAs: [keepd.caPath])
        provider.connectTimeoutSeconds = connectTimeout
        provider.requestTimeoutSeconds = 10
        try KeyProviderFile(path: providersPath, providers: [provider]).write()
    }

    func workflow(_ options: VMWorkflow.Options = VMWorkflow.Options()) throws -> VMWorkflow {
        try VMWorkflow(descriptor: descriptorPath, providers: providersPath, options: options)
    }

    /// Small chunks and marks, so small disks still cross many of them.
    static var smallSteps: VMWorkflow.Options {
        var options = VMWorkflow.Options()
        options.chunkBytes = 64 << 10
        options.checkpointBytes = 128 << 10
        return options
    }

    var descriptor: VMDescriptor {
        get throws { try JSONDecoder().decode(VMDescriptor.self, from: Data(contentsOf: URL(fileURLWithPath: descriptorPath))) }
    }

    /// Edits the descriptor's JSON object in place (power state, snapshots, replication…).
    func edit(_ change: (inout [String: Any]) -> Void) throws {
        var object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: descriptorPath))) as! [String: Any]
        change(&object)
        try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys]).write(to: URL(fileURLWithPath: descriptorPath))
    }

    func image(_ diskID: String) throws -> [UInt8] {
        let index = try descriptor.disks.firstIndex { $0.id == diskID }!
        let path = try descriptor.disks[index].path
        return Array(try Data(contentsOf: URL(fileURLWithPath: path.hasPrefix("/") ? path : directory + "/" + path)))
    }

    /// Every image equals its original.
    func imagesArePlaintext() throws -> Bool {
        try originals.allSatisfy { id, bytes in try image(id) == bytes }
    }

    /// No image equals its original in any 512-byte sector (what an encrypted image looks like).
    func imagesAreCiphertext() throws -> Bool {
        try originals.allSatisfy { id, bytes in
            let current = try image(id)
            return current.count == bytes.count && stride(from: 0, to: bytes.count, by: 512).allSatisfy { current[$0..<$0 + 512] != bytes[$0..<$0 + 512] }
        }
    }

    /// Every file in the VM's directory and its SHA-256: equal before and after means nothing changed.
    func snapshot() throws -> [String: [UInt8]] {
        var result: [String: [UInt8]] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory) {
            result[name] = SHA256.hash(Array(try Data(contentsOf: URL(fileURLWithPath: directory + "/" + name))))
        }
        return result
    }

    /// The DEK, unwrapped through the library, into a 0600 file for the Python oracle (never printed).
    func writeDEK(to path: String) throws {
        let key = try workflow().dataEncryptionKey()
        _ = FileManager.default.createFile(atPath: path, contents: Data(key.bytes.copyBytes()), attributes: [.posixPermissions: 0o600])
    }
}

// MARK: Processes

struct ProcessResult {
    var status: Int32
    var signaled: Bool
    var stdout: String
    var stderr: String
}

enum Programs {
    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static var python: String { repositoryRoot.appendingPathComponent(".venv/bin/python").path }
    static var keepVM: String { RunningKeepd.productsDirectory.appendingPathComponent("keep-vm").path }

    /// Runs keep-vm with `arguments` to completion.
    @discardableResult
    static func keepVM(_ arguments: [String], environment: [String: String] = [:]) throws -> ProcessResult {
        try run(keepVM, arguments, environment: environment)
    }

    static func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) throws -> ProcessResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Read both pipes while it runs, so a large output cannot block it.
        nonisolated(unsafe) var errorData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errorData = errors.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return ProcessResult(status: process.terminationStatus, signaled: process.terminationReason == .uncaughtSignal,
                             stdout: String(decoding: outputData, as: UTF8.self), stderr: String(decoding: errorData, as: UTF8.self))
    }

    /// The independent AES-XTS (Python cryptography) over a file.
    static func pythonXTS(_ direction: String, keyFile: String, sectorSize: Int, ivSectorSize: Int? = nil, input: String, output: String) throws {
        try #require(FileManager.default.isExecutableFile(atPath: python), "no virtualenv at .venv: run the tests with `make test`, which creates it from PyPI")
        let script = repositoryRoot.appendingPathComponent("Tests/Python/xts_plain64.py").path
        let result = try run(python, [script, direction, keyFile, String(sectorSize), String(ivSectorSize ?? sectorSize), input, output])
        try #require(result.status == 0, "xts_plain64.py failed: \(result.stderr.suffix(2000))")
    }
}

