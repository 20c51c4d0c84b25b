"""Web pages: the whole newsd record from HTML against trafilatura's body-only `extract`, on the same
pages (../shared/data/html-eval, unpacked by scripts/html_eval.sh into .build/html-eval/pages),
in the same run, each on one pinned core."""
import json
import os
import subprocess
import tarfile

from .scenarios import _run_pinned


def pages(root):
    """The html-eval pages, unpacked under .build/html-eval/pages on first use; [] without ../shared."""
    folder = os.path.join(root, ".build", "html-eval", "pages")
    archive = os.path.join(root, "..", "shared", "data", "html-eval", "pages.tar.xz")
    if not os.path.isdir(folder):
        if not os.path.exists(archive):
            return []
        os.makedirs(folder)
        with tarfile.open(archive) as t:
            t.extractall(folder)
    out = []
    for d, _, names in os.walk(folder):
        out += [os.path.join(d, n) for n in names if n.endswith(".html")]
    return sorted(out)


def ensure_trafilatura(python):
    if subprocess.run([python, "-c", "import trafilatura"], capture_output=True).returncode != 0:
        # justext (which trafilatura imports) needs lxml's HTML cleaner, now a package of its own.
        subprocess.run([python, "-m", "pip", "install", "-q", "trafilatura", "lxml_html_clean"], check=True)


def newsd(binary, files, core, tmp, repeats):
    """`newsd extract` (whole record) over the pages; the median of `repeats` runs by CPU time."""
    runs = []
    for _ in range(repeats):
        out = os.path.join(tmp, "newsd-html.jsonl")
        wall, cpu, rss, rc, err = _run_pinned([binary, "extract"] + files, core, out)
        with open(out, "rb") as f:
            records = sum(1 for _ in f)
        runs.append({"wall_s": round(wall, 3), "cpu_s": round(cpu, 3), "records": records})
    runs.sort(key=lambda r: r["cpu_s"])
    best = runs[len(runs) // 2]
    mb = sum(os.path.getsize(f) for f in files) / 1e6
    return dict(best, files=len(files), megabytes=round(mb, 1), pages_per_s_cpu=round(len(files) / best["cpu_s"], 1),
                note="whole process (start-up and data loading included)")


def reader(binary, files, core, tmp):
    """The HTML reader alone (`newsd-bench-html`, built beside `newsd`): bytes to article text and
    metadata, before the language stages; megabytes of pages per CPU second, fastest of three passes."""
    tool = os.path.join(os.path.dirname(binary), "newsd-bench-html")
    if not os.path.exists(tool):
        return None
    out = os.path.join(tmp, "reader.json")
    wall, cpu, rss, rc, err = _run_pinned([tool] + files, core, out)
    if rc != 0:
        raise RuntimeError("newsd-bench-html failed: " + err[-2000:])
    with open(out) as f:
        return json.loads(f.read().strip().splitlines()[-1])


def trafilatura(python, peer_dir, files, core, tmp):
    stats = os.path.join(tmp, "trafilatura.stats")
    wall, cpu, rss, rc, err = _run_pinned([python, os.path.join(peer_dir, "trafilatura_extract.py")] + files, core, stats)
    line = [l for l in err.splitlines() if l.startswith("{")]
    if rc != 0 or not line:
        raise RuntimeError("trafilatura failed: " + err[-2000:])
    s = json.loads(line[-1])
    return dict(s, pages_per_s_cpu=round(s["files"] / s["cpu_s"], 1), note="extraction loop only (import left out)")
