"""How one value is written in every download and export file."""

from __future__ import annotations

import datetime as dt

# A spreadsheet reads a cell that begins with one of these as a formula; such a cell gets a
# leading apostrophe in CSV (JSON keeps the text exactly), so opening a download never runs
# something an article's text happened to contain.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
LIST_SEPARATOR = "; "


def partial_iso(date: dt.date | None, precision: str) -> str:
    """A date cut to its precision, as ISO 8601 allows: "2020-11-10", "2020-11", "2020", ""."""
    if date is None or precision == "unknown":
        return ""
    if precision == "year":
        return f"{date.year:04d}"
    if precision == "month":
        return f"{date.year:04d}-{date.month:02d}"
    return date.isoformat()


def period_end(date: dt.date, precision: str) -> dt.date:
    """The last day a partial date may stand for: 2020-11 ends on 30 November."""
    if precision == "year":
        return date.replace(month=12, day=31)
    if precision == "month":
        following = date.replace(day=28) + dt.timedelta(days=4)
        return following - dt.timedelta(days=following.day)
    return date


def csv_cell(value) -> str:
    """A value as a CSV cell: lists joined by "; ", booleans as true/false, None empty, and
    a formula-like start defused."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        value = LIST_SEPARATOR.join(str(v) for v in value)
    text = str(value)
    if text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


class Permalinks:
    """Absolute addresses of records, built from one reversed pattern per kind rather than a
    reverse() per row: a million statements are a million rows."""

    def __init__(self, base: str, meeting: str, person: str, agreement: str) -> None:
        self.base = base.rstrip("/")
        self._patterns = {"meeting": meeting, "person": person, "agreement": agreement}

    @classmethod
    def current(cls, base: str) -> Permalinks:
        """The addresses in the active language (English ones under /en/)."""
        from django.urls import reverse

        def pattern(name: str) -> str:
            return reverse(f"meetings:{name}-detail", kwargs={"slug": "SLUG"})

        return cls(base, pattern("meeting"), pattern("person"), pattern("agreement"))

    def __call__(self, kind: str, slug: str | None) -> str:
        """The address of the record of this kind with this slug ("" without a slug)."""
        if not slug:
            return ""
        return self.base + self._patterns[kind].replace("SLUG", slug, 1)
