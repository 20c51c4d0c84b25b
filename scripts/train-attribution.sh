#!/bin/sh
# Rebuilds the attribution model from PolNeAR's training split: the cue lexicon
# (Sources/ExtractionData/Data/attribution-cues.tsv) learnt from the gold cues, then, when
# MEASURE=1, measures it on dev with scripts/attribution_eval.sh. Needs ../shared/data and python3.
# Usage: scripts/train-attribution.sh [TRAIN_DIR]
set -eu
cd "$(dirname "$0")/.."
train=${1:-../shared/data/polnear/train}
python3 scripts/gen-attribution-cues.py "$train" >Sources/ExtractionData/Data/attribution-cues.tsv
echo "wrote Sources/ExtractionData/Data/attribution-cues.tsv ($(grep -vc '^#' Sources/ExtractionData/Data/attribution-cues.tsv) lines with the header)"
if [ "${MEASURE:-0}" = 1 ]; then
    sh scripts/attribution_eval.sh ../shared/data/polnear/dev
fi
