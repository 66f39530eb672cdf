import KMIP
import KeyHierarchy

/// Attributes the server sets on the objects it makes or receives and keeps true afterwards: Fresh (KMIP 1.1),
/// Random Number Generator (1.3), and Sensitive, Always Sensitive, Extractable, Never Extractable (1.4). They live
/// in `ObjectAttributes.other`, like any attribute without a typed field. Digest and Original Creation Date are
/// set by KeyHierarchy, which holds the key material when it is generated.
enum ServerAttributes {
    /// The generator keepd draws keys from: KeepCrypto's `SecureRandom` is OpenSSL 3's default DRBG, a CTR_DRBG over
    /// AES-256 (NIST SP 800-90A).
    static let randomNumberGenerator = TTLV(.randomNumberGenerator, .structure([
        TTLV(.rngAlgorithm, .enumeration(RNGAlgorithm.drbg.rawValue)),
        TTLV(.cryptographicAlgorithm, .enumeration(CryptographicAlgorithm.aes.rawValue)),
        TTLV(.cryptographicLength, .integer(256)),
        TTLV(.drbgAlgorithm, .enumeration(DRBGAlgorithm.ctr.rawValue)),
    ]))

    /// A new object's server attributes, once its template is applied. Fresh is True until the object is first
    /// served (KMIP 1.4 §3.34), unless a registering client said otherwise. Sensitive defaults to False and Extractable to True (§3.48, §3.50); Always
    /// Sensitive and Never Extractable start from them. `generated`: the server made the key value (Create,
    /// ReKey), so the Random Number Generator is keepd's; a registered object keeps the one its client named, if any.
    static func setOnNewObject(_ a: inout ObjectAttributes, generated: Bool) {
        set(TTLV(.fresh, .boolean(generated ? true : boolean(.fresh, in: a) ?? true)), in: &a)
        let sensitive = boolean(.sensitive, in: a) ?? false
        let extractable = boolean(.extractable, in: a) ?? true
        set(TTLV(.sensitive, .boolean(sensitive)), in: &a)
        set(TTLV(.extractable, .boolean(extractable)), in: &a)
        set(TTLV(.alwaysSensitive, .boolean(sensitive)), in: &a)
        set(TTLV(.neverExtractable, .boolean(!extractable)), in: &a)
        if generated { set(randomNumberGenerator, in: &a) }
    }

    /// After a client changed Sensitive or Extractable: Always Sensitive stays True only while Sensitive has always
    /// been True, Never Extractable only while Extractable has always been False (KMIP 1.4 §3.49, §3.51). A deleted
    /// Sensitive counts as False, a deleted Extractable as True (their defaults).
    static func reconcile(_ a: inout ObjectAttributes) {
        if boolean(.alwaysSensitive, in: a) == true && boolean(.sensitive, in: a) != true {
            set(TTLV(.alwaysSensitive, .boolean(false)), in: &a)
        }
        if boolean(.neverExtractable, in: a) == true && boolean(.extractable, in: a) != false {
            set(TTLV(.neverExtractable, .boolean(false)), in: &a)
        }
    }

    static func boolean(_ tag: Tag, in a: ObjectAttributes) -> Bool? {
        guard case .boolean(let value)? = a.other.first(where: { $0.tag == tag })?.value else { return nil }
        return value
    }

    /// Replaces the attribute's value, keeping its place in the list.
    static func set(_ item: TTLV, in a: inout ObjectAttributes) {
        if let position = a.other.firstIndex(where: { $0.tag == item.tag }) {
            a.other.removeAll { $0.tag == item.tag }
            a.other.insert(item, at: min(position, a.other.endIndex))
        } else {
            a.other.append(item)
        }
    }
}
