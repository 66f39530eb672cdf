import KeepdTestSupport
import Foundation
import KMIP

/// One OASIS test-case file: the requests a client sends, each with the response the specification expects.
///
/// The vectors are the copies under Tests/KMIPTests/Vectors/kmip-xml (identical to the OASIS and ovh-kmip-go
/// originals), read by relative path so that the suite runs on a fresh clone.
struct OASISTestCase: Sendable, CustomStringConvertible {
    /// The file name without `.xml`: `SKLC-M-1-14`, `TC_311_11_Create_Destroy`.
    let id: String
    /// Path below `kmip-xml/`.
    let path: String
    let profile: OASISProfile
    /// Test cases that continue another's objects run in one domain, in catalog order (SASED-M-2 registers the
    /// secret SASED-M-3 locates; TL-M-2 creates the keys TL-M-3 locates). Every other case has a domain of its own.
    let domainGroup: String

    var description: String { id }

    struct Step: Sendable {
        let request: KMIPXML.DecodedMessage
        let response: KMIPXML.DecodedMessage
        /// The step after one the file marks `# [REPEAT] until <condition>`: its expected response is that
        /// condition (TC_92's State Deactivated, once the Deactivation Date set 120 s ahead has passed), so the
        /// runner sends it again until keepd's answer matches, up to `OASISRunner.repeatLimit`.
        var repeatsUntilMatched = false
    }

    /// Whether a step of this case waits for time to pass (`Step.repeatsUntilMatched`): such a case runs apart from
    /// the others, so its wait overlaps the rest of the suite.
    var waits: Bool { (try? steps().contains(where: \.repeatsUntilMatched)) ?? false }

    static let vectorsDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("KMIPTests/Vectors/kmip-xml")

    /// Reads the file: messages alternate request, expected response.
    func steps() throws -> [Step] {
        let xml = try String(contentsOf: Self.vectorsDirectory.appendingPathComponent(path), encoding: .utf8)
        let messages = try KMIPXML.decode(xml, options: .testCase)
        var steps: [Step] = []
        var index = 0
        while index < messages.count {
            guard messages[index].message.tag == .requestMessage, index + 1 < messages.count,
                  messages[index + 1].message.tag == .responseMessage else {
                throw KeepdTestError("\(id): message \(index) is not a request followed by its response")
            }
            steps.append(Step(request: messages[index], response: messages[index + 1]))
            index += 2
        }
        for marked in Self.repeatedSteps(in: xml) where marked + 1 < steps.count { steps[marked + 1].repeatsUntilMatched = true }
        return steps
    }

    /// The indexes of the steps a `# [REPEAT]` line comes before: the number of requests above the line.
    private static func repeatedSteps(in xml: String) -> [Int] {
        var requests = 0, marked: [Int] = []
        for line in xml.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.contains("<RequestMessage") { requests += 1 }
            if line.trimmingCharacters(in: .whitespaces).hasPrefix("# [REPEAT]") { marked.append(requests) }
        }
        return marked
    }
}

/// The groups pass counts are reported by: the KMIP 1.4 profiles in scope, and the two ovh-kmip-go folders.
enum OASISProfile: String, CaseIterable, Sendable {
    case sklc = "SKLC"
    case skff = "SKFF"
    case csbc = "CS-BC"
    case csrng = "CS-RNG"
    case omos = "OMOS"
    case qs = "QS"
    case sased = "SASED"
    case tl = "TL"
    case ovh11 = "ovh v1.1"
    case ovh14 = "ovh v1.4"

    var title: String {
        switch self {
        case .sklc: "Symmetric Key Lifecycle"
        case .skff: "Symmetric Key Foundry for FIPS 140"
        case .csbc: "Cryptographic Services: Basic Cryptography"
        case .csrng: "Cryptographic Services: RNG"
        case .omos: "Opaque Managed Object Store"
        case .qs: "Query Server"
        case .sased: "Storage Array with Self-Encrypting Drives"
        case .tl: "Tape Library"
        case .ovh11: "KMIP 1.1 test cases (ovh-kmip-go-testdata/v1.1)"
        case .ovh14: "KMIP 1.4 test cases (ovh-kmip-go-testdata/v1.4)"
        }
    }
}
