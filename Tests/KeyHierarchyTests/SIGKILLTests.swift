import Foundation
import KeepCrypto
import KeepStore
import Testing
@testable import KeepHSM
@testable import KeyHierarchy

/// Nothing acknowledged is lost: a worker process streams creates and rotations and is killed with SIGKILL at a
/// random moment, many times over the same installation. After each kill, every create the worker reported as
/// done is present with the same key bytes, and the store passes its integrity check.
@Suite("SIGKILL durability", .serialized)
struct SIGKILLTests {
    static let kills = 12

    @Test func everyAcknowledgedCreateSurvivesSIGKILL() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("keep-sigkill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let pin = "sigkill test pin"
        _ = try EmbeddedHSM.initialize(path: directory.appendingPathComponent("partition").path,
                                       pin: .value(SecureBytes(Array(pin.utf8))), parameters: .insecureFastForTests)

        var acknowledged: [String: String] = [:]
        var rotations = 0
        var generator = SystemRandomNumberGenerator()
        for round in 0..<Self.kills {
            let worker = Process()
            worker.executableURL = Self.workerURL
            worker.arguments = [directory.path]
            worker.environment = ["KEEP_TORTURE_PIN": pin]
            let output = Pipe()
            worker.standardOutput = output
            worker.standardError = FileHandle.nullDevice
            try worker.run()
            // Let it run for a random while (it must have acknowledged at least one create), then kill it.
            let reader = LineReader(output.fileHandleForReading)
            let deadline = Date().addingTimeInterval(Double.random(in: 0.15...0.9, using: &generator))
            var lines: [String] = []
            while Date() < deadline || lines.isEmpty {
                guard let line = reader.nextLine(timeout: 20) else { break }
                lines.append(line)
            }
            kill(worker.processIdentifier, SIGKILL)
            worker.waitUntilExit()
            // Lines written before the kill and still in the pipe were acknowledged too.
            while let line = reader.nextLine(timeout: 0.2) { lines.append(line) }
            #expect(worker.terminationReason == .uncaughtSignal, "round \(round): the worker died on its own")
            for line in lines {
                let fields = line.split(separator: " ").map(String.init)
                if fields.first == "created", fields.count == 3 { acknowledged[fields[1]] = fields[2] }
                if fields.first == "rotated" { rotations += 1 }
            }

            // Restart: open the installation and check every acknowledged create.
            let hsm = try EmbeddedHSM(path: directory.appendingPathComponent("partition").path, pin: .value(SecureBytes(Array(pin.utf8))))
            let store = try SQLiteObjectStore(path: directory.appendingPathComponent("keep.db").path)
            #expect(try store.integrityCheck().isEmpty, "round \(round)")
            let hierarchy = KeyHierarchy(hsm: hsm, store: store)
            for (uid, digest) in acknowledged {
                let material = try hierarchy.keyMaterial(of: uid, in: "torture")
                #expect(SHA256.hash(material).map { String($0, radix: 16) }.joined() == digest, "round \(round): \(uid)")
            }
        }
        #expect(acknowledged.count > Self.kills)
        #expect(rotations > 0, "no rotation completed in any round: the test did not exercise rotation")
    }

    static var workerURL: URL {
        // The test bundle and the worker are built into the same products directory.
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        return executable.deletingLastPathComponent().appendingPathComponent("keep-store-torture")
    }
}

/// Reads lines from a pipe with a timeout, without blocking forever on a dead writer.
final class LineReader {
    private let handle: FileHandle
    private var buffer: [UInt8] = []

    init(_ handle: FileHandle) { self.handle = handle }

    func nextLine(timeout: TimeInterval) -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let newline = buffer.firstIndex(of: 10) {
                let line = String(decoding: buffer[..<newline], as: UTF8.self)
                buffer.removeFirst(newline + 1)
                return line
            }
            let remaining = deadline.timeIntervalSinceNow
            if remaining <= 0 { return nil }
            var descriptor = pollfd(fd: handle.fileDescriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, Int32(remaining * 1000)) > 0 else { return nil }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let count = read(handle.fileDescriptor, &chunk, chunk.count)
            if count <= 0 { return nil }
            buffer += chunk[0..<count]
        }
    }
}
