"""Extraction throughput and memory over a corpus of at least 10 MB. A benchmark, not a test.

Run from the project root:  python tests/bench/bench_extraction.py [--mb 10] [--processes N]

The corpus is built from the seed articles and the extraction test articles, varied so that
no two documents are the same: paragraphs reordered and repeated, numbers and days changed,
and a share of the files in cp1254 and UTF-16 so that decoding is measured too. It reports
MB/s per core (megabytes per CPU-second of one process, which other load on the machine
does not distort) beside wall-clock MB/s, the same for several processes sharing the corpus,
the peak resident memory of the process, and the peak Python allocation while reading the
largest document (tracemalloc).
"""

from __future__ import annotations

import argparse
import os
import random
import re
import resource
import sys
import time
import tracemalloc
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from meetings.extraction import ExtractionError, extract  # noqa: E402

SOURCES = sorted((ROOT / "fixtures" / "articles").glob("*.txt")) + sorted(
    (ROOT / "tests" / "extraction" / "articles").glob("*.txt")
)
ENCODINGS = ["utf-8"] * 7 + ["cp1254", "utf-16", "utf-8-sig"]


def _texts() -> list[str]:
    texts = []
    for path in SOURCES:
        raw = path.read_bytes()
        for encoding in ("utf-8-sig", "utf-16", "cp1254"):
            try:
                text = raw.decode(encoding)
            except UnicodeDecodeError:
                continue
            if "\x00" not in text:
                texts.append(text.replace("\r\n", "\n"))
                break
    return texts


def _vary(text: str, rng: random.Random) -> str:
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    head, body = paragraphs[:1], paragraphs[1:]
    rng.shuffle(body)
    body += rng.sample(body, k=min(len(body), rng.randint(0, 3)))
    varied = "\n\n".join(head + body)
    varied = re.sub(r"\b\d{1,2}\b", lambda _: str(rng.randint(1, 28)), varied)
    if rng.random() < 0.2:
        varied = varied.replace("\n", "\r\n")
    return varied


def build_corpus(megabytes: float, seed: int = 7) -> list[bytes]:
    """Documents in assorted encodings until their bytes add up to ``megabytes``."""
    rng = random.Random(seed)
    texts = _texts()
    corpus: list[bytes] = []
    size = 0
    while size < megabytes * 1_000_000:
        text = _vary(rng.choice(texts), rng)
        try:
            raw = text.encode(rng.choice(ENCODINGS))
        except UnicodeEncodeError:
            raw = text.encode("utf-8")
        corpus.append(raw)
        size += len(raw)
    return corpus


def _run(corpus: list[bytes]) -> tuple[int, int, float, float]:
    """Extract every document: (read, refused, wall seconds, CPU seconds of this process)."""
    start, cpu = time.perf_counter(), time.process_time()
    done = failed = 0
    for raw in corpus:
        try:
            extract(raw)
            done += 1
        except ExtractionError:
            failed += 1
    return done, failed, time.perf_counter() - start, time.process_time() - cpu


def main() -> None:
    """Build the corpus, time it on one core and on several, and report memory."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=10.0, help="corpus size in MB (default 10)")
    parser.add_argument(
        "--processes", type=int, default=os.cpu_count() or 1, help="processes for the parallel run"
    )
    args = parser.parse_args()

    corpus = build_corpus(args.mb)
    total = sum(len(raw) for raw in corpus)
    mb = total / 1_000_000
    print(f"corpus: {len(corpus)} documents, {mb:.1f} MB ({len(SOURCES)} source articles)")

    extract(corpus[0])  # load the lexicon outside the timing
    done, failed, seconds, cpu = _run(corpus)
    print(
        f"one core: {mb / cpu:.2f} MB/s per CPU-second, {mb / seconds:.2f} MB/s wall "
        f"({done / seconds:.0f} articles/s, {seconds:.1f} s, {failed} refused)"
    )
    load = os.getloadavg()[0]
    if load > (os.cpu_count() or 1) * 0.75:
        print(f"  note: load average {load:.1f}; other work shares the cores, wall times suffer")

    if args.processes > 1:
        chunks = [corpus[i :: args.processes] for i in range(args.processes)]
        start = time.perf_counter()
        with ProcessPoolExecutor(args.processes) as pool:
            results = list(pool.map(_run, chunks))
        wall = time.perf_counter() - start
        cpu_total = sum(r[3] for r in results)
        print(
            f"{args.processes} processes: {mb / wall:.2f} MB/s wall in all; "
            f"{mb / cpu_total:.2f} MB/s per CPU-second in each worker"
        )

    largest = max(corpus, key=len)
    tracemalloc.start()
    extract(largest)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory: {rss:.0f} MB resident (corpus in memory included); ", end="")
    print(f"{peak / 1_000_000:.1f} MB allocated reading the largest document ({len(largest)} B)")


if __name__ == "__main__":
    main()
