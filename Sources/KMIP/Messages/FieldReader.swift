import KeepCrypto

/// A Swift type that is exactly one TTLV primitive type.
public protocol TTLVValueRepresentable: Sendable {
    static var ttlvType: TTLVType { get }
    /// nil when `value` is of another item type.
    init?(ttlvValue value: TTLV.Value)
    var ttlvValue: TTLV.Value { get }
}

/// A structure the model reads from and writes to TTLV. The caller chooses the tag (the same structure appears
/// under several tags: Template-Attribute, Common Template-Attribute, …) and the protocol version.
public protocol TTLVStructureCodable: Sendable {
    init(from item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError)
    func ttlv(_ tag: Tag, version: ProtocolVersion) -> TTLV
}

extension String: TTLVValueRepresentable {
    public static var ttlvType: TTLVType { .textString }
    public init?(ttlvValue value: TTLV.Value) {
        guard case .textString(let v) = value else { return nil }
        self = v
    }
    public var ttlvValue: TTLV.Value { .textString(self) }
}

extension Int32: TTLVValueRepresentable {
    public static var ttlvType: TTLVType { .integer }
    public init?(ttlvValue value: TTLV.Value) {
        guard case .integer(let v) = value else { return nil }
        self = v
    }
    public var ttlvValue: TTLV.Value { .integer(self) }
}

extension Int64: TTLVValueRepresentable {
    public static var ttlvType: TTLVType { .longInteger }
    public init?(ttlvValue value: TTLV.Value) {
        guard case .longInteger(let v) = value else { return nil }
        self = v
    }
    public var ttlvValue: TTLV.Value { .longInteger(self) }
}

extension Bool: TTLVValueRepresentable {
    public static var ttlvType: TTLVType { .boolean }
    public init?(ttlvValue value: TTLV.Value) {
        guard case .boolean(let v) = value else { return nil }
        self = v
    }
    public var ttlvValue: TTLV.Value { .boolean(self) }
}

extension Array: TTLVValueRepresentable where Element == UInt8 {
    public static var ttlvType: TTLVType { .byteString }
    public init?(ttlvValue value: TTLV.Value) {
        guard case .byteString(let v) = value else { return nil }
        self = v
    }
    public var ttlvValue: TTLV.Value { .byteString(self) }
}

/// Secrets (key material, passwords, plaintext) are read straight into zeroized storage.
extension SecureBytes: TTLVValueRepresentable {
    public static var ttlvType: TTLVType { .byteString }
    public init?(ttlvValue value: TTLV.Value) {
        guard case .byteString(let v) = value else { return nil }
        self.init(v)
    }
    /// The one place a secret is copied out: into the item about to be encoded.
    public var ttlvValue: TTLV.Value { .byteString(copyBytes()) }
}

/// A Date-Time: seconds since the POSIX epoch.
public struct DateTime: Hashable, Sendable, Comparable, TTLVValueRepresentable, CustomStringConvertible {
    public var secondsSinceEpoch: Int64
    public init(secondsSinceEpoch: Int64) { self.secondsSinceEpoch = secondsSinceEpoch }
    public static var ttlvType: TTLVType { .dateTime }
    public init?(ttlvValue value: TTLV.Value) {
        guard case .dateTime(let v) = value else { return nil }
        secondsSinceEpoch = v
    }
    public var ttlvValue: TTLV.Value { .dateTime(secondsSinceEpoch) }
    public static func < (a: DateTime, b: DateTime) -> Bool { a.secondsSinceEpoch < b.secondsSinceEpoch }
    public var description: String { "DateTime(\(secondsSinceEpoch))" }
}

/// An Interval: a number of seconds.
public struct Interval: Hashable, Sendable, TTLVValueRepresentable {
    public var seconds: UInt32
    public init(seconds: UInt32) { self.seconds = seconds }
    public static var ttlvType: TTLVType { .interval }
    public init?(ttlvValue value: TTLV.Value) {
        guard case .interval(let v) = value else { return nil }
        seconds = v
    }
    public var ttlvValue: TTLV.Value { .interval(seconds) }
}


/// Reads the fields of one structure, and checks at the end that every child was understood.
///
/// That final check is what makes the model lossless: a structure with a field the model does not carry fails to
/// decode (and the batch item keeps its raw payload) rather than silently dropping the field on re-encoding.
/// Fields are found by tag, in any order; encoding writes them in the specification's order.
public struct FieldReader {
    public let tag: Tag
    private let children: [TTLV]
    private var used: [Bool]

    public init(_ item: TTLV) throws(KMIPDecodingError) {
        guard case .structure(let children) = item.value else {
            throw KMIPDecodingError(.unexpectedType, path: [item.tag], "\(item.tag) must be a Structure, not \(item.type.name)")
        }
        tag = item.tag
        self.children = children
        used = Array(repeating: false, count: children.count)
    }

    /// The next unread child with `tag`.
    public mutating func take(_ tag: Tag) -> TTLV? {
        guard let index = children.indices.first(where: { !used[$0] && children[$0].tag == tag }) else { return nil }
        used[index] = true
        return children[index]
    }

    /// Every unread child with `tag`, in order.
    public mutating func takeAll(_ tag: Tag) -> [TTLV] {
        var out: [TTLV] = []
        while let item = take(tag) { out.append(item) }
        return out
    }

    /// Every unread child whose tag is in `tags`, in wire order.
    public mutating func takeAll(in tags: Set<Tag>) -> [TTLV] {
        var out: [TTLV] = []
        for index in children.indices where !used[index] && tags.contains(children[index].tag) {
            used[index] = true
            out.append(children[index])
        }
        return out
    }

    /// Every unread child, in wire order.
    public mutating func takeRest() -> [TTLV] {
        var out: [TTLV] = []
        for index in children.indices where !used[index] {
            used[index] = true
            out.append(children[index])
        }
        return out
    }

    public var hasUnread: Bool { used.contains(false) }

    public mutating func require(_ tag: Tag) throws(KMIPDecodingError) -> TTLV {
        guard let item = take(tag) else {
            throw KMIPDecodingError(.missingField, path: [tag], "\(self.tag) requires \(tag)")
        }
        return item
    }

    /// Throws if a child was not read: a field this structure does not define, or a repeat of a single field.
    public func finish() throws(KMIPDecodingError) {
        if let index = used.firstIndex(of: false) {
            let extra = children[index].tag
            throw KMIPDecodingError(.unexpectedField, path: [extra], "\(extra) is not a field of \(tag) here, or repeats a single field")
        }
    }

    /// Throws if a child is a field `version` does not define (`ProtocolVersion.allows`): a 1.1 header carrying a
    /// 1.4 Client Correlation Value is refused rather than read into a model no 1.1 encoding can carry.
    public func refuseFields(newerThan version: ProtocolVersion) throws(KMIPDecodingError) {
        for child in children where !version.allows(child.tag) {
            throw KMIPDecodingError(.unsupportedVersion, path: [child.tag],
                                    "\(child.tag) is not a field of \(tag) in KMIP \(version) (it is KMIP \(ProtocolVersion.introducing[child.tag].map(String.init(describing:)) ?? "?")+)")
        }
    }

    /// Every unread child with a vendor extension tag (0x54xxxx), with where it sat among the structure's children.
    /// Items after the last specification field count as appended, so a decoded frame equals one built by appending.
    public mutating func takeExtensions() -> ExtensionItems {
        var out = ExtensionItems()
        let lastField = children.lastIndex { !$0.tag.isExtension } ?? -1
        for index in children.indices where !used[index] && children[index].tag.isExtension {
            used[index] = true
            if index > lastField { out.append(children[index]) } else { out.insert(children[index], at: index) }
        }
        return out
    }

    // MARK: Primitives

    static func convert<T: TTLVValueRepresentable>(_ item: TTLV, as: T.Type = T.self) throws(KMIPDecodingError) -> T {
        guard let value = T(ttlvValue: item.value) else {
            throw KMIPDecodingError(.unexpectedType, path: [item.tag], "\(item.tag) must be \(T.ttlvType.name), not \(item.type.name)")
        }
        return value
    }

    static func convertEnum<E: KMIPEnumeration>(_ item: TTLV, as: E.Type = E.self) throws(KMIPDecodingError) -> E {
        guard case .enumeration(let raw) = item.value else {
            throw KMIPDecodingError(.unexpectedType, path: [item.tag], "\(item.tag) must be Enumeration, not \(item.type.name)")
        }
        return E(rawValue: raw)
    }

    public mutating func optional<T: TTLVValueRepresentable>(_ tag: Tag, as: T.Type = T.self) throws(KMIPDecodingError) -> T? {
        guard let item = take(tag) else { return nil }
        return try Self.convert(item)
    }

    public mutating func required<T: TTLVValueRepresentable>(_ tag: Tag, as: T.Type = T.self) throws(KMIPDecodingError) -> T {
        try Self.convert(try require(tag))
    }

    public mutating func all<T: TTLVValueRepresentable>(_ tag: Tag, as: T.Type = T.self) throws(KMIPDecodingError) -> [T] {
        var out: [T] = []
        for item in takeAll(tag) { out.append(try Self.convert(item)) }
        return out
    }

    public mutating func optional<E: KMIPEnumeration>(_ tag: Tag, as: E.Type = E.self) throws(KMIPDecodingError) -> E? {
        guard let item = take(tag) else { return nil }
        return try Self.convertEnum(item)
    }

    public mutating func required<E: KMIPEnumeration>(_ tag: Tag, as: E.Type = E.self) throws(KMIPDecodingError) -> E {
        try Self.convertEnum(try require(tag))
    }

    public mutating func all<E: KMIPEnumeration>(_ tag: Tag, as: E.Type = E.self) throws(KMIPDecodingError) -> [E] {
        var out: [E] = []
        for item in takeAll(tag) { out.append(try Self.convertEnum(item)) }
        return out
    }

    // MARK: Structures

    public mutating func optional<S: TTLVStructureCodable>(_ tag: Tag, version: ProtocolVersion, as: S.Type = S.self) throws(KMIPDecodingError) -> S? {
        guard let item = take(tag) else { return nil }
        return try decoding(tag) { () throws(KMIPDecodingError) in try S(from: item, version: version) }
    }

    public mutating func required<S: TTLVStructureCodable>(_ tag: Tag, version: ProtocolVersion, as: S.Type = S.self) throws(KMIPDecodingError) -> S {
        let item = try require(tag)
        return try decoding(tag) { () throws(KMIPDecodingError) in try S(from: item, version: version) }
    }

    public mutating func all<S: TTLVStructureCodable>(_ tag: Tag, version: ProtocolVersion, as: S.Type = S.self) throws(KMIPDecodingError) -> [S] {
        var out: [S] = []
        for item in takeAll(tag) {
            out.append(try decoding(tag) { () throws(KMIPDecodingError) in try S(from: item, version: version) })
        }
        return out
    }
}

/// Writes the fields of one structure in order; nil fields are left out.
public struct StructureBuilder {
    public private(set) var children: [TTLV] = []

    public init() {}

    public mutating func add<T: TTLVValueRepresentable>(_ tag: Tag, _ value: T?) {
        if let value { children.append(TTLV(tag, value.ttlvValue)) }
    }

    public mutating func add<T: TTLVValueRepresentable>(_ tag: Tag, all values: [T]) {
        for value in values { children.append(TTLV(tag, value.ttlvValue)) }
    }

    public mutating func add<E: KMIPEnumeration>(_ tag: Tag, _ value: E?) {
        if let value { children.append(TTLV(tag, .enumeration(value.rawValue))) }
    }

    public mutating func add<E: KMIPEnumeration>(_ tag: Tag, all values: [E]) {
        for value in values { children.append(TTLV(tag, .enumeration(value.rawValue))) }
    }

    public mutating func add<S: TTLVStructureCodable>(_ tag: Tag, _ value: S?, version: ProtocolVersion) {
        if let value { children.append(value.ttlv(tag, version: version)) }
    }

    public mutating func add<S: TTLVStructureCodable>(_ tag: Tag, all values: [S], version: ProtocolVersion) {
        for value in values { children.append(value.ttlv(tag, version: version)) }
    }

    public mutating func add(_ item: TTLV?) {
        if let item { children.append(item) }
    }

    public mutating func add(all items: [TTLV]) {
        children.append(contentsOf: items)
    }

    public func build(_ tag: Tag) -> TTLV { .structure(tag, children) }

    /// The structure with the fields `version` does not define left out, and `extensions` put back where they were.
    public func build(_ tag: Tag, for version: ProtocolVersion, extensions: ExtensionItems = ExtensionItems()) -> TTLV {
        .structure(tag, extensions.merged(into: children.filter { version.allows($0.tag) }))
    }
}
