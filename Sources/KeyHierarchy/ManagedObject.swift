import KMIP
import KeepStore

/// A KMIP managed object of one domain: its identifier and attributes. Key material is fetched separately
/// (`KeyHierarchy.keyMaterial`), so passing an object around never carries a key: it carries only the record as
/// stored, wrapped under the domain's DK and bound to this object, which only the HSM can open.
public struct ManagedObject: Hashable, Sendable {
    public let uid: String
    public let domainID: String
    public var attributes: ObjectAttributes
    /// Whether the object still holds key material (false once destroyed).
    public let hasKeyMaterial: Bool
    /// The DK version its material is wrapped under.
    public let domainKeyVersion: UInt32?
    /// The wrapped-key record read with the attributes, so `KeyHierarchy.keyMaterial(of:)` unwraps exactly the
    /// snapshot the caller checked (state, usage, policy) without reading the store again.
    let wrappedKey: [UInt8]?
    /// The object type as stored (part of the wrapping context).
    let storedObjectType: UInt32

    init(_ record: ObjectRecord) throws {
        uid = record.uid
        domainID = record.domainID
        attributes = try AttributeRecord.decode(record.attributes)
        hasKeyMaterial = record.wrappedKey != nil
        domainKeyVersion = record.domainKeyVersion
        wrappedKey = record.wrappedKey
        storedObjectType = record.objectType
    }
}
