#!/bin/sh
# Snippet F1 of newsd's HTML reading on ../shared/data/html-eval (990 pages), as trafilatura's own
# benchmark scores it, and the pages that gave no record (with the reasons newsd printed).
# Usage: scripts/html_eval.sh [NEWSD]   (NEWSD_DATA_DIR defaults to Sources/ExtractionData/Data)   (default .build/release/newsd; build it with
#        `swift build -c release --product newsd`). Leaves .build/html-eval/records.jsonl behind.
set -eu
cd "$(dirname "$0")/.."
newsd=${1:-.build/release/newsd}
export NEWSD_DATA_DIR=${NEWSD_DATA_DIR:-$PWD/Sources/ExtractionData/Data}
data=../shared/data/html-eval
out=.build/html-eval
if [ ! -d "$out/pages" ]; then
    mkdir -p "$out/pages" && tar -xJf "$data/pages.tar.xz" -C "$out/pages"
fi
newsd=$(realpath "$newsd")
(cd "$out/pages" && find . -name '*.html' -print0 | sort -z | xargs -0 "$newsd" extract) \
    > "$out/records.jsonl" 2> "$out/errors.txt" || true
../shared/tools/score_html.py "$data/evaldata.json" "$out/records.jsonl"
python3 - "$out/errors.txt" <<'PY'
import collections, sys
reasons = collections.Counter()
for line in open(sys.argv[1], encoding="utf-8", errors="replace"):
    parts = line.rstrip("\n").split(": ")
    if len(parts) >= 3:
        reasons[parts[2]] += 1
print("pages without a record, by reason:", dict(reasons) if reasons else "none")
PY
