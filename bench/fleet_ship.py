#!/usr/bin/env python3
"""How fast one node ships a backlog to PostgreSQL, and what the shipper costs in memory.

A private cluster (initdb, pg_ctl; as the postgres user when run as root) on a free port; an
output folder whose records.jsonl already holds N records (real records of the PolNeAR dev
articles, or of generated ones, `newsd extract`ed once and repeated with new ids and times); then
`newsd run` with an empty inbox and `--database`. It reports:

- rows/s: N / (seconds from the start of `newsd run` until the database holds N rows);
- peak RSS (VmHWM) of the node once it has shipped, against the same start without --database.

    python3 bench/fleet_ship.py [--binary .build/release/newsd] [--records 20000] [--distinct 200]

Run it on an idle machine or report `uptime` beside the figures: wall-clock times on 2 shared
cores move with the load.
"""
import argparse
import hashlib
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
from benchlib import corpus, postgres  # noqa: E402
from benchlib.postgres import PASSWORD  # noqa: E402


class Cluster(postgres.Cluster):
    """The cluster, and how many articles it holds."""

    def count(self):
        try:
            return int(self.psql("SELECT count(*) FROM articles").strip() or 0)
        except subprocess.CalledProcessError:
            return 0


def make_backlog(binary, scratch, n, distinct):
    """records.jsonl with n records: `distinct` real extractions repeated with fresh ids and times."""
    sources = corpus.shuffled(corpus.polnear_files(ROOT))[:distinct] or \
        corpus.generated_corpus(os.path.join(scratch, "corpus"))[:distinct]
    p = subprocess.run([binary, "extract"] + sources, capture_output=True, check=True)
    base = [json.loads(line) for line in p.stdout.splitlines() if line.strip()]
    now = time.time()
    out = os.path.join(scratch, "records.jsonl")
    with open(out, "w") as f:
        for i in range(n):
            r = dict(base[i % len(base)])
            r["id"] = hashlib.sha256(b"fleet-bench-%d" % i).hexdigest()
            r["ingested_at"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(now - (n - i) * 0.5))
            r["story"] = r["id"]
            f.write(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n")
    return out, os.path.getsize(out)


def vm_hwm_mb(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


def run_node(binary, records, scratch, name, database=None, expect=0, cluster=None, settle=5.0):
    folder = os.path.join(scratch, name)
    inbox, out = os.path.join(folder, "in"), os.path.join(folder, "out")
    os.makedirs(inbox)
    os.makedirs(out)
    shutil.copy(records, os.path.join(out, "records.jsonl"))
    argv = [binary, "run", "--inbox", "main=" + inbox, "--output", out, "--workers", "1"]
    env = dict(os.environ)
    if database:
        argv += ["--database", database]
        env["NEWSD_DATABASE_PASSWORD"] = PASSWORD
    t0 = time.monotonic()
    p = subprocess.Popen(argv, env=env, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL)
    shipped_s = None
    try:
        if database:
            while cluster.count() < expect:
                if p.poll() is not None:
                    sys.exit("newsd exited: " + p.stderr.read().decode()[-2000:])
                time.sleep(0.2)
            shipped_s = time.monotonic() - t0
        else:
            time.sleep(settle)
        rss = vm_hwm_mb(p.pid)
    finally:
        p.terminate()
        p.wait()
    return shipped_s, rss


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "newsd"))
    ap.add_argument("--records", type=int, default=20000)
    ap.add_argument("--distinct", type=int, default=200)
    args = ap.parse_args()
    scratch = tempfile.mkdtemp(prefix="newsd-fleet-bench-")
    os.chmod(scratch, 0o755)
    cluster = None
    try:
        records, size = make_backlog(args.binary, scratch, args.records, args.distinct)
        cluster = Cluster(os.path.join(scratch, "pg"))
        print("backlog: %d records, %.1f MB in records.jsonl; load %s" % (args.records, size / 1e6, os.getloadavg()), flush=True)
        _, rss_off = run_node(args.binary, records, scratch, "off")
        seconds, rss_on = run_node(args.binary, records, scratch, "on", cluster.url(), args.records, cluster)
        rows = cluster.count()
        entities = int(cluster.psql("SELECT count(*) FROM article_entities").strip())
        db_mb = int(cluster.psql("SELECT pg_database_size('newsd')").strip()) / 1e6
        print("shipped %d rows (%d entity rows, database %.0f MB) in %.1f s from start: %.0f rows/s" %
              (rows, entities, db_mb, seconds, rows / seconds))
        print("peak RSS: %.1f MB with the shipper (after shipping), %.1f MB without --database (same start, %d records)" %
              (rss_on, rss_off, args.records))
        print("load after: %s" % (os.getloadavg(),))
    finally:
        if cluster:
            cluster.destroy()
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
