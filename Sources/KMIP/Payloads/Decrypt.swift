import KeepCrypto

/// Decrypt (1.2+): Unique Identifier, Cryptographic Parameters, Data, IV/Counter/Nonce, Correlation Value,
/// Init/Final Indicator, Authenticated Encryption Additional Data and Tag (1.4+).
public struct DecryptRequest: RequestPayload, Equatable {
    public static var operation: Operation { .decrypt }
    public var uniqueIdentifier: UniqueIdentifier?
    public var cryptographicParameters: CryptographicParameters?
    public var data: [UInt8]?
    public var ivCounterNonce: [UInt8]?
    public var correlationValue: [UInt8]?
    public var initIndicator: Bool?
    public var finalIndicator: Bool?
    public var authenticatedEncryptionAdditionalData: [UInt8]?
    public var authenticatedEncryptionTag: [UInt8]?

    public init(uniqueIdentifier: UniqueIdentifier? = nil, cryptographicParameters: CryptographicParameters? = nil, data: [UInt8]? = nil, ivCounterNonce: [UInt8]? = nil) {
        self.uniqueIdentifier = uniqueIdentifier
        self.cryptographicParameters = cryptographicParameters
        self.data = data
        self.ivCounterNonce = ivCounterNonce
    }

    public init(from item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        var r = try FieldReader(item)
        uniqueIdentifier = try r.optional(.uniqueIdentifier)
        cryptographicParameters = try r.optional(.cryptographicParameters, version: version)
        data = try r.optional(.data)
        ivCounterNonce = try r.optional(.ivCounterNonce)
        correlationValue = try r.optional(.correlationValue)
        initIndicator = try r.optional(.initIndicator)
        finalIndicator = try r.optional(.finalIndicator)
        authenticatedEncryptionAdditionalData = try r.optional(.authenticatedEncryptionAdditionalData)
        authenticatedEncryptionTag = try r.optional(.authenticatedEncryptionTag)
        try r.finish()
    }

    public func ttlv(version: ProtocolVersion) -> TTLV {
        var b = StructureBuilder()
        b.add(.uniqueIdentifier, uniqueIdentifier)
        b.add(.cryptographicParameters, cryptographicParameters, version: version)
        b.add(.data, data)
        b.add(.ivCounterNonce, ivCounterNonce)
        b.add(.correlationValue, correlationValue)
        b.add(.initIndicator, initIndicator)
        b.add(.finalIndicator, finalIndicator)
        b.add(.authenticatedEncryptionAdditionalData, authenticatedEncryptionAdditionalData)
        b.add(.authenticatedEncryptionTag, authenticatedEncryptionTag)
        return b.build(.requestPayload)
    }
}

/// Decrypt response: Unique Identifier, Data (the plaintext, held securely), Correlation Value.
public struct DecryptResponse: ResponsePayload, Equatable {
    public static var operation: Operation { .decrypt }
    public var uniqueIdentifier: UniqueIdentifier
    public var data: SecureBytes?
    public var correlationValue: [UInt8]?

    public init(uniqueIdentifier: UniqueIdentifier, data: SecureBytes? = nil) {
        self.uniqueIdentifier = uniqueIdentifier
        self.data = data
    }

    public init(from item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        var r = try FieldReader(item)
        uniqueIdentifier = try r.required(.uniqueIdentifier)
        data = try r.optional(.data)
        correlationValue = try r.optional(.correlationValue)
        try r.finish()
    }

    public func ttlv(version: ProtocolVersion) -> TTLV {
        var b = StructureBuilder()
        b.add(.uniqueIdentifier, uniqueIdentifier)
        b.add(.data, data)
        b.add(.correlationValue, correlationValue)
        return b.build(.responsePayload)
    }
}
