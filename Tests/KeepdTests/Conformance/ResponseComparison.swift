import KMIP
import KeepCrypto

/// Compares the response keepd sent with the response an OASIS test case expects: every item, in order, by tag,
/// type and value, except what `treatment(of:)` and the placeholders make variable. docs/conformance.md ("How
/// responses are compared") states the same rules for readers of the pass counts.
///
/// A mismatch names the path of tags to the item and shows both items, except that byte strings (key material,
/// plaintext, ciphertext, digests) and big integers are shown by length only: a failing run prints no key.
struct ResponseComparison {
    struct Mismatch: CustomStringConvertible {
        let path: String
        let problem: String
        var description: String { "\(path): \(problem)" }
    }

    /// What a run carries from one step to the next.
    struct RunState {
        /// When the test case started (seconds since the epoch): `$NOW` is checked against [started, now].
        let started: Int64
        var bindings: [String: TTLV.Value] = [:]
        /// Keys keepd generated (Create, Re-key): their values, and what is computed from them, are random.
        var generatedKeys: Set<String> = []
        /// Date-times sent literally in a request: a response that echoes one is compared exactly.
        var requestDates: Set<Int64> = []
        /// keepd's responses so far, oldest first.
        var responses: [TTLV] = []

        init(started: Int64) { self.started = started }

        mutating func noteRequest(_ message: TTLV, placeholderPaths: Set<[Int]>) {
            func walk(_ item: TTLV, _ path: [Int]) {
                switch item.value {
                case .structure(let children): for (index, child) in children.enumerated() { walk(child, path + [index]) }
                case .dateTime(let seconds) where !placeholderPaths.contains(path): requestDates.insert(seconds)
                default: break
                }
            }
            walk(message, [])
        }

        mutating func record(_ actual: TTLV) { responses.append(actual) }

        /// The newest item tagged `tag` in a response payload keepd sent.
        func newestResponseItem(tagged tag: Tag) -> TTLV.Value? {
            func find(_ item: TTLV) -> TTLV.Value? {
                if item.tag == tag, item.type != .structure { return item.value }
                for child in item.children { if let found = find(child) { return found } }
                return nil
            }
            for response in responses.reversed() {
                for item in response.all(.batchItem).reversed() {
                    if let payload = item[.responsePayload], let found = find(payload) { return found }
                }
            }
            return nil
        }
    }

    /// How one expected item is checked.
    enum Treatment {
        /// Same tag, type and value.
        case exact
        /// Same tag and type; the value is the server's own (a vendor name, a time the reference server chose).
        case anyValue
        /// Same tag, type and length: random bytes, or bytes computed from a key or IV keepd chose.
        case sameLength
        /// A date-time within the run (the response header's Time Stamp).
        case serverTime
    }

    /// How the children of one expected structure are matched.
    enum Matching {
        /// In order.
        case ordered
        /// In any order, one actual item per expected item, and no actual item left over.
        case unordered
        /// In any order, and the actual structure may hold more items (a server lists what it supports).
        case subset
        /// Not compared: the structure's contents are the server's own.
        case skipped
    }

    /// Query answers that describe the server, not what a profile requires of it.
    static let selfDescription: Set<Tag> = [.serverInformation, .capabilityInformation, .rngParameters, .profileInformation,
                                            .extensionInformation, .validationInformation]

    /// Seconds of slack on `$NOW` checks, for clocks that tick between request and response.
    static let clockSlack: Int64 = 120

    private(set) var state: RunState
    private let request: TTLV
    private let requestPlaceholderPaths: Set<[Int]>
    private var expectedPlaceholders: [[Int]: KMIPXML.Placeholder] = [:]
    private var mismatches: [Mismatch] = []

    init(state: RunState, request: TTLV, requestPlaceholders: [KMIPXML.Placeholder]) {
        self.state = state
        self.request = request
        requestPlaceholderPaths = Set(requestPlaceholders.map(\.path))
    }

    /// What one response batch item's comparison depends on.
    private struct ItemContext {
        var operation: Operation?
        /// The item works on a key keepd generated.
        var generatedKey = false
        /// An Encrypt whose request carries no IV and whose expected answer returns one: the server chose the IV (and
        /// so the ciphertext and tag).
        var serverChoosesIV = false
        /// A Decrypt of data the runner took from an earlier response (a placeholder), whose plaintext is known.
        var dataFromResponse = false
        /// A Discover Versions whose request lists no version: the answer is every version the server speaks.
        var allVersions = false
        /// An Encrypt or Decrypt whose request sends no Correlation Value: one in the answer names a new stream.
        var startsStream = false
        /// Inside an Attribute structure: its (expected) Attribute Name.
        var attributeName: String?
        /// The ancestors' tags, outermost first.
        var ancestors: [Tag] = []
    }

    mutating func compare(expected: KMIPXML.DecodedMessage, actual: TTLV) -> [Mismatch] {
        expectedPlaceholders = Dictionary(expected.placeholders.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        mismatches = []
        noteGeneratedKeys(in: actual)
        guard expected.message.tag == actual.tag else {
            return [Mismatch(path: "/", problem: "expected a \(expected.message.tag), got a \(actual.tag)")]
        }
        compareChildren(expected.message.children, at: [], actual.children, path: actual.tag.description,
                        context: ItemContext(ancestors: [actual.tag]), batchItems: true)
        return mismatches
    }

    /// Create and Re-key responses name keys keepd generated; noted before comparing, so a Get batched after the
    /// Create in the same message is compared as a generated key's. So does a Locate answer naming an object no
    /// earlier response of the run named: keepd made it for the Locate (a fresh key group's key, TC_151).
    private mutating func noteGeneratedKeys(in actual: TTLV) {
        for item in actual.all(.batchItem) {
            guard case .enumeration(let raw)? = item[.operation]?.value, let payload = item[.responsePayload] else { continue }
            let operation = Operation(rawValue: raw)
            if [Operation.create, .reKey, .createKeyPair, .reKeyKeyPair, .deriveKey].contains(operation) {
                for uid in payload.all(.uniqueIdentifier) + payload.all(.privateKeyUniqueIdentifier) + payload.all(.publicKeyUniqueIdentifier) {
                    if case .textString(let text) = uid.value { state.generatedKeys.insert(text) }
                }
            } else if operation == .locate {
                for uid in payload.all(.uniqueIdentifier) {
                    if !state.responses.contains(where: { Self.mentions(uid, in: $0) }), case .textString(let text) = uid.value {
                        state.generatedKeys.insert(text)
                    }
                }
            }
        }
    }

    /// Whether `item` appears anywhere in `message`.
    private static func mentions(_ item: TTLV, in message: TTLV) -> Bool {
        if message == item { return true }
        guard case .structure(let children) = message.value else { return false }
        return children.contains { mentions(item, in: $0) }
    }

    /// The request batch item a response batch item answers: the one with its Unique Batch Item ID, else the
    /// one at its position.
    private static func requestItem(for response: TTLV?, index: Int, in items: [TTLV]) -> TTLV? {
        if let id = response?[.uniqueBatchItemID], let match = items.first(where: { $0[.uniqueBatchItemID] == id }) { return match }
        return items.indices.contains(index) ? items[index] : nil
    }

    private func itemContext(expected: TTLV, actual: TTLV?, request: TTLV?) -> ItemContext {
        var context = ItemContext()
        if case .enumeration(let raw)? = expected[.operation]?.value { context.operation = Operation(rawValue: raw) }
        let requestPayload = request?[.requestPayload]
        var uids: [String] = []
        for item in [requestPayload?[.uniqueIdentifier], actual?[.responsePayload]?[.uniqueIdentifier]] {
            if case .textString(let text)? = item?.value { uids.append(text) }
        }
        context.generatedKey = uids.contains(where: state.generatedKeys.contains)
        if context.operation == .discoverVersions {
            context.allVersions = requestPayload?[.protocolVersion] == nil
        }
        if context.operation == .encrypt || context.operation == .mac {
            // The reference server chose the IV when the request sent none and its answer carries one (CBC with Random
            // IV, GCM); an ECB answer carries none and is compared exactly.
            context.serverChoosesIV = requestPayload?[.ivCounterNonce] == nil && expected[.responsePayload]?[.ivCounterNonce] != nil
        }
        if context.operation == .encrypt || context.operation == .decrypt {
            context.startsStream = requestPayload?[.correlationValue] == nil
        }
        if context.operation == .decrypt, let request, let requestIndex = self.request.children.firstIndex(of: request),
           let payloadIndex = request.children.firstIndex(where: { $0.tag == .requestPayload }),
           let dataIndex = requestPayload?.children.firstIndex(where: { $0.tag == .data }) {
            context.dataFromResponse = requestPlaceholderPaths.contains([requestIndex, payloadIndex, dataIndex])
        }
        return context
    }

    // MARK: Rules

    /// How an expected primitive is checked, from its tag, where it is and what the batch item does.
    private func treatment(of item: TTLV, context: ItemContext) -> Treatment {
        let tag = item.tag
        let parent = context.ancestors.last
        if parent == .responseHeader {
            if tag == .timeStamp { return .serverTime }
            // A server-chosen identifier for the exchange (KMIP 1.4 §6.22): its value is the server's own.
            if tag == .serverCorrelationValue { return .anyValue }
            return .exact
        }
        if case .dateTime(let seconds) = item.value, !state.requestDates.contains(seconds) {
            // A date the reference server set when the case was recorded (the KMIP 1.1 cases carry literal 2012
            // dates; the 1.4 cases write $NOW, handled as a placeholder).
            return .anyValue
        }
        switch context.operation {
        case .query?:
            if tag == .vendorIdentification { return .anyValue }
        case .rngRetrieve?:
            if tag == .data { return .sameLength }
        case .encrypt?:
            if [.data, .ivCounterNonce, .authenticatedEncryptionTag].contains(tag) && (context.generatedKey || context.serverChoosesIV) {
                return .sameLength
            }
        case .decrypt?:
            if tag == .data && context.generatedKey && !context.dataFromResponse { return .sameLength }
        case .mac?:
            if tag == .macData && context.generatedKey { return .sameLength }
        default:
            break
        }
        if context.generatedKey && item.type == .byteString && (context.ancestors.contains(.keyValue) || tag == .digestValue) {
            return .sameLength
        }
        return .exact
    }

    /// How the children of an expected structure are matched.
    private func matching(of item: TTLV, context: ItemContext) -> Matching {
        guard item.tag == .responsePayload else {
            // What a Query answer says about the server itself (its information, capabilities, generators,
            // profiles, extensions, validations) is the server's own: an item of the kind is required, its contents
            // are not compared.
            if context.operation == .query && Self.selfDescription.contains(item.tag) { return .skipped }
            // The generator a server draws keys from is its own (the reference server's is ANSI X9.31, keepd's a
            // NIST SP 800-90A CTR_DRBG); that the attribute is there is compared.
            if item.tag == .attributeValue && context.attributeName == "Random Number Generator" { return .skipped }
            return .ordered
        }
        switch context.operation {
        // Every version the server speaks, best first: the versions the reference server spoke must be among them.
        case .discoverVersions? where context.allVersions: return .subset
        // KMIP lists attributes and attribute names without an order.
        case .getAttributes?, .getAttributeList?: return .unordered
        // Query lists what the server supports: the operations and object types the profile requires must be
        // there; a server may support more.
        case .query?: return .subset
        default: return .ordered
        }
    }

    // MARK: Walking the trees

    /// Compares children; `enter` gives the context for each expected child (batch items get their own).
    private mutating func compareChildren(_ expected: [TTLV], at expectedPath: [Int], _ actual: [TTLV], path: String, context: ItemContext,
                                          matching: Matching = .ordered, batchItems: Bool = false) {
        // The Result Message is free text (KMIP: "a more descriptive error message"); present or not, it is not compared.
        let wanted = expected.enumerated().filter { $0.element.tag != .resultMessage && !Self.isLeaseTime($0.element) }
        let got = actual.enumerated().filter { $0.element.tag != .resultMessage }
        var names = NameCounter()
        switch matching {
        case .skipped:
            return
        case .ordered:
            var next = 0
            for (index, child) in wanted {
                let childPath = names.path(path, child.tag)
                if let position = got[next...].firstIndex(where: { $0.element.tag == child.tag }) {
                    for extra in got[next..<position] { report(names.path(path, extra.element.tag), "unexpected item \(Self.describe(extra.element))") }
                    let actualChild = got[position].element
                    var childContext = context
                    if batchItems && child.tag == .batchItem {
                        let requestItems = request.all(.batchItem)
                        let batchIndex = wanted.prefix { $0.offset < index }.filter { $0.element.tag == .batchItem }.count
                        childContext = itemContext(expected: child, actual: actualChild,
                                                   request: Self.requestItem(for: actualChild, index: batchIndex, in: requestItems))
                        childContext.ancestors = context.ancestors
                    }
                    compareItem(child, at: expectedPath + [index], actualChild, path: childPath, context: childContext)
                    next = position + 1
                } else {
                    report(childPath, "missing \(Self.describe(child))")
                }
            }
            for extra in got[next...] { report(names.path(path, extra.element.tag), "unexpected item \(Self.describe(extra.element))") }
        case .unordered, .subset:
            var used = Set<Int>()
            // Items without an unbound placeholder first, so that a placeholder binds to what is left.
            let ordered = wanted.filter { !hasUnboundPlaceholder($0.element, at: expectedPath + [$0.offset]) }
                + wanted.filter { hasUnboundPlaceholder($0.element, at: expectedPath + [$0.offset]) }
            for (index, child) in ordered {
                let childPath = names.path(path, child.tag)
                var matched = false
                for (position, candidate) in got.enumerated() where !used.contains(position) && candidate.element.tag == child.tag {
                    var trial = self
                    trial.mismatches = []
                    trial.compareItem(child, at: expectedPath + [index], candidate.element, path: childPath, context: context)
                    if trial.mismatches.isEmpty {
                        let kept = mismatches
                        self = trial
                        mismatches = kept
                        used.insert(position)
                        matched = true
                        break
                    }
                }
                if !matched { report(childPath, "no item matches the expected \(Self.describe(child, deep: true))") }
            }
            if matching == .unordered {
                for (position, extra) in got.enumerated() where !used.contains(position) {
                    report(path + "/" + extra.element.tag.description, "unexpected item \(Self.describe(extra.element, deep: true))")
                }
            }
        }
    }

    private mutating func compareItem(_ expected: TTLV, at expectedPath: [Int], _ actual: TTLV, path: String, context: ItemContext) {
        if let placeholder = expectedPlaceholders[expectedPath] {
            // Each stream has a Correlation Value of its own, which the file writes with the same name every time
            // (TC-STREAM-ENC-1 starts three streams): the answer that starts a stream binds the name afresh.
            checkPlaceholder(placeholder, actual, path: path, rebinding: context.startsStream && expected.tag == .correlationValue)
            return
        }
        guard expected.type == actual.type else {
            report(path, "expected \(Self.describe(expected)), got \(Self.describe(actual))")
            return
        }
        if case .structure(let children) = expected.value {
            var inner = context
            inner.ancestors.append(expected.tag)
            if expected.tag == .attribute, case .textString(let name)? = expected[.attributeName]?.value {
                inner.attributeName = Self.normalized(name)
            }
            compareChildren(children, at: expectedPath, actual.children, path: path, context: inner, matching: matching(of: expected, context: context))
            return
        }
        switch treatment(of: expected, context: context) {
        case .exact where expected.tag == .attributeName:
            // The KMIP 1.1 files, converted from the PDF, space some names irregularly ("Cryptographic   Length").
            if case .textString(let e) = expected.value, case .textString(let a) = actual.value, Self.normalized(e) == a { break }
            report(path, "expected \(Self.describe(expected)), got \(Self.describe(actual))")
        case .exact:
            if !Self.equal(expected.value, actual.value) { report(path, "expected \(Self.describe(expected)), got \(Self.describe(actual))") }
        case .anyValue:
            break
        case .sameLength:
            if Self.length(expected.value) != Self.length(actual.value) {
                report(path, "expected \(Self.describe(expected)), got \(Self.describe(actual)) (random or key-dependent: length compared)")
            }
        case .serverTime:
            checkTime(actual, offset: 0, path: path)
        }
    }

    /// `rebinding`: the placeholder takes the actual value even if bound, which must then differ from the bound one.
    private mutating func checkPlaceholder(_ placeholder: KMIPXML.Placeholder, _ actual: TTLV, path: String, rebinding: Bool = false) {
        guard actual.type == placeholder.type else {
            report(path, "expected \(placeholder.type.name) \(placeholder.text), got \(Self.describe(actual))")
            return
        }
        if rebinding {
            if let bound = state.bindings[placeholder.name], Self.equal(bound, actual.value) {
                report(path, "\(placeholder.text) of a new stream repeats the previous stream's value")
            }
            state.bindings[placeholder.name] = actual.value
        } else if placeholder.name == "NOW" {
            checkTime(actual, offset: placeholder.offset, path: path)
        } else if let bound = state.bindings[placeholder.name] {
            if !Self.equal(bound, actual.value) {
                report(path, "expected \(placeholder.text) = \(Self.describe(TTLV(actual.tag, bound))), got \(Self.describe(actual))")
            }
        } else {
            state.bindings[placeholder.name] = actual.value
        }
    }

    private mutating func checkTime(_ actual: TTLV, offset: Int64, path: String) {
        let seconds: Int64
        switch actual.value {
        case .dateTime(let s): seconds = s
        case .dateTimeExtended(let micros): seconds = micros / 1_000_000
        default:
            report(path, "expected a date-time, got \(Self.describe(actual))")
            return
        }
        let low = state.started + offset - Self.clockSlack, high = OASISRunner.now() + offset + Self.clockSlack
        if seconds < low || seconds > high {
            report(path, "date-time \(Self.describe(actual)) is not the run's time\(offset == 0 ? "" : " \(offset > 0 ? "+" : "")\(offset) s")")
        }
    }

    private func hasUnboundPlaceholder(_ item: TTLV, at path: [Int]) -> Bool {
        expectedPlaceholders.contains { key, placeholder in
            key.starts(with: path) && placeholder.name != "NOW" && state.bindings[placeholder.name] == nil
        }
    }

    private mutating func report(_ path: String, _ problem: String) {
        mismatches.append(Mismatch(path: path, problem: problem))
    }

    // MARK: Values

    static func normalized(_ name: String) -> String {
        name.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).joined(separator: " ")
    }

    /// Lease Time belongs to leases (Obtain Lease), which Keep does not grant; KMIP lets a server leave the
    /// attribute unset (it is not one that "shall always have a value"). The reference servers set it, so an
    /// expected Lease Time in an attribute list is not required of keepd. Every other attribute is.
    static func isLeaseTime(_ item: TTLV) -> Bool {
        switch item.tag {
        case .attributeName: if case .textString(let name) = item.value { return normalized(name) == "Lease Time" }
        case .attribute: if case .textString(let name)? = item[.attributeName]?.value { return normalized(name) == "Lease Time" }
        default: break
        }
        return false
    }

    /// Byte strings are compared as SecureBytes (constant time, and never printed).
    private static func equal(_ a: TTLV.Value, _ b: TTLV.Value) -> Bool {
        switch (a, b) {
        case (.byteString(let x), .byteString(let y)): SecureBytes(x) == SecureBytes(y)
        default: a == b
        }
    }

    private static func length(_ value: TTLV.Value) -> Int? {
        switch value {
        case .byteString(let bytes), .bigInteger(let bytes): bytes.count
        case .textString(let text): text.utf8.count
        default: nil
        }
    }

    /// An item for a failure message: its XML form, with byte strings and big integers by length only.
    static func describe(_ item: TTLV, deep: Bool = false) -> String {
        switch item.value {
        case .byteString(let bytes): return "<\(item.tag) type=\"ByteString\" (\(bytes.count) bytes)/>"
        case .bigInteger(let bytes): return "<\(item.tag) type=\"BigInteger\" (\(bytes.count) bytes)/>"
        case .structure(let children):
            guard deep, children.count <= 6 else { return "<\(item.tag)> (\(children.count) items)" }
            return "<\(item.tag)>" + children.map { describe($0, deep: true) }.joined() + "</\(item.tag)>"
        default: return KMIPXML.encode(item, indent: false)
        }
    }

    /// Builds `Tag[n]` path components, numbering repeated tags.
    private struct NameCounter {
        var seen: [Tag: Int] = [:]
        mutating func path(_ parent: String, _ tag: Tag) -> String {
            let n = seen[tag, default: 0]
            seen[tag] = n + 1
            return "\(parent)/\(tag)\(n == 0 ? "" : "[\(n)]")"
        }
    }
}
