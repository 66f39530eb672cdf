import Foundation

/// keepd's configuration: a JSON file (every key optional; docs/operations.md lists them with their defaults),
/// then command-line flags over it. Paths are relative to the data directory unless absolute.
public struct ServerConfiguration: Sendable, Equatable {
    public var listen = Listen()
    public var dataDirectory = "/var/lib/keep"
    public var nodeID = ServerConfiguration.defaultNodeID
    public var tls = TLS()
    public var hsm = HSM()
    public var limits = Limits()
    public var log = Log()
    public var audit = Audit()
    /// Object groups keepd keeps fresh keys in: group name → AES key length in bits (128, 192 or 256). A Locate
    /// for a fresh member of such a group that finds none makes a key for it (`ServiceConfiguration.freshKeyGroups`).
    public var freshKeyGroups: [String: Int] = [:]

    public struct Listen: Sendable, Equatable, Codable {
        public var host = "127.0.0.1"
        /// 5696 is KMIP's IANA port; 0 asks the system for a free one (tests), logged once bound.
        public var port: UInt16 = 5696
    }

    public struct TLS: Sendable, Equatable, Codable {
        public var certificate = "tls/server.pem"
        public var privateKey = "tls/server.key"
        /// A file holding the passphrase of an encrypted private key; nil for an unencrypted key.
        public var privateKeyPassphraseFile: String?
        /// CA certificates client certificates are verified against.
        public var clientCAs = ["tls/client-ca.pem"]
        /// The KMS CA that signs the client certificates `keepctl client issue` asks for, and its private key. keepd
        /// reads the key only to sign; without it keepd runs, and certificates are issued elsewhere and registered.
        public var issuerCertificate = "tls/ca.pem"
        public var issuerPrivateKey = "tls/ca.key"
    }

    public struct HSM: Sendable, Equatable, Codable {
        public var partition = "hsm/partition"
        /// A file holding the partition PIN; when nil the PIN comes from the environment variable `KEEP_HSM_PIN`.
        public var pinFile: String?
    }

    public struct Limits: Sendable, Equatable, Codable {
        /// Open connections at once; more are accepted and closed at once (and logged), so a flood cannot
        /// exhaust threads or descriptors.
        public var maxConnections = 4096
        /// Seconds to complete the TLS handshake: a peer that connects and stays silent holds nothing longer.
        public var handshakeTimeout = 10.0
        /// Seconds from a message's first byte to its last: a slow-loris client cannot hold a thread forever.
        public var readTimeout = 30.0
        /// Seconds a connection may sit idle between requests before it is closed.
        public var idleTimeout = 300.0
        /// Seconds to write a response to a client that does not read.
        public var writeTimeout = 30.0
        /// Largest request accepted, in bytes (the TTLV codec's limit): memory per connection stays bounded.
        public var maxMessageBytes = 1 << 20
        /// Batch items per request: one request cannot monopolize the server.
        public var maxBatchItems = 256
        /// Seconds SIGTERM waits for in-flight requests before exiting anyway.
        public var drainTimeout = 30.0
        /// Streamed Encrypts and Decrypts open at once, over every domain: each holds a key schedule and (AES-GCM
        /// decryption) up to 64 KiB of plaintext, so streams started and never finished pin bounded memory.
        public var maxCipherStreams = 1_024
        /// Streams one domain may have open at once: one tenant cannot take them all.
        public var maxCipherStreamsPerDomain = 64
        /// Seconds a stream may wait for its next part before it is dropped and its key schedule zeroed.
        public var cipherStreamIdleTimeout = 60.0
    }

    public struct Log: Sendable, Equatable, Codable {
        /// `debug`, `info`, `warning` or `error`.
        public var level = LogLevel.info
        /// A file to append JSON lines to; nil for standard error.
        public var path: String?
    }

    /// The tamper-evident audit log (docs/audit-log.md).
    public struct Audit: Sendable, Equatable, Codable {
        /// Where the segments, the lock and the auditors' public keys live.
        public var directory = "audit"
        /// A segment is closed with a checkpoint and the next begun at this size: bounds what one file holds,
        /// so old segments can be archived.
        public var segmentBytes = 64 << 20
        /// Seconds between checkpoints while records arrive: bounds how much of a tail could be cut unseen.
        public var checkpointInterval = 60.0
        /// Records between checkpoints, whichever comes first.
        public var checkpointRecords = 10_000
        /// false runs keepd with no audit log at all: only to measure what auditing costs. keepd warns at start.
        public var enabled = true
    }

    public init() {}

    public static var defaultNodeID: String {
        ProcessInfo.processInfo.hostName.isEmpty ? "keepd" : ProcessInfo.processInfo.hostName
    }

    /// Resolves `path` against the data directory.
    public func resolve(_ path: String) -> String {
        path.hasPrefix("/") ? path : (dataDirectory as NSString).appendingPathComponent(path)
    }
}

extension ServerConfiguration: Codable {
    enum CodingKeys: String, CodingKey { case listen, dataDirectory, nodeID, tls, hsm, limits, log, audit, freshKeyGroups }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        listen = try c.decodeIfPresent(Listen.self, forKey: .listen) ?? listen
        dataDirectory = try c.decodeIfPresent(String.self, forKey: .dataDirectory) ?? dataDirectory
        nodeID = try c.decodeIfPresent(String.self, forKey: .nodeID) ?? nodeID
        tls = try c.decodeIfPresent(TLS.self, forKey: .tls) ?? tls
        hsm = try c.decodeIfPresent(HSM.self, forKey: .hsm) ?? hsm
        limits = try c.decodeIfPresent(Limits.self, forKey: .limits) ?? limits
        log = try c.decodeIfPresent(Log.self, forKey: .log) ?? log
        audit = try c.decodeIfPresent(Audit.self, forKey: .audit) ?? audit
        freshKeyGroups = try c.decodeIfPresent([String: Int].self, forKey: .freshKeyGroups) ?? freshKeyGroups
    }
}

extension ServerConfiguration.Audit {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        directory = try c.decodeIfPresent(String.self, forKey: .directory) ?? directory
        segmentBytes = try c.decodeIfPresent(Int.self, forKey: .segmentBytes) ?? segmentBytes
        checkpointInterval = try c.decodeIfPresent(Double.self, forKey: .checkpointInterval) ?? checkpointInterval
        checkpointRecords = try c.decodeIfPresent(Int.self, forKey: .checkpointRecords) ?? checkpointRecords
        enabled = try c.decodeIfPresent(Bool.self, forKey: .enabled) ?? enabled
    }
}

// Every nested key is optional too: a file that sets only `limits.idleTimeout` keeps the other limits' defaults.
extension ServerConfiguration.Listen {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        host = try c.decodeIfPresent(String.self, forKey: .host) ?? host
        port = try c.decodeIfPresent(UInt16.self, forKey: .port) ?? port
    }
}

extension ServerConfiguration.TLS {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        certificate = try c.decodeIfPresent(String.self, forKey: .certificate) ?? certificate
        privateKey = try c.decodeIfPresent(String.self, forKey: .privateKey) ?? privateKey
        privateKeyPassphraseFile = try c.decodeIfPresent(String.self, forKey: .privateKeyPassphraseFile)
        clientCAs = try c.decodeIfPresent([String].self, forKey: .clientCAs) ?? clientCAs
        issuerCertificate = try c.decodeIfPresent(String.self, forKey: .issuerCertificate) ?? issuerCertificate
        issuerPrivateKey = try c.decodeIfPresent(String.self, forKey: .issuerPrivateKey) ?? issuerPrivateKey
    }
}

extension ServerConfiguration.HSM {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        partition = try c.decodeIfPresent(String.self, forKey: .partition) ?? partition
        pinFile = try c.decodeIfPresent(String.self, forKey: .pinFile)
    }
}

extension ServerConfiguration.Limits {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        maxConnections = try c.decodeIfPresent(Int.self, forKey: .maxConnections) ?? maxConnections
        handshakeTimeout = try c.decodeIfPresent(Double.self, forKey: .handshakeTimeout) ?? handshakeTimeout
        readTimeout = try c.decodeIfPresent(Double.self, forKey: .readTimeout) ?? readTimeout
        idleTimeout = try c.decodeIfPresent(Double.self, forKey: .idleTimeout) ?? idleTimeout
        writeTimeout = try c.decodeIfPresent(Double.self, forKey: .writeTimeout) ?? writeTimeout
        maxMessageBytes = try c.decodeIfPresent(Int.self, forKey: .maxMessageBytes) ?? maxMessageBytes
        maxBatchItems = try c.decodeIfPresent(Int.self, forKey: .maxBatchItems) ?? maxBatchItems
        drainTimeout = try c.decodeIfPresent(Double.self, forKey: .drainTimeout) ?? drainTimeout
        maxCipherStreams = try c.decodeIfPresent(Int.self, forKey: .maxCipherStreams) ?? maxCipherStreams
        maxCipherStreamsPerDomain = try c.decodeIfPresent(Int.self, forKey: .maxCipherStreamsPerDomain) ?? maxCipherStreamsPerDomain
        cipherStreamIdleTimeout = try c.decodeIfPresent(Double.self, forKey: .cipherStreamIdleTimeout) ?? cipherStreamIdleTimeout
    }
}

extension ServerConfiguration.Log {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        level = try c.decodeIfPresent(LogLevel.self, forKey: .level) ?? level
        path = try c.decodeIfPresent(String.self, forKey: .path)
    }
}

/// A configuration problem, said in one line an operator can act on.
public struct ConfigurationError: Error, CustomStringConvertible, Equatable {
    public let description: String
    public init(_ description: String) { self.description = description }
}

extension ServerConfiguration {
    /// Reads a configuration file. Unknown keys are refused (a misspelt key must not silently fall back to a
    /// default), and so are values out of range.
    public static func load(path: String) throws(ConfigurationError) -> ServerConfiguration {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw ConfigurationError("cannot read configuration file \(path): \(error.localizedDescription)")
        }
        let configuration: ServerConfiguration
        do {
            try rejectUnknownKeys(in: JSONSerialization.jsonObject(with: data), allowed: knownKeys, path: "")
            configuration = try JSONDecoder().decode(ServerConfiguration.self, from: data)
        } catch let error as ConfigurationError {
            throw ConfigurationError("\(path): \(error.description)")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context),
                let DecodingError.dataCorrupted(context) {
            let key = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw ConfigurationError("\(path): \(key.isEmpty ? "" : "\(key): ")\(context.debugDescription)")
        } catch {
            throw ConfigurationError("\(path): not valid JSON (\(error.localizedDescription))")
        }
        try configuration.validate()
        return configuration
    }

    /// Applies command-line flags over the file's values (`--config FILE` itself is read by the caller first).
    /// An unknown flag is an error.
    public mutating func apply(flags arguments: [String]) throws(ConfigurationError) {
        var i = 0
        func value(_ flag: String) throws(ConfigurationError) -> String {
            i += 1
            guard i < arguments.count else { throw ConfigurationError("\(flag) needs a value") }
            return arguments[i]
        }
        while i < arguments.count {
            let flag = arguments[i]
            switch flag {
            case "--listen":
                let text = try value(flag)
                guard let colon = text.lastIndex(of: ":"), let port = UInt16(text[text.index(after: colon)...]) else {
                    throw ConfigurationError("--listen takes HOST:PORT, not \(text)")
                }
                listen.host = String(text[..<colon]).trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
                listen.port = port
            case "--data-dir": dataDirectory = try value(flag)
            case "--node-id": nodeID = try value(flag)
            case "--log-level":
                let text = try value(flag)
                guard let level = LogLevel(rawValue: text) else { throw ConfigurationError("--log-level: unknown level \(text)") }
                log.level = level
            case "--log-file": log.path = try value(flag)
            case "--max-connections":
                let text = try value(flag)
                guard let n = Int(text) else { throw ConfigurationError("--max-connections takes a number, not \(text)") }
                limits.maxConnections = n
            default:
                throw ConfigurationError("unknown flag \(flag)")
            }
            i += 1
        }
        try validate()
    }

    public func validate() throws(ConfigurationError) {
        func positive(_ value: Double, _ name: String) throws(ConfigurationError) {
            guard value > 0, value.isFinite else { throw ConfigurationError("limits.\(name) must be a positive number of seconds") }
        }
        try positive(limits.handshakeTimeout, "handshakeTimeout")
        try positive(limits.readTimeout, "readTimeout")
        try positive(limits.idleTimeout, "idleTimeout")
        try positive(limits.writeTimeout, "writeTimeout")
        try positive(limits.drainTimeout, "drainTimeout")
        guard limits.maxConnections > 0 else { throw ConfigurationError("limits.maxConnections must be positive") }
        guard (1024...(64 << 20)).contains(limits.maxMessageBytes) else {
            throw ConfigurationError("limits.maxMessageBytes must be between 1024 and 67108864")
        }
        guard (1...4096).contains(limits.maxBatchItems) else { throw ConfigurationError("limits.maxBatchItems must be between 1 and 4096") }
        guard (1...65_536).contains(limits.maxCipherStreams) else { throw ConfigurationError("limits.maxCipherStreams must be between 1 and 65536") }
        guard (1...limits.maxCipherStreams).contains(limits.maxCipherStreamsPerDomain) else {
            throw ConfigurationError("limits.maxCipherStreamsPerDomain must be between 1 and limits.maxCipherStreams")
        }
        guard limits.cipherStreamIdleTimeout > 0, limits.cipherStreamIdleTimeout <= 86_400 else {
            throw ConfigurationError("limits.cipherStreamIdleTimeout must be a positive number of seconds, at most 86400")
        }
        guard !tls.clientCAs.isEmpty else { throw ConfigurationError("tls.clientCAs must name at least one CA file") }
        guard !dataDirectory.isEmpty else { throw ConfigurationError("dataDirectory must not be empty") }
        guard !audit.directory.isEmpty else { throw ConfigurationError("audit.directory must not be empty") }
        guard (4096...(1 << 40)).contains(audit.segmentBytes) else { throw ConfigurationError("audit.segmentBytes must be at least 4096") }
        guard audit.checkpointInterval > 0, audit.checkpointInterval.isFinite, audit.checkpointInterval <= 86_400 else {
            throw ConfigurationError("audit.checkpointInterval must be a positive number of seconds, at most 86400")
        }
        guard (1...10_000_000).contains(audit.checkpointRecords) else { throw ConfigurationError("audit.checkpointRecords must be between 1 and 10000000") }
        guard freshKeyGroups.count <= 256 else { throw ConfigurationError("freshKeyGroups names at most 256 groups") }
        for (group, length) in freshKeyGroups.sorted(by: { $0.key < $1.key }) {
            guard !group.isEmpty, group.utf8.count <= 255 else { throw ConfigurationError("freshKeyGroups: a group name must be 1 to 255 bytes") }
            guard [128, 192, 256].contains(length) else {
                throw ConfigurationError("freshKeyGroups.\(group) must be an AES key length: 128, 192 or 256, not \(length)")
            }
        }
    }

    /// The keys a configuration file may have: a misspelt key is an error, never a silent default.
    indirect enum Keys: Sendable {
        case value
        case object([String: Keys])
    }

    static let knownKeys: [String: Keys] = [
        "listen": .object(["host": .value, "port": .value]),
        "dataDirectory": .value, "nodeID": .value,
        "tls": .object(["certificate": .value, "privateKey": .value, "privateKeyPassphraseFile": .value, "clientCAs": .value,
                        "issuerCertificate": .value, "issuerPrivateKey": .value]),
        "hsm": .object(["partition": .value, "pinFile": .value]),
        "limits": .object(["maxConnections": .value, "handshakeTimeout": .value, "readTimeout": .value, "idleTimeout": .value,
                           "writeTimeout": .value, "maxMessageBytes": .value, "maxBatchItems": .value, "drainTimeout": .value,
                           "maxCipherStreams": .value, "maxCipherStreamsPerDomain": .value, "cipherStreamIdleTimeout": .value]),
        "log": .object(["level": .value, "path": .value]),
        "audit": .object(["directory": .value, "segmentBytes": .value, "checkpointInterval": .value, "checkpointRecords": .value,
                          "enabled": .value]),
        // Any group name; the values are checked by `validate`.
        "freshKeyGroups": .value,
    ]

    private static func rejectUnknownKeys(in object: Any, allowed: [String: Keys], path: String) throws(ConfigurationError) {
        guard let dictionary = object as? [String: Any] else {
            throw ConfigurationError("\(path.isEmpty ? "the file" : path) must be a JSON object")
        }
        for (key, value) in dictionary {
            let here = path.isEmpty ? key : "\(path).\(key)"
            guard let rule = allowed[key] else { throw ConfigurationError("unknown key \(here)") }
            if case .object(let nested) = rule { try rejectUnknownKeys(in: value, allowed: nested, path: here) }
        }
    }
}
