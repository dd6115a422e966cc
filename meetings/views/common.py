"""What several pages share: list querysets, site-wide cached aggregates, URL helpers."""

from __future__ import annotations

from django.core.cache import cache
from django.db.models import Count, F, Prefetch

from meetings.models import Article, Meeting, Participation, Person
from meetings.search.generation import current_generation

MEETINGS_PER_PAGE = 20
STATEMENTS_PER_PAGE = 25
NEWEST_FIRST = [F("date").desc(nulls_last=True), "-id"]
OLDEST_FIRST = [F("date").asc(nulls_last=True), "id"]
CACHE_SECONDS = 300  # how long an aggregate is kept; the data generation retires it sooner
FACET_SAMPLE = 5000


def meetings_for_list():
    """Meetings with what a list item shows: country, participants, and the article text."""
    return Meeting.objects.select_related("country").prefetch_related(
        Prefetch(
            "participations",
            queryset=Participation.objects.select_related("person").order_by("role", "id"),
        ),
        Prefetch("articles", queryset=Article.objects.only("id", "text")),
    )


def cached(key: str, compute):
    """A site-wide aggregate, computed once per data generation.

    Counting every row of a large table is the dearest thing a page does, so such totals
    (facets of the unfiltered list, the chart, suggestions) are kept; but under the data
    generation, as pages are, so an import or an edit retires them at once.
    """
    key = f"{key}:{current_generation()}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, CACHE_SECONDS)
    return value


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
    """The current URL's query string with some parameters set, added to, or removed."""
    params = request.GET.copy()
    for name in drop:
        params.pop(name, None)
    for name, value in changes.items():
        if value is None:
            params.pop(name, None)
        elif isinstance(value, tuple):  # ("add", v) or ("remove", v) for lists
            action, item = value
            values = [v for v in params.getlist(name) if v != item]
            if action == "add":
                values.append(item)
            params.setlist(name, values)
        else:
            params[name] = value
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"
