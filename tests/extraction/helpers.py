"""Shared helpers for the extraction tests: where the articles are, span checks, lookups."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from meetings.extraction import ExtractedArticle, extract
from meetings.extraction.places import names_city
from meetings.extraction.records import Meeting, Participant
from meetings.extraction.turkish import fold

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "fixtures" / "articles"
ARTICLES = Path(__file__).resolve().parent / "articles"
GOLDEN = Path(__file__).resolve().parent / "golden"


def read(path: Path) -> ExtractedArticle:
    """Extract one article file, checking every span on the way."""
    article = extract(path.read_bytes(), path.name)
    assert_spans_match(article)
    return article


def article(name: str) -> ExtractedArticle:
    """Extract one of this suite's own test articles by file name."""
    return read(ARTICLES / name)


def assert_spans_match(article: ExtractedArticle) -> None:
    """Every span lies inside the text and covers exactly what the record claims."""
    for start, end, claimed in claimed_spans(article.to_json()):
        assert 0 <= start <= end <= len(article.text), (start, end, claimed)
        assert article.text[start:end] == claimed, (article.text[start:end], claimed)


def claimed_spans(data: dict[str, Any]) -> list[tuple[int, int, str]]:
    """(start, end, the string the record claims is there) for every span in a JSON record."""
    out: list[tuple[int, int, str]] = []
    text = data["text"]
    for meeting in data["meetings"]:
        if meeting["location"]:
            # The span is the place as written (a city, or a venue that names the city).
            s, e = meeting["location"]["span"]
            written = text[s:e]
            assert names_city(written, meeting["location"]["name"]), (written, meeting["location"])
            out.append((s, e, written))
        for p in meeting["participants"]:
            out += [(s, e, _name_part(text[s:e], p["name"])) for s, e in p["spans"]]
        for st in meeting["statements"]:
            out.append((*st["span"], st["text"]))
        for agreement in meeting["agreements"]:
            out += [(*m["span"], m["text"]) for m in agreement["mentions"]]
    for p in data["mentioned_persons"]:
        out += [(s, e, _name_part(text[s:e], p["name"])) for s, e in p["spans"]]
    return out


def _name_part(surface: str, name: str) -> str:
    # A name span covers the name as written ("Lavrov" for "Sergey Lavrov"): every word of
    # the surface must be a word of the full name, with no case ending left on it.
    # Compared folded: "ALİYEV" and "Aliyev" are one name written two ways.
    assert "'" not in surface, surface
    for word in fold(surface).split():
        assert word in fold(name), (surface, name)
    return surface


def only_meeting(article: ExtractedArticle) -> Meeting:
    """The article's single meeting."""
    assert len(article.meetings) == 1, [m.kind for m in article.meetings]
    return article.meetings[0]


def person(meeting: Meeting, name: str) -> Participant:
    """The participant with this full name."""
    found = [p for p in meeting.participants if p.name == name]
    assert found, (name, [p.name for p in meeting.participants])
    return found[0]


def roles(meeting: Meeting) -> dict[str, str]:
    """Participant name -> role."""
    return {p.name: p.role for p in meeting.participants}


def said(meeting: Meeting, speaker: str | None, *, direct: bool) -> list[str]:
    """The texts of the statements a speaker made, direct or reported."""
    return [s.text for s in meeting.statements if s.speaker == speaker and s.direct == direct]
