#!/usr/bin/env python3
"""Build newsd's attribution cue lexicon from PolNeAR's gold cues (training split only).

Usage:
    python3 scripts/gen-attribution-cues.py ../shared/data/polnear/train [MIN_SHARE] \
        > Sources/ExtractionData/Data/attribution-cues.tsv

For every lowercase word that occurs inside a gold `Cue` span, counts how often it does (`cue`)
against how often the word occurs in the training articles at all (`seen`). Words kept: at least
MIN_CUES gold cues, a cue share of at least MIN_SHARE (default 0.3; every kept word is used), letters only, not an adverb in -ly, and not
a function word (FUNCTION below). Extra columns, from the gold cue occurrences: `after` is the
share of cues whose content follows them (`X said that …`, against `…, X said.`), and `noun` the
share preceded by a determiner or possessive (`his claim that …`), which marks a noun cue.
Output: `#` comment lines, a header line, then `word<TAB>cue<TAB>seen<TAB>after<TAB>noun` sorted
by word. Source: PolNeAR (networkdynamics/PolNeAR), publishers' copyright, research use.
"""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from polnear_gold import articles  # noqa: E402

MIN_CUES = 3
MIN_SHARE = 0.3
WORD = re.compile(r"[A-Za-z]+(?:[’'][A-Za-z]+)?")
DETERMINERS = {"the", "a", "an", "his", "her", "their", "its", "our", "my", "this", "that", "s"}
FUNCTION = {"to", "of", "in", "for", "on", "at", "by", "with", "that", "as", "about", "the", "a", "an",
            "and", "or", "but", "not", "is", "was", "be", "been", "are", "were", "has", "have", "had",
            "he", "she", "they", "it", "we", "i", "you", "his", "her", "their", "from", "into", "also",
            "would", "will", "could", "can", "do", "does", "did", "t", "s", "ve", "ll", "re", "d", "m"}


def main():
    split = sys.argv[1]
    min_share = float(sys.argv[2]) if len(sys.argv) > 2 else MIN_SHARE
    cue, seen, after, noun = {}, {}, {}, {}
    for _name, text, attributions in articles(split):
        for m in WORD.finditer(text):
            w = m.group().lower()
            seen[w] = seen.get(w, 0) + 1
        counted = set()   # one cue word counts once even when several attributions share it
        for a in attributions:
            if "Cue" not in a or "Content" not in a:
                continue
            content_start = min(s for s, _ in a["Content"][1])
            for s, e in a["Cue"][1]:
                for m in WORD.finditer(text, s, e):
                    if m.start() in counted:
                        continue
                    counted.add(m.start())
                    w = m.group()
                    if not w.islower():
                        continue
                    cue[w] = cue.get(w, 0) + 1
                    if s < content_start:
                        after[w] = after.get(w, 0) + 1
                    before = WORD.findall(text[max(0, m.start() - 20):m.start()])
                    if before and before[-1].lower().split("’")[-1].split("'")[-1] in DETERMINERS:
                        noun[w] = noun.get(w, 0) + 1
    rows = []
    for w, n in cue.items():
        share = n / max(seen.get(w.lower(), 0), n)
        if n < MIN_CUES or share < min_share or w.endswith("ly") or w in FUNCTION or not w.isalpha():
            continue
        rows.append((w, n, seen[w], after.get(w, 0) / n, noun.get(w, 0) / n))
    print("# Attribution cue words learnt from PolNeAR's gold cues (training split); made by")
    print("# scripts/gen-attribution-cues.py. Source: PolNeAR, publishers' copyright, research use.")
    print("word\tcue\tseen\tafter\tnoun")
    for w, n, s, a, d in sorted(rows):
        print(f"{w}\t{n}\t{s}\t{a:.2f}\t{d:.2f}")


if __name__ == "__main__":
    main()
