import Foundation
import KMIP
import KeepCrypto

/// What the workflow asks of the tenant's key provider. `KMIPKeyService` is the real one (keepd over KMIP);
/// tests may supply another.
public protocol VMKeyService: AnyObject {
    /// The tenant domain's subscription and export policy (Keep Domain Status): read-only.
    func domainStatus() throws(VMError) -> DomainStatus
    /// A new, active AES-256 KEK in the tenant's domain, named for the VM. Its identifier.
    func createKEK(for vm: VMDescriptor, kekVersion: Int) throws(VMError) -> String
    /// AES Key Wrap (RFC 3394) of `dek` under `kek`: here after Get (`.client`) or in keepd (`.server`).
    func wrap(_ dek: SymmetricKey, under kek: String, at site: WrapSite) throws(VMError) -> [UInt8]
    func unwrap(_ wrapped: [UInt8], under kek: String, at site: WrapSite) throws(VMError) -> SymmetricKey
}

public struct DomainStatus: Sendable, Equatable {
    public var domainID: String
    public var subscriptionActive: Bool
    public var keyExportAllowed: Bool

    public init(domainID: String, subscriptionActive: Bool, keyExportAllowed: Bool) {
        self.domainID = domainID
        self.subscriptionActive = subscriptionActive
        self.keyExportAllowed = keyExportAllowed
    }

    /// Where a DEK is wrapped and unwrapped under this policy: here (as vSphere does, after a Get of the KEK)
    /// when the domain lets KEKs out, else in keepd, so the KEK never leaves it.
    public var wrapSite: WrapSite { keyExportAllowed ? .client : .server }
}

/// The key service over a `KMIPClient` bound to the tenant's domain by its certificate.
public final class KMIPKeyService: VMKeyService {
    public let client: KMIPClient

    public init(client: KMIPClient) { self.client = client }

    public func domainStatus() throws(VMError) -> DomainStatus {
        do throws(KMIPClientError) {
            let status = try client.domainStatus()
            return DomainStatus(domainID: status.domainIdentifier, subscriptionActive: status.subscriptionState == .active,
                                keyExportAllowed: status.keyExportAllowed)
        } catch {
            throw VMError.keyProvider("asking keepd for the domain's status", error)
        }
    }

    /// The KEK carries the VM's identity the way vCenter's keys do: a Name and `x-` custom attributes, so an
    /// operator (or Locate) finds a VM's keys, including one orphaned by a crash before the VM recorded it.
    public func createKEK(for vm: VMDescriptor, kekVersion: Int) throws(VMError) -> String {
        do throws(KMIPClientError) {
            return try client.createSymmetricKey(
                bits: 256, usage: [.wrapKey, .unwrapKey, .encrypt, .decrypt], names: ["keep-vm/\(vm.id)/kek-\(kekVersion)"],
                customAttributes: [("x-vm-id", vm.id), ("x-vm-name", vm.name), ("x-keep-kek-version", String(kekVersion))], activate: true)
        } catch {
            throw VMError.keyProvider("creating a KEK for VM \(vm.id)", error)
        }
    }

    public func wrap(_ dek: SymmetricKey, under kek: String, at site: WrapSite) throws(VMError) -> [UInt8] {
        do throws(KMIPClientError) {
            switch site {
            case .server:
                return try client.wrap(dek.bytes, under: kek)
            case .client:
                let key = try client.symmetricKey(kek)
                return try Self.local { try AESKeyWrap.wrap(dek.bytes, using: key) }
            }
        } catch {
            throw VMError.keyProvider("wrapping the DEK under KEK \(kek)", error)
        }
    }

    public func unwrap(_ wrapped: [UInt8], under kek: String, at site: WrapSite) throws(VMError) -> SymmetricKey {
        do throws(KMIPClientError) {
            switch site {
            case .server:
                return SymmetricKey(try client.unwrap(wrapped, under: kek))
            case .client:
                let key = try client.symmetricKey(kek)
                return SymmetricKey(try Self.local { try AESKeyWrap.unwrap(wrapped, using: key) })
            }
        } catch {
            throw VMError.keyProvider("unwrapping the DEK under KEK \(kek)", error)
        }
    }

    /// A local key-wrap failure (the integrity check of RFC 3394) as a client error, so both sites fail alike.
    private static func local<T>(_ body: () throws -> T) throws(KMIPClientError) -> T {
        do {
            return try body()
        } catch {
            throw KMIPClientError(.operationFailed, "local AES key unwrap failed: the KEK does not open this wrapped DEK (\(error))",
                                  resultReason: .cryptographicFailure)
        }
    }
}

/// The check value that binds a DEK to its VM and version: the first 16 bytes of HMAC-SHA-256 keyed by the DEK
/// over a label, the VM's id and the DEK version. It proves after an unwrap that the key is the one recorded for
/// this VM (a wrapped DEK copied from another VM, or an older version, fails), without revealing anything about
/// the key (an HMAC output under an unknown 512-bit key).
enum DEKCheck {
    static let label = "keep-vm/dek-check/v1"

    static func value(_ dek: SymmetricKey, vmID: String, dekVersion: Int) throws(VMError) -> String {
        var message = Array(label.utf8) + [0]
        message += Array(vmID.utf8) + [0]
        message += Array(String(dekVersion).utf8)
        do {
            let mac = try HMACSHA256.authenticationCode(for: message, using: dek)
            return mac.prefix(16).map { String(format: "%02x", $0) }.joined()
        } catch {
            throw VMError(.keyMismatch, "cannot compute the DEK check value: \(error)")
        }
    }

    /// Throws unless `dek` is the key `record` describes for `vmID`. Compared in constant time.
    static func verify(_ dek: SymmetricKey, against record: WrappedDEK, vmID: String) throws(VMError) {
        let expected = Array(record.dekCheck.utf8)
        let actual = Array(try value(dek, vmID: vmID, dekVersion: record.dekVersion).utf8)
        let same = expected.count == actual.count && expected.withUnsafeBytes { e in actual.withUnsafeBytes { a in constantTimeEquals(e, a) } }
        guard same, dek.byteCount == XTSCipher.keyByteCount else {
            throw VMError(.keyMismatch, "the DEK unwrapped under KEK \(record.kekID) is not the one recorded for VM \(vmID) (DEK version \(record.dekVersion))")
        }
    }
}
