import KMIP
import KeepCrypto

/// Request checks shared by Encrypt and Decrypt, one-shot and streamed.
enum CipherRequest {
    /// What a request is to a stream (KMIP 1.3+, §4.29 and §4.30 of 1.4: Correlation Value, Init Indicator, Final
    /// Indicator).
    enum Phase: Equatable {
        /// The whole message in one request: no Correlation Value and no stream begun (Init and Final Indicator
        /// both true, or neither sent, or Final alone true).
        case oneShot
        /// A stream's first part: Init Indicator true (or Final Indicator false) and no Correlation Value.
        case start
        /// A later part of the stream the Correlation Value names; `final` (Final Indicator true) ends it.
        case next(correlationValue: [UInt8], final: Bool)
    }

    static func phase(correlationValue: [UInt8]?, initIndicator: Bool?, finalIndicator: Bool?,
                      in context: OperationContext) throws(ServiceError) -> Phase {
        let phase: Phase
        if let correlationValue {
            guard initIndicator != true else {
                throw ServiceError(.invalidField, "Init Indicator starts a stream and a Correlation Value continues one: send one or the other")
            }
            phase = .next(correlationValue: correlationValue, final: finalIndicator == true)
        } else if initIndicator == false {
            throw ServiceError(.invalidField, "Init Indicator false continues a stream: send the stream's Correlation Value")
        } else if finalIndicator == false || (initIndicator == true && finalIndicator != true) {
            phase = .start
        } else {
            phase = .oneShot
        }
        if phase != .oneShot && context.version < .v1_3 {
            throw ServiceError(.featureNotSupported, "streamed Encrypt and Decrypt (Init Indicator, Correlation Value) need KMIP 1.3 or later")
        }
        return phase
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

    static func checkTag(_ tag: [UInt8], length tagByteCount: Int) throws(ServiceError) {
        guard tag.count == tagByteCount else {
            throw ServiceError(.badCryptographicParameters, "the Authenticated Encryption Tag is \(tag.count) bytes, the Tag Length \(tagByteCount)")
        }
    }

    /// The answer to a stream asked of key wrap, which takes the whole key in one call (RFC 3394 and 5649 have no
    /// incremental form, and a wrapped key is short).
    static let streamedKeyWrap = ServiceError(.featureNotSupported,
                                              "AES key wrap is not streamed: send the key in one request, without Init Indicator or Correlation Value")

    /// Everything a later part of a stream is checked for before it runs: what it carries (`checkNext`), the size of
    /// its data, and the stream's key, again, as a one-shot request checks it (`KeyUse.check`: state, usage mask,
    /// dates), so a key revoked, destroyed or narrowed mid-stream stops the stream. Names the key and the stream for
    /// the audit record and sets the ID Placeholder.
    static func checkPart(_ stream: CipherStream, uniqueIdentifier: UniqueIdentifier?, parameters: CryptographicParameters?, iv: [UInt8]?,
                          additionalData: [UInt8]?, dataCount: Int, states: [State], usage: CryptographicUsageMask,
                          direction: KeyUse.Direction, purpose: String, in context: OperationContext) throws {
        context.touch(stream.keyID)
        context.touch(stream.auditLabel)
        try checkNext(stream, uniqueIdentifier: uniqueIdentifier, parameters: parameters, iv: iv, additionalData: additionalData, in: context)
        try checkSize(dataCount, in: context)
        _ = try KeyUse.check(stream.keyID, in: context, states: states, usage: usage, direction: direction, purpose: purpose)
        context.idPlaceholder = stream.keyID
    }

    /// What a later part of a stream may carry besides its data: the stream's key if it names one, the stream's
    /// cipher if it sends parameters. The IV and the additional data belong to the first part only (KMIP 1.4 §4.29:
    /// additional data "MUST be supplied on the initial Encrypt request").
    private static func checkNext(_ stream: CipherStream, uniqueIdentifier: UniqueIdentifier?, parameters: CryptographicParameters?, iv: [UInt8]?,
                                  additionalData: [UInt8]?, in context: OperationContext) throws {
        if let uniqueIdentifier {
            let uid = try context.resolve(uniqueIdentifier)
            guard uid == stream.keyID else {
                throw ServiceError(.invalidField, "the Unique Identifier names \(uid); the stream runs under key \(stream.keyID)")
            }
        }
        if let parameters, try KeyCipher(parameters, defaultMode: nil) != stream.cipher {
            throw ServiceError(.invalidField, "the Cryptographic Parameters differ from the stream's: send the first request's, or none")
        }
        guard iv == nil else { throw ServiceError(.invalidField, "the IV/Counter/Nonce is sent once, with the stream's first part") }
        guard additionalData == nil else {
            throw ServiceError(.invalidField, "Authenticated Encryption Additional Data is sent once, with the stream's first part")
        }
    }
}
