#!/bin/sh
# Attribution baseline on a PolNeAR split: builds newsd (release), extracts every article of
# SPLIT (default ../shared/data/polnear/dev) and prints every line of score_attributions.py and
# score_quotes.py, then the extraction speed. Usage: scripts/attribution_eval.sh [SPLIT_DIR] [OUT_DIR]
set -eu
cd "$(dirname "$0")/.."
split=${1:-../shared/data/polnear/dev}
out=${2:-.build/attribution-eval}
tools=../shared/tools
mkdir -p "$out"
swift build -c release --product newsd >"$out/build.log" 2>&1 || { cat "$out/build.log"; exit 1; }
.build/release/newsd extract "$split"/text/*.txt >"$out/records.jsonl"
python3 "$tools/records_to_eval.py" quotes "$out/records.jsonl" >"$out/pred.jsonl"
echo "== score_attributions.py $split"
python3 "$tools/score_attributions.py" "$split" "$out/pred.jsonl"
echo "== score_quotes.py $split"
python3 "$tools/score_quotes.py" "$split" "$out/pred.jsonl"
echo "== extraction_speed.py"
python3 scripts/extraction_speed.py "$out/records.jsonl"
