"""Values longer than their column are refused before anything is written, on every database.

SQLite stores a string of any length in a varchar column where PostgreSQL refuses it, so
the same article imported on one and failed on the other. Checking what an extraction
would write against the model fields' max_length makes both refuse the file, with one line
naming the field.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from django.db import models

from meetings.extraction.records import ExtractedArticle
from meetings.models import Agreement, Article, Country, Person


class TooLong(ValueError):
    """An extracted value longer than the database column it would be written to."""


def _people(article: ExtractedArticle) -> Iterator[str]:
    for meeting in article.meetings:
        yield from (p.name for p in meeting.participants)
        yield from (s.speaker for s in meeting.statements if s.speaker)
    yield from (p.name for p in article.mentioned_persons)


def _countries(article: ExtractedArticle) -> Iterator[str]:
    for meeting in article.meetings:
        if meeting.location and meeting.location.country:
            yield meeting.location.country
        yield from (p.country for p in meeting.participants if p.country)
        for agreement in meeting.agreements:
            yield from agreement.parties
    yield from (p.country for p in article.mentioned_persons if p.country)


def _agreements(article: ExtractedArticle) -> Iterator[str]:
    for meeting in article.meetings:
        yield from (a.name for a in meeting.agreements)


def _file(article: ExtractedArticle) -> Iterator[str]:
    if article.source.file:
        yield article.source.file


# What the importer writes as it is, without cutting it to its column's length (values it
# cuts, such as titles and names as written, cannot be too long).
CHECKS: list[tuple[str, Callable[[ExtractedArticle], Iterator[str]], models.Field]] = [
    ("person name", _people, Person._meta.get_field("name")),
    ("country name", _countries, Country._meta.get_field("name_tr")),
    ("agreement name", _agreements, Agreement._meta.get_field("name")),
    ("file name", _file, Article._meta.get_field("filename")),
]


def check_lengths(article: ExtractedArticle) -> None:
    """Raise TooLong for the first value the database would refuse as longer than its column."""
    for what, values, field in CHECKS:
        for value in values(article):
            if len(value) > field.max_length:
                start = value[:30] + ("…" if len(value) > 30 else "")
                raise TooLong(
                    f"the {what} {start!r} is {len(value):,} characters long, more than the "
                    f"{field.max_length} the database holds ({field.model.__name__}."
                    f"{field.name}); nothing from this file was imported"
                )
