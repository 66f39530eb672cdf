import Foundation
import KMIP
import KeepCrypto
import KeepHSM
import KeepStore
import KeyHierarchy
import Testing
@testable import KeepServer

/// Records every audit event, for assertions.
final class RecordingAuditSink: AuditSink, @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [AuditEvent] = []

    func record(_ events: [AuditEvent]) throws {
        lock.lock()
        recorded += events
        lock.unlock()
    }

    var events: [AuditEvent] {
        lock.lock()
        defer { lock.unlock() }
        return recorded
    }

    func reset() {
        lock.lock()
        recorded = []
        lock.unlock()
    }
}

/// The service over a fresh `Installation`.
final class TestServer {
    let installation: Installation
    let audit = RecordingAuditSink()
    let service: KMIPService

    /// `streamClock`: the monotonic clock streams expire by (nanoseconds); the real one if nil.
    init(configuration: ServiceConfiguration = ServiceConfiguration(), streamClock: (@Sendable () -> UInt64)? = nil) throws {
        installation = try Installation()
        service = KMIPService(hierarchy: installation.hierarchy, configuration: configuration, audit: audit, administration: nil,
                              clock: KeyHierarchy.systemClock, streamClock: streamClock ?? CipherStreams.uptime)
    }

    var hierarchy: KeyHierarchy { installation.hierarchy }
    var store: SQLiteObjectStore { installation.store }
    var registry: ClientRegistry { installation.registry }

    static func caller(_ domain: String = "acme", _ role: ClientRole = .hypervisor) -> CallerIdentity {
        CallerIdentity(domainID: domain, role: role, clientName: "\(domain)-\(role.rawValue)",
                       fingerprint: String(repeating: domain == "acme" ? "a" : "b", count: 64), subject: "CN=\(domain)")
    }

    /// Sends `items` as one message through the bytes entry point (so both directions cross the wire form of
    /// `version`) and decodes the answer.
    func send(_ version: ProtocolVersion, _ items: [RequestBatchItem], as caller: CallerIdentity = TestServer.caller(),
              option: BatchErrorContinuationOption? = nil, maximumResponseSize: Int32? = nil) throws -> ResponseMessage {
        var request = RequestMessage(version: version, items)
        request.header.batchErrorContinuationOption = option
        request.header.maximumResponseSize = maximumResponseSize
        return try decodeResponse(service.handle(request.encoded(), caller: caller))
    }

    /// One operation; its one response item.
    func send(_ version: ProtocolVersion, _ payload: any RequestPayload, as caller: CallerIdentity = TestServer.caller()) throws -> ResponseBatchItem {
        let response = try send(version, [RequestBatchItem(payload)], as: caller)
        try #require(response.batchItems.count == 1)
        return response.batchItems[0]
    }

    /// One operation that must succeed; its typed response payload.
    func ok<P: ResponsePayload>(_ version: ProtocolVersion, _ payload: any RequestPayload, as caller: CallerIdentity = TestServer.caller(),
                                _ type: P.Type = P.self, sourceLocation: SourceLocation = #_sourceLocation) throws -> P {
        let item = try send(version, payload, as: caller)
        #expect(item.resultStatus == .success, "\(item.resultReason?.description ?? "") \(item.resultMessage ?? "")", sourceLocation: sourceLocation)
        return try #require(item.payload(as: P.self), sourceLocation: sourceLocation)
    }

    /// Creates an AES key in the caller's domain through the service; its identifier.
    func createKey(_ version: ProtocolVersion = .v1_4, bits: Int32 = 256, usage: CryptographicUsageMask? = [.encrypt, .decrypt],
                   names: [String] = [], extra: [Attribute] = [], as caller: CallerIdentity = TestServer.caller()) throws -> String {
        var attributes = [Attribute(.cryptographicAlgorithm, .enumeration(CryptographicAlgorithm.aes.rawValue)), Attribute(.cryptographicLength, .integer(bits))]
        if let usage { attributes.append(Attribute(.cryptographicUsageMask, .integer(usage.rawValue))) }
        attributes += names.map { Attribute(.name, .name(Name($0))) }
        attributes += extra
        let response: CreateResponse = try ok(version, CreateRequest(objectType: .symmetricKey, attributes: AttributeSet(attributes)), as: caller)
        return try #require(response.uniqueIdentifier.text)
    }

    /// An Active key (Create + Activate).
    func activeKey(_ version: ProtocolVersion = .v1_4, bits: Int32 = 256, usage: CryptographicUsageMask? = [.encrypt, .decrypt],
                   names: [String] = [], as caller: CallerIdentity = TestServer.caller()) throws -> String {
        let uid = try createKey(version, bits: bits, usage: usage, names: names, as: caller)
        let _: ActivateResponse = try ok(version, ActivateRequest(uniqueIdentifier: .text(uid)), as: caller)
        return uid
    }
}

func decodeResponse(_ bytes: [UInt8]) throws -> ResponseMessage {
    try ResponseMessage(from: TTLVDecoder().decodeMessage(bytes))
}

func expectFailure(_ item: ResponseBatchItem, _ reason: ResultReason, _ messageFragment: String? = nil,
                   sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(item.resultStatus == .operationFailed, sourceLocation: sourceLocation)
    #expect(item.resultReason == reason, "got \(item.resultReason?.description ?? "nil"): \(item.resultMessage ?? "")", sourceLocation: sourceLocation)
    #expect(item.payload == nil, sourceLocation: sourceLocation)
    if let messageFragment {
        #expect(item.resultMessage?.contains(messageFragment) == true, "message: \(item.resultMessage ?? "nil")", sourceLocation: sourceLocation)
    }
}

func aes(_ bits: Int32) -> [Attribute] {
    [Attribute(.cryptographicAlgorithm, .enumeration(CryptographicAlgorithm.aes.rawValue)), Attribute(.cryptographicLength, .integer(bits))]
}

func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

/// Whether `text` shows any of `secrets` in hexadecimal (how bytes would reach a log line).
func leaks(_ text: String, _ secrets: [[UInt8]]) -> Bool {
    secrets.contains { text.lowercased().contains(hex($0)) }
}

/// Testing has a `Tag` of its own.
typealias Tag = KMIP.Tag
