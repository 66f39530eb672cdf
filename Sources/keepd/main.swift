// keepd: the Keep server. Until the server exists it demonstrates the crypto core end to end.
// It prints sizes and outcomes only, never key bytes.
import Foundation
import KeepCrypto

func demo() throws -> Bool {
    let kek = try SymmetricKey.generate(bitCount: 256)
    let dek = try SymmetricKey.generate(bitCount: 512)
    print("keepd: crypto core demo (no server yet)")
    print("  KEK \(kek), DEK \(dek)")

    let wrapped = try AESKeyWrapWithPadding.wrap(dek.bytes, using: kek)
    let unwrapped = try AESKeyWrapWithPadding.unwrap(wrapped, using: kek)
    let unwrapOK = unwrapped == dek.bytes
    print("  RFC 5649: \(dek.byteCount)-byte DEK wrapped to \(wrapped.count) bytes; unwrap \(unwrapOK ? "OK" : "MISMATCH")")

    let xts = try XTSCipher(key: SymmetricKey(unwrapped), sectorSize: 4096)
    let plaintext = (0..<(4 * 4096)).map { UInt8(truncatingIfNeeded: $0 &* 31) }
    var disk = plaintext
    try xts.encrypt(&disk, firstSector: 1000)
    let encryptOK = disk != plaintext
    try xts.decrypt(&disk, firstSector: 1000)
    let decryptOK = disk == plaintext
    print("  XTS-AES-256: 4 sectors of 4096 bytes from sector 1000; encrypt \(encryptOK ? "OK" : "UNCHANGED"), decrypt \(decryptOK ? "OK" : "MISMATCH")")
    return unwrapOK && encryptOK && decryptOK
}

do {
    exit(try demo() ? 0 : 1)
} catch {
    print("keepd: crypto demo failed: \(error)")
    exit(1)
}
