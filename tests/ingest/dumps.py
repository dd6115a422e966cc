"""Every imported record by its natural content (names, slugs, dates, roles, spans, links),
with ids and timestamps left out: two imports of the same files compare equal."""

import json

from meetings.models import (
    Agreement,
    AgreementMention,
    Article,
    Meeting,
    Participation,
    Person,
    PersonMention,
    Statement,
)


def _sorted(rows) -> list:
    return sorted((list(r) for r in rows), key=repr)


def records() -> dict:
    """The records, each kind sorted, articles named by their content's hash."""
    return {
        "articles": _sorted(
            Article.objects.values_list("sha256", "filename", "title", "needs_review")
        ),
        "meetings": _sorted(
            [m.slug, m.title, str(m.date), m.date_precision, m.location, m.kind, m.needs_review]
            + [
                sorted(m.review_reasons),
                sorted(f"{r.article.sha256}:{r.index}" for r in m.reports.all()),
            ]
            for m in Meeting.objects.prefetch_related("reports__article")
        ),
        "participations": _sorted(
            Participation.objects.values_list(
                "meeting__slug",
                "article__sha256",
                "raw_name",
                "role",
                "title",
                "person__slug",
                "spans",
                "span_start",
                "span_end",
            )
        ),
        "statements": _sorted(
            Statement.objects.values_list(
                "meeting__slug",
                "article__sha256",
                "speaker_name",
                "speaker__slug",
                "text",
                "direct",
                "order",
                "span_start",
                "span_end",
            )
        ),
        "agreements": _sorted(
            [a.slug, a.name, a.status, sorted(c.name_tr for c in a.parties.all())]
            for a in Agreement.objects.prefetch_related("parties")
        ),
        "agreement mentions": _sorted(
            AgreementMention.objects.values_list(
                "agreement__slug",
                "meeting__slug",
                "statement__text",
                "article__sha256",
                "text",
                "span_start",
                "span_end",
            )
        ),
        "people": _sorted(Person.objects.values_list("name", "slug", "country__iso_code")),
        "person mentions": _sorted(
            PersonMention.objects.values_list(
                "article__sha256", "raw_name", "person__slug", "title", "span_start", "span_end"
            )
        ),
    }


def print_records() -> None:
    """Print the records as JSON (for a dump taken through `manage.py shell`)."""
    print(json.dumps(records(), ensure_ascii=False, default=str, sort_keys=True))
