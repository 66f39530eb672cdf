import KMIP
import KeepCrypto

/// Encrypt with an Active AES key the server holds: ECB or CBC (PKCS#7 padding or none), AES-GCM (KMIP 1.4+,
/// where the Authenticated Encryption Tag exists), or AES Key Wrap (RFC 3394) / with Padding (RFC 5649), so a
/// hypervisor can have its DEK wrapped under a KEK that never leaves the server.
///
/// The IV: the client's, or (CBC and GCM without one, and always when the key's parameters say Random IV) one the
/// server draws and returns: 16 random bytes for CBC, 12 for GCM.
///
/// Streamed (KMIP 1.3+, ECB, CBC and GCM): the first request (Init Indicator) is checked exactly as a one-shot
/// one, encrypts its part and answers with a Correlation Value; each later request names it, is checked again
/// against the key, and gets its part's ciphertext; the last (Final Indicator) gets the rest and GCM's tag.
/// `CipherStreams` holds the stream between requests (docs/architecture.md, "Streamed Encrypt and Decrypt").
struct EncryptHandler: OperationHandler {
    let access = OperationAccess.useKey
    let introduced = ProtocolVersion.v1_2

    func handle(_ request: EncryptRequest, in context: OperationContext) throws -> any ResponsePayload {
        switch try CipherRequest.phase(correlationValue: request.correlationValue, initIndicator: request.initIndicator,
                                       finalIndicator: request.finalIndicator, in: context) {
        case .oneShot: try encryptInOneRequest(request, in: context)
        case .start: try start(request, in: context)
        case .next(let correlationValue, let final): try next(request, correlationValue: correlationValue, final: final, in: context)
        }
    }

    // MARK: One request

    private func encryptInOneRequest(_ request: EncryptRequest, in context: OperationContext) throws -> EncryptResponse {
        let uid = try context.resolve(request.uniqueIdentifier)
        guard let data = request.data else { throw ServiceError(.invalidField, "Encrypt needs Data") }
        let (cipher, key) = try prepare(request, uid: uid, dataCount: data.count, in: context)
        let response = try encrypt(data, with: cipher, key: key, request: request, uid: uid, in: context)
        // Counted once the data is encrypted, so a refused request uses none of the key's allowance.
        try KeyUse.consumeUsage(data.count, of: uid, in: context)
        return response
    }

    /// What a one-shot request and a stream's first part check alike: the data's size, the parameters (the
    /// request's, else the key's), the key (state, usage mask, dates) and the Random IV rule. Returns the key.
    private func prepare(_ request: EncryptRequest, uid: String, dataCount: Int, streamed: Bool = false,
                         in context: OperationContext) throws -> (KeyCipher, SymmetricKey) {
        try CipherRequest.checkSize(dataCount, in: context)
        let stored = try context.object(uid)
        let parameters = KeyUse.parameters(request.cryptographicParameters, of: stored)
        let cipher = try KeyCipher(parameters, defaultMode: nil)
        if streamed && cipher.isKeyWrap { throw CipherRequest.streamedKeyWrap }
        let (_, key) = try KeyUse.key(uid, in: context, states: [.active], usage: cipher.encryptUsage, direction: .protect, purpose: "encrypt")
        context.idPlaceholder = uid
        if parameters?.randomIV == true && request.ivCounterNonce != nil {
            throw ServiceError(.invalidField, "the Cryptographic Parameters ask for a Random IV: the server chooses it, send none")
        }
        return (cipher, key)
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

    // MARK: Streamed

    /// A stream's first part: checked as a one-shot request, with the same IV rules. Init may carry no data.
    private func start(_ request: EncryptRequest, in context: OperationContext) throws -> EncryptResponse {
        let uid = try context.resolve(request.uniqueIdentifier)
        let data = request.data ?? SecureBytes(zeroes: 0)
        let (cipher, key) = try prepare(request, uid: uid, dataCount: data.count, streamed: true, in: context)
        let mode: AESStreamMode
        var drawnIV: [UInt8]?
        switch cipher {
        case .block(.ecb, let padding):
            guard request.ivCounterNonce == nil else { throw ServiceError(.invalidField, "AES-ECB takes no IV") }
            mode = .ecb(padding: padding)
        case .block(.cbc, let padding):
            let iv = try request.ivCounterNonce ?? SecureRandom.publicBytes(count: AESBlockMode.blockByteCount)
            drawnIV = request.ivCounterNonce == nil ? iv : nil
            mode = .cbc(iv: iv, padding: padding)
        case .gcm(let tagByteCount):
            try CipherRequest.checkGCM(in: context)
            // A random IV unless the client supplies one (it then answers for its uniqueness under this key).
            let iv = try request.ivCounterNonce ?? SecureRandom.publicBytes(count: AESGCM.nonceByteCount)
            drawnIV = request.ivCounterNonce == nil ? iv : nil
            mode = .gcm(iv: iv, tagByteCount: tagByteCount, additionalData: request.authenticatedEncryptionAdditionalData ?? [])
        case .keyWrap, .keyWrapWithPadding:
            throw CipherRequest.streamedKeyWrap
        }
        let stream = try CipherStream(operation: .encrypt, keyID: uid, cipher: cipher, engine: .encrypting(AESStreamEncryptor(mode, key: key)))
        context.touch(stream.auditLabel)
        let (correlationValue, part) = try context.streams.open(stream, owner: context.streamOwner) { stream in
            try encrypt(data, of: stream, final: false, in: context)
        }
        var response = EncryptResponse(uniqueIdentifier: .text(uid), data: part.ciphertext.isEmpty ? nil : part.ciphertext, ivCounterNonce: drawnIV)
        response.correlationValue = correlationValue
        return response
    }

    /// A later part: the stream's key is checked again as a one-shot Encrypt checks it (state, usage mask, Protect
    /// Stop Date), so a key revoked or destroyed mid-stream stops it. The Correlation Value is answered until the end.
    private func next(_ request: EncryptRequest, correlationValue: [UInt8], final: Bool, in context: OperationContext) throws -> EncryptResponse {
        try context.streams.resume(correlationValue, owner: context.streamOwner, operation: .encrypt) { stream in
            let data = request.data ?? SecureBytes(zeroes: 0)
            try CipherRequest.checkPart(stream, uniqueIdentifier: request.uniqueIdentifier, parameters: request.cryptographicParameters,
                                        iv: request.ivCounterNonce, additionalData: request.authenticatedEncryptionAdditionalData,
                                        dataCount: data.count, states: [.active], usage: stream.cipher.encryptUsage, direction: .protect,
                                        purpose: "encrypt", in: context)
            let part = try encrypt(data, of: stream, final: final, in: context)
            var response = EncryptResponse(uniqueIdentifier: .text(stream.keyID), data: part.ciphertext.isEmpty ? nil : part.ciphertext,
                                           authenticatedEncryptionTag: part.tag)
            if !final { response.correlationValue = correlationValue }
            return (response, final)
        }
    }

    /// Encrypts one part (and, if `final`, ends the stream), then takes the part's length from the key's Usage
    /// Limits, as a one-shot Encrypt does once its data is encrypted.
    private func encrypt(_ data: SecureBytes, of stream: CipherStream, final: Bool, in context: OperationContext) throws -> (ciphertext: [UInt8], tag: [UInt8]?) {
        guard case .encrypting(let encryptor) = stream.engine else { throw ServiceError(.internalError, "internal error: an Encrypt stream that decrypts") }
        var ciphertext = try encryptor.update(data)
        var tag: [UInt8]?
        if final {
            let end = try encryptor.finish()
            ciphertext += end.ciphertext
            tag = end.tag
        }
        if !data.isEmpty { try KeyUse.consumeUsage(data.count, of: stream.keyID, in: context) }
        return (ciphertext, tag)
    }
}
