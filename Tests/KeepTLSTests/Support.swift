import Foundation
import KeepCrypto
import Testing
@testable import KeepTLS

// Test support: a throwaway PKI in a temporary directory, a server thread, raw TLS records.

/// A temporary directory holding a CA, a server identity and whatever client identities a test issues, as PEM files.
final class TestPKI: @unchecked Sendable { // immutable after init except for files it writes into its own directory
    let directory: String
    let ca: CertificateAuthority
    let caFile: String
    let serverCertificate: Certificate
    let serverKey: PrivateKey
    let serverChainFile: String
    let serverKeyFile: String

    init(keyAlgorithm: KeyAlgorithm = .p256, caName: String = "Keep Test CA") throws {
        directory = NSTemporaryDirectory() + "keep-tls-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: false)
        ca = try CertificateAuthority.create(subject: DistinguishedName(commonName: caName, organization: "Keep"), validity: .days(30), keyAlgorithm: keyAlgorithm)
        caFile = directory + "/ca.pem"
        try Certificate.writePEM([ca.certificate], to: caFile)
        serverKey = try PrivateKey.generate(keyAlgorithm)
        serverCertificate = try ca.issueServerCertificate(for: serverKey, subject: DistinguishedName(commonName: "keepd"),
                                                          dnsNames: ["localhost", "keep.example"], ipAddresses: ["127.0.0.1", "::1"],
                                                          validity: .days(30))
        serverChainFile = directory + "/server.pem"
        serverKeyFile = directory + "/server.key"
        try Certificate.writePEM([serverCertificate], to: serverChainFile)
        try serverKey.writePEM(to: serverKeyFile)
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }

    var serverConfiguration: TLSServerConfiguration {
        TLSServerConfiguration(certificateChainFile: serverChainFile, privateKeyFile: serverKeyFile, clientCAFiles: [caFile])
    }

    func serverContext() throws -> TLSServerContext { try TLSServerContext(configuration: serverConfiguration) }

    /// Writes `certificate` and `key` as a client identity; returns the client configuration using it.
    func clientConfiguration(_ certificate: Certificate?, _ key: PrivateKey?, name: String = UUID().uuidString,
                             maximumVersion: TLSProtocolVersion = .tls13, serverName: String? = nil) throws -> TLSClientConfiguration {
        var configuration = TLSClientConfiguration(trustedCAFiles: [caFile], serverName: serverName, maximumVersion: maximumVersion)
        if let certificate, let key {
            configuration.certificateChainFile = directory + "/\(name).pem"
            configuration.privateKeyFile = directory + "/\(name).key"
            try Certificate.writePEM([certificate], to: configuration.certificateChainFile!)
            try key.writePEM(to: configuration.privateKeyFile!)
        }
        return configuration
    }

    /// A client identity issued by this PKI's CA.
    func issuedClient(_ subject: DistinguishedName = DistinguishedName(commonName: "vcenter-01", organization: "Example Corp",
                                                                        organizationalUnit: "Infrastructure"),
                      validity: Validity = .days(30), clientAuthEKU: Bool = true,
                      maximumVersion: TLSProtocolVersion = .tls13) throws -> (Certificate, TLSClientContext) {
        let key = try PrivateKey.generate()
        let certificate = try ca.issueClientCertificate(for: key, subject: subject, validity: validity, clientAuthEKU: clientAuthEKU)
        let context = try TLSClientContext(configuration: clientConfiguration(certificate, key, maximumVersion: maximumVersion))
        return (certificate, context)
    }

    func path(_ name: String) -> String { directory + "/" + name }
}

/// Runs blocking work on its own thread, not on Swift concurrency's few cooperative threads (two on this
/// machine), so a test waiting for a server thread can never starve it.
final class Background<T: Sendable>: @unchecked Sendable { // `outcome` is written once, before `done` is signalled
    private let done = DispatchSemaphore(value: 0)
    private var outcome: Result<T, any Error>?

    init(_ body: @escaping @Sendable () throws -> T) {
        let thread = Thread { [self] in
            outcome = Result { try body() }
            done.signal()
        }
        thread.start()
    }

    /// Waits for the thread (bounded, so a hung test fails instead of hanging the suite) and returns its result.
    func get() throws -> T {
        guard done.wait(timeout: .now() + 10) == .success else { throw TestFailure("background work did not finish in 10 s") }
        return try outcome!.get()
    }

    func result() -> Result<T, any Error> { Result { try get() } }
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

func after(_ duration: Duration) -> ContinuousClock.Instant { .now + duration }

/// A listener on 127.0.0.1 port 0 that accepts one connection, wraps it in TLS with `context`, runs the handshake
/// and hands the connection to `body`, all on a server thread.
func serve<S: Sendable>(_ context: TLSServerContext,
                        handshakeDeadline: Duration = .seconds(5),
                        _ body: @escaping @Sendable (TLSConnection) throws -> S) throws -> (port: UInt16, server: Background<S>) {
    let listener = try Socket.listen(host: "127.0.0.1", port: 0)
    let port = try listener.localPort
    let server = Background {
        let socket = try listener.accept(deadline: after(.seconds(5)))
        try socket.setNoDelay()
        let connection = try TLSConnection(socket: socket, context: context)
        try connection.handshake(deadline: after(handshakeDeadline))
        return try body(connection)
    }
    return (port, server)
}

/// A client connection to 127.0.0.1:`port` after a completed handshake.
func connect(_ port: UInt16, _ context: TLSClientContext) throws -> TLSConnection {
    let socket = try Socket.connect(host: "127.0.0.1", port: port, deadline: after(.seconds(5)))
    try socket.setNoDelay()
    let connection = try TLSConnection(socket: socket, context: context)
    try connection.handshake(deadline: after(.seconds(5)))
    return connection
}

/// What the server saw of a handshake.
struct ServerView: Sendable {
    var peer: PeerCertificate?
    var version: TLSProtocolVersion?
    var cipherSuite: String?
}

func view(_ connection: TLSConnection) -> ServerView {
    ServerView(peer: connection.peerCertificate, version: connection.protocolVersion, cipherSuite: connection.cipherSuite)
}

/// The error's code if it is a TLSError.
func tlsCode(_ result: Result<some Any, any Error>) -> TLSError.Code? {
    if case .failure(let error as TLSError) = result { return error.code }
    return nil
}

func tlsError(_ result: Result<some Any, any Error>) -> TLSError? {
    if case .failure(let error as TLSError) = result { return error }
    return nil
}

func hex(_ bytes: some Sequence<UInt8>) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

// MARK: - Raw TLS records, for clients our own API refuses to be

enum RawTLS {
    /// A ClientHello in a TLS record. `version` is the legacy_version field; no supported_versions extension, so
    /// a server reads it as the client's highest version.
    static func clientHello(version: UInt16, suites: [UInt16], extensions: [UInt8]) -> [UInt8] {
        var body: [UInt8] = [UInt8(version >> 8), UInt8(version & 0xff)]
        body += (0..<32).map { _ in UInt8.random(in: 0...255) }
        body += [0] // session id
        body += uint16(suites.count * 2) + suites.flatMap(uint16)
        body += [1, 0] // compression: null only
        body += uint16(extensions.count) + extensions
        let handshake = [0x01] + uint24(body.count) + body
        return [0x16, 0x03, 0x01] + uint16(handshake.count) + handshake
    }

    /// supported_groups (P-256, X25519), ec_point_formats (uncompressed), signature_algorithms
    /// (ecdsa_secp256r1_sha256): everything an ECDHE-ECDSA suite needs, so a refusal is about the suite or version.
    static let ecdheECDSAExtensions: [UInt8] =
        [0x00, 0x0a, 0x00, 0x06, 0x00, 0x04, 0x00, 0x17, 0x00, 0x1d]
        + [0x00, 0x0b, 0x00, 0x02, 0x01, 0x00]
        + [0x00, 0x0d, 0x00, 0x04, 0x00, 0x02, 0x04, 0x03]

    static let renegotiationInfoSCSV: UInt16 = 0x00ff

    static func uint16(_ value: Int) -> [UInt8] { [UInt8(value >> 8 & 0xff), UInt8(value & 0xff)] }
    static func uint16(_ value: UInt16) -> [UInt8] { [UInt8(value >> 8), UInt8(value & 0xff)] }
    static func uint24(_ value: Int) -> [UInt8] { [UInt8(value >> 16 & 0xff), UInt8(value >> 8 & 0xff), UInt8(value & 0xff)] }

    /// Reads one TLS record (header and body) from a raw socket.
    static func readRecord(_ socket: Socket) throws -> (type: UInt8, body: [UInt8]) {
        var bytes: [UInt8] = []
        func fill(_ count: Int) throws {
            while bytes.count < count {
                let chunk = try socket.receive(max: count - bytes.count, deadline: after(.seconds(5)))
                guard !chunk.isEmpty else { throw TestFailure("connection closed after \(bytes.count) bytes of a record") }
                bytes += chunk
            }
        }
        try fill(5)
        let length = Int(bytes[3]) << 8 | Int(bytes[4])
        try fill(5 + length)
        return (bytes[0], Array(bytes[5...]))
    }
}
