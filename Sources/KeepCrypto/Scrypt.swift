internal import COpenSSL

// scrypt (RFC 7914) through EVP_KDF "SCRYPT", for keys derived from a PIN or passphrase.
//
// Why scrypt: a PIN has little entropy, so the only defence of a stolen sealed file is making each guess
// expensive; scrypt makes every guess cost N·r·128 bytes of memory as well as time, which blunts GPU/ASIC
// guessing. Why the limits: the parameters of a sealed file are read from the file, so a tampered file must
// not be able to make an unlock allocate unbounded memory or run for hours.

public enum Scrypt {
    /// scrypt's cost parameters: N (CPU/memory cost, a power of two), r (block size), p (parallelization).
    public struct Parameters: Sendable, Hashable, CustomStringConvertible {
        public let n: UInt64
        public let r: UInt32
        public let p: UInt32

        public init(n: UInt64, r: UInt32, p: UInt32) throws {
            guard n > 1, n & (n - 1) == 0 else {
                throw CryptoError(.invalidInput, "scrypt N must be a power of two greater than 1, not \(n)")
            }
            guard r >= 1, p >= 1 else { throw CryptoError(.invalidInput, "scrypt r and p must be at least 1") }
            guard p <= Scrypt.maxParallelization else {
                throw CryptoError(.invalidInput, "scrypt p = \(p) exceeds the limit of \(Scrypt.maxParallelization)")
            }
            // RFC 7914 §2: N < 2^(128·r/8); with r ≥ 1 and our memory cap this is always met, but check it anyway.
            guard r >= 4 || n < (UInt64(1) << (16 * UInt64(r))) else {
                throw CryptoError(.invalidInput, "scrypt N must be less than 2^(16·r)")
            }
            guard let memory = Self.memoryByteCount(n: n, r: r, p: p), memory <= Scrypt.maxMemoryByteCount else {
                throw CryptoError(.invalidInput, "scrypt N=\(n) r=\(r) p=\(p) needs more than the \(Scrypt.maxMemoryByteCount)-byte memory limit")
            }
            self.n = n
            self.r = r
            self.p = p
        }

        /// Interactive unlock (about 32 MiB, well under a second): N = 2^15, r = 8, p = 1.
        public static let interactive = try! Parameters(n: 1 << 15, r: 8, p: 1)
        /// Rare, high-value unlocks (about 256 MiB): N = 2^18, r = 8, p = 1.
        public static let sensitive = try! Parameters(n: 1 << 18, r: 8, p: 1)
        /// For tests only: cheap, and worthless as protection.
        public static let insecureFastForTests = try! Parameters(n: 1 << 4, r: 1, p: 1)

        /// The memory OpenSSL's scrypt allocates: 128·r·(N + 2) for V plus 128·r·p for B; nil on overflow.
        static func memoryByteCount(n: UInt64, r: UInt32, p: UInt32) -> UInt64? {
            let block = 128 * UInt64(r)
            let (v, o1) = block.multipliedReportingOverflow(by: n + 2)
            let (b, o2) = block.multipliedReportingOverflow(by: UInt64(p))
            let (total, o3) = v.addingReportingOverflow(b)
            return o1 || o2 || o3 ? nil : total
        }

        public var description: String { "scrypt(N=\(n), r=\(r), p=\(p))" }
    }

    /// Caps one derivation's memory so that parameters read from a tampered file cannot exhaust the server's memory.
    public static let maxMemoryByteCount: UInt64 = 1 << 30
    /// p multiplies the work at constant memory; this bounds an unlock under tampered parameters to seconds.
    public static let maxParallelization: UInt32 = 16
    /// Derived keys are keys: 64 bytes (a 512-bit XTS key) is the most Keep needs; the cap is generous.
    public static let maxOutputByteCount = 1024

    private static let kdf = Result { try FetchedKDF("SCRYPT") }

    public static func deriveKey(passphrase: SecureBytes, salt: [UInt8], parameters: Parameters = .interactive, outputByteCount: Int) throws -> SymmetricKey {
        guard (1...maxOutputByteCount).contains(outputByteCount) else {
            throw CryptoError(.invalidInput, "scrypt derives 1 to \(maxOutputByteCount) bytes here, not \(outputByteCount)")
        }
        let list = ParameterList()
        passphrase.withUnsafeBytes { list.append(octets: OSSL_KDF_PARAM_PASSWORD, $0) }
        salt.withUnsafeBytes { list.append(octets: OSSL_KDF_PARAM_SALT, $0) }
        list.append(uint64: OSSL_KDF_PARAM_SCRYPT_N, parameters.n)
        list.append(uint64: OSSL_KDF_PARAM_SCRYPT_R, UInt64(parameters.r))
        list.append(uint64: OSSL_KDF_PARAM_SCRYPT_P, UInt64(parameters.p))
        // OpenSSL's own default cap is 32 MiB, below `.interactive`'s need; ours was enforced when `parameters` was made.
        list.append(uint64: OSSL_KDF_PARAM_SCRYPT_MAXMEM, maxMemoryByteCount)
        let context = try KDFContext(try kdf.get())
        let output = try SecureBytes(count: outputByteCount) { output in
            try context.withPointer { ctx in
                try list.withUnsafeParameters { params in
                    try check(EVP_KDF_derive(ctx, output.uint8Start, output.count, params), "EVP_KDF_derive(scrypt)")
                }
            }
        }
        return SymmetricKey(output)
    }
}
