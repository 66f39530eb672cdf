import Testing
@testable import KMIP

@Suite("TTLV codec")
struct TTLVCodecTests {
    /// The KMIP specification's ten encoding examples (§9.1.2), each bit-exact in both directions.
    @Test func specPrimitiveExamples() throws {
        let tag = Tag(rawValue: 0x42_0020)
        let expected: [(TTLV, String)] = [
            (TTLV(tag, .integer(8)), "420020 02 00000004 0000000800000000"),
            (TTLV(tag, .longInteger(123_456_789_000_000_000)), "420020 03 00000008 01B69B4BA5749200"),
            (TTLV(tag, .bigInteger(try Vectors.hexBytes("0000000003FD35EB6BC2DF4618080000"))), "420020 04 00000010 0000000003FD35EB6BC2DF4618080000"),
            (TTLV(tag, .enumeration(255)), "420020 05 00000004 000000FF00000000"),
            (TTLV(tag, .boolean(true)), "420020 06 00000008 0000000000000001"),
            (TTLV(tag, .textString("Hello World")), "420020 07 0000000B 48656C6C6F20576F726C640000000000"),
            (TTLV(tag, .byteString([1, 2, 3])), "420020 08 00000003 0102030000000000"),
            (TTLV(tag, .dateTime(0x47DA_67F8)), "420020 09 00000008 0000000047DA67F8"),
            (TTLV(tag, .interval(864_000)), "420020 0A 00000004 000D2F0000000000"),
            (.structure(tag, [TTLV(Tag(rawValue: 0x42_0004), .enumeration(254)), TTLV(Tag(rawValue: 0x42_0005), .integer(255))]),
             "420020 01 00000020 420004 05 00000004 000000FE00000000 420005 02 00000004 000000FF00000000"),
        ]
        // The vector file holds the same ten lines; check we test every one of them.
        let fileLines = try Vectors.text("kmip-ttlv-primitive-examples.txt").split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(fileLines.count == expected.count)
        for (index, (item, hexText)) in expected.enumerated() {
            let bytes = try Vectors.hexBytes(hexText)
            let fileHex = try #require(fileLines[index].split(separator: "|").last)
            #expect(try Vectors.hexBytes(String(fileHex)) == bytes, "vector file line \(index)")
            #expect(item.encoded() == bytes, "encode \(hexText)")
            #expect(try TTLVDecoder().decodeItem(bytes) == item, "decode \(hexText)")
        }
    }

    static let wireMessages: [Vectors.HexMessage] = {
        (try? Vectors.hexMessages("kmip-ttlv-hex-testcases.txt")) ?? []
    }() + ((try? Vectors.hexMessages("pykmip-0.11-wire-capture.txt")) ?? [])

    @Test func vectorFilesParsed() {
        #expect(Self.wireMessages.count == 81 + 22)
    }

    /// Every published message decodes and re-encodes bit-identical.
    @Test(arguments: wireMessages)
    func roundTrip(_ message: Vectors.HexMessage) throws {
        #expect(message.bytes.count == message.declaredByteCount)
        let item = try TTLVDecoder().decodeMessage(message.bytes)
        #expect(identical(item.encoded(), message.bytes), "\(message.name) re-encodes differently")
    }
}
