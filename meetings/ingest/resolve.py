"""Resolving extracted names to rows: countries, people and agreements, once across articles."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import IntegrityError, transaction

from meetings.extraction.turkish import fold, name_key, surname_key
from meetings.ingest.pending import PendingRows
from meetings.models import Agreement, AgreementAlias, Country, Person, PersonAlias
from meetings.models.base import slug_base, unique_slug

# Answers one resolver remembers before it starts afresh (see Resolver.trim): some six
# chunks of articles' worth, about a megabyte.
CACHE_LIMIT = 2_000


def is_specific(name: str) -> bool:
    """Whether an agreement's name singles it out ("Kasım 2020 Bildirgesi", "Minsk Protokolü")
    rather than describing a kind of agreement ("barış anlaşması", "Üçlü anlaşma")."""
    words = name.split()
    capitalised = sum(1 for w in words[1:] if w[:1].isupper())
    return any(ch.isdigit() for ch in name) or capitalised >= 1


def with_parties(name: str, parties: list[Country]) -> str:
    """The name given to an agreement whose wording another agreement already has."""
    return f"{name.strip()} ({', '.join(sorted(c.name_tr for c in parties)) or '?'})"


@dataclass
class PersonMatch:
    """The outcome of resolving a name: a person, or why there is none."""

    person: Person | None
    created: bool = False
    ambiguous: list[str] = field(default_factory=list)


class Resolver:
    """Looks names up in the database, remembering answers for the rest of one import run."""

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
        self._agreements: dict[tuple, Agreement] = {}
        # Agreement names and aliases by key, as looked up (None: looked up, not found),
        # and each agreement's party ids.
        self._agreement_names: dict[str, Agreement | None] = {}
        self._agreement_aliases: dict[str, AgreementAlias | None] = {}
        self._parties: dict[int, set[int]] = {}

    def trim(self) -> None:
        """Forget everything once more than CACHE_LIMIT answers are remembered, so that a long
        import's memory stays flat; the next articles' names are simply looked up again."""
        remembered = (
            self._people,
            self._unknown,
            self._surnames,
            self._agreements,
            self._agreement_names,
            self._agreement_aliases,
        )
        if sum(map(len, remembered)) > CACHE_LIMIT:
            self.forget()

    # Countries ---------------------------------------------------------------------------
    def country(self, name: str | None) -> Country | None:
        """The country named by its Turkish or English name, adjective or demonym."""
        if not name:
            return None
        if self._countries is None:
            self._countries = {}
            for c in Country.objects.all():
                for form in (c.name_en, c.adjective, c.demonym, c.name_tr):
                    if form:
                        self._countries[fold(form)] = c
        key = fold(name.strip())
        found = self._countries.get(key)
        if found is None:
            found, _ = Country.objects.get_or_create(
                name_tr=name.strip(),
                defaults={"name_en": name.strip(), "slug": unique_slug(Country, name)},
            )
            self._countries[key] = found
        return found

    # People ------------------------------------------------------------------------------
    def person(self, name: str, country: Country | None = None) -> PersonMatch:
        """The one person a name stands for, created if it is a new full name.

        A single word (a surname) resolves only when exactly one known person has it as the
        last word of their name; otherwise it stays unresolved and the caller flags it.
        """
        key = name_key(name)
        if not key:
            return PersonMatch(None)
        if key in self._people:
            return PersonMatch(self._people[key])
        found = None if key in self._unknown else self._lookup(key)
        if found is not None:
            self._people[key] = found
            return PersonMatch(found)
        if " " not in key:
            # Not remembered as the person's name: a namesake created later makes it ambiguous.
            candidates = self._surname_candidates(key)
            if len(candidates) == 1:
                return PersonMatch(candidates[0])
            if len(candidates) > 1:
                return PersonMatch(None, ambiguous=sorted(p.name for p in candidates))
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
        return PersonMatch(person, created=created)

    def prefetch_people(self, names: list[tuple[str, str | None]]) -> int:
        """Resolve many (name, country) pairs in a few queries; return how many were created.

        Known names and aliases are looked up together, new full names are inserted in one
        statement, and then the candidates of every surname used alone are read at once.
        """
        wanted = {}
        for name, country in names:
            key = name_key(name)
            if key and key not in self._people and key not in self._unknown and key not in wanted:
                wanted[key] = (name, country)
        if not wanted:
            return 0
        for person in Person.objects.filter(name_key__in=wanted):
            self._people[person.name_key] = person
        missing = [k for k in wanted if k not in self._people]
        if missing:
            for alias in PersonAlias.objects.select_related("person").filter(key__in=missing):
                self._people[alias.key] = alias.person
        missing = [k for k in missing if k not in self._people]
        self._unknown.update(missing)
        created = self._create_people([(k, *wanted[k]) for k in missing if " " in k])
        self._prefetch_surnames([k for k in missing if " " not in k])
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
        taken = set(
            Person.objects.filter(slug__in=[p.slug for p in people]).values_list("slug", flat=True)
        )
        for person in people:
            if person.slug in taken:
                person.slug = unique_slug(Person, person.name)
            taken.add(person.slug)
        # A row another importer inserted meanwhile is skipped here and read back below.
        Person.objects.bulk_create(people, ignore_conflicts=True)
        keys = [key for key, _, _ in new]
        for person in Person.objects.filter(name_key__in=keys):
            self._people[person.name_key] = person
            self._surnames.pop(person.surname_key, None)
        return sum(1 for k in keys if k in self._people)

    def _lookup(self, key: str) -> Person | None:
        person = Person.objects.filter(name_key=key).first()
        if person is None:
            alias = PersonAlias.objects.select_related("person").filter(key=key).first()
            person = alias.person if alias else None
        return person

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

    # Agreements --------------------------------------------------------------------------
    def agreement(
        self, name: str, surfaces: list[str], parties: list[Country], status: str
    ) -> tuple[Agreement, bool]:
        """The agreement these surface forms name, created if none matches; and whether new.

        A known name or alias matches outright. Generic wording ("üçlü anlaşma", "barış
        anlaşması") matches only an agreement with the same parties, so two different peace
        agreements never become one.
        """
        party_ids = {c.pk for c in parties}
        keys = [k for k in dict.fromkeys(name_key(s) for s in [name, *surfaces]) if k]
        remembered = (tuple(keys), frozenset(party_ids))
        if remembered in self._agreements:
            return self._agreements[remembered], False
        agreement, created = self._find_or_create_agreement(name, keys, parties, status)
        self._agreements[remembered] = agreement
        return agreement, created

    def prefetch_agreements(self, names: list[str]) -> None:
        """Look up many agreement names and surface forms at once (four queries)."""
        keys = {k for k in map(name_key, names) if k and k not in self._agreement_names}
        if not keys:
            return
        for agreement in Agreement.objects.filter(name_key__in=keys).prefetch_related("parties"):
            self._remember_agreement(agreement)
        aliases = (
            AgreementAlias.objects.filter(key__in=keys)
            .select_related("agreement")
            .prefetch_related("agreement__parties")
        )
        for alias in aliases:
            self._remember_agreement(alias.agreement)
            self._agreement_aliases[alias.key] = alias
        for key in keys:
            self._agreement_names.setdefault(key, None)
            self._agreement_aliases.setdefault(key, None)

    def _remember_agreement(self, agreement: Agreement, parties: list[Country] | None = None):
        self._agreement_names[agreement.name_key] = agreement
        if parties is None:
            parties = agreement.parties.all()  # prefetched
        self._parties[agreement.pk] = {c.pk for c in parties}

    def _find_or_create_agreement(self, name, keys, parties, status) -> tuple[Agreement, bool]:
        party_ids = {c.pk for c in parties}
        self.prefetch_agreements([name, *keys])
        found, named = self._agreement_by_keys(keys, party_ids)
        if found is not None:
            return found, False
        base = name.strip()
        if name_key(base) in named:
            # Same wording, different parties: a different agreement, named by its parties.
            base = with_parties(base, parties)
            self.prefetch_agreements([base])
            existing = self._agreement_names[name_key(base)]
            if existing is not None:
                return existing, False
        if self.pending is not None:
            return self._hold_agreement(base, status, parties), True
        try:
            with transaction.atomic():
                agreement = Agreement.objects.create(name=base, status=status)
                Agreement.parties.through.objects.bulk_create(
                    [Agreement.parties.through(agreement=agreement, country=c) for c in parties]
                )
        except IntegrityError:
            agreement = Agreement.objects.prefetch_related("parties").get(name_key=name_key(base))
            self._remember_agreement(agreement)
            return agreement, False
        self._remember_agreement(agreement, parties)
        return agreement, True

    def _hold_agreement(self, name: str, status: str, parties: list[Country]) -> Agreement:
        """A new agreement held back with the chunk's rows (what Agreement.save would fill
        in is filled in here; the chunk makes its slug unique)."""
        agreement = Agreement(name=name, name_key=name_key(name), slug=slug_base(name))
        agreement.status = status
        self.pending.add(Agreement, [agreement])
        through = Agreement.parties.through
        self.pending.add(through, [through(agreement=agreement, country=c) for c in parties])
        self._remember_agreement(agreement, parties)
        return agreement

    def _agreement_by_keys(
        self, keys: list[str], party_ids: set[int]
    ) -> tuple[Agreement | None, set[str]]:
        """The agreement the first matching key names, from what prefetch_agreements
        remembered, and which keys are already some agreement's name."""

        def parties_agree(agreement: Agreement) -> bool:
            return bool(party_ids) and self._parties[agreement.pk] == party_ids

        named = {k for k in keys if self._agreement_names.get(k) is not None}
        for key in keys:
            agreement = self._agreement_names.get(key)
            if agreement is not None and (is_specific(agreement.name) or parties_agree(agreement)):
                return agreement, named
            alias = self._agreement_aliases.get(key)
            if alias is not None and (
                not alias.needs_party_match or parties_agree(alias.agreement)
            ):
                return alias.agreement, named
        return None, named
