import Foundation

/// A flag a command accepts: a switch (`--yes`) or a flag with a value (`--domain D`), possibly repeated.
struct Flag: Sendable {
    let name: String
    /// The value's placeholder in help (`DIR`); nil for a switch.
    let value: String?
    let help: String
    var repeatable = false

    /// A flag with a value.
    init(_ name: String, _ value: String, _ help: String, repeatable: Bool = false) {
        self.name = name
        self.value = value
        self.help = help
        self.repeatable = repeatable
    }

    /// A switch.
    init(_ name: String, _ help: String) {
        self.name = name
        self.value = nil
        self.help = help
    }

    static let yes = Flag("--yes", "answer yes to the confirmation (for scripts; without a terminal it is required)")
    static let json = Flag("--json", "print JSON for scripts instead of tables")
    /// How every command that talks to keepd reaches it (see `Connection`).
    static let connection: [Flag] = [
        Flag("--server", "HOST:PORT", "keepd's address (default: from the settings file)"),
        Flag("--cert", "FILE", "the administrator's client certificate (PEM)"),
        Flag("--key", "FILE", "the administrator's private key (PEM)"),
        Flag("--admin-cert", "FILE", "the administrator's client certificate, where the command's --cert is another one"),
        Flag("--admin-key", "FILE", "the administrator's private key, with --admin-cert"),
        Flag("--ca", "FILE", "the CA keepd's certificate chains to (PEM)"),
        Flag("--server-name", "NAME", "the name keepd's certificate must carry (default: the host of --server)"),
        Flag("--config", "FILE", "settings file (default: $KEEPCTL_CONFIG, else ~/.config/keep/keepctl.json)"),
    ]
}

/// One command (`keepctl domain create`): its words, what it takes, what it does, and how to run it.
struct Command: Sendable {
    /// `["domain", "create"]`.
    let words: [String]
    /// What follows the words in the usage line, flags included.
    let synopsis: String
    let summary: String
    /// Paragraphs after the usage line in `--help`.
    var details: String = ""
    var flags: [Flag] = []
    /// Positional arguments: exactly this many, unless `variadicPositionals`.
    var positionals: Int = 0
    var optionalPositionals: Int = 0
    /// Talks to keepd: takes the connection flags and `--json`.
    var connects = false
    let run: @Sendable (Invocation) throws -> Void

    /// The command's own flags, then `--json` and the connection flags it does not define itself (`client register
    /// --cert` is the certificate to register; the administrator's is then `--admin-cert`).
    var allFlags: [Flag] {
        let own = Set(flags.map(\.name))
        return flags + (connects ? ([Flag.json] + Flag.connection).filter { !own.contains($0.name) } : [])
    }

    func defines(_ flag: String) -> Bool { flags.contains { $0.name == flag } }

    var help: String {
        var text = "usage: keepctl \(words.joined(separator: " ")) \(synopsis)\n\n\(summary)\n"
        if !details.isEmpty { text += "\n\(details)\n" }
        let flags = allFlags + [Flag("--help", "show this help")]
        let width = flags.map { (flag: Flag) -> Int in flag.name.count + (flag.value.map { $0.count + 1 } ?? 0) }.max() ?? 0
        text += "\nflags:\n"
        for flag in flags {
            let left = flag.name + (flag.value.map { " \($0)" } ?? "")
            text += "  \(left.padding(toLength: width, withPad: " ", startingAt: 0))  \(flag.help)\(flag.repeatable ? " (repeatable)" : "")\n"
        }
        return text
    }
}

/// What a command was given.
struct Invocation: Sendable {
    let command: Command
    var positionals: [String] = []
    var values: [String: [String]] = [:]
    var switches: Set<String> = []

    func value(_ flag: String) -> String? { values[flag]?.last }
    func all(_ flag: String) -> [String] { values[flag] ?? [] }
    func has(_ flag: String) -> Bool { switches.contains(flag) }

    /// A flag's value, which the command requires.
    func required(_ flag: String) throws -> String {
        guard let value = value(flag) else { throw Failure.usage("\(flag) is required (keepctl \(command.words.joined(separator: " ")) --help)") }
        return value
    }

    /// One of `choices` (by its command-line spelling), or nil if the flag is absent.
    func choice<T>(_ flag: String, _ choices: KeyValuePairs<String, T>) throws -> T? {
        guard let text = value(flag) else { return nil }
        guard let match = choices.first(where: { $0.key == text }) else {
            throw Failure.usage("\(flag) is one of \(choices.map(\.key).joined(separator: ", ")), not \(text)")
        }
        return match.value
    }

    func integer(_ flag: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let text = value(flag) else { return nil }
        guard let number = Int(text), range.contains(number) else {
            throw Failure.usage("\(flag) takes a number from \(range.lowerBound) to \(range.upperBound), not \(text)")
        }
        return number
    }

    var json: Bool { has("--json") }

    /// Reads `arguments` (after the command's words) against the command's flags.
    static func parse(_ arguments: [String], for command: Command) throws -> Invocation {
        var invocation = Invocation(command: command)
        let flags = Dictionary(command.allFlags.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var index = 0
        var onlyPositionals = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if onlyPositionals || !argument.hasPrefix("--") || argument == "-" {
                invocation.positionals.append(argument)
                continue
            }
            if argument == "--" { onlyPositionals = true; continue }
            // --flag=value is accepted as well as --flag value.
            let (name, inline) = argument.firstIndex(of: "=").map { (String(argument[..<$0]), String(argument[argument.index(after: $0)...])) } ?? (argument, nil)
            guard let flag = flags[name] else {
                throw Failure.usage("unknown flag \(name) (keepctl \(command.words.joined(separator: " ")) --help)")
            }
            guard flag.value != nil else {
                guard inline == nil else { throw Failure.usage("\(name) takes no value") }
                invocation.switches.insert(name)
                continue
            }
            let value: String
            if let inline {
                value = inline
            } else {
                guard index < arguments.count else { throw Failure.usage("\(name) needs a value (\(flag.value!))") }
                value = arguments[index]
                index += 1
            }
            if !flag.repeatable, invocation.values[name] != nil { throw Failure.usage("\(name) is given twice") }
            invocation.values[name, default: []].append(value)
        }
        let count = invocation.positionals.count
        guard count >= command.positionals, count <= command.positionals + command.optionalPositionals else {
            let expected = command.optionalPositionals == 0 ? "\(command.positionals)" : "\(command.positionals) to \(command.positionals + command.optionalPositionals)"
            throw Failure.usage("keepctl \(command.words.joined(separator: " ")) takes \(expected) argument\(command.positionals + command.optionalPositionals == 1 ? "" : "s"), not \(count): usage: keepctl \(command.words.joined(separator: " ")) \(command.synopsis)")
        }
        return invocation
    }
}
