#!/usr/bin/env python3
"""Per-kind precision of predicted quotes, and recall of indirect gold attributions (content without
quote marks), against PolNeAR gold. Usage: quote_kinds.py SPLIT_DIR RECORDS.jsonl
RECORDS.jsonl is `newsd extract` output (records with quotes and their kind)."""
import json, sys
from polnear_gold import QUOTE_MARK as QM, articles, overlap
split, recp = sys.argv[1], sys.argv[2]
pred = {}
for line in open(recp, encoding="utf-8"):
    r = json.loads(line); pred[r["source"]["name"]] = r.get("quotes") or []
stats = {}
ind_gold = ind_found = ind_spk = 0
for name, text, recs in articles(split):
    qs = pred.get(name, [])
    for q in qs:
        s = stats.setdefault(q["kind"], [0, 0, 0])
        s[0] += 1
        hit = [r for r in recs if "Content" in r and overlap([(q["start"], q["end"])], r["Content"][1])]
        if hit:
            s[1] += 1
            sm = q.get("speaker_mention")
            if "Source" in hit[0] and sm and overlap([(sm["start"], sm["end"])], hit[0]["Source"][1]): s[2] += 1
    for r in recs:
        if "Content" not in r: continue
        ctext = "".join(text[x:y] for x, y in r["Content"][1])
        if QM.search(ctext): continue
        ind_gold += 1
        hit = [q for q in qs if overlap([(q["start"], q["end"])], r["Content"][1])]
        if hit:
            ind_found += 1
            sm = hit[0].get("speaker_mention")
            if "Source" in r and sm and overlap([(sm["start"], sm["end"])], r["Source"][1]): ind_spk += 1
pct = lambda a, b: 100.0 * a / b if b else 0.0
for k, (n, pos, cor) in sorted(stats.items()):
    print(f"{k}: predicted {n}, overlapping gold {pct(pos, n):.1f}%, speaker right {pct(cor, n):.1f}%")
print(f"indirect gold attributions (no quote marks): {ind_gold}; found {pct(ind_found, ind_gold):.1f}%; found with speaker right {pct(ind_spk, ind_gold):.1f}%")
