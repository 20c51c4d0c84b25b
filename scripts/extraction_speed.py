#!/usr/bin/env python3
"""Words per second of extraction from `newsd extract` records (sum of processing_ms).
Usage: extraction_speed.py RECORDS.jsonl"""
import json, sys
w = ms = 0
for line in open(sys.argv[1], encoding="utf-8"):
    r = json.loads(line); w += r["stats"]["words"]; ms += r["processing_ms"]
print(f"{w} words in {ms:.0f} ms: {w / (ms / 1000):,.0f} words/s")
