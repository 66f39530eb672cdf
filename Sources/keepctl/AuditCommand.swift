import Foundation
import KMIP
import KeepAdminClient
import KeepAudit
import KeepHSM
import KeepServer

let auditUsage = """
    usage: keepctl audit verify [CONNECTION...]
           keepctl audit verify --offline DIR --public-key FILE... [--allow-open]
           keepctl audit verify --data-dir DIR [--allow-open]
           keepctl audit show   [CONNECTION... | --offline DIR | --data-dir DIR] [FILTER...] [--json] [--as-auditor DOMAIN]
           keepctl audit export [CONNECTION... | --offline DIR | --data-dir DIR] [FILTER...] [--format json|cef] [--as-auditor DOMAIN]
           keepctl audit export [CONNECTION... | --offline DIR | --data-dir DIR] --domain DOMAIN --proof [--since TIME] [--until TIME]
           keepctl audit verify-export FILE --public-key FILE...

    By default show, verify and export ask keepd (Keep Audit Query, Verify, Export), which answers by who asks: a
    tenant domain's admin or auditor sees only its domain's records, an installation administrator or auditor (a
    client of _system) all of them, a hypervisor none; every such read is itself audited. CONNECTION is --server
    HOST:PORT, --cert FILE, --key FILE, --ca FILE, --server-name NAME, --config FILE, over the settings file as for
    every other command. --offline DIR and --data-dir DIR read the files instead.

    verify        checks the audit log: the chain of every record, every checkpoint's signature, the segments' order.
                  Through keepd: keepd checks its own log with every key (MACs included; installation clients only).
                  --offline DIR reads a copy of the log files and needs only the public key(s) (audit/public-key-vN.pem;
                  a directory of them is accepted). --data-dir DIR opens the installation's HSM partition (keepd stopped;
                  PIN as keepd reads it) and also checks every record's MAC. --allow-open accepts a log that does not
                  end with a shutdown checkpoint (keepd running or crashed). Exit status 0 verified, 1 broken.
    show          prints the records that match, one line each (--json: JSON lines).
    export        writes the records that match as JSON lines (default) or CEF.
                  With --domain and --proof: the domain's records alone, with a proof of completeness for the range,
                  which `verify-export` checks with the public key(s) only.
    FILTER        --domain ID (#keep: server events)  --operation NAME  --object ID  --client NAME|FINGERPRINT|SUBJECT
                  --result success|failure|refused  --kind kmip|connection|admin|server  --since TIME  --until TIME
                  TIME is RFC 3339 UTC (2026-11-21T21:05:37Z, fraction optional) or microseconds since the epoch.
    --as-auditor  (files only) reads as the auditor of DOMAIN would: only that domain's records, whatever the filters ask.

    Reading the files directly is an administrator's view: whoever can read them sees every domain.

    """

/// `keepctl audit …`. Returns the exit status.
func runAudit(_ arguments: [String]) -> Int32 {
    guard let sub = arguments.first, !["--help", "-h"].contains(sub) else {
        FileHandle.standardOutput.write(Data(auditUsage.utf8))
        return arguments.isEmpty ? 2 : 0
    }
    do {
        var flags = try AuditFlags(Array(arguments.dropFirst()))
        switch sub {
        case "verify": return try verify(&flags)
        case "show": return try show(flags, json: flags.json)
        case "export": return try export(flags)
        case "verify-export": return try verifyExport(flags)
        default: throw UsageError("unknown audit command \(sub)")
        }
    } catch let error as UsageError {
        FileHandle.standardError.write(Data("keepctl audit: \(error.text) (keepctl audit --help)\n".utf8))
        return 2
    } catch let error as OnlineFailure {
        FileHandle.standardError.write(Data("keepctl audit: \(error.failure.description)\n".utf8))
        return error.failure.status
    } catch {
        FileHandle.standardError.write(Data("keepctl audit: \(error)\n".utf8))
        return 1
    }
}

struct UsageError: Error {
    let text: String
    init(_ text: String) { self.text = text }
}

struct AuditFlags {
    var offline: String?
    var dataDirectory: String?
    var publicKeys: [String] = []
    var allowOpen = false
    var json = false
    var format = "json"
    var proof = false
    var auditor: String?
    var query = AuditQuery()
    var positional: [String] = []
    /// --server, --cert, --key, --ca, --server-name, --config: how to reach keepd.
    var connection: [String: String] = [:]

    init(_ arguments: [String]) throws {
        var index = 0
        func value(_ flag: String) throws -> String {
            index += 1
            guard index < arguments.count else { throw UsageError("\(flag) needs a value") }
            return arguments[index]
        }
        func time(_ flag: String) throws -> Int64 {
            let text = try value(flag)
            guard let micros = AuditFormats.parseTime(text) else { throw UsageError("\(flag): not a time: \(text)") }
            return micros
        }
        while index < arguments.count {
            let flag = arguments[index]
            switch flag {
            case "--offline": offline = try value(flag)
            case "--data-dir": dataDirectory = try value(flag)
            case "--public-key": publicKeys.append(try value(flag))
            case "--allow-open": allowOpen = true
            case "--json": json = true
            case "--format":
                format = try value(flag)
                guard ["json", "cef"].contains(format) else { throw UsageError("--format is json or cef") }
            case "--proof": proof = true
            case "--as-auditor": auditor = try value(flag)
            case "--domain": query.domain = try value(flag)
            case "--operation": query.operation = try value(flag)
            case "--object": query.objectID = try value(flag)
            case "--client": query.client = try value(flag)
            case "--result":
                let text = try value(flag)
                guard let outcome = AuditEntry.Outcome(name: text) else { throw UsageError("--result is success, failure or refused") }
                query.outcome = outcome
            case "--kind":
                let text = try value(flag)
                guard let kind = AuditEntry.Kind(name: text) else { throw UsageError("--kind is kmip, connection, admin or server") }
                query.kind = kind
            case "--since": query.since = try time(flag)
            case "--until": query.until = try time(flag)
            case "--server", "--cert", "--key", "--ca", "--server-name", "--config": connection[flag] = try value(flag)
            case let other where other.hasPrefix("--"): throw UsageError("unknown flag \(other)")
            default: positional.append(flag)
            }
            index += 1
        }
    }

    /// The log directory: `--offline DIR`, or the installation's configured audit directory.
    func logDirectory() throws -> String {
        if let offline { return offline }
        guard let dataDirectory else { throw UsageError("give --offline DIR or --data-dir DIR") }
        return Installation(dataDirectory: absolute(dataDirectory)).auditDirectory
    }

    var viewer: AuditViewer { auditor.map { .domainAuditor($0) } ?? .administrator }

    /// Through keepd unless the files are named.
    var online: Bool { offline == nil && dataDirectory == nil }

    /// The settings file (--config, else $KEEPCTL_CONFIG, else the default path if it exists) under the flags, as
    /// every other command reads them (Support/Connection.swift).
    func client() throws -> AdminClient {
        guard auditor == nil else { throw UsageError("--as-auditor reads the files; through keepd, the certificate says who reads") }
        var settings = ConnectionSettings()
        let environment = ProcessInfo.processInfo.environment["KEEPCTL_CONFIG"].flatMap { $0.isEmpty ? nil : $0 }
        if let path = connection["--config"] ?? environment {
            settings = try Self.load(path)
        } else if let path = ConnectionSettings.defaultPath(), FileManager.default.fileExists(atPath: path) {
            settings = try Self.load(path)
        }
        settings = settings.overridden(by: ConnectionSettings(server: connection["--server"], certificate: connection["--cert"],
                                                              privateKey: connection["--key"], ca: connection["--ca"],
                                                              serverName: connection["--server-name"]))
        do { return try AdminClient(settings: settings) } catch { throw OnlineFailure(error) }
    }

    private static func load(_ path: String) throws -> ConnectionSettings {
        do { return try ConnectionSettings.load(path: path) } catch { throw OnlineFailure(error) }
    }

    /// The filters as a Keep Audit Query (one page).
    func request(offset: Int32) -> KeepAuditQueryRequest {
        KeepAuditQueryRequest(domainIdentifier: query.domain, kind: query.kind?.description, operationName: query.operation,
                              objectIdentifier: query.objectID, client: query.client, result: query.outcome?.description,
                              since: query.since, until: query.until, maximumItems: nil, offsetItems: offset)
    }
}

/// keepd refused or could not be reached: the exit status other commands give for it (Support/Failure.swift).
struct OnlineFailure: Error {
    let failure: Failure
    init(_ error: AdminClientError) { failure = Failure(error) }
}

/// Calls keepd; an `AdminClientError` becomes an `OnlineFailure`.
func call<Response: ResponsePayload>(_ client: AdminClient, _ request: some RequestPayload, _ type: Response.Type = Response.self) throws -> Response {
    do { return try client.call(request, Response.self) } catch { throw OnlineFailure(error) }
}

/// Every record matching the filters that keepd lets this client see, page after page.
func onlineRecords(_ flags: AuditFlags) throws -> [AuditRecord] {
    let client = try flags.client()
    var records: [AuditRecord] = []
    while true {
        let page: KeepAuditQueryResponse = try call(client, flags.request(offset: Int32(clamping: records.count)))
        records += try page.records.map { try AuditRecord(stored: $0) }
        // Count may grow while paging (new records match); stop at an empty page or once all counted are read.
        if page.records.isEmpty || Int64(records.count) >= page.count { return records }
    }
}

func absolute(_ path: String) -> String {
    path.hasPrefix("/") ? path : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(path)
}

func printLine(_ text: String) { FileHandle.standardOutput.write(Data((text + "\n").utf8)) }

private func verify(_ flags: inout AuditFlags) throws -> Int32 {
    let report: AuditVerifier.Report
    if flags.online {
        let verified: KeepAuditVerifyResponse = try call(try flags.client(), KeepAuditVerifyRequest())
        printLine(verified.report)
        return verified.verified ? 0 : 1
    } else if let offline = flags.offline {
        guard !flags.publicKeys.isEmpty else { throw UsageError("--offline needs --public-key FILE (the auditors' copy of audit/public-key-vN.pem)") }
        report = AuditVerifier(publicKeys: try PublicKeyFiles.read(flags.publicKeys)).verify(directory: offline, allowOpenTail: flags.allowOpen)
    } else if let dataDirectory = flags.dataDirectory {
        // The partition is the trust root here: the public keys come from it, not from files beside the log.
        let installation = Installation(dataDirectory: absolute(dataDirectory))
        let configuration = try installation.configuration()
        let pin: PINSource = configuration.hsm.pinFile.map { .file(configuration.resolve($0)) } ?? .environment(PINSource.defaultVariable)
        let hsm = try EmbeddedHSM(path: configuration.resolve(configuration.hsm.partition), pin: pin)
        let keys = HSMAuditKeys(hsm: hsm)
        report = AuditVerifier(publicKeys: try keys.publicKeys(), macKeys: keys)
            .verify(directory: configuration.resolve(configuration.audit.directory), allowOpenTail: flags.allowOpen)
    } else {
        throw UsageError("give --offline DIR --public-key FILE, or --data-dir DIR")
    }
    printLine(report.description)
    return report.isValid ? 0 : 1
}

private func show(_ flags: AuditFlags, json: Bool) throws -> Int32 {
    let records = flags.online ? try onlineRecords(flags) : try AuditReader(directory: try flags.logDirectory()).records(matching: flags.query, as: flags.viewer)
    for record in records { printLine(json ? AuditFormats.json(record) : AuditFormats.line(record)) }
    return 0
}

private func export(_ flags: AuditFlags) throws -> Int32 {
    guard flags.proof else {
        let records = flags.online ? try onlineRecords(flags) : try AuditReader(directory: try flags.logDirectory()).records(matching: flags.query, as: flags.viewer)
        for record in records { printLine(flags.format == "cef" ? AuditFormats.cef(record) : AuditFormats.json(record)) }
        return 0
    }
    guard let domain = flags.query.domain ?? flags.auditor else { throw UsageError("--proof exports one domain: give --domain") }
    let scoped = try flags.viewer.scope(AuditQuery(domain: domain))
    let unsupported = [flags.query.operation, flags.query.objectID, flags.query.client].contains { $0 != nil } || flags.query.outcome != nil
        || flags.query.kind != nil
    guard !unsupported else { throw UsageError("--proof exports a whole time range of one domain: only --since and --until filter it") }
    if flags.online {
        let exported: KeepAuditExportResponse = try call(try flags.client(),
                                                         KeepAuditExportRequest(domainIdentifier: domain, since: flags.query.since, until: flags.query.until))
        for line in exported.lines { printLine(line) }
        return 0
    }
    for line in try TenantExport.make(directory: try flags.logDirectory(), domain: scoped.domain!, since: flags.query.since, until: flags.query.until) {
        printLine(line)
    }
    return 0
}

private func verifyExport(_ flags: AuditFlags) throws -> Int32 {
    guard let file = flags.positional.first else { throw UsageError("verify-export needs the export FILE") }
    guard !flags.publicKeys.isEmpty else { throw UsageError("verify-export needs --public-key FILE") }
    let text = try String(contentsOfFile: file, encoding: .utf8)
    do {
        let verified = try TenantExport.verify(text.split(separator: "\n").map(String.init), publicKeys: try PublicKeyFiles.read(flags.publicKeys))
        let since = verified.since.map(AuditFormats.timestamp) ?? "the domain's first record"
        printLine("verified: \(verified.records.count) records of domain \(verified.domain), complete from \(since) to \(AuditFormats.timestamp(verified.until))")
        return 0
    } catch let error as AuditError {
        printLine("BROKEN: \(error.reason)")
        return 1
    }
}
