"""bench_import: how fast `manage.py import_articles` fills SQLite and PostgreSQL, and its memory.

How to run it (from the project root, with the project's virtualenv; not part of `pytest`):

    .venv/bin/python tests/bench/bench_import.py                   # 1,000 and 10,000 articles
    .venv/bin/python tests/bench/bench_import.py --articles 2000   # 1,000 and 2,000
    .venv/bin/python tests/bench/bench_import.py --sizes 50 --backends sqlite   # a quick check

What it does:
1. generates the synthetic corpus (`meetings.corpus`, the code behind
   `manage.py generate_corpus`) into a temporary directory; the N-article corpus is the
   first N files of the largest one;
2. for each backend and each size, starts from an empty database — a new SQLite file
   (DATABASE_URL=sqlite:////tmp/…) or a PostgreSQL database it creates and drops itself
   (`createdb`/`dropdb -h 127.0.0.1 -U postgres diplomacy_bench`) — runs `manage.py migrate`
   and `load_known_entities` (untimed), then times `manage.py import_articles DIR --jobs J`
   as a child process with production settings (DEBUG off), for each J in --jobs;
3. prints a table: wall time, articles/s and the child's peak memory (max RSS from
   wait4(), the same figure as /usr/bin/time -v's "Maximum resident set size"), then for
   each backend and --jobs the largest run against the smallest as ratios of speed and of
   peak memory, both measured in this one run.

With --reference CHECKOUT (another checkout of the project, say the commit before a change:
`git worktree add /tmp/import-before HEAD~1`), every run is made with that code and with this
one in turns (reference, this, reference, this: --rounds of each), each on a fresh database
its own migrations made, and the table gives both codes' median speed and the ratio of this
code's to the reference's: both measured in one run, under the same machine load. Each code's
extraction alone (a child that only reads and extracts the corpus, no database) is timed
too: the ceiling no import can pass with --jobs 1.

The time includes the child's Django start-up (about a second), which matters only at small
sizes. Peak memory should stay flat from 1,000 to 10,000 articles; a growing figure means the
importer keeps something per article. Needs PostgreSQL listening on 127.0.0.1:5432 for the
postgres rows (use --backends sqlite without it).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from meetings.corpus import write_corpus  # noqa: E402

PG_HOST = "127.0.0.1"
PG_USER = "postgres"
PG_DB = "diplomacy_bench"
PG_URL = f"postgres://{PG_USER}@{PG_HOST}:5432/{PG_DB}"


@dataclass
class Result:
    backend: str
    articles: int
    seconds: float
    peak_mb: float
    summary: str
    returncode: int
    jobs: int = 1
    code: str = "this"

    @property
    def rate(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0


def run_child(
    args: list[str], env: dict[str, str], log: Path, cwd: Path = ROOT
) -> tuple[int, float, float]:
    """Run a command; return (exit code, wall seconds, peak RSS in MB) of that child alone."""
    started = time.perf_counter()
    with log.open("wb") as out:
        proc = subprocess.Popen(args, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT)
        # wait4 gives this child's own rusage; RUSAGE_CHILDREN would be the max over all children.
        _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    return proc.returncode, elapsed, usage.ru_maxrss / 1024  # Linux reports KiB


def manage(*args: str, root: Path = ROOT) -> list[str]:
    return [sys.executable, str(root / "manage.py"), *args]


# Run in a child with the checkout's own code: read and extract every file of a folder, no
# database; prints the articles per second.
EXTRACT_ONLY = """
import sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from meetings.extraction import extract
files = sorted(Path(sys.argv[2]).glob("*.txt"))
started = time.perf_counter()
for path in files:
    extract(path.read_bytes(), filename=path.name)
print(len(files) / (time.perf_counter() - started))
"""


def extraction_rate(root: Path, corpus: Path) -> float:
    """Articles per second that root's extractor alone reads and extracts from corpus."""
    done = subprocess.run(
        [sys.executable, "-c", EXTRACT_ONLY, str(root), str(corpus)],
        capture_output=True,
        text=True,
        check=True,
    )
    return float(done.stdout.strip())


def fresh_database(backend: str, workdir: Path, size: int) -> str:
    """An empty database for one run; returns its DATABASE_URL."""
    if backend == "sqlite":
        path = workdir / f"bench_{size}.sqlite3"
        path.unlink(missing_ok=True)
        return f"sqlite:///{path}"  # path is absolute, so this is sqlite:////tmp/…
    pg = ["-h", PG_HOST, "-U", PG_USER]
    subprocess.run(["dropdb", *pg, "--if-exists", PG_DB], check=True)
    subprocess.run(["createdb", *pg, PG_DB], check=True)
    return PG_URL


def drop_postgres() -> None:
    subprocess.run(["dropdb", "-h", PG_HOST, "-U", PG_USER, "--if-exists", PG_DB], check=False)


def corpus_dirs(workdir: Path, sizes: list[int], seed: int) -> dict[int, Path]:
    """One directory per size; the smaller ones hard-link the first files of the largest."""
    largest = max(sizes)
    full = workdir / f"corpus_{largest}"
    full.mkdir()
    started = time.perf_counter()
    _, size = write_corpus(full, largest, seed=seed)
    print(
        f"generated {largest:,} articles ({size / 1e6:.1f} MB) in "
        f"{time.perf_counter() - started:.1f} s",
        flush=True,
    )
    names = sorted(p.name for p in full.iterdir())
    dirs = {largest: full}
    for n in sizes:
        if n == largest:
            continue
        d = workdir / f"corpus_{n}"
        d.mkdir()
        for name in names[:n]:
            try:
                os.link(full / name, d / name)
            except OSError:
                shutil.copy2(full / name, d / name)
        dirs[n] = d
    return dirs


def bench(
    backend: str, size: int, corpus: Path, workdir: Path, jobs: int, root: Path = ROOT
) -> Result:
    # Production settings: DEBUG would wrap every query in Django's logging cursor.
    env = dict(
        os.environ,
        DJANGO_DEBUG="0",
        SECRET_KEY="bench-only-secret-key",
        ALLOWED_HOSTS="localhost",
        DATABASE_URL=fresh_database(backend, workdir, size),
    )
    env.pop("PYTHONHASHSEED", None)
    log = workdir / f"{backend}_{size}.log"
    code, _, _ = run_child(manage("migrate", "--noinput", "-v", "0", root=root), env, log, root)
    if code:
        raise SystemExit(f"{backend}: migrate failed:\n{log.read_text()[-2000:]}")
    # Untimed: countries and known people, as `make run` loads them, so resolution works as
    # it does in use (without countries every meeting would be flagged unknown_country).
    code, _, _ = run_child(manage("load_known_entities", "-v", "0", root=root), env, log, root)
    if code:
        raise SystemExit(f"{backend}: load_known_entities failed:\n{log.read_text()[-2000:]}")
    code, seconds, peak = run_child(
        manage("import_articles", str(corpus), "--jobs", str(jobs), root=root), env, log, root
    )
    text = log.read_text(errors="replace")
    summary = next((ln for ln in text.splitlines() if re.match(r"\d+ files:", ln)), "")
    if not summary:
        print(f"{backend} {size}: no summary line; the end of its output:\n{text[-2000:]}")
    label = "this" if root == ROOT else "reference"
    return Result(backend, size, seconds, peak, summary, code, jobs, label)


def print_table(results: list[Result]) -> None:
    header = (
        f"{'code':<10} {'backend':<10} {'jobs':>4} {'articles':>9} {'seconds':>9} "
        f"{'articles/s':>11} {'peak RSS':>10}"
    )
    print()
    print(header)
    print("-" * len(header))
    for r in results:
        print(
            f"{r.code:<10} {r.backend:<10} {r.jobs:>4} {r.articles:>9,} {r.seconds:>9.1f} "
            f"{r.rate:>11.1f} {r.peak_mb:>7.0f} MB"
            + ("" if r.returncode == 0 else f"  (exit {r.returncode})")
        )
    print()
    for r in results:
        print(f"{r.code} {r.backend} --jobs {r.jobs} {r.articles:,}: {r.summary or '(no summary)'}")
    print()
    for line in growth([r for r in results if r.code == "this"]) + against_reference(results):
        print(line)


def against_reference(results: list[Result]) -> list[str]:
    """For each backend, --jobs and size timed with both codes: each code's median speed and
    this code's against the reference's, as a ratio (above 1.0: this code is faster)."""
    lines = []
    for key in dict.fromkeys((r.backend, r.jobs, r.articles) for r in results):
        rates = {
            code: [
                r.rate for r in results if (r.backend, r.jobs, r.articles) == key and r.code == code
            ]
            for code in ("this", "reference")
        }
        if not rates["this"] or not rates["reference"]:
            continue
        this, reference = statistics.median(rates["this"]), statistics.median(rates["reference"])
        backend, jobs, articles = key
        lines.append(
            f"{backend} --jobs {jobs}, {articles:,} articles: this code {this:.1f} articles/s, "
            f"reference {reference:.1f} (medians of {len(rates['this'])}); "
            f"ratio {this / reference:.2f}x"
        )
    return lines


def growth(results: list[Result]) -> list[str]:
    """For each backend and --jobs, the largest run against the smallest, as ratios: flat
    memory is a ratio near 1.0, and so is a speed that does not fall as the database fills."""
    lines = []
    for backend, jobs in dict.fromkeys((r.backend, r.jobs) for r in results):
        runs = sorted(
            (r for r in results if (r.backend, r.jobs) == (backend, jobs)), key=lambda r: r.articles
        )
        small, large = runs[0], runs[-1]
        if small.articles == large.articles or not small.rate or not small.peak_mb:
            continue
        speed, memory = large.rate / small.rate, large.peak_mb / small.peak_mb
        lines.append(
            f"{backend} --jobs {jobs}, {large.articles:,} against {small.articles:,} articles: "
            f"speed {speed:.2f}x, peak memory {memory:.2f}x"
        )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument(
        "--articles", type=int, default=10_000, help="largest corpus (default 10,000)"
    )
    parser.add_argument(
        "--sizes",
        type=lambda s: [int(x) for x in s.split(",")],
        default=None,
        help="comma-separated sizes to run (default: 1000 and --articles)",
    )
    parser.add_argument("--backends", default="sqlite,postgres", help="sqlite,postgres")
    parser.add_argument(
        "--jobs",
        type=lambda s: [int(x) for x in s.split(",")],
        default=[1, 2],
        help="comma-separated worker counts for import_articles --jobs (default 1,2)",
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory")
    parser.add_argument(
        "--reference",
        type=Path,
        metavar="CHECKOUT",
        help="another checkout of the project, timed in turns with this one",
    )
    parser.add_argument("--rounds", type=int, default=2, help="turns each, with --reference")
    args = parser.parse_args(argv)
    if args.reference and not (args.reference / "manage.py").is_file():
        parser.error(f"--reference {args.reference}: no manage.py there")
    if args.rounds < 1:
        parser.error("--rounds must be at least 1")
    roots = [args.reference.resolve(), ROOT] * args.rounds if args.reference else [ROOT]

    sizes = args.sizes or sorted({min(1000, args.articles), args.articles})
    if any(n < 1 for n in sizes):
        parser.error("sizes must be positive")
    backends = [b.strip() for b in args.backends.split(",") if b.strip()]
    unknown = set(backends) - {"sqlite", "postgres"}
    if unknown:
        parser.error(f"unknown backend(s): {', '.join(sorted(unknown))}")

    workdir = Path(tempfile.mkdtemp(prefix="bench_import_"))
    results: list[Result] = []
    ceilings: list[str] = []  # each code's extraction alone
    try:
        dirs = corpus_dirs(workdir, sizes, args.seed)
        smallest = dirs[min(sizes)]
        for root in dict.fromkeys(roots):
            rate = extraction_rate(root, smallest)
            name = "this code" if root == ROOT else "reference"
            ceilings.append(
                f"{name}: extraction alone (no database), {min(sizes):,} articles: "
                f"{rate:.1f} articles/s"
            )
            print(ceilings[-1], flush=True)
        for backend in backends:
            for jobs in args.jobs:
                for n in sizes:
                    for root in roots:
                        name = "" if root == ROOT else " (reference)"
                        print(
                            f"{backend} --jobs {jobs}{name}: importing {n:,} articles…", flush=True
                        )
                        results.append(bench(backend, n, dirs[n], workdir, jobs, root))
                        r = results[-1]
                        print(
                            f"  {r.seconds:.1f} s, {r.rate:.1f} articles/s, peak {r.peak_mb:.0f} MB"
                        )
    finally:
        if "postgres" in backends:
            drop_postgres()
        if args.keep:
            print(f"kept {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    print_table(results)
    for line in ceilings:
        print(line)
    return 0 if all(r.returncode == 0 for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
