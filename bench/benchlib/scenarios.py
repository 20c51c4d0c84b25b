"""The measurements: one-core extraction throughput, end-to-end time for a burst of N files, and
drop-to-record latency at a steady rate. Each returns plain dicts for the report."""
import json
import math
import os
import resource
import shutil
import statistics
import subprocess
import tempfile
import time

from . import corpus, daemons
from .records import RecordTail


def _run_pinned(argv, core, stdout_path, env=None):
    """Runs argv on one core; returns wall seconds, CPU seconds (user+sys) and peak RSS (MB)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    with open(stdout_path, "wb") as out:
        t0 = time.monotonic()
        proc = subprocess.Popen(["taskset", "-c", str(core)] + argv, stdout=out, stderr=subprocess.PIPE,
                                env=dict(os.environ, **(env or {})))
        _, err = proc.communicate()
        wall = time.monotonic() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, after.ru_maxrss / 1024, proc.returncode, err.decode(errors="replace")


def extraction_newsd(binary, files, words, core, repeats, tmp):
    """`newsd extract` over all files on one core, `repeats` times; the median run is kept."""
    runs = []
    for _ in range(repeats):
        out = os.path.join(tmp, "newsd-extract.jsonl")
        wall, cpu, rss, rc, err = _run_pinned([binary, "extract"] + files, core, out)
        with open(out, "rb") as f:
            records = sum(1 for _ in f)
        runs.append({"wall_s": round(wall, 3), "cpu_s": round(cpu, 3), "records": records, "exit": rc})
    runs.sort(key=lambda r: r["cpu_s"])
    best = runs[len(runs) // 2]
    return dict(best, system="newsd", files=len(files), words=words,
                words_per_s_cpu=round(words / best["cpu_s"]), words_per_s_wall=round(words / best["wall_s"]),
                runs=runs, note="whole process (start-up and data loading included)")


def extraction_peer(python, peer_dir, files, word_counts, core, pipeline, cap_s, tmp):
    """spaCy over the same files (same order) on one core; model loading left out; capped in time."""
    out = os.path.join(tmp, "peer-extract.jsonl")
    stats = os.path.join(tmp, "peer-extract.stats")
    argv = [python, os.path.join(peer_dir, "extract.py"), "--pipeline", pipeline, "--out", out,
            "--cap-s", str(cap_s)] + files
    wall, cpu, rss, rc, err = _run_pinned(argv, core, stats, env=daemons.SINGLE_THREAD_BLAS)
    line = [l for l in err.splitlines() if l.startswith("{")]
    if rc != 0 or not line:
        raise RuntimeError("peer extract failed: " + err[-2000:])
    s = json.loads(line[-1])
    done = s["files"]
    words = sum(word_counts[:done])
    return {"system": "peer", "pipeline": pipeline, "files": done, "of_files": len(files), "words": words,
            "wall_s": s["wall_s"], "cpu_s": s["cpu_s"], "load_s": s["load_s"], "capped": done < len(files),
            "words_per_s_cpu": round(words / s["cpu_s"]), "words_per_s_wall": round(words / s["wall_s"]),
            "peak_rss_mb": round(s["max_rss_kb"] / 1024, 1),
            "note": "model loading left out; nlp.pipe"}


def _start(system, ctx, inbox, out, workers):
    if system == "newsd":
        d = daemons.start_newsd(ctx["binary"], inbox, out, workers)
    else:
        d = daemons.start_peer(ctx["python"], ctx["peer_dir"], inbox, out, workers, ctx["pipeline"])
    ready_s = d.wait_ready(timeout=600)
    return d, ready_s


def _newsd_summary_latency(out):
    try:
        with open(os.path.join(out, "summary.json")) as f:
            return json.load(f).get("latency_ms")
    except (OSError, ValueError):
        return None


def end_to_end(system, ctx, sources, n, workers, cap_s):
    """Drops n distinct files at once (renames from a staging folder); seconds until the last record.
    A run past cap_s is stopped and reports the records it wrote by then."""
    tmp = tempfile.mkdtemp(prefix="bench-e2e-", dir=ctx["tmp"])
    inbox, out = os.path.join(tmp, "in"), os.path.join(tmp, "out")
    os.makedirs(inbox)
    staged = corpus.stage(sources, n, os.path.join(tmp, "staging"))
    d, ready_s = _start(system, ctx, inbox, out, workers)
    tail = RecordTail(d.records)
    try:
        start = time.monotonic()
        for p in staged:
            os.rename(p, os.path.join(inbox, os.path.basename(p)))
        dropped_s = time.monotonic() - start
        while tail.count < n and time.monotonic() - start < cap_s:
            if d.proc.poll() is not None:
                raise RuntimeError("%s exited during the run" % system)
            tail.poll()
            time.sleep(0.005)
        tail.poll()
        done = tail.count >= n
        elapsed = (tail.last_at - start) if done else (time.monotonic() - start)
        usage = d.usage()
    finally:
        d.stop()
    tail.poll()
    errors = _lines(os.path.join(out, "errors.jsonl"))
    result = {"system": system, "files": n, "workers": workers, "records": min(tail.count, n), "errors": errors,
              "seconds": round(elapsed, 3), "complete": done, "drop_s": round(dropped_s, 3),
              "articles_per_s": round(min(tail.count, n) / elapsed, 2) if elapsed > 0 else None,
              "ready_s": round(ready_s, 1), **usage}
    if not done:
        result["projected_seconds"] = round(n / result["articles_per_s"], 1) if result["articles_per_s"] else None
    shutil.rmtree(tmp, ignore_errors=True)
    return result


def _percentile(sorted_values, p):
    if not sorted_values:
        return None
    k = math.ceil(p / 100 * len(sorted_values)) - 1  # nearest rank
    return sorted_values[max(0, min(len(sorted_values) - 1, k))]


def latency(system, ctx, sources, rate, seconds, workers, drain_s):
    """Renames rate files a second into the inbox for `seconds`; per file, the time from its rename
    to the moment its record line is seen in records.jsonl. Files not recorded drain_s after the last
    drop count at (stop - drop), so the percentiles are then lower bounds."""
    n = int(rate * seconds)
    tmp = tempfile.mkdtemp(prefix="bench-lat-", dir=ctx["tmp"])
    inbox, out = os.path.join(tmp, "in"), os.path.join(tmp, "out")
    os.makedirs(inbox)
    staged = corpus.stage(sources, n, os.path.join(tmp, "staging"))
    d, ready_s = _start(system, ctx, inbox, out, workers)
    tail = RecordTail(d.records, want_names=True)
    dropped_at = {}
    late = 0
    try:
        start = time.monotonic()
        i = 0
        while i < n:
            due = start + i / rate
            now = time.monotonic()
            if now >= due:
                name = os.path.basename(staged[i])
                os.rename(staged[i], os.path.join(inbox, name))
                dropped_at[name] = time.monotonic()
                if now - due > 0.005:
                    late += 1
                i += 1
                continue
            tail.poll()
            time.sleep(min(0.001, max(0.0, due - time.monotonic())))
        last_drop = time.monotonic()
        while len(tail.seen_at) < n and time.monotonic() - last_drop < drain_s:
            tail.poll()
            time.sleep(0.001)
        stop = time.monotonic()
        tail.poll()
        usage = d.usage()
    finally:
        d.stop()
    lat = []
    recorded = 0
    for name, t in dropped_at.items():
        seen = tail.seen_at.get(name)
        if seen is not None and seen <= stop:
            recorded += 1
            lat.append((seen - t) * 1000)
        else:
            lat.append((stop - t) * 1000)
    lat.sort()
    result = {"system": system, "workers": workers, "rate_per_s": rate, "seconds": seconds, "files": n,
              "recorded": recorded, "lower_bound": recorded < n,
              "p50_ms": round(_percentile(lat, 50), 1), "p95_ms": round(_percentile(lat, 95), 1),
              "p99_ms": round(_percentile(lat, 99), 1), "max_ms": round(lat[-1], 1),
              "mean_ms": round(statistics.fmean(lat), 1), "drops_late_over_5ms": late,
              "ready_s": round(ready_s, 1), **usage}
    if system == "newsd":
        result["summary_json_latency_ms"] = _newsd_summary_latency(out)
    shutil.rmtree(tmp, ignore_errors=True)
    return result


def _lines(path):
    try:
        with open(path, "rb") as f:
            return sum(1 for _ in f)
    except OSError:
        return 0
