import Foundation

/// Test vectors copied into the repository (Tests/KMIPTests/Vectors), so tests pass on a fresh clone.
enum Vectors {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Vectors")

    static func text(_ name: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
    }

    /// A named whole TTLV message from `kmip-ttlv-hex-testcases.txt` or `pykmip-0.11-wire-capture.txt`.
    struct HexMessage: CustomStringConvertible, Sendable {
        let name: String
        let declaredByteCount: Int
        let bytes: [UInt8]
        var description: String { name }
    }

    /// Parses the `name:` / `bytes:` / `hex:` blocks of a hex test-case file.
    static func hexMessages(_ file: String) throws -> [HexMessage] {
        var messages: [HexMessage] = []
        var name: String?
        var count: Int?
        for line in try text(file).split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("name: ") { name = String(line.dropFirst(6)) }
            else if line.hasPrefix("bytes: ") { count = Int(line.dropFirst(7)) }
            else if line.hasPrefix("hex: ") {
                messages.append(HexMessage(name: name ?? "?", declaredByteCount: count ?? -1, bytes: try hexBytes(String(line.dropFirst(5)))))
                name = nil
                count = nil
            }
        }
        return messages
    }

    static func hexBytes(_ text: String) throws -> [UInt8] {
        let digits = text.filter { !$0.isWhitespace }
        guard digits.count % 2 == 0 else { throw VectorError.badHex(text) }
        var out: [UInt8] = []
        out.reserveCapacity(digits.count / 2)
        var index = digits.startIndex
        while index < digits.endIndex {
            let next = digits.index(index, offsetBy: 2)
            guard let byte = UInt8(digits[index..<next], radix: 16) else { throw VectorError.badHex(text) }
            out.append(byte)
            index = next
        }
        return out
    }

    enum VectorError: Error { case badHex(String) }
}
