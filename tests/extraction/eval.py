"""Score the extractor on the dev set and the seeds, in this process, with the shared scorer.

    python tests/extraction/eval.py [--verbose] [--write-baseline]

Prints the pooled figure of every measure for each set (the same figures as the `== devset`
line of ../shared/score_extraction.py, whose copy sits beside this file); --verbose adds
each article's misses. --write-baseline stores today's dev-set figures in
devset_baseline.json, the floor that test_devset_scores.py holds the extractor to: run it
when an improvement raises a figure, and commit the file with the improvement.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
if str(ROOT) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(ROOT))

from meetings.extraction import ExtractionError, extract  # noqa: E402
from tests.extraction.score_extraction import GOALS, load_set, score_article  # noqa: E402

DEVSET = HERE / "devset"
SEED_GOLD = HERE / "golden" / "expected.json"
SEED_ARTICLES = ROOT / "fixtures" / "articles"
BASELINE = HERE / "devset_baseline.json"
MEASURES = [k for k in GOALS if k != "crashes"]


@dataclass
class Scores:
    """One set scored: each measure's figure pooled over the set, and what was missed."""

    figures: dict[str, float]
    meetings: int
    crashes: list[str] = field(default_factory=list)
    misses: dict[str, list[str]] = field(default_factory=dict)

    def line(self) -> str:
        """The figures as the scorer prints them."""
        return " ".join(f"{k}={v:.2f}" for k, v in self.figures.items())


def score(items: list[dict], articles: Path) -> Scores:
    """Extract every article of a gold set and pool each measure over the set, exactly as
    score_sets does: every article's values in one list per measure, then their mean (1.0
    for a measure with nothing to count)."""
    totals: dict[str, list[float]] = {k: [] for k in MEASURES}
    crashes, misses = [], {}
    for item in items:
        path = articles / item["file"]
        try:
            pred = extract(path.read_bytes(), path.name).to_json()
        except (OSError, ExtractionError) as exc:
            crashes.append(f"{item['file']}: {exc}")
            pred = {"meetings": []}
        values, notes = score_article(item, pred)
        for k, v in values.items():
            totals[k].extend(v)
        if notes:
            misses[item["file"]] = notes
    figures = {k: (sum(v) / len(v) if v else 1.0) for k, v in totals.items()}
    return Scores(figures, len(totals["participants_f1"]), crashes, misses)


def devset_scores() -> Scores:
    """The dev set (tests/extraction/devset, a copy of ../shared/devset) scored."""
    return score(*load_set(DEVSET))


def seed_scores() -> Scores:
    """The two seed articles scored against the careful reading in golden/expected.json."""
    items = json.loads(SEED_GOLD.read_text(encoding="utf-8"))["articles"]
    return score(items, SEED_ARTICLES)


def rounded(figures: dict[str, float]) -> dict[str, float]:
    """Figures to two decimals, as the scorer prints them and the baseline keeps them."""
    return {k: round(v, 2) for k, v in figures.items()}


def load_baseline() -> dict[str, float]:
    """The committed floor for each dev-set measure."""
    return json.loads(BASELINE.read_text(encoding="utf-8"))


def write_baseline(scores: Scores) -> None:
    """Store the dev set's figures as the new floor."""
    BASELINE.write_text(json.dumps(rounded(scores.figures), indent=2) + "\n", encoding="utf-8")


def report(name: str, scores: Scores, verbose: bool) -> None:
    if verbose:
        for file, notes in scores.misses.items():
            print(file)
            for note in notes:
                print(f"    {note}")
    for crash in scores.crashes:
        print(f"CRASH {crash}")
    print(f"== {name} ({scores.meetings} meetings): {scores.line()}")


def main(argv: list[str]) -> int:
    verbose = "--verbose" in argv
    seeds, devset = seed_scores(), devset_scores()
    report("seeds", seeds, verbose)
    report("devset", devset, verbose)
    if BASELINE.exists():
        floor = load_baseline()
        now = rounded(devset.figures)
        below = [f"{k} {now[k]:.2f} < {floor[k]:.2f}" for k in floor if now.get(k, 0) < floor[k]]
        above = [k for k in floor if now.get(k, 0) > floor[k]]
        print("below the baseline: " + ("; ".join(below) or "nothing"))
        if above:
            print("above the baseline (raise it with make eval-baseline): " + ", ".join(above))
    if "--write-baseline" in argv:
        if devset.crashes:
            print("not written: the extractor crashed on the dev set", file=sys.stderr)
            return 1
        write_baseline(devset)
        print(f"wrote {BASELINE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
