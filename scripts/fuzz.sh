#!/usr/bin/env bash
# Fuzzes the extraction entry point with libFuzzer (swiftc -sanitize=fuzzer,address).
#   scripts/fuzz.sh [SECONDS]   explore for SECONDS (default 60); crashing inputs are copied to
#                               Fuzz/regressions/ and the exit status is non-zero
#   scripts/fuzz.sh --replay    run every input in Fuzz/regressions/ once; non-zero if one crashes
# The corpus is seeded with ../shared/data's articles (when present) and Fuzz/regressions. The
# first byte of an input picks the format (0 text, 1 markdown, 2 html, 3 json, modulo 4).
set -euo pipefail
cd "$(dirname "$0")/.."
mode=explore
seconds=60
case "${1:-}" in
  --replay) mode=replay ;;
  "") ;;
  *) seconds=$1 ;;
esac
work=.build/fuzz
mkdir -p "$work/src" "$work/corpus" "$work/artifacts" Fuzz/regressions

# One module: Extraction, its data loader (without the cross-module import) and the entry point.
# Rebuilt only when a source changed since the last build.
sources=$(find Sources/Extraction Sources/ExtractionData -name '*.swift' | sort)
stamp=$(cat $sources Fuzz/FuzzExtraction.swift | sha256sum | cut -c1-16)
if [ ! -x "$work/fuzz-extraction" ] || [ "$(cat "$work/stamp" 2>/dev/null)" != "$stamp" ]; then
  rm -f "$work/src"/*.swift
  i=0
  for f in $sources; do
    i=$((i+1)); sed '/^import Extraction$/d' "$f" > "$work/src/$i-$(basename "$f")"
  done
  cp Fuzz/FuzzExtraction.swift "$work/src/"
  swiftc -O -parse-as-library -module-name Extraction -sanitize=fuzzer,address -swift-version 6 \
    "$work"/src/*.swift -o "$work/fuzz-extraction"
  echo "$stamp" > "$work/stamp"
fi
export NEWSD_DATA_DIR="$PWD/Sources/ExtractionData/Data"

if [ "$mode" = replay ]; then
  mapfile -t inputs < <(find Fuzz/regressions -type f ! -name README.md | sort)
  if [ ${#inputs[@]} = 0 ]; then echo "fuzz replay: Fuzz/regressions holds no input"; exit 0; fi
  # libFuzzer runs each named file once and stops with a non-zero status at the first crash.
  status=0
  "$work/fuzz-extraction" -timeout=30 -rss_limit_mb=4096 "${inputs[@]}" 2>&1 | tail -5 || status=$?
  [ "$status" = 0 ] && echo "fuzz replay: ${#inputs[@]} regression inputs, no crash" \
    || echo "fuzz replay: a regression input crashes the extractor (status $status)"
  exit "$status"
fi

if [ -d ../shared/data ] && [ -z "$(ls -A "$work/corpus")" ]; then
  n=0
  for f in ../shared/data/seed/*.txt ../shared/data/polnear/dev/text/*.txt; do
    n=$((n+1)); [ $n -gt 200 ] && break
    { printf '\000'; head -c 20000 "$f"; } > "$work/corpus/seed-$n"
  done
fi
status=0
"$work/fuzz-extraction" "$work/corpus" Fuzz/regressions -max_total_time="$seconds" -max_len=65536 -timeout=10 \
  -rss_limit_mb=4096 -artifact_prefix="$work/artifacts/" -print_final_stats=1 2>&1 | tail -25 || status=$?
for a in "$work"/artifacts/*; do
  [ -e "$a" ] || continue
  cp "$a" Fuzz/regressions/ && echo "new crashing input kept: Fuzz/regressions/$(basename "$a")"
done
exit $status
