import KMIP

/// `keepctl domain`: tenant domains, their state and policy.
enum DomainCommands {
    static let all = [create, list, show, disable, enable, suspend, resume, policy]

    static let create = Command(
        words: ["domain", "create"], synopsis: "ID [--name DISPLAY-NAME] [--allow-key-export] [--waive-client-auth]",
        summary: "Creates a tenant domain and its Domain Key in the HSM.",
        details: """
            ID is 1 to 64 characters of a-z 0-9 - _ (not starting with - or _). By default the domain's keys never
            leave keepd in the clear and its clients' certificates must carry the clientAuth extended key usage.
            vCenter's Standard Key Provider needs both relaxed: --allow-key-export --waive-client-auth.
            """,
        flags: [Flag("--name", "DISPLAY-NAME", "a human-readable name"),
                Flag("--allow-key-export", "Get may return the domain's keys in the clear"),
                Flag("--waive-client-auth", "accept client certificates without the clientAuth extended key usage")],
        positionals: 1, connects: true,
        run: { invocation in
            let response: KeepCreateDomainResponse = try Connection.call(invocation, KeepCreateDomainRequest(
                domainIdentifier: invocation.positionals[0], displayName: invocation.value("--name"),
                keyExportAllowed: invocation.has("--allow-key-export"), clientAuthRequired: !invocation.has("--waive-client-auth")))
            report(response.domain, invocation, "created")
        })

    static let list = Command(
        words: ["domain", "list"], synopsis: "", summary: "Lists the tenant domains with their state, subscription and policy.",
        connects: true,
        run: { invocation in
            let response: KeepListDomainsResponse = try Connection.call(invocation, KeepListDomainsRequest())
            if invocation.json { return Console.json(.object([("domains", .array(response.domains.map(json)))])) }
            guard !response.domains.isEmpty else { return Console.out("(no tenant domains; keepctl domain create ID)") }
            var table = Table("DOMAIN", "STATE", "SUBSCRIPTION", "KEY EXPORT", "CLIENT AUTH", "DK", "CREATED", "NAME")
            for d in response.domains {
                table.add(d.identifier, d.enabled ? "enabled" : "disabled", d.subscriptionActive ? "active" : "suspended",
                          d.keyExportAllowed ? "allowed" : "denied", d.clientAuthRequired ? "required" : "waived", "v\(d.domainKeyVersion)",
                          Format.date(d.createdAt), d.displayName)
            }
            Console.out(table.rendered)
        })

    static let show = Command(
        words: ["domain", "show"], synopsis: "ID",
        summary: "Shows a domain: state, subscription, policy, DK version, key counts per state, rotation, recent activity.",
        details: "Recent activity is what this keepd has served since it started (at most the last 20 requests); the audit log is the full record.",
        positionals: 1, connects: true,
        run: { invocation in
            let r: KeepGetDomainResponse = try Connection.call(invocation, KeepGetDomainRequest(domainIdentifier: invocation.positionals[0]))
            let total = r.objectCounts.reduce(0) { $0 + $1.count }
            if invocation.json {
                return Console.json(.object([
                    ("domain", json(r.domain)),
                    ("objects", .object(r.objectCounts.map { (Format.state($0.state), .number($0.count)) } + [("total", .number(total))])),
                    ("rotation", r.rotation.map(RotateCommands.json) ?? .null),
                    ("recentActivity", .array(r.activity.map { a in
                        .object([("time", .date(a.time)), ("client", .string(a.clientName)), ("operation", .optional(a.operation?.displayName)),
                                 ("status", .string(a.resultStatus.name ?? a.resultStatus.hexString)), ("reason", .optional(a.resultReason?.name))])
                    })),
                ]))
            }
            let d = r.domain
            var lines = [
                "domain         \(d.identifier) (\(d.displayName))",
                "state          \(d.enabled ? "enabled" : "disabled")",
                "subscription   \(d.subscriptionActive ? "active" : "suspended (existing keys served, no new keys)")",
                "key export     \(d.keyExportAllowed ? "allowed (Get returns keys in the clear)" : "denied (keys are used in keepd or leave wrapped)")",
                "client auth    \(d.clientAuthRequired ? "required (client certificates must carry clientAuth)" : "waived (vCenter-style certificates accepted)")",
                "domain key     v\(d.domainKeyVersion)",
                "created        \(Format.date(d.createdAt))",
                "updated        \(Format.date(d.updatedAt))",
                "keys           \(total) (" + (r.objectCounts.isEmpty ? "none" : r.objectCounts.map { "\($0.count) \(Format.state($0.state))" }.joined(separator: ", ")) + ")",
            ]
            if let rotation = r.rotation { lines.append("rotation       \(RotateCommands.describe(rotation))") }
            Console.out(lines.joined(separator: "\n"))
            Console.out("")
            guard !r.activity.isEmpty else { return Console.out("recent activity: none since keepd started") }
            var table = Table("TIME", "CLIENT", "OPERATION", "RESULT")
            for a in r.activity {
                let result = a.resultStatus == .success ? "success" : (a.resultReason?.name ?? a.resultStatus.name ?? "failed")
                table.add(Format.date(a.time), a.clientName, a.operation?.displayName ?? "-", result)
            }
            Console.out("recent activity:\n" + table.rendered)
        })

    static let disable = change(
        "disable", summary: "Disables a domain: nothing in it is served (its clients' every request is refused) until it is enabled.",
        confirm: { "Disable domain \($0)? Its clients' every request will be refused." }) { KeepModifyDomainRequest(domainIdentifier: $0, enabled: false) }
    static let enable = change("enable", summary: "Enables a disabled domain.") { KeepModifyDomainRequest(domainIdentifier: $0, enabled: true) }
    static let suspend = change(
        "suspend", summary: "Suspends a domain's subscription: its existing keys are still served, no new key is made.") {
        KeepModifyDomainRequest(domainIdentifier: $0, subscriptionActive: false)
    }
    static let resume = change("resume", summary: "Resumes a suspended subscription: new keys may be made again.") {
        KeepModifyDomainRequest(domainIdentifier: $0, subscriptionActive: true)
    }

    static let policy = Command(
        words: ["domain", "policy"], synopsis: "ID [--key-export allow|deny] [--client-auth require|waive]",
        summary: "Changes a domain's policy: whether keys may leave in the clear, whether client certificates must carry clientAuth.",
        flags: [Flag("--key-export", "allow|deny", "whether Get may return the domain's keys in the clear"),
                Flag("--client-auth", "require|waive", "whether client certificates must carry the clientAuth extended key usage")],
        positionals: 1, connects: true,
        run: { invocation in
            let export = try invocation.choice("--key-export", ["allow": true, "deny": false])
            let clientAuth = try invocation.choice("--client-auth", ["require": true, "waive": false])
            guard export != nil || clientAuth != nil else { throw Failure.usage("give --key-export or --client-auth") }
            let response: KeepModifyDomainResponse = try Connection.call(invocation, KeepModifyDomainRequest(
                domainIdentifier: invocation.positionals[0], keyExportAllowed: export, clientAuthRequired: clientAuth))
            report(response.domain, invocation, "updated")
        })

    /// enable, disable, suspend, resume: one Keep Modify Domain each.
    static func change(_ word: String, summary: String, confirm: (@Sendable (String) -> String)? = nil,
                       _ request: @escaping @Sendable (String) -> KeepModifyDomainRequest) -> Command {
        Command(words: ["domain", word], synopsis: "ID" + (confirm == nil ? "" : " [--yes]"), summary: summary,
                flags: confirm == nil ? [] : [Flag.yes], positionals: 1, connects: true,
                run: { invocation in
                    let id = invocation.positionals[0]
                    if let confirm { try Terminal.confirm(confirm(id), invocation) }
                    let response: KeepModifyDomainResponse = try Connection.call(invocation, request(id))
                    report(response.domain, invocation, word == "disable" ? "disabled" : word == "enable" ? "enabled" : word == "suspend" ? "suspended" : "resumed")
                })
    }

    static func report(_ domain: KeepAdminDomain, _ invocation: Invocation, _ verb: String) {
        if invocation.json { return Console.json(.object([("domain", json(domain))])) }
        Console.out("domain \(domain.identifier) \(verb): \(domain.enabled ? "enabled" : "disabled"), subscription \(domain.subscriptionActive ? "active" : "suspended"), key export \(domain.keyExportAllowed ? "allowed" : "denied"), client auth \(domain.clientAuthRequired ? "required" : "waived"), DK v\(domain.domainKeyVersion)")
    }

    static func json(_ d: KeepAdminDomain) -> JSON {
        .object([("id", .string(d.identifier)), ("displayName", .string(d.displayName)), ("enabled", .bool(d.enabled)),
                 ("subscription", .string(d.subscriptionActive ? "active" : "suspended")), ("keyExportAllowed", .bool(d.keyExportAllowed)),
                 ("clientAuthRequired", .bool(d.clientAuthRequired)), ("domainKeyVersion", .int(d.domainKeyVersion)),
                 ("createdAt", .date(d.createdAt)), ("updatedAt", .date(d.updatedAt))])
    }
}
