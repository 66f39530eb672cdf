import Synchronization
import Testing
@testable import KeepCrypto

@Suite("SecureBytes and SymmetricKey")
struct SecureBytesTests {
    /// What the deallocation observer saw, one entry per storage released.
    final class Releases: Sendable {
        private let seen = Mutex<[[UInt8]]>([])
        var snapshots: [[UInt8]] { seen.withLock { $0 } }
        var observer: @Sendable (UnsafeRawBufferPointer) -> Void {
            { bytes in self.seen.withLock { $0.append(Array(bytes)) } }
        }
    }

    private static func filled(_ count: Int, _ releases: Releases) -> SecureBytes {
        var bytes = SecureBytes(count: count, deallocationObserver: releases.observer)
        bytes.withUnsafeMutableBytes { buffer in
            for index in buffer.indices { buffer[index] = UInt8(truncatingIfNeeded: 0xA5 &+ index) | 0x01 }
        }
        return bytes
    }

    @Test("storage is zeroed when released")
    func zeroedOnRelease() {
        let releases = Releases()
        do {
            let secret = Self.filled(64, releases)
            #expect(secret.withUnsafeBytes { $0.allSatisfy { $0 != 0 } })
            #expect(releases.snapshots.isEmpty)
        }
        let snapshots = releases.snapshots
        #expect(snapshots.count == 1)
        #expect(snapshots.first?.count == 64)
        #expect(snapshots.allSatisfy { $0.allSatisfy { $0 == 0 } })
    }

    @Test("after copy-on-write both generations are zeroed, and the copy did not alias the original")
    func zeroedAfterCopyOnWrite() {
        let releases = Releases()
        do {
            let original = Self.filled(48, releases)
            var copy = original
            copy.withUnsafeMutableBytes { $0[0] = 0x00 }
            #expect(original.withUnsafeBytes { $0[0] } != 0x00)
            #expect(copy != original)
            #expect(releases.snapshots.isEmpty)
        }
        let snapshots = releases.snapshots
        #expect(snapshots.count == 2)
        #expect(snapshots.allSatisfy { $0.count == 48 && $0.allSatisfy { $0 == 0 } })
    }

    @Test("growing by append zeroes the outgrown storage at once")
    func zeroedAfterGrowth() {
        let releases = Releases()
        do {
            var secret = Self.filled(16, releases)
            secret.append([1, 2, 3])
            #expect(releases.snapshots.count == 1)
            #expect(secret.count == 19)
            #expect(secret.withUnsafeBytes { Array($0.suffix(3)) } == [1, 2, 3])
        }
        let snapshots = releases.snapshots
        #expect(snapshots.count == 2)
        #expect(snapshots.allSatisfy { $0.allSatisfy { $0 == 0 } })
    }

    @Test("descriptions never contain the bytes")
    func redacted() throws {
        let raw: [UInt8] = [0xc0, 0xff, 0xee, 0x15, 0xba, 0xad, 0xf0, 0x0d, 0xde, 0xad, 0xbe, 0xef, 0x01, 0x23, 0x45, 0x67]
        let bytes = SecureBytes(raw)
        let key = SymmetricKey(bytes)
        let texts = [bytes.description, bytes.debugDescription, "\(bytes)", String(reflecting: bytes),
                     key.description, key.debugDescription, "\(key)", String(reflecting: key)]
        let forbidden = [hexString(raw), hexString(raw).uppercased(), hexString(raw.prefix(4)), "\(raw)", "192, 255", "c0ffee", "C0FFEE", "deadbeef"]
        for text in texts {
            for needle in forbidden {
                #expect(!text.contains(needle), "\(text) contains \(needle)")
            }
        }
        #expect(key.description == "SymmetricKey(128 bits, redacted)")
        #expect(bytes.description == "SecureBytes(16 bytes, redacted)")
    }

    @Test("== compares contents and length")
    func equality() {
        let a = SecureBytes(testBytes(32, seed: "eq"))
        #expect(a == SecureBytes(testBytes(32, seed: "eq")))
        for index in [0, 15, 31] {
            var changed = testBytes(32, seed: "eq")
            changed[index] ^= 0x40
            #expect(a != SecureBytes(changed), "byte \(index)")
        }
        #expect(a != SecureBytes(testBytes(31, seed: "eq")))
        #expect(a != SecureBytes(testBytes(32, seed: "eq") + [0]))
        #expect(SecureBytes(zeroes: 0) == SecureBytes([UInt8]()))
        #expect(SymmetricKey(copying: [1, 2]) == SymmetricKey(copying: [1, 2]))
        #expect(SymmetricKey(copying: [1, 2]) != SymmetricKey(copying: [1, 3]))
    }

    @Test("slicing, appending and copying out keep the bytes")
    func contents() {
        var bytes = SecureBytes([1, 2, 3, 4, 5])
        #expect(bytes[1..<4].copyBytes() == [2, 3, 4])
        bytes.append(SecureBytes([6]))
        #expect(bytes.copyBytes() == [1, 2, 3, 4, 5, 6])
        #expect(SecureBytes(zeroes: 3).copyBytes() == [0, 0, 0])
    }

    @Test("SecureRandom gives the requested count and fresh bytes")
    func random() throws {
        let a = try SecureRandom.bytes(count: 32), b = try SecureRandom.bytes(count: 32)
        #expect(a.count == 32 && b.count == 32)
        #expect(a != b)
        #expect(try SecureRandom.publicBytes(count: 12).count == 12)
        #expect(try SymmetricKey.generate(bitCount: 256).bitCount == 256)
        #expect(thrownCryptoError { try SymmetricKey.generate(bitCount: 100) }?.code == .invalidKeySize)
    }
}
