#!/usr/bin/env bash
# Builds Fuzz/bin/ttlv-fuzz: the TTLV decoder under libFuzzer and AddressSanitizer.
#
# lld (shipped with the toolchain) links the sanitizer runtimes without gold's export warnings.
# The harness is compiled with the decoder's own sources rather than through SwiftPM, because the KMIP target
# links KeepCrypto (OpenSSL) and SwiftPM cannot build one executable with -sanitize=fuzzer on its own.
# The decoder needs only the TTLV item tree and Tag; those two folders must stay pure Swift (stdlib only).
set -euo pipefail
cd "$(dirname "$0")/.."

SWIFTC=${SWIFTC:-swiftc}
SOURCES=(Sources/KMIP/TTLV/*.swift Sources/KMIP/Tags/*.swift)

# A module import here would need that module built with the same sanitizers; say so plainly instead of
# failing inside the compiler.
if imports=$(grep -lE '^\s*(@[A-Za-z_]+(\([^)]*\))?\s+)*(public |internal |private )?import ' "${SOURCES[@]}"); then
    echo "Fuzz/build.sh: these decoder sources import a module; the fuzz build only takes stdlib-only files:" >&2
    echo "$imports" >&2
    exit 1
fi

mkdir -p Fuzz/bin
"$SWIFTC" -sanitize=fuzzer,address -parse-as-library -O -g -module-name KMIPFuzz -use-ld=lld \
    Fuzz/TTLVFuzz.swift "${SOURCES[@]}" -o Fuzz/bin/ttlv-fuzz
echo "built Fuzz/bin/ttlv-fuzz from ${#SOURCES[@]} decoder sources"
