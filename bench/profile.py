#!/usr/bin/env python3
"""Where `newsd extract` spends its instructions: callgrind (instruction counts, repeatable on a
loaded machine) over a fixed sample of articles; the top functions, demangled, go to
bench/results/profile.md.

    python3 bench/profile.py [--binary .build/release/newsd] [--articles 100] [--top 30]
"""
import argparse
import glob
import os
import re
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
from benchlib import corpus  # noqa: E402


def demangle(names):
    try:
        out = subprocess.run(["swift", "demangle", "--simplified"], input="\n".join(names), capture_output=True,
                             text=True, timeout=120).stdout.splitlines()
        if len(out) == len(names):
            return out
    except (OSError, subprocess.TimeoutExpired):
        pass
    return names


def annotate(outfile, inclusive):
    argv = ["callgrind_annotate", "--threshold=100"] + (["--inclusive=yes"] if inclusive else []) + [outfile]
    text = subprocess.run(argv, capture_output=True, text=True, check=True).stdout
    total = int(re.search(r"([\d,]+) \(100\.0%\)\s+PROGRAM TOTALS", text).group(1).replace(",", ""))
    rows = []
    for line in text.splitlines():
        m = re.match(r"\s*([\d,]+) \(\s*([\d.]+)%\)\s+(\S.*?)(?: \[([^\]]*)\])?$", line)
        if m and "PROGRAM TOTALS" not in line:
            ir, fn, obj = int(m.group(1).replace(",", "")), m.group(3), m.group(4) or ""
            f = re.match(r"^(\?\?\?|[^ :]*\.(?:c|h|cc|cpp|swift|S|s)):(.*)$", fn)
            sym = f.group(2) if f else fn
            rows.append((ir, sym, os.path.basename(obj)))
    return total, rows


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "newsd"))
    ap.add_argument("--articles", type=int, default=100)
    ap.add_argument("--top", type=int, default=30)
    args = ap.parse_args()
    files = corpus.shuffled(corpus.polnear_files(ROOT))
    tmp = tempfile.mkdtemp(prefix="newsd-profile-")
    if not files:
        files = corpus.generated_corpus(os.path.join(tmp, "corpus"))
    files = files[:args.articles]
    words = sum(corpus.words_of(p) for p in files)
    # valgrind 3.19 cannot read the Swift toolchain's DWARF; the symbol table is enough for names.
    binary = os.path.join(tmp, "newsd")
    subprocess.run(["objcopy", "--strip-debug", args.binary, binary], check=True)

    env = dict(os.environ)
    env.setdefault("NEWSD_DATA_DIR", os.path.join(os.path.dirname(os.path.realpath(args.binary)),
                                                  "newsd_ExtractionData.resources", "Data"))

    def callgrind(paths, out):
        subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=" + out, binary, "extract"] + paths,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, env=env)
        return annotate(out, False)[0]

    t0 = time.monotonic()
    out = os.path.join(tmp, "callgrind.out")
    callgrind(files, out)
    took = time.monotonic() - t0
    # Start-up and data loading: the same command on the shortest article of the sample.
    shortest = min(files, key=os.path.getsize)
    startup = callgrind([shortest], os.path.join(tmp, "startup.out"))
    startup_rows = {}
    for ir, sym, obj in annotate(os.path.join(tmp, "startup.out"), False)[1]:
        startup_rows[(sym, obj)] = startup_rows.get((sym, obj), 0) + ir
    sections = []
    for inclusive in (False, True):
        total, rows = annotate(out, inclusive)
        if inclusive:
            skip = ("(below main)", "newsd_main", "main")
            rows = [r for r in rows if r[2] == "newsd" and r[1] not in skip and not r[1].startswith("0x")]
        else:
            # Self cost of extraction alone: this run minus the start-up run, function by function.
            merged = {}
            for ir, sym, obj in rows:
                merged[(sym, obj)] = merged.get((sym, obj), 0) + ir
            rows = sorted(((ir - startup_rows.get(k, 0), k[0], k[1]) for k, ir in merged.items()), reverse=True)
        rows = rows[:args.top]
        names = demangle([r[1] for r in rows])
        base = total if inclusive else total - startup
        title = ("inclusive (the function and what it calls), in newsd's own code; % of all instructions"
                 if inclusive else "self (instructions in the function itself), start-up run subtracted; "
                 "% of the extraction's instructions")
        lines = ["## Top %d functions, %s" % (len(rows), title), "",
                 "| Ir | % | function | object |", "|---:|---:|---|---|"]
        for (ir, _, obj), name in zip(rows, names):
            name = name.replace("|", "\\|")
            if len(name) > 160:
                name = name[:157] + "..."
            lines.append("| {:,} | {:.1f} | `{}` | {} |".format(ir, 100 * ir / base, name, obj))
        sections.append("\n".join(lines))
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT).stdout.strip()
    os.makedirs(os.path.join(HERE, "results"), exist_ok=True)
    with open(os.path.join(HERE, "results", "profile.md"), "w") as f:
        f.write("# Profile of `newsd extract` (callgrind)\n\n")
        f.write("newsd %s, release build. %d articles (%s words) from the bench corpus, in the bench's fixed order; "
                "%s instructions in all, of which about %s are start-up and data loading (the same command on "
                "the shortest article alone, %d words), so about %.0f instructions per word of extraction. "
                "Command: `python3 bench/profile.py --articles %d` (%.0f s under valgrind).\n\n" % (
                    commit, len(files), "{:,}".format(words), "{:,}".format(total), "{:,}".format(startup),
                    corpus.words_of(shortest), (total - startup) / words, args.articles, took))
        f.write("\n\n".join(sections) + "\n")
    print(open(os.path.join(HERE, "results", "profile.md")).read())
    subprocess.run(["rm", "-rf", tmp])


if __name__ == "__main__":
    main()
