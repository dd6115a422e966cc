"""The people and countries of a search's first hits, counted from their facet rows.

``meetings.filters.facets`` counts a queryset's meetings from the participations: an index
probe per participant, then a sort of them all, for every search. A search's hits are a list
of ids instead, and each has a ``MeetingFacets`` row, kept with its search documents: one
short row per hit, counted here, then one lookup of the names shown. The result is the one
``facets`` gives for the same meetings, ties broken by name in the database's own order.
"""

from __future__ import annotations

from collections import Counter

from django.db import connection

from meetings.models import Country, MeetingFacets, Person
from meetings.models.base import among


def hit_facets(ids: list[int], limit: int = 8) -> dict[str, list[dict]]:
    """The ``limit`` people and countries most of these meetings have, most first, then by
    name, with how many of the meetings each has (as ``facets`` gives them)."""
    if not ids:
        return {"people": [], "countries": []}
    condition, params = among(ids)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT country_id, people FROM {MeetingFacets._meta.db_table} "
            f"WHERE meeting_id {condition}",
            params,
        )
        rows = cursor.fetchall()
    countries = Counter(country_id for country_id, _ in rows if country_id is not None)
    # The people's ids are counted as written, all in one pass, and only those shown are
    # read as numbers: converting each one first took longer than the query.
    written = ",".join(person_ids for _, person_ids in rows if person_ids)
    people = Counter(written.split(",") if written else ())
    top_people, top_countries = _Top(people, limit), _Top(countries, limit)
    while top_people.wanting() or top_countries.wanting():
        tier = [int(pk) for pk in top_people.next_tier()]
        found_people, found_countries = _names(tier, top_countries.next_tier())
        top_people.take({str(pk): found for pk, found in found_people.items()})
        top_countries.take(found_countries)
    return {
        "people": [
            {"person__slug": slug, "person__name": name, "n": n}
            for (slug, name), n in top_people.chosen
        ],
        "countries": [
            {
                "country__slug": slug,
                "country__name_tr": name_tr,
                "country__name_en": name_en,
                "n": n,
            }
            for (slug, name_tr, name_en), n in top_countries.chosen
        ],
    }


class _Top:
    """The most counted ids that still exist, chosen a tier at a time: the ids down to the
    count of the last one that could fit, and every id tied with it, so that the database
    can break the ties by name. One tier is nearly always enough; the next is read only when
    some of the first were deleted since they were counted."""

    def __init__(self, counts: Counter, limit: int):
        self.by_count = counts.most_common()
        self.limit = limit
        self.start = 0
        self.tier: list[tuple] = []
        self.chosen: list[tuple[tuple, int]] = []

    def wanting(self) -> bool:
        """Whether more rows are needed and there are ids left to read them from."""
        return len(self.chosen) < self.limit and self.start < len(self.by_count)

    def next_tier(self) -> list:
        """The ids of the next tier (none when no more are wanted)."""
        if not self.wanting():
            self.tier = []
            return []
        end = min(self.start + self.limit - len(self.chosen), len(self.by_count))
        floor = self.by_count[end - 1][1]
        while end < len(self.by_count) and self.by_count[end][1] == floor:
            end += 1
        self.tier, self.start = self.by_count[self.start : end], end
        return [pk for pk, _n in self.tier]

    def take(self, found: dict) -> None:
        """Choose from the tier the ids found, by count and then in the order found."""
        present = [(pk, n) for pk, n in self.tier if pk in found]
        present.sort(key=lambda item: (-item[1], found[item[0]][0]))
        room = self.limit - len(self.chosen)
        self.chosen += [(found[pk][1], n) for pk, n in present[:room]]


def _names(people: list[int], countries: list[int]) -> tuple[dict, dict]:
    """Each id's (position by name, shown fields), for the people and the countries given,
    read in one query and sorted by the database, so that ties read as ``facets`` has them."""
    parts, params = [], []
    if people:
        condition, more = among(people)
        parts.append(
            f"SELECT 1 AS part, id, slug, name AS b, NULL AS c FROM {Person._meta.db_table} "
            f"WHERE id {condition}"
        )
        params += more
    if countries:
        condition, more = among(countries)
        parts.append(
            f"SELECT 2 AS part, id, slug, name_tr AS b, name_en AS c "
            f"FROM {Country._meta.db_table} WHERE id {condition}"
        )
        params += more
    if not parts:
        return {}, {}
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts) + " ORDER BY part, b", params)
        rows = cursor.fetchall()
    found: tuple[dict, dict] = ({}, {})
    for position, (part, pk, slug, name, name_en) in enumerate(rows):
        shown = (slug, name) if part == 1 else (slug, name, name_en)
        found[part - 1][pk] = (position, shown)
    return found
