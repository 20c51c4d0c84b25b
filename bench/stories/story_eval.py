#!/usr/bin/env python3
"""Story assignment measured on a labelled set built from PolNeAR (issue 14).

The set: every PolNeAR article (train and dev) as a JSON article with its title and publication
date from metadata.tsv, plus COPIES edited wire copies of randomly chosen articles (seeded): a new
headline, a paragraph dropped, a paragraph from another article added, a credits line, one to
four of these at once. Labels:
  - each copy and its original tell one story;
  - PolNeAR articles at most two days apart whose texts are copies (word 3-shingle Jaccard >= 0.5:
    the same story under two headlines, a live blog updated);
  - SAME_EVENT below: pairs from different publishers within a day that I judged, from their titles
    and texts, to report one event; UNSURE pairs are left out of the scoring;
  - joins are closed transitively (one story is one cluster); every other pair tells different stories.
The set goes through `newsd run --once`, and each record's `story` is compared with the labels,
pair by pair: precision = correct joins / all joins, recall = correct joins / labelled joins.

    python3 bench/stories/story_eval.py [--binary .build/release/newsd] [--copies 200] [--keep DIR]
"""
import argparse
import collections
import csv
import datetime
import itertools
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
POLNEAR = os.path.join(ROOT, "..", "shared", "data", "polnear")

# Same event, different publishers, at most a day apart: judged by hand from titles and texts.
SAME_EVENT = [
    ("huff-post_2015-12-20_hillary-clinton-s-claim-", "west-journal_2015-12-21_revealed-what-isis-pr"),
    ("huff-post_2016-05-12_george-zimmerman-auction", "usa-today_2016-05-13_auction-of-gun-used-to-k"),
    ("huff-post_2016-04-27_hillary-clinton-wins-del", "usa-today_2016-04-27_clinton-takes-pa-md-and-"),
    ("nyt_2016-05-27_clinton-faces-tight-primary-wi", "politico_2016-05-26_poll-clinton-and-sanders-"),
    ("usa-today_2016-01-29_absent-trump-derides-deb", "west-journal_2016-01-29_trump-made-this-shock"),
    ("politico_2016-01-28_super-pac-blasts-trump-for-skipp", "usa-today_2016-01-29_absent-trump-derides-deb"),
    ("breitbart_2016-05-25_hacker-guccifer-clinton-", "wash-post_2016-05-26_hacker-who-revealed-priv"),
    ("huff-post_2015-12-03_cnn-president-on-trump-w", "west-journal_2015-12-03_cnn-just-responded-to"),
    ("huff-post_2016-04-08_bernie-sanders-of-course", "nyt_2016-04-08_tensions-flare-after-sanders-c"),
    ("huff-post_2016-04-20_hillary-clinton-won-amon", "nyt_2016-04-21_crucial-wins-for-clinton-and-t"),
    ("breitbart_2016-04-19_clinton-wins-democratic-", "huff-post_2016-04-20_hillary-clinton-won-amon"),
    ("huff-post_2015-11-20_trump-may-not-have-sugge", "politico_2015-11-19_trump-calls-for-bringing-"),
    ("breitbart_2016-06-08_ready-to-back-clinton-ob", "huff-post_2016-06-09_barack-obama-s-endorseme"),
    ("nyt_2016-10-04_in-avoiding-tax-trump-is-merel", "politico_2016-10-04_trump-not-walking-the-wal"),
    ("usa-today_2015-12-07_republicans-reaction-is-that-all", "west-journal_2015-12-07_immediately-after-obama-s-terror"),
]
# Related enough that either answer is defensible: not scored.
UNSURE = [
    ("huff-post_2016-09-20_hillary-clinton-speaks-d", "west-journal_2016-09-21_chris-christie-calls-"),
    ("breitbart_2016-09-15_pat-caddell-democrat-vot", "west-journal_2016-09-14_clinton-hid-past-heal"),
    ("huff-post_2016-03-16_donald-trump-got-more-vo", "west-journal_2016-03-15_right-before-super-tu"),
    ("politico_2016-02-19_more-hillary-clinton-emai", "usa-today_2016-02-18_clinton-tries-to-avoid-s"),
    ("huff-post_2016-01-28_bernie-sanders-and-hilla", "politico_2016-01-29_clinton-camp-plans-to-rol"),
    ("nyt_2016-10-04_in-avoiding-tax-trump-is-merel", "west-journal_2016-10-04_railing-against-trump"),
    ("politico_2016-10-04_trump-not-walking-the-wal", "west-journal_2016-10-04_railing-against-trump"),
    ("huff-post_2015-11-11_dems-react-to-gop-debate", "politico_2015-11-11_clinton-blasts-trump-over-deport"),
    ("breitbart_2016-04-19_clinton-wins-democratic-", "nyt_2016-04-21_crucial-wins-for-clinton-and-t"),
]
CREDITS = ["(Reporting by Jane Doe; Editing by Mark Heinrich)", "Copyright 2016 The Associated Press. All rights reserved.",
           "Additional reporting by Sam Lee in Washington.", "This story has been updated."]


def shingles(text):
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i:i + 3]) for i in range(max(0, len(words) - 2))}


def prefix_match(stems, prefix):
    found = [s for s in stems if s.startswith(prefix)]
    if len(found) != 1:
        sys.exit("label %r matches %d articles" % (prefix, len(found)))
    return found[0]


def build(directory, copies, seed):
    rows = {r["filename"]: r for r in csv.DictReader(open(os.path.join(POLNEAR, "metadata.tsv")), delimiter="\t")}
    articles = {}
    for split in ("train", "dev"):
        folder = os.path.join(POLNEAR, split, "text")
        for name in sorted(os.listdir(folder)):
            stem = name[:-4]
            if stem in rows:
                articles[stem] = open(os.path.join(folder, name), encoding="utf-8").read()
    rng = random.Random(seed)
    docs = {}
    for stem, text in articles.items():
        r = rows[stem]
        docs[stem] = {"title": r["title"], "published": r["publication_date"], "text": text, "source": r["publisher"]}
    positives = set()
    stems = sorted(articles)
    for n, stem in enumerate(rng.sample(stems, copies)):
        original = docs[stem]
        paragraphs = [p for p in original["text"].split("\n\n") if p.strip()]
        edits = rng.sample(["headline", "drop", "add", "credits"], rng.randint(1, 4))
        title = original["title"]
        if "headline" in edits:
            title = rng.choice(["UPDATE 1-", "WRAPUP-", "Latest: ", ""]) + " ".join(reversed(title.split()[:6])).capitalize()
        if "drop" in edits and len(paragraphs) >= 4:
            del paragraphs[rng.randrange(1, len(paragraphs))]
        if "add" in edits:
            other = articles[rng.choice(stems)].split("\n\n")
            paragraphs.insert(rng.randrange(1, len(paragraphs) + 1), rng.choice([p for p in other if p.strip()] or ["More to come."]))
        if "credits" in edits:
            paragraphs.append(rng.choice(CREDITS))
        copy = "copy%03d_%s" % (n, stem)
        docs[copy] = {"title": title, "published": original["published"], "text": "\n\n".join(paragraphs),
                      "source": "wire-" + original["source"]}
        positives.add(frozenset((stem, copy)))
    # PolNeAR holds editions of one text (the same story under two headlines, a live blog updated):
    # articles at most two days apart sharing half their word 3-shingles are copies.
    sets = {stem: shingles(text) for stem, text in articles.items()}
    day = {stem: datetime.date.fromisoformat(rows[stem]["publication_date"]) for stem in stems}
    for a, b in itertools.combinations(stems, 2):
        if abs((day[a] - day[b]).days) <= 2 and sets[a] and sets[b] and len(sets[a] & sets[b]) / len(sets[a] | sets[b]) >= 0.5:
            positives.add(frozenset((a, b)))
    for a, b in SAME_EVENT:
        positives.add(frozenset((prefix_match(stems, a), prefix_match(stems, b))))
    unsure = {frozenset((prefix_match(stems, a), prefix_match(stems, b))) for a, b in UNSURE}
    # One story is one cluster: every pair within a connected group of labelled joins is a join.
    parent = {}
    def root(x):
        while parent.get(x, x) != x:
            x = parent[x]
        return x
    for a, b in (tuple(p) for p in positives):
        parent[root(a)] = root(b)
    groups = collections.defaultdict(list)
    for x in {x for p in positives for x in p}:
        groups[root(x)].append(x)
    positives = {frozenset(p) for g in groups.values() for p in itertools.combinations(sorted(g), 2)}
    os.makedirs(directory, exist_ok=True)
    for stem, doc in docs.items():
        with open(os.path.join(directory, stem + ".json"), "w", encoding="utf-8") as f:
            json.dump(doc, f)
    return positives, unsure


def clusters_to_pairs(story_of):
    by_story = collections.defaultdict(list)
    for stem, story in story_of.items():
        by_story[story].append(stem)
    return {frozenset(p) for members in by_story.values() for p in itertools.combinations(sorted(members), 2)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "newsd"))
    ap.add_argument("--copies", type=int, default=200)
    ap.add_argument("--seed", type=int, default=14)
    ap.add_argument("--keep", help="keep the set and the output here")
    ap.add_argument("--records", help="score this records.jsonl instead of running newsd (set rebuilt for labels)")
    args = ap.parse_args()
    scratch = args.keep or tempfile.mkdtemp(prefix="newsd-stories-")
    inbox, out = os.path.join(scratch, "in"), os.path.join(scratch, "out")
    shutil.rmtree(scratch, ignore_errors=True)
    positives, unsure = build(inbox, args.copies, args.seed)
    os.makedirs(out)
    try:
        records = args.records
        if not records:
            subprocess.run([args.binary, "run", "--once", "--inbox", "main=" + inbox, "--output", out, "--log-format", "json"],
                           check=True, stderr=subprocess.DEVNULL)
            records = os.path.join(out, "records.jsonl")
        story_of, title_of = {}, {}
        for line in open(records, encoding="utf-8"):
            r = json.loads(line)
            stem = r["source"]["name"][:-5]
            story_of[stem] = r.get("story")
            title_of[stem] = r.get("title")
        predicted = {p for p in clusters_to_pairs(story_of) if p not in unsure}
        labelled = {p for p in positives if p not in unsure and all(s in story_of for s in p)}
        copies = {p for p in labelled if any(s.startswith("copy") for s in p)}
        events = labelled - copies
        tp = predicted & labelled
        print("articles %d, stories %d, labelled joins %d (copies %d, same event %d), predicted joins %d" % (
            len(story_of), len(set(story_of.values())), len(labelled), len(copies), len(events), len(predicted)))
        print("precision %.3f (%d/%d), recall %.3f (%d/%d)" % (
            len(tp) / max(1, len(predicted)), len(tp), len(predicted), len(tp) / max(1, len(labelled)), len(tp), len(labelled)))
        direct = {p for p in copies if any(s.startswith("copy") and s.split("_", 1)[1] in p for s in p)}
        print("  wire copies and their originals: recall %.3f (%d/%d)" % (
            len(predicted & direct) / max(1, len(direct)), len(predicted & direct), len(direct)))
        print("  copies (closed over all joins): recall %.3f (%d/%d)" % (len(predicted & copies) / max(1, len(copies)), len(predicted & copies), len(copies)))
        print("  same event: recall %.3f (%d/%d)" % (len(predicted & events) / max(1, len(events)), len(predicted & events), len(events)))
        for p in sorted(predicted - labelled, key=sorted)[:15]:
            a, b = sorted(p)
            print("  false join: %s | %s" % (title_of.get(a), title_of.get(b)))
        for p in sorted(labelled - predicted, key=sorted)[:15]:
            a, b = sorted(p)
            print("  missed: %s | %s" % (a, b))
    finally:
        if not args.keep:
            shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
