"""Build ExtractedArticle records for ingest tests, with spans that really point into the text."""

from __future__ import annotations

import datetime as dt
import hashlib

from meetings.extraction.records import (
    Agreement,
    AgreementMention,
    ExtractedArticle,
    Location,
    Meeting,
    MentionedPerson,
    PartialDate,
    Participant,
    Source,
    Statement,
)


class ArticleBuilder:
    """Writes text as it goes, so every record's span matches the text it claims."""

    def __init__(self, file: str = "a.txt", date: str | None = "2020-11"):
        self.file = file
        self.parts: list[str] = []
        self.length = 0
        self.date = parse_date(date)
        self.meetings: list[Meeting] = []
        self.mentioned: list[MentionedPerson] = []
        self.warnings: list[str] = []

    def write(self, text: str) -> tuple[int, int]:
        """Append text and return its span."""
        start = self.length
        self.parts.append(text)
        self.length += len(text)
        return (start, self.length)

    def meeting(
        self,
        host,
        guest,
        place="Bakü",
        country="Azerbaycan",
        date=None,
        kind="reception",
        delegation=(),
    ):
        """A meeting: host and guest are (name, title, country) triples."""
        participants = []
        for role, (name, title, nation) in [("host", host), ("guest", guest)] + [
            ("delegation", d) for d in delegation
        ]:
            self.write(f"{title} ")
            span = self.write(name)
            self.write(". ")
            participants.append(Participant(name, role, title, nation, [span]))
        location = Location(place, country, self.write(place)) if place else None
        self.write(". ")
        meeting = Meeting(
            parse_date(date) if date is not None else self.date, location, kind, participants
        )
        self.meetings.append(meeting)
        return meeting

    def quote(self, meeting: Meeting, speaker: str | None, text: str, direct: bool = True):
        self.write('"')
        meeting.statements.append(Statement(speaker, direct, text, self.write(text)))
        self.write('" dedi. ')

    def agreement(
        self,
        meeting: Meeting,
        name: str,
        parties: list[str],
        status="referred",
        surfaces: tuple[str, ...] = (),
    ):
        mentions = [AgreementMention(s, self.write(s)) for s in (surfaces or (name,))]
        self.write(". ")
        meeting.agreements.append(Agreement(name, parties, status, mentions))

    def mention(self, name: str, title: str, country: str):
        self.write(f"{title} ")
        self.mentioned.append(MentionedPerson(name, title, country, [self.write(name)]))
        self.write(". ")

    def build(self) -> ExtractedArticle:
        text = "".join(self.parts)
        sha = hashlib.sha256(text.encode()).hexdigest()
        return ExtractedArticle(
            Source(self.file, sha, text[:60], self.date),
            text,
            self.meetings,
            self.mentioned,
            list(self.warnings),
        )


def parse_date(value: str | None) -> PartialDate:
    if not value:
        return PartialDate.unknown()
    parts = [int(p) for p in value.split("-")]
    precision = {1: "year", 2: "month", 3: "day"}[len(parts)]
    return PartialDate(dt.date(parts[0], *(parts[1:] + [1] * (3 - len(parts)))), precision)


ALIYEV = ("İlham Aliyev", "Azerbaycan Cumhurbaşkanı", "Azerbaycan")
LAVROV = ("Sergey Lavrov", "Rusya Dışişleri Bakanı", "Rusya")


def aliyev_receives_lavrov(file="a.txt", date="2020-11", quote="Bölgede barış kalıcı olacak."):
    """The shape of seed 000: a reception with one quote and one agreement."""
    b = ArticleBuilder(file, date)
    m = b.meeting(ALIYEV, LAVROV)
    b.quote(m, "İlham Aliyev", quote)
    b.agreement(
        m,
        "üçlü anlaşma",
        ["Rusya", "Azerbaycan", "Ermenistan"],
        surfaces=("üçlü anlaşma", "9 Kasım'da varılan anlaşmalar"),
    )
    return b.build()


def ingest_all(articles, *, chunk: bool) -> None:
    """Import built articles the way the command does: as one chunk of new files, or one
    article at a time."""
    from meetings.ingest import Ingestor

    ingestor = Ingestor()
    if chunk:
        ingestor.ingest_new([(a, a.text) for a in articles])
    else:
        for a in articles:
            ingestor.ingest(a, a.text)
