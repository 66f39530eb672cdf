import Dispatch
import Foundation
public import KeepAudit
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
    /// What keepctl's administration requests need beyond the hierarchy.
    public let administration: AdministrationTools
    /// The audit log; nil only when `audit.enabled` is false (benchmarks).
    public let audit: AuditLog?
    private let registry: ClientRegistry
    private let tls: ReloadableTLSServerContext

    /// The store file inside the data directory.
    public static let storeFileName = "keep.db"

    /// Opens everything; any failure is one line an operator can act on (wrong PIN, missing certificate, …).
    public init(configuration: ServerConfiguration) throws {
        // A write that would take a file past the process's file-size limit (RLIMIT_FSIZE, `ulimit -f`) raises
        // SIGXFSZ, whose default action kills the process. Ignored, the write fails with EFBIG instead, and is handled
        // as a failed write like any other: an audit write is cut back and its request answered with an error (fail
        // closed), and keepd goes on serving. Set here, before the first file is written (the log, the audit segment).
        signal(SIGXFSZ, SIG_IGN)
        self.configuration = configuration
        log = try configuration.log.path.map { try ServerLog(level: configuration.log.level, nodeID: configuration.nodeID, path: configuration.resolve($0)) }
            ?? ServerLog(level: configuration.log.level, nodeID: configuration.nodeID)
        let pin: PINSource = configuration.hsm.pinFile.map { .file(configuration.resolve($0)) } ?? .environment("KEEP_HSM_PIN")
        let hsm = try EmbeddedHSM(path: configuration.resolve(configuration.hsm.partition), pin: pin)
        let store = try SQLiteObjectStore(path: configuration.resolve(Self.storeFileName))
        let hierarchy = KeyHierarchy(hsm: hsm, store: store)
        try hierarchy.checkPartition()
        registry = ClientRegistry(store: store)
        let serviceConfiguration = Self.serviceConfiguration(configuration)
        let auditLog = configuration.audit.enabled ? try Self.openAudit(configuration, hsm: hsm, log: log) : nil
        audit = auditLog
        administration = AdministrationTools(
            registry: registry,
            certificates: AdministrationTools.Certificates(issuerCertificate: configuration.resolve(configuration.tls.issuerCertificate),
                                                           issuerPrivateKey: configuration.resolve(configuration.tls.issuerPrivateKey),
                                                           clientCAs: configuration.tls.clientCAs.map(configuration.resolve)),
            nodeID: configuration.nodeID, serverVersion: serviceConfiguration.serverVersion,
            auditChainHead: { auditLog.map { "record \($0.head.sequence), digest \($0.head.digest)" } },
            audit: auditLog.map { AuditReading(log: $0, keys: HSMAuditKeys(hsm: hsm)) })
        let recording: any AuditSink = if let auditLog { FailureLoggingAuditSink(next: ChainAuditSink(log: auditLog), log: log) } else { DisabledAuditSink() }
        service = KMIPService(hierarchy: hierarchy, configuration: serviceConfiguration,
                              audit: ActivityRecordingSink(activity: administration.activity, next: recording),
                              administration: administration)
        tls = ReloadableTLSServerContext(try TLSServerContext(configuration: try Self.tlsConfiguration(configuration)))

        let registry = self.registry
        let log = self.log
        let service = self.service
        let audit = self.audit
        server = try KMIPServer(
            host: configuration.listen.host, port: configuration.listen.port, tls: tls, limits: KMIPServer.Limits(configuration.limits), log: log,
            admit: { peer, remote in Self.admit(peer, remote: remote, registry: registry, hierarchy: hierarchy, log: log, audit: audit) },
            handle: { request, caller in service.handle(request, caller: caller) },
            refused: { refusal in
                Self.record(AuditEntry(kind: .connection, domain: AuditEntry.systemDomain, source: sourceAddress(refusal.remoteAddress), operation: "Connect",
                                       outcome: .refused, reason: refusal.code.rawValue, message: refusal.reason), in: audit, log: log)
            })
        let server = self.server
        administration.attach { server.load }
    }

    /// The request processor's limits that keepd's configuration sets; the others keep `ServiceConfiguration`'s defaults.
    static func serviceConfiguration(_ configuration: ServerConfiguration) -> ServiceConfiguration {
        var service = ServiceConfiguration()
        service.maxBatchItems = configuration.limits.maxBatchItems
        service.maxCipherStreams = configuration.limits.maxCipherStreams
        service.maxCipherStreamsPerDomain = configuration.limits.maxCipherStreamsPerDomain
        service.cipherStreamIdleTimeout = configuration.limits.cipherStreamIdleTimeout
        service.freshKeyGroups = configuration.freshKeyGroups.mapValues { Int32(clamping: $0) }
        return service
    }

    /// Opens the audit log: the HSM's audit keys (made if this installation predates them), the public keys
    /// exported beside the segments for auditors, then the log itself, checked before anything is appended.
    static func openAudit(_ configuration: ServerConfiguration, hsm: any HSM, log: ServerLog) throws -> AuditLog {
        let keys = HSMAuditKeys(hsm: hsm)
        try keys.ensureKeys()
        let directory = configuration.resolve(configuration.audit.directory)
        try keys.exportPublicKeys(to: directory)
        var audit = AuditLog.Configuration(directory: directory, nodeID: configuration.nodeID)
        audit.segmentBytes = configuration.audit.segmentBytes
        audit.checkpointInterval = .seconds(configuration.audit.checkpointInterval)
        audit.checkpointRecords = configuration.audit.checkpointRecords
        // Each checkpoint also goes to the JSON log: a copy kept elsewhere is what shows a tail cut after it.
        audit.onCheckpoint = { summary in
            log.info("audit checkpoint", ["kind": .string(summary.kind.description), "segment": .int(Int(summary.segment)),
                                          "sequence": .int(Int(summary.sequence)), "digest": .string(summary.digest),
                                          "lastRecordDigest": .string(summary.lastRecordDigest)])
        }
        return try AuditLog.open(audit, keys: keys)
    }

    /// Records an event that has no request to fail (a refused connection); a failure to record is logged.
    static func record(_ entry: AuditEntry, in audit: AuditLog?, log: ServerLog) {
        guard let audit else { return }
        do { try audit.append(entry) } catch {
            log.error("audit record failed", ["operation": .string(entry.operation), "error": .string("\(error)")])
        }
    }

    static func tlsConfiguration(_ configuration: ServerConfiguration) throws -> TLSServerConfiguration {
        let passphrase = try configuration.tls.privateKeyPassphraseFile.map { try PINSource.file(configuration.resolve($0)).read() }
        return TLSServerConfiguration(certificateChainFile: configuration.resolve(configuration.tls.certificate),
                                      privateKeyFile: configuration.resolve(configuration.tls.privateKey),
                                      privateKeyPassphrase: passphrase,
                                      clientCAFiles: configuration.tls.clientCAs.map(configuration.resolve))
    }

    /// Decides who the peer is. A refusal is logged and recorded in the audit log, under the domain of the client
    /// the certificate is registered to (a revoked or expired client's tenant sees it), else the system domain.
    static func admit(_ peer: PeerCertificate, remote: String, registry: ClientRegistry, hierarchy: KeyHierarchy,
                      log: ServerLog, audit: AuditLog? = nil) -> CallerIdentity? {
        switch registry.authorize(ClientCertificate(peer), hierarchy: hierarchy, now: Int64(Date().timeIntervalSince1970)) {
        case .accepted(var caller):
            caller.remoteAddress = sourceAddress(remote)
            return caller
        case .refused(let refusal):
            log.warning("client refused", ["remote": .string(remote), "code": .string(refusal.code.description), "reason": .string(refusal.reason),
                                           "subject": .string(peer.subject), "fingerprint": .string(peer.sha256Fingerprint),
                                           "verification": .string(peer.verificationError ?? "chain verified")])
            let registered = (try? registry.client(fingerprint: peer.sha256Fingerprint)) ?? nil
            let client = AuditEntry.Client(name: registered?.name ?? "", role: registered?.role.rawValue ?? "", subject: peer.subject,
                                           fingerprint: ClientRegistry.normalizedFingerprint(peer.sha256Fingerprint) ?? peer.sha256Fingerprint)
            record(AuditEntry(kind: .connection, domain: registered?.domainID ?? AuditEntry.systemDomain, client: client, source: sourceAddress(remote),
                              operation: "Connect", outcome: .refused, reason: refusal.code.description, message: refusal.reason),
                   in: audit, log: log)
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

        if let audit {
            do {
                try audit.append(AuditEntry(kind: .server, domain: AuditEntry.systemDomain, operation: "Start", outcome: .success,
                                            message: "\(audit.recovery); listening on \(configuration.listen.host):\(server.port)"))
            } catch {
                log.error("cannot record the start in the audit log; not serving", ["error": .string("\(error)")])
                return 1
            }
        } else {
            log.warning("audit log disabled (audit.enabled is false): requests are not recorded", [:])
        }
        server.start()
        log.info("listening", ["host": .string(configuration.listen.host), "port": .int(Int(server.port)),
                               "maxConnections": .int(configuration.limits.maxConnections)])
        stop.wait()
        log.info("stopping", ["drainTimeout": .double(configuration.limits.drainTimeout)])
        let left = server.stop(drainTimeout: .seconds(configuration.limits.drainTimeout))
        if left > 0 { log.warning("drain timed out", ["connections": .int(left)]) }
        var status: Int32 = 0
        if let audit {
            do {
                try audit.append(AuditEntry(kind: .server, domain: AuditEntry.systemDomain, operation: "Stop", outcome: .success,
                                            message: left > 0 ? "drain timed out with \(left) connections open" : "drained"))
                try audit.close()
                let statistics = audit.statistics
                log.info("audit log closed", ["sequence": .int(Int(audit.head.sequence)), "records": .int(statistics.records),
                                              "batches": .int(statistics.batches), "ownCommits": .int(statistics.ownCommits),
                                              "syncs": .int(statistics.syncs),
                                              "checkpoints": .int(statistics.checkpoints)])
            } catch {
                log.error("cannot close the audit log cleanly", ["error": .string("\(error)")])
                status = 1
            }
        }
        log.info("stopped", [:])
        withExtendedLifetime((sources, hangUp)) {}
        return status
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

/// An address as audit records and SIEMs expect it: `host:port`, `[v6]:port` (the socket layer says `host port N`).
func sourceAddress(_ remote: String) -> String {
    let parts = remote.components(separatedBy: " port ")
    guard parts.count == 2, let port = UInt16(parts[1]) else { return remote }
    return parts[0].contains(":") ? "[\(parts[0])]:\(port)" : "\(parts[0]):\(port)"
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

