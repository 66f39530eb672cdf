import KMIP

/// `keepctl status`: keepd at a glance.
enum StatusCommand {
    static let all = [status]

    static let status = Command(
        words: ["status"], synopsis: "",
        summary: "Shows keepd's version, uptime, connections, the Root of Trust version, objects per domain, rotations and the audit chain's head.",
        connects: true,
        run: { invocation in
            let r: KeepServerStatusResponse = try Connection.call(invocation, KeepServerStatusRequest())
            if invocation.json {
                return Console.json(.object([
                    ("version", .string(r.serverVersion)), ("node", .string(r.nodeIdentifier)), ("uptimeSeconds", .number(Int64(r.uptime.seconds))),
                    ("connections", .int(r.connections)), ("requestsInProgress", .int(r.requestsInProgress)),
                    ("rootOfTrustVersion", .int(r.rootOfTrustVersion)),
                    ("domains", .array(r.domains.map { s in
                        .object([("domain", DomainCommands.json(s.domain)),
                                 ("objects", .object(s.objectCounts.map { (Format.state($0.state), .number($0.count)) }
                                                     + [("total", .number(s.objectCounts.reduce(0) { $0 + $1.count }))]))])
                    })),
                    ("rotations", .array(r.rotations.map(RotateCommands.json))),
                    ("auditChainHead", .optional(r.auditChainHead)),
                ]))
            }
            Console.out("""
                keepd          \(r.serverVersion) on \(r.nodeIdentifier), up \(Format.duration(r.uptime.seconds))
                connections    \(r.connections) open, \(r.requestsInProgress) request\(r.requestsInProgress == 1 ? "" : "s") in progress
                root of trust  v\(r.rootOfTrustVersion)
                audit chain    \(r.auditChainHead ?? "none: this keepd runs without an audit log (audit.enabled is false)")
                rotations      \(r.rotations.isEmpty ? "none" : r.rotations.map(RotateCommands.describe).joined(separator: "\n               "))

                """)
            guard !r.domains.isEmpty else { return Console.out("(no tenant domains)") }
            var table = Table("DOMAIN", "STATE", "SUBSCRIPTION", "DK", "ACTIVE", "OTHER", "TOTAL")
            for s in r.domains {
                let total = s.objectCounts.reduce(0) { $0 + $1.count }
                let active = s.objectCounts.first { $0.state == .active }?.count ?? 0
                table.add(s.domain.identifier, s.domain.enabled ? "enabled" : "disabled", s.domain.subscriptionActive ? "active" : "suspended",
                          "v\(s.domain.domainKeyVersion)", String(active), String(total - active), String(total))
            }
            Console.out(table.rendered)
        })
}
