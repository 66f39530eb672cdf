import Foundation
import Testing
@testable import KeepServer

/// keepd's configuration: defaults, then the file, then flags; anything unknown or out of range is refused.
@Suite("keepd configuration")
struct ServerConfigurationTests {
    static func load(_ json: String) throws(ConfigurationError) -> ServerConfiguration {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("keepd-\(UUID().uuidString).json").path
        _ = FileManager.default.createFile(atPath: path, contents: Data(json.utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try ServerConfiguration.load(path: path)
    }

    @Test func aPartialFileKeepsEveryOtherDefault() throws {
        let configuration = try Self.load(#"{"listen": {"port": 15696}, "limits": {"idleTimeout": 60}, "hsm": {"pinFile": "/run/pin"}}"#)
        var expected = ServerConfiguration()
        expected.listen.port = 15696
        expected.limits.idleTimeout = 60
        expected.hsm.pinFile = "/run/pin"
        #expect(configuration == expected)
        #expect(configuration.listen.host == "127.0.0.1" && configuration.limits.maxMessageBytes == 1 << 20)
    }

    @Test func unknownKeysWrongTypesAndBadValuesAreRefusedByName() {
        #expect { try Self.load(#"{"limits": {"idleTimout": 60}}"#) } throws: { "\($0)".contains("unknown key limits.idleTimout") }
        #expect { try Self.load(#"{"listen": {"port": "5696"}}"#) } throws: { "\($0)".contains("listen.port") }
        #expect { try Self.load(#"{"limits": {"readTimeout": 0}}"#) } throws: { "\($0)".contains("limits.readTimeout") }
        #expect { try Self.load(#"{"limits": {"maxMessageBytes": 10}}"#) } throws: { "\($0)".contains("limits.maxMessageBytes") }
        #expect { try Self.load(#"{"log": {"level": "chatty"}}"#) } throws: { "\($0)".contains("log.level") }
        #expect { try Self.load("[1, 2]") } throws: { "\($0)".contains("must be a JSON object") }
        #expect { try Self.load("{") } throws: { "\($0)".contains("not valid JSON") }
    }

    @Test func freshKeyGroupsNameAESLengths() throws {
        let configuration = try Self.load(#"{"freshKeyGroups": {"default": 256, "tapes-2026": 128}}"#)
        #expect(configuration.freshKeyGroups == ["default": 256, "tapes-2026": 128])
        #expect(Daemon.serviceConfiguration(configuration).freshKeyGroups == ["default": 256, "tapes-2026": 128])
        #expect { try Self.load(#"{"freshKeyGroups": {"default": 512}}"#) } throws: { "\($0)".contains("freshKeyGroups.default must be an AES key length") }
        #expect { try Self.load(#"{"freshKeyGroups": {"": 256}}"#) } throws: { "\($0)".contains("group name") }
        #expect { try Self.load(#"{"freshKeyGroups": {"default": "AES-256"}}"#) } throws: { "\($0)".contains("freshKeyGroups") }
        #expect { try Self.load(#"{"freshKeyGroups": [256]}"#) } throws: { "\($0)".contains("freshKeyGroups") }
    }

    /// The stream limits are read, checked, and handed to the request processor.
    @Test func streamLimitsReachTheService() throws {
        let configuration = try Self.load(#"{"limits": {"maxCipherStreams": 8, "maxCipherStreamsPerDomain": 2, "cipherStreamIdleTimeout": 5.5}}"#)
        let service = Daemon.serviceConfiguration(configuration)
        #expect(service.maxCipherStreams == 8 && service.maxCipherStreamsPerDomain == 2 && service.cipherStreamIdleTimeout == 5.5)
        let defaults = Daemon.serviceConfiguration(ServerConfiguration())
        #expect(defaults.maxCipherStreams == 1_024 && defaults.maxCipherStreamsPerDomain == 64 && defaults.cipherStreamIdleTimeout == 60)
        #expect { try Self.load(#"{"limits": {"maxCipherStreams": 0}}"#) } throws: { "\($0)".contains("limits.maxCipherStreams") }
        #expect { try Self.load(#"{"limits": {"maxCipherStreams": 4, "maxCipherStreamsPerDomain": 5}}"#) } throws: {
            "\($0)".contains("limits.maxCipherStreamsPerDomain")
        }
        #expect { try Self.load(#"{"limits": {"cipherStreamIdleTimeout": -1}}"#) } throws: { "\($0)".contains("limits.cipherStreamIdleTimeout") }
    }

    @Test func flagsOverrideTheFile() throws {
        var configuration = try Self.load(#"{"listen": {"host": "0.0.0.0", "port": 5696}, "log": {"level": "debug"}}"#)
        try configuration.apply(flags: ["--listen", "[::1]:15697", "--log-level", "warning", "--max-connections", "10", "--data-dir", "/srv/keep"])
        #expect(configuration.listen.host == "::1" && configuration.listen.port == 15697)
        #expect(configuration.log.level == .warning && configuration.limits.maxConnections == 10 && configuration.dataDirectory == "/srv/keep")
        #expect(configuration.resolve("tls/server.pem") == "/srv/keep/tls/server.pem" && configuration.resolve("/etc/pin") == "/etc/pin")
        #expect { try configuration.apply(flags: ["--listen", "nowhere"]) } throws: { "\($0)".contains("HOST:PORT") }
        #expect { try configuration.apply(flags: ["--verbose"]) } throws: { "\($0)".contains("unknown flag --verbose") }
        #expect { try configuration.apply(flags: ["--max-connections", "0"]) } throws: { "\($0)".contains("maxConnections") }
    }

    /// What `Installation` writes is what `load` reads back.
    @Test func aWrittenConfigurationReadsBackEqual() throws {
        var configuration = ServerConfiguration()
        configuration.tls.privateKeyPassphraseFile = "tls/passphrase"
        configuration.log.path = "keepd.log"
        configuration.freshKeyGroups = ["default": 256]
        let data = try JSONEncoder().encode(configuration)
        #expect(try Self.load(String(decoding: data, as: UTF8.self)) == configuration)
    }

    /// A log line is one JSON object whatever the values hold.
    @Test func logLinesAreValidJSONWithEscapedValues() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("keepd-log-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let log = try ServerLog(level: .info, nodeID: "node \"1\"", path: path)
        log.debug("hidden", [:])
        log.warning("odd \"values\"", ["text": "line\nbreak\t\u{1}\\", "n": 42, "ok": .bool(true), "x": .double(1.5)])
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(object["event"] as? String == "odd \"values\"" && object["node"] as? String == "node \"1\"")
        #expect(object["text"] as? String == "line\nbreak\t\u{1}\\" && object["n"] as? Int == 42 && object["ok"] as? Bool == true)
        #expect(object["level"] as? String == "warning" && (object["time"] as? String)?.hasSuffix("Z") == true)
    }
}
