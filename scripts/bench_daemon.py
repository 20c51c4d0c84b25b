#!/usr/bin/env python3
"""End-to-end daemon benchmark: drop N articles into a watched inbox at once and time until the
last record is written. Prints one line per run and writes bench/results/daemon-<date>.md.

Usage: scripts/bench_daemon.py [--binary .build/release/newsd] [--workers 1 2] [--corpus DIR]
The corpus defaults to the 924 PolNeAR articles in ../shared/data/polnear; without it, a corpus of
924 generated articles is used."""
import argparse, glob, json, os, shutil, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

def corpus_files(corpus):
    if corpus:
        return sorted(glob.glob(os.path.join(corpus, "**", "*.txt"), recursive=True))
    shared = os.path.join(ROOT, "..", "shared", "data", "polnear")
    files = sorted(glob.glob(os.path.join(shared, "*", "text", "*.txt")))
    return files

def generated(n, folder):
    os.makedirs(folder, exist_ok=True)
    paths = []
    for i in range(n):
        p = os.path.join(folder, "gen-%05d.txt" % i)
        with open(p, "w") as f:
            f.write("Council vote number %d\nThe council in Berlin approved measure %d on Tuesday, "
                    "officials said. \"It is a good day,\" Mayor Anna Schmidt said.\n" % (i, i) * 5)
        paths.append(p)
    return paths

def peak_rss_kb(pid):
    try:
        for line in open("/proc/%d/status" % pid):
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        return None

def count_lines(path):
    try:
        with open(path, "rb") as f:
            return sum(1 for _ in f)
    except OSError:
        return 0

def run(binary, files, workers):
    tmp = tempfile.mkdtemp(prefix="newsd-bench-")
    inbox, out, staging = (os.path.join(tmp, d) for d in ("in", "out", "staging"))
    os.makedirs(inbox); os.makedirs(staging)
    staged = []
    for i, f in enumerate(files):
        dst = os.path.join(staging, "%05d-%s" % (i, os.path.basename(f)))
        shutil.copyfile(f, dst)
        staged.append(dst)
    log = open(os.path.join(tmp, "log"), "w")
    proc = subprocess.Popen([binary, "run", "--inbox", inbox, "--output", out, "--workers", str(workers)],
                            stderr=log, stdout=subprocess.DEVNULL)
    records = os.path.join(out, "records.jsonl")
    deadline = time.time() + 30
    while not os.path.exists(records) and time.time() < deadline:
        time.sleep(0.05)
    time.sleep(0.3)
    start = time.monotonic()
    for p in staged:
        os.rename(p, os.path.join(inbox, os.path.basename(p)))
    n = len(staged)
    peak = 0
    while count_lines(records) < n and time.monotonic() - start < 600:
        peak = max(peak, peak_rss_kb(proc.pid) or 0)
        time.sleep(0.01)
    elapsed = time.monotonic() - start
    peak = max(peak, peak_rss_kb(proc.pid) or 0)
    proc.terminate(); proc.wait(timeout=60)
    errors = count_lines(os.path.join(out, "errors.jsonl"))
    got = count_lines(records)
    shutil.rmtree(tmp)
    return {"files": n, "workers": workers, "seconds": round(elapsed, 3), "records": got, "errors": errors,
            "articles_per_s": round(got / elapsed, 1), "peak_rss_mb": round(peak / 1024, 1)}

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "newsd"))
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--corpus")
    args = ap.parse_args()
    files = corpus_files(args.corpus)
    source = "PolNeAR (%d articles)" % len(files)
    tmpgen = None
    if not files:
        tmpgen = tempfile.mkdtemp(prefix="newsd-corpus-")
        files = generated(924, tmpgen)
        source = "924 generated articles (../shared/data absent)"
    results = [run(args.binary, files, w) for w in args.workers]
    if tmpgen: shutil.rmtree(tmpgen)
    lines = ["| files | workers | seconds to last record | articles/s | records | errors | peak RSS MB |",
             "|---:|---:|---:|---:|---:|---:|---:|"]
    for r in results:
        lines.append("| %(files)d | %(workers)d | %(seconds).2f | %(articles_per_s).1f | %(records)d | %(errors)d | %(peak_rss_mb).1f |" % r)
    table = "\n".join(lines)
    print("corpus: " + source)
    print(table)
    os.makedirs(os.path.join(ROOT, "bench", "results"), exist_ok=True)
    stamp = time.strftime("%Y-%m-%d")
    machine = "%d cores, %.0f GiB" % (os.cpu_count(), os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30)
    with open(os.path.join(ROOT, "bench", "results", "daemon-%s.md" % stamp), "w") as f:
        f.write("# Daemon end-to-end, %s\n\nMachine: %s. Corpus: %s. Command: `scripts/bench_daemon.py`.\n\n%s\n" % (stamp, machine, source, table))
    with open(os.path.join(ROOT, "bench", "results", "daemon-%s.json" % stamp), "w") as f:
        json.dump({"machine": machine, "corpus": source, "results": results}, f, indent=1)

if __name__ == "__main__":
    main()
