"""A throwaway PostgreSQL 15 cluster in a temporary directory, on a port of its own."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

PG_BIN = Path("/usr/lib/postgresql/15/bin")


def missing_binaries() -> str | None:
    """Why a cluster cannot be started here, or None when it can."""
    for name in ("initdb", "pg_ctl"):
        if not (PG_BIN / name).exists():
            return f"{PG_BIN / name} is missing: apt-get install -y postgresql-15"
    return None


class Cluster:
    """initdb, pg_ctl start and stop, as the postgres user when run as root (initdb refuses
    root). Never the machine's shared server: its own directory, socket and port."""

    def __init__(self, port: int):
        self.port = port
        self.root = Path(tempfile.mkdtemp(prefix="diplomacy_cluster_"))
        self.data = self.root / "data"
        self.log = self.root / "postgres.log"
        self.as_postgres = []
        if os.geteuid() == 0:
            shutil.chown(self.root, "postgres", "postgres")
            self.as_postgres = ["runuser", "-u", "postgres", "--"]
        self._run("initdb", "-D", self.data, "-U", "postgres", "-A", "trust", "--no-sync")

    @property
    def url(self) -> str:
        """The URL of the server (add a database name)."""
        return f"postgres://postgres@127.0.0.1:{self.port}"

    def _run(self, *command) -> None:
        done = subprocess.run(
            [*self.as_postgres, str(PG_BIN / command[0]), *map(str, command[1:])],
            capture_output=True,
            text=True,
        )
        if done.returncode:
            log = self.log.read_text() if self.log.exists() else ""
            raise RuntimeError(f"{command[0]} failed:\n{done.stdout}{done.stderr}\n{log}")

    def start(self) -> None:
        """Start the server and wait until it accepts connections."""
        options = f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1"
        self._run("pg_ctl", "start", "-w", "-D", self.data, "-l", self.log, "-o", options)

    def stop(self) -> None:
        """Fast shutdown: open sessions are cut, committed data is flushed; wait for the end."""
        self._run("pg_ctl", "stop", "-w", "-m", "fast", "-D", self.data)

    def remove(self) -> None:
        """Stop the server if it runs, and delete its directory."""
        if (self.data / "postmaster.pid").exists():
            self._run("pg_ctl", "stop", "-w", "-m", "immediate", "-D", self.data)
        shutil.rmtree(self.root, ignore_errors=True)
