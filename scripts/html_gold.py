#!/usr/bin/env python3
"""Accuracy of publication day and authors on the hand-made gold set bench/html-gold/dates-authors.tsv.

Usage: scripts/html_gold.py [GOLD.tsv] [RECORDS.jsonl]
  defaults: bench/html-gold/dates-authors.tsv and .build/html-eval/records.jsonl (scripts/html_eval.sh).
A day is right when the record's `published` starts with it, or when both say none; authors are right
when the record's `byline` is the same set of names (case and accents as written)."""
import json, sys

gold_path = sys.argv[1] if len(sys.argv) > 1 else "bench/html-gold/dates-authors.tsv"
rec_path = sys.argv[2] if len(sys.argv) > 2 else ".build/html-eval/records.jsonl"
records = {}
for line in open(rec_path, encoding="utf-8"):
    r = json.loads(line)
    records[r["source"]["name"]] = r
dates = [0, 0]
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
        if not ok: print(f"date   {name}: gold {day}, got {got_day or '-'}")
    if people != "?":
        want = set() if people == "-" else set(p.strip() for p in people.split(";"))
        got = set(r.get("byline") or [])
        ok = want == got
        authors[0] += ok; authors[1] += 1
        if not ok: print(f"author {name}: gold {sorted(want)}, got {sorted(got)}")
print(f"publication day: {dates[0]}/{dates[1]} right ({dates[0] / dates[1]:.3f})")
print(f"authors: {authors[0]}/{authors[1]} right ({authors[0] / authors[1]:.3f})")
