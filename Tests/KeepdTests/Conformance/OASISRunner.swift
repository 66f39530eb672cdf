import KeepdTestSupport
import Foundation
import KMIP
import KeepCrypto

/// Runs one OASIS test case against keepd over one connection: each request with its placeholders bound, sent as
/// TTLV, and the response compared with the expected one (`ResponseComparison`).
///
/// Placeholders (`$NAME` or `$NAME±seconds` in the XML):
/// - `$NOW±k` in a request is the runner's clock plus k seconds when the request is sent.
/// - Any other placeholder is bound the first time it appears: in an expected response, to the value keepd
///   returned at that place (`$UNIQUE_IDENTIFIER_0` in a Create response); in a request that uses it before any
///   response defined it (`$DATA_0`, `$IV_COUNTER_NONCE` in CS-BC-M-13, standing for the ciphertext and IV of the
///   Encrypt just before), to the newest item with the same tag in a response keepd sent in this case. Every
///   later use substitutes the bound value in a request and requires it in a response.
final class OASISRunner {
    struct StepFailure: CustomStringConvertible {
        let step: Int
        let operations: String
        let mismatches: [ResponseComparison.Mismatch]

        var description: String {
            let shown = mismatches.prefix(8).map { "    \($0)" }.joined(separator: "\n")
            let more = mismatches.count > 8 ? "\n    … \(mismatches.count - 8) more" : ""
            return "  step \(step) (\(operations)):\n\(shown)\(more)"
        }
    }

    struct Outcome {
        let testCase: OASISTestCase
        let steps: Int
        let failures: [StepFailure]
        var passed: Bool { failures.isEmpty }

        var report: String {
            guard !passed else { return "\(testCase.id): passed (\(steps) steps)" }
            let shown = failures.prefix(3).map(\.description).joined(separator: "\n")
            let more = failures.count > 3 ? "\n  … \(failures.count - 3) more failing steps" : ""
            return "\(testCase.id): FAILED at \(failures.count) of \(steps) steps\n\(shown)\(more)"
        }
    }

    private let connection: KMIPTestConnection
    private var state: ResponseComparison.RunState

    /// `continuing`: the runner of the case this one continues (same domain), whose generated keys and request
    /// dates it inherits (its placeholders are its own: each file numbers them from 0).
    init(connection: KMIPTestConnection, continuing previous: OASISRunner? = nil) {
        self.connection = connection
        state = ResponseComparison.RunState(started: previous?.state.started ?? Self.now())
        state.generatedKeys = previous?.state.generatedKeys ?? []
        state.requestDates = previous?.state.requestDates ?? []
    }

    static func now() -> Int64 { Int64(Date().timeIntervalSince1970) }

    func run(_ testCase: OASISTestCase) -> Outcome {
        let steps: [OASISTestCase.Step]
        do {
            steps = try testCase.steps()
        } catch {
            return Outcome(testCase: testCase, steps: 0, failures: [StepFailure(step: 0, operations: "reading the file",
                                                                                mismatches: [.init(path: testCase.path, problem: "\(error)")])])
        }
        var failures: [StepFailure] = []
        for (index, step) in steps.enumerated() {
            let deadline = ContinuousClock.now + (step.repeatsUntilMatched ? Self.repeatLimit : .zero)
            var mismatches = send(step)
            while !mismatches.isEmpty, ContinuousClock.now < deadline {
                Thread.sleep(forTimeInterval: Self.repeatInterval)
                mismatches = send(step)
            }
            if !mismatches.isEmpty {
                failures.append(StepFailure(step: index + 1, operations: Self.operations(in: step.request.message), mismatches: mismatches))
            }
        }
        return Outcome(testCase: testCase, steps: steps.count, failures: failures)
    }

    /// How long a step marked to repeat (`OASISTestCase.Step.repeatsUntilMatched`) is sent again before it fails:
    /// the longest wait a file asks for (TC_92: 120 s) and a margin.
    static let repeatLimit = Duration.seconds(150)
    static let repeatInterval: TimeInterval = 2

    /// Sends one step's request and compares keepd's answer: the mismatches. The run's bindings move on only when
    /// the answer matched, or when the step is not repeated, so that a repeated attempt starts from the same state.
    private func send(_ step: OASISTestCase.Step) -> [ResponseComparison.Mismatch] {
        let saved = state
        let (request, unbound) = prepare(step.request)
        var mismatches = unbound.map { ResponseComparison.Mismatch(path: "request", problem: "placeholder \($0) has no value to stand for") }
        do {
            let bytes = try connection.roundTrip(TTLVEncoder.encode(request))
            let actual = try TTLVDecoder().decodeMessage(bytes)
            var comparison = ResponseComparison(state: state, request: request, requestPlaceholders: step.request.placeholders)
            mismatches += comparison.compare(expected: step.response, actual: actual)
            state = comparison.state
            state.record(actual)
        } catch {
            mismatches.append(.init(path: "transport", problem: "\(error)"))
        }
        if !mismatches.isEmpty && step.repeatsUntilMatched { state = saved }
        return mismatches
    }

    /// The request with every placeholder replaced; the names that could not be bound (left as their stand-ins).
    private func prepare(_ decoded: KMIPXML.DecodedMessage) -> (TTLV, [String]) {
        var message = decoded.message
        var unbound: [String] = []
        for placeholder in decoded.placeholders {
            let value: TTLV.Value?
            if placeholder.name == "NOW" {
                let seconds = Self.now() + placeholder.offset
                value = placeholder.type == .dateTimeExtended ? .dateTimeExtended(seconds * 1_000_000) : .dateTime(seconds)
            } else if let bound = state.bindings[placeholder.name] {
                value = bound
            } else if let found = state.newestResponseItem(tagged: placeholder.tag) {
                state.bindings[placeholder.name] = found
                value = found
            } else {
                value = nil
            }
            if let value { message.replaceValue(at: placeholder.path, with: value) } else { unbound.append(placeholder.text) }
        }
        state.noteRequest(message, placeholderPaths: Set(decoded.placeholders.map(\.path)))
        return (message, unbound)
    }

    private static func operations(in request: TTLV) -> String {
        request.all(.batchItem).map { item in
            guard case .enumeration(let raw)? = item[.operation]?.value else { return "?" }
            return Operation(rawValue: raw).description
        }.joined(separator: "+")
    }
}
