// keepd: the Keep KMIP server. Reads its configuration (a JSON file, then flags), opens the installation and
// serves KMIP over mutual TLS until SIGTERM. See docs/operations.md.
import Foundation
import KeepServer

let usage = """
    usage: keepd [--config FILE] [--listen HOST:PORT] [--data-dir DIR] [--node-id ID]
                 [--log-level debug|info|warning|error] [--log-file FILE] [--max-connections N]

    Serves KMIP (1.0 to 2.1) over mutual TLS. Every setting has a default (docs/operations.md); the
    configuration file overrides the defaults and flags override the file. The HSM partition PIN comes
    from the file named by hsm.pinFile, or else from the environment variable KEEP_HSM_PIN.
    SIGTERM drains in-flight requests and exits; SIGHUP reloads the TLS certificates.

    """

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("keepd: \(message)\n".utf8))
    exit(1)
}

var arguments = Array(CommandLine.arguments.dropFirst())
if arguments.contains("--help") || arguments.contains("-h") {
    FileHandle.standardOutput.write(Data(usage.utf8))
    exit(0)
}

var configuration = ServerConfiguration()
if let index = arguments.firstIndex(of: "--config") {
    guard index + 1 < arguments.count else { fail("--config needs a file") }
    do { configuration = try ServerConfiguration.load(path: arguments[index + 1]) } catch { fail(error.description) }
    arguments.removeSubrange(index...(index + 1))
}
do { try configuration.apply(flags: arguments) } catch { fail("\(error.description) (keepd --help)") }

let daemon: Daemon
do {
    daemon = try Daemon(configuration: configuration)
} catch {
    fail("cannot start: \(error)")
}
exit(daemon.run())
