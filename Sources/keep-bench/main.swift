import KeepCrypto
print("keepd: placeholder")
