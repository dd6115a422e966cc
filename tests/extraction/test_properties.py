"""Properties that hold for any input: only ExtractionError escapes, and every span is honest."""

from __future__ import annotations

import contextlib
import json
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from meetings.extraction import ExtractionError, extract

from .helpers import ARTICLES, SEEDS, assert_spans_match

SAMPLES = [p.read_bytes() for p in sorted(SEEDS.glob("*.txt"))] + [
    p.read_bytes() for p in sorted(ARTICLES.glob("*.txt"))
]
SEED_TEXTS = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
# Pieces that steer the extractor into its less common paths when spliced into a text.
PIECES = [
    '"',
    "“",
    "”",
    "«",
    "»",
    "'",
    "’",
    ":",
    ".",
    ",",
    "\n",
    "\n\n",
    "\r\n",
    "\u00a0",
    " ",
    " dedi.",
    " diye konuştu.",
    " ifadelerini kullandı.",
    " şöyle devam etti:",
    " belirten ",
    " kabul etti.",
    " ile görüştü.",
    " telefonda görüştü.",
    " bir araya geldi.",
    " ağırladı.",
    "'u",
    "'nun",
    "'de",
    "'ye gelen",
    " Bakanı ",
    " Cumhurbaşkanı ",
    " Yardımcıları ",
    " anlaşması",
    " Bildirgesi",
    " mutabakat zaptı",
    " protokol",
    " imzalandı.",
    " ve ",
    "9 Kasım",
    " Kasım 2020",
    "date 2020-11 ",
    "St.",
    "Dr.",
    "İ",
    "ı",
    "\x00",
    "\ufeff",
    "olduklarını söyledi.",
    " heyette ",
    " yer aldı.",
    " tarafından ",
    "mevkidaşı ",
]
PROPERTY = settings(
    max_examples=int(os.environ.get("EXTRACTION_EXAMPLES", "200")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def _check(raw: bytes | str) -> None:
    try:
        article = extract(raw, "hypothesis.txt")
    except ExtractionError as exc:
        assert "internal" not in str(exc), exc  # a bug wearing the input error's clothes
        return
    assert_spans_match(article)
    json.dumps(article.to_json(), ensure_ascii=False)


@PROPERTY
@given(st.text())
def test_any_text(text: str) -> None:
    _check(text)


@PROPERTY
@given(st.binary())
def test_any_bytes(raw: bytes) -> None:
    _check(raw)


@PROPERTY
@given(st.lists(st.sampled_from(PIECES) | st.text(max_size=12), max_size=60))
def test_text_made_of_article_pieces(parts: list[str]) -> None:
    _check("".join(parts))


@PROPERTY
@given(
    st.sampled_from(SEED_TEXTS),
    st.lists(
        st.tuples(
            st.floats(0, 1), st.integers(0, 40), st.sampled_from(PIECES) | st.text(max_size=8)
        ),
        min_size=1,
        max_size=12,
    ),
)
def test_mutated_seeds(text: str, edits: list[tuple[float, int, str]]) -> None:
    # Each edit replaces a stretch of the seed at some position with an article piece.
    for where, length, piece in edits:
        at = int(where * len(text))
        text = text[:at] + piece + text[at + length :]
    _check(text)


@PROPERTY
@given(st.sampled_from(SAMPLES), st.integers(0, 10_000), st.integers(0, 10_000))
def test_truncated_and_sliced_files(raw: bytes, a: int, b: int) -> None:
    lo, hi = sorted((a % (len(raw) + 1), b % (len(raw) + 1)))
    _check(raw[lo:hi])


@PROPERTY
@given(st.sampled_from(SAMPLES), st.sampled_from(["utf-8", "utf-16", "cp1254", "utf-8-sig"]))
def test_any_sample_in_any_encoding(raw: bytes, encoding: str) -> None:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return  # already a legacy-encoded sample
    with contextlib.suppress(UnicodeEncodeError):  # a letter cp1254 does not have
        _check(text.encode(encoding))
