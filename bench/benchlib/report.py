"""One table, newsd beside the peer, with the ratio newsd/peer and the target for each row."""


def _n(x, digits=0):
    if x is None:
        return "n/a"
    return "{:,.{d}f}".format(x, d=digits)


def _ratio(r):
    return "n/a" if r is None else ("%.0f×" % r if r >= 10 else "%.1f×" % r)


def _check(ok):
    return "" if ok is None else (" — met" if ok else " — **not met**")


def rows(results):
    """Table rows: (measure, newsd, peer, newsd/peer, target)."""
    out = []
    ex = results.get("extraction")
    if ex:
        n, p = ex["newsd"], ex.get("peer")
        for basis, key, target in (("CPU time", "words_per_s_cpu", 50), ("wall, pinned", "words_per_s_wall", None)):
            ratio = n[key] / p[key] if p else None
            peer_cell = ("%s (%d of %d articles%s)" % (_n(p[key]), p["files"], p["of_files"],
                                                         ", time cap" if p["capped"] else "")) if p else "not run"
            out.append(("extraction words/s, 1 core (%s), %d articles" % (basis, n["files"]),
                        _n(n[key]), peer_cell, _ratio(ratio),
                        ("≥ 50×" + _check(ratio >= target if ratio else None)) if target else ""))
    for e in results.get("end_to_end", []):
        n, p = e["newsd"], e.get("peer")
        ratio = n["articles_per_s"] / p["articles_per_s"] if p and p["articles_per_s"] else None
        ncell = "%.2f s (%s art/s)" % (n["seconds"], _n(n["articles_per_s"], 1))
        if not n["complete"]:
            ncell = "%d of %d in %.0f s (%s art/s)" % (n["records"], n["files"], n["seconds"], _n(n["articles_per_s"], 1))
        if p is None:
            pcell = "not run"
        elif p["complete"]:
            pcell = "%.1f s (%s art/s)" % (p["seconds"], _n(p["articles_per_s"], 2))
        else:
            pcell = "%d of %d in %.0f s cap (%s art/s; ~%s s projected)" % (
                p["records"], p["files"], p["seconds"], _n(p["articles_per_s"], 2), _n(p.get("projected_seconds")))
        out.append(("end-to-end: drop %s files, %d worker%s → last record" % (
            _n(e["files"]), e["workers"], "s" if e["workers"] > 1 else ""),
            ncell, pcell, _ratio(ratio), "≥ 30× articles/s" + _check(ratio >= 30 if ratio else None)))
    for l in results.get("latency", []):
        n, p = l["newsd"], l.get("peer")
        ncell = "%s / %s / %s" % (_n(n["p50_ms"], 1), _n(n["p95_ms"], 1), _n(n["p99_ms"], 1))
        if n["lower_bound"]:
            ncell = "≥ " + ncell + " (%d of %d recorded)" % (n["recorded"], n["files"])
        if p:
            pcell = "%s%s / %s / %s" % ("≥ " if p["lower_bound"] else "", _n(p["p50_ms"]), _n(p["p95_ms"]), _n(p["p99_ms"]))
            if p["lower_bound"]:
                pcell += " (%d of %d recorded)" % (p["recorded"], p["files"])
            ratio = p["p99_ms"] / n["p99_ms"] if n["p99_ms"] else None
            rcell = ("p99 %s%s faster" % ("≥ " if p["lower_bound"] and not n["lower_bound"] else "", _ratio(ratio)))
        else:
            pcell, rcell = "not run", "n/a"
        out.append(("latency p50 / p95 / p99 ms, %d files/s for %d s, %d workers" % (
            l["rate"], l["seconds"], l["workers"]), ncell, pcell, rcell,
            "p99 < 50 ms" + _check(n["p99_ms"] < 50 and not n["lower_bound"])))
        s = n.get("summary_json_latency_ms")
        if s:
            out.append(("  newsd summary.json latency p50 / p95 / p99 ms (from discovery)",
                        "%s / %s / %s" % (_n(s.get("p50"), 1), _n(s.get("p95"), 1), _n(s.get("p99"), 1)), "", "", ""))
    h = results.get("html")
    if h:
        n, t = h["newsd"], h.get("trafilatura")
        ratio = n["pages_per_s_cpu"] / t["pages_per_s_cpu"] if t else None
        out.append(("web pages/s, 1 core (CPU time), %d html-eval pages (%s MB): newsd whole record vs trafilatura body-only extract"
                    % (n["files"], n["megabytes"]), _n(n["pages_per_s_cpu"], 1),
                    ("%s (trafilatura %s)" % (_n(t["pages_per_s_cpu"], 1), t["version"])) if t else "not run",
                    _ratio(ratio), "≥ 5×" + _check(ratio >= 5 if ratio else None)))
        r = h.get("reader")
        if r:
            out.append(("  newsd HTML reader alone (bytes to article text, before the language stages), MB/s, 1 core",
                        _n(r["megabytes_per_s"], 1), "", "", "≥ 100" + _check(r["megabytes_per_s"] >= 100)))
    mem = []
    for section in ("end_to_end", "latency"):
        for e in results.get(section, []):
            mem.append((e["newsd"], e.get("peer"), section, e))
    if mem:
        worst = max(m[0]["peak_rss_mb"] for m in mem)
        peers = [m[1]["peak_rss_mb"] for m in mem if m[1]]
        out.append(("peak RSS (VmHWM) MB, worst daemon run", _n(worst, 1),
                    (_n(max(peers), 1) + " (all processes)") if peers else "not run",
                    _ratio(max(peers) / worst) + " less" if peers else "n/a",
                    "< 150 MB" + _check(worst < 150)))
    return out


def memory_rows(results):
    out = []
    for section, label in (("end_to_end", "end-to-end"), ("latency", "latency")):
        for e in results.get(section, []):
            n, p = e["newsd"], e.get("peer")
            what = "%s %s files, %d w" % (label, "{:,}".format(e["files"]), e["workers"])
            done_n = n.get("records", n.get("recorded"))
            done_p = p.get("records", p.get("recorded")) if p else None
            per_cpu_n = done_n / n["cpu_s"] if n["cpu_s"] else None
            per_cpu_p = done_p / p["cpu_s"] if p and p["cpu_s"] else None
            out.append((what, n["peak_rss_mb"], p["peak_rss_mb"] if p else None, n["cpu_s"], p["cpu_s"] if p else None,
                        p["processes"] if p else None, per_cpu_n, per_cpu_p))
    return out


def markdown(results, meta):
    lines = ["| measure | newsd | peer (Python, inotify + spaCy `en_core_web_sm`) | newsd/peer | target |",
             "|---|---:|---:|---:|---|"]
    for r in rows(results):
        lines.append("| " + " | ".join(r) + " |")
    lines += ["", "Peak memory and CPU time of each daemon run (read from /proc just before SIGTERM):", "",
              "| run | newsd VmHWM MB | peer VmHWM MB (sum over its processes) | newsd CPU s | peer CPU s "
              "| newsd records per CPU s | peer records per CPU s | newsd/peer |",
              "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for what, nm, pm, nc, pc, procs, an, ap in memory_rows(results):
        lines.append("| %s | %s | %s | %s | %s | %s | %s | %s |" % (
            what, _n(nm, 1), ("%s (%d processes)" % (_n(pm, 1), procs)) if pm else "not run",
            _n(nc, 2), _n(pc, 2), _n(an, 1), _n(ap, 2), _ratio(an / ap) if an and ap else "n/a"))
    return "\n".join(lines)


def plain(results):
    """The table for a terminal: fixed-width columns."""
    table = [("measure", "newsd", "peer", "newsd/peer", "target")] + rows(results)
    widths = [min(70, max(len(r[i]) for r in table)) for i in range(5)]
    out = []
    for k, r in enumerate(table):
        out.append("  ".join(c.ljust(widths[i]) for i, c in enumerate(r)).rstrip())
        if k == 0:
            out.append("  ".join("-" * w for w in widths))
    out.append("")
    out.append("per run: peak RSS MB, CPU s, records per CPU s:")
    for what, nm, pm, nc, pc, procs, an, ap in memory_rows(results):
        out.append("  %-34s newsd %6s MB %7s s %8s/s   peer %7s MB %7s s %6s/s" % (
            what, _n(nm, 1), _n(nc, 2), _n(an, 1), _n(pm, 1), _n(pc, 2), _n(ap, 2)))
    return "\n".join(out)
