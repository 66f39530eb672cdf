import Foundation
import KMIP
import Testing

/// The comparison the conformance suite relies on: it must report what differs, bind placeholders, leave alone
/// only what is documented as variable, and never print key material.
@Suite("OASIS response comparison")
struct ResponseComparisonTests {
    static let header = """
        <ResponseHeader><ProtocolVersion><ProtocolVersionMajor type="Integer" value="1"/><ProtocolVersionMinor type="Integer" value="4"/>
        </ProtocolVersion><TimeStamp type="DateTime" value="$NOW"/><BatchCount type="Integer" value="1"/></ResponseHeader>
        """

    static func response(_ operation: String, _ payload: String) -> String {
        "<ResponseMessage>\(header)<BatchItem><Operation type=\"Enumeration\" value=\"\(operation)\"/><ResultStatus type=\"Enumeration\" value=\"Success\"/>"
            + "<ResponsePayload>\(payload)</ResponsePayload></BatchItem></ResponseMessage>"
    }

    static func request(_ operation: String, _ payload: String) -> String {
        "<RequestMessage><RequestHeader><ProtocolVersion><ProtocolVersionMajor type=\"Integer\" value=\"1\"/><ProtocolVersionMinor type=\"Integer\" value=\"4\"/>"
            + "</ProtocolVersion><BatchCount type=\"Integer\" value=\"1\"/></RequestHeader><BatchItem><Operation type=\"Enumeration\" value=\"\(operation)\"/>"
            + "<RequestPayload>\(payload)</RequestPayload></BatchItem></RequestMessage>"
    }

    /// Compares `actual` (placeholders resolved as a server would: `$NOW` the current time) with `expected`.
    static func compare(_ expected: String, _ actual: String, request: String, state: inout ResponseComparison.RunState) throws -> [ResponseComparison.Mismatch] {
        let expectedMessage = try KMIPXML.decodeMessage(expected, options: .testCase)
        var actualMessage = try KMIPXML.decodeMessage(actual, options: .testCase)
        for placeholder in actualMessage.placeholders where placeholder.name == "NOW" {
            actualMessage.message.replaceValue(at: placeholder.path, with: .dateTime(OASISRunner.now()))
        }
        let requestMessage = try KMIPXML.decodeMessage(request, options: .testCase)
        var comparison = ResponseComparison(state: state, request: requestMessage.message, requestPlaceholders: requestMessage.placeholders)
        let mismatches = comparison.compare(expected: expectedMessage, actual: actualMessage.message)
        state = comparison.state
        return mismatches
    }

    @Test func bindsPlaceholdersAndReportsTheirMisuse() throws {
        var state = ResponseComparison.RunState(started: OASISRunner.now())
        let create = Self.request("Create", #"<ObjectType type="Enumeration" value="SymmetricKey"/>"#)
        let expected = Self.response("Create", #"<ObjectType type="Enumeration" value="SymmetricKey"/><UniqueIdentifier type="TextString" value="$UNIQUE_IDENTIFIER_0"/>"#)
        let first = Self.response("Create", #"<ObjectType type="Enumeration" value="SymmetricKey"/><UniqueIdentifier type="TextString" value="key-1"/>"#)
        #expect(try Self.compare(expected, first, request: create, state: &state).isEmpty)
        #expect(state.bindings["UNIQUE_IDENTIFIER_0"] == .textString("key-1") && state.generatedKeys == ["key-1"])
        let other = Self.response("Create", #"<ObjectType type="Enumeration" value="SymmetricKey"/><UniqueIdentifier type="TextString" value="key-2"/>"#)
        let mismatches = try Self.compare(expected, other, request: create, state: &state)
        #expect(mismatches.map(\.path) == ["ResponseMessage/BatchItem/ResponsePayload/UniqueIdentifier"])
        #expect(mismatches.first?.problem.contains("$UNIQUE_IDENTIFIER_0") == true)
    }

    /// A Byte String placeholder binds like a Text String one; a Correlation Value answered to a request that sends
    /// none starts a stream, so it binds afresh and must differ from the last stream's; a later part must echo it.
    @Test func eachStreamBindsItsOwnCorrelationValue() throws {
        var state = ResponseComparison.RunState(started: OASISRunner.now())
        let uid = #"<UniqueIdentifier type="TextString" value="k"/>"#
        let start = Self.request("Encrypt", uid + #"<Data type="ByteString" value="0102"/><InitIndicator type="Boolean" value="true"/>"#)
        let next = Self.request("Encrypt", uid + #"<Data type="ByteString" value="0304"/><CorrelationValue type="ByteString" value="aa01"/>"#)
        let expected = Self.response("Encrypt", uid + #"<CorrelationValue type="ByteString" value="$CORRELATION_VALUE"/>"#)
        func answer(_ value: String) -> String { Self.response("Encrypt", uid + #"<CorrelationValue type="ByteString" value="\#(value)"/>"#) }
        #expect(try Self.compare(expected, answer("aa01"), request: start, state: &state).isEmpty)
        #expect(state.bindings["CORRELATION_VALUE"] == .byteString([0xaa, 0x01]))
        #expect(try Self.compare(expected, answer("aa01"), request: next, state: &state).isEmpty)
        #expect(try Self.compare(expected, answer("bb02"), request: next, state: &state).count == 1)
        // A second stream: a new value binds; the old one again is reported.
        #expect(try Self.compare(expected, answer("cc03"), request: start, state: &state).isEmpty)
        #expect(state.bindings["CORRELATION_VALUE"] == .byteString([0xcc, 0x03]))
        let repeated = try Self.compare(expected, answer("cc03"), request: start, state: &state)
        #expect(repeated.count == 1 && repeated.first?.problem.contains("repeats") == true)
    }

    @Test func reportsAWrongValueByItsPathAndNeverPrintsKeyBytes() throws {
        var state = ResponseComparison.RunState(started: OASISRunner.now())
        let get = Self.request("Get", #"<UniqueIdentifier type="TextString" value="registered"/>"#)
        func key(_ hex: String) -> String {
            #"<ObjectType type="Enumeration" value="SymmetricKey"/><UniqueIdentifier type="TextString" value="registered"/><SymmetricKey><KeyBlock>"#
                + #"<KeyFormatType type="Enumeration" value="Raw"/><KeyValue><KeyMaterial type="ByteString" value="\#(hex)"/></KeyValue>"#
                + #"<CryptographicAlgorithm type="Enumeration" value="AES"/><CryptographicLength type="Integer" value="128"/></KeyBlock></SymmetricKey>"#
        }
        let secret = "0f1e2d3c4b5a69788796a5b4c3d2e1f0"
        let mismatches = try Self.compare(Self.response("Get", key("000102030405060708090a0b0c0d0e0f")), Self.response("Get", key(secret)), request: get, state: &state)
        #expect(mismatches.map(\.path) == ["ResponseMessage/BatchItem/ResponsePayload/SymmetricKey/KeyBlock/KeyValue/KeyMaterial"])
        let text = mismatches.map(\.description).joined()
        #expect(text.contains("16 bytes") && !text.contains(secret) && !text.contains("000102030405"))

        // A key the server generated: its bytes are random, so only their length is compared.
        state.generatedKeys.insert("registered")
        #expect(try Self.compare(Self.response("Get", key("000102030405060708090a0b0c0d0e0f")), Self.response("Get", key(secret)), request: get, state: &state).isEmpty)
        #expect(try Self.compare(Self.response("Get", key("000102030405060708090a0b0c0d0e0f")), Self.response("Get", key(secret + "00")), request: get, state: &state).count == 1)
    }

    @Test func attributeListsAreSetsAndEveryAttributeButLeaseTimeIsRequired() throws {
        var state = ResponseComparison.RunState(started: OASISRunner.now())
        let list = Self.request("GetAttributeList", #"<UniqueIdentifier type="TextString" value="k"/>"#)
        func names(_ names: [String]) -> String {
            #"<UniqueIdentifier type="TextString" value="k"/>"# + names.map { #"<AttributeName type="TextString" value="\#($0)"/>"# }.joined()
        }
        let expected = Self.response("GetAttributeList", names(["State", "Cryptographic   Length", "Lease Time"]))
        #expect(try Self.compare(expected, Self.response("GetAttributeList", names(["Cryptographic Length", "State"])), request: list, state: &state).isEmpty)
        let missing = try Self.compare(expected, Self.response("GetAttributeList", names(["State", "Digest"])), request: list, state: &state)
        #expect(missing.count == 2 && missing.contains { $0.problem.contains("Cryptographic") } && missing.contains { $0.problem.contains("Digest") })
    }
}
