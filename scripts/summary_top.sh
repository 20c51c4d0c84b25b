#!/bin/sh
# The top-10 people, places and organisations of summary.json after draining the PolNeAR train
# articles with `newsd run --once` (issue 14's before/after figure).
#
#   scripts/summary_top.sh [BINARY] [OUT_FILE]
#
# BINARY defaults to .build/release/newsd; the table goes to stdout and, when given, OUT_FILE.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
binary=${1:-$here/.build/release/newsd}
texts=$here/../shared/data/polnear/train/text
scratch=$(mktemp -d /tmp/newsd-summary-top.XXXXXX)
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/in" "$scratch/out"
cp "$texts"/*.txt "$scratch/in/"
# A binary copied out of .build still finds the extraction data of this tree.
export NEWSD_DATA_DIR=${NEWSD_DATA_DIR:-$here/.build/release/newsd_ExtractionData.resources/Data}
"$binary" run --once --inbox "main=$scratch/in" --output "$scratch/out" --log-format json 2>"$scratch/log" ||
    { tail -5 "$scratch/log" >&2; exit 1; }
python3 - "$scratch/out/summary.json" <<'PY' | tee ${2:+"$2"}
import json, sys
s = json.load(open(sys.argv[1]))
print("articles in window:", s["window"]["articles"])
for cat in ("people", "places", "organizations"):
    print("## " + cat)
    for i, e in enumerate(s["top"][cat][:10], 1):
        extra = " ".join(f"{k}={e[k]}" for k in ("key", "geonames_id", "kind", "country") if e.get(k) is not None)
        print(f"{i:2}. {e['name']} — {e['articles']}  {extra}".rstrip())
PY
