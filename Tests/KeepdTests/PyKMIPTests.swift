import Foundation
import KeepCrypto
import KeepServer
import KeepdTestSupport
import KeyHierarchy
import Testing

/// PyKMIP's ProxyKmipClient (from PyPI, in the virtualenv `make test` creates) against keepd: create, get, get
/// attributes, locate, activate, revoke, destroy, get wrapped under another key, register.
@Suite("PyKMIP against keepd", .serialized)
struct PyKMIPTests {
    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static var python: String { repositoryRoot.appendingPathComponent(".venv/bin/python").path }

    @Test func proxyKmipClientSession() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.python),
                     "no virtualenv at .venv: run the tests with `make test`, which creates it from PyPI")
        let keepd = try RunningKeepd(clients: [RunningKeepd.Client(name: "hypervisor-a", domain: "tenant-a", wireProfile: .pykmip)])
        let client = keepd.clients["hypervisor-a"]!
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.python)
        process.arguments = [Self.repositoryRoot.appendingPathComponent("Tests/Python/pykmip_session.py").path,
                             "127.0.0.1", String(keepd.port), client.certificatePath, client.keyPath, keepd.caPath]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        // PyKMIP's traceback names the failing call; it carries no key material (values are only in stdout).
        try #require(process.terminationStatus == 0, "pykmip_session.py failed: \(errorText.suffix(2000))")
        let result = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])

        let uid = try #require(result["created"] as? String)
        let get = try #require(result["get"] as? [String: Any])
        #expect(get["algorithm"] as? String == "AES" && get["length"] as? Int == 256)
        let plain = try secure(get["value"])
        #expect(plain.count == 32)
        #expect(Set(result["get_attributes"] as? [String] ?? []) == ["Cryptographic Algorithm", "Cryptographic Length", "Name", "State"])
        #expect(result["locate_by_name"] as? [String] == [uid])

        // The wrapped Get, unwrapped with Keep's own RFC 3394 code under the wrapping key, is the key.
        let wrappingKey = try secure((result["wrapping_key"] as? [String: Any])?["value"])
        let wrapped = try #require(bytes(result["wrapped"]))
        #expect(wrapped.count == 40)
        #expect(try AESKeyWrap.unwrap(wrapped, using: SymmetricKey(wrappingKey)) == plain)

        #expect(result["state_after_activate"] as? String == "ACTIVE")
        #expect(result["state_after_revoke"] as? String == "DEACTIVATED")
        #expect((result["get_after_destroy"] as? String)?.contains("succeeded") == false)
        #expect(try secure(result["registered_value"]) == SecureBytes(Array(0..<16)))
        #expect(try secure(result["secret_value"]) == SecureBytes(Array("vm passphrase".utf8)))
        #expect(keepd.stop() == 0)
    }

    private func bytes(_ value: Any?) -> [UInt8]? {
        guard let text = value as? String, text.count % 2 == 0 else { return nil }
        var out: [UInt8] = []
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(index, offsetBy: 2)
            guard let byte = UInt8(text[index..<next], radix: 16) else { return nil }
            out.append(byte)
            index = next
        }
        return out
    }

    /// Key values go straight into SecureBytes, whose description is redacted, so a failing check prints no key.
    private func secure(_ value: Any?) throws -> SecureBytes {
        SecureBytes(try #require(bytes(value), "not a hex key value"))
    }
}
