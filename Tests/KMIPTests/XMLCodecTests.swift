import Foundation
import Testing
@testable import KMIP

extension Vectors {
    /// Every `.xml` file under Vectors/kmip-xml, as a path relative to it, sorted.
    static func kmipXMLFiles() -> [String] {
        let root = directory.appendingPathComponent("kmip-xml")
        guard let walker = FileManager.default.enumerator(atPath: root.path) else { return [] }
        return walker.compactMap { $0 as? String }.filter { $0.hasSuffix(".xml") }.sorted()
    }

    static func kmipXML(_ path: String) throws -> String {
        try text("kmip-xml/" + path)
    }
}

@Suite("KMIP XML codec")
struct XMLCodecTests {
    static let files = Vectors.kmipXMLFiles()

    // MARK: The OASIS test cases

    @Test func everyVectorFileIsFound() {
        #expect(Self.files.count == 141)
    }

    /// Every message of every test case: XML → TTLV → binary TTLV → TTLV → XML → TTLV, with nothing lost, and the
    /// placeholders found again at the same places.
    @Test(arguments: files)
    func vectorRoundTrip(_ path: String) throws {
        let xml = try Vectors.kmipXML(path)
        let decoded = try KMIPXML.decode(xml, options: .testCase)
        #expect(decoded.count > 0)
        for (index, original) in decoded.enumerated() {
            let bytes = original.message.encoded()
            let fromBinary = try TTLVDecoder().decodeMessage(bytes)
            #expect(fromBinary == original.message, "message \(index): binary TTLV round trip")
            let rewritten = KMIPXML.encode(KMIPXML.DecodedMessage(message: fromBinary, placeholders: original.placeholders))
            let reread = try KMIPXML.decodeMessage(rewritten, options: .testCase)
            #expect(reread == original, "message \(index): XML round trip")
        }
        // The whole document, compact this time.
        let document = KMIPXML.encodeDocument(decoded, indent: false)
        #expect(try KMIPXML.decode(document, options: .testCase) == decoded)
    }

    @Test func vectorMessageTotal() throws {
        var total = 0
        for path in Self.files {
            total += try KMIPXML.decode(try Vectors.kmipXML(path), options: .testCase).count
        }
        #expect(total == 1778) // 889 requests, each with its expected response
    }

    /// Two KMIP 1.1 test cases exist both as XML and as TTLV hex: Discover Versions (TC_161, all eight messages)
    /// and Query Maximum Response Size (TC_121, the two requests; its published responses differ from the XML
    /// ones in their Result Message text). The same messages, byte for byte, in both directions.
    @Test(arguments: [
        ("ovh-kmip-go-testdata/v1.1/TC_161_11_Discover_Versions.xml", [
            0: "kmip_1_1_testcase_16_1_time_0_discover_versions_no_versions_provided_request",
            1: "kmip_1_1_testcase_16_1_time_0_discover_versions_v11_v10_response",
            2: "kmip_1_1_testcase_16_1_time_1_discover_versionswith_v10_request",
            3: "kmip_1_1_testcase_16_1_time_1_discover_versions_v10_response",
            4: "kmip_1_1_testcase_16_1_time_2_discover_versions_with_v11_request",
            5: "kmip_1_1_testcase_16_1_time_2_discover_versions_v11_response",
            6: "kmip_1_1_testcase_16_1_time_3_discover_versions_with_v931_request",
            7: "kmip_1_1_testcase_16_1_time_3_discover_versions_no_versions_response",
        ]),
        ("ovh-kmip-go-testdata/v1.1/TC_121_11_Query_Maximum_Response_Size.xml", [
            0: "kmip_1_1_testcase_time_0_query_operations_objects_max_response_size_256_request",
            2: "kmip_1_1_testcase_time_1_query_operations_objects_max_response_size_2048_request",
        ]),
    ] as [(String, [Int: String])])
    func xmlMatchesPublishedTTLV(_ file: String, _ names: [Int: String]) throws {
        let hex = Dictionary(try Vectors.hexMessages("kmip-ttlv-hex-testcases.txt").map { ($0.name, $0.bytes) }, uniquingKeysWith: { a, _ in a })
        let xml = try KMIPXML.decode(try Vectors.kmipXML(file))
        for (index, name) in names.sorted(by: { $0.key < $1.key }) {
            let bytes = try #require(hex[name], "\(name) in the hex file")
            let message = try #require(index < xml.count ? xml[index] : nil)
            #expect(identical(message.encoded(), bytes), "\(name)")
            // And the other way: the published bytes, written as XML, read back as the same message.
            let item = try TTLVDecoder().decodeMessage(bytes)
            #expect(try KMIPXML.decodeMessage(KMIPXML.encode(item)) == message, "\(name)")
        }
    }

    // MARK: Values, checked by hand

    @Test func smallMessageBytesByHand() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!-- a comment -->
            <RequestMessage>
              <RequestHeader>
                <ProtocolVersion>
                  <ProtocolVersionMajor type='Integer' value='1'/>
                  <ProtocolVersionMinor type="Integer" value="0x00000002"></ProtocolVersionMinor>
                </ProtocolVersion>
                <BatchCount type="Integer" value="-1"/>
              </RequestHeader>
            </RequestMessage>
            """
        let item = try KMIPXML.decodeMessage(xml)
        let expected = """
            420078 01 00000040
              420077 01 00000038
                420069 01 00000020
                  42006A 02 00000004 0000000100000000
                  42006B 02 00000004 0000000200000000
                42000D 02 00000004 FFFFFFFF00000000
            """
        #expect(item.encoded() == (try Vectors.hexBytes(expected)))
    }

    @Test func everyTypeFromText() throws {
        let xml = """
            <KMIP><RequestMessage>
              <ActivationDate type="DateTime" value="2008-03-14T11:56:40+00:00"/>
              <ActivationDate type="DateTime" value="2008-03-14T21:56:40+10:00"/>
              <ActivationDate type="DateTime" value="2008-03-14T11:56:40Z"/>
              <ActivationDate type="DateTime" value="0x0000000047DA67F8"/>
              <ActivationDate type="DateTimeExtended" value="1970-01-01T00:00:00.000001Z"/>
              <ActivationDate type="DateTimeExtended" value="1969-12-31T23:59:59.5+00:00"/>
              <LeaseTime type="Interval" value="864000"/>
              <Offset type="LongInteger" value="-9223372036854775808"/>
              <KeyMaterial type="ByteString" value="0102Ff"/>
              <KeyMaterial type="ByteString" value=""/>
              <Modulus type="BigInteger" value="ff01"/>
              <Modulus type="BigInteger" value="0x0000000003FD35EB6BC2DF4618080000"/>
              <Sensitive type="Boolean" value="false"/>
              <ObjectType type="Enumeration" value="SymmetricKey"/>
              <ObjectType type="Enumeration" value="0x80000001"/>
              <CryptographicUsageMask type="Integer" value="Encrypt Decrypt"/>
              <CryptographicUsageMask type="Integer" value="  Sign&#9;0x10000000 "/>
              <TTLV tag="0x540001" type="TextString" value="a &lt;b&gt; &amp; &quot;c&quot; &apos;d&apos; &#x3b1;&#946;&#10;e
            f"/>
              <Attribute>
                <AttributeName type="TextString" value="Cryptographic   Usage Mask"/>
                <AttributeValue type="Integer" value="Decrypt Encrypt"/>
              </Attribute>
              <Attribute>
                <AttributeValue type="Enumeration" value="AES"/>
                <AttributeName type="TextString" value="Cryptographic Algorithm"/>
              </Attribute>
            </RequestMessage></KMIP>
            """
        let message = try KMIPXML.decodeMessage(xml)
        let values = message.children.map(\.value)
        let expected: [TTLV.Value] = [
            .dateTime(0x47DA_67F8), .dateTime(0x47DA_67F8), .dateTime(0x47DA_67F8), .dateTime(0x47DA_67F8),
            .dateTimeExtended(1), .dateTimeExtended(-500_000),
            .interval(864_000), .longInteger(.min),
            .byteString([1, 2, 0xFF]), .byteString([]),
            .bigInteger([0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 1]) /* −255, sign-extended */, .bigInteger(try Vectors.hexBytes("0000000003FD35EB6BC2DF4618080000")),
            .boolean(false), .enumeration(2), .enumeration(0x8000_0001),
            .integer(0x4 | 0x8), .integer(0x1 | 0x1000_0000),
            .textString("a <b> & \"c\" 'd' αβ\ne f"),
        ]
        #expect(Array(values.prefix(expected.count)) == expected)
        #expect(message.children[17].tag == Tag(rawValue: 0x54_0001))
        #expect(message.children[18][.attributeValue]?.value == .integer(0xC))
        #expect(message.children[19][.attributeValue]?.value == .enumeration(3))
    }

    @Test func encodedText() throws {
        let item = TTLV.structure(.requestMessage, [
            TTLV(.objectType, .enumeration(2)),
            TTLV(.objectType, .enumeration(0x8000_0001)),
            TTLV(.cryptographicUsageMask, .integer(0x4 | 0x8 | 0x1000_0000)),
            TTLV(.cryptographicLength, .integer(256)),
            TTLV(.activationDate, .dateTime(0x47DA_67F8)),
            TTLV(.activationDate, .dateTime(.max)),
            TTLV(.activationDate, .dateTimeExtended(-500_000)),
            TTLV(.keyMaterial, .byteString([0xAB, 0x01])),
            TTLV(.modulus, .bigInteger([0x80])),
            TTLV(Tag(rawValue: 0x54_0001), .textString("x\"<&>\n\t\u{1}")),
            TTLV.structure(.attribute, []),
        ])
        let expected = """
            <RequestMessage>
              <ObjectType type="Enumeration" value="SymmetricKey"/>
              <ObjectType type="Enumeration" value="0x80000001"/>
              <CryptographicUsageMask type="Integer" value="Encrypt Decrypt 0x10000000"/>
              <CryptographicLength type="Integer" value="256"/>
              <ActivationDate type="DateTime" value="2008-03-14T11:56:40+00:00"/>
              <ActivationDate type="DateTime" value="0x7FFFFFFFFFFFFFFF"/>
              <ActivationDate type="DateTimeExtended" value="1969-12-31T23:59:59.500000+00:00"/>
              <KeyMaterial type="ByteString" value="ab01"/>
              <Modulus type="BigInteger" value="ffffffffffffff80"/>
              <TTLV tag="0x540001" type="TextString" value="x&quot;&lt;&amp;&gt;&#10;&#9;&#1;"/>
              <Attribute/>
            </RequestMessage>

            """
        #expect(KMIPXML.encode(item) == expected)
        #expect(KMIPXML.encode(item, indent: false).hasPrefix("<RequestMessage><ObjectType type="))
        // Everything written reads back as the same item (the Big Integer is sign-extended, as on the wire).
        var normalized = item
        normalized.replaceValue(at: [8], with: .bigInteger([0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x80]))
        #expect(try KMIPXML.decodeMessage(KMIPXML.encode(item)) == normalized)
        #expect(try KMIPXML.decode(KMIPXML.encodeDocument([item, item])) == [normalized, normalized])
    }

    @Test func dateTimeEdges() throws {
        for seconds: Int64 in [0, -1, 951_782_400 /* 2000-02-29 */, XMLValueText.earliestISOSecond, XMLValueText.latestISOSecond, .min, .max] {
            let item = TTLV.structure(.requestMessage, [TTLV(.activationDate, .dateTime(seconds))])
            #expect(try KMIPXML.decodeMessage(KMIPXML.encode(item)) == item, "\(seconds)")
        }
        for micros: Int64 in [0, -1, 1, .min, .max, 1_700_000_000_123_456] {
            let item = TTLV.structure(.requestMessage, [TTLV(.activationDate, .dateTimeExtended(micros))])
            #expect(try KMIPXML.decodeMessage(KMIPXML.encode(item)) == item, "\(micros)")
        }
        #expect(XMLValueText.iso8601(seconds: 951_782_400) == "2000-02-29T00:00:00+00:00")
        for bad in ["2001-02-29T00:00:00Z", "2008-03-14T11:56:40", "2008-03-14T24:00:00Z", "2008-03-14 11:56:40Z",
                    "2008-03-14T11:56:40.5Z", "2008-3-14T11:56:40Z", "2008-03-14T11:56:40+1000"] {
            #expect(XMLValueText.parseISO8601(bad, fractionDigits: 0) == nil, "\(bad)")
        }
    }

    // MARK: Placeholders

    @Test func placeholdersPreserved() throws {
        let xml = try Vectors.kmipXML("kmip_1_0_1_1_1_2/mandatory/SKLC-M-1-12.xml")
        let messages = try KMIPXML.decode(xml, options: .testCase)
        let response = messages[1]
        let placeholder = try #require(response.placeholders.first)
        #expect(placeholder.text == "$UNIQUE_IDENTIFIER_0")
        #expect(placeholder.name == "UNIQUE_IDENTIFIER_0")
        #expect(placeholder.type == .textString && placeholder.tag == .uniqueIdentifier)
        #expect(response.message.item(at: placeholder.path) == TTLV(.uniqueIdentifier, .textString("$UNIQUE_IDENTIFIER_0")))

        let timed = try KMIPXML.decodeMessage("""
            <ResponseMessage><TimeStamp type="DateTime" value="$NOW-3600"/><AsynchronousCorrelationValue type="ByteString" value="$CORRELATION_VALUE"/></ResponseMessage>
            """, options: .testCase)
        #expect(timed.placeholders.map(\.offset) == [-3600, 0])
        #expect(timed.placeholders.map(\.path) == [[0], [1]])
        #expect(timed.message.children.map(\.value) == [.dateTime(0), .byteString([])])
        // The stand-ins encode back to the placeholder text.
        #expect(KMIPXML.encode(timed, indent: false).contains(#"value="$NOW-3600""#))
        // A runner substitutes by path.
        var filled = timed.message
        let replaced = filled.replaceValue(at: timed.placeholders[0].path, with: .dateTime(1_700_000_000))
        #expect(replaced && filled.children[0].value == .dateTime(1_700_000_000))
        let outside = filled.replaceValue(at: [5, 0], with: .dateTime(0))
        #expect(!outside && filled.children.count == 2)
    }

    @Test func strictModeRejectsPlaceholders() throws {
        let error = try #require(throws: KMIPXMLError.self) {
            try KMIPXML.decode(try Vectors.kmipXML("kmip_1_4/optional/CS-RNG-O-3-14.xml"))
        }
        #expect(error.code == .placeholderNotAllowed)
        #expect(error.line == 34) // <TimeStamp type="DateTime" value="$NOW"/>
        // A Text String is text: "$X" is a legitimate value outside test cases.
        let text = try KMIPXML.decodeMessage(#"<RequestMessage><UniqueIdentifier type="TextString" value="$UNIQUE_IDENTIFIER_0"/></RequestMessage>"#)
        #expect(text.children[0].value == .textString("$UNIQUE_IDENTIFIER_0"))
    }

    // MARK: Errors

    static func failure(_ xml: String, limits: KMIPXML.Limits = .default) -> KMIPXMLError? {
        do {
            _ = try KMIPXML.decode(xml, options: KMIPXML.Options(limits: limits))
            return nil
        } catch {
            return error
        }
    }

    @Test func errors() {
        let cases: [(String, KMIPXMLError.Code)] = [
            ("<RequestMessage><BatchCount type=\"Integer\" value=\"1\"/>", .unexpectedEnd),
            ("<RequestMessage><BatchCount type=\"Integer\" value=\"1\"></RequestMessage>", .mismatchedTag),
            ("<RequestMessage><BatchCount type=\"Int\" value=\"1\"/></RequestMessage>", .unknownType),
            ("<RequestMessage><BatchCount type=\"Integer\" value=\"12x\"/></RequestMessage>", .invalidValue),
            ("<RequestMessage><BatchCount type=\"Integer\" value=\"2147483648\"/></RequestMessage>", .invalidValue),
            ("<RequestMessage><BatchCount type=\"Integer\" value=\"+1\"/></RequestMessage>", .invalidValue),
            ("<RequestMessage><BatchCount type=\"Integer\" value=\"\"/></RequestMessage>", .invalidValue),
            ("<RequestMessage><ObjectType type=\"Enumeration\" value=\"SymetricKey\"/></RequestMessage>", .unknownEnumerationName),
            ("<RequestMessage><ObjectType type=\"Enumeration\" value=\"2\"/></RequestMessage>", .unknownEnumerationName),
            ("<RequestMessage><CryptographicUsageMask type=\"Integer\" value=\"Encrypt Decrpyt\"/></RequestMessage>", .unknownMaskName),
            ("<RequestMessage><Attribute><AttributeValue type=\"Enumeration\" value=\"AES\"/></Attribute></RequestMessage>", .unknownEnumerationName),
            ("<RequestMessage><NameValue type=\"TextString\" value=\"&#xD800;\"/></RequestMessage>", .invalidReference),
            ("<RequestMessage><NameValue type=\"TextString\" value=\"&#x110000;\"/></RequestMessage>", .invalidReference),
            ("<RequestMessage><NameValue type=\"TextString\" value=\"&#0;\"/></RequestMessage>", .invalidReference),
            ("<RequestMessage><NameValue type=\"TextString\" value=\"&nbsp;\"/></RequestMessage>", .invalidReference),
            ("<RequestMessage><NameValue type=\"TextString\" value=\"a & b\"/></RequestMessage>", .invalidReference),
            ("<RequestMessage><NameValue type=\"TextString\" value=\"a < b\"/></RequestMessage>", .malformed),
            ("<RequestMessage><NameValue type=\"TextString\" value=\"\u{1}\"/></RequestMessage>", .invalidCharacter),
            ("<RequestMessage><NameValue type=\"TextString\" value=\"x\" value=\"y\"/></RequestMessage>", .duplicateAttribute),
            ("<RequestMessage><NameValue type=\"TextString\" value=\"x\" colour=\"y\"/></RequestMessage>", .invalidAttribute),
            ("<RequestMessage><NameValue type=\"TextString\"/></RequestMessage>", .invalidAttribute),
            ("<RequestMessage><NameValue type=\"TextString\" value=x/></RequestMessage>", .malformed),
            ("<RequestMessage><NameValue type=\"TextString\"value=\"x\"/></RequestMessage>", .malformed),
            ("<RequestMessage>1</RequestMessage>", .invalidCharacter),
            ("<RequestMessage><BatchCount type=\"Integer\" value=\"1\">1</BatchCount></RequestMessage>", .invalidCharacter),
            ("<RequestMessage><BatchCount type=\"Integer\" value=\"1\"><BatchCount type=\"Integer\" value=\"1\"/></BatchCount></RequestMessage>", .invalidStructure),
            ("<RequestMessage value=\"1\"/>", .invalidStructure),
            ("<RequestMessage><Colour type=\"Integer\" value=\"1\"/></RequestMessage>", .unknownTag),
            ("<RequestMessage><TTLV type=\"Integer\" value=\"1\"/></RequestMessage>", .unknownTag),
            ("<RequestMessage><TTLV tag=\"0x5400\" type=\"Integer\" value=\"1\"/></RequestMessage>", .unknownTag),
            ("<RequestMessage><BatchCount tag=\"0x540001\" type=\"Integer\" value=\"1\"/></RequestMessage>", .unknownTag),
            ("<RequestMessage><ActivationDate type=\"DateTime\" value=\"$NOW\"/></RequestMessage>", .placeholderNotAllowed),
            ("<RequestMessage><ActivationDate type=\"DateTime\" value=\"yesterday\"/></RequestMessage>", .invalidValue),
            ("<RequestMessage><KeyMaterial type=\"ByteString\" value=\"abc\"/></RequestMessage>", .invalidValue),
            ("<RequestMessage><Modulus type=\"BigInteger\" value=\"\"/></RequestMessage>", .invalidValue),
            ("<RequestMessage><Sensitive type=\"Boolean\" value=\"True\"/></RequestMessage>", .invalidValue),
            ("<BatchCount type=\"Integer\" value=\"1\"/>", .notAMessage),
            ("<KMIP></KMIP>", .notAMessage),
            ("<KMIP version=\"1\"><RequestMessage/></KMIP>", .invalidAttribute),
            ("<RequestMessage/><RequestMessage/>", .malformed),
            ("text<RequestMessage/>", .invalidCharacter),
            ("", .unexpectedEnd),
            ("<!DOCTYPE x [<!ENTITY a \"b\">]><RequestMessage/>", .unsupportedConstruct),
            ("<RequestMessage><![CDATA[x]]></RequestMessage>", .unsupportedConstruct),
            ("<RequestMessage><?pi x?></RequestMessage>", .unsupportedConstruct),
            ("<?xml version=\"1.1\"?><RequestMessage/>", .unsupportedConstruct),
            ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><RequestMessage/>", .unsupportedConstruct),
            ("<RequestMessage><!-- a -- b --></RequestMessage>", .malformed),
            ("<RequestMessage><!-- never closed </RequestMessage>", .unexpectedEnd),
            ("<1RequestMessage/>", .malformed),
            ("<Request\u{E9}Message/>", .malformed),
        ]
        for (xml, code) in cases {
            let error = Self.failure(xml)
            #expect(error?.code == code, "\(xml) → \(error.map(String.init(describing:)) ?? "no error")")
        }
    }

    @Test func errorPosition() throws {
        let error = try #require(Self.failure("<RequestMessage>\n  <BatchCount type=\"Integer\" value=\"1\"/>\n  <αβ/>\n</RequestMessage>"))
        #expect(error.code == .malformed)
        #expect((error.line, error.column) == (3, 4))
        #expect(error.offset == 61)
    }

    /// Byte String, Big Integer and Text String values are keys, private-key components and passwords: an error
    /// about one names the element, never the value.
    @Test func errorsNeverQuoteSecrets() throws {
        let secret = "00112233445566778899aabbccddeeff0"
        for type in ["ByteString", "BigInteger"] {
            let error = try #require(Self.failure("<RequestMessage><KeyMaterial type=\"\(type)\" value=\"\(secret)\"/></RequestMessage>"))
            #expect(error.code == .invalidValue)
            #expect(!error.description.contains(secret.prefix(8)))
        }
    }

    @Test func depthBomb() throws {
        let depth = 100_000
        let bomb = String(repeating: "<RequestMessage>", count: depth) + String(repeating: "</RequestMessage>", count: depth)
        let error = try #require(Self.failure(bomb))
        #expect(error.code == .limitExceeded)
        // The limit is the binary decoder's: 16 levels of structures (the message and 15 below it) decode, 17 do not.
        func nested(_ levels: Int) -> String {
            "<KMIP>" + String(repeating: "<Attribute>", count: levels + 1) + String(repeating: "</Attribute>", count: levels + 1) + "</KMIP>"
        }
        #expect(Self.failure(nested(15)) == nil)
        #expect(Self.failure(nested(16))?.code == .limitExceeded)
        let fifteen = try KMIPXML.decodeMessage(nested(15))
        #expect(try TTLVDecoder().decodeMessage(fifteen.encoded()) == fifteen)
    }

    @Test func sizeLimits() throws {
        let huge = String(repeating: "ab", count: KMIPXML.Limits.defaultMaxAttributeValueLength / 2 + 1)
        let error = try #require(Self.failure("<RequestMessage><KeyMaterial type=\"ByteString\" value=\"\(huge)\"/></RequestMessage>"))
        #expect(error.code == .limitExceeded)
        #expect(!error.description.contains("abab"))

        let small = KMIPXML.Limits(maxDocumentSize: 64)
        #expect(Self.failure(String(repeating: " ", count: 65) + "<RequestMessage/>", limits: small)?.code == .limitExceeded)
        let few = KMIPXML.Limits(maxElements: 3)
        #expect(Self.failure("<KMIP><RequestMessage/><RequestMessage/></KMIP>", limits: few) == nil)
        #expect(Self.failure("<KMIP><RequestMessage/><RequestMessage/><RequestMessage/></KMIP>", limits: few)?.code == .limitExceeded)
        let longName = "<" + String(repeating: "A", count: 129) + "/>"
        #expect(Self.failure(longName)?.code == .limitExceeded)
        let manyAttributes = "<RequestMessage " + (0..<9).map { "a\($0)=\"\"" }.joined(separator: " ") + "/>"
        #expect(Self.failure(manyAttributes)?.code == .limitExceeded)
    }

    /// Never a crash: a test case cut at every offset is refused with a typed error, and thousands of small
    /// corruptions of it decode or are refused, never trap. (Deterministic: a fixed-seed xorshift generator.)
    @Test func truncatedAndCorruptedInput() throws {
        let xml = Array(try Vectors.kmipXML("kmip_1_4/optional/CS-RNG-O-1-14.xml").utf8) // the smallest, 1.5 KB
        let lastByteOfRoot = try #require(xml.lastIndex(of: UInt8(ascii: ">")))
        for end in 0...lastByteOfRoot {
            let prefix = String(decoding: xml[..<end], as: UTF8.self)
            #expect(throws: KMIPXMLError.self, "cut at \(end)") { try KMIPXML.decode(prefix, options: .testCase) }
        }
        let interesting = Array("<>/=\"'&;#x0-9 \t\n$!?[]".utf8) + [0x01, 0x7F]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return Int(truncatingIfNeeded: state >> 1)
        }
        for _ in 0..<3000 {
            var corrupted = xml
            for _ in 0...(next() % 3) {
                corrupted[next() % corrupted.count] = interesting[next() % interesting.count]
            }
            do {
                let messages = try KMIPXML.decode(String(decoding: corrupted, as: UTF8.self), options: .testCase)
                for message in messages { // whatever decodes also encodes and decodes again
                    #expect(try KMIPXML.decodeMessage(KMIPXML.encode(message), options: .testCase) == message)
                }
            } catch {
                // A typed error (the function throws only KMIPXMLError): refused, as it should be.
            }
        }
    }
}
