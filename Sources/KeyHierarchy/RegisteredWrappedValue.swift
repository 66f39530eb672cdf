import KMIP
import KeepCrypto

/// A key as a client registered it wrapped under another key of its domain (KMIP Register with Key Wrapping
/// Data): the Key Wrapping Data and the wrapped Key Value, kept exactly as registered so that Get with Key Wrap
/// Type As Registered returns them unchanged. Keep stores this form, never a plaintext it did not receive: the
/// server unwraps it with the wrapping key when an operation needs the key (see docs/key-hierarchy.md).
///
/// At rest it is the plaintext of a format-2 `WrappedKeyRecord`, protected under the domain's DK like any key
/// material (the wrapped bytes are as sensitive as the wrapping key is exposed):
/// ```
/// offset  size  field
///      0     1  Key Value form: 1 = Byte String (the specification's form), 2 = Structure { Key Material }
///      1     4  k, the length of the Key Wrapping Data's encoding (big-endian)
///      5     k  Key Wrapping Data (tag 0x420046), TTLV, KMIP 2.1 form
///    5+k     n  the wrapped Key Value bytes, as registered
/// ```
public struct RegisteredWrappedValue: Sendable, Equatable {
    /// How the Key Value came: the specification sends a wrapped key as a Byte String; the OASIS test cases and
    /// PyKMIP send a Structure whose Key Material is the wrapped bytes. As Registered answers in the same form.
    public enum Form: UInt8, Sendable {
        case byteString = 1
        case keyMaterial = 2
    }

    public var form: Form
    public var keyWrappingData: KeyWrappingData
    public var wrappedValue: SecureBytes

    public init(form: Form, keyWrappingData: KeyWrappingData, wrappedValue: SecureBytes) {
        self.form = form
        self.keyWrappingData = keyWrappingData
        self.wrappedValue = wrappedValue
    }

    /// The Key Wrapping Data keeps every field a client may send, in every version; it is decoded back in the
    /// same form and re-encoded for the version of whoever asks for it.
    static let storageVersion = ProtocolVersion.v2_1

    func encoded() -> SecureBytes {
        let data = keyWrappingData.ttlv(.keyWrappingData, version: Self.storageVersion).encoded()
        var out = SecureBytes([form.rawValue] + withUnsafeBytes(of: UInt32(data.count).bigEndian, Array.init) + data)
        out.append(wrappedValue)
        return out
    }

    init(decoding plaintext: SecureBytes) throws {
        let corrupt = HierarchyError(.corruptRecord, "registered wrapped value does not decode")
        guard plaintext.count > 5 else { throw corrupt }
        let header = plaintext[0..<5].copyBytes()
        guard let form = Form(rawValue: header[0]) else { throw corrupt }
        let length = Int(header[1...4].reduce(UInt32(0)) { $0 << 8 | UInt32($1) })
        guard length <= plaintext.count - 5 else { throw corrupt }
        do {
            let item = try TTLVDecoder().decodeItem(plaintext[5..<(5 + length)].copyBytes())
            guard item.tag == .keyWrappingData else { throw corrupt }
            keyWrappingData = try KeyWrappingData(from: item, version: Self.storageVersion)
        } catch {
            throw corrupt
        }
        self.form = form
        wrappedValue = plaintext[(5 + length)..<plaintext.count]
    }
}
