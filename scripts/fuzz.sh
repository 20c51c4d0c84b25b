#!/usr/bin/env bash
# Fuzzes the extraction entry point with libFuzzer (swiftc -sanitize=fuzzer,address).
#   scripts/fuzz.sh [SECONDS]   default 60; crashing inputs are copied to Fuzz/regressions/
# The corpus is seeded with ../shared/data's articles (when present) and Fuzz/regressions.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
work=.build/fuzz
mkdir -p "$work/src" "$work/corpus" "$work/artifacts" Fuzz/regressions
rm -f "$work/src"/*.swift
# One module: Extraction, its data loader (without the cross-module import) and the entry point.
i=0
while IFS= read -r f; do
  i=$((i+1)); sed '/^import Extraction$/d' "$f" > "$work/src/$i-$(basename "$f")"
done < <(find Sources/Extraction Sources/ExtractionData -name '*.swift' | sort)
cp Fuzz/FuzzExtraction.swift "$work/src/"
swiftc -O -parse-as-library -module-name Extraction -sanitize=fuzzer,address -swift-version 6 \
  "$work"/src/*.swift -o "$work/fuzz-extraction"
if [ -d ../shared/data ] && [ -z "$(ls -A "$work/corpus")" ]; then
  n=0
  for f in ../shared/data/seed/*.txt ../shared/data/polnear/dev/text/*.txt; do
    n=$((n+1)); [ $n -gt 200 ] && break
    { printf '\000'; head -c 20000 "$f"; } > "$work/corpus/seed-$n"
  done
fi
export NEWSD_DATA_DIR="$PWD/Sources/ExtractionData/Data"
status=0
"$work/fuzz-extraction" "$work/corpus" Fuzz/regressions -max_total_time="$seconds" -max_len=65536 -timeout=10 \
  -rss_limit_mb=4096 -artifact_prefix="$work/artifacts/" -print_final_stats=1 2>&1 | tail -25 || status=$?
for a in "$work"/artifacts/*; do
  [ -e "$a" ] || continue
  cp "$a" Fuzz/regressions/ && echo "new crashing input kept: Fuzz/regressions/$(basename "$a")"
done
exit $status
