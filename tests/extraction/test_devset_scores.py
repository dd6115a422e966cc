"""The extractor never falls below its committed dev-set figures, and the seeds stay perfect.

Scored in this process with the shared scorer's own measures (score_extraction.py, copied
unchanged from ../shared), pooled over the set as its `== devset` line pools them, and compared
at the two decimals it prints. After an improvement, raise the floor with `make eval-baseline`
and commit devset_baseline.json with it; `make eval` prints the figures and the misses.
"""

from __future__ import annotations

import pytest

from .eval import MEASURES, Scores, devset_scores, load_baseline, rounded, seed_scores

TOLERANCE = 1e-9  # the figures are compared as printed, to two decimals


@pytest.fixture(scope="module")
def devset() -> Scores:
    return devset_scores()


@pytest.fixture(scope="module")
def seeds() -> Scores:
    return seed_scores()


def _misses(scores: Scores) -> str:
    return "\n".join(f"{f}: {'; '.join(notes)}" for f, notes in scores.misses.items())


def test_the_baseline_names_every_measure() -> None:
    assert list(load_baseline()) == MEASURES


@pytest.mark.parametrize("measure", MEASURES)
def test_devset_measure_is_not_below_the_baseline(devset: Scores, measure: str) -> None:
    floor = load_baseline()[measure]
    now = rounded(devset.figures)[measure]
    assert now >= floor - TOLERANCE, (
        f"{measure} fell to {now:.2f} from the baseline {floor:.2f}\n{_misses(devset)}"
    )


def test_no_devset_article_crashes_the_extractor(devset: Scores) -> None:
    assert devset.crashes == []
    assert devset.meetings == 47  # every gold meeting was scored


@pytest.mark.parametrize("measure", MEASURES)
def test_seeds_score_perfectly(seeds: Scores, measure: str) -> None:
    assert rounded(seeds.figures)[measure] == 1.0, _misses(seeds)
    assert seeds.crashes == []
