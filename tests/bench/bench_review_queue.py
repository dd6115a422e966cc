"""bench_review_queue: the admin review queue's server time with 100,000 meetings, 10,000 flagged.

How to run it (from the project root, with the project's virtualenv; not part of `pytest`):

    .venv/bin/python tests/bench/bench_review_queue.py                    # 100,000 / 10,000
    .venv/bin/python tests/bench/bench_review_queue.py --meetings 20000 --flagged 2000

What it does:
1. creates its own PostgreSQL database, `diplomacy_bench_review` on 127.0.0.1 (dropped and
   created again each run, dropped at the end unless --keep), and migrates it;
2. in a child process with production settings (DEBUG off; static names unhashed, so no
   collectstatic), bulk-inserts the meetings, two participants each and 5,000 people, and
   flags --flagged of the meetings with one to three reason codes;
3. logs in a superuser and an editor (view and change meetings) with the test client and
   times the queue page, in this process, for a mix of requests: the first page, later
   pages, each of a few reasons, a date range and a person's name; prints p50 and p95 of
   the server time per request and overall, and the goal: p95 under 100 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

PG_ADMIN = "postgres://postgres@127.0.0.1:5432/postgres"
PG_URL = "postgres://postgres@127.0.0.1:5432/diplomacy_bench_review"
GOAL_MS = 100
BATCH = 5000
CODES = [
    "no_host",
    "no_guest",
    "surname_only",
    "role_noun",
    "place_from_dateline",
    "place_country_only",
    "date_relative",
    "date_from_header",
    "date_unknown",
    "speaker_unknown",
    "ambiguous_name",
    "possible_duplicate",
]
QUEUE = "/admin/meetings/meeting/review/"
REQUESTS = [
    "",
    "?page=2",
    "?page=100",
    "?page=200",
    "?reason=date_unknown",
    "?reason=possible_duplicate&page=3",
    "?reason=ambiguous_name",
    "?date_after=2015-01-01&date_before=2018-12-31",
    "?person=Soyad%C4%B1123",
    "?person=Lavrov&reason=surname_only",
]


def build(n_meetings: int, n_flagged: int) -> dict:
    """Bulk-insert the meetings, their participants and the people."""
    import datetime as dt

    from meetings.models import DatePrecision, Meeting, Participation, Person

    rng = random.Random(1)
    started = time.perf_counter()
    people = Person.objects.bulk_create(
        [
            Person(
                name=f"Kişi Soyadı{i}",
                name_key=f"kisi soyadi{i}",
                surname_key=f"soyadi{i}",
                slug=f"kisi-soyadi{i}",
            )
            for i in range(5000)
        ],
        batch_size=BATCH,
    )
    flagged = set(rng.sample(range(n_meetings), n_flagged))
    first_day = dt.date(2000, 1, 1)
    for start in range(0, n_meetings, BATCH):
        meetings = []
        for i in range(start, min(start + BATCH, n_meetings)):
            unknown = i in flagged and rng.random() < 0.2
            meetings.append(
                Meeting(
                    title=f"Görüşme {i}",
                    slug=f"gorusme-{i}",
                    date=None if unknown else first_day + dt.timedelta(days=rng.randrange(9000)),
                    date_precision=DatePrecision.UNKNOWN if unknown else DatePrecision.DAY,
                    location=rng.choice(["Ankara", "Bakü", "Moskova", "Berlin", ""]),
                    needs_review=i in flagged,
                    review_reasons=rng.sample(CODES, rng.randint(1, 3)) if i in flagged else [],
                )
            )
        meetings = Meeting.objects.bulk_create(meetings, batch_size=BATCH)
        rows = []
        for m in meetings:
            host, guest = rng.sample(people, 2)
            rows.append(Participation(meeting=m, person=host, raw_name=host.name, role="host"))
            unresolved = rng.random() < 0.05
            rows.append(
                Participation(
                    meeting=m,
                    person=None if unresolved else guest,
                    raw_name="Lavrov" if unresolved else guest.name,
                    role="guest",
                )
            )
        Participation.objects.bulk_create(rows, batch_size=BATCH)
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return {
        "meetings": Meeting.objects.count(),
        "flagged": Meeting.objects.filter(needs_review=True).count(),
        "participations": Participation.objects.count(),
        "build_s": round(time.perf_counter() - started, 1),
    }


def _percentiles(samples: list[float]) -> dict:
    ms = sorted(s * 1000 for s in samples)
    p95 = ms[min(len(ms) - 1, int(round(0.95 * (len(ms) - 1))))]
    return {"p50_ms": round(statistics.median(ms), 1), "p95_ms": round(p95, 1), "n": len(ms)}


def measure(repeat: int) -> dict:
    """Server time of the queue page for each request, as a superuser and as an editor."""
    from django.contrib.auth.models import Permission, User
    from django.test import Client

    admin = User.objects.create_superuser("bench-admin", password=None)
    editor = User.objects.create_user("bench-editor", is_staff=True)
    editor.user_permissions.set(
        Permission.objects.filter(codename__in=["view_meeting", "change_meeting"])
    )
    results, everything = {}, []
    for label, user in (("superuser", admin), ("editor", editor)):
        client = Client(HTTP_HOST="127.0.0.1")
        client.force_login(user)
        for query in REQUESTS:
            response = client.get(QUEUE + query)  # warm
            assert response.status_code == 200, (query, response.status_code)
            samples = []
            for _ in range(repeat):
                t = time.perf_counter()
                client.get(QUEUE + query)
                samples.append(time.perf_counter() - t)
            results[f"{label} {query or '(first page)'}"] = _percentiles(samples)
            everything += samples
    return {"requests": results, "overall": _percentiles(everything)}


def child(args) -> None:
    import django

    django.setup()
    out = build(args.meetings, args.flagged)
    out.update(measure(args.repeat))
    print(json.dumps(out))


def bench_env() -> dict:
    return {
        **os.environ,
        "DATABASE_URL": PG_URL,
        "DJANGO_DEBUG": "0",
        # The project's settings with static files served unhashed (no collectstatic needed).
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "SECRET_KEY": "bench-only-" + "x" * 50,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "ADMIN_PATH": "admin/",
        "LOG_LEVEL": "WARNING",
    }


def _psql(sql: str) -> None:
    subprocess.run(["psql", PG_ADMIN, "-qc", sql], check=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--meetings", type=int, default=100_000)
    parser.add_argument("--flagged", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=20, help="timed requests per URL")
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args)
        return 0
    _psql("DROP DATABASE IF EXISTS diplomacy_bench_review")
    _psql("CREATE DATABASE diplomacy_bench_review")
    try:
        env = bench_env()
        subprocess.run(
            [sys.executable, str(ROOT / "manage.py"), "migrate", "-v0"],
            cwd=ROOT,
            env=env,
            check=True,
        )
        command = [sys.executable, __file__, "--child", "--meetings", str(args.meetings)]
        command += ["--flagged", str(args.flagged), "--repeat", str(args.repeat)]
        print(f"building {args.meetings:,} meetings, {args.flagged:,} flagged, on PostgreSQL…")
        done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
        if done.returncode:
            print(done.stderr[-4000:], file=sys.stderr)
            return 1
        out = json.loads(done.stdout.strip().splitlines()[-1])
    finally:
        if not args.keep:
            _psql("DROP DATABASE IF EXISTS diplomacy_bench_review")
    print(
        f"{out['meetings']:,} meetings, {out['flagged']:,} flagged, "
        f"{out['participations']:,} participants, built in {out['build_s']} s"
    )
    print(f"\n{'request':<62}{'p50 ms':>9}{'p95 ms':>9}")
    for name, p in out["requests"].items():
        print(f"{name:<62}{p['p50_ms']:>9}{p['p95_ms']:>9}")
    overall = out["overall"]
    verdict = "met" if overall["p95_ms"] < GOAL_MS else "MISSED"
    print(
        f"\noverall: p50 {overall['p50_ms']} ms, p95 {overall['p95_ms']} ms over {overall['n']} "
        f"requests; goal p95 < {GOAL_MS} ms: {verdict}"
    )
    return 0  # a report, not a test: the verdict is printed


if __name__ == "__main__":
    sys.exit(main())
