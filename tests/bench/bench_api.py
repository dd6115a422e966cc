"""bench_api: the JSON API's throughput on 100,000 meetings, against bench_search's reference.

How to run it (from the project root, with the project's virtualenv; not part of `pytest`):

    .venv/bin/python tests/bench/bench_api.py                           # 100,000 meetings, both
    .venv/bin/python tests/bench/bench_api.py --meetings 5000 --backends sqlite    # quick
    .venv/bin/python tests/bench/bench_api.py --reuse      # the database the last run built

What it does, for each backend:
1. builds its own database (`diplomacy_bench_api` on PostgreSQL, /tmp/diplomacy_bench_api.sqlite3
   on SQLite) with bench_search.py's builder: the meetings, one article each, participants
   and two statements each, indexed for search;
2. serves the site with gunicorn as bench_search.py does (gthread, 2 workers x 4 threads, page
   cache off) and measures requests per second with concurrent keep-alive clients for the
   API (meetings list, search, one meeting, statements list, people list) and, in the same
   run, bench_search.py's two reference views (a bare string; one primary-key lookup and a
   20-item template) and the HTML meetings list and meeting page;
3. does so twice: with the API's throttle counting every request in its table (as
   deployed, at a rate no client reaches), and with no throttle, so the cost of counting shows.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.bench.bench_search import (  # noqa: E402
    BENCH_DIR,
    PG_ADMIN,
    _free_port,
    _load,
    bench_env,
    run_child,
    sample,
)

DATABASE = "diplomacy_bench_api"
PG_URL = f"postgres://postgres@127.0.0.1:5432/{DATABASE}"
SQLITE_URL = "sqlite:////tmp/diplomacy_bench_api.sqlite3"
SETTINGS = """
import os
from bench_settings import *  # noqa: F403
# Counted (as deployed) but never refused, or not counted at all.
REST_FRAMEWORK = {**REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": "100000000/s"}}
if os.environ.get("BENCH_API_THROTTLE") == "0":
    REST_FRAMEWORK["DEFAULT_THROTTLE_CLASSES"] = []
"""


def prepare(backend: str) -> str:
    """An empty, migrated database of the bench's own; its URL."""
    if backend == "sqlite":
        for suffix in ("", "-wal", "-shm"):
            Path(SQLITE_URL.removeprefix("sqlite:///") + suffix).unlink(missing_ok=True)
        url = SQLITE_URL
    else:
        for sql in (f"DROP DATABASE IF EXISTS {DATABASE}", f"CREATE DATABASE {DATABASE}"):
            subprocess.run(["psql", PG_ADMIN, "-qc", sql], check=True)
        url = PG_URL
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_DEBUG": "1"}
    manage = [sys.executable, str(ROOT / "manage.py"), "migrate", "-v0"]
    subprocess.run(manage, cwd=ROOT, env=env, check=True)
    return url


def targets(chosen: dict) -> dict[str, list[str]]:
    """The paths each measurement cycles through."""
    searches = [f"/api/meetings/?q={quote(q)}" for q in chosen["queries"]]
    return {
        "bare string": ["/bench/bare/"],
        "reference (pk lookup + template)": [f"/bench/reference/{pk}/" for pk in chosen["pks"]],
        "API meetings list": ["/api/meetings/"],
        "API search (20 queries)": searches,
        "API one meeting": [f"/api/meetings/{pk}/" for pk in chosen["pks"]],
        "API statements list": ["/api/statements/"],
        "API people list": ["/api/people/"],
        "HTML meetings list": ["/meetings/"],
        "HTML meeting page": [f"/meetings/{slug}/" for slug in chosen["slugs"]],
    }


def throughput(url: str, args, chosen: dict, throttle: bool) -> dict:
    """Requests per second for each target under gunicorn."""
    BENCH_DIR.mkdir(exist_ok=True)
    env = bench_env(url)
    Path(BENCH_DIR, "bench_api_settings.py").write_text(SETTINGS)
    env.update(
        DJANGO_SETTINGS_MODULE="bench_api_settings",
        BENCH_PAGE_CACHE_SECONDS="0",
        BENCH_API_THROTTLE="1" if throttle else "0",
    )
    port = _free_port()
    command = [str(ROOT / ".venv" / "bin" / "gunicorn"), "diplomacy.wsgi"]
    command += ["-c", str(BENCH_DIR / "gunicorn_bench.conf.py"), "-k", "gthread", "-w", "2"]
    command += ["--threads", "4", "-b", f"127.0.0.1:{port}", "--log-level", "warning"]
    server = subprocess.Popen(command, cwd=ROOT, env=env)
    try:
        import socket

        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        results = {}
        for name, paths in targets(chosen).items():
            asyncio.run(_load("127.0.0.1", port, paths, 1, 4))  # warm both workers
            results[name] = asyncio.run(
                _load("127.0.0.1", port, paths, args.duration, args.connections)
            )
        reference = results["reference (pk lookup + template)"]["rps"] or 1
        for row in results.values():
            row["vs_reference"] = f"{row['rps'] / reference:.0%}"
        return results
    finally:
        server.terminate()
        server.wait(timeout=10)


def report(backend: str, built: dict, rps: dict) -> None:
    print(f"\n## {backend}: {built['meetings']:,} meetings, {built['statements']:,} statements")
    names = list(next(iter(rps.values())))
    print("\n| gunicorn gthread 2x4, page cache off | " + " | ".join(rps) + " |")
    print("|---|" + "---|" * len(rps))
    for name in names:
        cells = [
            f"{rows[name]['rps']} req/s ({rows[name]['vs_reference']}, "
            f"{rows[name]['errors']} errors)"
            for rows in rps.values()
        ]
        print(f"| {name} | " + " | ".join(cells) + " |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--meetings", type=int, default=100_000)
    parser.add_argument("--backends", default="postgres,sqlite")
    parser.add_argument("--duration", type=float, default=8, help="seconds of load per target")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--reuse", action="store_true", help="the database the last run built")
    args = parser.parse_args()
    args.repeat = 1  # read by bench_search's child, which only builds here
    for backend in args.backends.split(","):
        if backend == "postgres" and not shutil.which("psql"):
            print("psql not found: skipping PostgreSQL")
            continue
        url = SQLITE_URL if backend == "sqlite" else PG_URL
        if args.reuse:
            subprocess.run(
                [sys.executable, str(ROOT / "manage.py"), "migrate", "-v0"],
                cwd=ROOT,
                env={**os.environ, "DATABASE_URL": url, "DJANGO_DEBUG": "1"},
                check=True,
            )
            built = run_child(url, "size", args)
        else:
            print(f"… {backend}: building {args.meetings:,} meetings", file=sys.stderr)
            url = prepare(backend)
            built = run_child(url, "build", args)
        print(f"… {backend}: load", file=sys.stderr)
        chosen = sample(url)
        rps = {
            "throttle counting": throughput(url, args, chosen, throttle=True),
            "no throttle": throughput(url, args, chosen, throttle=False),
        }
        report(backend, built, rps)


if __name__ == "__main__":
    main()
