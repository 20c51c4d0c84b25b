#!/usr/bin/env python3
"""Brown word clusters for the entity tagger, from spaCy's English lexeme tables.

Reads `spacy_lookups_data/data/en_lexeme_cluster.json.gz` (Brown clusters, 1,000 clusters over
1,000,001 cased word forms learnt from a large English corpus; 0 means no cluster) and
`en_lexeme_prob.json.gz` (log probabilities, for the order) from the PyPI wheel
`spacy-lookups-data` 1.0.5 (ExplosionAI, MIT licence), and writes one word a line:

  word <TAB> prefix id <TAB> prefix id <TAB> prefix id <TAB> prefix id

for every word with a cluster, most probable first (the trainer precomputes the scores of the
first words). The prefix lengths are those of Ratinov & Roth (2009): 4, 6, 10 and 20 bits (the
longest paths have 18, so 20 is the whole path). spaCy stores a word's Brown bit path reversed, first branch in the lowest bit, so the
path prefix of n bits is `cluster & ((1 << n) - 1)`: "Clinton", "Merkel", "Blair" and "Smith" share
the whole path, "Bush" shares six bits with them, "Paris" and "London" one path, "Germany" eight
bits of it. Each column numbers the distinct prefixes of one length from 1 (0 is "no cluster").

Usage: pip download --no-deps spacy-lookups-data==1.0.5   (or any copy of that wheel)
       python3 scripts/gen-word-clusters.py spacy_lookups_data-1.0.5-py2.py3-none-any.whl [4,6,10,20] > brown.tsv
"""
import gzip, json, sys, zipfile

CLUSTERS = "spacy_lookups_data/data/en_lexeme_cluster.json.gz"
PROBABILITIES = "spacy_lookups_data/data/en_lexeme_prob.json.gz"


def table(wheel, name):
    with zipfile.ZipFile(wheel) as z, z.open(name) as raw, gzip.open(raw) as f:
        return json.load(f)


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    wheel = sys.argv[1]
    lengths = [int(n) for n in (sys.argv[2] if len(sys.argv) == 3 else "4,6,10,20").split(",")]
    if not 1 <= len(lengths) <= 4:
        sys.exit("gen-word-clusters: one to four prefix lengths")
    clusters = {w: c for w, c in table(wheel, CLUSTERS).items() if c and w and "\t" not in w and "\n" not in w and " " not in w}
    probabilities = table(wheel, PROBABILITIES)
    floor = min(probabilities.values()) - 1
    words = sorted(clusters, key=lambda w: (-probabilities.get(w, floor), w))
    ids = []
    for n in lengths:
        mask = (1 << n) - 1
        prefixes = sorted({c & mask for c in clusters.values()})
        if len(prefixes) >= 65535:
            sys.exit("gen-word-clusters: too many prefixes of %d bits for 16-bit ids" % n)
        ids.append({p: i + 1 for i, p in enumerate(prefixes)})
    out = sys.stdout
    out.write("# Brown clusters from PyPI spacy-lookups-data 1.0.5 (MIT), prefixes of %s bits\n" % ",".join(map(str, lengths)))
    for w in words:
        c = clusters[w]
        out.write(w + "\t" + "\t".join(str(ids[l][c & ((1 << n) - 1)]) for l, n in enumerate(lengths)) + "\n")


main()
