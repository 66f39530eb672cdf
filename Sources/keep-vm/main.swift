// keep-vm: the VM encryption workflow on the hypervisor side. Parses arguments, calls KeepClient's VMWorkflow,
// prints a progress bar on a terminal and the outcome as text or (--json) as one JSON document on stdout.
import Foundation
import KeepClient
import KeepCrypto

let usage = """
usage: keep-vm [--providers FILE] [--json] [--verbose] COMMAND DESCRIPTOR [OPTIONS]

commands:
  check DESCRIPTOR [--for OPERATION]    list unmet prerequisites (OPERATION: encrypt (default), decrypt,
                                        shallowRekey, deepRekey, open, backup)
  encrypt DESCRIPTOR [--sector-size 512|4096]
  decrypt DESCRIPTOR
  rekey DESCRIPTOR --shallow|--deep     shallow: new KEK, DEK re-wrapped (VM may run); deep: new DEK, disks re-encrypted
  resume DESCRIPTOR                     complete an interrupted encrypt, decrypt or deep rekey
  status DESCRIPTOR
  open DESCRIPTOR --disk ID --sector N --count N [--output FILE]
                                        decrypt sectors [N, N+count) of a disk to FILE (default: standard output)
  export-dek DESCRIPTOR --output FILE   write the 64-byte DEK to a new file (mode 0600), for cryptsetup
  backup DESCRIPTOR --to DIR            copy the encrypted VM (stays encrypted)
  restore BACKUP-DESCRIPTOR --to DIR    restore a backup; needs access to its KEK

options:
  --providers FILE      key-provider file (default: $KEEP_VM_PROVIDERS, else \(KeyProviderFile.defaultPath))
  --json                the outcome as one JSON document on standard output, no progress bar
  --verbose             connection, retry and failover events on standard error
  --chunk-bytes N       bytes per read-encrypt-write step (default \(VMWorkflow.Options().chunkBytes))
  --checkpoint-bytes N  bytes between durable progress marks (default \(VMWorkflow.Options().checkpointBytes))
  --threads N           XTS threads (default: all cores)

exit status: 0 done, 1 failed, 2 usage, 3 prerequisites not met (nothing was changed)
"""

enum Exit {
    static let ok: Int32 = 0
    static let failed: Int32 = 1
    static let usage: Int32 = 2
    static let prerequisites: Int32 = 3
}

func fail(_ message: String, status: Int32 = Exit.usage) -> Never {
    FileHandle.standardError.write(Data("keep-vm: \(message)\n".utf8))
    exit(status)
}

// MARK: Arguments

struct Arguments {
    var command = ""
    var descriptor = ""
    var flags: [String: String] = [:]
    var switches: Set<String> = []

    static let valued: Set<String> = ["--providers", "--for", "--sector-size", "--disk", "--sector", "--count", "--output", "--to",
                                      "--chunk-bytes", "--checkpoint-bytes", "--threads"]
    static let boolean: Set<String> = ["--json", "--verbose", "--shallow", "--deep"]

    init(_ list: [String]) {
        var positional: [String] = []
        var index = 0
        while index < list.count {
            let argument = list[index]
            if argument == "-h" || argument == "--help" {
                print(usage)
                exit(Exit.ok)
            } else if Self.valued.contains(argument) {
                guard index + 1 < list.count else { fail("\(argument) needs a value") }
                flags[argument] = list[index + 1]
                index += 2
                continue
            } else if Self.boolean.contains(argument) {
                switches.insert(argument)
            } else if argument.hasPrefix("--") {
                fail("unknown option \(argument); see --help")
            } else {
                positional.append(argument)
            }
            index += 1
        }
        guard positional.count == 2 else { fail(positional.isEmpty ? usage : "expected COMMAND DESCRIPTOR; see --help") }
        command = positional[0]
        descriptor = positional[1]
    }

    func integer(_ flag: String) -> Int? {
        guard let text = flags[flag] else { return nil }
        guard let value = Int(text), value >= 0 else { fail("\(flag) takes a non-negative integer, not '\(text)'") }
        return value
    }

    func required(_ flag: String) -> String {
        guard let value = flags[flag] else { fail("\(command) needs \(flag)") }
        return value
    }
}

let arguments = Arguments(Array(CommandLine.arguments.dropFirst()))
let json = arguments.switches.contains("--json")
let providersPath = arguments.flags["--providers"] ?? ProcessInfo.processInfo.environment["KEEP_VM_PROVIDERS"] ?? KeyProviderFile.defaultPath

let options: VMWorkflow.Options = {
    var options = VMWorkflow.Options()
    if let size = arguments.integer("--sector-size") { options.sectorSize = size }
    if let bytes = arguments.integer("--chunk-bytes") { options.chunkBytes = bytes }
    if let bytes = arguments.integer("--checkpoint-bytes") { options.checkpointBytes = UInt64(bytes) }
    if let threads = arguments.integer("--threads") { options.threads = threads }
    if arguments.switches.contains("--verbose") {
        options.events = { event in FileHandle.standardError.write(Data("keep-vm: \(event)\n".utf8)) }
    }
    options.hook = TestHooks.fromEnvironment()
    return options
}()

// MARK: Output

func printJSON(_ object: [String: Any]) {
    let data = (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
    FileHandle.standardOutput.write(data + Data("\n".utf8))
}

func jsonValue<T: Encodable>(_ value: T) -> Any {
    (try? JSONSerialization.jsonObject(with: JSONEncoder().encode(value))) ?? NSNull()
}

func report(_ result: VMReport) {
    if json {
        printJSON(["ok": true, "report": jsonValue(result)])
        return
    }
    var line = "\(result.operation.rawValue) of VM \(result.vmName) (\(result.vmID)) done"
    if result.resumed { line += " (resumed)" }
    if result.bytes > 0 {
        line += String(format: ": %d disk(s), %.2f GB in %.1f s (%.2f GB/s)", result.disks, Double(result.bytes) / 1e9, result.seconds, result.gigabytesPerSecond)
    }
    print(line)
    if let kek = result.kekID {
        print("  KEK \(kek) (version \(result.kekVersion ?? 0)), DEK version \(result.dekVersion ?? 0), wrapped by the \(result.wrappedBy?.rawValue ?? "?")")
    }
    if let destination = result.destination { print("  written to \(destination)") }
}

func failed(_ error: any Error) -> Never {
    guard let error = error as? VMError else { fail("\(error)", status: Exit.failed) }
    let status = error.code == .prerequisitesNotMet ? Exit.prerequisites : Exit.failed
    if json {
        var object: [String: Any] = ["code": error.code.name, "reason": error.reason, "failures": jsonValue(error.failures)]
        if let reason = error.resultReason { object["resultReason"] = reason.description }
        if let message = error.kmip?.resultMessage { object["resultMessage"] = message }
        printJSON(["ok": false, "error": object])
        exit(status)
    }
    fail(error.description, status: status)
}

// MARK: Commands

func workflow(_ descriptor: String) -> VMWorkflow {
    do {
        return try VMWorkflow(descriptor: descriptor, providers: providersPath, options: options)
    } catch {
        failed(error)
    }
}

let bar: ProgressBar? = !json && isatty(STDERR_FILENO) == 1 ? ProgressBar() : nil
let progress: VMProgressHandler = { bar?.update($0) }

do {
    switch arguments.command {
    case "check":
        let name = arguments.flags["--for"] ?? "encrypt"
        guard let operation = VMOperation(rawValue: name), operation != .resume, operation != .restore else { fail("--for: unknown operation '\(name)'") }
        let failures = workflow(arguments.descriptor).prerequisites(for: operation)
        if json {
            printJSON(["ok": failures.isEmpty, "operation": operation.rawValue, "failures": jsonValue(failures)])
        } else if failures.isEmpty {
            print("\(operation.rawValue): every prerequisite is met")
        } else {
            print("\(operation.rawValue): \(failures.count) prerequisite(s) not met")
            for failure in failures { print("  - \(failure.problem)\n    what to do: \(failure.remedy)") }
        }
        exit(failures.isEmpty ? Exit.ok : Exit.prerequisites)
    case "encrypt":
        report(try workflow(arguments.descriptor).encrypt(progress: progress))
    case "decrypt":
        report(try workflow(arguments.descriptor).decrypt(progress: progress))
    case "resume":
        report(try workflow(arguments.descriptor).resume(progress: progress))
    case "rekey":
        switch (arguments.switches.contains("--shallow"), arguments.switches.contains("--deep")) {
        case (true, false): report(try workflow(arguments.descriptor).shallowRekey())
        case (false, true): report(try workflow(arguments.descriptor).deepRekey(progress: progress))
        default: fail("rekey needs exactly one of --shallow and --deep")
        }
    case "status":
        let status = try workflow(arguments.descriptor).currentStatus()
        if json {
            printJSON(["ok": true, "status": jsonValue(status)])
        } else {
            print("VM \(status.vmName) (\(status.vmID)), \(status.powerState.rawValue), \(status.encrypted ? "encrypted" : "not encrypted")")
            if let kek = status.kekID {
                print("  KEK \(kek) (version \(status.kekVersion ?? 0)), DEK version \(status.dekVersion ?? 0), \(status.sectorSize ?? 0)-byte sectors, wrapped by the \(status.wrappedBy?.rawValue ?? "?")")
            }
            if let operation = status.interruptedOperation {
                print("  interrupted \(operation): run `keep-vm resume \(arguments.descriptor)`")
                for (disk, state) in (status.interruptedDisks ?? [:]).sorted(by: { $0.key < $1.key }) { print("    \(disk): \(state)") }
            }
        }
    case "open":
        guard let sector = arguments.integer("--sector"), let count = arguments.integer("--count") else { fail("open needs --sector and --count") }
        let disk = arguments.required("--disk")
        if json && arguments.flags["--output"] == nil { fail("open --json needs --output: standard output carries the JSON document") }
        let output: FileHandle
        if let path = arguments.flags["--output"] {
            guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]),
                  let handle = FileHandle(forWritingAtPath: path) else { fail("cannot create \(path)", status: Exit.failed) }
            output = handle
        } else {
            output = FileHandle.standardOutput
        }
        var written = 0
        try workflow(arguments.descriptor).readSectors(disk: disk, from: UInt64(sector), count: UInt64(count)) { chunk in
            output.write(Data(chunk))
            written += chunk.count
        }
        try output.synchronize()
        if json { printJSON(["ok": true, "bytes": written, "output": arguments.flags["--output"]!]) }
    case "export-dek":
        let path = arguments.required("--output")
        let key = try workflow(arguments.descriptor).dataEncryptionKey()
        try KeyFile.write(key, to: path)
        if json { printJSON(["ok": true, "output": path]) } else { print("DEK (64 bytes) written to \(path), mode 0600: keep it secret, delete it after use") }
    case "backup":
        report(try workflow(arguments.descriptor).backup(to: arguments.required("--to"), progress: progress))
    case "restore":
        report(try VMWorkflow.restore(backup: arguments.descriptor, to: arguments.required("--to"), providers: providersPath, options: options, progress: progress))
    default:
        fail("unknown command '\(arguments.command)'; see --help")
    }
    bar?.finish()
} catch {
    bar?.finish()
    failed(error)
}
