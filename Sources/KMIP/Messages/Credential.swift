import KeepCrypto

/// Credential (request header Authentication): Credential Type, Credential Value. Passwords are held in
/// `SecureBytes` (UTF-8) and never printed.
public struct Credential: Sendable, Equatable, TTLVStructureCodable, CustomStringConvertible {
    public var value: Value

    public enum Value: Sendable, Equatable {
        /// Username and Password (1.0+). The password is optional in the specification.
        case usernameAndPassword(username: String, password: SecureBytes?)
        /// Device (1.1+).
        case device(Device)
        /// Attestation (1.2+).
        case attestation(Attestation)
        /// Any other type (One Time Password, Hashed Password, Ticket in 2.0, vendor types): the Credential Type
        /// and the Credential Value item as received.
        case other(type: CredentialType, value: TTLV)
    }

    public struct Device: Sendable, Equatable {
        public var deviceSerialNumber: String?
        public var password: SecureBytes?
        public var deviceIdentifier: String?
        public var networkIdentifier: String?
        public var machineIdentifier: String?
        public var mediaIdentifier: String?

        public init(deviceSerialNumber: String? = nil, password: SecureBytes? = nil, deviceIdentifier: String? = nil,
                    networkIdentifier: String? = nil, machineIdentifier: String? = nil, mediaIdentifier: String? = nil) {
            self.deviceSerialNumber = deviceSerialNumber
            self.password = password
            self.deviceIdentifier = deviceIdentifier
            self.networkIdentifier = networkIdentifier
            self.machineIdentifier = machineIdentifier
            self.mediaIdentifier = mediaIdentifier
        }
    }

    public struct Attestation: Sendable, Equatable {
        public var nonce: Nonce
        public var attestationType: AttestationType
        public var attestationMeasurement: [UInt8]?
        public var attestationAssertion: [UInt8]?
    }

    public init(_ value: Value) { self.value = value }

    public var type: CredentialType {
        switch value {
        case .usernameAndPassword: .usernameAndPassword
        case .device: .device
        case .attestation: .attestation
        case .other(let type, _): type
        }
    }

    public init(from item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        var r = try FieldReader(item)
        let type: CredentialType = try r.required(.credentialType)
        let valueItem = try r.require(.credentialValue)
        try r.finish()
        value = try decoding(.credentialValue) { () throws(KMIPDecodingError) -> Value in
            var v = try FieldReader(valueItem)
            let result: Value
            switch type {
            case .usernameAndPassword:
                result = .usernameAndPassword(username: try v.required(.username), password: try Self.password(&v))
            case .device:
                result = .device(Device(
                    deviceSerialNumber: try v.optional(.deviceSerialNumber), password: try Self.password(&v),
                    deviceIdentifier: try v.optional(.deviceIdentifier), networkIdentifier: try v.optional(.networkIdentifier),
                    machineIdentifier: try v.optional(.machineIdentifier), mediaIdentifier: try v.optional(.mediaIdentifier)))
            case .attestation:
                result = .attestation(Attestation(
                    nonce: try v.required(.nonce, version: version), attestationType: try v.required(.attestationType),
                    attestationMeasurement: try v.optional(.attestationMeasurement), attestationAssertion: try v.optional(.attestationAssertion)))
            default:
                _ = v.takeRest()
                result = .other(type: type, value: valueItem)
            }
            try v.finish()
            return result
        }
    }

    /// Passwords are Text Strings on the wire; they go straight into secure storage.
    private static func password(_ r: inout FieldReader) throws(KMIPDecodingError) -> SecureBytes? {
        guard let text: String = try r.optional(.password) else { return nil }
        return SecureBytes(Array(text.utf8))
    }

    private static func passwordItem(_ password: SecureBytes?) -> TTLV? {
        password.map { TTLV(.password, .textString(String(decoding: $0.copyBytes(), as: UTF8.self))) }
    }

    public func ttlv(_ tag: Tag, version: ProtocolVersion) -> TTLV {
        let valueItem: TTLV
        switch value {
        case .usernameAndPassword(let username, let password):
            var b = StructureBuilder()
            b.add(.username, username)
            b.add(Self.passwordItem(password))
            valueItem = b.build(.credentialValue)
        case .device(let d):
            var b = StructureBuilder()
            b.add(.deviceSerialNumber, d.deviceSerialNumber)
            b.add(Self.passwordItem(d.password))
            b.add(.deviceIdentifier, d.deviceIdentifier)
            b.add(.networkIdentifier, d.networkIdentifier)
            b.add(.machineIdentifier, d.machineIdentifier)
            b.add(.mediaIdentifier, d.mediaIdentifier)
            valueItem = b.build(.credentialValue)
        case .attestation(let a):
            var b = StructureBuilder()
            b.add(.nonce, a.nonce, version: version)
            b.add(.attestationType, a.attestationType)
            b.add(.attestationMeasurement, a.attestationMeasurement)
            b.add(.attestationAssertion, a.attestationAssertion)
            valueItem = b.build(.credentialValue)
        case .other(_, let item):
            valueItem = item
        }
        return .structure(tag, [TTLV(.credentialType, .enumeration(type.rawValue)), valueItem])
    }

    public var description: String { "Credential(\(type), redacted)" }
}

/// Nonce: Nonce ID, Nonce Value (attestation, 1.2+).
public struct Nonce: Hashable, Sendable, TTLVStructureCodable {
    public var id: [UInt8]
    public var value: [UInt8]

    public init(id: [UInt8], value: [UInt8]) {
        self.id = id
        self.value = value
    }

    public init(from item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        var r = try FieldReader(item)
        id = try r.required(.nonceID)
        value = try r.required(.nonceValue)
        try r.finish()
    }

    public func ttlv(_ tag: Tag, version: ProtocolVersion) -> TTLV {
        .structure(tag, [TTLV(.nonceID, .byteString(id)), TTLV(.nonceValue, .byteString(value))])
    }
}

/// Message Extension: Vendor Identification, Criticality Indicator, Vendor Extension (kept as received).
public struct MessageExtension: Hashable, Sendable, TTLVStructureCodable {
    public var vendorIdentification: String
    /// A server that does not understand a critical extension must refuse the batch item.
    public var criticalityIndicator: Bool
    public var vendorExtension: TTLV

    public init(vendorIdentification: String, criticalityIndicator: Bool, vendorExtension: TTLV) {
        self.vendorIdentification = vendorIdentification
        self.criticalityIndicator = criticalityIndicator
        self.vendorExtension = vendorExtension
    }

    public init(from item: TTLV, version: ProtocolVersion) throws(KMIPDecodingError) {
        var r = try FieldReader(item)
        vendorIdentification = try r.required(.vendorIdentification)
        criticalityIndicator = try r.required(.criticalityIndicator)
        vendorExtension = try r.require(.vendorExtension)
        try r.finish()
    }

    public func ttlv(_ tag: Tag, version: ProtocolVersion) -> TTLV {
        .structure(tag, [TTLV(.vendorIdentification, .textString(vendorIdentification)),
                         TTLV(.criticalityIndicator, .boolean(criticalityIndicator)), vendorExtension])
    }
}
