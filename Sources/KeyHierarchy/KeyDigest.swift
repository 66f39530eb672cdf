import KMIP
import KeepCrypto

/// The Digest attribute (KMIP 1.4 §3.17): SHA-256 over the key material in the Key Format Type the server holds or
/// received it in, so that a client can check the key it has against the server's without seeing it.
///
/// Only symmetric keys get one. A key is 128 bits or more of randomness, so its digest gives nothing away; secret
/// data may be a password, and a digest anyone with metadata access can read would let them guess it offline.
public enum KeyDigest {
    /// `bytes` is what the digest covers: the key bytes for Raw, the TTLV encoding of the Key Material structure
    /// for Transparent Symmetric Key (as the KMIP 1.1 test case TC-181 computes it).
    public static func attribute(of bytes: SecureBytes, format: KeyFormatType) -> TTLV {
        TTLV(.digest, .structure([
            TTLV(.hashingAlgorithm, .enumeration(HashingAlgorithm.sha256.rawValue)),
            TTLV(.digestValue, .byteString(SHA256.hash(bytes))),
            TTLV(.keyFormatType, .enumeration(format.rawValue)),
        ]))
    }
}
