#!/usr/bin/env python3
"""Lists quote-attribution errors against PolNeAR gold, for development.
Usage: quote_errors.py SPLIT_DIR PRED.jsonl [missed|speaker|false] [N]"""
import json, sys, random
from polnear_gold import QUOTE_MARK as QM, articles, overlap
split, predp = sys.argv[1], sys.argv[2]
mode = sys.argv[3] if len(sys.argv) > 3 else "speaker"
n = int(sys.argv[4]) if len(sys.argv) > 4 else 25
pred = {}
for line in open(predp):
    o = json.loads(line); pred[o["file"]] = o.get("quotes", [])
out = []
for name, text, recs in articles(split):
    qs = pred.get(name, [])
    if mode == "false":
        for q in qs:
            hit = [r for r in recs if "Content" in r and overlap([(q["start"], q["end"])], r["Content"][1])]
            if not hit:
                s, e = q["start"], q["end"]
                out.append(f"{name}\n  {text[max(0,s-80):s]!r} [[{text[s:e]}]] {text[e:e+60]!r}\n  spk={q.get('speaker')}")
            elif "Source" in hit[0] and not (q.get("speaker_start") is not None and overlap([(q["speaker_start"], q["speaker_end"])], hit[0]["Source"][1])):
                r = hit[0]; s, e = q["start"], q["end"]
                out.append(f"WRONG {name}\n  [[{text[s:e][:150]}]]\n  pred={text[q['speaker_start']:q['speaker_end']] if q.get('speaker_start') is not None else None} gold={[text[x:y] for x,y in r['Source'][1]]}")
        continue
    for r in recs:
        if "Content" not in r: continue
        c = r["Content"][1]; ctext = "".join(text[s:e] for s, e in c)
        if not QM.search(ctext): continue
        hit = [q for q in qs if overlap([(q["start"], q["end"])], c)]
        s, e = c[0][0], c[-1][1]
        src = [text[x:y] for x, y in r["Source"][1]] if "Source" in r else None
        if mode == "missed" and not hit:
            out.append(f"{name}\n  {text[max(0,s-100):s]!r} [[{text[s:e][:300]}]] {text[e:e+80]!r}\n  gold src={src}")
        if mode == "speaker" and hit and src:
            q = hit[0]
            if not (q.get("speaker_start") is not None and overlap([(q["speaker_start"], q["speaker_end"])], r["Source"][1])):
                ps = text[q["speaker_start"]:q["speaker_end"]] if q.get("speaker_start") is not None else None
                qs_, qe = q["start"], q["end"]
                out.append(f"{name}\n  {text[max(0,s-120):s]!r} [[{text[s:e][:250]}]] {text[e:e+80]!r}\n  pred quote=[{text[qs_:qe][:60]}] spk={ps!r} gold src={src}")
random.seed(0)
print(len(out))
for o in random.sample(out, min(n, len(out))): print(o)
