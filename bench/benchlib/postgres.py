"""A private PostgreSQL cluster for the fleet benchmarks: initdb and pg_ctl on a free port, as the
postgres user when run as root, with a `newsd` role (scram password) owning a `newsd` database."""
import glob
import os
import socket
import subprocess
import sys

PASSWORD = "bench-password"


def pg_bin():
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not versions:
        sys.exit("PostgreSQL is not installed (apt-get install postgresql)")
    return os.path.dirname(versions[-1])


def as_postgres(argv):
    return (["runuser", "-u", "postgres", "--"] + argv) if os.getuid() == 0 else argv


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Cluster:
    def __init__(self, folder, server_options=""):
        """`server_options`: extra `-c name=value` settings for the server (bulk loading, say)."""
        self.bin = pg_bin()
        self.folder = folder
        self.port = free_port()
        os.makedirs(folder + "/socket")
        if os.getuid() == 0:
            subprocess.run(["chown", "-R", "postgres:", folder], check=True)
        self.tool("initdb", "-D", folder + "/data", "-U", "postgres", "--auth-local=trust", "--auth-host=scram-sha-256",
                  "--no-sync", "-E", "UTF8", "--locale=C")
        self.tool("pg_ctl", "-D", folder + "/data", "-l", folder + "/server.log", "-w", "-o",
                  ("-p %d -k %s -c listen_addresses=127.0.0.1 " % (self.port, folder + "/socket")) + server_options, "start")
        self.psql("CREATE ROLE newsd LOGIN PASSWORD '%s'" % PASSWORD, "postgres")
        self.psql("CREATE DATABASE newsd OWNER newsd", "postgres")

    def tool(self, name, *args):
        return subprocess.run(as_postgres([self.bin + "/" + name] + list(args)), check=True, capture_output=True, text=True).stdout

    def psql(self, sql, db="newsd"):
        return self.tool("psql", "-X", "-At", "-v", "ON_ERROR_STOP=1", "-h", self.folder + "/socket", "-p", str(self.port),
                         "-U", "postgres", "-d", db, "-c", sql)

    def url(self):
        return "postgresql://newsd@127.0.0.1:%d/newsd?sslmode=disable" % self.port

    def destroy(self):
        subprocess.run(as_postgres([self.bin + "/pg_ctl", "-D", self.folder + "/data", "-m", "immediate", "-w", "stop"]),
                       capture_output=True)
