import Dispatch
import Foundation
import KeepCrypto
import KeepHSM
import KeepStore
import KeepTLS
import KMIP
import KeyHierarchy

/// keepd from configuration to a serving process: opens the HSM partition and the store, builds the TLS
/// context, admits clients by their registered certificates, serves KMIP until SIGTERM (drain, then exit 0),
/// and reloads the TLS certificates on SIGHUP.
public final class Daemon: Sendable {
    public let configuration: ServerConfiguration
    public let log: ServerLog
    public let service: KMIPService
    public let server: KMIPServer
    private let registry: ClientRegistry
    private let tls: ReloadableTLSServerContext

    /// The store file inside the data directory.
    public static let storeFileName = "keep.db"

    /// Opens everything; any failure is one line an operator can act on (wrong PIN, missing certificate, …).
    public init(configuration: ServerConfiguration) throws {
        self.configuration = configuration
        log = try configuration.log.path.map { try ServerLog(level: configuration.log.level, nodeID: configuration.nodeID, path: configuration.resolve($0)) }
            ?? ServerLog(level: configuration.log.level, nodeID: configuration.nodeID)
        let pin: PINSource = configuration.hsm.pinFile.map { .file(configuration.resolve($0)) } ?? .environment("KEEP_HSM_PIN")
        let hsm = try EmbeddedHSM(path: configuration.resolve(configuration.hsm.partition), pin: pin)
        let store = try SQLiteObjectStore(path: configuration.resolve(Self.storeFileName))
        let hierarchy = KeyHierarchy(hsm: hsm, store: store)
        registry = ClientRegistry(store: store)
        var serviceConfiguration = ServiceConfiguration()
        serviceConfiguration.maxBatchItems = configuration.limits.maxBatchItems
        service = KMIPService(hierarchy: hierarchy, configuration: serviceConfiguration, audit: LogAuditSink(log: log))
        tls = ReloadableTLSServerContext(try TLSServerContext(configuration: try Self.tlsConfiguration(configuration)))

        let registry = self.registry
        let log = self.log
        let service = self.service
        server = try KMIPServer(
            host: configuration.listen.host, port: configuration.listen.port, tls: tls, limits: KMIPServer.Limits(configuration.limits), log: log,
            admit: { peer, remote in Self.admit(peer, remote: remote, registry: registry, hierarchy: hierarchy, log: log) },
            handle: { request, caller in service.handle(request, caller: caller) })
    }

    static func tlsConfiguration(_ configuration: ServerConfiguration) throws -> TLSServerConfiguration {
        let passphrase = try configuration.tls.privateKeyPassphraseFile.map { try PINSource.file(configuration.resolve($0)).read() }
        return TLSServerConfiguration(certificateChainFile: configuration.resolve(configuration.tls.certificate),
                                      privateKeyFile: configuration.resolve(configuration.tls.privateKey),
                                      privateKeyPassphrase: passphrase,
                                      clientCAFiles: configuration.tls.clientCAs.map(configuration.resolve))
    }

    /// Decides who the peer is; a refusal is logged with its reason (the audit log records it too once it exists).
    static func admit(_ peer: PeerCertificate, remote: String, registry: ClientRegistry, hierarchy: KeyHierarchy,
                      log: ServerLog) -> CallerIdentity? {
        switch registry.authorize(ClientCertificate(peer), hierarchy: hierarchy, now: Int64(Date().timeIntervalSince1970)) {
        case .accepted(let caller):
            return caller
        case .refused(let refusal):
            log.warning("client refused", ["remote": .string(remote), "code": .string(refusal.code.description), "reason": .string(refusal.reason),
                                           "subject": .string(peer.subject), "fingerprint": .string(peer.sha256Fingerprint),
                                           "verification": .string(peer.verificationError ?? "chain verified")])
            return nil
        }
    }

    /// Serves until SIGTERM or SIGINT; returns the process exit code.
    public func run() -> Int32 {
        for signal in [SIGTERM, SIGINT, SIGHUP] { Foundation.signal(signal, SIG_IGN) }
        let queue = DispatchQueue(label: "keepd-signals")
        let stop = DispatchSemaphore(value: 0)
        let sources = [SIGTERM, SIGINT].map { number in
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { stop.signal() }
            source.resume()
            return source
        }
        let hangUp = DispatchSource.makeSignalSource(signal: SIGHUP, queue: queue)
        hangUp.setEventHandler { [self] in reloadCertificates() }
        hangUp.resume()

        server.start()
        log.info("listening", ["host": .string(configuration.listen.host), "port": .int(Int(server.port)),
                               "maxConnections": .int(configuration.limits.maxConnections)])
        stop.wait()
        log.info("stopping", ["drainTimeout": .double(configuration.limits.drainTimeout)])
        let left = server.stop(drainTimeout: .seconds(configuration.limits.drainTimeout))
        if left > 0 { log.warning("drain timed out", ["connections": .int(left)]) }
        log.info("stopped", [:])
        withExtendedLifetime((sources, hangUp)) {}
        return 0
    }

    /// SIGHUP: new connections use the certificates now on disk; open ones keep theirs. A bad file keeps the
    /// old context and says why.
    func reloadCertificates() {
        do {
            let context = try tls.reload(try Self.tlsConfiguration(configuration))
            log.info("certificates reloaded", ["subject": .string(context.certificate.subject), "notAfter": .int(Int(context.certificate.notAfter))])
        } catch {
            log.error("certificate reload failed; keeping the current certificates", ["error": .string(KMIPServer.describe(error))])
        }
    }
}

extension ClientCertificate {
    /// The facts the authorizer decides on, from what the TLS layer read off the certificate.
    init(_ peer: PeerCertificate) {
        let eku: Bool? = switch peer.extendedKeyUsage {
        case .absent: nil
        case .includesClientAuth: true
        case .excludesClientAuth: false
        }
        self.init(fingerprint: peer.sha256Fingerprint, subject: peer.subject, chainVerified: peer.chainVerified,
                  selfSigned: peer.isSelfSigned, hasClientAuthEKU: eku, notBefore: peer.notBefore, notAfter: peer.notAfter)
    }
}

/// Until the audit log exists (KeepAudit), every outcome goes to the structured log. Identifiers and result
/// codes only, as `AuditEvent` carries nothing else.
struct LogAuditSink: AuditSink {
    let log: ServerLog

    func record(_ event: AuditEvent) {
        log.info("request", [
            "domain": .string(event.caller.domainID), "client": .string(event.caller.clientName),
            "fingerprint": .string(event.caller.fingerprint),
            "version": .string(event.protocolVersion.description),
            "operation": .string(event.operation.map { Self.name($0, in: Self.operationNames) } ?? "-"),
            "objects": .string(event.objectIDs.joined(separator: ",")),
            "status": .string(Self.name(event.resultStatus, in: Self.statusNames)),
            "reason": .string(event.resultReason.map { Self.name($0, in: Self.reasonNames) } ?? ""),
            "micros": .int(Int(event.duration.components.seconds * 1_000_000 + event.duration.components.attoseconds / 1_000_000_000_000)),
        ])
    }

    // Names by hash: an enumeration's `description` scans the specification's table of names, which was a third of
    // the cost of a request's line under load. Same text: the first name a value has, else its hex form.
    private static let operationNames = names(KMIP.Operation.self)
    private static let statusNames = names(ResultStatus.self)
    private static let reasonNames = names(ResultReason.self)

    private static func names<E: KMIPEnumeration>(_: E.Type) -> [E: String] {
        Dictionary(E.known.map { ($0.0, $0.1) }, uniquingKeysWith: { first, _ in first })
    }

    private static func name<E: KMIPEnumeration>(_ value: E, in names: [E: String]) -> String {
        names[value] ?? value.description
    }
}
