/// MAC Verify (1.2+): Unique Identifier, Cryptographic Parameters, Data, MAC Data, Correlation Value,
/// Init/Final Indicator (1.3+).
public struct MACVerifyRequest: RequestPayload, Equatable {
    public static var operation: Operation { .macVerify }
    public var uniqueIdentifier: UniqueIdentifier?
    public var cryptographicParameters: CryptographicParameters?
    public var data: [UInt8]?
    public var macData: [UInt8]?
    public var correlationValue: [UInt8]?
    public var initIndicator: Bool?
    public var finalIndicator: Bool?

    public init(uniqueIdentifier: UniqueIdentifier? = nil, cryptographicParameters: CryptographicParameters? = nil, data: [UInt8]? = nil, macData: [UInt8]? = nil) {
        self.uniqueIdentifier = uniqueIdentifier
        self.cryptographicParameters = cryptographicParameters
        self.data = data
        self.macData = macData
    }

    public init(from item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        var r = try FieldReader(item)
        uniqueIdentifier = try r.optional(.uniqueIdentifier)
        cryptographicParameters = try r.optional(.cryptographicParameters, version: version)
        data = try r.optional(.data)
        macData = try r.optional(.macData)
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
        b.add(.macData, macData)
        b.add(.correlationValue, correlationValue)
        b.add(.initIndicator, initIndicator)
        b.add(.finalIndicator, finalIndicator)
        return b.build(.requestPayload)
    }
}

/// MAC Verify response: Unique Identifier, Validity Indicator, Correlation Value.
public struct MACVerifyResponse: ResponsePayload, Equatable {
    public static var operation: Operation { .macVerify }
    public var uniqueIdentifier: UniqueIdentifier
    public var validityIndicator: ValidityIndicator
    public var correlationValue: [UInt8]?

    public init(uniqueIdentifier: UniqueIdentifier, validityIndicator: ValidityIndicator) {
        self.uniqueIdentifier = uniqueIdentifier
        self.validityIndicator = validityIndicator
    }

    public init(from item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        var r = try FieldReader(item)
        uniqueIdentifier = try r.required(.uniqueIdentifier)
        validityIndicator = try r.required(.validityIndicator)
        correlationValue = try r.optional(.correlationValue)
        try r.finish()
    }

    public func ttlv(version: ProtocolVersion) -> TTLV {
        var b = StructureBuilder()
        b.add(.uniqueIdentifier, uniqueIdentifier)
        b.add(.validityIndicator, validityIndicator)
        b.add(.correlationValue, correlationValue)
        return b.build(.responsePayload)
    }
}
