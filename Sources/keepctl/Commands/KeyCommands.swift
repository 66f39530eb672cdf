import KMIP

/// `keepctl key`: a domain's keys, metadata only. keepctl never sees a key's value.
enum KeyCommands {
    static let all = [list, show, revoke, destroy]

    static let list = Command(
        words: ["key", "list"], synopsis: "--domain D [--state STATE] [--limit N] [--offset N]",
        summary: "Lists a domain's keys (and other managed objects) in creation order, a page at a time.",
        details: "STATE is pre-active, active, deactivated, compromised, destroyed or destroyed-compromised.",
        flags: [Flag("--domain", "D", "the domain"), Flag("--state", "STATE", "only keys in this state"),
                Flag("--limit", "N", "keys per page, 1 to 1000 (default 100)"), Flag("--offset", "N", "skip the first N")],
        connects: true,
        run: { invocation in
            let domain = try invocation.required("--domain")
            let response: KeepListKeysResponse = try Connection.call(invocation, KeepListKeysRequest(
                domainIdentifier: domain, state: try invocation.choice("--state", Format.states),
                maximumItems: try invocation.integer("--limit", in: 1...1000).map(Int32.init),
                offsetItems: try invocation.integer("--offset", in: 0...Int(Int32.max)).map(Int32.init)))
            if invocation.json {
                return Console.json(.object([("domain", .string(domain)), ("total", .number(response.count)), ("keys", .array(response.keys.map(json)))]))
            }
            guard !response.keys.isEmpty else { return Console.out("(no keys\(response.count > 0 ? " on this page; \(response.count) in all" : ""))") }
            var table = Table("ID", "TYPE", "ALGORITHM", "STATE", "CREATED", "DK", "NAMES")
            for k in response.keys {
                table.add(k.uniqueIdentifier, Format.objectType(k.objectType), Format.algorithm(k.cryptographicAlgorithm, k.cryptographicLength),
                          Format.state(k.state), Format.date(k.initialDate), k.domainKeyVersion.map { "v\($0)" } ?? "-", k.names.joined(separator: ", "))
            }
            Console.out(table.rendered)
            if response.count > Int64(response.keys.count) {
                Console.out("(\(response.keys.count) of \(response.count); --offset and --limit page through the rest)")
            }
        })

    static let show = Command(
        words: ["key", "show"], synopsis: "--domain D ID", summary: "Shows one key's metadata: state, dates, names, revocation, DK version.",
        flags: [Flag("--domain", "D", "the domain")], positionals: 1, connects: true,
        run: { invocation in
            let response: KeepGetKeyResponse = try Connection.call(invocation, KeepGetKeyRequest(
                domainIdentifier: try invocation.required("--domain"), uniqueIdentifier: invocation.positionals[0]))
            report(response.key, invocation, verb: nil)
        })

    static let revoke = Command(
        words: ["key", "revoke"], synopsis: "--domain D ID [--reason REASON] [--message TEXT] [--yes]",
        summary: "Revokes a key: it no longer encrypts. A compromise moves it to compromised, any other reason to deactivated.",
        details: "REASON is compromise, ca-compromise, superseded, cessation (default), affiliation-changed, privilege-withdrawn or unspecified.",
        flags: [Flag("--domain", "D", "the domain"), Flag("--reason", "REASON", "why (default cessation)"),
                Flag("--message", "TEXT", "a note kept with the revocation"), Flag.yes],
        positionals: 1, connects: true,
        run: { invocation in
            let domain = try invocation.required("--domain"), id = invocation.positionals[0]
            let code = try invocation.choice("--reason", [
                "compromise": RevocationReasonCode.keyCompromise, "ca-compromise": .caCompromise, "superseded": .superseded,
                "cessation": .cessationOfOperation, "affiliation-changed": .affiliationChanged, "privilege-withdrawn": .privilegeWithdrawn,
                "unspecified": .unspecified,
            ]) ?? .cessationOfOperation
            try Terminal.confirm("Revoke key \(id) of domain \(domain)? It will no longer encrypt.", invocation)
            let response: KeepRevokeKeyResponse = try Connection.call(invocation, KeepRevokeKeyRequest(
                domainIdentifier: domain, uniqueIdentifier: id, revocationReason: RevocationReason(code, message: invocation.value("--message"))))
            report(response.key, invocation, verb: "revoked")
        })

    static let destroy = Command(
        words: ["key", "destroy"], synopsis: "--domain D ID [--yes]",
        summary: "Destroys a key: its material is erased for good, its metadata kept. An active key must be revoked first.",
        details: "Whatever the key protects (a VM's disks) cannot be decrypted afterwards.",
        flags: [Flag("--domain", "D", "the domain"), Flag.yes], positionals: 1, connects: true,
        run: { invocation in
            let domain = try invocation.required("--domain"), id = invocation.positionals[0]
            try Terminal.confirm("Destroy key \(id) of domain \(domain)? Its material is erased and what it protects can never be decrypted again.", invocation)
            let response: KeepDestroyKeyResponse = try Connection.call(invocation, KeepDestroyKeyRequest(domainIdentifier: domain, uniqueIdentifier: id))
            report(response.key, invocation, verb: "destroyed")
        })

    static func report(_ k: KeepAdminKey, _ invocation: Invocation, verb: String?) {
        if invocation.json { return Console.json(.object([("key", json(k))])) }
        if let verb { return Console.out("key \(k.uniqueIdentifier) \(verb): now \(Format.state(k.state))") }
        var lines = [
            "id             \(k.uniqueIdentifier)",
            "type           \(Format.objectType(k.objectType))",
            "algorithm      \(Format.algorithm(k.cryptographicAlgorithm, k.cryptographicLength))",
            "state          \(Format.state(k.state))\(k.hasKeyMaterial ? "" : " (no key material)")",
            "names          \(k.names.isEmpty ? "-" : k.names.joined(separator: ", "))",
            "created        \(Format.date(k.initialDate))",
            "activated      \(Format.date(k.activationDate))",
            "deactivated    \(Format.date(k.deactivationDate))",
            "compromised    \(Format.date(k.compromiseDate))",
            "destroyed      \(Format.date(k.destroyDate))",
            "last change    \(Format.date(k.lastChangeDate))",
            "domain key     \(k.domainKeyVersion.map { "v\($0)" } ?? "-")",
        ]
        if let reason = k.revocationReason {
            lines.append("revocation     \(reason.code.name ?? reason.code.hexString)\(reason.message.map { ": \($0)" } ?? "")")
        }
        Console.out(lines.joined(separator: "\n"))
    }

    static func json(_ k: KeepAdminKey) -> JSON {
        .object([("id", .string(k.uniqueIdentifier)), ("type", .string(Format.objectType(k.objectType))),
                 ("algorithm", .optional(k.cryptographicAlgorithm.map { $0.name ?? $0.hexString })), ("length", .int(k.cryptographicLength)),
                 ("state", .string(Format.state(k.state))), ("names", .array(k.names.map(JSON.string))),
                 ("createdAt", .date(k.initialDate)), ("activatedAt", .date(k.activationDate)), ("deactivatedAt", .date(k.deactivationDate)),
                 ("compromisedAt", .date(k.compromiseDate)), ("destroyedAt", .date(k.destroyDate)), ("lastChangeAt", .date(k.lastChangeDate)),
                 ("revocationReason", .optional(k.revocationReason.map { $0.code.name ?? $0.code.hexString })),
                 ("revocationMessage", .optional(k.revocationReason?.message)),
                 ("domainKeyVersion", .int(k.domainKeyVersion)), ("hasKeyMaterial", .bool(k.hasKeyMaterial))])
    }
}
