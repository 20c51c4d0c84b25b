#!/usr/bin/env python3
"""Per-page losses of newsd's HTML reading on ../shared/data/html-eval, scored as
../shared/tools/score_html.py scores them (a snippet counts when it occurs, white space normalised,
in the record's `text`; a page without a record is an empty text).

Prints precision / recall / F1 over all pages and over two halves split by a hash of the file name
(half A = tuning, half B = held out: tune on A, check B), then the pages that lose most: missed
article snippets (recall loss) and boilerplate snippets kept (precision loss), with the snippets.

Usage: scripts/html_losses.py [RECORDS.jsonl] [--top N] [--half A|B|all] [--snippets]
  default records: .build/html-eval/records.jsonl (written by scripts/html_eval.sh)."""
import hashlib, json, re, signal, sys

signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # quiet under `| head`

args = sys.argv[1:]
top = 40
half = "all"
show = False
records_path = ".build/html-eval/records.jsonl"
while args:
    a = args.pop(0)
    if a == "--top": top = int(args.pop(0))
    elif a == "--half": half = args.pop(0)
    elif a == "--snippets": show = True
    else: records_path = a


def norm(t):
    return re.sub(r"\s+", " ", t).strip()


def half_of(name):
    return "A" if hashlib.sha256(name.encode()).digest()[0] % 2 == 0 else "B"


ev = json.load(open("../shared/data/html-eval/evaldata.json", encoding="utf-8"))
texts = {}
for line in open(records_path, encoding="utf-8"):
    if line.strip():
        r = json.loads(line)
        if r.get("schema", "").startswith("newsd.article"):
            texts[r["source"]["name"]] = norm(r.get("text") or "")

rows = []
totals = {k: [0, 0, 0, 0] for k in ("all", "A", "B")}
for url, item in ev.items():
    name = item["file"].split("/")[-1]
    t = texts.get(name)
    missing = t is None
    t = t or ""
    missed = [w for w in item["with"] if norm(w) not in t]
    kept = [w for w in item["without"] if norm(w) in t]
    tp = len(item["with"]) - len(missed)
    fp = len(kept)
    h = half_of(name)
    for k in ("all", h):
        totals[k][0] += tp; totals[k][1] += fp; totals[k][2] += len(missed); totals[k][3] += 1
    rows.append((name, h, tp, fp, missed, kept, missing, len(t)))


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


for k in ("all", "A", "B"):
    tp, fp, fn, n = totals[k]
    p, r, f = prf(tp, fp, fn)
    print(f"{k:>3}: pages {n:4d}  precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}  (tp {tp}, fp {fp}, fn {fn})")
print(f"pages without a record: {sum(1 for row in rows if row[6])}")

rows = [row for row in rows if half == "all" or row[1] == half]
rows.sort(key=lambda row: -(len(row[4]) + len(row[5])))
print(f"\nworst pages ({half}): lost = missed article snippets (recall) + kept boilerplate (precision)")
for name, h, tp, fp, missed, kept, missing, n in rows[:top]:
    if not missed and not kept: break
    print(f"{h} missed {len(missed)} kept {len(kept)} text {n:6d}{' NO RECORD' if missing else ''}  {name}")
    if show:
        for w in missed: print(f"      - missed: {norm(w)[:110]}")
        for w in kept: print(f"      + kept:   {norm(w)[:110]}")
