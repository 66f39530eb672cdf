/// Request Message: Request Header, Batch Item+.
public struct RequestMessage: Sendable {
    public var header: RequestHeader
    public var batchItems: [RequestBatchItem]

    public init(header: RequestHeader, batchItems: [RequestBatchItem]) {
        self.header = header
        self.batchItems = batchItems
    }

    /// A message whose Batch Count matches its items.
    public init(version: ProtocolVersion, _ batchItems: [RequestBatchItem]) {
        self.init(header: RequestHeader(protocolVersion: version, batchCount: Int32(batchItems.count)), batchItems: batchItems)
    }

    public var version: ProtocolVersion { header.protocolVersion }

    /// Decodes a Request Message. A fault in the header or in a batch item's frame is an Invalid Message error;
    /// a payload that does not decode stays `.unparsed` in its item.
    public init(from item: TTLV) throws(KMIPDecodingError) {
        do throws(KMIPDecodingError) {
            guard item.tag == .requestMessage else {
                throw KMIPDecodingError(.unexpectedField, path: [item.tag], "not a Request Message")
            }
            var r = try FieldReader(item)
            let headerItem = try r.require(.requestHeader)
            header = try decoding(.requestHeader) { () throws(KMIPDecodingError) in try RequestHeader(from: headerItem) }
            let version = header.protocolVersion
            var items: [RequestBatchItem] = []
            for batchItem in r.takeAll(.batchItem) {
                items.append(try decoding(.batchItem) { () throws(KMIPDecodingError) in try RequestBatchItem(from: batchItem, version: version) })
            }
            batchItems = items
            try r.finish()
        } catch {
            throw error.within(item.tag).answering(.invalidMessage)
        }
    }

    public init(bytes: [UInt8], decoder: TTLVDecoder = TTLVDecoder()) throws(KMIPDecodingError) {
        let item: TTLV
        do throws(TTLVError) {
            item = try decoder.decodeMessage(bytes)
        } catch {
            throw KMIPDecodingError(.invalidValue, "TTLV: \(error.code) at byte \(error.offset)", resultReason: .invalidMessage)
        }
        try self.init(from: item)
    }

    public func ttlv() -> TTLV {
        let version = header.protocolVersion
        return .structure(.requestMessage, [header.ttlv(.requestHeader, version: version)] + batchItems.map { $0.ttlv(version: version) })
    }

    public func encoded() -> [UInt8] { ttlv().encoded() }
}

/// Request Header. Fields in the order of KMIP 1.4 §7.2 / 2.1 §8.
public struct RequestHeader: Sendable, Equatable, TTLVStructureCodable {
    public var protocolVersion: ProtocolVersion
    public var maximumResponseSize: Int32?
    /// 1.4+
    public var clientCorrelationValue: String?
    /// 1.4+
    public var serverCorrelationValue: String?
    public var asynchronousIndicator: Bool?
    /// 1.2+
    public var attestationCapableIndicator: Bool?
    /// 1.2+
    public var attestationTypes: [AttestationType]
    /// Authentication: one or more Credentials.
    public var authentication: [Credential]?
    public var batchErrorContinuationOption: BatchErrorContinuationOption?
    public var batchOrderOption: Bool?
    public var timeStamp: DateTime?
    /// As sent; `RequestMessage(version:_:)` sets it to the number of items.
    public var batchCount: Int32
    /// Vendor extension items (0x54xxxx) beside the header's fields, kept as received.
    public var extensions = ExtensionItems()

    public init(protocolVersion: ProtocolVersion, maximumResponseSize: Int32? = nil, authentication: [Credential]? = nil, batchCount: Int32) {
        self.protocolVersion = protocolVersion
        self.maximumResponseSize = maximumResponseSize
        attestationTypes = []
        self.authentication = authentication
        self.batchCount = batchCount
    }

    init(from item: TTLV) throws(KMIPDecodingError) {
        var r = try FieldReader(item)
        let version: ProtocolVersion = try r.required(.protocolVersion, version: .v1_0)
        try self.init(reading: &r, version: version)
    }

    public init(from item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        try self.init(from: item)
    }

    private init(reading r: inout FieldReader, version: ProtocolVersion) throws(KMIPDecodingError) {
        try r.refuseFields(newerThan: version)
        protocolVersion = version
        maximumResponseSize = try r.optional(.maximumResponseSize)
        clientCorrelationValue = try r.optional(.clientCorrelationValue)
        serverCorrelationValue = try r.optional(.serverCorrelationValue)
        asynchronousIndicator = try r.optional(.asynchronousIndicator)
        attestationCapableIndicator = try r.optional(.attestationCapableIndicator)
        attestationTypes = try r.all(.attestationType)
        if let auth = r.take(.authentication) {
            authentication = try decoding(.authentication) { () throws(KMIPDecodingError) -> [Credential] in
                var a = try FieldReader(auth)
                let credentials: [Credential] = try a.all(.credential, version: version)
                try a.finish()
                guard !credentials.isEmpty else {
                    throw KMIPDecodingError(.missingField, path: [.credential], "Authentication requires a Credential")
                }
                return credentials
            }
        }
        batchErrorContinuationOption = try r.optional(.batchErrorContinuationOption)
        batchOrderOption = try r.optional(.batchOrderOption)
        timeStamp = try r.optional(.timeStamp)
        batchCount = try r.required(.batchCount)
        extensions = r.takeExtensions()
        try r.finish()
    }

    /// The header as `version` encodes it: fields `version` does not define (`ProtocolVersion.introducing`) are
    /// left out.
    public func ttlv(_ tag: Tag, version: ProtocolVersion) -> TTLV {
        var b = StructureBuilder()
        b.add(.protocolVersion, protocolVersion, version: version)
        b.add(.maximumResponseSize, maximumResponseSize)
        b.add(.clientCorrelationValue, clientCorrelationValue)
        b.add(.serverCorrelationValue, serverCorrelationValue)
        b.add(.asynchronousIndicator, asynchronousIndicator)
        b.add(.attestationCapableIndicator, attestationCapableIndicator)
        b.add(.attestationType, all: attestationTypes)
        if let authentication {
            b.add(.structure(.authentication, authentication.map { $0.ttlv(.credential, version: version) }))
        }
        b.add(.batchErrorContinuationOption, batchErrorContinuationOption)
        b.add(.batchOrderOption, batchOrderOption)
        b.add(.timeStamp, timeStamp)
        b.add(.batchCount, batchCount)
        return b.build(tag, for: version, extensions: extensions)
    }
}

/// Request Batch Item: Operation, Ephemeral (2.0+), Unique Batch Item ID, Request Payload, Message Extension.
public struct RequestBatchItem: Sendable {
    public var operation: Operation
    /// 2.0+
    public var ephemeral: Bool?
    public var uniqueBatchItemID: [UInt8]?
    public var payload: PayloadContent<any RequestPayload>
    public var messageExtension: MessageExtension?
    /// Vendor extension items (0x54xxxx) beside the item's fields, kept as received.
    public var extensions = ExtensionItems()

    public init(_ payload: any RequestPayload, uniqueBatchItemID: [UInt8]? = nil) {
        operation = type(of: payload).operation
        self.uniqueBatchItemID = uniqueBatchItemID
        self.payload = .typed(payload)
    }

    public init(operation: Operation, ephemeral: Bool? = nil, uniqueBatchItemID: [UInt8]? = nil,
                payload: PayloadContent<any RequestPayload>, messageExtension: MessageExtension? = nil) {
        self.operation = operation
        self.ephemeral = ephemeral
        self.uniqueBatchItemID = uniqueBatchItemID
        self.payload = payload
        self.messageExtension = messageExtension
    }

    init(from item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        var r = try FieldReader(item)
        try r.refuseFields(newerThan: version)
        operation = try r.required(.operation)
        ephemeral = try r.optional(.ephemeral)
        uniqueBatchItemID = try r.optional(.uniqueBatchItemID)
        let payloadItem = try r.require(.requestPayload)
        messageExtension = try r.optional(.messageExtension, version: version)
        extensions = r.takeExtensions()
        try r.finish()
        payload = PayloadTable.decodeRequest(operation, payloadItem, version: version)
    }

    /// The typed payload, if it is a `P`.
    public func payload<P: RequestPayload>(as: P.Type = P.self) -> P? {
        if case .typed(let p) = payload { return p as? P }
        return nil
    }

    public func ttlv(version: ProtocolVersion) -> TTLV {
        var b = StructureBuilder()
        b.add(.operation, operation)
        b.add(.ephemeral, ephemeral)
        b.add(.uniqueBatchItemID, uniqueBatchItemID)
        switch payload {
        case .typed(let p): b.add(p.ttlv(version: version))
        case .unparsed(let item, _): b.add(item)
        }
        b.add(.messageExtension, messageExtension, version: version)
        return b.build(.batchItem, for: version, extensions: extensions)
    }
}

/// A decoded message of either direction, chosen by the outer tag.
public enum KMIPMessage: Sendable {
    case request(RequestMessage)
    case response(ResponseMessage)

    public init(from item: TTLV) throws(KMIPDecodingError) {
        switch item.tag {
        case .requestMessage: self = .request(try RequestMessage(from: item))
        case .responseMessage: self = .response(try ResponseMessage(from: item))
        default: throw KMIPDecodingError(.unexpectedField, path: [item.tag], "neither a Request Message nor a Response Message", resultReason: .invalidMessage)
        }
    }

    public func ttlv() -> TTLV {
        switch self {
        case .request(let m): m.ttlv()
        case .response(let m): m.ttlv()
        }
    }
}
