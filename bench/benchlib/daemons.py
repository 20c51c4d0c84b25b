"""The two daemons under test, started the same way: inbox, output folder, worker count; ready when
their records.jsonl exists; measured through /proc (peak RSS, CPU time) before they are stopped."""
import os
import signal
import subprocess
import time

SINGLE_THREAD_BLAS = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


def descendants(pid):
    """pid and every process below it (the peer's workers and multiprocessing helpers)."""
    parents = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open("/proc/%s/stat" % entry) as f:
                    stat = f.read()
                parents.setdefault(int(stat[stat.rindex(")") + 2:].split()[1]), []).append(int(entry))
            except (OSError, ValueError):
                pass
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(parents.get(p, []))
    return out


def status_kb(pid, key):
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith(key + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def cpu_seconds(pid):
    try:
        with open("/proc/%d/stat" % pid) as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return 0.0


class Daemon:
    """One running daemon; `name` is "newsd" or "peer"."""

    def __init__(self, name, argv, output, env=None):
        self.name, self.output = name, output
        self.records = os.path.join(output, "records.jsonl")
        full_env = dict(os.environ, **(env or {}))
        self.proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                     env=full_env, start_new_session=True)
        self.started = time.monotonic()

    def wait_ready(self, timeout):
        deadline = time.monotonic() + timeout
        while not os.path.exists(self.records):
            if self.proc.poll() is not None:
                raise RuntimeError("%s exited with %s before it was ready" % (self.name, self.proc.returncode))
            if time.monotonic() > deadline:
                raise RuntimeError("%s not ready after %d s" % (self.name, timeout))
            time.sleep(0.05)
        time.sleep(0.3)
        return time.monotonic() - self.started

    def usage(self):
        """Peak RSS (VmHWM) in MB summed over the process tree, and CPU seconds used so far."""
        pids = descendants(self.proc.pid)
        return {"peak_rss_mb": round(sum(status_kb(p, "VmHWM") for p in pids) / 1024, 1),
                "cpu_s": round(sum(cpu_seconds(p) for p in pids), 2),
                "processes": len(pids)}

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()
        else:
            return
        try:  # workers left behind by a peer that did not stop cleanly
            os.killpg(self.proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def start_newsd(binary, inbox, output, workers):
    return Daemon("newsd", [binary, "run", "--inbox", "main=" + inbox, "--output", output,
                            "--workers", str(workers)], output)


def start_peer(python, peer_dir, inbox, output, workers, pipeline):
    return Daemon("peer", [python, os.path.join(peer_dir, "peerd.py"), "--inbox", inbox, "--output", output,
                           "--workers", str(workers), "--pipeline", pipeline], output, env=SINGLE_THREAD_BLAS)
