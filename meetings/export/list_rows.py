"""The rows of each list page's download: CSV columns, a JSON record per row, and what is
fetched with each batch of rows (one query per relation per batch, never one per row)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import QuerySet

from meetings.export.values import Permalinks, partial_iso
from meetings.models import AgreementMention, MeetingReport, Participation, Role

ARTICLE_FIELDS = ["filename", "title", "outlet", "url", "date", "date_precision"]


@dataclass(frozen=True)
class Context:
    """What every row of one download shares: where records live, and the language."""

    links: Permalinks
    language: str = "tr"

    def country_name(self, country, prefix: str = "") -> str:
        """The country's name in the download's language: of a Country, or of a row holding
        its names under prefix ("country__name_tr")."""
        if country is None:
            return ""
        if prefix:
            names = (country[f"{prefix}name_en"], country[f"{prefix}name_tr"])
        else:
            names = (country.name_en, country.name_tr)
        if self.language == "en" and names[0]:
            return names[0]
        return names[1] or ""


@dataclass(frozen=True)
class ListRows:
    """How one list's rows are written."""

    name: str
    columns: list[str]
    prepare: Callable[[QuerySet], QuerySet]
    record: Callable[[object, Context], dict]
    csv_row: Callable[[dict], list]
    attach: Callable[[list], None] | None = None  # what a batch of rows needs besides


# Meetings ------------------------------------------------------------------------------------
def _prepare_meetings(queryset: QuerySet) -> QuerySet:
    # Plain rows, not model instances: building a million instances costs more than the
    # query that reads them.
    return queryset.values(
        *("id", "slug", "title", "date", "date_precision", "location", "kind"),
        *("needs_review", "review_reasons"),
        *("country__iso_code", "country__name_tr", "country__name_en"),
    )


def _grouped(queryset: QuerySet, ids: list[int], *fields: str) -> dict[int, list[dict]]:
    rows: dict[int, list[dict]] = {}
    for row in queryset.filter(meeting_id__in=ids).values("meeting_id", *fields):
        rows.setdefault(row["meeting_id"], []).append(row)
    return rows


def _attach_meetings(batch: list) -> None:
    """A batch's participants, agreements and sources: one plain query each, grouped here
    (cheaper than prefetch_related, which builds a queryset per meeting and relation)."""
    ids = [m["id"] for m in batch]
    people = _grouped(
        Participation.objects.order_by("role", "id"),
        ids,
        *("person_id", "person__slug", "person__name", "raw_name", "role", "title"),
    )
    agreements = _grouped(
        AgreementMention.objects.order_by("span_start", "id"),
        ids,
        *("agreement_id", "agreement__slug", "agreement__name"),
    )
    sources = _grouped(
        MeetingReport.objects.order_by("index", "id"),
        ids,
        "article_id",
        *(f"article__{name}" for name in ARTICLE_FIELDS),
    )
    for m in batch:
        m["people"] = people.get(m["id"], [])
        m["agreements"] = agreements.get(m["id"], [])
        m["sources"] = sources.get(m["id"], [])


def _participant(p: dict, ctx: Context) -> dict:
    slug = p["person__slug"]
    return {
        "person_id": p["person_id"],
        "person_slug": slug,
        "person_url": ctx.links("person", slug) or None,
        "name": p["person__name"] or p["raw_name"],
        "name_as_written": p["raw_name"],
        "role": p["role"],
        "title": p["title"],
    }


def _source(row: dict) -> dict:
    return {
        "article_id": row["article_id"],
        "file": row["article__filename"],
        "title": row["article__title"],
        "outlet": row["article__outlet"],
        "url": row["article__url"],
        "date": partial_iso(row["article__date"], row["article__date_precision"]),
    }


def meeting_record(m: dict, ctx: Context) -> dict:
    """A meeting with its participants, agreements and sources, as editors left it."""
    agreements = {}
    for row in m["agreements"]:
        slug = row["agreement__slug"]
        agreements.setdefault(
            row["agreement_id"],
            {
                "id": row["agreement_id"],
                "slug": slug,
                "name": row["agreement__name"],
                "url": ctx.links("agreement", slug),
            },
        )
    return {
        "id": m["id"],
        "slug": m["slug"],
        "url": ctx.links("meeting", m["slug"]),
        "title": m["title"],
        "date": partial_iso(m["date"], m["date_precision"]),
        "date_precision": m["date_precision"],
        "place": m["location"],
        "country_iso": m["country__iso_code"],
        "country": ctx.country_name(m, "country__") or None,
        "kind": m["kind"],
        "participants": [_participant(p, ctx) for p in m["people"]],
        "agreements": list(agreements.values()),
        "sources": [_source(row) for row in m["sources"]],
        "needs_review": m["needs_review"],
        "review_reasons": list(m["review_reasons"] or []),
    }


def _named(participants: list[dict], role: str) -> list[str]:
    return [
        f"{p['name']} ({p['title']})" if p["title"] else p["name"]
        for p in participants
        if p["role"] == role
    ]


def meeting_csv_row(r: dict) -> list:
    """A meeting record flattened: people by role as "Name (Title)", lists joined by "; "."""
    people = r["participants"]
    return [
        r["id"],
        r["slug"],
        r["url"],
        r["title"],
        r["date"],
        r["date_precision"],
        r["place"],
        r["country_iso"],
        r["country"],
        r["kind"],
        _named(people, Role.HOST),
        _named(people, Role.GUEST),
        _named(people, Role.DELEGATION),
        [p["person_slug"] for p in people if p["person_slug"]],
        [a["name"] for a in r["agreements"]],
        [s["url"] or s["file"] for s in r["sources"]],
        r["needs_review"],
        r["review_reasons"],
    ]


MEETINGS = ListRows(
    name="meetings",
    columns=[
        "id",
        "slug",
        "url",
        "title",
        "date",
        "date_precision",
        "place",
        "country_iso",
        "country",
        "kind",
        "hosts",
        "guests",
        "delegation",
        "people",
        "agreements",
        "sources",
        "needs_review",
        "review_reasons",
    ],
    prepare=_prepare_meetings,
    attach=_attach_meetings,
    record=meeting_record,
    csv_row=meeting_csv_row,
)


# Statements ----------------------------------------------------------------------------------
def _prepare_statements(queryset: QuerySet) -> QuerySet:
    return queryset.values(
        *("id", "meeting_id", "meeting__slug", "meeting__title"),
        *("meeting__date", "meeting__date_precision"),
        *("speaker_id", "speaker__slug", "speaker__name", "speaker_name"),
        *("text", "direct", "order"),
        *("article_id", "article__filename", "article__url", "span_start", "span_end"),
    )


def statement_record(s: dict, ctx: Context) -> dict:
    """A quote or reported speech, its speaker (the person an editor chose, if any) and the
    span of its source article it was read from."""
    meeting_url = ctx.links("meeting", s["meeting__slug"])
    speaker_slug = s["speaker__slug"]
    return {
        "id": s["id"],
        "url": f"{meeting_url}#statement-{s['id']}",
        "meeting_id": s["meeting_id"],
        "meeting_slug": s["meeting__slug"],
        "meeting_title": s["meeting__title"],
        "date": partial_iso(s["meeting__date"], s["meeting__date_precision"]),
        "date_precision": s["meeting__date_precision"],
        "speaker": s["speaker__name"] or s["speaker_name"],
        "speaker_as_written": s["speaker_name"],
        "speaker_id": s["speaker_id"],
        "speaker_slug": speaker_slug,
        "speaker_url": ctx.links("person", speaker_slug) or None,
        "direct": s["direct"],
        "text": s["text"],
        "order": s["order"],
        "source": (s["article__url"] or s["article__filename"]) if s["article_id"] else None,
        "article_id": s["article_id"],
        "span_start": s["span_start"],
        "span_end": s["span_end"],
    }


STATEMENTS = ListRows(
    name="statements",
    columns=[
        "id",
        "url",
        "meeting_id",
        "meeting_slug",
        "meeting_title",
        "date",
        "date_precision",
        "speaker",
        "speaker_as_written",
        "speaker_slug",
        "kind",
        "text",
        "order",
        "source",
        "span_start",
        "span_end",
    ],
    prepare=_prepare_statements,
    record=statement_record,
    csv_row=lambda r: [
        *(r[k] for k in ("id", "url", "meeting_id", "meeting_slug", "meeting_title")),
        *(r[k] for k in ("date", "date_precision", "speaker", "speaker_as_written")),
        r["speaker_slug"],
        "direct" if r["direct"] else "reported",
        *(r[k] for k in ("text", "order", "source", "span_start", "span_end")),
    ],
)


# People --------------------------------------------------------------------------------------
def person_record(p, ctx: Context) -> dict:
    """A person under their canonical name, with every other spelling and their counts."""
    return {
        "id": p.pk,
        "slug": p.slug,
        "url": ctx.links("person", p.slug),
        "name": p.name,
        "country_iso": p.country.iso_code if p.country else None,
        "country": ctx.country_name(p.country) or None,
        "aliases": [a.name for a in p.aliases.all()],
        "meetings": getattr(p, "n_meetings", None),
        "statements": getattr(p, "n_statements", None),
    }


PERSON_COLUMNS = ["id", "slug", "url", "name", "country_iso", "country", "aliases"]
PEOPLE = ListRows(
    name="people",
    columns=[*PERSON_COLUMNS, "meetings", "statements"],
    prepare=lambda qs: qs.select_related("country").prefetch_related("aliases"),
    record=person_record,
    csv_row=lambda r: [r[k] for k in [*PERSON_COLUMNS, "meetings", "statements"]],
)


# Agreements ----------------------------------------------------------------------------------
def agreement_record(a, ctx: Context) -> dict:
    """An agreement: status, signing date at its precision, parties and other names."""
    parties = list(a.parties.all())
    return {
        "id": a.pk,
        "slug": a.slug,
        "url": ctx.links("agreement", a.slug),
        "name": a.name,
        "status": a.status,
        "signed_date": partial_iso(a.signed_date, a.signed_date_precision),
        "signed_date_precision": a.signed_date_precision,
        "parties": [c.iso_code or c.slug for c in parties],
        "party_names": [ctx.country_name(c) for c in parties],
        "aliases": [alias.name for alias in a.aliases.all()],
        "mentions": getattr(a, "n_mentions", None),
        "meetings": getattr(a, "n_meetings", None),
        "description": a.description,
    }


AGREEMENT_COLUMNS = [
    "id",
    "slug",
    "url",
    "name",
    "status",
    "signed_date",
    "signed_date_precision",
    "parties",
    "party_names",
    "aliases",
    "mentions",
    "meetings",
    "description",
]
AGREEMENTS = ListRows(
    name="agreements",
    columns=AGREEMENT_COLUMNS,
    prepare=lambda qs: qs.prefetch_related("aliases"),  # the list prefetches the parties
    record=agreement_record,
    csv_row=lambda r: [r[k] for k in AGREEMENT_COLUMNS],
)
