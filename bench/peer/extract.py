#!/usr/bin/env python3
"""The peer's `newsd extract`: spaCy en_core_web_sm over FILE..., one JSON line of entities per
article to stdout (or --out), and on stderr a JSON line of timings that leave model loading out:

    {"files": DONE, "load_s": ..., "wall_s": ..., "cpu_s": ..., "max_rss_kb": ...}

With --cap-s it stops after the batch (16 files) in which that many seconds have passed; DONE files
are then the first DONE of FILE....
The texts go through nlp.pipe (spaCy's fastest way for many documents) unless --one-by-one.
"""
import argparse
import json
import os
import resource
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from peerd import entities_of, load_model  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pipeline", choices=["full", "ner"], default="full")
    ap.add_argument("--one-by-one", action="store_true")
    ap.add_argument("--out", default="-")
    ap.add_argument("--cap-s", type=float, default=0, help="stop after this many seconds (0: no cap)")
    ap.add_argument("files", nargs="+")
    args = ap.parse_args()
    t0 = time.monotonic()
    nlp = load_model(args.pipeline)
    nlp("Warm-up sentence in Paris.")
    load_s = time.monotonic() - t0
    out = sys.stdout if args.out == "-" else open(args.out, "w", encoding="utf-8")
    wall0, cpu0 = time.monotonic(), time.process_time()

    def text_of(path):
        with open(path, "rb") as f:
            return f.read().decode("utf-8", errors="replace").lstrip("\ufeff")

    # Batches of 16 through nlp.pipe; the cap is checked between batches, so the files counted as
    # done are exactly the files whose time was spent.
    done = 0
    for first in range(0, len(args.files), 16):
        batch = args.files[first:first + 16]
        texts = [text_of(p) for p in batch]
        docs = [nlp(t) for t in texts] if args.one_by_one else list(nlp.pipe(texts, batch_size=16))
        for path, doc in zip(batch, docs):
            out.write(json.dumps({"name": os.path.basename(path), "entities": entities_of(doc)},
                                 ensure_ascii=False) + "\n")
        done += len(batch)
        if args.cap_s and time.monotonic() - wall0 > args.cap_s:
            break
    out.flush()
    wall, cpu = time.monotonic() - wall0, time.process_time() - cpu0
    print(json.dumps({"files": done, "load_s": round(load_s, 3), "wall_s": round(wall, 3),
                      "cpu_s": round(cpu, 3),
                      "max_rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}), file=sys.stderr)


if __name__ == "__main__":
    main()
