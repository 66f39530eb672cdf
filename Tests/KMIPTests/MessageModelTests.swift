import Testing
@testable import KMIP

/// Every wire message in the vector files, through the typed model and back.
@Suite("Message model: wire vectors")
struct MessageVectorTests {
    static let wireMessages: [Vectors.HexMessage] = {
        (try? Vectors.hexMessages("kmip-ttlv-hex-testcases.txt")) ?? []
    }() + ((try? Vectors.hexMessages("pykmip-0.11-wire-capture.txt")) ?? [])

    @Test func allVectorsLoaded() {
        #expect(Self.wireMessages.count == 103)
    }

    /// Decodes to a typed Request/Response Message, with no payload left unparsed, and re-encodes bit-identical.
    @Test(arguments: wireMessages)
    func typedRoundTrip(_ vector: Vectors.HexMessage) throws {
        let item = try TTLVDecoder().decodeMessage(vector.bytes)
        let message = try KMIPMessage(from: item)
        switch message {
        case .request(let request):
            #expect(request.batchItems.count == Int(request.header.batchCount))
            for (i, batchItem) in request.batchItems.enumerated() {
                #expect(batchItem.payload.decodingError == nil, "item \(i) \(batchItem.operation): \(batchItem.payload.decodingError.map(String.init(describing:)) ?? "")")
            }
        case .response(let response):
            #expect(response.batchItems.count == Int(response.header.batchCount))
            for (i, batchItem) in response.batchItems.enumerated() {
                #expect(batchItem.payload?.decodingError == nil, "item \(i): \(batchItem.payload?.decodingError.map(String.init(describing:)) ?? "")")
            }
        }
        let reencoded = message.ttlv().encoded()
        #expect(identical(reencoded, vector.bytes), "re-encoding differs")
        if reencoded != vector.bytes {
            // Point at the first differing item, by tag path, without printing values.
            #expect(Self.firstDifference(message.ttlv(), item) == nil)
        }
    }

    static func firstDifference(_ a: TTLV, _ b: TTLV, path: [KMIP.Tag] = []) -> String? {
        let here = path + [a.tag]
        if a.tag != b.tag || a.type != b.type { return "\(here.map(\.description).joined(separator: "/")): \(a) vs \(b)" }
        if a.type == .structure {
            for (x, y) in zip(a.children, b.children) {
                if let d = firstDifference(x, y, path: here) { return d }
            }
            if a.children.count != b.children.count {
                return "\(here.map(\.description).joined(separator: "/")): \(a.children.count) vs \(b.children.count) children"
            }
            return nil
        }
        return a == b ? nil : "\(here.map(\.description).joined(separator: "/")): value differs"
    }
}
