"""PolNeAR's gold attributions, read the way the quote scripts need them (scripts/quote_*.py)."""
import os
import re

QUOTE_MARK = re.compile('[\u201c\u201d"]')


def spans(s):
    """"0 5;9 12" → [(0, 5), (9, 12)]."""
    return [tuple(map(int, p.split())) for p in s.split(";")]


def overlap(a, b):
    return any(x0 < y1 and y0 < x1 for x0, x1 in a for y0, y1 in b)


def articles(split):
    """Yields (name, text, attributions) for each article of SPLIT_DIR once (the first annotator's
    file); an attribution maps each role (Content, Source, Cue) to (kind, spans)."""
    seen = set()
    for a in sorted(os.listdir(os.path.join(split, "attributions"))):
        name = re.sub(r"_[0-9a-f]+\.ann$", "", a) + ".txt"
        if name in seen:
            continue
        seen.add(name)
        text = open(os.path.join(split, "text", name), encoding="utf-8").read()
        terms, attributions = {}, []
        for line in open(os.path.join(split, "attributions", a), encoding="utf-8"):
            p = line.rstrip("\n").split("\t")
            if line.startswith("T") and len(p) > 1 and " " in p[1]:
                kind, rest = p[1].split(" ", 1)
                try:
                    terms[p[0]] = (kind, spans(rest))
                except ValueError:
                    pass
            elif line.startswith("E") and len(p) > 1:
                roles = dict(r.split(":") for r in p[1].split())
                attributions.append({k: terms[v] for k, v in roles.items() if v in terms})
        yield name, text, attributions
