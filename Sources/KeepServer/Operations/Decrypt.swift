import KMIP
import KeepCrypto

/// Decrypt with an AES key the server holds (Active, or Deactivated / Compromised: KMIP lets a key that no longer
/// protects new data still recover old data): ECB or CBC, AES-GCM, or AES key unwrap (RFC 3394 / RFC 5649). The
/// plaintext goes back only in the response, in `SecureBytes`.
///
/// Streamed (KMIP 1.3+, ECB, CBC and GCM) as Encrypt is. ECB and CBC answer each part with its plaintext (they
/// authenticate nothing, so a part is as trustworthy early as at the end). AES-GCM answers no plaintext before the
/// last part: the stream keeps it, bounded by the data limit, until the tag verifies, and a wrong tag gives
/// Cryptographic Failure and none of it. The tag comes with the first request (KMIP 1.4 §4.30) or the last.
struct DecryptHandler: OperationHandler {
    let access = OperationAccess.useKey
    let introduced = ProtocolVersion.v1_2

    /// A key that no longer encrypts still decrypts what it protected.
    private static let states: [State] = [.active, .deactivated, .compromised]

    func handle(_ request: DecryptRequest, in context: OperationContext) throws -> any ResponsePayload {
        switch try CipherRequest.phase(correlationValue: request.correlationValue, initIndicator: request.initIndicator,
                                       finalIndicator: request.finalIndicator, in: context) {
        case .oneShot: try decryptInOneRequest(request, in: context)
        case .start: try start(request, in: context)
        case .next(let correlationValue, let final): try next(request, correlationValue: correlationValue, final: final, in: context)
        }
    }

    // MARK: One request

    private func decryptInOneRequest(_ request: DecryptRequest, in context: OperationContext) throws -> DecryptResponse {
        let uid = try context.resolve(request.uniqueIdentifier)
        guard let data = request.data else { throw ServiceError(.invalidField, "Decrypt needs Data") }
        let (cipher, key) = try prepare(request, uid: uid, dataCount: data.count, in: context)
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
            try CipherRequest.checkTag(tag, length: tagByteCount)
            let plaintext = try AESGCMMode.open(data, using: key, iv: iv, tag: tag, authenticating: request.authenticatedEncryptionAdditionalData ?? [])
            return DecryptResponse(uniqueIdentifier: .text(uid), data: plaintext)
        case .keyWrap, .keyWrapWithPadding:
            guard request.ivCounterNonce == nil, request.authenticatedEncryptionAdditionalData == nil, request.authenticatedEncryptionTag == nil else {
                throw ServiceError(.invalidField, "AES key unwrap takes no IV, tag or additional data")
            }
            return DecryptResponse(uniqueIdentifier: .text(uid), data: try cipher.unwrap(data, key: key))
        }
    }

    /// What a one-shot request and a stream's first part check alike: the data's size, the parameters (the
    /// request's, else the key's) and the key (state, usage mask, dates). Returns the key.
    private func prepare(_ request: DecryptRequest, uid: String, dataCount: Int, streamed: Bool = false,
                         in context: OperationContext) throws -> (KeyCipher, SymmetricKey) {
        try CipherRequest.checkSize(dataCount, in: context)
        let stored = try context.object(uid)
        let cipher = try KeyCipher(KeyUse.parameters(request.cryptographicParameters, of: stored), defaultMode: nil)
        if streamed && cipher.isKeyWrap { throw CipherRequest.streamedKeyWrap }
        let (_, key) = try KeyUse.key(uid, in: context, states: Self.states, usage: cipher.decryptUsage, direction: .process, purpose: "decrypt")
        context.idPlaceholder = uid
        return (cipher, key)
    }

    // MARK: Streamed

    /// A stream's first part: checked as a one-shot request; the IV is required (CBC, GCM), as in one request.
    private func start(_ request: DecryptRequest, in context: OperationContext) throws -> DecryptResponse {
        let uid = try context.resolve(request.uniqueIdentifier)
        let data = request.data ?? []
        let (cipher, key) = try prepare(request, uid: uid, dataCount: data.count, streamed: true, in: context)
        var tag: [UInt8]?
        let mode: AESStreamMode
        switch cipher {
        case .block(.ecb, let padding):
            guard request.ivCounterNonce == nil else { throw ServiceError(.invalidField, "AES-ECB takes no IV") }
            mode = .ecb(padding: padding)
        case .block(.cbc, let padding):
            guard let iv = request.ivCounterNonce else { throw ServiceError(.missingInitializationVector, "AES-CBC decryption needs the IV") }
            mode = .cbc(iv: iv, padding: padding)
        case .gcm(let tagByteCount):
            try CipherRequest.checkGCM(in: context)
            guard let iv = request.ivCounterNonce else { throw ServiceError(.missingInitializationVector, "AES-GCM decryption needs the IV") }
            if let given = request.authenticatedEncryptionTag {
                try CipherRequest.checkTag(given, length: tagByteCount)
                tag = given
            }
            mode = .gcm(iv: iv, tagByteCount: tagByteCount, additionalData: request.authenticatedEncryptionAdditionalData ?? [])
        case .keyWrap, .keyWrapWithPadding:
            throw CipherRequest.streamedKeyWrap
        }
        let stream = try CipherStream(operation: .decrypt, keyID: uid, cipher: cipher, engine: .decrypting(AESStreamDecryptor(mode, key: key)))
        stream.tag = tag
        context.touch(stream.auditLabel)
        let (correlationValue, plaintext) = try context.streams.open(stream, owner: context.streamOwner) { stream in
            try decrypt(data, of: stream, final: false, tag: nil, in: context)
        }
        var response = DecryptResponse(uniqueIdentifier: .text(uid), data: plaintext.isEmpty ? nil : plaintext)
        response.correlationValue = correlationValue
        return response
    }

    /// A later part: the stream's key is checked again as a one-shot Decrypt checks it (state, usage mask, Process
    /// Start Date), so a key destroyed mid-stream stops it.
    private func next(_ request: DecryptRequest, correlationValue: [UInt8], final: Bool, in context: OperationContext) throws -> DecryptResponse {
        try context.streams.resume(correlationValue, owner: context.streamOwner, operation: .decrypt) { stream in
            let data = request.data ?? []
            try CipherRequest.checkPart(stream, uniqueIdentifier: request.uniqueIdentifier, parameters: request.cryptographicParameters,
                                        iv: request.ivCounterNonce, additionalData: request.authenticatedEncryptionAdditionalData,
                                        dataCount: data.count, states: Self.states, usage: stream.cipher.decryptUsage, direction: .process,
                                        purpose: "decrypt", in: context)
            var tag: [UInt8]?
            if case .gcm(let tagByteCount) = stream.cipher {
                tag = try Self.tag(request.authenticatedEncryptionTag, final: final, length: tagByteCount, of: stream)
            }
            let plaintext = try decrypt(data, of: stream, final: final, tag: tag, in: context)
            var response = DecryptResponse(uniqueIdentifier: .text(stream.keyID), data: plaintext.isEmpty ? nil : plaintext)
            if !final { response.correlationValue = correlationValue }
            return (response, final)
        }
    }

    /// The tag a GCM stream ends with: sent with the first part or the last (the same one if with both), never
    /// between; the last part needs one.
    private static func tag(_ given: [UInt8]?, final: Bool, length: Int, of stream: CipherStream) throws -> [UInt8]? {
        guard let given else {
            if final && stream.tag == nil {
                throw ServiceError(.invalidField, "AES-GCM decryption needs the Authenticated Encryption Tag, with the first part or the last")
            }
            return stream.tag
        }
        guard final else { throw ServiceError(.invalidField, "the Authenticated Encryption Tag comes with the stream's first part or its last") }
        try CipherRequest.checkTag(given, length: length)
        if let first = stream.tag, first != given {
            throw ServiceError(.invalidField, "the Authenticated Encryption Tag differs from the one the first part sent")
        }
        return given
    }

    /// Decrypts one part (and, if `final`, ends the stream, checking GCM's tag). A GCM stream keeps its plaintext
    /// until then: what it holds is bounded like one request's data.
    private func decrypt(_ data: [UInt8], of stream: CipherStream, final: Bool, tag: [UInt8]?, in context: OperationContext) throws -> SecureBytes {
        guard case .decrypting(let decryptor) = stream.engine else { throw ServiceError(.internalError, "internal error: a Decrypt stream that encrypts") }
        let limit = context.configuration.maxCryptoDataByteCount
        if case .gcm = stream.cipher, decryptor.heldByteCount + data.count > limit {
            throw ServiceError(.invalidField, "a streamed AES-GCM decryption keeps its plaintext until the tag verifies: Data is limited to \(limit) bytes in all")
        }
        var plaintext = try decryptor.update(data)
        if final { plaintext.append(try decryptor.finish(tag: tag)) }
        return plaintext
    }
}
