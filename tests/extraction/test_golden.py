"""The seeds read as a careful reader reads them (expected.json), and every article as before.

Two kinds of check:
- against ``golden/expected.json``, a human reading of the two seeds; these never regenerate;
- against the stored extractor output ``golden/<article>.json`` for the seeds and for every
  article in ``articles/``. After an intended change, regenerate them with
  ``UPDATE_GOLDEN=1 pytest tests/extraction/test_golden.py`` and review the diff.

Where the reading needs knowledge the text does not give (expected.json marks it "world
knowledge" or "same_as" another article's agreement), the check asks only for what the text
can support; each such place says so.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import pytest

from meetings.extraction.records import ExtractedArticle, Meeting

from .helpers import ARTICLES, GOLDEN, SEEDS, read

EXPECTED = json.loads((GOLDEN / "expected.json").read_text(encoding="utf-8"))["articles"]
SEED_IDS = [a["file"] for a in EXPECTED]
# A reported-speech clause may open with a few words the reader left out (a relative clause
# such as "Ermenistan ile imzalanan"); the reader's first words must follow within this many.
START_SLACK_WORDS = 3


def _expected(file: str) -> dict[str, Any]:
    return next(a for a in EXPECTED if a["file"] == file)


@pytest.fixture(scope="module", params=SEED_IDS)
def seed(request: pytest.FixtureRequest) -> tuple[dict[str, Any], ExtractedArticle]:
    expected = _expected(request.param)
    return expected, read(SEEDS / request.param)


def _meeting(seed: tuple[dict[str, Any], ExtractedArticle]) -> tuple[dict[str, Any], Meeting]:
    expected, article = seed
    assert len(article.meetings) == len(expected["meetings"]) == 1
    return expected["meetings"][0], article.meetings[0]


def test_meeting_date_place_and_kind(seed: tuple[dict[str, Any], ExtractedArticle]) -> None:
    want, got = _meeting(seed)
    assert got.date.iso() == want["date"]
    assert got.date.precision == want["date_precision"]
    assert got.location is not None
    assert (got.location.name, got.location.country) == (
        want["location"]["name"],
        want["location"]["country"],
    )
    assert got.kind == want["kind"].split()[0]


def test_host_guests_and_delegation(seed: tuple[dict[str, Any], ExtractedArticle]) -> None:
    want, got = _meeting(seed)
    by_role: dict[str, list[dict[str, Any]]] = {
        "host": [want["host"]],
        "guest": want["guests"],
        "delegation": want["delegation"],
    }
    for role, people in by_role.items():
        have = {p.name: p for p in got.participants if p.role == role}
        assert set(have) == {p["name"] for p in people}, role
        for p in people:
            assert (have[p["name"]].title, have[p["name"]].country) == (p["title"], p["country"])


def test_people_mentioned_but_not_present(seed: tuple[dict[str, Any], ExtractedArticle]) -> None:
    (want, _), article = _meeting(seed), seed[1]
    # An office named without a person ("Ermenistan Başbakanı") has no name to record.
    named = [p for p in want["persons_mentioned_not_present"] if p["name"]]
    have = {p.name: p for p in article.mentioned_persons}
    assert set(have) == {p["name"] for p in named}
    for p in named:
        assert (have[p["name"]].title, have[p["name"]].country) == (p["title"], p["country"])


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+(?:'[^\W_]+)?", text)


def _matches(statement_text: str, want: dict[str, Any]) -> bool:
    words, starts = _words(statement_text), _words(want["starts"])
    at = [i for i in range(START_SLACK_WORDS + 1) if words[i : i + len(starts)] == starts]
    if not at:
        return False
    if "ends" in want:
        return _words(statement_text)[-len(_words(want["ends"])) :] == _words(want["ends"])
    return True


def test_every_statement_with_speaker_and_kind(
    seed: tuple[dict[str, Any], ExtractedArticle],
) -> None:
    want, got = _meeting(seed)
    for expected in want["statements"]:
        found = [
            s
            for s in got.statements
            if s.speaker == expected["speaker"]
            and s.direct == expected["direct"]
            and _matches(s.text, expected)
        ]
        assert len(found) == 1, expected
    # Nothing more: the headline's repeated quote is one statement, not two.
    assert len(got.statements) == len(want["statements"])


def test_direct_quotes_start_where_the_quotation_starts(
    seed: tuple[dict[str, Any], ExtractedArticle],
) -> None:
    want, got = _meeting(seed)
    for expected in (s for s in want["statements"] if s["direct"]):
        found = [s for s in got.statements if s.direct and _matches(s.text, expected)]
        assert found and _words(found[0].text)[: len(_words(expected["starts"]))] == _words(
            expected["starts"]
        )


def test_agreement_clusters(seed: tuple[dict[str, Any], ExtractedArticle]) -> None:
    want, got = _meeting(seed)
    assert len(got.agreements) == len(want["agreements"])
    for expected in want["agreements"]:
        clusters = [
            a for a in got.agreements if set(expected["mentions"]) <= {m.text for m in a.mentions}
        ]
        assert len(clusters) == 1, expected["mentions"]
        cluster = clusters[0]
        if "status" in expected:
            assert cluster.status == expected["status"]
        if "same_as" in expected:
            # The parties of an agreement known from another article are linked at import
            # time; from this text alone only some of them can be read.
            assert cluster.parties and set(cluster.parties) <= set(expected["parties"])
        else:
            assert sorted(cluster.parties) == sorted(expected["parties"])


def test_the_article_without_a_date_says_so() -> None:
    article = read(SEEDS / "001_1281da8a27769593.txt")
    assert "no date in the article" in article.warnings
    assert article.source.date.precision == "unknown"


def test_the_header_date_is_not_part_of_the_text_or_title() -> None:
    article = read(SEEDS / "000_c0a32fc8072f6d9b.txt")
    assert not article.text.startswith("date")
    assert article.source.title.startswith("Azerbaycan Cumhurbaşkanı İlham Aliyev")
    assert article.source.date.iso() == "2020-11"


# --- stored extractor output -------------------------------------------------------------

ALL_ARTICLES = sorted(SEEDS.glob("*.txt")) + sorted(ARTICLES.glob("*.txt"))


def _golden_path(path: Path) -> Path:
    folder = GOLDEN if path.parent == SEEDS else GOLDEN / "articles"
    return folder / f"{path.stem}.json"


@pytest.mark.parametrize("path", ALL_ARTICLES, ids=lambda p: p.name)
def test_output_matches_the_stored_golden_file(path: Path) -> None:
    got = read(path).to_json()
    golden = _golden_path(path)
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(json.dumps(got, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    assert golden.exists(), f"no golden file: run UPDATE_GOLDEN=1 pytest {__file__}"
    assert got == json.loads(golden.read_text(encoding="utf-8"))
