"""load: concurrent keep-alive clients against gunicorn on PostgreSQL with 100,000 meetings.

How to run it (from the project root; a script, not part of `pytest`; `make soak` runs it):

    .venv/bin/python tests/soak/load.py                      # 100,000 meetings, 50 clients, 60 s
    .venv/bin/python tests/soak/load.py --meetings 5000 --seconds 10 --clients 10   # quick

What it does:
1. makes sure the PostgreSQL database `diplomacy_soak` (on 127.0.0.1:5432 unless --server
   says otherwise) exists and is migrated, and builds the corpus with `build()` from
   tests/bench/bench_search.py when it holds fewer meetings than --meetings (or always with
   --rebuild), so reruns start at once;
2. collects the static files and starts gunicorn with gunicorn.conf.py and DEBUG off on a
   free loopback port (it listens nowhere else);
3. runs --clients keep-alive HTTP/1.1 clients for --seconds over the meeting list (first and
   deep pages), searches and meeting pages, then stops gunicorn;
4. prints requests/s, p50 and p95 per page kind and overall, and the errors (a status other
   than 2xx, a timeout or a broken connection). It exits 1 if there was any error.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.soak.server import (  # noqa: E402
    free_port,
    gunicorn,
    manage,
    production_env,
)

SERVER = "postgres://postgres@127.0.0.1:5432"
REQUEST_TIMEOUT = 30  # seconds; a slower answer counts as an error
SEARCHES = [
    "anlaşma",
    "işbirliği",
    '"dışişleri bakanı"',
    "enerji -türkiye",
    "istanbul",
    "ortak açıklama",
    "bakan",
    "zzzqxw",
]


# The database ---------------------------------------------------------------------------------
def sql(database: str, statement: str, *params) -> list[tuple]:
    """Run one statement in autocommit on the server; its rows."""
    import psycopg

    with psycopg.connect(f"{SERVER}/{database}", autocommit=True) as connection:
        cursor = connection.execute(statement, params)
        return cursor.fetchall() if cursor.description else []


def meeting_count(env: dict, database: str) -> int:
    """Meetings in the database, after migrating it (a no-op when it is up to date)."""
    if not sql("postgres", "SELECT 1 FROM pg_database WHERE datname = %s", database):
        sql("postgres", f'CREATE DATABASE "{database}"')
    manage(env, "migrate", "--noinput", "-v0")
    return sql(database, "SELECT count(*) FROM meetings_meeting")[0][0]


def rebuild(env: dict, database: str, meetings: int) -> dict:
    """Recreate the database and fill it with build() from bench_search, in a child process."""
    sql("postgres", f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
    sql("postgres", f'CREATE DATABASE "{database}"')
    manage(env, "migrate", "--noinput", "-v0")
    command = [sys.executable, __file__, "--child-build", str(meetings)]
    done = subprocess.run(command, cwd=ROOT, env=env, check=True, capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def child_build(meetings: int) -> None:
    """In the child: set Django up (the database is chosen at start-up) and build."""
    import django

    django.setup()
    from tests.bench.bench_search import build

    print(json.dumps(build(meetings)))


def targets(database: str, rng: random.Random) -> dict[str, list[str]]:
    """The paths each client picks from, by page kind, with real slugs and names."""
    slugs = [row[0] for row in sql(database, "SELECT slug FROM meetings_meeting")]
    names = [row[0] for row in sql(database, "SELECT name FROM meetings_person")]
    pages = max(1, len(slugs) // 20)
    searches = SEARCHES + [name.split()[-1] for name in rng.sample(names, min(12, len(names)))]
    return {
        "list": ["/meetings/"] + [f"/meetings/?page={rng.randint(2, pages)}" for _ in range(19)],
        "search": [f"/meetings/?q={quote(q)}" for q in searches],
        "detail": [f"/meetings/{slug}/" for slug in rng.sample(slugs, min(500, len(slugs)))],
    }


# The clients ---------------------------------------------------------------------------------
class ClosedIdle(ConnectionError):
    """The server closed a kept-alive connection before answering (a worker recycled)."""


async def _response(reader: asyncio.StreamReader) -> tuple[int, bool]:
    """Read one HTTP/1.1 response: its status, and whether the server closes the connection."""
    status_line = await reader.readline()
    if not status_line:
        raise ClosedIdle("connection closed before any response")
    status = int(status_line.split(b" ")[1])
    length, chunked, close = 0, False, False
    while (line := await reader.readline()) not in (b"\r\n", b""):
        name, _, value = line.partition(b":")
        name = name.strip().lower()
        if name == b"content-length":
            length = int(value)
        elif name == b"transfer-encoding" and b"chunked" in value.lower():
            chunked = True
        elif name == b"connection" and b"close" in value.lower():
            close = True
    if not chunked:
        await reader.readexactly(length)
        return status, close
    while size := int((await reader.readline()).split(b";")[0], 16):
        await reader.readexactly(size + 2)
    await reader.readline()
    return status, close


async def client(port: int, paths: list[tuple[str, str]], deadline: float, results: dict):
    """One keep-alive client: requests until the deadline, reconnecting after any error.

    Like any HTTP client, it reconnects without counting an error when the server closes a
    kept-alive connection before answering: gunicorn recycles a worker after max_requests.
    """
    rng = random.Random()
    connection = None
    while time.perf_counter() < deadline:
        kind, path = rng.choice(paths)
        started = time.perf_counter()
        reused = connection is not None
        try:
            async with asyncio.timeout(REQUEST_TIMEOUT):
                if connection is None:
                    connection = await asyncio.open_connection("127.0.0.1", port)
                reader, writer = connection
                request = f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept-Language: tr\r\n\r\n"
                writer.write(request.encode())
                await writer.drain()
                status, close = await _response(reader)
        except ClosedIdle as e:
            connection[1].close()
            connection = None
            if reused:
                results["reconnects"] += 1
            else:
                results["errors"][f"{kind}: {e}"] += 1
            continue
        except (OSError, TimeoutError, ValueError, IndexError, asyncio.IncompleteReadError) as e:
            results["errors"][f"{kind}: {type(e).__name__} {e}"[:120]] += 1
            if connection:
                connection[1].close()
            connection = None
            continue
        if close:
            connection[1].close()
            connection = None
        if 200 <= status < 300:
            results[kind].append(time.perf_counter() - started)
        else:
            results["errors"][f"{kind}: HTTP {status} {path}"[:120]] += 1
    if connection:
        connection[1].close()


async def load(port: int, pages: dict[str, list[str]], clients: int, seconds: float) -> dict:
    """Run the clients for the given seconds; latencies by page kind, and the errors."""
    paths = [(kind, path) for kind, group in pages.items() for path in group]
    # Each kind gets the same share of requests, however many paths it has.
    weighted = [(k, p) for k, p in paths for _ in range(len(paths) // len(pages[k]) or 1)]
    results = {kind: [] for kind in pages} | {"errors": Counter(), "reconnects": 0}
    started = time.perf_counter()
    deadline = started + seconds
    await asyncio.gather(*(client(port, weighted, deadline, results) for _ in range(clients)))
    results["elapsed"] = time.perf_counter() - started
    return results


def percentiles(samples: list[float]) -> str:
    """p50 and p95 in milliseconds."""
    if not samples:
        return "p50 - ms, p95 - ms"
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return f"p50 {statistics.median(ordered) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms"


def report(results: dict, pages: dict) -> int:
    """Print the figures; the number of errors."""
    elapsed = results["elapsed"]
    everything = [s for kind in pages for s in results[kind]]
    errors = sum(results["errors"].values())
    for kind in pages:
        n = len(results[kind])
        print(f"  {kind:<7} {n:>7,} ok  {n / elapsed:7.1f}/s  {percentiles(results[kind])}")
    print(
        f"  all     {len(everything):>7,} ok  {len(everything) / elapsed:7.1f}/s  "
        f"{percentiles(everything)}  errors: {errors}"
    )
    print(
        f"  kept-alive connections a recycled worker closed, reconnected: {results['reconnects']}"
    )
    for error, n in results["errors"].most_common(10):
        print(f"  error x{n}: {error}")
    return errors


def main() -> None:
    """Prepare the corpus, serve it with gunicorn, load it, report."""
    global SERVER  # where sql() connects; --server may change it
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--meetings", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--database", default="diplomacy_soak")
    parser.add_argument("--server", default=SERVER, help="PostgreSQL server URL, no database")
    parser.add_argument("--workers", type=int, help="gunicorn workers (default: its config)")
    parser.add_argument("--rebuild", action="store_true", help="rebuild the corpus anyway")
    parser.add_argument("--child-build", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child_build:
        child_build(args.child_build)
        return
    if args.seconds <= 0 or args.clients <= 0:
        parser.error("--seconds and --clients must be positive")

    SERVER = args.server.rstrip("/")
    workdir = Path(tempfile.mkdtemp(prefix="diplomacy_soak_"))
    env = production_env(f"{SERVER}/{args.database}", workdir)
    count = meeting_count(env, args.database)
    if args.rebuild or count < args.meetings:
        print(f"… building {args.meetings:,} meetings in {args.database} (had {count:,})")
        built = rebuild(env, args.database, args.meetings)
        print(f"  built in {built['build_s']} s, indexed in {built['reindex_s']} s")
    else:
        print(f"… {args.database} already holds {count:,} meetings")
    # Fresh planner statistics, as autovacuum keeps them on a production server (this one may
    # run with autovacuum off, and a database built before would have none).
    sql(args.database, "ANALYZE")
    manage(env, "collectstatic", "--noinput", "-v0")
    pages = targets(args.database, random.Random(1))
    port = free_port()
    log = workdir / "gunicorn.log"
    with gunicorn(env, port, log, args.workers):
        asyncio.run(load(port, pages, min(args.clients, 4), 2))  # warm every worker
        print(f"… {args.clients} clients for {args.seconds:g} s on 127.0.0.1:{port} (log: {log})")
        results = asyncio.run(load(port, pages, args.clients, args.seconds))
    meetings = sql(args.database, "SELECT count(*) FROM meetings_meeting")[0][0]
    print(f"{meetings:,} meetings, {args.clients} clients, {results['elapsed']:.0f} s:")
    sys.exit(1 if report(results, pages) else 0)


if __name__ == "__main__":
    main()
