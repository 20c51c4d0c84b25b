#!/usr/bin/env python3
"""Splits a CoNLL-2003 file into k folds by document (document i goes to fold i mod k), for
choosing settings by cross-validation on the training set instead of on eng.testa.
Writes OUT/foldN.held.conll (the fold) and OUT/foldN.rest.conll (every other document).
Usage: conll_folds.py eng.train K OUTDIR"""
import os, sys

path, k, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
docs, cur = [], []
for line in open(path, encoding="utf-8"):
    if line.startswith("-DOCSTART-") and cur:
        docs.append(cur)
        cur = []
    cur.append(line)
if cur:
    docs.append(cur)
os.makedirs(out, exist_ok=True)
for f in range(k):
    with open(f"{out}/fold{f}.held.conll", "w", encoding="utf-8") as held, \
         open(f"{out}/fold{f}.rest.conll", "w", encoding="utf-8") as rest:
        for i, d in enumerate(docs):
            (held if i % k == f else rest).writelines(d)
