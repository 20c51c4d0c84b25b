#!/bin/sh
# Entity F1 (PER/LOC/ORG, exact spans) of the release `newsd extract` on CoNLL-2003 eng.testa,
# through the shared tools, as issue 13 measures it.
#
#   scripts/ner_eval.sh [CONLL_FILE]     (default ../shared/data/conll2003/eng.testa)
#   MODEL=/tmp/newsd-tagger/train-only.bin scripts/ner_eval.sh   (another tagger model, e.g. the
#                                        train-only one of scripts/train-tagger.sh: an honest dev figure)
#
# Needs a release build (`swift build -c release --product newsd`) and python3.
set -eu
cd "$(dirname "$0")/.."
DATA=${NEWSD_SHARED_DATA:-../shared/data}
TOOLS=${NEWSD_SHARED_TOOLS:-$DATA/../tools}
INPUT=${1:-$DATA/conll2003/eng.testa}
WORK=${TMPDIR:-/tmp}/newsd-ner-eval
rm -rf "$WORK"
mkdir -p "$WORK"
python3 "$TOOLS/conll_to_docs.py" "$INPUT" "$WORK/docs" > /dev/null
if [ -n "${MODEL:-}" ]; then
    mkdir -p "$WORK/data"
    for f in "$PWD"/Sources/ExtractionData/Data/*; do ln -s "$f" "$WORK/data/"; done
    rm "$WORK/data/entity-tagger.bin"
    cp "$MODEL" "$WORK/data/entity-tagger.bin"
    export NEWSD_DATA_DIR="$WORK/data"
fi
.build/release/newsd extract --no-text "$WORK"/docs/doc*.txt > "$WORK/records.jsonl"
python3 "$TOOLS/records_to_eval.py" ner "$WORK/records.jsonl" > "$WORK/pred.jsonl"
python3 "$TOOLS/score_ner.py" "$WORK/docs/gold.jsonl" "$WORK/pred.jsonl"
