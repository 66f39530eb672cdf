/// Whether two encodings are identical, as a plain Bool: `#expect(a == b)` would print both byte arrays on
/// failure, and wire messages carry keys and passwords. Pair it with a message that names the message, not bytes.
func identical(_ a: [UInt8], _ b: [UInt8]) -> Bool { a == b }
