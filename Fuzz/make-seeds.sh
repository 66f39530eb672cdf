#!/usr/bin/env bash
# Regenerates Fuzz/seeds/: one binary file per whole wire message in the test vectors (103 messages).
# The seeds are committed; TTLVFuzzSeedTests checks they still match the vector files.
set -euo pipefail
cd "$(dirname "$0")/.."

rm -rf Fuzz/seeds
mkdir -p Fuzz/seeds
n=0
for file in Tests/KMIPTests/Vectors/kmip-ttlv-hex-testcases.txt Tests/KMIPTests/Vectors/pykmip-0.11-wire-capture.txt; do
    prefix=$(basename "$file" .txt)
    while IFS=$'\t' read -r name hex; do
        n=$((n + 1))
        safe=$(printf '%s' "$name" | tr -c 'A-Za-z0-9_-' '_')
        printf '%s' "$hex" | xxd -r -p > "Fuzz/seeds/$(printf '%03d' "$n")-$prefix-$safe.ttlv"
    done < <(awk '/^name: /{ name = substr($0, 7) } /^hex: /{ print name "\t" substr($0, 6); name = "" }' "$file")
done
echo "wrote $n seeds to Fuzz/seeds"
