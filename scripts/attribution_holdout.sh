#!/bin/sh
# Attribution measured on training articles only: trains the attribution model on PolNeAR train
# without every tenth article (`newsd-train attribution --holdout 0.1`), then extracts those held-out
# articles with it and prints every line of score_attributions.py and score_quotes.py. For choosing
# features, epochs and rules without looking at dev. (The rule cue lexicon, attribution-cues.tsv,
# is built from all of train, held-out articles included.)
# Usage: [SEEDS=5] [CUE_BIAS=15] scripts/attribution_holdout.sh [EPOCHS] [OUT_DIR]   (defaults: the shipped model's)
set -eu
cd "$(dirname "$0")/.."
epochs=${1:-8}
out=${2:-.build/attribution-holdout}
train=../shared/data/polnear/train
tools=../shared/tools
rm -rf "$out" && mkdir -p "$out/split/text" "$out/split/attributions" "$out/data"
swift build -c release --product newsd-train >"$out/build.log" 2>&1 || { cat "$out/build.log"; exit 1; }
swift build -c release --product newsd >>"$out/build.log" 2>&1 || { cat "$out/build.log"; exit 1; }
.build/release/newsd-train attribution --train "$train" --epochs "$epochs" --seeds "${SEEDS:-5}" --cue-bias "${CUE_BIAS:-15}" --holdout 0.1 \
    --out "$out/data/attribution-model.bin" 2>"$out/train.log"
# The held-out articles as the trainer picks them (every tenth text in annotation-file order), copied
# (newsd follows no symlinks); brat lines that are not T/E/A/# records (a span text running over a
# line break) are dropped so that the scorers can read every file.
python3 - "$train" "$out/split" <<'PY'
import os, re, shutil, sys
train, split = sys.argv[1], sys.argv[2]
anns = sorted(a for a in os.listdir(os.path.join(train, "attributions")) if a.endswith(".ann"))
names = []
for a in anns:
    n = a[:a.rfind("_")] + ".txt"
    if n not in names:
        names.append(n)
held = {n for k, n in enumerate(names) if k % 10 == 9}
for n in held:
    shutil.copy(os.path.join(train, "text", n), os.path.join(split, "text", n))
for a in anns:
    if a[:a.rfind("_")] + ".txt" in held:
        lines = open(os.path.join(train, "attributions", a), encoding="utf-8").read().split("\n")
        keep = [l for l in lines if re.match(r"^[A-Z#][0-9]+\t", l)]
        open(os.path.join(split, "attributions", a), "w", encoding="utf-8").write("\n".join(keep) + "\n")
PY
for f in Sources/ExtractionData/Data/*; do
    [ "$(basename "$f")" = attribution-model.bin ] || cp "$f" "$out/data/"
done
NEWSD_DATA_DIR="$out/data" .build/release/newsd extract "$out"/split/text/*.txt >"$out/records.jsonl"
python3 "$tools/records_to_eval.py" quotes "$out/records.jsonl" >"$out/pred.jsonl"
echo "== score_attributions.py (every tenth PolNeAR train article, held out; $epochs epochs)"
python3 "$tools/score_attributions.py" "$out/split" "$out/pred.jsonl"
echo "== score_quotes.py"
python3 "$tools/score_quotes.py" "$out/split" "$out/pred.jsonl"
