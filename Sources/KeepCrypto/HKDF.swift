// HKDF-SHA-256 (RFC 5869), extract-then-expand, composed from HMAC-SHA-256.
//
// Why HKDF: it turns one strong secret into many independent keys, each bound to its purpose by `info`
// (a label such as "keep/partition-kek/v1"), so a key derived for one use is useless for another.
// Why the output limit: RFC 5869 §2.3 allows at most 255 hash lengths; the block counter is one byte.
// Why not EVP_KDF "HKDF": OpenSSL 3.0's HKDF computes each HMAC with a one-shot call that fetches HMAC and SHA-256
// from the provider store every time, and the digest parameter is another fetch; the HSM derives a key for every
// key it wraps or unwraps, and those fetches were most of the cost. The two steps are RFC 5869 §2.2-2.3 exactly,
// on `HMACSHA256`, whose contexts are copies of a prepared one; the RFC's test vectors hold them to it.

public enum HKDF {
    public static let maxOutputByteCount = 255 * 32

    public static func deriveKey(inputKeyMaterial: SymmetricKey, salt: [UInt8], info: [UInt8], outputByteCount: Int) throws -> SymmetricKey {
        try deriveKey(inputKeyMaterial: inputKeyMaterial.bytes, salt: salt, info: info, outputByteCount: outputByteCount)
    }

    public static func deriveKey(inputKeyMaterial: SecureBytes, salt: [UInt8], info: [UInt8], outputByteCount: Int) throws -> SymmetricKey {
        guard (1...maxOutputByteCount).contains(outputByteCount) else {
            throw CryptoError(.invalidInput, "HKDF-SHA-256 derives 1 to \(maxOutputByteCount) bytes, not \(outputByteCount)")
        }
        guard !inputKeyMaterial.isEmpty else {
            throw CryptoError(.invalidInput, "HKDF needs non-empty input key material")
        }
        // Extract: PRK = HMAC(salt, IKM). No salt means HashLen zero bytes (§2.2), which is also what HMAC makes of an
        // empty key (padded with zeroes); `HMACSHA256` treats an empty key so.
        let extract = try HMACSHA256(key: SymmetricKey(copying: salt))
        try extract.update(inputKeyMaterial)
        let pseudorandomKey = SymmetricKey(try extract.finalizeSecure())

        // Expand: T(i) = HMAC(PRK, T(i-1) | info | i), OKM = the first L bytes of T(1) | T(2) | ...
        let blockCount = (outputByteCount + HMACSHA256.byteCount - 1) / HMACSHA256.byteCount
        var previous: SecureBytes?
        let output = try SecureBytes(count: outputByteCount) { output in
            for block in 1...blockCount {
                let expand = try HMACSHA256(key: pseudorandomKey)
                if let previous { try expand.update(previous) }
                try expand.update(info)
                try expand.update([UInt8(block)])
                let t = try expand.finalizeSecure()
                let offset = (block - 1) * HMACSHA256.byteCount
                let count = min(HMACSHA256.byteCount, outputByteCount - offset)
                t.withUnsafeBytes { t in
                    UnsafeMutableRawBufferPointer(rebasing: output[offset..<(offset + count)]).copyMemory(from: UnsafeRawBufferPointer(rebasing: t[0..<count]))
                }
                previous = t
            }
        }
        return SymmetricKey(output)
    }
}
