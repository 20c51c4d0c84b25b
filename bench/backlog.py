#!/usr/bin/env python3
"""Peak memory of newsd draining a backlog: N distinct files already in the inbox when it starts
(`newsd run --once`, which scans, drains and exits). Memory should not grow with N: intake waits
while the bounded queue is full, and nothing per file is kept once it is recorded.

    python3 bench/backlog.py [--binary .build/release/newsd] [--sizes 10000 100000] [--workers 2]

Prints one line per size and writes bench/results/backlog.{md,json}.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
from benchlib import corpus, machine  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "newsd"))
    ap.add_argument("--sizes", type=int, nargs="+", default=[10000, 100000])
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--out", default=os.path.join(HERE, "results", "backlog"))
    args = ap.parse_args()
    sources = corpus.shuffled(corpus.polnear_files(ROOT))
    scratch = tempfile.mkdtemp(prefix="newsd-backlog-")
    if not sources:
        sources = corpus.generated_corpus(os.path.join(scratch, "corpus"))
    rows = []
    try:
        for n in args.sizes:
            run = os.path.join(scratch, "run-%d" % n)
            inbox, out = os.path.join(run, "inbox"), os.path.join(run, "out")
            corpus.stage(sources, n, inbox)
            t0 = time.monotonic()
            p = subprocess.run(["/usr/bin/time", "-f", "%M %e %U %S", args.binary, "run", "--once", "--inbox", "main=" + inbox,
                                "--output", out, "--workers", str(args.workers)],
                               capture_output=True, text=True)
            wall = time.monotonic() - t0
            if p.returncode != 0:
                sys.exit("newsd failed: " + p.stderr[-2000:])
            rss_kb, elapsed, user, system = p.stderr.strip().splitlines()[-1].split()
            with open(os.path.join(out, "records.jsonl"), "rb") as f:
                records = sum(1 for _ in f)
            left = sum(len(files) for _, _, files in os.walk(inbox))
            row = {"files": n, "records": records, "left_in_inbox": left, "wall_s": round(wall, 1),
                   "cpu_s": round(float(user) + float(system), 1), "peak_rss_mb": round(int(rss_kb) / 1024, 1),
                   "workers": args.workers}
            rows.append(row)
            print("backlog %(files)d files: %(records)d records, %(left_in_inbox)d left, %(wall_s).1f s, "
                  "peak RSS %(peak_rss_mb).1f MB" % row, flush=True)
            shutil.rmtree(run)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    desc = machine.describe(ROOT, sys.executable)
    with open(args.out + ".json", "w") as f:
        json.dump({"machine": desc, "binary": args.binary, "rows": rows}, f, indent=1)
    with open(args.out + ".md", "w") as f:
        f.write("# Backlog drain: peak memory\n\n`python3 bench/backlog.py --sizes %s --workers %d`; "
                "`newsd run --once` over files already in the inbox; peak RSS from `/usr/bin/time`.\n\n"
                % (" ".join(map(str, args.sizes)), args.workers))
        f.write("Machine: %s\n\n" % json.dumps(desc))
        f.write("| files | records | left in inbox | wall s | CPU s | peak RSS MB |\n|---:|---:|---:|---:|---:|---:|\n")
        for r in rows:
            f.write("| %(files)d | %(records)d | %(left_in_inbox)d | %(wall_s).1f | %(cpu_s).1f | %(peak_rss_mb).1f |\n" % r)


if __name__ == "__main__":
    main()
