#!/usr/bin/env python3
"""Kept for old habits: the daemon benchmark is now bench/bench.py (newsd beside a Python peer);
this runs it with the same arguments. `make bench` is the entry point."""
import os
import sys

bench = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "bench", "bench.py")
os.execv(sys.executable, [sys.executable, bench] + sys.argv[1:])
