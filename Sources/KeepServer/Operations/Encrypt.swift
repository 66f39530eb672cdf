import KMIP
import KeepCrypto

/// Encrypt with an Active AES key the server holds: AES-GCM (KMIP 1.4+, where the Authenticated Encryption
/// Tag exists; 256-bit keys), or AES Key Wrap (RFC 3394) / with Padding (RFC 5649), so a hypervisor can have
/// its DEK wrapped under a KEK that never leaves the server. Single-shot only: no streaming.
struct EncryptHandler: OperationHandler {
    let access = OperationAccess.useKey
    let introduced = ProtocolVersion.v1_2

    func handle(_ request: EncryptRequest, in context: OperationContext) throws -> any ResponsePayload {
        let uid = try context.resolve(request.uniqueIdentifier)
        try CipherRequest.checkSingleShot(correlation: request.correlationValue, initIndicator: request.initIndicator, finalIndicator: request.finalIndicator)
        guard let data = request.data else { throw ServiceError(.invalidField, "Encrypt needs Data") }
        try CipherRequest.checkSize(data.count, in: context)
        let stored = try context.object(uid)
        let cipher = try KeyCipher(KeyUse.parameters(request.cryptographicParameters, of: stored), defaultMode: nil)
        let (_, key) = try KeyUse.key(uid, in: context, states: [.active], usage: cipher.encryptUsage, purpose: "encrypt")
        context.idPlaceholder = uid
        switch cipher {
        case .gcm:
            try CipherRequest.checkGCM(key: key, in: context)
            if let iv = request.ivCounterNonce, iv.count != AESGCM.nonceByteCount {
                throw ServiceError(.invalidField, "an AES-GCM IV is \(AESGCM.nonceByteCount) bytes")
            }
            // A random IV unless the client supplies one (it then answers for its uniqueness under this key).
            let box = try AESGCM.seal(data, using: key, nonce: request.ivCounterNonce, authenticating: request.authenticatedEncryptionAdditionalData ?? [])
            return EncryptResponse(uniqueIdentifier: .text(uid), data: box.ciphertext,
                                   ivCounterNonce: request.ivCounterNonce == nil ? box.nonce : nil, authenticatedEncryptionTag: box.tag)
        case .keyWrap, .keyWrapWithPadding:
            guard request.ivCounterNonce == nil, request.authenticatedEncryptionAdditionalData == nil else {
                throw ServiceError(.invalidField, "AES key wrap takes no IV and no additional data")
            }
            return EncryptResponse(uniqueIdentifier: .text(uid), data: try cipher.wrap(data, key: key))
        }
    }
}

/// Request checks shared by Encrypt and Decrypt.
enum CipherRequest {
    static func checkSingleShot(correlation: [UInt8]?, initIndicator: Bool?, finalIndicator: Bool?) throws(ServiceError) {
        guard correlation == nil, initIndicator != true, finalIndicator != false else {
            throw ServiceError(.featureNotSupported, "streaming (Correlation Value, Init/Final Indicator) is not supported: send the data in one request")
        }
    }

    static func checkSize(_ count: Int, in context: OperationContext) throws(ServiceError) {
        guard count <= context.configuration.maxCryptoDataByteCount else {
            throw ServiceError(.invalidField, "Data is limited to \(context.configuration.maxCryptoDataByteCount) bytes")
        }
    }

    static func checkGCM(key: SymmetricKey, in context: OperationContext) throws(ServiceError) {
        guard context.version >= .v1_4 else {
            throw ServiceError(.featureNotSupported, "AES-GCM needs KMIP 1.4 or later (the Authenticated Encryption Tag field)")
        }
        guard key.byteCount == AESGCM.keyByteCount else {
            throw ServiceError(.unsupportedCryptographicParameters, "AES-GCM here takes 256-bit keys, not \(key.bitCount)-bit ones")
        }
    }
}
