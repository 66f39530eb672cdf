import Foundation
import Testing
@testable import KMIP

/// The fuzzer's committed seed corpus (Fuzz/seeds, written by Fuzz/make-seeds.sh) is the 103 wire messages.
@Suite("TTLV fuzz seeds")
struct TTLVFuzzSeedTests {
    static let seeds = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fuzz/seeds")

    @Test("Fuzz/seeds holds exactly the vector messages, in order")
    func seedsMatchVectors() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.seeds.path).filter { $0.hasSuffix(".ttlv") }.sorted()
        let seeds = try names.map { [UInt8](try Data(contentsOf: Self.seeds.appendingPathComponent($0))) }
        #expect(seeds == TTLVCodecTests.wireMessages.map(\.bytes), "run Fuzz/make-seeds.sh after changing the vectors")
    }
}
