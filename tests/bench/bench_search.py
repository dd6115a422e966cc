"""bench_search: search and page speed on 100,000 meetings, on SQLite and on PostgreSQL.

How to run it (from the project root, with the project's virtualenv; not part of `pytest`):

    .venv/bin/python tests/bench/bench_search.py                        # 100,000 meetings, both
    .venv/bin/python tests/bench/bench_search.py --meetings 5000 --backends sqlite   # quick

What it does, for each backend:
1. starts from an empty database (a new SQLite file in /tmp, or a PostgreSQL database it
   creates and drops: `diplomacy_bench_search` on 127.0.0.1) and migrates it;
2. bulk-creates the meetings, one article each (text from the synthetic corpus generator,
   `meetings.corpus`), with participants and two statements each, then times
   `meetings.search.reindex_all()`;
3. times, inside Django, 20 varied searches (the search call alone and the whole list page)
   and the list, filtered list and detail pages: p50 and p95 of the server time, with the
   page cache off, so these are the times of really rendering each page;
4. serves the site with gunicorn (gthread, 2 workers x 4 threads, the bench's own options,
   not ./gunicorn.conf.py) and measures requests per second with concurrent keep-alive
   clients, for the list, search and detail pages and for two reference views in the same
   run: a bare string response, and a page that renders the site's base template with a
   20-item loop after one primary-key lookup. It does so twice: with the page cache off
   (every request rendered) and on (as deployed: anonymous pages kept until the data
   changes). Throughput is given as a ratio to the reference page (DESIGN.md's "Django
   ceiling").

Steps 2-3 run in a child process per backend, since the database is chosen at start-up.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

PG_ADMIN = "postgres://postgres@127.0.0.1:5432/postgres"
PG_URL = "postgres://postgres@127.0.0.1:5432/diplomacy_bench_search"
SQLITE_URL = "sqlite:////tmp/diplomacy_bench_search.sqlite3"
DISTINCT_TEXTS = 5000
BATCH = 2000

QUERIES = [
    "Yalçınkaya",
    "yalcinkaya",
    "{rare}",
    "{rare} -türkiye",
    "Kabil",
    "istanbul",
    "anlaşma",
    "işbirliği",
    '"karma ekonomik komisyon"',
    '"dışişleri bakanı"',
    "enerji -türkiye",
    "deklarasyon imzalandı",
    "afet yönetimi",
    '"gıda güvenliği"',
    "ortak açıklama",
    "arjantin devlet başkanı",
    "bakan",
    "zzzqxw",
    "-türkiye",
    "'; DROP TABLE meetings_meeting; --",
]


# Building ------------------------------------------------------------------------------------
def build(n: int) -> dict:
    """Bulk-create n meetings with articles, people and statements; index them; time it."""
    import datetime as dt
    import re

    from django.db import connection

    from meetings.corpus.generator import build_world, generate
    from meetings.extraction.turkish import name_key
    from meetings.models import (
        Article,
        Country,
        DatePrecision,
        Meeting,
        MeetingKind,
        MeetingReport,
        Participation,
        Person,
        Role,
        Statement,
    )
    from meetings.models.base import slug_base
    from meetings.search import reindex_all

    started = time.perf_counter()
    texts = list(generate(1, min(n, DISTINCT_TEXTS)))
    world = build_world(1)
    countries = {}
    for i, person in enumerate(world.everyone()):
        name = person.country.name
        if name not in countries:
            countries[name] = Country(name_tr=name, name_en=name, slug=f"{slug_base(name)}-{i}")
    Country.objects.bulk_create(countries.values(), batch_size=BATCH)
    people = {}
    for i, p in enumerate(world.everyone()):
        people[p.full] = Person(
            name=p.full,
            name_key=name_key(p.full),
            slug=f"{slug_base(p.full)}-{i}",
            country=countries[p.country.name],
        )
    Person.objects.bulk_create(people.values(), batch_size=BATCH)
    quote = re.compile(r"[\"“]([^\"”]{20,400})[\"”]")
    kinds = [k for k, _ in MeetingKind.choices]
    precisions = [DatePrecision.UNKNOWN, DatePrecision.YEAR] + [DatePrecision.MONTH] * 3
    precisions += [DatePrecision.DAY] * 5
    rng = random.Random(1)
    for start in range(0, n, BATCH):
        meetings, articles, extras = [], [], []
        for i in range(start, min(n, start + BATCH)):
            g = texts[i % len(texts)]
            year, month, day = g.date
            precision = precisions[i % len(precisions)]
            date = dt.date(max(year, 2000) - (i // len(texts)) % 20, month or 1, day or 1)
            if precision == DatePrecision.UNKNOWN:
                date = None
            elif precision == DatePrecision.YEAR:
                date = date.replace(month=1, day=1)
            elif precision == DatePrecision.MONTH:
                date = date.replace(day=1)
            names = sorted(g.people)
            text = f"{g.text}\n\n(bench {i})"
            meetings.append(
                Meeting(
                    title=" – ".join(names[:2]) or f"Görüşme {i}",
                    slug=f"bench-{i}",
                    date=date,
                    date_precision=precision,
                    location=g.text.split(" ")[0],
                    country=rng.choice(list(countries.values())),
                    kind=kinds[i % len(kinds)],
                )
            )
            articles.append(
                Article(
                    filename=f"bench_{i:06d}.txt",
                    source=f"file:bench/bench_{i:06d}.txt",
                    sha256=hashlib.sha256(text.encode()).hexdigest(),
                    raw_text=text,
                    text=text,
                    title=text.split("\n", 1)[0][:200],
                )
            )
            extras.append((names, quote.findall(g.text)[:2]))
        Meeting.objects.bulk_create(meetings)
        Article.objects.bulk_create(articles)
        MeetingReport.objects.bulk_create(
            MeetingReport(meeting=m, article=a) for m, a in zip(meetings, articles, strict=True)
        )
        participations, statements = [], []
        for meeting, (names, quotes) in zip(meetings, extras, strict=True):
            for j, name in enumerate(names[:4]):
                role = [Role.HOST, Role.GUEST][j] if j < 2 else Role.DELEGATION
                person = people.get(name)
                participations.append(
                    Participation(meeting=meeting, person=person, raw_name=name, role=role)
                )
            for j, text in enumerate(quotes):
                speaker = people.get(names[0]) if names else None
                statements.append(
                    Statement(
                        meeting=meeting,
                        speaker=speaker,
                        speaker_name=names[0] if names else "",
                        text=text,
                        direct=j == 0,
                        order=j,
                    )
                )
        Participation.objects.bulk_create(participations, batch_size=BATCH)
        Statement.objects.bulk_create(statements, batch_size=BATCH)
    if connection.vendor == "postgresql":
        # Statistics, as autovacuum gathers them after a bulk load: without them the planner
        # joins whole tables for a page's twenty rows.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    built = time.perf_counter()
    documents = reindex_all()
    indexed = time.perf_counter()
    if connection.vendor == "postgresql":
        # What autovacuum does after a bulk load, done here since it may be off (it is on
        # this project's test machine): the visibility map it sets is what lets an index-only
        # scan skip the table. Without it, every such scan reads each row's page too.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    return {
        "meetings": Meeting.objects.count(),
        "statements": Statement.objects.count(),
        "documents": documents,
        "build_s": round(built - started, 1),
        "reindex_s": round(indexed - built, 1),
    }


# Timing inside Django ------------------------------------------------------------------------
def _percentiles(samples: list[float]) -> dict:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {"p50_ms": round(statistics.median(ordered) * 1000, 1), "p95_ms": round(p95 * 1000, 1)}


def _time(fn, repeat: int) -> list[float]:
    fn()  # warm
    samples = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - t)
    return samples


def queries() -> list[str]:
    """The 20 queries, with the surname of a person who appears rarely filled in."""
    from django.db.models import Count

    from meetings.models import Person

    rare = (
        Person.objects.annotate(n=Count("participations"))
        .filter(n__gt=0)
        .order_by("n", "name")
        .values_list("name", flat=True)
        .first()
    )
    surname = (rare or "nobody").split()[-1]
    return [q.replace("{rare}", surname) for q in QUERIES]


def measure(repeat: int) -> dict:
    """Server time of the search call and of the pages, in this process (no network)."""
    from urllib.parse import urlencode

    from django.test import Client

    from meetings.models import Meeting, Person
    from meetings.search import search_meetings

    client = Client(HTTP_HOST="127.0.0.1")
    per_query, search_all, page_all = {}, [], []
    for q in queries():
        found = search_meetings(q)
        calls = _time(lambda q=q: search_meetings(q), repeat)
        pages = _time(lambda q=q: client.get("/meetings/?" + urlencode({"q": q})), repeat)
        per_query[q[:40]] = {
            "hits": len(found.ids),
            "capped": found.capped,
            **_percentiles(calls),
            "page_p95_ms": _percentiles(pages)["p95_ms"],
        }
        search_all += calls
        page_all += pages
    slugs = list(Meeting.objects.order_by("?").values_list("slug", flat=True)[:50])
    person = Person.objects.order_by("?").values_list("slug", flat=True).first()
    detail = []
    for slug in slugs:
        detail += _time(lambda slug=slug: client.get(f"/meetings/{slug}/"), 2)
    return {
        "queries": per_query,
        "search_call": _percentiles(search_all),
        "search_page": _percentiles(page_all),
        "list_page": _percentiles(_time(lambda: client.get("/meetings/"), repeat)),
        "list_page_deep": _percentiles(_time(lambda: client.get("/meetings/?page=200"), repeat)),
        "filtered_page": _percentiles(
            _time(
                lambda: client.get(
                    f"/meetings/?person={person}&date_from=2005-01-01&date_to=2015-12-31"
                ),
                repeat,
            )
        ),
        "detail_page": _percentiles(detail),
        "home_page": _percentiles(_time(lambda: client.get("/"), max(3, repeat // 4))),
    }


def child(mode: str, args) -> None:
    import django

    django.setup()
    if mode == "build":
        print(json.dumps(build(args.meetings)))
    elif mode == "size":
        from meetings.models import Meeting, SearchDocument, Statement

        sizes = {"meetings": Meeting.objects.count(), "statements": Statement.objects.count()}
        sizes.update(documents=SearchDocument.objects.count(), build_s="-", reindex_s="-")
        print(json.dumps(sizes))
    else:
        print(json.dumps(measure(args.repeat)))


# Throughput under gunicorn --------------------------------------------------------------------
BENCH_SETTINGS = """
import os
from diplomacy.settings import *  # noqa: F403
ROOT_URLCONF = "bench_urls"
# The page cache for anonymous visitors: on (its default) or off (0), chosen per run.
PAGE_CACHE_SECONDS = int(os.environ.get("BENCH_PAGE_CACHE_SECONDS", "300"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
LOGGING = {"version": 1, "disable_existing_loggers": True}
"""
BENCH_URLS = """
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.template import engines
from django.urls import path

from diplomacy.urls import urlpatterns as site
from meetings.models import Meeting

REFERENCE = engines["django"].from_string(
    '{% extends "base.html" %}{% block content %}<h1>{{ m.title }}</h1><ul>'
    '{% for i in items %}<li>{{ i }} · {{ m.location }} · {{ m.get_kind_display }}</li>'
    '{% endfor %}</ul>{% endblock %}'
)


def bare(request):
    return HttpResponse("ok")


def reference(request, pk):
    meeting = get_object_or_404(Meeting, pk=pk)
    return HttpResponse(REFERENCE.render({"m": meeting, "items": range(20)}, request))


urlpatterns = [
    path("bench/bare/", bare),
    path("bench/reference/<int:pk>/", reference),
    # The site's own patterns, not include(): its language prefix must sit at the root.
    *site,
]
"""


async def _connection(host, port, paths, deadline, counts):
    reader, writer = await asyncio.open_connection(host, port)
    i = random.randrange(len(paths))
    try:
        while time.perf_counter() < deadline:
            path = paths[i % len(paths)]
            i += 1
            writer.write(
                f"GET {path} HTTP/1.1\r\nHost: {host}\r\nAccept-Language: tr\r\n\r\n".encode()
            )
            await writer.drain()
            status = await reader.readline()
            if not status:  # the server closed this keep-alive connection: open another
                counts["reconnects"] += 1
                writer.close()
                reader, writer = await asyncio.open_connection(host, port)
                continue
            length = 0
            while (line := await reader.readline()) not in (b"\r\n", b""):
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            await reader.readexactly(length)
            key = "ok" if status.split(b" ")[1] == b"200" else "error"
            counts[key] += 1
    finally:
        writer.close()


async def _load(host, port, paths, seconds, connections) -> dict:
    counts = {"ok": 0, "error": 0, "reconnects": 0}
    deadline = time.perf_counter() + seconds
    await asyncio.gather(
        *(_connection(host, port, paths, deadline, counts) for _ in range(connections))
    )
    return {
        "rps": round(counts["ok"] / seconds),
        "errors": counts["error"],
        "reconnects": counts["reconnects"],
    }


BENCH_DIR = Path(tempfile.gettempdir()) / "diplomacy_bench_search_conf"


def bench_env(url: str) -> dict:
    """The environment of a production-like process on url: the bench settings and URLs."""
    BENCH_DIR.mkdir(exist_ok=True)
    Path(BENCH_DIR, "bench_settings.py").write_text(BENCH_SETTINGS)
    Path(BENCH_DIR, "bench_urls.py").write_text(BENCH_URLS)
    # gunicorn reads ./gunicorn.conf.py unless given another: the bench sets its own options.
    Path(BENCH_DIR, "gunicorn_bench.conf.py").write_text("# the bench's options are flags\n")
    return {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "bench_settings",
        "PYTHONPATH": f"{BENCH_DIR}:{ROOT}",
        "SECRET_KEY": "bench-only-" + "x" * 50,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "DJANGO_DEBUG": "0",
    }


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def throughput(url: str, args, sample: dict, page_cache: bool) -> dict:
    """Requests per second for each page under gunicorn, and the reference views."""
    from urllib.parse import quote

    port = _free_port()
    env = {**bench_env(url), "BENCH_PAGE_CACHE_SECONDS": "300" if page_cache else "0"}
    command = [
        str(ROOT / ".venv" / "bin" / "gunicorn"),
        "diplomacy.wsgi",
        "-c",
        str(BENCH_DIR / "gunicorn_bench.conf.py"),
        "-k",
        "gthread",
        "-w",
        "2",
        "--threads",
        "4",
        "-b",
        f"127.0.0.1:{port}",
        "--log-level",
        "warning",
    ]
    server = subprocess.Popen(command, cwd=ROOT, env=env)
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        targets = {
            "bare string": ["/bench/bare/"],
            "reference (pk lookup + template)": [f"/bench/reference/{pk}/" for pk in sample["pks"]],
            "meeting list": ["/meetings/"],
            "search": [f"/meetings/?q={quote(q)}" for q in sample["queries"]],
            "meeting detail": [f"/meetings/{slug}/" for slug in sample["slugs"]],
        }
        results = {}
        for name, paths in targets.items():
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


# Driving ------------------------------------------------------------------------------------
def prepare(backend: str) -> str:
    """An empty, migrated database for the backend; its URL."""
    if backend == "sqlite":
        for suffix in ("", "-wal", "-shm"):
            Path(SQLITE_URL.removeprefix("sqlite:///") + suffix).unlink(missing_ok=True)
        url = SQLITE_URL
    else:
        for sql in (
            "DROP DATABASE IF EXISTS diplomacy_bench_search",
            "CREATE DATABASE diplomacy_bench_search",
        ):
            subprocess.run(["psql", PG_ADMIN, "-qc", sql], check=True)
        url = PG_URL
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_DEBUG": "1"}
    manage = [sys.executable, str(ROOT / "manage.py"), "migrate", "-v0"]
    subprocess.run(manage, cwd=ROOT, env=env, check=True)
    return url


def run_child(url: str, mode: str, args) -> dict:
    command = [sys.executable, __file__, "--child", mode, "--meetings", str(args.meetings)]
    command += ["--repeat", str(args.repeat)]
    # Server times are of rendering, not of the page cache: it is off in the child.
    env = {**bench_env(url), "BENCH_PAGE_CACHE_SECONDS": "0"}
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"bench child {mode} failed:\n{done.stderr[-4000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def sample(url: str) -> dict:
    """Some ids, slugs and queries for the load test, read with psql-free Django."""
    code = (
        "import django,json;django.setup();"
        "from meetings.models import Meeting;"
        "from tests.bench.bench_search import queries;"
        "rows=list(Meeting.objects.order_by('?').values_list('pk','slug')[:50]);"
        "print(json.dumps({'pks':[r[0] for r in rows],'slugs':[r[1] for r in rows],"
        "'queries':queries()}))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=bench_env(url),
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def report(backend: str, built: dict, timed: dict, rps: dict) -> None:
    print(f"\n## {backend}: {built['meetings']:,} meetings, {built['statements']:,} statements")
    print(
        f"bulk build {built['build_s']} s, reindex_all {built['reindex_s']} s "
        f"({built['documents']:,} search documents)\n"
    )
    print("| query | hits (cap 1000) | search p50 ms | search p95 ms | page p95 ms |")
    print("|---|---|---|---|---|")
    for q, row in timed["queries"].items():
        hits = f"{row['hits']}{'+' if row['capped'] else ''}"
        print(f"| `{q}` | {hits} | {row['p50_ms']} | {row['p95_ms']} | {row['page_p95_ms']} |")
    print("\n| server time | p50 ms | p95 ms |")
    print("|---|---|---|")
    for name in (
        "search_call",
        "search_page",
        "list_page",
        "list_page_deep",
        "filtered_page",
        "detail_page",
        "home_page",
    ):
        print(f"| {name.replace('_', ' ')} | {timed[name]['p50_ms']} | {timed[name]['p95_ms']} |")
    for page_cache, rows in rps.items():
        state = "on" if page_cache else "off (every page rendered)"
        print(
            f"\n| gunicorn gthread 2x4, page cache {state} | requests/s | vs reference | errors |"
        )
        print("|---|---|---|---|")
        for name, row in rows.items():
            print(f"| {name} | {row['rps']} | {row['vs_reference']} | {row['errors']} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--meetings", type=int, default=100_000)
    parser.add_argument("--backends", default="sqlite,postgres")
    parser.add_argument("--repeat", type=int, default=20, help="timed runs of each request")
    parser.add_argument("--duration", type=float, default=8, help="seconds of load per page")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--no-gunicorn", action="store_true")
    parser.add_argument(
        "--reuse", action="store_true", help="time the database the last run built, as it is"
    )
    parser.add_argument("--child", choices=["build", "size", "measure"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args)
        return
    for backend in args.backends.split(","):
        if backend == "postgres" and not shutil.which("psql"):
            print("psql not found: skipping PostgreSQL")
            continue
        if args.reuse:
            url = SQLITE_URL if backend == "sqlite" else PG_URL
            built = run_child(url, "size", args)
        else:
            print(f"… {backend}: building {args.meetings:,} meetings", file=sys.stderr)
            url = prepare(backend)
            built = run_child(url, "build", args)
        print(f"… {backend}: timing", file=sys.stderr)
        timed = run_child(url, "measure", args)
        rps = {}
        if not args.no_gunicorn:
            chosen = sample(url)
            for page_cache in (False, True):
                rps[page_cache] = throughput(url, args, chosen, page_cache)
        report(backend, built, timed, rps)


if __name__ == "__main__":
    main()
