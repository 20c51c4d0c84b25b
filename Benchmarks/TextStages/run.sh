#!/bin/sh
# Builds the text-stage benchmark as one optimised module with the Extraction sources and runs it.
# Usage: Benchmarks/TextStages/run.sh [SHARED_DATA_DIR]   (from the package root)
set -e
out=${TMPDIR:-/tmp}/newsd-text-bench
swiftc -O -swift-version 6 -module-name TextStagesBench -o "$out" \
    $(find Sources/Extraction -name '*.swift') Benchmarks/TextStages/main.swift
"$out" "${1:-../shared/data}"
