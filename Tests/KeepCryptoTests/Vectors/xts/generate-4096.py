#!/usr/bin/env python3
# Generates dmcrypt-aes-xts-plain64-4096-generated.txt: XTS-AES-256 over 4096-byte sectors with the plain64 tweak
# (dm-crypt aes-xts-plain64 with sector_size:4096 and iv_large_sectors: the sector number counts 4096-byte sectors).
# Two independent computations must agree: pyca/cryptography's XTS, and XTS written out below over AES-ECB.
import hashlib
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

key = hashlib.sha512(b"kmip-xts-4096-test-key").digest()
pt = b"".join(hashlib.sha256(b"sector4096-data-%d" % i).digest() for i in range(128))
assert len(pt) == 4096

def tweak(sector): return sector.to_bytes(8, "little") + bytes(8)

def reference_xts(key, tweak, data):
    ecb1 = Cipher(algorithms.AES(key[:32]), modes.ECB()).encryptor()
    t = int.from_bytes(Cipher(algorithms.AES(key[32:]), modes.ECB()).encryptor().update(tweak), "little")
    out = b""
    for i in range(0, len(data), 16):
        tb = t.to_bytes(16, "little")
        block = bytes(a ^ b for a, b in zip(data[i:i + 16], tb))
        out += bytes(a ^ b for a, b in zip(ecb1.update(block), tb))
        t <<= 1
        if t >> 128: t = (t & ((1 << 128) - 1)) ^ 0x87
    return out

print("# GENERATED vectors (not from a standard): dm-crypt aes-xts-plain64, 4096-byte sectors (iv_large_sectors), AES-256.")
print("# Made by generate-4096.py beside this file: pyca/cryptography XTS and an XTS written over AES-ECB agree on every record.")
print('# key = sha512("kmip-xts-4096-test-key") = K1 || K2;  pt = concat(sha256("sector4096-data-%d" % i) for i in 0..127)')
print("# tweak = le64(sector) || 8 zero bytes, sector counted in 4096-byte units.")
print()
print("key = " + key.hex())
print("pt = " + pt.hex())
for sector in [0, 1, 4294967296, 18446744073709551615]:
    ct = Cipher(algorithms.AES(key), modes.XTS(tweak(sector))).encryptor().update(pt)
    assert ct == reference_xts(key, tweak(sector), pt)
    print()
    print("sector = %d" % sector)
    print("tweak = " + tweak(sector).hex())
    print("ct = " + ct.hex())
