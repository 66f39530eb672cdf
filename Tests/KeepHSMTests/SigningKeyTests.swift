import Foundation
import KeepCrypto
import Testing
@testable import KeepHSM

@Suite("Embedded HSM signing keys")
struct SigningKeyTests {
    /// The signing key is a function of (key version, context): stable across reopening, different for another
    /// context, another version or another purpose; its signatures verify under the public key alone.
    @Test func signaturesVerifyUnderThePublicKeyAndKeysAreBoundToVersionAndContext() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("partition")
        let message = Array("checkpoint body".utf8)
        let context = Array("keep/audit/checkpoint/v1".utf8)
        let first: Ed25519.PublicKey
        let handle: KeyHandle
        do {
            let hsm = try EmbeddedHSM.initialize(path: path, pin: pin, parameters: fast)
            handle = try hsm.createKey(label: "audit/signing")
            first = try hsm.signingPublicKey(under: handle, context: context)
            let signature = try hsm.sign(message, under: handle, context: context)
            #expect(first.isValidSignature(signature, for: message))
            #expect(!first.isValidSignature(signature, for: Array("checkpoint bodY".utf8)))
            #expect(try hsm.signingPublicKey(under: handle, context: Array("another context".utf8)) != first)
            let rotated = try hsm.rotateKey(label: "audit/signing")
            #expect(try hsm.signingPublicKey(under: rotated, context: context) != first)
            // The signing seed is not the MAC key of the same handle and context.
            let mac = try hsm.authenticationCode(for: [], under: handle, context: context)
            #expect(first.rawRepresentation != mac)
        }
        let reopened = try EmbeddedHSM(path: path, pin: pin)
        #expect(try reopened.signingPublicKey(under: handle, context: context) == first)
        expectHSMError(.keyNotFound) { _ = try reopened.sign(message, under: KeyHandle(label: "audit/signing", version: 9), context: context) }
    }

    /// Neither the partition key nor anything derived from it appears in the partition file or a description.
    @Test func theSigningSeedNeverLeaves() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("partition")
        let hsm = try EmbeddedHSM.initialize(path: path, pin: pin, parameters: fast)
        let handle = try hsm.createKey(label: "audit/signing")
        let publicKey = try hsm.signingPublicKey(under: handle, context: [1, 2, 3])
        let secret = try hsm.internalKeyBytesForTests(handle)[0]
        #expect(!contains(try bytes(path), secret))
        #expect(!"\(publicKey)".contains(hexString(secret)))
    }
}
