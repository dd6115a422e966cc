"""Write synthetic Turkish meeting articles for benchmarks and tests."""

from __future__ import annotations

import os
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from meetings.corpus import write_corpus

MAX_ARTICLES = 10_000_000  # gen_NNNNNN.txt has six digits; past that the names stop sorting


def _positive_count(value: str) -> int:
    try:
        count = int(value)
    except ValueError:
        raise CommandError(f"--articles must be a whole number, not {value!r}") from None
    if not 1 <= count < MAX_ARTICLES:
        raise CommandError(f"--articles must be between 1 and {MAX_ARTICLES - 1:,}, not {count}")
    return count


class Command(BaseCommand):
    help = (
        "Write N synthetic Turkish news articles about diplomatic meetings into DIR, one UTF-8 "
        "file each (gen_000001.txt, …). Countries, invented people, titles, meeting verbs, quote "
        "styles, dates and agreements are drawn from tables; the same --seed gives the same "
        "files, and the first N articles of a larger corpus are the N-article corpus."
    )

    def add_arguments(self, parser):
        # Parsed in handle() so that a bad value is a CommandError with our message.
        parser.add_argument("--articles", required=True, metavar="N", help="How many articles.")
        parser.add_argument("--out", required=True, type=Path, metavar="DIR")
        parser.add_argument("--seed", type=int, default=1, help="Random seed (default 1).")

    def handle(self, *args, articles, out, seed, **options):
        count = _positive_count(str(articles))
        out = self._ready(Path(out))
        started = time.perf_counter()
        try:
            files, size = write_corpus(out, count, seed=seed)
        except OSError as exc:
            raise CommandError(f"{out}: cannot write articles: {exc.strerror or exc}") from exc
        elapsed = time.perf_counter() - started
        self.stdout.write(
            f"Wrote {files:,} articles ({size / 1_000_000:.1f} MB, "
            f"{size / files / 1000:.1f} KB each on average) to {out} in {elapsed:.1f} s "
            f"(seed {seed})."
        )

    def _ready(self, out: Path) -> Path:
        """The output directory, created if need be; CommandError if it cannot be written."""
        if out.exists() and not out.is_dir():
            raise CommandError(f"{out}: exists and is not a directory")
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise CommandError(f"{out}: cannot create the directory: {exc.strerror}") from exc
        if not os.access(out, os.W_OK | os.X_OK):
            raise CommandError(f"{out}: the directory is not writable")
        return out
