"""bench_review_queue: the admin review queue's server time with 100,000 meetings, 10,000 flagged.

How to run it (from the project root, with the project's virtualenv; not part of `pytest`):

    .venv/bin/python tests/bench/bench_review_queue.py                    # 100,000 / 10,000
    .venv/bin/python tests/bench/bench_review_queue.py --meetings 20000 --flagged 2000
    .venv/bin/python tests/bench/bench_review_queue.py --keep          # keep the database
    .venv/bin/python tests/bench/bench_review_queue.py --reuse         # time a kept one again

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

With --reference CHECKOUT (another checkout of the project, say the commit before a change:
`git worktree add /tmp/queue-before HEAD~1`), the same database is timed with that code and
with this one, in turns (reference, this, reference, this), so both see the same data and
the same machine load, and the ratio of their p95s is printed. A reference from before
migration 0013 is given the index its own migrations made (0011's), which 0013 replaces.

With --reuse, the database a run with --keep left is timed again as it is (no drop, no
migrate, no build): a second look, or a reference, costs a minute less each time. It must
have been built by the same or a compatible migration state as the code timed.
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
        # What autovacuum does soon after a bulk load: planner statistics, and the visibility
        # map that lets PostgreSQL answer from an index alone.
        cursor.execute("VACUUM ANALYZE")
    return {
        "meetings": Meeting.objects.count(),
        "flagged": Meeting.objects.filter(needs_review=True).count(),
        "participations": Participation.objects.count(),
        "build_s": round(time.perf_counter() - started, 1),
    }


# 0011's index, which the code before migration 0013 reads the flagged meetings through.
REFERENCE_INDEX = (
    "CREATE INDEX IF NOT EXISTS meetings_meeting_review_queue ON meetings_meeting (id) "
    "WHERE needs_review"
)
DROP_REFERENCE_INDEX = "DROP INDEX IF EXISTS meetings_meeting_review_queue"


def _percentiles(samples: list[float]) -> dict:
    ms = sorted(s * 1000 for s in samples)
    p95 = ms[min(len(ms) - 1, int(round(0.95 * (len(ms) - 1))))]
    return {"p50_ms": round(statistics.median(ms), 1), "p95_ms": round(p95, 1), "n": len(ms)}


def measure(repeat: int) -> dict:
    """Server time of the queue page for each request, as a superuser and as an editor."""
    from django.contrib.auth.models import Permission, User
    from django.test import Client

    admin = User.objects.filter(username="bench-admin").first()
    admin = admin or User.objects.create_superuser("bench-admin", password=None)
    editor, _ = User.objects.get_or_create(username="bench-editor", defaults={"is_staff": True})
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
            results[f"{label} {query or '(first page)'}"] = {
                **_percentiles(samples),
                "samples": samples,  # for percentiles over several rounds (--reference)
            }
            everything += samples
    return {"requests": results, "overall": _percentiles(everything)}


def pooled(runs: list[dict]) -> tuple[dict, dict]:
    """Percentiles per request and overall of several runs' samples taken together."""
    names = runs[0]["requests"]
    per_request = {
        name: _percentiles([s for run in runs for s in run["requests"][name]["samples"]])
        for name in names
    }
    every = [s for run in runs for name in names for s in run["requests"][name]["samples"]]
    return per_request, _percentiles(every)


def sizes() -> dict:
    """What the database holds, for the report of a run that did not build it."""
    from meetings.models import Meeting, Participation

    return {
        "meetings": Meeting.objects.count(),
        "flagged": Meeting.objects.filter(needs_review=True).count(),
        "participations": Participation.objects.count(),
        "build_s": None,
    }


def child(args) -> None:
    if args.code:  # time another checkout's code: import it, not this one
        sys.path.insert(0, args.code)
        os.chdir(args.code)
    import django

    django.setup()
    if args.measure_only:
        out = {**sizes(), **measure(args.repeat)}
    else:
        out = build(args.meetings, args.flagged)
        out.update(measure(args.repeat))
    print(json.dumps(out))


def _run_child(env, *options: str) -> dict | None:
    done = subprocess.run(
        [sys.executable, __file__, "--child", *options], cwd=ROOT, env=env, capture_output=True
    )
    if done.returncode:
        print(done.stderr.decode()[-4000:], file=sys.stderr)
        return None
    return json.loads(done.stdout.decode().strip().splitlines()[-1])


def _before_0013(code: str) -> bool:
    """Whether a checkout's migrations stop before 0013 (the queue's own index)."""
    return not list((Path(code) / "meetings" / "migrations").glob("0013_*.py"))


def compare(env, args, built: dict) -> dict | None:
    """This code and the reference checkout's, timed in turns on the same database."""
    rounds = {"reference": [], "this": []}
    old_index = _before_0013(args.reference)
    for _ in range(args.rounds):
        for name, code in (("reference", args.reference), ("this", "")):
            # Each with the indexes its own migrations make: the planner would take the
            # reference's for this code's queries too.
            _psql(REFERENCE_INDEX if code and old_index else DROP_REFERENCE_INDEX, PG_URL)
            _psql("ANALYZE meetings_meeting", PG_URL)
            options = ["--measure-only", "--repeat", str(args.repeat)]
            out = _run_child(env, *options, *(["--code", code] if code else []))
            if out is None:
                return None
            rounds[name].append(out)
    return rounds


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


def _load() -> str:
    """The machine's load averages: timings on a shared machine are read beside them."""
    return ", ".join(f"{n:.2f}" for n in os.getloadavg())


def _psql(sql: str, url: str = PG_ADMIN) -> None:
    # Without the notices ("index ... does not exist, skipping") between the report's lines.
    env = {**os.environ, "PGOPTIONS": "-c client_min_messages=warning"}
    subprocess.run(["psql", url, "-qc", sql], check=True, env=env)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--meetings", type=int, default=100_000)
    parser.add_argument("--flagged", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=20, help="timed requests per URL")
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="time the database a --keep run left, as it is (implies --keep)",
    )
    parser.add_argument(
        "--reference", metavar="CHECKOUT", help="also time this checkout's code, in turns"
    )
    parser.add_argument("--rounds", type=int, default=2, help="turns each, with --reference")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--measure-only", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--code", default="", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args)
        return 0
    env = bench_env()
    load_before = _load()
    if args.reuse:
        args.keep = True
    else:
        _psql("DROP DATABASE IF EXISTS diplomacy_bench_review")
        _psql("CREATE DATABASE diplomacy_bench_review")
    try:
        if args.reuse:
            print("timing the kept database again…")
            _psql(DROP_REFERENCE_INDEX, PG_URL)  # a reference run may have left 0011's
            out = _run_child(env, "--measure-only", "--repeat", str(args.repeat))
        else:
            subprocess.run(
                [sys.executable, str(ROOT / "manage.py"), "migrate", "-v0"],
                cwd=ROOT,
                env=env,
                check=True,
            )
            print(f"building {args.meetings:,} meetings, {args.flagged:,} flagged, on PostgreSQL…")
            out = _run_child(
                env,
                *("--meetings", str(args.meetings), "--flagged", str(args.flagged)),
                *("--repeat", str(args.repeat)),
            )
        if out is None:
            return 1
        rounds = compare(env, args, out) if args.reference else None
    finally:
        if not args.keep:
            _psql("DROP DATABASE IF EXISTS diplomacy_bench_review")
    built = f"built in {out['build_s']} s" if out["build_s"] is not None else "kept from before"
    print(
        f"{out['meetings']:,} meetings, {out['flagged']:,} flagged, "
        f"{out['participations']:,} participants, {built}"
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
    if rounds:
        print(f"\nin turns with {args.reference} (the reference) on the same database:")
        for i, (ref, this) in enumerate(zip(rounds["reference"], rounds["this"], strict=True)):
            a, b = ref["overall"], this["overall"]
            print(
                f"round {i + 1}: reference p50 {a['p50_ms']} / p95 {a['p95_ms']} ms, "
                f"this p50 {b['p50_ms']} / p95 {b['p95_ms']} ms, "
                f"p95 ratio {a['p95_ms'] / b['p95_ms']:.1f}x"
            )
        ref_requests, ref_all = pooled(rounds["reference"])
        this_requests, this_all = pooled(rounds["this"])
        print(f"\nall rounds together (ms){'':<36}{'reference':>20}{'this':>16}{'p95':>8}")
        print(f"{'request':<60}{'p50':>8}{'p95':>8}{'p50':>8}{'p95':>8}{'ratio':>8}")
        for name, a in ref_requests.items():
            b = this_requests[name]
            print(
                f"{name:<60}{a['p50_ms']:>8}{a['p95_ms']:>8}{b['p50_ms']:>8}{b['p95_ms']:>8}"
                f"{a['p95_ms'] / b['p95_ms']:>7.1f}x"
            )
        print(
            f"{'overall':<60}{ref_all['p50_ms']:>8}{ref_all['p95_ms']:>8}"
            f"{this_all['p50_ms']:>8}{this_all['p95_ms']:>8}"
            f"{ref_all['p95_ms'] / this_all['p95_ms']:>7.1f}x"
        )
        verdict = "met" if this_all["p95_ms"] < GOAL_MS else "MISSED"
        print(f"this code's p95 over {this_all['n']} requests: goal < {GOAL_MS} ms {verdict}")
    cores = os.cpu_count()
    print(f"\nload average (1, 5, 15 min) before: {load_before}, after: {_load()}; {cores} cores")
    return 0  # a report, not a test: the verdict is printed


if __name__ == "__main__":
    sys.exit(main())
