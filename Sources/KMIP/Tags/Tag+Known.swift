// Tags defined by KMIP 1.0–2.1 (KMIP Specification v2.1 §9.1.3.1 "Tags", and earlier versions for tags
// that 2.x dropped). Values exactly as in the specification. Names are the XML/JSON element names:
// the spec name with spaces and punctuation removed.

extension Tag {
    public static let activationDate = Tag(rawValue: 0x42_0001)
    public static let attribute = Tag(rawValue: 0x42_0008)
    public static let attributeName = Tag(rawValue: 0x42_000A)
    public static let attributeValue = Tag(rawValue: 0x42_000B)
    public static let uniqueIdentifier = Tag(rawValue: 0x42_0094)
    // … the tables helper completes this list.
}

extension Tag {
    /// Every known tag with its XML/JSON name. One row per static member above, in the same order.
    static let known: [(Tag, String)] = [
        (.activationDate, "ActivationDate"),
        (.attribute, "Attribute"),
        (.attributeName, "AttributeName"),
        (.attributeValue, "AttributeValue"),
        (.uniqueIdentifier, "UniqueIdentifier"),
    ]
}
