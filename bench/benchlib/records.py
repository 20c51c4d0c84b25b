"""Reads records.jsonl as it grows: new lines, and the time each file's record was first seen."""
import json
import os
import time


def source_name(line):
    """source.name of a record line; both daemons write `"source":{` before any other "name"."""
    at = line.find(b'"source":{')
    if at >= 0:
        at = line.find(b'"name":"', at)
        if at >= 0:
            end = line.find(b'"', at + 8)
            return line[at + 8:end].decode("utf-8", errors="replace")
    return json.loads(line)["source"]["name"]


class RecordTail:
    def __init__(self, path, want_names=False):
        self.path, self.want_names = path, want_names
        self.offset, self.partial, self.count = 0, b"", 0
        self.seen_at = {}
        self.last_at = None

    def poll(self):
        """Reads what was appended since the last call; returns the number of new records."""
        try:
            size = os.stat(self.path).st_size
        except FileNotFoundError:
            return 0
        if size <= self.offset:
            return 0
        with open(self.path, "rb") as f:
            f.seek(self.offset)
            chunk = f.read(size - self.offset)
        now = time.monotonic()
        self.offset += len(chunk)
        data = self.partial + chunk
        lines = data.split(b"\n")
        self.partial = lines.pop()
        if lines:
            self.count += len(lines)
            self.last_at = now
            if self.want_names:
                for line in lines:
                    self.seen_at.setdefault(source_name(line), now)
        return len(lines)
