import KMIP
import KeepCrypto

/// Encrypt with an Active AES key the server holds: ECB or CBC (PKCS#7 padding or none), AES-GCM (KMIP 1.4+,
/// where the Authenticated Encryption Tag exists), or AES Key Wrap (RFC 3394) / with Padding (RFC 5649), so a
/// hypervisor can have its DEK wrapped under a KEK that never leaves the server. Single-shot only: no streaming.
///
/// The IV: the client's, or (CBC and GCM without one, and always when the key's parameters say Random IV) one the
/// server draws and returns: 16 random bytes for CBC, 12 for GCM.
struct EncryptHandler: OperationHandler {
    let access = OperationAccess.useKey
    let introduced = ProtocolVersion.v1_2

    func handle(_ request: EncryptRequest, in context: OperationContext) throws -> any ResponsePayload {
        let uid = try context.resolve(request.uniqueIdentifier)
        try CipherRequest.checkSingleShot(correlation: request.correlationValue, initIndicator: request.initIndicator, finalIndicator: request.finalIndicator)
        guard let data = request.data else { throw ServiceError(.invalidField, "Encrypt needs Data") }
        try CipherRequest.checkSize(data.count, in: context)
        let stored = try context.object(uid)
        let parameters = KeyUse.parameters(request.cryptographicParameters, of: stored)
        let cipher = try KeyCipher(parameters, defaultMode: nil)
        let (_, key) = try KeyUse.key(uid, in: context, states: [.active], usage: cipher.encryptUsage, direction: .protect, purpose: "encrypt")
        context.idPlaceholder = uid
        if parameters?.randomIV == true && request.ivCounterNonce != nil {
            throw ServiceError(.invalidField, "the Cryptographic Parameters ask for a Random IV: the server chooses it, send none")
        }
        let response = try encrypt(data, with: cipher, key: key, request: request, uid: uid, in: context)
        // Counted once the data is encrypted, so a refused request uses none of the key's allowance.
        try KeyUse.consumeUsage(data.count, of: uid, in: context)
        return response
    }

    private func encrypt(_ data: SecureBytes, with cipher: KeyCipher, key: SymmetricKey, request: EncryptRequest, uid: String,
                         in context: OperationContext) throws -> EncryptResponse {
        switch cipher {
        case .block(let mode, let padding):
            var iv = request.ivCounterNonce
            if mode == .cbc && iv == nil { iv = try SecureRandom.publicBytes(count: AESBlockMode.blockByteCount) }
            let ciphertext = try mode.encrypt(data, using: key, iv: iv, padding: padding)
            return EncryptResponse(uniqueIdentifier: .text(uid), data: ciphertext, ivCounterNonce: request.ivCounterNonce == nil ? iv : nil)
        case .gcm(let tagByteCount):
            try CipherRequest.checkGCM(in: context)
            // A random IV unless the client supplies one (it then answers for its uniqueness under this key).
            let iv = try request.ivCounterNonce ?? SecureRandom.publicBytes(count: AESGCM.nonceByteCount)
            let sealed = try AESGCMMode.seal(data, using: key, iv: iv, tagByteCount: tagByteCount, authenticating: request.authenticatedEncryptionAdditionalData ?? [])
            return EncryptResponse(uniqueIdentifier: .text(uid), data: sealed.ciphertext,
                                   ivCounterNonce: request.ivCounterNonce == nil ? iv : nil, authenticatedEncryptionTag: sealed.tag)
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

    static func checkGCM(in context: OperationContext) throws(ServiceError) {
        guard context.version >= .v1_4 else {
            throw ServiceError(.featureNotSupported, "AES-GCM needs KMIP 1.4 or later (the Authenticated Encryption Tag field)")
        }
    }
}
