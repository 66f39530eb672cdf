/// Response Message: Response Header, Batch Item+.
public struct ResponseMessage: Sendable {
    public var header: ResponseHeader
    public var batchItems: [ResponseBatchItem]

    public init(header: ResponseHeader, batchItems: [ResponseBatchItem]) {
        self.header = header
        self.batchItems = batchItems
    }

    public var version: ProtocolVersion { header.protocolVersion }

    public init(from item: TTLV) throws(KMIPDecodingError) {
        do throws(KMIPDecodingError) {
            guard item.tag == .responseMessage else {
                throw KMIPDecodingError(.unexpectedField, path: [item.tag], "not a Response Message")
            }
            var r = try FieldReader(item)
            let headerItem = try r.require(.responseHeader)
            header = try decoding(.responseHeader) { () throws(KMIPDecodingError) in try ResponseHeader(from: headerItem) }
            let version = header.protocolVersion
            var items: [ResponseBatchItem] = []
            for batchItem in r.takeAll(.batchItem) {
                items.append(try decoding(.batchItem) { () throws(KMIPDecodingError) in try ResponseBatchItem(from: batchItem, version: version) })
            }
            batchItems = items
            try r.finish()
        } catch {
            throw error.within(item.tag).answering(.invalidMessage)
        }
    }

    public func ttlv() -> TTLV {
        let version = header.protocolVersion
        return .structure(.responseMessage, [header.ttlv(.responseHeader, version: version)] + batchItems.map { $0.ttlv(version: version) })
    }

    public func encoded() -> [UInt8] { ttlv().encoded() }
}

/// Response Header: Protocol Version, Time Stamp, Nonce (1.2+), Server Hashed Password (2.0+), Attestation
/// Type* (1.2+), Client/Server Correlation Value (1.4+), Batch Count.
public struct ResponseHeader: Sendable, Equatable, TTLVStructureCodable {
    public var protocolVersion: ProtocolVersion
    public var timeStamp: DateTime
    public var nonce: Nonce?
    public var serverHashedPassword: [UInt8]?
    public var attestationTypes: [AttestationType]
    public var clientCorrelationValue: String?
    public var serverCorrelationValue: String?
    public var batchCount: Int32
    /// Vendor extension items (0x54xxxx) beside the header's fields, kept as received.
    public var extensions = ExtensionItems()

    public init(protocolVersion: ProtocolVersion, timeStamp: DateTime, batchCount: Int32) {
        self.protocolVersion = protocolVersion
        self.timeStamp = timeStamp
        attestationTypes = []
        self.batchCount = batchCount
    }

    init(from item: TTLV) throws(KMIPDecodingError) {
        var r = try FieldReader(item)
        let version: ProtocolVersion = try r.required(.protocolVersion, version: .v1_0)
        try r.refuseFields(newerThan: version)
        protocolVersion = version
        timeStamp = try r.required(.timeStamp)
        nonce = try r.optional(.nonce, version: version)
        serverHashedPassword = try r.optional(.serverHashedPassword)
        attestationTypes = try r.all(.attestationType)
        clientCorrelationValue = try r.optional(.clientCorrelationValue)
        serverCorrelationValue = try r.optional(.serverCorrelationValue)
        batchCount = try r.required(.batchCount)
        extensions = r.takeExtensions()
        try r.finish()
    }

    public init(from item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        try self.init(from: item)
    }

    /// The header as `version` encodes it: fields `version` does not define (`ProtocolVersion.introducing`) are
    /// left out.
    public func ttlv(_ tag: Tag, version: ProtocolVersion) -> TTLV {
        var b = StructureBuilder()
        b.add(.protocolVersion, protocolVersion, version: version)
        b.add(.timeStamp, timeStamp)
        b.add(.nonce, nonce, version: version)
        b.add(.serverHashedPassword, serverHashedPassword)
        b.add(.attestationType, all: attestationTypes)
        b.add(.clientCorrelationValue, clientCorrelationValue)
        b.add(.serverCorrelationValue, serverCorrelationValue)
        b.add(.batchCount, batchCount)
        return b.build(tag, for: version, extensions: extensions)
    }
}

/// Response Batch Item: Operation, Unique Batch Item ID, Result Status, Result Reason, Result Message,
/// Asynchronous Correlation Value, Response Payload, Message Extension.
public struct ResponseBatchItem: Sendable {
    /// Required when the request item had one (always, in practice); may be absent in an error response.
    public var operation: Operation?
    public var uniqueBatchItemID: [UInt8]?
    public var resultStatus: ResultStatus
    public var resultReason: ResultReason?
    public var resultMessage: String?
    public var asynchronousCorrelationValue: [UInt8]?
    public var payload: PayloadContent<any ResponsePayload>?
    public var messageExtension: MessageExtension?
    /// Vendor extension items (0x54xxxx) beside the item's fields, kept as received.
    public var extensions = ExtensionItems()

    /// A successful item with `payload`.
    public init(_ payload: any ResponsePayload, uniqueBatchItemID: [UInt8]? = nil) {
        operation = type(of: payload).operation
        self.uniqueBatchItemID = uniqueBatchItemID
        resultStatus = .success
        self.payload = .typed(payload)
    }

    /// A failed item.
    public init(operation: Operation?, uniqueBatchItemID: [UInt8]? = nil, failure reason: ResultReason, message: String? = nil) {
        self.operation = operation
        self.uniqueBatchItemID = uniqueBatchItemID
        resultStatus = .operationFailed
        resultReason = reason
        resultMessage = message
    }

    init(from item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        var r = try FieldReader(item)
        try r.refuseFields(newerThan: version)
        operation = try r.optional(.operation)
        uniqueBatchItemID = try r.optional(.uniqueBatchItemID)
        resultStatus = try r.required(.resultStatus)
        resultReason = try r.optional(.resultReason)
        resultMessage = try r.optional(.resultMessage)
        asynchronousCorrelationValue = try r.optional(.asynchronousCorrelationValue)
        let payloadItem = r.take(.responsePayload)
        messageExtension = try r.optional(.messageExtension, version: version)
        extensions = r.takeExtensions()
        try r.finish()
        if let payloadItem {
            if let operation {
                payload = PayloadTable.decodeResponse(operation, payloadItem, version: version)
            } else {
                payload = .unparsed(payloadItem, KMIPDecodingError(.missingField, path: [.operation], "a Response Payload needs the item's Operation"))
            }
        }
    }

    public func payload<P: ResponsePayload>(as: P.Type = P.self) -> P? {
        if case .typed(let p)? = payload { return p as? P }
        return nil
    }

    public func ttlv(version: ProtocolVersion) -> TTLV {
        var b = StructureBuilder()
        b.add(.operation, operation)
        b.add(.uniqueBatchItemID, uniqueBatchItemID)
        b.add(.resultStatus, resultStatus)
        b.add(.resultReason, resultReason)
        b.add(.resultMessage, resultMessage)
        b.add(.asynchronousCorrelationValue, asynchronousCorrelationValue)
        switch payload {
        case .typed(let p)?: b.add(p.ttlv(version: version))
        case .unparsed(let item, _)?: b.add(item)
        case nil: break
        }
        b.add(.messageExtension, messageExtension, version: version)
        return b.build(.batchItem, for: version, extensions: extensions)
    }
}
