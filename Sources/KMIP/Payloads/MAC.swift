/// MAC (1.2+): Unique Identifier, Cryptographic Parameters, Data, Correlation Value, Init/Final Indicator (1.3+).
public struct MACRequest: RequestPayload, Equatable {
    public static var operation: Operation { .mac }
    public var uniqueIdentifier: UniqueIdentifier?
    public var cryptographicParameters: CryptographicParameters?
    public var data: [UInt8]?
    public var correlationValue: [UInt8]?
    public var initIndicator: Bool?
    public var finalIndicator: Bool?

    public init(uniqueIdentifier: UniqueIdentifier? = nil, cryptographicParameters: CryptographicParameters? = nil, data: [UInt8]? = nil) {
        self.uniqueIdentifier = uniqueIdentifier
        self.cryptographicParameters = cryptographicParameters
        self.data = data
    }

    public init(from item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        var r = try FieldReader(item)
        uniqueIdentifier = try r.optional(.uniqueIdentifier)
        cryptographicParameters = try r.optional(.cryptographicParameters, version: version)
        data = try r.optional(.data)
        correlationValue = try r.optional(.correlationValue)
        initIndicator = try r.optional(.initIndicator)
        finalIndicator = try r.optional(.finalIndicator)
        try r.finish()
    }

    public func ttlv(version: ProtocolVersion) -> TTLV {
        var b = StructureBuilder()
        b.add(.uniqueIdentifier, uniqueIdentifier)
        b.add(.cryptographicParameters, cryptographicParameters, version: version)
        b.add(.data, data)
        b.add(.correlationValue, correlationValue)
        b.add(.initIndicator, initIndicator)
        b.add(.finalIndicator, finalIndicator)
        return b.build(.requestPayload)
    }
}

/// MAC response: Unique Identifier, MAC Data, Correlation Value.
public struct MACResponse: ResponsePayload, Equatable {
    public static var operation: Operation { .mac }
    public var uniqueIdentifier: UniqueIdentifier
    public var macData: [UInt8]?
    public var correlationValue: [UInt8]?

    public init(uniqueIdentifier: UniqueIdentifier, macData: [UInt8]? = nil) {
        self.uniqueIdentifier = uniqueIdentifier
        self.macData = macData
    }

    public init(from item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        var r = try FieldReader(item)
        uniqueIdentifier = try r.required(.uniqueIdentifier)
        macData = try r.optional(.macData)
        correlationValue = try r.optional(.correlationValue)
        try r.finish()
    }

    public func ttlv(version: ProtocolVersion) -> TTLV {
        var b = StructureBuilder()
        b.add(.uniqueIdentifier, uniqueIdentifier)
        b.add(.macData, macData)
        b.add(.correlationValue, correlationValue)
        return b.build(.responsePayload)
    }
}
