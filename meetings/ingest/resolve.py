"""Resolving extracted names to rows: countries, people and agreements, once across articles
(agreements in resolve_agreements)."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import IntegrityError, transaction

from meetings.extraction.turkish import name_key, surname_key
from meetings.ingest.pending import PendingRows
from meetings.ingest.resolve_agreements import AgreementResolver
from meetings.ingest.surnames import bearers, relink_surnames
from meetings.models import Country, Person, PersonAlias
from meetings.models.base import slug_base, unique_slugs
from meetings.models.places import find_country

# Answers one resolver remembers before it starts afresh (see Resolver.trim): some six
# chunks of articles' worth, about a megabyte.
CACHE_LIMIT = 2_000


def spelling_rank(name: str) -> tuple:
    """How full a spelling of a name is: more letters beyond ASCII ("Vuçiç" over "Vucic"),
    then more lower-case ones ("Aliyev" over "ALİYEV"), then the alphabet. Of the spellings
    of one name, the highest is kept, whichever came first."""
    return (sum(not c.isascii() for c in name), sum(c.islower() for c in name), name)


@dataclass
class PersonMatch:
    """The outcome of resolving a name: a person, or why there is none."""

    person: Person | None
    created: bool = False
    ambiguous: list[str] = field(default_factory=list)


class Resolver(AgreementResolver):
    """Looks names up in the database, remembering answers for the rest of one import run:
    countries and people here, agreements in AgreementResolver."""

    def __init__(self) -> None:
        self.forget()
        # While a chunk of new articles is written, new agreements wait here to be inserted
        # with the rest of the chunk (see Ingestor.ingest_new).
        self.pending: PendingRows | None = None

    def forget(self) -> None:
        """Drop every remembered answer: after a rollback they may name rows that are gone."""
        self._countries: dict[str, Country] | None = None
        self._people: dict[str, Person] = {}
        self._unknown: set[str] = set()  # keys no person's name or alias had when looked up
        self._surnames: dict[str, list[Person]] = {}  # a lone surname's candidates
        self._aliases: set[str] = set()  # keys that are a person's alias, not a surname
        self.relinked: set[int] = set()  # meetings whose links relink_surnames changed
        self._codes: dict[int, str] | None = None  # countries' ISO codes, by id
        self._forget_agreements()

    def trim(self) -> None:
        """Forget everything once more than CACHE_LIMIT answers are remembered, so that a long
        import's memory stays flat; the next articles' names are simply looked up again."""
        remembered = (
            self._people,
            self._unknown,
            self._surnames,
            *self._remembered_agreements(),
        )
        if sum(map(len, remembered)) > CACHE_LIMIT:
            self.forget()

    # Countries ---------------------------------------------------------------------------
    def country(self, name: str | None) -> Country | None:
        """The country a name stands for: any of its Turkish or English names, aliases,
        adjectives or demonyms, or its ISO code. A name no country has gives None: countries
        come from the ISO table (load_known_entities), never from an article."""
        if not name or not name.strip():
            return None
        if self._countries is None:
            self._countries = Country.objects.by_form()
        return find_country(self._countries, name)

    # People ------------------------------------------------------------------------------
    def person(self, name: str, country: Country | None = None) -> PersonMatch:
        """The one person a name stands for, created if it is a new full name.

        A single word (a surname) resolves only when exactly one known person has it as the
        last word of their name; otherwise it stays unresolved and the caller flags it.
        """
        key = name_key(name)
        if not key:
            return PersonMatch(None)
        if " " not in key and key not in self._aliases:
            # A surname alone is the full-named person who bears it, whether or not someone
            # was once recorded under the surname alone; a namesake makes it ambiguous.
            # A bearer of another country is not the one meant, nor is a new person.
            found = self._surname_candidates(key)
            candidates = bearers(found, country.pk if country else None)
            if len(candidates) == 1:
                return PersonMatch(candidates[0])
            if found:
                return PersonMatch(None, ambiguous=sorted(p.name for p in candidates or found))
        if key in self._people:
            return PersonMatch(self._settle(self._people[key], name, country))
        found = None if key in self._unknown else self._lookup(key)
        if found is not None:
            self._people[key] = found
            return PersonMatch(self._settle(found, name, country))
        created = False
        try:
            with transaction.atomic():
                person = Person.objects.create(name=name, country=country)
                created = True
        except IntegrityError:
            # Another importer created the same person a moment ago: use theirs.
            person = Person.objects.get(name_key=key)
        self._people[key] = person
        self._surnames.pop(person.surname_key, None)  # one more person has that surname
        if created and " " in key:
            self._relink_surnames([person])
        return PersonMatch(person, created=created)

    def prefetch_people(self, names: list[tuple[str, str | None]]) -> int:
        """Resolve many (name, country) pairs in a few queries; return how many were created.

        Known names and aliases are looked up together, new full names are inserted in one
        statement, and then the candidates of every surname used alone are read at once.
        """
        wanted: dict[str, tuple[str, str | None]] = {}
        for name, country in names:
            key = name_key(name)
            if key and key not in self._people and key not in self._unknown:
                wanted[key] = self._fuller(wanted.get(key), name, country)
        if not wanted:
            return 0
        for person in Person.objects.filter(name_key__in=wanted):
            name, country = wanted[person.name_key]
            self._people[person.name_key] = self._settle(person, name, self.country(country))
        missing = [k for k in wanted if k not in self._people]
        if missing:
            for alias in PersonAlias.objects.select_related("person").filter(key__in=missing):
                self._people[alias.key] = alias.person
                self._aliases.add(alias.key)
        missing = [k for k in missing if k not in self._people]
        self._unknown.update(missing)
        created = self._create_people([(k, *wanted[k]) for k in missing if " " in k])
        self._prefetch_surnames([k for k in wanted if " " not in k])
        return created

    def _create_people(self, new: list[tuple[str, str, str | None]]) -> int:
        """Insert people by (key, name, country) in one statement; return how many were new."""
        if not new:
            return 0
        people = [
            Person(
                name=name,
                name_key=key,
                surname_key=surname_key(key),
                slug=slug_base(name),
                country=self.country(country),
            )
            for key, name, country in new
        ]
        slugs = unique_slugs(Person, [(p.slug, p.name_key) for p in people])
        for person, slug in zip(people, slugs, strict=True):
            person.slug = slug
        # A row another importer inserted meanwhile is skipped here and read back below.
        Person.objects.bulk_create(people, ignore_conflicts=True)
        keys = [key for key, _, _ in new]
        stored = list(Person.objects.filter(name_key__in=keys))
        for person in stored:
            self._people[person.name_key] = person
            self._surnames.pop(person.surname_key, None)
        self._relink_surnames(stored)
        return sum(1 for k in keys if k in self._people)

    def _fuller(self, known: tuple | None, name: str, country: str | None) -> tuple:
        """Of two sightings of one name, (the fuller spelling, the country that settles)."""
        if known is None or known == (name, country):
            return known or (name, country)
        spelling = known[0] if known[0] == name else max(known[0], name, key=spelling_rank)
        if known[1] == country or country is None:
            return (spelling, known[1])
        codes = {c: self._country_rank(self.country(c)) for c in (known[1], country)}
        return (spelling, min(codes, key=codes.get))

    def _country_rank(self, country: Country | int | None) -> tuple:
        """Lower settles: any country before none, then by ISO code."""
        if country is None:
            return (1, "")
        if self._codes is None:
            self._codes = dict(Country.objects.values_list("pk", "iso_code"))
        pk = country if isinstance(country, int) else country.pk
        return (0, self._codes.get(pk) or "", pk)

    def _settle(self, person: Person, name: str, country: Country | None) -> Person:
        """Give a person found by their name's key the fuller spelling of it and the country
        that settles (see spelling_rank, _country_rank), unless an editor locked them: so
        what a person is called, and where from, does not depend on which article came first.

        Articles that disagree about a person's country (one of them is wrong) settle on the
        lowest ISO code; an editor's lock pins the right one.
        """
        better = {}
        if (
            name != person.name
            and not person.is_locked("name")
            and name_key(name) == person.name_key
            and spelling_rank(name) > spelling_rank(person.name)
        ):
            better["name"] = name
        if (
            country is not None
            and country.pk != person.country_id
            and not person.is_locked("country")
            and self._country_rank(country) < self._country_rank(person.country_id)
        ):
            better["country"] = country
        if not better:
            return person
        # Importers write one at a time (lock_meetings), but another may have settled this
        # person further since it was read: compare with the stored row.
        stored = Person.objects.filter(pk=person.pk).values("name", "country_id").first() or {}
        if "name" in better and spelling_rank(name) <= spelling_rank(stored.get("name", "")):
            del better["name"]
        if "country" in better and self._country_rank(country) >= self._country_rank(
            stored.get("country_id")
        ):
            del better["country"]
        if better:
            Person.objects.filter(pk=person.pk).update(**better)
        person.name = better.get("name", stored.get("name", person.name))
        if "country" in better:
            person.country = country
        elif "country_id" in stored:
            person.country_id = stored["country_id"]
        return person

    def _lookup(self, key: str) -> Person | None:
        person = Person.objects.filter(name_key=key).first()
        if person is None:
            alias = PersonAlias.objects.select_related("person").filter(key=key).first()
            person = alias.person if alias else None
            if alias:
                self._aliases.add(key)
        return person

    def _relink_surnames(self, new: list[Person]) -> None:
        """Once full-named people arrive, resolve again what their surnames alone named.

        Links (participations, statements, mentions) that name a person by a surname alone
        and that no editor locked move to the one full-named bearer of the surname (of the
        link's country, where known); with several bearers they are left without a person
        and their meetings flagged ambiguous_name. A person once recorded under the surname
        alone is deleted when nothing refers to them any more. One query when no surname of
        the new people was used alone or borne before.
        """
        surnames = {p.surname_key for p in new if " " in p.name_key}
        if not surnames:
            return
        fresh = {p.pk for p in new}
        people = Person.objects.filter(surname_key__in=surnames).select_related("country")
        lone, older = [], set()
        for person in people:
            if " " not in person.name_key:
                lone.append(person)
            elif person.pk not in fresh:
                older.add(person.surname_key)  # a namesake arrived: revisit its links
        if lone or older:
            relink_surnames(lone, older, self)
        for key in surnames:
            self._people.pop(key, None)
            self._unknown.discard(key)

    def _surname_candidates(self, key: str) -> list[Person]:
        """Everyone whose name, or an alias of whose, has more words and ends in this one."""
        if key not in self._surnames:
            self._prefetch_surnames([key])
        return self._surnames[key]

    def _prefetch_surnames(self, keys: list[str]) -> None:
        """Read the candidates of many lone surnames in two indexed queries."""
        keys = [k for k in keys if k not in self._surnames]
        if not keys:
            return
        found: dict[str, dict[int, Person]] = {k: {} for k in keys}
        for person in Person.objects.filter(surname_key__in=keys):
            if " " in person.name_key:
                found[person.surname_key][person.pk] = person
        aliases = PersonAlias.objects.select_related("person").filter(surname_key__in=keys)
        for alias in aliases:
            if " " in alias.key:
                found[alias.surname_key].setdefault(alias.person_id, alias.person)
        self._surnames.update((k, list(people.values())) for k, people in found.items())
