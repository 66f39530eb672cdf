/// The service's limits and identity. Every limit names what it protects against.
public struct ServiceConfiguration: Hashable, Sendable {
    /// Batch items per message. One message must not queue unbounded work behind one TLS read: a batch of a
    /// million Creates would hold the store's writer for minutes.
    public var maxBatchItems = 64
    /// Identifiers one Locate returns, whatever Maximum Items asks: bounds the work and the response of a Locate
    /// over a large domain. Located Items (1.3+) still reports the full count.
    public var maxLocatedItems = 1_000
    /// Bytes one RNG Retrieve returns: random bytes cost entropy-pool work and response size, and no client
    /// needs more than a few keys' worth at once.
    public var maxRandomByteCount = 1_024
    /// Bytes one Encrypt or Decrypt takes. The server encrypts keys and small secrets, not bulk data: bulk data
    /// stays with the hypervisor, under a DEK.
    public var maxCryptoDataByteCount = 64 * 1_024
    /// Object groups the server keeps fresh keys in, each with the AES key length (bits) of its keys: a Locate
    /// for a fresh member (Object Group Member = Group Member Fresh) of such a group that finds none makes one
    /// (KMIP 1.4 §4.9: "the server MAY generate a new object on-the-fly"). A tape library takes a fresh key per
    /// cartridge this way. Empty by default: a Locate then only finds.
    public var freshKeyGroups: [String: Int32] = [:]
    /// Streamed Encrypts and Decrypts (Init Indicator, Correlation Value) open at once, over every domain. Each
    /// holds a keyed cipher context and, for AES-GCM decryption, up to `maxCryptoDataByteCount` of plaintext until
    /// its tag verifies: clients that start streams and never finish them pin at most this many key schedules and
    /// this many times that buffer (64 MiB with the defaults).
    public var maxCipherStreams = 1_024
    /// Streams one domain may have open at once: one tenant cannot take every stream the server allows.
    public var maxCipherStreamsPerDomain = 64
    /// Seconds a stream may wait for its next part. Then it is dropped, its key schedule and buffer zeroed: an
    /// abandoned stream holds key material no longer than this.
    public var cipherStreamIdleTimeout: Double = 60
    /// Query's Vendor Identification.
    public var vendorIdentification = "Keep"
    /// Query's Server Information (KMIP 2.x fields).
    public var serverName = "keepd"
    public var serverVersion = "0.1"
    public var productName = "Keep KMIP key management service"

    public init() {}
}
