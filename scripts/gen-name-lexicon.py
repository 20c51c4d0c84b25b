#!/usr/bin/env python3
"""Generate Sources/ExtractionData/Data/name-lexicon.tsv: how words behave in news text, counted
on the CoNLL-2003 English training set (eng.train only; never the dev or test sets).

Usage: python3 scripts/gen-name-lexicon.py ../shared/data/conll2003/eng.train > Sources/ExtractionData/Data/name-lexicon.tsv

One word a line (lowercased), tab-separated counts:
    word  first  per  org  loc  misc  capital  lower
first: first token of a person name of two or more tokens (a first name); per/org/loc/misc: tokens
inside entities of that type; capital: capitalised, not sentence-initial, outside any entity;
lower: written all lowercase. The recogniser turns these into type priors, a first-name list and
a list of common words (which a capital at the start of a sentence does not make a name).
"""
import sys
from collections import defaultdict

MIN_TOTAL = 2


def sentences(path):
    sent = []
    for line in open(path, encoding="utf-8"):
        parts = line.split()
        if not parts or parts[0] == "-DOCSTART-":
            if sent:
                yield sent
            sent = []
            continue
        sent.append((parts[0], parts[-1]))
    if sent:
        yield sent


def main():
    counts = defaultdict(lambda: [0] * 7)
    cols = {"PER": 1, "ORG": 2, "LOC": 3, "MISC": 4}
    for sent in sentences(sys.argv[1]):
        letters = [w for w, _ in sent if w[:1].isalpha()]
        all_caps = letters and sum(1 for w in letters if w.isupper()) > 0.7 * len(letters)
        prev = "O"
        for i, (w, tag) in enumerate(sent):
            if not w[:1].isalpha():
                prev = tag
                continue
            key = w.lower()
            kind = tag[2:] if tag != "O" else None
            c = counts[key]
            if kind:
                if not all_caps or w.isupper() is False:
                    c[cols[kind]] += 1
                elif all_caps:
                    c[cols[kind]] += 1
                starts = tag.startswith("B-") or prev == "O" or prev[2:] != kind
                nxt = sent[i + 1][1] if i + 1 < len(sent) else "O"
                if kind == "PER" and starts and nxt == "I-PER" and w[:1].isupper() and not w.isupper():
                    c[0] += 1
            elif w.islower():
                c[6] += 1
            elif w[:1].isupper() and i > 0 and not all_caps:
                c[5] += 1
            prev = tag
    print("# newsd name lexicon: word\tfirst\tper\torg\tloc\tmisc\tcapital\tlower")
    print("# Counted by scripts/gen-name-lexicon.py on CoNLL-2003 eng.train (Reuters, 1996).")
    for w in sorted(counts):
        c = counts[w]
        if sum(c[1:]) >= MIN_TOTAL and "\t" not in w:
            print(w + "\t" + "\t".join(str(x) for x in c))


if __name__ == "__main__":
    main()
