// A worker for the SIGKILL durability test (Tests/KeyHierarchyTests/SIGKILLTests.swift): it streams KEK creates
// and DK rotations against an installation until it is killed, reporting each create only after it returned,
// i.e. after it was acknowledged as durable. Not shipped; built only for the tests.
import KeepCrypto
import KeepHSM
import KeepStore
import KeyHierarchy

import Foundation

let arguments = CommandLine.arguments
guard arguments.count == 2 else {
    FileHandleOutput.write("usage: keep-store-torture <installation directory>\n", to: .standardError)
    exit(2)
}
let directory = arguments[1]
do {
    let hsm = try EmbeddedHSM(path: directory + "/partition", pin: .environment("KEEP_TORTURE_PIN"))
    let store = try SQLiteObjectStore(path: directory + "/keep.db")
    let hierarchy = KeyHierarchy(hsm: hsm, store: store)
    if (try? hierarchy.domain(id: "torture")) == nil { try hierarchy.createDomain(id: "torture") }
    if try hierarchy.pendingRotation(domainID: "torture") != nil {
        FileHandleOutput.write("resuming rotation\n", to: .standardOutput)
        try hierarchy.rotateDomainKey("torture")
    }
    var count = 0
    while true {
        let kek = try hierarchy.createSymmetricKey(in: "torture")
        // A digest of the key, never the key: enough for the test to check the bytes survived.
        let digest = SHA256.hash(try hierarchy.keyMaterial(of: kek.uid, in: "torture")).map { String($0, radix: 16) }.joined()
        FileHandleOutput.write("created \(kek.uid) \(digest)\n", to: .standardOutput)
        count += 1
        if count % 40 == 0 {
            let version = try hierarchy.rotateDomainKey("torture")
            FileHandleOutput.write("rotated \(version)\n", to: .standardOutput)
        }
    }
} catch {
    FileHandleOutput.write("error: \(error)\n", to: .standardError)
    exit(1)
}

/// Unbuffered output: a line the test reads was written before the kill, never stuck in a buffer.
enum FileHandleOutput {
    static func write(_ text: String, to handle: FileHandle) {
        handle.write(Data(text.utf8))
    }
}
