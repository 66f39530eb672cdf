import KMIP
import KeepStore

/// A KMIP managed object of one domain: its identifier and attributes. Key material is fetched separately
/// (`KeyHierarchy.keyMaterial`), so passing an object around never carries a key: it carries only the record as
/// stored, wrapped under the domain's DK and bound to this object, which only the HSM can open.
public struct ManagedObject: Hashable, Sendable {
    /// What the object holds in place of its value.
    public enum ValueForm: Hashable, Sendable {
        /// Its value, wrapped under the domain's DK (`KeyHierarchy.keyMaterial(of:)`).
        case held
        /// The wrapped form a client registered (Key Wrapping Data and wrapped bytes), under the domain's DK
        /// (`KeyHierarchy.registeredWrappedValue(of:)`); the key itself takes the wrapping key to recover.
        case registeredWrapped
        /// Registered without a value (Key Value Present is false; the Key Value Location says where it is).
        case absent
        /// Destroyed: the value is erased, the metadata kept.
        case erased
    }

    public let uid: String
    public let domainID: String
    public var attributes: ObjectAttributes
    /// Whether the object still holds a stored value, plain or registered wrapped (false once destroyed, and for
    /// an object registered without its value).
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

    /// Read from the record's format byte and the object's attributes, without unwrapping anything. A record
    /// whose format byte was altered is reported here as it claims to be, and fails to unwrap (the format is
    /// part of its context).
    public var valueForm: ValueForm {
        if let wrappedKey {
            return WrappedKeyRecord.format(of: wrappedKey) == .registeredWrapped ? .registeredWrapped : .held
        }
        // Destroy erases the record in the same transaction as the state change; only a Register without a
        // value leaves a live object with none.
        let destroyed = attributes.state == .destroyed || attributes.state == .destroyedCompromised
        return !destroyed && KeyHierarchy.keyValuePresent(in: attributes) == false ? .absent : .erased
    }
}
