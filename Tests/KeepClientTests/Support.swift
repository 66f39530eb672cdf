import Foundation
import KMIP
import KeepClient
import KeepCrypto
import KeepServer
import KeepdTestSupport
import KeyHierarchy
import Testing

/// Testing has a `Tag` of its own.
typealias Tag = KMIP.Tag

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

extension RunningKeepd {
    /// A KMIPClient for `client`, over `endpoints` (this keepd's port by default).
    func kmipClient(as client: String, ports: [UInt16]? = nil, version: ProtocolVersion = .v1_4,
                    tune: (inout KMIPClientConfiguration) -> Void = { _ in },
                    events: (@Sendable (KMIPClientEvent) -> Void)? = nil) throws -> KMIPClient {
        let issued = clients[client]!
        var configuration = KMIPClientConfiguration(endpoints: (ports ?? [port]).map { KMIPEndpoint(host: "127.0.0.1", port: $0) },
                                                    certificateChainFile: issued.certificatePath, privateKeyFile: issued.keyPath,
                                                    trustedCAFiles: [caPath])
        configuration.protocolVersion = version
        tune(&configuration)
        return try KMIPClient(configuration: configuration, events: events)
    }

    /// Every object in `domain`, as the store has it (to show an operation created nothing).
    func objectCount(as client: String) throws -> Int {
        try kmipClient(as: client).locate([]).count
    }
}

/// Collects a client's events, for assertions.
final class EventLog: @unchecked Sendable {
    private let lock = NSLock()
    private var events: [String] = []

    var handler: @Sendable (KMIPClientEvent) -> Void {
        { [self] event in
            lock.lock()
            events.append(Self.kind(event))
            lock.unlock()
        }
    }

    var kinds: [String] {
        lock.lock()
        defer { lock.unlock() }
        return events
    }

    static func kind(_ event: KMIPClientEvent) -> String {
        switch event {
        case .connected(let e): "connected \(e.port)"
        case .connectionFailed(let e, _): "connectionFailed \(e.port)"
        case .staleConnectionDropped(let e): "stale \(e.port)"
        case .requestFailed(let e, _, _): "requestFailed \(e.port)"
        case .failedOver(let from, let to): "failedOver \(from.port) \(to.port)"
        }
    }
}

func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

/// A short stand-in for a disk's bytes in comparisons: a failing `#expect` prints this, not megabytes.
func digest(_ bytes: [UInt8]?) -> String {
    guard let bytes else { return "nil" }
    return "\(bytes.count) bytes, SHA-256 " + hex(Array(SHA256.hash(bytes).prefix(8)))
}

/// Whether `text` shows `secret` in hexadecimal (either case) or base64.
func reveals(_ text: String, _ secret: SymmetricKey) -> Bool {
    let bytes = secret.bytes.copyBytes()
    let lower = text.lowercased()
    return lower.contains(hex(bytes)) || lower.contains(hex(Array(bytes[0..<16]))) || text.contains(Data(bytes).base64EncodedString())
}
