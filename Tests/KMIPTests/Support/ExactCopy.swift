@testable import KMIP

/// Calls `body` with a fresh allocation holding exactly `bytes`, so nothing lies beyond them. Tests build without
/// optimisation, where UnsafeRawBufferPointer checks its bounds: a decoder reading past the end traps.
func withExactCopy<R>(_ bytes: ArraySlice<UInt8>, _ body: (UnsafeRawBufferPointer) throws(TTLVError) -> R) throws(TTLVError) -> R {
    let memory = UnsafeMutableRawBufferPointer.allocate(byteCount: bytes.count, alignment: 1)
    defer { memory.deallocate() }
    memory.copyBytes(from: bytes)
    return try body(UnsafeRawBufferPointer(memory))
}
