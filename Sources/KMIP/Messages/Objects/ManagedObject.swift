import KeepCrypto

/// A managed object as Register and Get carry it. Keep manages symmetric keys, secret data and opaque objects,
/// and models them; every other object type is kept as received so nothing is lost.
public enum ManagedObject: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    /// Symmetric Key: { Key Block }.
    case symmetricKey(KeyBlock)
    /// Secret Data: { Secret Data Type, Key Block }.
    case secretData(SecretDataType, KeyBlock)
    /// Opaque Object: { Opaque Data Type, Opaque Data Value }.
    case opaqueObject(OpaqueDataType, SecureBytes)
    /// Certificate, Public Key, Private Key, Split Key, Template, PGP Key, Certificate Request: as received.
    case preserved(ObjectType, TTLV)

    /// The tag of the object's structure for each object type.
    static let tags: [ObjectType: Tag] = [
        .certificate: .certificate, .symmetricKey: .symmetricKey, .publicKey: .publicKey, .privateKey: .privateKey,
        .splitKey: .splitKey, .template: .template, .secretData: .secretData, .opaqueObject: .opaqueObject,
        .pgpKey: .pgpKey, .certificateRequest: .certificateRequest,
    ]

    public var objectType: ObjectType {
        switch self {
        case .symmetricKey: .symmetricKey
        case .secretData: .secretData
        case .opaqueObject: .opaqueObject
        case .preserved(let type, _): type
        }
    }

    /// The Key Block of a symmetric key or secret data.
    public var keyBlock: KeyBlock? {
        switch self {
        case .symmetricKey(let block), .secretData(_, let block): block
        default: nil
        }
    }

    /// Reads the object of `type` from a payload (Register request, Get response).
    static func read(_ type: ObjectType, from r: inout FieldReader, version: ProtocolVersion) throws(KMIPDecodingError) -> ManagedObject {
        guard let tag = tags[type] else {
            throw KMIPDecodingError(.invalidValue, path: [.objectType], "unknown Object Type \(type)")
        }
        let item = try r.require(tag)
        return try decoding(tag) { () throws(KMIPDecodingError) -> ManagedObject in
            var o = try FieldReader(item)
            let object: ManagedObject
            switch type {
            case .symmetricKey:
                object = .symmetricKey(try o.required(.keyBlock, version: version))
            case .secretData:
                object = .secretData(try o.required(.secretDataType), try o.required(.keyBlock, version: version))
            case .opaqueObject:
                object = .opaqueObject(try o.required(.opaqueDataType), try o.required(.opaqueDataValue))
            default:
                _ = o.takeRest()
                object = .preserved(type, item)
            }
            try o.finish()
            return object
        }
    }

    public func ttlv(version: ProtocolVersion) -> TTLV {
        switch self {
        case .symmetricKey(let block):
            return .structure(.symmetricKey, [block.ttlv(.keyBlock, version: version)])
        case .secretData(let type, let block):
            return .structure(.secretData, [TTLV(.secretDataType, .enumeration(type.rawValue)), block.ttlv(.keyBlock, version: version)])
        case .opaqueObject(let type, let value):
            return .structure(.opaqueObject, [TTLV(.opaqueDataType, .enumeration(type.rawValue)), TTLV(.opaqueDataValue, value.ttlvValue)])
        case .preserved(_, let item):
            return item
        }
    }

    public var description: String {
        switch self {
        case .symmetricKey(let block): "SymmetricKey(\(block))"
        case .secretData(let type, let block): "SecretData(\(type), \(block))"
        case .opaqueObject(let type, let value): "OpaqueObject(\(type), \(value.count) bytes, redacted)"
        case .preserved(let type, let item): "\(type)(\(item.children.count)-field structure, not modelled)"
        }
    }

    public var debugDescription: String { description }
}
