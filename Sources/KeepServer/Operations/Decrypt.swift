import KMIP
import KeepCrypto

/// Decrypt with an AES key the server holds (Active, or Deactivated / Compromised: KMIP lets a key that no longer
/// protects new data still recover old data): ECB or CBC, AES-GCM, or AES key unwrap (RFC 3394 / RFC 5649). The
/// plaintext goes back only in the response, in `SecureBytes`.
struct DecryptHandler: OperationHandler {
    let access = OperationAccess.useKey
    let introduced = ProtocolVersion.v1_2

    func handle(_ request: DecryptRequest, in context: OperationContext) throws -> any ResponsePayload {
        let uid = try context.resolve(request.uniqueIdentifier)
        try CipherRequest.checkSingleShot(correlation: request.correlationValue, initIndicator: request.initIndicator, finalIndicator: request.finalIndicator)
        guard let data = request.data else { throw ServiceError(.invalidField, "Decrypt needs Data") }
        try CipherRequest.checkSize(data.count, in: context)
        let stored = try context.object(uid)
        let cipher = try KeyCipher(KeyUse.parameters(request.cryptographicParameters, of: stored), defaultMode: nil)
        let (_, key) = try KeyUse.key(uid, in: context, states: [.active, .deactivated, .compromised], usage: cipher.decryptUsage,
                                      direction: .process, purpose: "decrypt")
        context.idPlaceholder = uid
        switch cipher {
        case .block(let mode, let padding):
            if mode == .cbc && request.ivCounterNonce == nil {
                throw ServiceError(.missingInitializationVector, "AES-CBC decryption needs the IV")
            }
            return DecryptResponse(uniqueIdentifier: .text(uid), data: try mode.decrypt(data, using: key, iv: request.ivCounterNonce, padding: padding))
        case .gcm(let tagByteCount):
            try CipherRequest.checkGCM(in: context)
            guard let iv = request.ivCounterNonce else { throw ServiceError(.missingInitializationVector, "AES-GCM decryption needs the IV") }
            guard let tag = request.authenticatedEncryptionTag else {
                throw ServiceError(.invalidField, "AES-GCM decryption needs the Authenticated Encryption Tag")
            }
            guard tag.count == tagByteCount else {
                throw ServiceError(.badCryptographicParameters, "the Authenticated Encryption Tag is \(tag.count) bytes, the Tag Length \(tagByteCount)")
            }
            let plaintext = try AESGCMMode.open(data, using: key, iv: iv, tag: tag, authenticating: request.authenticatedEncryptionAdditionalData ?? [])
            return DecryptResponse(uniqueIdentifier: .text(uid), data: plaintext)
        case .keyWrap, .keyWrapWithPadding:
            guard request.ivCounterNonce == nil, request.authenticatedEncryptionAdditionalData == nil, request.authenticatedEncryptionTag == nil else {
                throw ServiceError(.invalidField, "AES key unwrap takes no IV, tag or additional data")
            }
            return DecryptResponse(uniqueIdentifier: .text(uid), data: try cipher.unwrap(data, key: key))
        }
    }
}
