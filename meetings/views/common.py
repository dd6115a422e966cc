"""What several pages share: list querysets, site-wide cached aggregates, URL helpers."""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import quote_plus

from django import forms
from django.db.models import Count, F, Prefetch

from meetings.models import Meeting, Participation, Person
from meetings.search.generation import per_generation
from meetings.search.query import MAX_QUERY_CHARS

MEETINGS_PER_PAGE = 20
STATEMENTS_PER_PAGE = 25
NEWEST_FIRST = [F("date").desc(nulls_last=True), "-id"]
OLDEST_FIRST = [F("date").asc(nulls_last=True), "id"]
CACHE_SECONDS = 300  # how long an aggregate is kept; the data generation retires it sooner
FACET_SAMPLE = 2000  # a filtered list's facets count its newest this many meetings
SEARCH_FACET_SAMPLE = 300  # a search's people and countries: its first this many hits
# A query's pieces as the user sees them: a quoted phrase (perhaps excluded) or a word.
WORD_OR_PHRASE = re.compile(r'-?["“”„«»][^"“”„«»]*["“”„«»]?|\S+')


def meetings_for_list():
    """Meetings with what a feed entry shows of them: country and participants."""
    return Meeting.objects.select_related("country").prefetch_related(
        Prefetch(
            "participations",
            queryset=Participation.objects.select_related("person").order_by("role", "id"),
        )
    )


def cached(key: str, compute):
    """A site-wide aggregate, computed once per data generation.

    Counting every row of a large table is the dearest thing a page does, so such totals
    (facets of the unfiltered list, the chart, suggestions) are kept; but under the data
    generation, as pages are, so an import or an edit retires them at once.
    """
    return per_generation(key, compute, CACHE_SECONDS)


def suggestions(relation: str, limit: int = 200) -> list[str]:
    """The names a person box suggests without JavaScript: the most frequent people first."""
    return cached(
        f"people-suggestions:{relation}:{limit}",
        lambda: list(
            Person.objects.annotate(n=Count(relation))
            .filter(n__gt=0)
            .order_by("-n", "name")
            .values_list("name", flat=True)[:limit]
        ),
    )


def in_order(queryset, ids: list[int]) -> list:
    """The rows of ids, in the order of ids."""
    rows = {row.pk: row for row in queryset.filter(pk__in=ids)}
    return [rows[pk] for pk in ids if pk in rows]


def url_with(request, drop=("page",), **changes) -> str:
    """The current URL's query string with some parameters set, added to, or removed.

    Written as ``QueryDict.copy()`` and ``urlencode()`` would write it (the names in their
    order, a new one last, each value quoted with ``quote_plus``) without deep-copying the
    query for every link: a list page writes some forty of these.
    """
    params = dict(request.GET.lists())
    for name in drop:
        params.pop(name, None)
    for name, value in changes.items():
        if value is None:
            params.pop(name, None)
        elif isinstance(value, tuple):  # ("add", v) or ("remove", v) for lists
            action, item = value
            values = [v for v in params.get(name, ()) if v != item]
            if action == "add":
                values.append(item)
            params[name] = values
        else:
            params[name] = [value]
    encoded = "&".join(
        f"{_quoted(name)}={_quoted(str(value))}"
        for name, values in params.items()
        for value in values
    )
    return f"?{encoded}" if encoded else "?"


@lru_cache(maxsize=4096)
def _quoted(text: str) -> str:
    return quote_plus(text)


def read_query(raw: str) -> tuple[str, bool]:
    """The query to search, and whether it was cut: at most MAX_QUERY_CHARS characters, cut at
    the last space before the limit so that no word is searched half-typed."""
    if len(raw) <= MAX_QUERY_CHARS:
        return raw, False
    cut = raw[:MAX_QUERY_CHARS]
    space = cut.rfind(" ")
    return (cut[:space] if space > MAX_QUERY_CHARS // 2 else cut).strip(), True


def show_what_was_typed(form) -> None:
    """Date and number boxes with an error become text boxes, so that the value the user typed
    stays in the box beside its error (a browser empties a date box holding no valid date)."""
    for name in form.errors:
        widget = form.fields[name].widget if name in form.fields else None
        if getattr(widget, "input_type", None) in {"date", "number"}:
            widget.input_type = "text"


def blank_filters_key(request, form, outside=("q", "sort", "page")) -> str | None:
    """The key a filter box is kept under (see ``kept_include``) while the URL sets none of
    its filters, so that it shows nothing a visitor chose but the sort it carries; None when
    it shows a value or an error, and must be written for this request."""
    if form.errors:
        return None
    if any(request.GET.getlist(name) != [] for name in form.fields if name not in outside):
        return None
    return f"sort={request.GET.get('sort', '')}"


def kept_facets_key(request, filters_key: str | None) -> str | None:
    """The key the facet lists are kept under (see ``kept_include``): the filter box's key
    (``blank_filters_key``), but only while the URL holds no parameter besides the page and
    the sort, since the lists' links carry every other one."""
    if set(request.GET) - {"page", "sort"}:
        return None
    return filters_key


def fewer_words(request, q: str) -> list[tuple[str, str]]:
    """Each word or phrase of the query, with the URL of the same search without it."""
    pieces = [m.group(0) for m in WORD_OR_PHRASE.finditer(q)]
    if len(pieces) < 2:
        return []
    return [
        (piece, url_with(request, q=" ".join(pieces[:i] + pieces[i + 1 :])))
        for i, piece in enumerate(pieces)
    ]


def dropped_filters(request, form, skip=("q", "sort", "page")) -> list[tuple[str, str]]:
    """Each filter set in the URL, as "label: value", with the URL of the page without it."""
    data = getattr(form, "cleaned_data", {})
    ways = []
    for name, field in form.fields.items():
        if name in skip:
            continue
        for value in request.GET.getlist(name):
            if not value.strip():
                continue
            shown = _shown_value(field, data.get(name), value)
            label = f"{field.label}: {shown}" if shown is not None else str(field.label)
            many = len(request.GET.getlist(name)) > 1
            url = url_with(request, **{name: ("remove", value) if many else None})
            ways.append((label, url))
    return ways


def _shown_value(field, cleaned, raw: str):
    """How a filter's value reads to the user: a name or a label rather than a slug."""
    if isinstance(field.widget, forms.CheckboxInput):
        return None
    if cleaned is not None and hasattr(cleaned, "name") and not isinstance(cleaned, list):
        return cleaned.name
    if isinstance(cleaned, list):  # people: the resolved person this value named, if any
        for person in cleaned:
            if raw == person.slug:
                return person.name
    for value, label in getattr(field, "choices", ()):
        if str(value) == raw:
            return str(label)
    return raw


class LastPageWhenPastTheEnd:
    """A ListView mixin: a page number past the end (or not a number) shows the nearest page,
    as the meetings list does, rather than a 404."""

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(
            queryset,
            page_size,
            orphans=self.get_paginate_orphans(),
            allow_empty_first_page=self.get_allow_empty(),
        )
        page = paginator.get_page(self.request.GET.get(self.page_kwarg))
        return paginator, page, page.object_list, page.has_other_pages()
