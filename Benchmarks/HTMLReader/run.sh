#!/bin/sh
# Builds the HTML-reader benchmark as one optimised module with the Extraction sources and runs it
# on one core over a folder of pages (default: the html-eval pages that scripts/html_eval.sh unpacks).
# Usage: Benchmarks/HTMLReader/run.sh [PAGES_DIR [PASSES]]   (from the package root)
set -e
out=${TMPDIR:-/tmp}/newsd-html-bench
swiftc -O -wmo -swift-version 6 -module-name HTMLReaderBench -o "$out" \
    $(find Sources/Extraction -name '*.swift') Benchmarks/HTMLReader/main.swift
taskset -c 0 "$out" "${1:-.build/html-eval/pages}" ${2:-}
