"""Drives keepd with PyKMIP's ProxyKmipClient, as a hypervisor-side Python client would.

Usage: pykmip_session.py HOST PORT CERT KEY CA
Prints one JSON object: the identifiers and results of each step, and, for the checks the Swift test makes with
Keep's own code, the plain and wrapped key values in hex (read by the test through a pipe, never printed).
"""
import json
import sys

from kmip import enums
from kmip.core.factories import attributes as attribute_factory
from kmip.pie import client as pie_client
from kmip.pie import objects


def main():
    host, port, cert, key, ca = sys.argv[1:6]
    out = {}
    with pie_client.ProxyKmipClient(hostname=host, port=int(port), cert=cert, key=key, ca=ca,
                                    kmip_version=enums.KMIPVersion.KMIP_1_2) as c:
        usage = [enums.CryptographicUsageMask.ENCRYPT, enums.CryptographicUsageMask.DECRYPT,
                 enums.CryptographicUsageMask.WRAP_KEY, enums.CryptographicUsageMask.UNWRAP_KEY]
        uid = c.create(enums.CryptographicAlgorithm.AES, 256, name="pykmip-vm-42", cryptographic_usage_mask=usage)
        out["created"] = uid
        key_object = c.get(uid)
        out["get"] = {"algorithm": key_object.cryptographic_algorithm.name, "length": key_object.cryptographic_length,
                      "value": key_object.value.hex()}

        _, attributes = c.get_attributes(uid, ["Cryptographic Algorithm", "Cryptographic Length", "State", "Name"])
        out["get_attributes"] = sorted(a.attribute_name.value for a in attributes)

        factory = attribute_factory.AttributeFactory()
        out["locate_by_name"] = c.locate(attributes=[factory.create_attribute(enums.AttributeType.NAME, "pykmip-vm-42")])

        # A second key to wrap the first with (RFC 3394, NIST Key Wrap), so the KEK never leaves in the clear.
        kek = c.create(enums.CryptographicAlgorithm.AES, 256, cryptographic_usage_mask=usage)
        c.activate(kek)
        wrapped = c.get(uid, key_wrapping_specification={
            "wrapping_method": enums.WrappingMethod.ENCRYPT,
            "encryption_key_information": {
                "unique_identifier": kek,
                "cryptographic_parameters": {"block_cipher_mode": enums.BlockCipherMode.NIST_KEY_WRAP},
            },
            "encoding_option": enums.EncodingOption.NO_ENCODING,
        })
        out["wrapping_key"] = {"id": kek, "value": c.get(kek).value.hex()}
        out["wrapped"] = wrapped.value.hex()

        c.activate(uid)
        _, state = c.get_attributes(uid, ["State"])
        out["state_after_activate"] = state[0].attribute_value.value.name
        c.revoke(enums.RevocationReasonCode.CESSATION_OF_OPERATION, uid, revocation_message="VM deleted")
        _, state = c.get_attributes(uid, ["State"])
        out["state_after_revoke"] = state[0].attribute_value.value.name
        c.destroy(uid)
        try:
            c.get(uid)
            out["get_after_destroy"] = "succeeded"
        except Exception as error:  # PyKMIP raises KmipOperationFailure with the result reason
            out["get_after_destroy"] = str(getattr(error, "reason", error))

        registered = c.register(objects.SymmetricKey(enums.CryptographicAlgorithm.AES, 128, bytes(range(16)),
                                                     masks=[enums.CryptographicUsageMask.ENCRYPT], name="registered"))
        out["registered"] = registered
        out["registered_value"] = c.get(registered).value.hex()
        secret = c.register(objects.SecretData(b"vm passphrase", enums.SecretDataType.PASSWORD))
        out["secret_value"] = c.get(secret).value.hex()
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
