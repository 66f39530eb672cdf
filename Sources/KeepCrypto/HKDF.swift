internal import COpenSSL

// HKDF-SHA-256 (RFC 5869) through EVP_KDF "HKDF", extract-then-expand.
//
// Why HKDF: it turns one strong secret into many independent keys, each bound to its purpose by `info`
// (a label such as "keep/partition-kek/v1"), so a key derived for one use is useless for another.
// Why the output limit: RFC 5869 §2.3 allows at most 255 hash lengths; the block counter is one byte.

public enum HKDF {
    public static let maxOutputByteCount = 255 * 32

    private static let kdf = Result { try FetchedKDF("HKDF") }

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
        let parameters = ParameterList()
        parameters.append(utf8: OSSL_KDF_PARAM_DIGEST, "SHA256")
        inputKeyMaterial.withUnsafeBytes { parameters.append(octets: OSSL_KDF_PARAM_KEY, $0) }
        salt.withUnsafeBytes { parameters.append(octets: OSSL_KDF_PARAM_SALT, $0) }
        info.withUnsafeBytes { parameters.append(octets: OSSL_KDF_PARAM_INFO, $0) }
        let context = try KDFContext(try kdf.get())
        let output = try SecureBytes(count: outputByteCount) { output in
            try context.withPointer { ctx in
                try parameters.withUnsafeParameters { params in
                    try check(EVP_KDF_derive(ctx, output.uint8Start, output.count, params), "EVP_KDF_derive(HKDF-SHA-256)")
                }
            }
        }
        return SymmetricKey(output)
    }
}
