import Foundation
import Testing
@testable import KeepCrypto

/// Test vectors copied into Vectors/ beside this file (tests must pass on a fresh clone).
///
/// One parser for every format used here. A record is a run of non-blank lines; a blank line ends it.
/// `# ...` is a comment, `[NAME = VALUE]` starts a CAVP section (it applies to the records after it),
/// `FAIL` marks a CAVP record whose ciphertext must be rejected, and `key = value` is a field.
/// Anything else is an error, so a format change cannot make the parser skip records silently.
struct VectorRecord {
    var fields: [String: String] = [:]
    var section: String?
    var mustFail = false
    var line = 0

    subscript(_ key: String) -> String? { fields[key] }

    func string(_ key: String) throws -> String {
        guard let value = fields[key] else { throw VectorError("record at line \(line) has no field \(key)") }
        return value
    }

    func bytes(_ key: String) throws -> [UInt8] { try hex(try string(key)) }

    /// An unsigned integer written in decimal or as 0x-prefixed hex.
    func unsigned(_ key: String) throws -> UInt64 {
        let text = try string(key)
        let value = text.hasPrefix("0x") ? UInt64(text.dropFirst(2), radix: 16) : UInt64(text)
        guard let value else { throw VectorError("field \(key) = \(text) at line \(line) is not an unsigned integer") }
        return value
    }
}

struct VectorError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

enum VectorFile {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Vectors")

    static func records(_ relativePath: String) throws -> [VectorRecord] {
        let text = try String(contentsOf: directory.appendingPathComponent(relativePath), encoding: .utf8)
        var records: [VectorRecord] = []
        var current = VectorRecord()
        var section: String?
        func finish() {
            if !current.fields.isEmpty || current.mustFail { records.append(current) }
            current = VectorRecord(section: section)
        }
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty {
                finish()
            } else if line.hasPrefix("#") {
                continue
            } else if line.hasPrefix("[") && line.hasSuffix("]") {
                finish()
                section = String(line.dropFirst().dropLast())
                current.section = section
            } else if line == "FAIL" {
                current.mustFail = true
            } else if let equals = line.firstIndex(of: "=") {
                if current.fields.isEmpty { current.line = index + 1 }
                let key = line[..<equals].trimmingCharacters(in: .whitespaces)
                let value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
                guard current.fields[key] == nil else { throw VectorError("\(relativePath):\(index + 1): duplicate field \(key)") }
                current.fields[key] = value
            } else {
                throw VectorError("\(relativePath):\(index + 1): unrecognised line: \(line)")
            }
        }
        finish()
        return records
    }
}

/// Strict hex: an even number of hex digits, nothing else.
func hex(_ text: String) throws -> [UInt8] {
    let digits = Array(text.utf8)
    guard digits.count % 2 == 0 else { throw VectorError("odd-length hex: \(text.prefix(40))") }
    func nibble(_ c: UInt8) throws -> UInt8 {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
        default: throw VectorError("not hex: \(text.prefix(40))")
        }
    }
    return try stride(from: 0, to: digits.count, by: 2).map { try nibble(digits[$0]) << 4 | nibble(digits[$0 + 1]) }
}

func hexString(_ bytes: some Sequence<UInt8>) -> String {
    bytes.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
}

/// The CryptoError `body` throws, or nil if it returns normally (or throws something else).
func thrownCryptoError<R>(_ body: () throws -> R) -> CryptoError? {
    do {
        _ = try body()
        return nil
    } catch let error as CryptoError {
        return error
    } catch {
        return nil
    }
}

/// Deterministic test bytes (a SHA-256 counter stream), so failures reproduce.
func testBytes(_ count: Int, seed: String) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(count + 32)
    var counter: UInt32 = 0
    while out.count < count {
        out += SHA256.hash(Array(seed.utf8) + withUnsafeBytes(of: counter.bigEndian) { Array($0) })
        counter += 1
    }
    return Array(out.prefix(count))
}
