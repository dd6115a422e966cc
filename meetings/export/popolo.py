"""Popolo JSON (https://www.popoloproject.com/specs/): people as persons, countries as
organizations, and each title a person held for a country as a membership, running from the
first to the last meeting at which they held it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field

from meetings.export.values import Permalinks, partial_iso, period_end
from meetings.extraction.turkish import name_key
from meetings.models import Country, Participation, Person
from meetings.models.base import slug_base
from meetings.models.places import find_country

BATCH = 2000
# A title's country is named by its first words: "Rusya Dışişleri Bakanı", "Amerika Birleşik
# Devletleri Dışişleri Bakanı"; no country's name is longer.
COUNTRY_WORDS = 4
PRECISE = {"day": 0, "month": 1, "year": 2}


def person_id(pk: int) -> str:
    """A person's Popolo id (the number is the id in people.csv)."""
    return f"person/{pk}"


def country_id(pk: int) -> str:
    """A country's Popolo organization id (the number is the id in countries.csv)."""
    return f"country/{pk}"


def persons(links: Permalinks) -> Iterator[dict]:
    """Every person, with other spellings and the address of their page."""
    people = Person.objects.order_by("pk").prefetch_related("aliases")
    for p in people.iterator(chunk_size=BATCH):
        item = {
            "id": person_id(p.pk),
            "name": p.name,
            "identifiers": [{"scheme": "slug", "identifier": p.slug}],
            "other_names": [{"name": a.name} for a in p.aliases.all()],
            "links": [{"url": links("person", p.slug), "note": "record page"}],
        }
        if not item["other_names"]:
            del item["other_names"]
        yield item


def organizations() -> Iterator[dict]:
    """Every country, with its ISO 3166-1 code, English name and other Turkish forms."""
    for c in Country.objects.order_by("pk").iterator(chunk_size=BATCH):
        identifiers = [{"scheme": "slug", "identifier": c.slug}]
        if c.iso_code:
            identifiers.insert(0, {"scheme": "ISO 3166-1 alpha-2", "identifier": c.iso_code})
        other = [{"name": c.name_en, "note": "English"}] if c.name_en else []
        names = {c.name_tr, c.name_en}
        forms = dict.fromkeys(f for f in c.forms(primary=False) if f not in names)
        other += [{"name": form} for form in forms]
        yield {
            "id": country_id(c.pk),
            "name": c.name_tr,
            "classification": "country",
            "identifiers": identifiers,
            "other_names": other,
        }


@dataclass
class Held:
    """A title held for a country: its first and last dated meetings, as they are read."""

    label: str
    meetings: int = 0
    first: tuple | None = field(default=None)  # (date, precision, slug)
    last: tuple | None = field(default=None)

    def add(self, date: dt.date | None, precision: str, slug: str) -> None:
        """Count one more meeting, moving the ends if it lies beyond them."""
        self.meetings += 1
        if date is None:
            return
        here = (date, precision, slug)
        if self.first is None or (date, PRECISE[precision]) < (
            self.first[0],
            PRECISE[self.first[1]],
        ):
            self.first = here
        end = (period_end(date, precision), -PRECISE[precision])
        if self.last is None or end > (
            period_end(self.last[0], self.last[1]),
            -PRECISE[self.last[1]],
        ):
            self.last = here


class TitleReader:
    """Splits a title into the country it is held for and the role: "Rusya Dışişleri Bakanı"
    is the role "Dışişleri Bakanı" for Russia. A title naming no country is held for the
    person's own country."""

    def __init__(self) -> None:
        self.index = Country.objects.by_form()
        self.known: dict[str, tuple[int | None, str]] = {}

    def read(self, title: str) -> tuple[int | None, str]:
        """(country id or None, role) of a title."""
        if title not in self.known:
            words = title.split()
            self.known[title] = (None, title.strip())
            for k in range(min(COUNTRY_WORDS, len(words) - 1), 0, -1):
                country = find_country(self.index, " ".join(words[:k]))
                if country is not None:
                    self.known[title] = (country.pk, " ".join(words[k:]))
                    break
        return self.known[title]


def memberships(links: Permalinks) -> Iterator[dict]:
    """Each (person, country, role) seen in meetings, with its first and last meeting.

    Held in memory once per membership, not per meeting: a few per person.
    """
    reader = TitleReader()
    held: dict[tuple[int, int, str], Held] = {}
    rows = (
        Participation.objects.filter(person__isnull=False)
        .exclude(title="")
        .order_by("pk")
        .values_list(
            "person_id",
            "person__country_id",
            "title",
            "meeting__date",
            "meeting__date_precision",
            "meeting__slug",
        )
    )
    for person, own_country, title, date, precision, slug in rows.iterator(chunk_size=BATCH):
        country, role = reader.read(title)
        country = country or own_country
        if country is None:
            continue  # neither the title nor the person names a country: no organisation
        key = (person, country, name_key(role))
        entry = held.get(key)
        if entry is None:
            entry = held[key] = Held(label=title)
        entry.add(date, precision, slug)
    for (person, country, role_key), entry in sorted(held.items(), key=lambda i: i[0][:2]):
        yield _membership(person, country, role_key, entry, reader, links)


def _membership(person, country, role_key, entry: Held, reader, links) -> dict:
    role = reader.read(entry.label)[1]
    item = {
        "id": f"membership/{person}/{country}/{slug_base(role_key)}",
        "person_id": person_id(person),
        "organization_id": country_id(country),
        "role": role,
        "label": entry.label,
    }
    sources = []
    if entry.first:
        item["start_date"] = partial_iso(entry.first[0], entry.first[1])
        sources.append({"url": links("meeting", entry.first[2]), "note": "first meeting"})
    if entry.last:
        item["end_date"] = partial_iso(entry.last[0], entry.last[1])
        if entry.last[2] != entry.first[2]:
            sources.append({"url": links("meeting", entry.last[2]), "note": "last meeting"})
    if sources:
        item["sources"] = sources
    return item
