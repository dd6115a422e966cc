"""bench_records_quality: the records-quality check over the dev set plus 1,000 generated articles.

How to run it (from the project root, with the project's virtualenv; not part of `pytest`):

    .venv/bin/python tests/bench/bench_records_quality.py                       # both databases
    .venv/bin/python tests/bench/bench_records_quality.py --articles 300 --backends sqlite

What it does (the same check as tests/ingest/test_records_quality.py, at a larger size):
1. writes the repo's dev-set articles (tests/extraction/devset/articles) and --articles
   generated ones (`meetings.corpus`, the generator behind `manage.py generate_corpus`, seed
   --seed) into a temporary directory;
2. for each backend, starts from an empty database: a new SQLite file, or its own PostgreSQL
   database `diplomacy_bench_quality` on 127.0.0.1 (dropped and created again, dropped at the
   end); migrates it, loads the known entities and runs `manage.py import_articles DIR
   --jobs J` with production settings (DEBUG off);
3. runs the check in a child interpreter (tests/ingest/quality.py) and prints it: the
   counts of people, agreements and meetings, the dev-set part's counts against its gold,
   and every kind of defect found with examples: agreements named only by a generic noun,
   people known by a surname alone that exactly one other person bears, people taking part
   twice in a meeting, countries without an ISO code.

Exit status 1 if any import failed or any defect was found, else 0. Needs PostgreSQL on
127.0.0.1:5432 for the postgres run (use --backends sqlite without it).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from meetings.corpus import write_corpus  # noqa: E402

MANAGE = str(ROOT / "manage.py")
DEVSET = ROOT / "tests" / "extraction" / "devset" / "articles"
PG = ["-h", "127.0.0.1", "-U", "postgres"]
PG_DB = "diplomacy_bench_quality"
PG_URL = f"postgres://postgres@127.0.0.1:5432/{PG_DB}"
# Run in a plain child interpreter, not `manage.py shell`, which loads the URLconf too.
CHECK = (
    "import django; django.setup(); "
    "from tests.ingest.quality import check_records, devset_counts, report; "
    "q = check_records(); print(report(q, devset_counts())); "
    "print('DEFECTS', len(q.defects()))"
)


def child(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    """Run Python in a child process; its output is returned, not printed."""
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def fresh_database(backend: str, workdir: Path) -> str:
    """An empty database for one run; returns its DATABASE_URL."""
    if backend == "sqlite":
        return f"sqlite:///{workdir / 'quality.sqlite3'}"
    subprocess.run(["dropdb", *PG, "--if-exists", PG_DB], check=True)
    subprocess.run(["createdb", *PG, PG_DB], check=True)
    return PG_URL


def run(backend: str, corpus: Path, workdir: Path, jobs: int) -> bool:
    """Import the corpus into a fresh database and print the check; True if all is well."""
    env = dict(
        os.environ,
        DJANGO_DEBUG="0",
        SECRET_KEY="bench-only-secret-key",
        ALLOWED_HOSTS="localhost",
        DATABASE_URL=fresh_database(backend, workdir),
        DJANGO_SETTINGS_MODULE="diplomacy.settings",
        PYTHONPATH=str(ROOT),
    )
    for step in (("migrate", "--noinput", "-v0"), ("load_known_entities", "-v0")):
        done = child(env, MANAGE, *step)
        if done.returncode:
            print(f"{backend}: {step[0]} failed:\n{done.stderr[-2000:]}")
            return False
    started = time.perf_counter()
    done = child(env, MANAGE, "import_articles", str(corpus), "--jobs", str(jobs))
    seconds = time.perf_counter() - started
    summary = [ln for ln in done.stdout.splitlines() if ln.strip()][-2:]
    print(f"{backend} --jobs {jobs}: imported in {seconds:.1f} s: {' '.join(summary)}")
    if done.returncode:
        print(done.stderr[-2000:])
    check = child(env, "-c", CHECK)
    lines = check.stdout.splitlines()
    print("\n".join(f"  {ln}" for ln in lines if not ln.startswith("DEFECTS")))
    if check.returncode:
        print(check.stderr[-2000:])
        return False
    return done.returncode == 0 and "DEFECTS 0" in lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--articles", type=int, default=1000, help="generated articles")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--backends", default="sqlite,postgres", help="sqlite,postgres")
    parser.add_argument("--jobs", type=int, default=1, help="import_articles --jobs")
    args = parser.parse_args(argv)
    backends = [b.strip() for b in args.backends.split(",") if b.strip()]
    unknown = set(backends) - {"sqlite", "postgres"}
    if unknown:
        parser.error(f"unknown backend(s): {', '.join(sorted(unknown))}")

    workdir = Path(tempfile.mkdtemp(prefix="bench_quality_"))
    try:
        corpus = workdir / "articles"
        corpus.mkdir()
        write_corpus(corpus, args.articles, seed=args.seed)
        for article in DEVSET.iterdir():
            shutil.copy(article, corpus / article.name)
        print(f"the dev set and {args.articles:,} generated articles (seed {args.seed})")
        ok = [run(backend, corpus, workdir, args.jobs) for backend in backends]
    finally:
        if "postgres" in backends:
            subprocess.run(["dropdb", *PG, "--if-exists", PG_DB], check=False)
        shutil.rmtree(workdir, ignore_errors=True)
    return 0 if all(ok) else 1


if __name__ == "__main__":
    sys.exit(main())
