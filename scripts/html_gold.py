#!/usr/bin/env python3
"""Accuracy of publication day and authors on a hand-made gold set, bench/html-gold/dates-authors*.tsv
(five sets; each file's header says how its pages were chosen and judged; sets 2-5 were judged blind,
and each one's first figure, before any fix it showed, is in the commit that added it).

Usage: scripts/html_gold.py [GOLD.tsv] [RECORDS.jsonl]
  defaults: bench/html-gold/dates-authors.tsv and .build/html-eval/records.jsonl (scripts/html_eval.sh).
A day is right when the record's `published` starts with it, or when both say none; authors are right
when the record's `byline` is the same set of names (case and accents as written).
Days are also given as precision / recall / F1 as htmldate's evaluation counts them: a right date is a true
positive, a wrong date both a false positive and a miss, no date where the page has one a miss, and a date
where the page states none a false positive."""
import json, sys

gold_path = sys.argv[1] if len(sys.argv) > 1 else "bench/html-gold/dates-authors.tsv"
rec_path = sys.argv[2] if len(sys.argv) > 2 else ".build/html-eval/records.jsonl"
records = {}
for line in open(rec_path, encoding="utf-8"):
    r = json.loads(line)
    records[r["source"]["name"]] = r
dates = [0, 0]
tp = fp = fn = 0
authors = [0, 0]
for line in open(gold_path, encoding="utf-8"):
    if line.startswith("#") or not line.strip():
        continue
    name, day, people = line.rstrip("\n").split("\t")
    r = records.get(name, {})
    got_day = (r.get("published") or "")[:10]
    if day != "?":
        ok = got_day == ("" if day == "-" else day)
        dates[0] += ok; dates[1] += 1
        if day != "-":
            if ok: tp += 1
            else:
                fn += 1
                if got_day: fp += 1
        elif got_day:
            fp += 1
        if not ok: print(f"date   {name}: gold {day}, got {got_day or '-'}")
    if people != "?":
        want = set() if people == "-" else set(p.strip() for p in people.split(";"))
        got = set(r.get("byline") or [])
        ok = want == got
        authors[0] += ok; authors[1] += 1
        if not ok: print(f"author {name}: gold {sorted(want)}, got {sorted(got)}")
print(f"publication day: {dates[0]}/{dates[1]} right ({dates[0] / dates[1]:.3f})")
p = tp / (tp + fp) if tp + fp else 0.0
r = tp / (tp + fn) if tp + fn else 0.0
f1 = 2 * p * r / (p + r) if p + r else 0.0
print(f"publication day as htmldate scores it: P {p:.3f}  R {r:.3f}  F1 {f1:.3f}  (tp {tp}, fp {fp}, fn {fn})")
print(f"authors: {authors[0]}/{authors[1]} right ({authors[0] / authors[1]:.3f})")
