"""Typed records that the extractor returns: the contract between extraction and ingest.

Every span is a half-open ``(start, end)`` pair of character offsets into
``ExtractedArticle.text`` (the normalised text), so ``text[start:end]`` is exactly what the
record claims: the quote, the name as written, the place name, the agreement's surface form.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Span = tuple[int, int]
Precision = Literal["day", "month", "year", "unknown"]
Role = Literal["host", "guest", "delegation"]
AgreementStatus = Literal["signed", "proposed", "referred"]
MeetingKind = Literal["reception", "talks", "phone_call", "summit", "visit", "other"]


class ExtractionError(ValueError):
    """Input that cannot be read as an article (binary, empty, undecodable)."""


@dataclass(frozen=True)
class PartialDate:
    """A date known to a precision: a day, a month, a year, or not at all."""

    value: dt.date | None = None
    precision: Precision = "unknown"

    def __post_init__(self) -> None:
        if (self.value is None) != (self.precision == "unknown"):
            raise ValueError("a PartialDate has a value exactly when its precision is known")

    @classmethod
    def unknown(cls) -> PartialDate:
        """The date nobody could read from the text."""
        return cls(None, "unknown")

    def iso(self) -> str | None:
        """The date as ISO text cut to its precision: '2020-11-21', '2020-11', '2020' or None."""
        if self.value is None:
            return None
        full = self.value.isoformat()
        return {"day": full, "month": full[:7], "year": full[:4]}[self.precision]


@dataclass
class Source:
    """The article file as it came in, and where it was published if its header says."""

    file: str | None
    sha256: str
    title: str
    date: PartialDate = field(default_factory=PartialDate.unknown)
    outlet: str | None = None
    url: str | None = None


@dataclass
class Location:
    """Where a meeting took place, as named in the text."""

    name: str
    country: str | None
    span: Span


@dataclass
class Participant:
    """A person present at a meeting, in a role and under the title the article gives."""

    name: str
    role: Role
    title: str | None
    country: str | None
    spans: list[Span] = field(default_factory=list)


@dataclass
class MentionedPerson:
    """A person the article names who is not present at any of its meetings."""

    name: str
    title: str | None
    country: str | None
    spans: list[Span] = field(default_factory=list)


@dataclass
class Statement:
    """A direct quote or a piece of reported speech; speaker None means it could not be told."""

    speaker: str | None
    direct: bool
    text: str
    span: Span
    # The speaker is an institution ("Dışişleri Bakanlığı", "Kremlin"), never a person.
    institution: bool = False


@dataclass
class AgreementMention:
    """One surface form naming an agreement, where it stands in the text."""

    text: str
    span: Span


@dataclass
class Agreement:
    """One real agreement as the article names it, with all its mentions clustered."""

    name: str
    parties: list[str]
    status: AgreementStatus
    mentions: list[AgreementMention] = field(default_factory=list)


@dataclass
class Meeting:
    """One meeting the article reports."""

    date: PartialDate
    location: Location | None
    kind: MeetingKind
    participants: list[Participant] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)
    # Why an editor should look at it: codes from reasons.Reason, each once, in order found.
    review: list[str] = field(default_factory=list)


@dataclass
class ExtractedArticle:
    """Everything read from one article."""

    source: Source
    text: str
    meetings: list[Meeting] = field(default_factory=list)
    mentioned_persons: list[MentionedPerson] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The article as the DESIGN.md `extract --json` contract describes it."""

        def date_fields(d: PartialDate) -> dict[str, Any]:
            return {"date": d.iso(), "date_precision": d.precision}

        def spans(xs: list[Span]) -> list[list[int]]:
            return [list(s) for s in xs]

        meetings = []
        for m in self.meetings:
            meetings.append(
                {
                    **date_fields(m.date),
                    "location": (
                        {
                            "name": m.location.name,
                            "country": m.location.country,
                            "span": list(m.location.span),
                        }
                        if m.location
                        else None
                    ),
                    "kind": m.kind,
                    "participants": [
                        {**asdict(p), "spans": spans(p.spans)} for p in m.participants
                    ],
                    "statements": [{**asdict(s), "span": list(s.span)} for s in m.statements],
                    "agreements": [
                        {
                            "name": a.name,
                            "parties": list(a.parties),
                            "status": a.status,
                            "mentions": [
                                {"text": x.text, "span": list(x.span)} for x in a.mentions
                            ],
                        }
                        for a in m.agreements
                    ],
                    "review": list(m.review),
                }
            )
        return {
            "source": {
                "file": self.source.file,
                "sha256": self.source.sha256,
                "title": self.source.title,
                **date_fields(self.source.date),
                # Only when the header block gives them, so older output reads the same.
                **{
                    k: v for k, v in (("outlet", self.source.outlet), ("url", self.source.url)) if v
                },
            },
            "text": self.text,
            "meetings": meetings,
            "mentioned_persons": [
                {**asdict(p), "spans": spans(p.spans)} for p in self.mentioned_persons
            ],
            "warnings": list(self.warnings),
        }
