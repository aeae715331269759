"""A throwaway PostgreSQL server for tests and benchmarks: Debian's binaries, a temp data
directory, 127.0.0.1 on a free port, stopped at the end.

PostgreSQL refuses to run as root, so when the tests run as root the data directory is
given to user ``postgres`` (or ``nobody``) and the server commands run through ``runuser``.

    server = PgServer.start()
    url = server.create_database("sitrep_test")   # postgresql://postgres@127.0.0.1:PORT/sitrep_test
    ...
    server.stop()
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path


def find_pg_bin() -> Path | None:
    """The directory holding initdb, pg_ctl and postgres (newest Debian version first, then PATH)."""
    for d in sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[-2]) if p.split("/")[-2].isdigit() else 0, reverse=True):
        if all((Path(d) / b).exists() for b in ("initdb", "pg_ctl", "postgres")):
            return Path(d)
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl") and shutil.which("postgres"):
        return Path(found).parent
    return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _run_as() -> str | None:
    if os.geteuid() != 0:
        return None
    for user in ("postgres", "nobody"):
        try:
            pwd.getpwnam(user)
            return user
        except KeyError:
            continue
    raise RuntimeError("running as root and neither user 'postgres' nor 'nobody' exists to run PostgreSQL")


@dataclass
class PgServer:
    bin_dir: Path
    root: Path
    port: int
    user: str | None  # OS user the server runs as (None: the current user)

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    def _cmd(self, *args: str) -> list[str]:
        return (["runuser", "-u", self.user, "--"] if self.user else []) + list(args)

    @classmethod
    def start(cls, bin_dir: Path | None = None) -> PgServer:
        bin_dir = bin_dir or find_pg_bin()
        if bin_dir is None:
            raise FileNotFoundError("PostgreSQL server binaries not found (apt-get install postgresql)")
        user = _run_as()
        root = Path(tempfile.mkdtemp(prefix="sitrep-pg-"))
        os.chmod(root, 0o755)
        if user:
            pw = pwd.getpwnam(user)
            os.chown(root, pw.pw_uid, pw.pw_gid)
        server = cls(bin_dir=bin_dir, root=root, port=free_port(), user=user)
        env = {**os.environ, "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"}
        subprocess.run(
            server._cmd(str(bin_dir / "initdb"), "-D", str(server.data_dir), "-U", "postgres", "-A", "trust",
                        "-E", "UTF8", "--no-sync"),
            check=True, capture_output=True, env=env, cwd=root,
        )  # fmt: skip
        opts = f"-c listen_addresses=127.0.0.1 -p {server.port} -k {root} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
        subprocess.run(
            server._cmd(str(bin_dir / "pg_ctl"), "-D", str(server.data_dir), "-o", opts, "-l", str(root / "server.log"),
                        "-w", "-t", "60", "start"),
            check=True, capture_output=True, env=env, cwd=root,
        )  # fmt: skip
        server._wait()
        return server

    def _wait(self, timeout: float = 30.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError(f"PostgreSQL did not start on port {self.port}; see {self.root / 'server.log'}")

    def url(self, db: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{db}"

    def create_database(self, name: str) -> str:
        import psycopg

        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def stop(self) -> None:
        subprocess.run(
            self._cmd(str(self.bin_dir / "pg_ctl"), "-D", str(self.data_dir), "-m", "immediate", "-w", "stop"),
            capture_output=True, cwd=self.root,
        )  # fmt: skip
        shutil.rmtree(self.root, ignore_errors=True)
