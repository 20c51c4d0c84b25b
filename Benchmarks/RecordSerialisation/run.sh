#!/bin/sh
# Builds the record-serialisation benchmark as one optimised module (Extraction and ExtractionData
# sources, `import Extraction` dropped) and runs it over a folder of articles.
# Usage: Benchmarks/RecordSerialisation/run.sh [ARTICLE_FOLDER]   (from the package root)
set -e
work=${TMPDIR:-/tmp}/newsd-serialisation-bench
rm -rf "$work" && mkdir -p "$work"
for f in Sources/ExtractionData/*.swift; do grep -v '^import Extraction$' "$f" > "$work/$(basename "$f")"; done
swiftc -O -swift-version 6 -module-name SerialisationBench -o "$work/bench" \
    $(find Sources/Extraction -name '*.swift') "$work"/*.swift Benchmarks/RecordSerialisation/main.swift
NEWSD_DATA_DIR="$PWD/Sources/ExtractionData/Data" "$work/bench" "${1:-../shared/data/polnear/dev/text}"
