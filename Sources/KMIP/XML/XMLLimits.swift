extension KMIPXML {
    /// Bounds on what the XML decoder accepts. Each stops a specific attack on a server that parses XML from a
    /// peer it does not yet trust; the defaults fit every OASIS test case with room to spare.
    public struct Limits: Hashable, Sendable {
        /// Largest document, in UTF-8 bytes. Stops memory exhaustion: the whole tree is built before conversion.
        /// The largest OASIS test file (230 messages) is 177 KB.
        public var maxDocumentSize: Int
        /// Deepest element nesting below a message (the message itself is depth 0), the same bound as binary TTLV
        /// (`TTLVLimits.defaultMaxDepth`), so whatever decodes from XML also decodes from its TTLV encoding.
        /// Stops stack exhaustion: conversion recurses once per level. Real messages nest about 8 deep.
        public var maxDepth: Int
        /// Most elements in one document. Stops allocation amplification: `<a/>` is 4 bytes but a tree node is ~100.
        public var maxElements: Int
        /// Longest attribute value, in UTF-8 bytes after references are expanded. Stops one value from holding the
        /// whole budget; 1 MiB of hex is 512 KiB of bytes, half the largest TTLV message.
        public var maxAttributeValueLength: Int
        /// Longest element or attribute name. Stops name-table bloat; the longest KMIP tag name is under 50.
        public var maxNameLength: Int
        /// Most attributes on one element. Stops quadratic duplicate checks; KMIP uses at most three.
        public var maxAttributes: Int

        public static let defaultMaxDocumentSize = 8 << 20
        public static let defaultMaxDepth = TTLVLimits.defaultMaxDepth
        public static let defaultMaxElements = 1 << 18
        public static let defaultMaxAttributeValueLength = 1 << 20
        public static let defaultMaxNameLength = 128
        public static let defaultMaxAttributes = 8

        public init(
            maxDocumentSize: Int = defaultMaxDocumentSize,
            maxDepth: Int = defaultMaxDepth,
            maxElements: Int = defaultMaxElements,
            maxAttributeValueLength: Int = defaultMaxAttributeValueLength,
            maxNameLength: Int = defaultMaxNameLength,
            maxAttributes: Int = defaultMaxAttributes
        ) {
            self.maxDocumentSize = maxDocumentSize
            self.maxDepth = maxDepth
            self.maxElements = maxElements
            self.maxAttributeValueLength = maxAttributeValueLength
            self.maxNameLength = maxNameLength
            self.maxAttributes = maxAttributes
        }

        public static let `default` = Limits()
    }
}
