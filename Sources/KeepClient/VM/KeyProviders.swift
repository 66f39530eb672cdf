import Foundation
import KMIP
import KeepCrypto

/// A key provider, as a hypervisor manager configures one: a set of keepd endpoints (one per availability
/// zone), the client certificate that binds this hypervisor to its tenant's domain, and the CA keepd's
/// certificates chain to. Paths are relative to the key-provider file.
public struct KeyProviderConfiguration: Codable, Equatable, Sendable {
    public var name: String
    /// `host:port`, tried in order (failover).
    public var endpoints: [String]
    /// The name keepd's certificates carry, if not each endpoint's host.
    public var serverName: String?
    public var certificate: String
    public var privateKey: String
    /// A file holding the passphrase of an encrypted private key.
    public var privateKeyPassphraseFile: String?
    public var trustedCAs: [String]
    /// `1.4` by default; `1.2` or later (Encrypt and Decrypt).
    public var protocolVersion: String?
    public var connectTimeoutSeconds: Double?
    public var requestTimeoutSeconds: Double?

    public init(name: String, endpoints: [String], serverName: String? = nil, certificate: String, privateKey: String,
                trustedCAs: [String]) {
        self.name = name
        self.endpoints = endpoints
        self.serverName = serverName
        self.certificate = certificate
        self.privateKey = privateKey
        self.trustedCAs = trustedCAs
    }
}

/// The key-provider file: `{ "providers": [ … ] }`.
public struct KeyProviderFile: Sendable {
    /// Where keep-vm looks when neither `--providers` nor `KEEP_VM_PROVIDERS` names a file.
    public static let defaultPath = "/etc/keep/key-providers.json"

    public let path: String
    public let providers: [KeyProviderConfiguration]

    /// The file lists a few providers; the cap stops a wrong path (an image, a device) from being read whole.
    static let maxBytes = 1 << 20
    /// A passphrase file holds one line.
    static let maxPassphraseBytes = 4096

    private struct Contents: Codable {
        var providers: [KeyProviderConfiguration]
    }

    public init(path: String, providers: [KeyProviderConfiguration]) {
        self.path = path
        self.providers = providers
    }

    public static func load(_ path: String) throws(VMError) -> KeyProviderFile {
        let data = try Files.read(path, limit: maxBytes)
        do {
            let contents = try JSONDecoder().decode(Contents.self, from: data)
            return KeyProviderFile(path: path, providers: contents.providers)
        } catch {
            throw VMError(.invalidDescriptor, "\(path) is not a valid key-provider file: \(VMDescriptorFile.describe(error))")
        }
    }

    public func write() throws(VMError) {
        let data: Data
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            data = try encoder.encode(Contents(providers: providers))
        } catch {
            throw VMError(.invalidDescriptor, "cannot encode the key-provider file: \(error)")
        }
        try Files.writeAtomically(data, to: path, mode: 0o600)
    }

    public func provider(named name: String) -> KeyProviderConfiguration? {
        providers.first { $0.name == name }
    }

    func resolve(_ relative: String) -> String {
        relative.hasPrefix("/") ? relative : (Files.directory(of: path) as NSString).appendingPathComponent(relative)
    }

    /// What is wrong with provider `name` (empty when it is usable): missing, no endpoint, unparsable
    /// endpoints, unreadable files. Checked without contacting keepd.
    func problems(with name: String?) -> [String] {
        guard let name else { return ["the VM names no key provider"] }
        guard let provider = provider(named: name) else { return ["key provider '\(name)' is not in \(path)"] }
        var problems: [String] = []
        if provider.endpoints.isEmpty { problems.append("key provider '\(name)' has no endpoint") }
        for endpoint in provider.endpoints {
            do throws(KMIPClientError) { _ = try KMIPEndpoint(parsing: endpoint) } catch { problems.append("key provider '\(name)': \(error.reason)") }
        }
        var files = [("certificate", provider.certificate), ("private key", provider.privateKey)] + provider.trustedCAs.map { ("CA certificate", $0) }
        if let passphrase = provider.privateKeyPassphraseFile { files.append(("passphrase file", passphrase)) }
        if provider.trustedCAs.isEmpty { problems.append("key provider '\(name)' trusts no CA") }
        for (what, file) in files where !FileManager.default.isReadableFile(atPath: resolve(file)) {
            problems.append("key provider '\(name)': the \(what) \(resolve(file)) cannot be read")
        }
        if let text = provider.protocolVersion, Self.version(text) == nil {
            problems.append("key provider '\(name)': protocol version \(text) is not 1.2 to 2.1")
        }
        return problems
    }

    /// A KMIP client for provider `name` (assumed free of `problems`).
    func client(for name: String, events: (@Sendable (KMIPClientEvent) -> Void)?) throws(VMError) -> KMIPClient {
        guard let provider = provider(named: name) else { throw VMError(.invalidDescriptor, "key provider '\(name)' is not in \(path)") }
        var endpoints: [KMIPEndpoint] = []
        for text in provider.endpoints {
            do throws(KMIPClientError) {
                var endpoint = try KMIPEndpoint(parsing: text)
                endpoint.serverName = provider.serverName
                endpoints.append(endpoint)
            } catch {
                throw VMError(.invalidDescriptor, "key provider '\(name)': \(error.reason)")
            }
        }
        var passphrase: SecureBytes?
        if let file = provider.privateKeyPassphraseFile {
            var bytes = try Files.read(resolve(file), limit: Self.maxPassphraseBytes)
            defer { bytes.resetBytes(in: 0..<bytes.count) }
            while let last = bytes.last, last == 0x0A || last == 0x0D { bytes.removeLast() }
            passphrase = SecureBytes(bytes)
        }
        var configuration = KMIPClientConfiguration(endpoints: endpoints, certificateChainFile: resolve(provider.certificate),
                                                    privateKeyFile: resolve(provider.privateKey), privateKeyPassphrase: passphrase,
                                                    trustedCAFiles: provider.trustedCAs.map(resolve))
        if let text = provider.protocolVersion, let version = Self.version(text) { configuration.protocolVersion = version }
        if let seconds = provider.connectTimeoutSeconds { configuration.connectTimeout = .milliseconds(Int64(seconds * 1000)) }
        if let seconds = provider.requestTimeoutSeconds { configuration.requestTimeout = .milliseconds(Int64(seconds * 1000)) }
        do throws(KMIPClientError) {
            return try KMIPClient(configuration: configuration, events: events)
        } catch {
            throw VMError.keyProvider("key provider '\(name)'", error)
        }
    }

    static func version(_ text: String) -> ProtocolVersion? {
        let parts = text.split(separator: ".")
        guard parts.count == 2, let major = Int32(parts[0]), let minor = Int32(parts[1]) else { return nil }
        let version = ProtocolVersion(major, minor)
        return version >= .v1_2 && version <= .v2_1 ? version : nil
    }
}
