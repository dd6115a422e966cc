"""The site served the production way (gunicorn.conf.py, DEBUG off), for the soak tests."""

from __future__ import annotations

import contextlib
import http.client
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"

# Production settings with one change: static files are collected into a directory of the
# run's own, so parallel runs never rewrite the checkout's staticfiles/ under each other.
SETTINGS = """from diplomacy.settings import *  # noqa: F403
STATIC_ROOT = {static_root!r}
"""


def free_port() -> int:
    """A TCP port on the loopback interface that nothing listens on."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def production_env(database_url: str, workdir: Path) -> dict[str, str]:
    """The environment of a production process on database_url, on plain HTTP at 127.0.0.1."""
    workdir.mkdir(parents=True, exist_ok=True)
    (workdir / "soak_settings.py").write_text(
        SETTINGS.format(static_root=str(workdir / "staticfiles"))
    )
    # The caller's Django and security settings stay out; gunicorn's (WEB_CONCURRENCY,
    # GUNICORN_THREADS) pass through, to measure other sizes.
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "SECURE_"))}
    return {
        **env,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "soak_settings",
        "PYTHONPATH": f"{workdir}{os.pathsep}{ROOT}",
        "SECRET_KEY": "soak-only-" + "s" * 50,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
    }


def manage(env: dict[str, str], *args: str) -> str:
    """Run manage.py with env; its output, or an error carrying what it printed."""
    done = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    if done.returncode:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
    return done.stdout


def get(port: int, path: str, timeout: float = 10) -> tuple[int, bytes]:
    """One GET on a fresh connection: the status and the body."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", path, headers={"Accept-Language": "tr"})
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


@contextlib.contextmanager
def gunicorn(env: dict[str, str], port: int, log: Path, workers: int | None = None) -> Iterator:
    """gunicorn with gunicorn.conf.py on 127.0.0.1:port, its logs in log; stopped on exit."""
    env = {**env, "BIND": f"127.0.0.1:{port}"}
    if workers:
        env["WEB_CONCURRENCY"] = str(workers)
    command = [str(GUNICORN), "-c", str(ROOT / "gunicorn.conf.py"), "diplomacy.wsgi"]
    with log.open("w") as out:
        server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=out)
    try:
        deadline = time.monotonic() + 60
        while True:
            if server.poll() is not None:
                raise RuntimeError(f"gunicorn exited at start-up; its log:\n{log.read_text()}")
            try:
                get(port, "/", timeout=30)
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError(f"gunicorn did not answer in 60 s; see {log}") from None
                time.sleep(0.2)
        yield server
    finally:
        server.terminate()
        try:
            server.wait(timeout=35)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
