"""bench_export: time and peak memory of the full export and of list downloads, at 10,000 and
100,000 meetings, on SQLite and PostgreSQL. Memory should stay flat: everything is streamed.

How to run it (from the project root, with the project's virtualenv; not part of `pytest`):

    .venv/bin/python tests/bench/bench_export.py                       # 10,000 and 100,000
    .venv/bin/python tests/bench/bench_export.py --sizes 2000,20000 --backends sqlite  # quick

What it does, for each backend:
1. starts from an empty database (a new SQLite file in /tmp, or `diplomacy_bench_export` on
   127.0.0.1, dropped and created again) and migrates it;
2. bulk-creates meetings up to the first size, each with one article, three participants
   (2,000 people in all, Turkish names) and --statements statements; measures; then adds
   meetings up to the next size and measures again;
3. measures each of these in a fresh child process (production settings, DEBUG off):
   `manage.py export` into a temporary folder, the meetings list's CSV download and the
   statements list's JSON Lines download (through Django's test client, the body read piece
   by piece and thrown away). Each is run twice: once for the time and the peak resident
   memory (VmHWM, reset just before the run, so it is the run's own peak), once under
   tracemalloc for the peak of Python allocations during the run (slower; its time is not
   reported);
4. prints a table per backend and the ratio of each peak at the largest size to the
   smallest. "Flat" means that ratio stays within 1.2.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

PG_ADMIN = "postgres://postgres@127.0.0.1:5432/postgres"
PG_URL = "postgres://postgres@127.0.0.1:5432/diplomacy_bench_export"
SQLITE_URL = "sqlite:////tmp/diplomacy_bench_export.sqlite3"
BATCH = 2000
PEOPLE = 2000
FLAT = 1.2
TASKS = ["export", "meetings.csv", "statements.jsonl"]
FIRST = ["İlham", "Sergey", "Şahin", "Gökçe", "Ayşe", "Oğuz", "Ümit", "Çağrı", "Işıl", "Mehmet"]
LAST = ["Aliyev", "Yılmaz", "Öztürk", "Çelik", "Şahin", "Doğan", "Kılıç", "Arslan", "Güneş"]
TITLES = ["Dışişleri Bakanı", "Cumhurbaşkanı", "Başbakan Yardımcısı", "Savunma Bakanı"]
PLACES = ["Bakü", "Ankara", "Moskova", "İstanbul", "Tiflis", "Astana", "Üsküp"]
SENTENCE = (
    "İki ülke arasındaki ilişkilerin güçlenmesi için çalışmayı sürdüreceğiz; bölgede barış, "
    "istikrar ve işbirliği önceliğimizdir, dedi. Görüşmede enerji, ulaştırma ve ticaret ele "
    "alındı."
)


# Building (in a child, inside Django) ---------------------------------------------------------
def build(target: int, statements: int) -> dict:
    """Add meetings until there are target of them; the time it took."""
    import datetime as dt

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

    started = time.perf_counter()
    if not Country.objects.exists():
        codes = [("AZ", "Azerbaycan"), ("RU", "Rusya"), ("TR", "Türkiye"), ("GE", "Gürcistan")]
        Country.objects.bulk_create(
            Country(iso_code=c, name_tr=n, name_en=n, slug=c.lower()) for c, n in codes
        )
        countries = list(Country.objects.all())
        Person.objects.bulk_create(
            Person(
                name=f"{FIRST[i % len(FIRST)]} {LAST[i // len(FIRST) % len(LAST)]} {i}",
                name_key=f"kisi {i}",
                surname_key=f"{i}",
                slug=f"kisi-{i}",
                country=countries[i % len(countries)],
            )
            for i in range(PEOPLE)
        )
    countries = list(Country.objects.all())
    people = list(Person.objects.values_list("pk", "name"))
    rng = random.Random(1)
    precisions = [DatePrecision.DAY] * 5 + [DatePrecision.MONTH] * 3 + [DatePrecision.YEAR]
    precisions.append(DatePrecision.UNKNOWN)
    kinds = [k for k, _ in MeetingKind.choices]
    for start in range(Meeting.objects.count(), target, BATCH):
        meetings, articles = [], []
        for i in range(start, min(target, start + BATCH)):
            precision = precisions[i % len(precisions)]
            date = dt.date(2000 + i % 25, 1 + i % 12, 1 + i % 28)
            date = {
                DatePrecision.MONTH: date.replace(day=1),
                DatePrecision.YEAR: date.replace(month=1, day=1),
                DatePrecision.UNKNOWN: None,
            }.get(precision, date)
            place = PLACES[i % len(PLACES)]
            meetings.append(
                Meeting(
                    title=f"Görüşme {i} ({place})",
                    slug=f"gorusme-{i}",
                    date=date,
                    date_precision=precision,
                    location=place,
                    country=countries[i % len(countries)],
                    kind=kinds[i % len(kinds)],
                )
            )
            text = f"{place}'da görüşme {i}. {SENTENCE}"
            articles.append(
                Article(
                    filename=f"bench_{i:07d}.txt",
                    source=f"file:bench/bench_{i:07d}.txt",
                    sha256=hashlib.sha256(text.encode()).hexdigest(),
                    raw_text=text,
                    text=text,
                    title=f"Görüşme {i}",
                )
            )
        Meeting.objects.bulk_create(meetings)
        Article.objects.bulk_create(articles)
        MeetingReport.objects.bulk_create(
            MeetingReport(meeting=m, article=a) for m, a in zip(meetings, articles, strict=True)
        )
        participations, said = [], []
        for meeting, article in zip(meetings, articles, strict=True):
            chosen = rng.sample(people, 3)
            for j, (pk, name) in enumerate(chosen):
                role = [Role.HOST, Role.GUEST, Role.DELEGATION][j]
                participations.append(
                    Participation(
                        meeting=meeting,
                        person_id=pk,
                        raw_name=name,
                        role=role,
                        title=TITLES[(pk + j) % len(TITLES)],
                        article=article,
                    )
                )
            for j in range(statements):
                pk, name = chosen[j % 2]
                said.append(
                    Statement(
                        meeting=meeting,
                        speaker_id=pk,
                        speaker_name=name,
                        text=f"{SENTENCE} ({j})",
                        direct=j % 2 == 0,
                        order=j,
                        article=article,
                    )
                )
        Participation.objects.bulk_create(participations, batch_size=BATCH)
        Statement.objects.bulk_create(said, batch_size=BATCH)
    _analyse()
    return {
        "meetings": Meeting.objects.count(),
        "statements": Statement.objects.count(),
        "build_s": round(time.perf_counter() - started, 1),
    }


def _analyse() -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


# Measuring (in a child, inside Django) --------------------------------------------------------
def _rss_kib(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise RuntimeError(f"no {field} in /proc/self/status")


def _task(task: str):
    """A function running the task once, and what it counts (rows or bytes)."""
    from django.core.management import call_command
    from django.test import Client

    client = Client(HTTP_HOST="127.0.0.1")
    if task == "export":

        def run() -> int:
            with tempfile.TemporaryDirectory() as folder:
                call_command("export", folder, verbosity=0)
                return sum(p.stat().st_size for p in Path(folder).iterdir())

        return run
    path = {
        "meetings.csv": "/meetings/download.csv",
        "statements.jsonl": "/statements/download.jsonl",
    }

    def run() -> int:
        response = client.get(path[task])
        assert response.status_code == 200, response.status_code
        return sum(len(chunk) for chunk in response.streaming_content)

    return run


def measure(task: str, trace: bool) -> dict:
    """Run the task once after a warm-up; its time, bytes and peak memory."""
    import tracemalloc

    run = _task(task)
    from django.test import Client

    # A first, empty download: the imports and first queries are done before measuring.
    Client(HTTP_HOST="127.0.0.1").get("/meetings/download.csv?year=1900")
    before = _rss_kib("VmRSS")
    Path("/proc/self/clear_refs").write_text("5")  # resets VmHWM: the peak from here on
    if trace:
        tracemalloc.start()
    started = time.perf_counter()
    size = run()
    seconds = time.perf_counter() - started
    result = {"bytes": size, "seconds": round(seconds, 2)}
    if trace:
        result["python_peak_mib"] = round(tracemalloc.get_traced_memory()[1] / 2**20, 1)
        tracemalloc.stop()
    else:
        peak = _rss_kib("VmHWM")
        result["rss_peak_mib"] = round(peak / 1024, 1)
        result["rss_growth_mib"] = round((peak - before) / 1024, 1)
    return result


def child(args) -> None:
    import django

    django.setup()
    if args.child == "build":
        print(json.dumps(build(args.target, args.statements)))
    else:
        print(json.dumps(measure(args.task, args.trace)))


# Orchestrating ---------------------------------------------------------------------------------
def env(url: str) -> dict:
    return {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_DEBUG": "0",  # DEBUG keeps every query in memory: not what production does
        "PYTHONPATH": str(ROOT),
    }


def run_child(url: str, *flags: str) -> dict:
    command = [sys.executable, __file__, *flags]
    done = subprocess.run(command, cwd=ROOT, env=env(url), capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"bench child {flags} failed:\n{done.stderr[-4000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def prepare(backend: str) -> str:
    """An empty, migrated database for the backend; its URL."""
    if backend == "sqlite":
        for suffix in ("", "-wal", "-shm"):
            Path(SQLITE_URL.removeprefix("sqlite:///") + suffix).unlink(missing_ok=True)
        url = SQLITE_URL
    else:
        for sql in (
            "DROP DATABASE IF EXISTS diplomacy_bench_export",
            "CREATE DATABASE diplomacy_bench_export",
        ):
            subprocess.run(["psql", PG_ADMIN, "-qc", sql], check=True)
        url = PG_URL
    manage = [sys.executable, str(ROOT / "manage.py"), "migrate", "-v0"]
    subprocess.run(manage, cwd=ROOT, env=env(url), check=True)
    return url


def report(backend: str, results: dict, trace: bool) -> None:
    sizes = sorted(results)
    print(f"\n## {backend}\n")
    print(
        "| meetings | statements | task | time s | MB written | peak RSS MiB | RSS growth MiB |"
        + (" Python peak MiB |" if trace else "")
    )
    print("|---|---|---|---|---|---|---|" + ("---|" if trace else ""))
    for size in sizes:
        built = results[size]["built"]
        for task in TASKS:
            r = results[size][task]
            row = (
                f"| {built['meetings']:,} | {built['statements']:,} | {task} | {r['seconds']} | "
                f"{r['bytes'] / 1e6:.1f} | {r['rss_peak_mib']} | {r['rss_growth_mib']} |"
            )
            print(row + (f" {r['python_peak_mib']} |" if trace else ""))
    if len(sizes) < 2:
        return
    low, high = results[sizes[0]], results[sizes[-1]]
    print(f"\nRatios, {sizes[-1]:,} meetings to {sizes[0]:,} (flat: within {FLAT}):\n")
    for task in TASKS:
        parts = [f"time {high[task]['seconds'] / max(low[task]['seconds'], 0.01):.1f}x"]
        for key in ("rss_peak_mib", "rss_growth_mib", "python_peak_mib"):
            if key in high[task] and low[task].get(key):
                ratio = high[task][key] / low[task][key]
                verdict = "flat" if ratio <= FLAT else "NOT flat"
                parts.append(f"{key} {ratio:.2f}x ({verdict})")
        print(f"- {task}: " + ", ".join(parts))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--backends", default="sqlite,postgres")
    parser.add_argument("--statements", type=int, default=3, help="statements per meeting")
    parser.add_argument("--no-trace", action="store_true", help="skip the tracemalloc runs")
    parser.add_argument("--child", choices=["build", "measure"], help=argparse.SUPPRESS)
    parser.add_argument("--target", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--task", choices=TASKS, help=argparse.SUPPRESS)
    parser.add_argument("--trace", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args)
        return
    trace = not args.no_trace
    for backend in args.backends.split(","):
        print(f"… {backend}: empty database", file=sys.stderr)
        url = prepare(backend)
        results = {}
        for size in sorted(int(s) for s in args.sizes.split(",")):
            print(f"… {backend}: building up to {size:,} meetings", file=sys.stderr)
            built = run_child(
                url, "--child", "build", "--target", str(size), "--statements", str(args.statements)
            )
            results[size] = {"built": built}
            for task in TASKS:
                print(f"… {backend}: {size:,} meetings, {task}", file=sys.stderr)
                results[size][task] = run_child(url, "--child", "measure", "--task", task)
                if trace:
                    traced = run_child(url, "--child", "measure", "--task", task, "--trace")
                    results[size][task]["python_peak_mib"] = traced["python_peak_mib"]
        report(backend, results, trace)


if __name__ == "__main__":
    main()
