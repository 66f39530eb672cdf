import Foundation

/// Confirmation before a destructive command, and a progress bar for a long one.
enum Terminal {
    /// Goes on if `--yes` was given, or the operator answers yes at the terminal. Without a terminal and without
    /// `--yes` it refuses: a script must say what it means rather than hang on a prompt nobody sees.
    static func confirm(_ question: String, _ invocation: Invocation) throws {
        if invocation.has("--yes") { return }
        guard Console.stdinIsTerminal else {
            throw Failure.usage("\(question) Not asked without a terminal: add --yes")
        }
        FileHandle.standardError.write(Data("\(question) [y/N] ".utf8))
        let answer = readLine(strippingNewline: true)?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        guard answer == "y" || answer == "yes" else { throw Failure.failed("aborted: nothing was changed") }
    }
}

/// A one-line progress bar on standard error, redrawn in place; silent unless standard error is a terminal.
final class ProgressBar {
    private let label: String
    private let enabled: Bool
    private var lastDrawn = ""
    static let width = 30

    init(_ label: String, enabled: Bool = Console.stderrIsTerminal) {
        self.label = label
        self.enabled = enabled
    }

    func update(done: Int64, total: Int64) {
        guard enabled else { return }
        let fraction = total > 0 ? min(1, Double(done) / Double(total)) : 0
        let filled = Int(fraction * Double(Self.width))
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: Self.width - filled)
        let line = total > 0 ? "\(label) [\(bar)] \(Int(fraction * 100))% \(done)/\(total)" : "\(label) [\(bar)] starting"
        guard line != lastDrawn else { return }
        lastDrawn = line
        FileHandle.standardError.write(Data("\r\u{1B}[K\(line)".utf8))
    }

    func finish() {
        guard enabled, !lastDrawn.isEmpty else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
