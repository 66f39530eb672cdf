import KMIP
import KeepStore

/// A KMIP managed object of one domain: its identifier and attributes. Key material is fetched separately
/// (`KeyHierarchy.keyMaterial`), so passing an object around never carries a key.
public struct ManagedObject: Hashable, Sendable {
    public let uid: String
    public let domainID: String
    public var attributes: ObjectAttributes
    /// Whether the object still holds key material (false once destroyed).
    public let hasKeyMaterial: Bool
    /// The DK version its material is wrapped under.
    public let domainKeyVersion: UInt32?

    init(_ record: ObjectRecord) throws {
        uid = record.uid
        domainID = record.domainID
        attributes = try AttributeRecord.decode(record.attributes)
        hasKeyMaterial = record.wrappedKey != nil
        domainKeyVersion = record.domainKeyVersion
    }
}
