import Testing
@testable import KMIP

/// One minimal bad input per TTLVError code, each asserting the exact code and the offset the error names.
/// Offsets count from the start of the bytes decoded; items are nested in a structure where that shows the
/// offset is the faulty item's, not the message's.
@Suite("TTLV strictness")
struct TTLVStrictnessTests {
    // MARK: unknownType

    @Test(arguments: [0x00, 0x0C, 0x80, 0xFF] as [UInt8])
    func unknownType(_ type: UInt8) {
        expectError(.unknownType, at: 0, decodingItem: item(type, [0, 0, 0, 0, 0, 0, 0, 0]))
        expectError(.unknownType, at: 8, decodingMessage: structure(item(type, [0, 0, 0, 0, 0, 0, 0, 0])))
    }

    // MARK: invalidLength

    static let fixedTypes = TTLVType.allCases.filter { $0.fixedLength != nil }

    @Test("a fixed-size type with any other length", arguments: fixedTypes)
    func wrongFixedLength(_ type: TTLVType) throws {
        let fixed = try #require(type.fixedLength)
        for length in [0, 1, fixed - 1, fixed + 1, 12 - fixed, 16] {
            // The value and its padding are there and zero: only the declared length is wrong.
            let bad = item(type.rawValue, length: length, zeros(TTLVEncoder.paddedLength(length)))
            expectError(.invalidLength, at: 8, decodingMessage: structure(bad), "\(type.name) length \(length)")
        }
        // The right length decodes.
        _ = try TTLVDecoder().decodeItem(item(type.rawValue, length: fixed, zeros(8)))
    }

    @Test("a big integer of length 0, or not a multiple of 8", arguments: [0, 1, 7, 9, 12] as [Int])
    func bigIntegerLength(_ length: Int) {
        let bad = item(TTLVType.bigInteger.rawValue, length: length, zeros(TTLVEncoder.paddedLength(length)))
        expectError(.invalidLength, at: 0, decodingItem: bad)
        expectError(.invalidLength, at: 8, decodingMessage: structure(bad))
    }

    // MARK: overrun

    @Test("a child's length runs past its parent")
    func childOverrunsParent() {
        // Parent of 16 bytes; the child's header is 8 of them and it claims 16 more.
        let child = item(TTLVType.byteString.rawValue, length: 16, zeros(8))
        expectError(.overrun, at: 8, decodingMessage: structure(child))
        // One byte over is already too many.
        let oneOver = item(TTLVType.byteString.rawValue, length: 9, zeros(8))
        expectError(.overrun, at: 8, decodingMessage: structure(oneOver))
    }

    @Test("a value runs past the end of the bytes")
    func itemOverrunsInput() {
        expectError(.overrun, at: 0, decodingItem: item(TTLVType.textString.rawValue, length: 11, bytes("Hello")))
        expectError(.overrun, at: 0, decodingItem: [0x42, 0x00, 0x20, 0x01])  // less than a header
        expectError(.overrun, at: 0, decodingItem: [])
    }

    @Test("a structure's length leaves less than a header for its next child")
    func partialChildHeader() {
        // A structure of length 4 (padded to 8 with zeros) holds 4 bytes: not enough for any item.
        expectError(.overrun, at: 8, decodingItem: item(TTLVType.structure.rawValue, length: 4, zeros(8)))
    }

    @Test("a truncated message")
    func truncatedMessage() throws {
        let message = TTLVCodecTests.wireMessages[0].bytes
        expectError(.overrun, at: 0, decodingMessage: Array(message.dropLast(8)))
    }

    // MARK: invalidPadding

    @Test("non-zero padding names the first non-zero byte")
    func nonZeroPadding() {
        // "abc" then 5 bytes of padding, the fourth of them set: offset 8 + 3 + 3.
        expectError(.invalidPadding, at: 14, decodingItem: item(TTLVType.textString.rawValue, length: 3, bytes("abc") + [0, 0, 0, 1, 0]))
        // An Integer's 4 padding bytes: the first of them, inside a structure: 8 + 8 + 4.
        let integer = item(TTLVType.integer.rawValue, length: 4, [0, 0, 0, 7, 0x80, 0, 0, 0])
        expectError(.invalidPadding, at: 20, decodingMessage: structure(integer))
        // A byte string of length 1 with every padding byte set: the first.
        expectError(.invalidPadding, at: 9, decodingItem: item(TTLVType.byteString.rawValue, length: 1, [0xAA] + [UInt8](repeating: 0xFF, count: 7)))
    }

    /// Regression: missing padding was reported as `.overrun`, though `TTLVError.Code.invalidPadding` documents
    /// it; now the value is checked against the bytes first, then its padding.
    @Test("missing padding names where the padding should start")
    func missingPadding() {
        // "abc" with no padding at all: the padding would start at 8 + 3.
        expectError(.invalidPadding, at: 11, decodingItem: item(TTLVType.textString.rawValue, bytes("abc")))
        // Part of the padding: still missing.
        expectError(.invalidPadding, at: 11, decodingItem: item(TTLVType.textString.rawValue, length: 3, bytes("abc") + zeros(4)))
        // Inside an inner structure whose length (11) stops where the text's padding should start.
        let text = item(TTLVType.textString.rawValue, bytes("abc"))
        let inner = item(TTLVType.structure.rawValue, length: text.count, text + zeros(5))
        expectError(.invalidPadding, at: 8 + 8 + 11, decodingMessage: structure(inner))
        // A message whose own length is not padded.
        expectError(.invalidPadding, at: 19, decodingMessage: item(TTLVType.structure.rawValue, text))
    }

    // MARK: invalidUTF8

    static let badUTF8: [[UInt8]] = [
        [0xFF],                    // never valid
        [0x80],                    // continuation byte first
        [0xC0, 0xAF],              // overlong "/"
        [0xE0, 0x80, 0xAF],        // overlong "/"
        [0xED, 0xA0, 0x80],        // UTF-16 surrogate D800
        [0xF4, 0x90, 0x80, 0x80],  // beyond U+10FFFF
        [0xE2, 0x82],              // truncated "€"
        [0x61, 0x62, 0xE2],        // truncated at the end
    ]

    @Test(arguments: badUTF8)
    func invalidUTF8(_ text: [UInt8]) {
        let bad = item(TTLVType.textString.rawValue, length: text.count, text + zeros(TTLVEncoder.paddedLength(text.count) - text.count))
        expectError(.invalidUTF8, at: 8, decodingMessage: structure(bad))
    }

    @Test func validUTF8Decodes() throws {
        let text = "ké€🔑\u{0}"
        let decoded = try TTLVDecoder().decodeItem(TTLV(Tag(rawValue: 0x42_0020), .textString(text)).encoded())
        #expect(decoded.value == .textString(text))
    }

    // MARK: invalidBoolean

    @Test(arguments: [2, 0x100, 1 << 63, UInt64.max] as [UInt64])
    func invalidBoolean(_ value: UInt64) {
        let bad = item(TTLVType.boolean.rawValue, be64(value))
        expectError(.invalidBoolean, at: 8, decodingMessage: structure(bad))
    }

    // MARK: trailingBytes

    @Test("bytes after a message or an item")
    func trailingBytes() {
        let message = TTLVCodecTests.wireMessages[0].bytes
        expectError(.trailingBytes, at: message.count, decodingMessage: message + zeros(8))
        expectError(.trailingBytes, at: message.count, decodingMessage: message + [0])
        let integer = item(TTLVType.integer.rawValue, length: 4, [0, 0, 0, 1, 0, 0, 0, 0])
        expectError(.trailingBytes, at: 16, decodingItem: integer + [0])
    }

    // MARK: messageTooLarge

    /// Judged from the header alone: only 8 bytes are supplied, in an allocation of exactly 8 bytes.
    @Test("a message over the limit is refused from its 8-byte header")
    func messageTooLargeFromHeader() throws {
        let limit = TTLVLimits.defaultMaxMessageSize
        expectError(.messageTooLarge, at: 0, decodingFrame: header(TTLVType.structure.rawValue, length: limit - 7))
        expectError(.messageTooLarge, at: 0, decodingFrame: header(TTLVType.structure.rawValue, length: Int(UInt32.max)))
        // At the limit exactly: wait for it.
        let atLimit = try withExactCopy(header(TTLVType.structure.rawValue, length: limit - 8)[...]) { raw throws(TTLVError) in
            try TTLVDecoder().decodeFrame(raw)
        }
        #expect(atLimit == .needMoreBytes(totalBytes: limit))
    }

    /// A 1 MiB claim with 8 bytes in hand is answered at once from the header: the decoder sizes nothing by the
    /// claimed length (it copies values out of bytes it already holds), so neither does the frame buffer.
    @Test("a header claiming 1 MiB does not make the decoder or buffer reserve it")
    func largeClaimAllocatesNothing() throws {
        let underLimit = header(TTLVType.structure.rawValue, length: (1 << 20) - 8)
        var buffer = TTLVFrameBuffer()
        buffer.append(underLimit)
        #expect(try buffer.nextMessage() == nil)
        #expect(buffer.bufferedByteCount == 8)

        let overLimit = header(TTLVType.structure.rawValue, length: 1 << 20)
        var refusing = TTLVFrameBuffer()
        refusing.append(overLimit)
        let error = #expect(throws: TTLVError.self) { try refusing.nextMessage() }
        #expect(error?.code == .messageTooLarge)

        // With no limit at all, a 4 GiB claim is still only a number to wait for.
        let unlimited = TTLVDecoder(limits: TTLVLimits(maxMessageSize: .max))
        let frame = try unlimited.decodeFrame(header(TTLVType.structure.rawValue, length: Int(UInt32.max)))
        #expect(frame == .needMoreBytes(totalBytes: Int(UInt32.max) + 8))
    }

    @Test("decodeItem refuses more bytes than the limit")
    func itemTooLarge() {
        let limits = TTLVLimits(maxMessageSize: 64)
        let bigString = item(TTLVType.byteString.rawValue, zeros(64))
        expectError(.messageTooLarge, at: 0, decodingItem: bigString, limits: limits)
        expectError(.messageTooLarge, at: 0, decodingMessage: structure(bigString), limits: limits)
    }

    // MARK: tooDeep

    @Test("structures nested past maxDepth")
    func tooDeep() throws {
        let depth = TTLVLimits.defaultMaxDepth
        _ = try TTLVDecoder().decodeMessage(nested(depth))
        // The structure one level too deep starts after `depth` headers.
        expectError(.tooDeep, at: depth * 8, decodingMessage: nested(depth + 1))
        expectError(.tooDeep, at: 16, decodingMessage: nested(3), limits: TTLVLimits(maxDepth: 2))
    }

    // MARK: tooManyItems

    @Test("more items than maxItems")
    func tooManyItems() throws {
        let limits = TTLVLimits(maxItems: 4)
        _ = try TTLVDecoder(limits: limits).decodeMessage(structure(emptyChildren(3)))
        // The fifth item (the fourth child) is the one over.
        expectError(.tooManyItems, at: 8 + 3 * 8, decodingMessage: structure(emptyChildren(4)), limits: limits)
    }

    @Test("the default item limit, exactly and one over")
    func defaultItemLimit() throws {
        let max = TTLVLimits.defaultMaxItems
        _ = try TTLVDecoder().decodeMessage(structure(emptyChildren(max - 1)))
        expectError(.tooManyItems, at: 8 + (max - 1) * 8, decodingMessage: structure(emptyChildren(max)))
    }

    // MARK: notAStructure

    @Test("a message must be a structure", arguments: TTLVType.allCases.filter { $0 != .structure })
    func notAStructure(_ type: TTLVType) {
        // The header alone is enough to refuse it.
        expectError(.notAStructure, at: 0, decodingFrame: header(type.rawValue, length: 8))
        expectError(.notAStructure, at: 0, decodingMessage: item(type.rawValue, zeros(8)))
    }

    // MARK: unencodable

    // `.unencodable` is declared but nothing throws it: the encoder sign-extends big integers to a multiple of 8
    // and stops on a value over 4 GiB with a precondition. There is no input to test it with.
}

// MARK: - Building bad inputs

private let tag: [UInt8] = [0x42, 0x00, 0x20]

private func be32(_ v: Int) -> [UInt8] { (0..<4).reversed().map { UInt8(truncatingIfNeeded: v >> ($0 * 8)) } }
private func be64(_ v: UInt64) -> [UInt8] { (0..<8).reversed().map { UInt8(truncatingIfNeeded: v >> UInt64($0 * 8)) } }
private func zeros(_ count: Int) -> [UInt8] { [UInt8](repeating: 0, count: count) }
private func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

private func header(_ type: UInt8, length: Int) -> [UInt8] { tag + [type] + be32(length) }

/// An item with `value` verbatim after its header (no padding added); the length defaults to `value.count`.
private func item(_ type: UInt8, length: Int? = nil, _ value: [UInt8]) -> [UInt8] {
    header(type, length: length ?? value.count) + value
}

/// A structure holding exactly `children`.
private func structure(_ children: [UInt8]) -> [UInt8] { item(TTLVType.structure.rawValue, children) }

/// `count` empty structures, back to back.
private func emptyChildren(_ count: Int) -> [UInt8] {
    [[UInt8]](repeating: header(TTLVType.structure.rawValue, length: 0), count: count).flatMap { $0 }
}

/// `levels` structures, each inside the one before.
private func nested(_ levels: Int) -> [UInt8] {
    var bytes: [UInt8] = []
    for _ in 0..<levels { bytes = structure(bytes) }
    return bytes
}

private func expectError(_ code: TTLVError.Code, at offset: Int, decodingItem bytes: [UInt8], limits: TTLVLimits = .default,
                         _ comment: Comment? = nil, sourceLocation: SourceLocation = #_sourceLocation) {
    check(code, offset, comment, sourceLocation) { () throws(TTLVError) in _ = try TTLVDecoder(limits: limits).decodeItem(bytes) }
}

private func expectError(_ code: TTLVError.Code, at offset: Int, decodingMessage bytes: [UInt8], limits: TTLVLimits = .default,
                         _ comment: Comment? = nil, sourceLocation: SourceLocation = #_sourceLocation) {
    check(code, offset, comment, sourceLocation) { () throws(TTLVError) in _ = try TTLVDecoder(limits: limits).decodeMessage(bytes) }
}

/// decodeFrame over an allocation of exactly `bytes`, so the test also shows it reads nothing past them.
private func expectError(_ code: TTLVError.Code, at offset: Int, decodingFrame bytes: [UInt8],
                         sourceLocation: SourceLocation = #_sourceLocation) {
    check(code, offset, nil, sourceLocation) { () throws(TTLVError) in
        _ = try withExactCopy(bytes[...]) { raw throws(TTLVError) in try TTLVDecoder().decodeFrame(raw) }
    }
}

private func check(_ code: TTLVError.Code, _ offset: Int, _ comment: Comment?, _ sourceLocation: SourceLocation,
                   _ body: () throws(TTLVError) -> Void) {
    do throws(TTLVError) {
        try body()
        Issue.record("expected TTLVError.\(code) at \(offset), decoded without error. \(comment.map { "\($0)" } ?? "")", sourceLocation: sourceLocation)
    } catch {
        #expect(error.code == code, comment, sourceLocation: sourceLocation)
        #expect(error.offset == offset, comment, sourceLocation: sourceLocation)
    }
}
