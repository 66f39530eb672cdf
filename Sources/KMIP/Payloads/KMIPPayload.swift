/// A typed operation payload (Request Payload or Response Payload). One file per operation holds both.
public protocol KMIPPayload: Sendable, CustomStringConvertible {
    static var operation: Operation { get }
    /// Reads the Request Payload / Response Payload structure as `version` lays it out.
    init(from item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError)
    /// The Request Payload / Response Payload structure in `version`'s form.
    func ttlv(version: ProtocolVersion) -> TTLV
}

public protocol RequestPayload: KMIPPayload {}
public protocol ResponsePayload: KMIPPayload {}

extension KMIPPayload {
    /// Type name only: payloads carry key material and plaintext.
    public var description: String { "\(Self.self)" }
}

/// A batch item's payload: typed, or kept exactly as received.
public enum PayloadContent<Typed: Sendable>: Sendable {
    case typed(Typed)
    /// The operation has no payload model, or the payload did not decode. The item re-encodes unchanged; `error`
    /// carries the Result Reason the server answers if it must refuse the item.
    case unparsed(TTLV, KMIPDecodingError)

    public var isUnparsed: Bool {
        if case .unparsed = self { return true }
        return false
    }

    public var decodingError: KMIPDecodingError? {
        if case .unparsed(_, let error) = self { return error }
        return nil
    }
}

/// The payload types, by operation. Decoding dispatches here; an operation absent from the table is kept
/// `.unparsed` with an Operation Not Supported error.
public enum PayloadTable {
    public static let requests: [Operation: any RequestPayload.Type] = Dictionary(uniqueKeysWithValues: allEntries.map { ($0.0, $0.1) })
    public static let responses: [Operation: any ResponsePayload.Type] = Dictionary(uniqueKeysWithValues: allEntries.map { ($0.0, $0.2) })
    /// The specification's operations, then Keep's administration extension (KeepAdminExtensions.swift).
    private static var allEntries: [(Operation, any RequestPayload.Type, any ResponsePayload.Type)] { entries + administrationEntries }

    private static let entries: [(Operation, any RequestPayload.Type, any ResponsePayload.Type)] = [
        (.discoverVersions, DiscoverVersionsRequest.self, DiscoverVersionsResponse.self),
        (.query, QueryRequest.self, QueryResponse.self),
        (.create, CreateRequest.self, CreateResponse.self),
        (.createKeyPair, CreateKeyPairRequest.self, CreateKeyPairResponse.self),
        (.register, RegisterRequest.self, RegisterResponse.self),
        (.get, GetRequest.self, GetResponse.self),
        (.getAttributes, GetAttributesRequest.self, GetAttributesResponse.self),
        (.getAttributeList, GetAttributeListRequest.self, GetAttributeListResponse.self),
        (.addAttribute, AddAttributeRequest.self, AddAttributeResponse.self),
        (.setAttribute, SetAttributeRequest.self, SetAttributeResponse.self),
        (.modifyAttribute, ModifyAttributeRequest.self, ModifyAttributeResponse.self),
        (.deleteAttribute, DeleteAttributeRequest.self, DeleteAttributeResponse.self),
        (.locate, LocateRequest.self, LocateResponse.self),
        (.activate, ActivateRequest.self, ActivateResponse.self),
        (.revoke, RevokeRequest.self, RevokeResponse.self),
        (.destroy, DestroyRequest.self, DestroyResponse.self),
        (.reKey, ReKeyRequest.self, ReKeyResponse.self),
        (.encrypt, EncryptRequest.self, EncryptResponse.self),
        (.decrypt, DecryptRequest.self, DecryptResponse.self),
        (.mac, MACRequest.self, MACResponse.self),
        (.macVerify, MACVerifyRequest.self, MACVerifyResponse.self),
        (.rngRetrieve, RNGRetrieveRequest.self, RNGRetrieveResponse.self),
        (.rngSeed, RNGSeedRequest.self, RNGSeedResponse.self),
        (.check, CheckRequest.self, CheckResponse.self),
        (.getUsageAllocation, GetUsageAllocationRequest.self, GetUsageAllocationResponse.self),
        (.interop, InteropRequest.self, InteropResponse.self),
        // Vendor extension (KeepExtensions.swift).
        (.keepDomainStatus, KeepDomainStatusRequest.self, KeepDomainStatusResponse.self),
    ]

    static func decodeRequest(_ operation: Operation, _ item: TTLV, version: ProtocolVersion) -> PayloadContent<any RequestPayload> {
        guard let type = requests[operation] else {
            return .unparsed(item, unsupported(operation, item))
        }
        do throws(KMIPDecodingError) {
            return .typed(try decoding(item.tag) { () throws(KMIPDecodingError) in try type.init(from: item, version: version) })
        } catch {
            return .unparsed(item, error)
        }
    }

    static func decodeResponse(_ operation: Operation, _ item: TTLV, version: ProtocolVersion) -> PayloadContent<any ResponsePayload> {
        guard let type = responses[operation] else {
            return .unparsed(item, unsupported(operation, item))
        }
        do throws(KMIPDecodingError) {
            return .typed(try decoding(item.tag) { () throws(KMIPDecodingError) in try type.init(from: item, version: version) })
        } catch {
            return .unparsed(item, error)
        }
    }

    private static func unsupported(_ operation: Operation, _ item: TTLV) -> KMIPDecodingError {
        KMIPDecodingError(.unsupportedOperation, path: [item.tag], "no payload model for operation \(operation)", resultReason: .operationNotSupported)
    }
}
