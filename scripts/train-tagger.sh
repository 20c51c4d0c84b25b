#!/bin/sh
# Trains the entity tagger and writes Sources/ExtractionData/Data/entity-tagger.bin, then measures
# it on CoNLL-2003 eng.testa with the project's scorers and benchmarks it on one core.
#
#   scripts/train-tagger.sh            (from the package root; data in ../shared/data)
#
# Deterministic: the same data and seed give the same model file, byte for byte.
set -eu
cd "$(dirname "$0")/.."
DATA=${NEWSD_SHARED_DATA:-../shared/data}
TOOLS=${NEWSD_SHARED_TOOLS:-$DATA/../tools}
WORK=${TMPDIR:-/tmp}/newsd-tagger
MODEL=Sources/ExtractionData/Data/entity-tagger.bin
mkdir -p "$WORK"

swift build -c release --product newsd-train
BIN=.build/release/newsd-train

# 1. Word clusters from unlabelled news text: CoNLL training text and the PolNeAR articles.
"$BIN" clusters --out "$WORK/clusters.tsv" \
    "$DATA/conll2003/eng.train" "$DATA/polnear/train/text" "$DATA/polnear/dev/text"

# 2. The averaged perceptron; eng.testa picks the epoch.
"$BIN" train --train "$DATA/conll2003/eng.train" --dev "$DATA/conll2003/eng.testa" \
    --clusters "$WORK/clusters.tsv" --epochs "${EPOCHS:-12}" --bits 18 --seed 1 --out "$MODEL"

# 3. F1 on eng.testa through the project's tokenizer and the shared scorers.
python3 "$TOOLS/conll_to_docs.py" "$DATA/conll2003/eng.testa" "$WORK/conll-dev"
"$BIN" eval --model "$MODEL" --docs "$WORK/conll-dev" --out "$WORK/records.jsonl"
python3 "$TOOLS/records_to_eval.py" ner "$WORK/records.jsonl" > "$WORK/pred.jsonl"
python3 "$TOOLS/score_ner.py" "$WORK/conll-dev/gold.jsonl" "$WORK/pred.jsonl"

# 4. Speed on one core.
"$BIN" bench --model "$MODEL" --docs "$WORK/conll-dev" --seconds 5
