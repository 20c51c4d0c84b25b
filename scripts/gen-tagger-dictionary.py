#!/usr/bin/env python3
"""Dictionary features for the entity tagger: one word form a line with a code of bits,
read by `newsd-train train --dictionary` into the fourth slot of the tagger's word table.

  bits 0-1  how common the word is in lower case (wordfreq `en` Zipf >= 3, 4, 5 gives 1, 2, 3)
  bit  2    a common first name (names-dataset: rank <= 300 in some country, or <= 2000 in US, GB, CA, AU, IE)
  bit  3    a common last name (same ranks)
  bit  4    a one-word place name (the committed gazetteer: countries, cities, states, regions, waters)
  bit  5    a word of a longer place name
  bit  6    a demonym ("Russian", "Chinese")

Sources: PyPI wordfreq 3.1.1 (code Apache-2.0, data CC BY-SA 4.0) and names-dataset 3.3.1
(Apache-2.0), and Sources/ExtractionData/Data/gazetteer.tsv (GeoNames, CC BY 4.0).

Usage: pip install wordfreq==3.1.1 names-dataset==3.3.1
       python3 scripts/gen-tagger-dictionary.py Sources/ExtractionData/Data/gazetteer.tsv > dictionary.tsv
"""
import gzip, os, pickle, re, sys

import names_dataset
import wordfreq

WORD = re.compile(r"^[^\W\d_]+(?:['.\-][^\W\d_]+)*\.?$")
ENGLISH = {"US", "GB", "CA", "AU", "IE"}

codes = {}


def mark(form, bits):
    if WORD.match(form):
        codes[form] = codes.get(form, 0) | bits


def title(word):
    return word[:1].upper() + word[1:]


for word in wordfreq.top_n_list("en", 200000):
    z = wordfreq.zipf_frequency(word, "en")
    if z < 3.0:
        break
    bucket = 3 if z >= 5 else 2 if z >= 4 else 1
    mark(word, bucket)
    mark(title(word), bucket)

folder = os.path.join(os.path.dirname(names_dataset.__file__), "v3")
for name, bit in (("first_names.pkl.gz", 4), ("last_names.pkl.gz", 8)):
    with gzip.open(os.path.join(folder, name)) as f:
        table = pickle.load(f)
    for word, info in table.items():
        ranks = info.get("rank") or {}
        if any(r <= 300 for r in ranks.values()) or any(r <= 2000 for c, r in ranks.items() if c in ENGLISH):
            if " " not in word:
                mark(title(word), bit)
    del table

for line in open(sys.argv[1], encoding="utf-8"):
    if line.startswith("#"):
        continue
    parts = line.rstrip("\n").split("\t")
    if len(parts) < 2:
        continue
    name, kind = parts[0], parts[1]
    words = name.split(" ")
    if kind == "demonym":
        for w in words:
            mark(w, 64)
    elif len(words) == 1:
        mark(name, 16)
    else:
        for w in words:
            if w[:1].isupper():
                mark(w, 32)

out = sys.stdout
out.write("# newsd tagger dictionary: form\tcode (see scripts/gen-tagger-dictionary.py)\n")
for form in sorted(codes):
    out.write(f"{form}\t{codes[form]}\n")
