/// Bounds on what the decoder accepts from a peer. Each one stops a specific attack on a server that decodes
/// bytes from the network before it knows who is sending them.
public struct TTLVLimits: Hashable, Sendable {
    /// Largest whole message, header included. Stops memory exhaustion: a peer claiming a 4 GiB length cannot
    /// make the server buffer it; the claim is refused as soon as the 8-byte header is read.
    public var maxMessageSize: Int
    /// Deepest structure nesting. Stops stack exhaustion: the decoder recurses once per level.
    /// Real KMIP messages nest about 8 deep (message › batch item › payload › template › attribute › value › …).
    public var maxDepth: Int
    /// Most items in one message. Stops allocation amplification: 1 MiB of empty structures is 131,072 items.
    public var maxItems: Int

    public static let defaultMaxMessageSize = 1 << 20
    public static let defaultMaxDepth = 16
    public static let defaultMaxItems = 65_536

    public init(maxMessageSize: Int = defaultMaxMessageSize, maxDepth: Int = defaultMaxDepth, maxItems: Int = defaultMaxItems) {
        self.maxMessageSize = maxMessageSize
        self.maxDepth = maxDepth
        self.maxItems = maxItems
    }

    public static let `default` = TTLVLimits()
}
