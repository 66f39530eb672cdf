import Testing
@testable import KMIP

/// Properties over many generated inputs, from fixed seeds: encode → decode is the identity and encoding is
/// deterministic, for trees of every item type nested up to the depth limit; and mutated real messages never
/// crash the decoder (it returns or throws TTLVError, and whatever it accepts re-encodes bit-identically).
@Suite("TTLV properties")
struct TTLVPropertyTests {
    @Test("encode → decode is the identity, and encoding is deterministic", arguments: [1, 2, 3, 4] as [UInt64])
    func roundTrip(seed: UInt64) throws {
        var generator = TreeGenerator(seed: seed)
        var typesSeen = Set<UInt8>()
        var deepest = 0
        for index in 0..<500 {
            // Every fourth tree reaches the depth limit exactly.
            let tree = index % 4 == 0 ? generator.chain(toDepth: TTLVLimits.defaultMaxDepth) : generator.tree(depth: 0)
            let bytes = tree.encoded()
            #expect(bytes.count % 8 == 0)
            #expect(tree.encoded() == bytes, "seed \(seed) tree \(index): encoding changed between two calls")
            let decoded = try TTLVDecoder().decodeItem(bytes)
            #expect(decoded == tree, "seed \(seed) tree \(index)")
            if tree.type == .structure {
                #expect(try TTLVDecoder().decodeMessage(bytes) == tree, "seed \(seed) tree \(index)")
            }
            typesSeen.formUnion(tree.allTypes)
            deepest = max(deepest, tree.structureDepth)
        }
        #expect(typesSeen.count == TTLVType.allCases.count)
        #expect(deepest == TTLVLimits.defaultMaxDepth)
    }

    @Test("random mutations of real messages: no crash, and what decodes re-encodes identically")
    func mutations() {
        var random = SeededRandom(seed: 0x4B45_4550)
        let messages = TTLVCodecTests.wireMessages.map(\.bytes)
        var accepted = 0
        for iteration in 0..<4000 {
            var bytes = messages[Int.random(in: 0..<messages.count, using: &random)]
            for _ in 0..<Int.random(in: 1...4, using: &random) { mutate(&bytes, &random) }
            accepted += decodeAll(bytes, split: bytes.isEmpty ? 0 : Int.random(in: 0...bytes.count, using: &random), iteration)
        }
        // Mutations hitting value bytes leave a valid message: the run must exercise both outcomes.
        #expect(accepted > 100 && accepted < 3900, "\(accepted) of 4000 mutated messages decoded")
    }

    /// Runs every decoder entry point over `bytes`; returns 1 if decodeMessage accepted them.
    private func decodeAll(_ bytes: [UInt8], split: Int, _ iteration: Int) -> Int {
        var accepted = 0
        do throws(TTLVError) {
            let item = try TTLVDecoder().decodeMessage(bytes)
            #expect(item.encoded() == bytes, "mutation \(iteration) decoded but did not re-encode identically")
            accepted = 1
        } catch {}
        do throws(TTLVError) {
            let item = try TTLVDecoder().decodeItem(bytes)
            #expect(item.encoded() == bytes, "mutation \(iteration): decodeItem round trip")
        } catch {}
        do throws(TTLVError) {
            if case .message(let item, let count) = try TTLVDecoder().decodeFrame(bytes) {
                #expect(item.encoded()[...] == bytes[..<count], "mutation \(iteration): decodeFrame round trip")
            }
        } catch {}
        var buffer = TTLVFrameBuffer()
        do throws(TTLVError) {
            buffer.append(bytes[..<split])
            while try buffer.nextMessage() != nil {}
            buffer.append(bytes[split...])
            while try buffer.nextMessage() != nil {}
        } catch {}
        return accepted
    }

    /// One libFuzzer-style mutation: flip a bit, set a byte to an interesting value, insert, erase, or truncate.
    private func mutate(_ bytes: inout [UInt8], _ random: inout SeededRandom) {
        guard !bytes.isEmpty else { bytes = random.bytes(8); return }
        let at = Int.random(in: 0..<bytes.count, using: &random)
        switch Int.random(in: 0..<6, using: &random) {
        case 0: bytes[at] ^= 1 << UInt8.random(in: 0..<8, using: &random)
        case 1: bytes[at] = [0x00, 0x01, 0x02, 0x07, 0x08, 0x0B, 0x0C, 0x42, 0x7F, 0x80, 0xFF].randomElement(using: &random)!
        case 2: bytes.insert(contentsOf: random.bytes(Int.random(in: 1...9, using: &random)), at: at)
        case 3: bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...16, using: &random)))
        case 4: bytes.removeLast(Int.random(in: 0...min(bytes.count, 16), using: &random))
        default:
            // Overwrite an aligned length field (bytes 4–7 of an 8-byte header) with a nearby value.
            let header = (at / 8) * 8 + 4
            if header + 4 <= bytes.count { bytes[header + 3] &+= UInt8.random(in: 1...16, using: &random) }
        }
    }
}

/// Random TTLV trees with every item type, tags from the spec, extension and arbitrary ranges, and values that
/// the encoder writes canonically (big integers already a multiple of 8 bytes, so decode gives back the same value).
private struct TreeGenerator {
    var random: SeededRandom

    init(seed: UInt64) {
        random = SeededRandom(seed: seed)
    }

    mutating func tag() -> KMIP.Tag {
        switch Int.random(in: 0..<3, using: &random) {
        case 0: Tag(rawValue: UInt32.random(in: 0x42_0001...0x42_0160, using: &random))
        case 1: Tag(rawValue: UInt32.random(in: 0x54_0000...0x54_FFFF, using: &random))
        default: Tag(rawValue: UInt32.random(in: 0...0xFF_FFFF, using: &random))
        }
    }

    /// A tree whose root is at `depth` (the message is depth 0); structures only while under the limit.
    mutating func tree(depth: Int) -> TTLV {
        let types = depth < TTLVLimits.defaultMaxDepth ? TTLVType.allCases : TTLVType.allCases.filter { $0 != .structure }
        let type = types.randomElement(using: &random)!
        if type == .structure {
            let count = Int.random(in: 0...(depth < 3 ? 5 : 2), using: &random)
            return .structure(tag(), (0..<count).map { _ in tree(depth: depth + 1) })
        }
        return TTLV(tag(), primitive(type))
    }

    /// `depth` structures, each inside the one before, with random siblings along the way.
    mutating func chain(toDepth depth: Int) -> TTLV {
        var inner = TTLV.structure(tag(), [])
        for level in (0..<(depth - 1)).reversed() {
            var children = [inner]
            if random.chance(50) { children.insert(tree(depth: level + 1), at: Int.random(in: 0...1, using: &random)) }
            inner = .structure(tag(), children)
        }
        return inner
    }

    mutating func primitive(_ type: TTLVType) -> TTLV.Value {
        switch type {
        case .structure: .structure([])
        case .integer: .integer(Int32.random(in: .min ... .max, using: &random))
        case .longInteger: .longInteger(Int64.random(in: .min ... .max, using: &random))
        case .bigInteger: .bigInteger(random.bytes(8 * Int.random(in: 1...4, using: &random)))
        case .enumeration: .enumeration(UInt32.random(in: .min ... .max, using: &random))
        case .boolean: .boolean(Bool.random(using: &random))
        case .textString: .textString(text())
        case .byteString: .byteString(random.bytes(Int.random(in: 0...24, using: &random)))
        case .dateTime: .dateTime(Int64.random(in: .min ... .max, using: &random))
        case .interval: .interval(UInt32.random(in: .min ... .max, using: &random))
        case .dateTimeExtended: .dateTimeExtended(Int64.random(in: .min ... .max, using: &random))
        }
    }

    /// Scalars of every UTF-8 length: ASCII (NUL included), two-byte, three-byte (no surrogates), four-byte.
    mutating func text() -> String {
        let ranges: [ClosedRange<UInt32>] = [0...0x7F, 0x80...0x7FF, 0x800...0xD7FF, 0xE000...0xFFFF, 0x1_0000...0x10_FFFF]
        var scalars = String.UnicodeScalarView()
        for _ in 0..<Int.random(in: 0...12, using: &random) {
            let range = ranges.randomElement(using: &random)!
            scalars.append(Unicode.Scalar(UInt32.random(in: range, using: &random))!)
        }
        return String(scalars)
    }
}

extension TTLV {
    /// The type bytes of this item and everything inside it.
    fileprivate var allTypes: Set<UInt8> { children.reduce([type.rawValue]) { $0.union($1.allTypes) } }

    /// How many structures deep this item goes (a primitive is 0).
    fileprivate var structureDepth: Int {
        guard type == .structure else { return 0 }
        return 1 + (children.map(\.structureDepth).max() ?? 0)
    }
}
