"""Resolving extracted names to rows: countries, people and agreements, once across articles."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import NamedTuple

from django.db import IntegrityError, transaction

from meetings.extraction import lexicon as lexicon_module
from meetings.extraction.lexicon import lexicon
from meetings.extraction.turkish import fold, name_key, surname_key
from meetings.ingest import shared_names
from meetings.ingest.pending import PendingRows
from meetings.ingest.surnames import bearers, relink_surnames
from meetings.models import Agreement, AgreementAlias, Country, Person, PersonAlias
from meetings.models.base import slug_base, unique_slugs
from meetings.models.places import find_country

# Answers one resolver remembers before it starts afresh (see Resolver.trim): some six
# chunks of articles' worth, about a megabyte.
CACHE_LIMIT = 2_000


class _NamingWords(NamedTuple):
    counts: frozenset[str]  # "yedi", "birkaç": a number of agreements
    vague: frozenset[str]  # "diğer", "bazı": no agreement in particular
    months: frozenset[str]
    cities: frozenset[str]
    countries: frozenset[str]  # names and adjectives
    heads: tuple[str, ...]  # the agreement nouns' stems


@cache
def _naming_words() -> _NamingWords:
    """The extractor's word lists that tell how specific an agreement's name is, folded."""
    words = lexicon()
    path = Path(lexicon_module.__file__).with_name("agreements.json")
    counts = json.loads(path.read_text(encoding="utf-8"))["counts"]
    return _NamingWords(
        counts=frozenset(fold(w) for w in counts),
        vague=words.agreement_not_specific,
        months=frozenset(words.months),
        cities=frozenset(words.cities),
        countries=frozenset({**words.country_names, **words.country_adjectives}),
        heads=tuple(h.stem for h in words.agreement_heads),
    )


def agreement_name_kind(name: str) -> str:
    """What an agreement's name says about it, the strongest reading first:

    - "plural": several documents ("anlaşmalar", "Aramızdaki anlaşmalar");
    - "count": a number of them ("yedi anlaşma", "3 protokol") or no one in particular
      ("diğer anlaşmalar", "bazı protokoller");
    - "proper": a proper name ("Müttefik Etkileşim Bildirgesi", "Paris Anlaşması"): a word
      after the first is capitalised and is not a country's name;
    - "anchored": a singular noun anchored by its date ("9 Kasım'da varılan anlaşma", "2015
      anlaşması") or by a city ("Minsk protokolü");
    - "generic": only a kind of agreement ("barış anlaşması", "ikili anlaşma", "Protokol").
    """
    words = _naming_words()
    keys = name_key(name).split()
    heads = [i for i, k in enumerate(keys) if k.startswith(words.heads)]
    head = heads[-1] if heads else len(keys) - 1
    if head >= 0 and any(keys[head].startswith((f"{h}lar", f"{h}ler")) for h in words.heads):
        return "plural"
    before = keys[head - 1] if head > 0 else ""
    if before in words.counts or (before.isdigit() and len(before) <= 3):
        return "count"
    if words.vague.intersection(keys):
        return "count"
    for word in name.split()[1:]:
        parts = [name_key(part) for part in re.split(r"[-–]", word)]
        if word[:1].isupper() and not all(p in words.countries for p in parts if p):
            return "proper"
    if any((k.isdigit() and len(k) == 4) or k in words.months or k in words.cities for k in keys):
        return "anchored"
    return "generic"


def is_specific(name: str) -> bool:
    """Whether an agreement's name singles out one document, by a proper name or by its date
    or city ("Kasım 2020 Bildirgesi", "Minsk protokolü"), rather than describing a kind of
    agreement ("barış anlaşması", "üçlü anlaşma") or several ("anlaşmalar", "yedi anlaşma").
    A specific name is enough for a record; a generic one needs an anchor (record_name)."""
    return agreement_name_kind(name) in ("proper", "anchored")


def record_name(name: str, parties: list[Country], status: str, year: int | None) -> str | None:
    """The name an agreement read under this name may be recorded under, or None.

    A specific name is its own. A singular generic noun is one document only when it is
    signed (or proposed for signing) at this meeting between at least two parties: it is
    named by them and the meeting's year ("ikili anlaşma (Azerbaycan, Türkiye; 2021)").
    Plurals, counts and generic nouns merely referred to never become records; they can
    still name a known agreement through its aliases.
    """
    kind = agreement_name_kind(name)
    if kind in ("proper", "anchored"):
        return name.strip()
    if kind == "generic" and status in ("signed", "proposed") and len(parties) >= 2:
        return with_parties(name, parties, year)
    return None


def with_parties(name: str, parties: list[Country], year: int | None = None) -> str:
    """The name given to an agreement known by its parties (and year): a generic noun
    signed at a meeting, or a proper name another agreement, with other parties, has."""
    named = ", ".join(sorted(c.name_tr for c in parties)) or "?"
    return f"{name.strip()} ({named}{f'; {year}' if year else ''})"


def parties_compatible(a: set[int], b: set[int]) -> bool:
    """Whether two sets of parties can be one agreement's: one of them is unknown or holds
    the other (an article often names only some of the parties)."""
    return not a or not b or a <= b or b <= a


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
        self._aliases: set[str] = set()  # keys that are a person's alias, not a surname
        self.relinked: set[int] = set()  # meetings whose links relink_surnames changed
        self._agreements: dict[tuple, Agreement] = {}
        # Agreement names and aliases by key, as looked up (None: looked up, not found),
        # and each agreement's party ids.
        self._agreement_names: dict[str, Agreement | None] = {}
        self._agreement_aliases: dict[str, AgreementAlias | None] = {}
        self._parties: dict[int, set[int]] = {}
        self._codes: dict[int, str] | None = None  # countries' ISO codes, by id

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

    # Agreements --------------------------------------------------------------------------
    def agreement(
        self,
        name: str,
        surfaces: list[str],
        parties: list[Country],
        status: str,
        year: int | None = None,
    ) -> tuple[Agreement | None, bool]:
        """The agreement these surface forms name, created if none matches; and whether new.

        A specific name (is_specific) matches the agreement of that name, and any alias, only
        when the parties are compatible (parties_compatible); an alias marked
        needs_party_match ("üçlü anlaşma", "barış anlaşması") only when the article names at
        least two parties and they fit. With nothing matching, a record is created under
        record_name, or, for a plural, a count or a generic noun only referred to, none is:
        (None, False). year is the meeting's, for a generic noun signed there.
        """
        party_ids = frozenset(c.pk for c in parties)
        forms = [name, *surfaces]
        keys = [k for k in dict.fromkeys(name_key(s) for s in forms) if k]
        recorded = record_name(name, parties, status, year)
        remembered = (tuple(keys), party_ids, recorded)
        if remembered in self._agreements:
            return self._agreements[remembered], False
        # The names a new record may take: its own or, where an agreement with other
        # parties has that, the name with the parties ("Lojistik Bildirgesi (ABD, Kenya)").
        names = [recorded] if recorded else []
        if recorded and parties and is_specific(name):
            names.append(with_parties(recorded, parties))
        specific = {name_key(s) for s in forms if is_specific(s)}
        agreement, created = self._find_or_create_agreement(names, keys, specific, parties, status)
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

    def _find_or_create_agreement(
        self,
        names: list[str],
        keys: list[str],
        specific: set[str],
        parties: list[Country],
        status: str,
    ) -> tuple[Agreement | None, bool]:
        party_ids = {c.pk for c in parties}
        self.prefetch_agreements([*names, *keys])
        found = self._agreement_by_keys(keys, specific, party_ids)
        name = None
        if found is None and len(names) == 2:  # a proper name, with parties
            found, name = self._shared_name(names[0], parties)
        for candidate in names if found is None and name is None else ():
            found = self._agreement_names[name_key(candidate)]
            if found is None:
                name = candidate  # free: the new record's name
                break
            if parties_compatible(self._parties[found.pk], party_ids):
                break
            found = None
        if found is not None:
            self._add_parties(found, party_ids - self._parties[found.pk], parties)
            return found, False
        if name is None:
            return None, False  # not a record, or its names are other agreements'
        if self.pending is not None:
            return self._hold_agreement(name, status, parties), True
        try:
            with transaction.atomic():
                agreement = Agreement.objects.create(name=name, status=status)
                Agreement.parties.through.objects.bulk_create(
                    [Agreement.parties.through(agreement=agreement, country=c) for c in parties]
                )
        except IntegrityError:
            agreement = Agreement.objects.prefetch_related("parties").get(name_key=name_key(name))
            self._remember_agreement(agreement)
            return agreement, False
        self._remember_agreement(agreement, parties)
        return agreement, True

    def _shared_name(
        self, plain: str, parties: list[Country]
    ) -> tuple[Agreement | None, str | None]:
        """For a proper name another agreement holds with clashing parties: (the agreement
        sharing the name whose parties fit, None), or (None, the name a new record takes),
        or (None, None) to go on as for any name. See shared_names."""
        holder = self._agreement_names.get(name_key(plain))
        party_ids = {c.pk for c in parties}
        if holder is None or parties_compatible(self._parties[holder.pk], party_ids):
            return None, None
        remembered = [a for a in self._agreement_names.values() if a is not None]
        for sibling in shared_names.siblings(plain, remembered):
            if sibling.pk not in self._parties:
                self._remember_agreement(sibling)
            if parties_compatible(self._parties[sibling.pk], party_ids):
                return sibling, None
        if self._codes is None:
            self._codes = dict(Country.objects.values_list("pk", "iso_code"))
        held = self._parties[holder.pk]
        if not shared_names.takes_plain_name(holder, held, party_ids, self._codes):
            return None, None
        self._agreement_names[holder.name_key] = None
        named = with_parties(plain, list(Country.objects.filter(pk__in=held)))
        shared_names.rename_with_parties(holder, named)
        self._agreement_names[holder.name_key] = holder
        return None, plain

    def _add_parties(self, agreement: Agreement, new: set[int], parties: list[Country]) -> None:
        """Add parties an article names to an agreement that lacks them (not over a lock)."""
        if not new or agreement.is_locked("parties"):
            return
        through = Agreement.parties.through
        rows = [through(agreement=agreement, country=c) for c in parties if c.pk in new]
        if self.pending is not None:
            self.pending.add(through, rows)
        else:
            through.objects.bulk_create(rows, ignore_conflicts=True)
        self._parties[agreement.pk] |= new

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
        self, keys: list[str], specific: set[str], party_ids: set[int]
    ) -> Agreement | None:
        """The agreement the first matching key names, from what prefetch_agreements
        remembered: by its name if the key is specific, or by an alias; parties compatible."""

        def fits(agreement: Agreement) -> bool:
            return parties_compatible(self._parties[agreement.pk], party_ids)

        for key in keys:
            agreement = self._agreement_names.get(key)
            if agreement is not None and key in specific and fits(agreement):
                return agreement
            alias = self._agreement_aliases.get(key)
            if alias is None or not fits(alias.agreement):
                continue
            if not alias.needs_party_match or len(party_ids) >= 2:
                return alias.agreement
        return None
