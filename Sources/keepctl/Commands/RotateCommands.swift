import Foundation
import KMIP
import KeepAdminClient
import Synchronization

/// `keepctl rotate`: the Root of Trust or a domain's DK, online; keepd keeps serving throughout.
enum RotateCommands {
    static let all = [root, domain, status]

    static let root = Command(
        words: ["rotate", "root"], synopsis: "[--no-progress]",
        summary: "Rotates the Root of Trust: a new RoT version in the HSM, every Domain Key re-wrapped under it, the old version destroyed.",
        details: "Online and resumable: keepd serves throughout, and if the rotation is interrupted (keepd stopped or crashed) running the command again finishes it. A progress bar is drawn when standard error is a terminal.",
        flags: [Flag("--no-progress", "draw no progress bar")], connects: true,
        run: { try rotate($0, KeepRotateRequest(target: .rootOfTrust), label: "root of trust") })

    static let domain = Command(
        words: ["rotate", "domain"], synopsis: "D [--no-progress]",
        summary: "Rotates domain D's Domain Key: a new DK version, every key of the domain re-wrapped under it, the old version destroyed.",
        details: "Online and resumable: the domain's clients keep reading and creating keys throughout, and if the rotation is interrupted running the command again finishes it. A progress bar is drawn when standard error is a terminal.",
        flags: [Flag("--no-progress", "draw no progress bar")], positionals: 1, connects: true,
        run: { try rotate($0, KeepRotateRequest(target: .domainKey, domainIdentifier: $0.positionals[0]), label: "domain \($0.positionals[0])") })

    static let status = Command(
        words: ["rotate", "status"], synopsis: "", summary: "Shows the rotations running now, with progress, and those interrupted and not yet finished.",
        connects: true,
        run: { invocation in
            let response: KeepRotationStatusResponse = try Connection.call(invocation, KeepRotationStatusRequest())
            if invocation.json { return Console.json(.object([("rotations", .array(response.rotations.map(json)))])) }
            guard !response.rotations.isEmpty else { return Console.out("no rotation running or interrupted") }
            Console.out(response.rotations.map(describe).joined(separator: "\n"))
        })

    /// How often the progress bar asks keepd how far the rotation is.
    static let pollInterval = 0.25
    /// A rotation of millions of keys takes a while; the request waits for it (progress comes from polling).
    static let rotationTimeout = Duration.seconds(24 * 3600)

    static func rotate(_ invocation: Invocation, _ request: KeepRotateRequest, label: String) throws {
        let settings = try Connection.settings(invocation)
        let client = try Connection.open(invocation)
        let watch = !invocation.json && !invocation.has("--no-progress") && Console.stderrIsTerminal
        let poller = watch ? ProgressPoller(settings: settings, request: request, bar: ProgressBar("rotating \(label)")) : nil
        poller?.start()
        let result = Result { () throws(AdminClientError) -> KeepRotateResponse in try client.call(request, timeout: rotationTimeout) }
        poller?.stop()
        let response: KeepRotateResponse
        do {
            response = try result.get()
        } catch let error where error.code == .protocolFailure {
            throw Failure.failed("\(error.reason). The rotation is journalled: run the same command again to finish it")
        } catch {
            throw Failure(error)
        }
        let r = response.rotation
        if invocation.json { return Console.json(.object([("rotation", json(r))])) }
        let keys = r.target == .rootOfTrust ? "domain key" : "key"
        Console.out("rotated \(label) to v\(r.keyVersion.map(String.init) ?? "?"): \(r.total) \(keys)\(r.total == 1 ? "" : "s") re-wrapped, the old version destroyed")
    }

    static func describe(_ r: KeepAdminRotation) -> String {
        let what = r.target == .rootOfTrust ? "root of trust" : "domain key of \(r.domainIdentifier ?? "?")"
        if r.running {
            return "\(what): running since \(Format.date(r.startedAt)), \(r.done)/\(r.total) re-wrapped"
        }
        let again = r.target == .rootOfTrust ? "keepctl rotate root" : "keepctl rotate domain \(r.domainIdentifier ?? "D")"
        return "\(what): interrupted (to v\(r.keyVersion.map(String.init) ?? "?"), started \(Format.date(r.startedAt))); run \(again) to finish it"
    }

    static func json(_ r: KeepAdminRotation) -> JSON {
        .object([("target", .string(r.target == .rootOfTrust ? "root" : "domain")), ("domain", .optional(r.domainIdentifier)),
                 ("running", .bool(r.running)), ("done", .number(r.done)), ("total", .number(r.total)),
                 ("version", .int(r.keyVersion)), ("startedAt", .date(r.startedAt))])
    }
}

/// Asks keepd on a second connection how far a rotation is, and draws it. Runs on a thread of its own while the
/// first connection waits for the rotation's answer; failures of the poll only cost the bar, never the rotation.
final class ProgressPoller: @unchecked Sendable {
    // @unchecked: `bar` and `watcher` are used only by the polling thread until `stop` has joined it.
    private let settings: ConnectionSettings
    private let request: KeepRotateRequest
    private let bar: ProgressBar
    private let stopping = Mutex(false)
    private let finished = DispatchSemaphore(value: 0)

    init(settings: ConnectionSettings, request: KeepRotateRequest, bar: ProgressBar) {
        self.settings = settings
        self.request = request
        self.bar = bar
    }

    func start() {
        let thread = Thread { [self] in
            defer { finished.signal() }
            guard let watcher = try? AdminClient(settings: settings) else { return }
            bar.update(done: 0, total: 0)
            while !stopping.withLock({ $0 }) {
                if let status = try? watcher.call(KeepRotationStatusRequest(), KeepRotationStatusResponse.self, timeout: .seconds(10)),
                   let mine = status.rotations.first(where: { $0.running && $0.target == request.target && $0.domainIdentifier == request.domainIdentifier }) {
                    bar.update(done: mine.done, total: mine.total)
                }
                Thread.sleep(forTimeInterval: RotateCommands.pollInterval)
            }
        }
        thread.start()
    }

    func stop() {
        stopping.withLock { $0 = true }
        finished.wait()
        bar.finish()
    }
}
