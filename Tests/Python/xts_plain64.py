"""An independent AES-XTS (dm-crypt aes-xts-plain64) for Keep's tests: Python `cryptography` (OpenSSL underneath,
but none of Keep's code), one data unit per sector, the tweak the sector number as 16 little-endian bytes.

    xts_plain64.py encrypt|decrypt KEY_FILE SECTOR_SIZE IV_SECTOR_SIZE INPUT OUTPUT

KEY_FILE holds the raw 64-byte key (data key then tweak key, as dm-crypt and cryptsetup take it). The tweak of the
sector at byte offset o is o // IV_SECTOR_SIZE: equal to SECTOR_SIZE for plain64 with 512-byte sectors and for
4096-byte sectors with iv_large_sectors (Keep's convention, and LUKS2's); 512 for dm-crypt's default with
4096-byte sectors. Prints nothing on success; the key never reaches standard output or standard error.
"""
import sys

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes


def main() -> int:
    direction, key_file, sector_size, iv_sector_size, source, destination = sys.argv[1:7]
    sector_size, iv_sector_size = int(sector_size), int(iv_sector_size)
    with open(key_file, "rb") as f:
        key = f.read()
    if len(key) != 64:
        print("key file must hold 64 bytes", file=sys.stderr)
        return 2
    with open(source, "rb") as f:
        data = f.read()
    if len(data) % sector_size:
        print("input is not whole sectors", file=sys.stderr)
        return 2
    out = bytearray(len(data))
    for offset in range(0, len(data), sector_size):
        tweak = (offset // iv_sector_size).to_bytes(16, "little")
        cipher = Cipher(algorithms.AES(key), modes.XTS(tweak))
        worker = cipher.encryptor() if direction == "encrypt" else cipher.decryptor()
        out[offset:offset + sector_size] = worker.update(data[offset:offset + sector_size]) + worker.finalize()
    with open(destination, "wb") as f:
        f.write(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
