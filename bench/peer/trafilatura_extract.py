#!/usr/bin/env python3
"""trafilatura's body-only `extract` over web pages, as a user would call it (default settings, no
metadata, no comments); the time of the loop over the files is printed as JSON on stderr (import
left out). Usage: trafilatura_extract.py FILE..."""
import json, sys, time

import trafilatura

files = sys.argv[1:]
chars = 0
t0 = time.process_time()
w0 = time.monotonic()
for path in files:
    with open(path, "rb") as f:
        html = f.read()
    text = trafilatura.extract(html, include_comments=False)
    chars += len(text or "")
print(json.dumps({"files": len(files), "cpu_s": time.process_time() - t0, "wall_s": time.monotonic() - w0,
                  "chars": chars, "version": trafilatura.__version__}), file=sys.stderr)
