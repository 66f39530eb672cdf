import KMIP

/// The attributes of a managed object, as Keep keeps them. The server converts them to and from the KMIP 1.x
/// and 2.x wire forms; here they are one model.
public struct ObjectAttributes: Hashable, Sendable {
    public var objectType: ObjectType
    public var state: State = .preActive
    public var cryptographicAlgorithm: CryptographicAlgorithm?
    public var cryptographicLength: Int32?
    public var usageMask: CryptographicUsageMask?
    public var names: [Name] = []
    public var links: [Link] = []
    public var dates = Dates()
    public var revocationReason: RevocationReason?
    /// Custom attributes: `x-…` / `y-…` names in KMIP 1.x, Vendor Attributes in 2.x.
    public var custom: [CustomAttributeValue] = []
    /// Any other KMIP attribute a client set, preserved as it came (tag-typed, KMIP 2.x form).
    public var other: [TTLV] = []

    public init(objectType: ObjectType) {
        self.objectType = objectType
    }

    public struct Name: Hashable, Sendable {
        public var value: String
        public var type: NameType
        public init(_ value: String, type: NameType = .uninterpretedTextString) {
            self.value = value
            self.type = type
        }
    }

    public struct Link: Hashable, Sendable {
        public var type: LinkType
        public var linkedObjectIdentifier: String
        public init(_ type: LinkType, _ linkedObjectIdentifier: String) {
            self.type = type
            self.linkedObjectIdentifier = linkedObjectIdentifier
        }
    }

    /// Lifecycle dates, seconds since the POSIX epoch (KMIP Date-Time).
    public struct Dates: Hashable, Sendable {
        public var initial: Int64?
        public var activation: Int64?
        public var deactivation: Int64?
        public var destroy: Int64?
        public var compromise: Int64?
        public var compromiseOccurrence: Int64?
        public var lastChange: Int64?
        public var originalCreation: Int64?
        public init() {}
    }

    public struct RevocationReason: Hashable, Sendable {
        public var code: RevocationReasonCode
        public var message: String?
        public init(_ code: RevocationReasonCode, message: String? = nil) {
            self.code = code
            self.message = message
        }
    }
}

/// A custom attribute: a name, an index among same-named values, and a typed TTLV value.
public struct CustomAttributeValue: Hashable, Sendable {
    public var name: String
    public var index: Int
    public var value: TTLV.Value

    public init(name: String, index: Int = 0, value: TTLV.Value) {
        self.name = name
        self.index = index
        self.value = value
    }

    /// The text the store indexes for Locate (the server builds the same text for a Locate's filter value).
    public var indexText: String {
        switch value {
        case .textString(let s): s
        case .integer(let v): String(v)
        case .longInteger(let v): String(v)
        case .enumeration(let v): String(v)
        case .boolean(let v): String(v)
        case .dateTime(let v), .dateTimeExtended(let v): String(v)
        case .interval(let v): String(v)
        case .byteString(let b), .bigInteger(let b): b.map { String($0, radix: 16) }.joined()
        case .structure: ""
        }
    }
}
