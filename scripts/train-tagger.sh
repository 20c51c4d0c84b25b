#!/bin/sh
# Trains the entity tagger and writes Sources/ExtractionData/Data/entity-tagger.bin.
#
#   scripts/train-tagger.sh            (from the package root; data in ../shared/data)
#
# Nothing is chosen on eng.testa: the epoch count comes from 3-fold cross-validation on eng.train;
# a model trained on eng.train alone is scored on eng.testa for the record (an honest dev figure);
# the shipped model is then trained on eng.train + eng.testa with that epoch count.
# Needs python3 with the PyPI packages wordfreq 3.1.1 and names-dataset 3.3.1 (for the dictionary;
# set PYTHON to a venv's python), the wheel of PyPI spacy-lookups-data 1.0.5 (Brown clusters; set
# LOOKUPS_WHEEL, or it is fetched with `pip download`) and, for the measuring steps, the shared scorers.
# Deterministic: the same data and seed give the same model file, byte for byte.
set -eu
cd "$(dirname "$0")/.."
DATA=${NEWSD_SHARED_DATA:-../shared/data}
TOOLS=${NEWSD_SHARED_TOOLS:-$DATA/../tools}
PYTHON=${PYTHON:-python3}
WORK=${TMPDIR:-/tmp}/newsd-tagger
MODEL=Sources/ExtractionData/Data/entity-tagger.bin
BITS=18
mkdir -p "$WORK"

swift build -c release --product newsd-train
BIN=.build/release/newsd-train

# 1. Dictionary codes (word frequency, first and last names, places), word clusters from
#    unlabelled text (CoNLL training text and the PolNeAR articles) and Brown clusters from far
#    more English text (spacy-lookups-data; path prefixes of 4, 6, 10 and 20 bits).
"$PYTHON" scripts/gen-tagger-dictionary.py Sources/ExtractionData/Data/gazetteer.tsv > "$WORK/dictionary.tsv"
"$BIN" clusters --out "$WORK/clusters.tsv" \
    "$DATA/conll2003/eng.train" "$DATA/polnear/train/text" "$DATA/polnear/dev/text"
WHEEL=${LOOKUPS_WHEEL:-$WORK/spacy_lookups_data-1.0.5-py2.py3-none-any.whl}
[ -f "$WHEEL" ] || "$PYTHON" -m pip download --no-deps spacy-lookups-data==1.0.5 -d "$WORK"
python3 scripts/gen-word-clusters.py "$WHEEL" 4,6,10,20 > "$WORK/brown.tsv"
TABLE="--clusters $WORK/clusters.tsv --brown $WORK/brown.tsv --dictionary $WORK/dictionary.tsv --bits $BITS --seed 1"

# 2. The epoch count: pooled PER/LOC/ORG F1 of 3-fold cross-validation on eng.train (up to 20 epochs).
EPOCHS=$("$BIN" cv --train "$DATA/conll2003/eng.train" $TABLE --folds 3 --epochs 20 2> "$WORK/cv.log")
echo "epochs chosen by cross-validation on eng.train: $EPOCHS"

# 3. For the record: a model trained on eng.train alone, scored on eng.testa (tagger alone).
"$BIN" train --train "$DATA/conll2003/eng.train" $TABLE --epochs "$EPOCHS" --out "$WORK/train-only.bin"
python3 "$TOOLS/conll_to_docs.py" "$DATA/conll2003/eng.testa" "$WORK/conll-dev" > /dev/null
"$BIN" eval --model "$WORK/train-only.bin" --docs "$WORK/conll-dev" --out "$WORK/records.jsonl"
python3 "$TOOLS/records_to_eval.py" ner "$WORK/records.jsonl" > "$WORK/pred.jsonl"
python3 "$TOOLS/score_ner.py" "$WORK/conll-dev/gold.jsonl" "$WORK/pred.jsonl"

# 4. The shipped model: eng.train + eng.testa, the same epochs.
"$BIN" train --train "$DATA/conll2003/eng.train,$DATA/conll2003/eng.testa" $TABLE --epochs "$EPOCHS" --out "$MODEL"

# 5. Speed on one core.
"$BIN" bench --model "$MODEL" --docs "$WORK/conll-dev" --seconds 5
