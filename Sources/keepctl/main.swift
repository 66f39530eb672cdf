// keepctl: the operator's CLI. `init` and `recover-admin` work on a stopped installation's files, `audit` asks keepd
// or reads the audit log's files (--offline); every other command is a KMIP administration operation sent to keepd over mutual TLS with an
// installation administrator's certificate, so keepd authenticates and audits it like any other request. One file
// per command group under Commands/ (`audit` in AuditCommand.swift, with its own parser); argument parsing, output,
// confirmation and progress in Support/. See docs/operations.md.
import Foundation

/// A command group: its subcommands, or (`audit`) a runner that parses its own arguments and returns the exit status.
typealias Group = (name: String, summary: String, commands: [Command], runner: (@Sendable ([String]) -> Int32)?)

/// The command groups, in the order `keepctl --help` lists them.
let groups: [Group] = [
    ("init", "create a new installation (keepd stopped)", InitCommands.all.filter { $0.words == ["init"] }, nil),
    ("status", "keepd's version, uptime, connections, objects, rotations, audit chain", StatusCommand.all, nil),
    ("domain", "tenant domains: create, list, show, disable, enable, suspend, resume, policy", DomainCommands.all, nil),
    ("client", "client certificates: issue, register, list, revoke", ClientCommands.all, nil),
    ("rotate", "rotate the Root of Trust or a domain's key, online: root, domain, status", RotateCommands.all, nil),
    ("key", "a domain's keys: list, show, revoke, destroy", KeyCommands.all, nil),
    // `keepctl audit` asks keepd, or reads the audit log's files (--offline, --data-dir); its own parser (AuditCommand.swift).
    ("audit", "the audit log, through keepd or from its files: verify, show, export, verify-export", [], { runAudit($0) }),
    ("recover-admin", "a new administrator certificate when all are lost (keepd stopped)", InitCommands.all.filter { $0.words == ["recover-admin"] }, nil),
]

let usage: String = {
    var text = "usage: keepctl COMMAND [ARGUMENTS] [--help]\n\nThe Keep operator's CLI.\n\ncommands:\n"
    let width = groups.map(\.name.count).max() ?? 0
    for group in groups { text += "  \(group.name.padding(toLength: width, withPad: " ", startingAt: 0))  \(group.summary)\n" }
    text += """

        Commands other than init, recover-admin and audit --offline go through keepd over mutual TLS, as an installation
        administrator (a client of the _system domain). They read the settings file keepctl init writes
        (--config FILE, else $KEEPCTL_CONFIG, else ~/.config/keep/keepctl.json); --server, --cert, --key and
        --ca override it. --json prints JSON for scripts.

        Exit status: 0 success; 1 the operation failed; 2 usage; 3 keepd unreachable; 4 TLS or certificate refused.

        """
    return text
}()

func groupUsage(_ group: Group) -> String {
    var text = "usage: keepctl \(group.name) SUBCOMMAND [ARGUMENTS] [--help]\n\n\(group.summary)\n\nsubcommands:\n"
    let width = group.commands.map { $0.words.dropFirst().joined(separator: " ").count }.max() ?? 0
    for command in group.commands {
        text += "  \(command.words.dropFirst().joined(separator: " ").padding(toLength: width, withPad: " ", startingAt: 0))  \(command.summary)\n"
    }
    return text
}

func exit(_ failure: Failure) -> Never {
    Console.error("keepctl: \(failure.description)")
    exit(failure.status)
}

let arguments = Array(CommandLine.arguments.dropFirst())
guard let first = arguments.first else {
    FileHandle.standardError.write(Data(usage.utf8))
    exit(2)
}
if first == "--help" || first == "-h" || first == "help" {
    Console.out(usage)
    exit(0)
}
guard let group = groups.first(where: { $0.name == first }) else {
    exit(Failure.usage("unknown command \(first) (keepctl --help)"))
}
if let runner = group.runner { exit(runner(Array(arguments.dropFirst()))) }
// A group with one command runs it directly (`keepctl status`); otherwise the next word picks the subcommand.
let command: Command
let rest: [String]
if group.commands.count == 1, group.commands[0].words.count == 1 {
    command = group.commands[0]
    rest = Array(arguments.dropFirst())
} else {
    guard arguments.count > 1 else {
        FileHandle.standardError.write(Data(groupUsage(group).utf8))
        exit(2)
    }
    let word = arguments[1]
    if word == "--help" || word == "-h" {
        Console.out(groupUsage(group))
        exit(0)
    }
    guard let match = group.commands.first(where: { $0.words.count == 2 && $0.words[1] == word }) else {
        exit(Failure.usage("unknown subcommand \(group.name) \(word) (keepctl \(group.name) --help)"))
    }
    command = match
    rest = Array(arguments.dropFirst(2))
}
if rest.contains("--help") || rest.contains("-h") {
    Console.out(command.help)
    exit(0)
}
do {
    try command.run(try Invocation.parse(rest, for: command))
    exit(0)
} catch let failure as Failure {
    exit(failure)
} catch {
    exit(Failure.failed(String(describing: error)))
}
