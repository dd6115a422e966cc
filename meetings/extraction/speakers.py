"""Speakers that are not a titled name at hand: institutions, role nouns and names said once.

"Dışişleri Bakanlığı, …", "Kremlin, …" and "Bakanlık kaynakları, …" (the ministry named
before) speak as institutions. "Türk Büyükelçi, …", "Ukrayna lideri, …" and "Bakan, …" are the
one person of that country (or of the article) holding that office. "Wang, …" is the person
whose name has that word; a name nobody titled ("Valdivia de …") is kept as printed.
"X'in açıklaması şöyle:" gives its speaker in the genitive.
"""

from __future__ import annotations

import bisect
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from .document import Doc, Token
from .lexicon import lexicon
from .people import People, Person, name_like
from .turkish import fold, fold_tokens, name_key

_SPEAKERS_JSON = Path(__file__).resolve().parent / "lexicon" / "speakers.json"
# Words that may follow a sentence's subject: "X, …", "X ise …", "X de …".
_AFTER_SUBJECT = frozenset({",", "ise", "de", "da"})
_ADVERBIAL_REACH = 5  # "Öte yandan, X, …": how far a leading adverbial may run
_RAW_NAME_WORDS = 3
_GENITIVE = frozenset({"in", "un", "nin", "nun"})
_GENITIVE_REACH = 6  # "X'in görüşmenin ardından yaptığı açıklama": words up to the noun


@dataclass(frozen=True)
class InstitutionHead:
    """A noun that ends an institution's name, as a folded stem and its written nominative."""

    stem: str
    nominative: str
    back: frozenset[str]


@dataclass(frozen=True)
class SpeakerWords:
    """The speakers lexicon, folded for matching."""

    heads: tuple[InstitutionHead, ...]
    back: dict[str, InstitutionHead]
    metonyms: dict[tuple[str, ...], str]
    metonym_first: frozenset[str]
    source_words: frozenset[str]
    leader_words: frozenset[str]
    leader_titles: frozenset[str]
    statement_nouns: tuple[str, ...]
    not_speakers: frozenset[str]


@dataclass(frozen=True)
class Speaker:
    """Who speaks: a person, an institution named as printed, or a name no one titled."""

    person: Person | None = None
    institution: str | None = None
    end: int | None = None  # the token after the words that name the speaker
    raw: str | None = None  # a name as printed that is no person the article titled


@cache
def speaker_words() -> SpeakerWords:
    """The speakers lexicon, loaded and folded once per process."""
    with open(_SPEAKERS_JSON, encoding="utf-8") as fh:
        data: dict[str, Any] = json.load(fh)
    heads = tuple(
        InstitutionHead(fold(h["stem"]), h["nominative"], frozenset(fold(b) for b in h["back"]))
        for h in data["institution_heads"]
    )
    # Longest stems first: "cumhurbaskanlig" before "baskanlig".
    heads = tuple(sorted(heads, key=lambda h: len(h.stem), reverse=True))
    metonyms = {tuple(fold(m).split()): m for m in data["metonyms"]}
    return SpeakerWords(
        heads=heads,
        back={b: h for h in heads for b in h.back},
        metonyms=metonyms,
        metonym_first=frozenset(words[0] for words in metonyms),
        source_words=frozenset(fold(w) for w in data["source_words"]),
        leader_words=frozenset(fold(w) for w in data["leader_words"]),
        leader_titles=frozenset(fold(w) for w in data["leader_titles"]),
        statement_nouns=tuple(fold(w) for w in data["statement_nouns"]),
        not_speakers=frozenset(fold(w) for w in data["not_speakers"]),
    )


def is_institution_name(name: str) -> bool:
    """Whether a speaker's name is an institution's ("Dışişleri Bakanlığı", "Kremlin")."""
    words = speaker_words()
    folded = tuple(fold(name).split())
    if not folded:
        return False
    if folded in words.metonyms or folded[-1] in words.back:
        return True
    return any(folded[-1] == fold(h.nominative) for h in words.heads)


class _PersonIndex:
    """People by the words of their names and by country, kept up to date as People grows."""

    def __init__(self, people: People) -> None:
        self.people = people
        self.seen = 0
        self.by_word: dict[str, list[Person]] = {}
        self.by_country: dict[str, list[Person]] = {}
        self._holders: dict[tuple[str | None, frozenset[str]], list[Person]] = {}

    def update(self) -> _PersonIndex:
        """Index the people added since the last look."""
        persons = self.people.persons
        for person in persons[self.seen :]:
            for word in set(name_key(person.name).split()):
                self.by_word.setdefault(word, []).append(person)
            if person.country:
                self.by_country.setdefault(person.country, []).append(person)
        if len(persons) != self.seen:
            self._holders.clear()
        self.seen = len(persons)
        return self

    def holders(self, country: str | None, offices: frozenset[str]) -> list[Person]:
        """The people of a country (any, for None) whose title names one of the offices."""
        key = (country, offices)
        if key not in self._holders:
            stems = {_stem(o) for o in offices}
            pool = self.people.persons if country is None else self.by_country.get(country, [])
            self._holders[key] = [
                p
                for p in pool
                if (country is None or p.country == country)
                and p.title
                and any(w.startswith(s) for w in fold_tokens(p.title) for s in stems)
            ]
        return self._holders[key]


class Institutions:
    """Every institution the text names, in order, so that "Bakanlık" finds the last one."""

    def __init__(self, doc: Doc, people: People) -> None:
        self.doc = doc
        self.persons = _PersonIndex(people)
        self.words = speaker_words()
        self.found: list[tuple[int, InstitutionHead, str]] = []  # (token, head, full name)
        for token in doc.tokens:
            head = self._head(token)
            if head is not None:
                first = self._name_start(token.index)
                if first < token.index:  # a bare "Bakanlığın" names no institution
                    words = [t.text for t in doc.tokens[first : token.index]]
                    self.found.append((token.index, head, " ".join([*words, head.nominative])))
        self._positions = [i for i, _, _ in self.found]
        # Seats of government in any case: "Kremlin'den", "Beyaz Saray'ın".
        self.seats: list[tuple[int, str]] = []
        for token in doc.tokens:
            if token.cap and token.fbase in self.words.metonym_first:
                seat = self._seat_at(token.index, len(doc.tokens), any_case=True)
                if seat is not None:
                    self.seats.append((token.index, seat[0]))
        self._seat_positions = [i for i, _ in self.seats]

    def named_in(self, first: int, last: int) -> str | None:
        """The first institution named in tokens [first, last), in whatever case."""
        found: list[tuple[int, str]] = []
        i = bisect.bisect_left(self._positions, first)
        if i < len(self.found) and self.found[i][0] < last:
            found.append((self.found[i][0], self.found[i][2]))
        i = bisect.bisect_left(self._seat_positions, first)
        if i < len(self.seats) and self.seats[i][0] < last:
            found.append(self.seats[i])
        return min(found)[1] if found else None

    def _seat_at(self, k: int, last: int, any_case: bool = False) -> tuple[str, int] | None:
        tokens = self.doc.tokens
        for phrase, written in self.words.metonyms.items():
            end = k + len(phrase)
            if end <= last and all(
                tokens[k + n].fbase == w and (any_case or not tokens[k + n].suffix)
                for n, w in enumerate(phrase)
            ):
                return written, end
        return None

    def _head(self, token: Token) -> InstitutionHead | None:
        if not token.is_word or not token.cap or token.suffix:
            return None
        for head in self.words.heads:
            if token.fbase.startswith(head.stem) and len(token.fbase) <= len(head.stem) + 5:
                return head
        return None

    def _name_start(self, head: int) -> int:
        tokens = self.doc.tokens
        lex = lexicon()
        first = head
        while first - 1 >= 0:
            prev = tokens[first - 1]
            if prev.sent != tokens[head].sent or not prev.is_word or not prev.cap or prev.suffix:
                break
            if prev.fbase in lex.sentence_openers:
                break
            first -= 1
        return first

    def subject_at(self, k: int, last: int) -> tuple[str, int] | None:
        """An institution named at token k and the token after it, when one is."""
        tokens = self.doc.tokens
        token = tokens[k]
        if not token.is_word or not token.cap or token.quote >= 0:
            return None
        words = self.words
        # A seat of government: "Kremlin", "Beyaz Saray".
        if token.fbase in words.metonym_first:
            seat = self._seat_at(k, last)
            if seat is not None:
                return seat
        # A back-reference: "Bakanlık" is the ministry named last before it.
        head = words.back.get(token.fbase)
        if head is not None and not token.suffix:
            i = bisect.bisect_left(self._positions, k) - 1
            while i >= 0 and self.found[i][1] is not head:
                i -= 1
            return (self.found[i][2] if i >= 0 else token.text), k + 1
        # A full name: "Dışişleri Bakanlığı".
        j = k
        while j < last and tokens[j].is_word and tokens[j].cap and self._head(tokens[j]) is None:
            j += 1
        if j < last and j > k and self._head(tokens[j]) is not None:
            i = bisect.bisect_left(self._positions, j)
            if i < len(self.found) and self.found[i][0] == j:
                return self.found[i][2], j + 1
        return None


def subject_speaker(
    doc: Doc, people: People, institutions: Institutions, first: int, last: int
) -> Speaker | None:
    """The speaker a clause opens with, when it is not a titled name: see the module doc."""
    tokens = doc.tokens
    starts = [first]
    for k in range(first + 1, min(last, first + _ADVERBIAL_REACH)):
        if tokens[k].text == ",":
            starts.append(k + 1)  # "Öte yandan, Bakanlık, …"
            break
    for k in starts:
        if k >= last:
            continue
        found = _subject_at(doc, people, institutions, k, last)
        if found is not None:
            return found
    return None


def _subject_at(
    doc: Doc, people: People, institutions: Institutions, k: int, last: int
) -> Speaker | None:
    tokens = doc.tokens
    words = institutions.words
    named = institutions.subject_at(k, last)
    if named is not None:
        name, after = named
        if after < last and tokens[after].fbase in words.source_words:
            after += 1  # "Bakanlık kaynakları": the ministry speaks
        if after < last and tokens[after].fbase in _AFTER_SUBJECT:
            return Speaker(institution=name, end=after)
        return None
    role = _role_noun(doc, people, institutions.persons.update(), k, last)
    if role is not None:
        person, end = role
        return Speaker(person=person, end=end)
    # A name given once in full and now by one of its words: "Wang, …".
    token = tokens[k]
    if (
        token.is_word
        and token.cap
        and not token.suffix
        and k + 1 < last
        and tokens[k + 1].fbase in _AFTER_SUBJECT
        and people.mention_at(k) is None
    ):
        found = institutions.persons.update().by_word.get(token.fbase, [])
        if len(found) == 1:
            return Speaker(person=found[0], end=k + 1)
    # A name nobody titled: "Valdivia de …", kept as printed.
    lex = lexicon()
    j = k
    while (
        j < last
        and j - k < _RAW_NAME_WORDS
        and name_like(tokens[j], lex)
        and not tokens[j].suffix
        and tokens[j].quote < 0
        and people.mention_at(j) is None
    ):
        j += 1
    unnamed = any(t.fbase in words.not_speakers for t in tokens[k:j])
    if k < j < last and tokens[j].fbase in _AFTER_SUBJECT and not unnamed:
        return Speaker(raw=doc.text[tokens[k].start : tokens[j - 1].end], end=j)
    return None


def participle_speaker(
    doc: Doc, people: People, institutions: Institutions, first: int, last: int
) -> Speaker | None:
    """ "…değerlendiren el-Mansuri, …": a name after a participle, known or kept as printed."""
    tokens = doc.tokens
    lex = lexicon()
    for k in range(first, last - 2):
        word = tokens[k]
        if not word.is_word or word.cap or not word.fbase.endswith(("an", "en")):
            continue
        j = k + 1
        while j < last and j - k <= _RAW_NAME_WORDS and name_like(tokens[j], lex):
            if tokens[j].suffix or tokens[j].quote >= 0:
                break
            j += 1
        if j == k + 1 or j >= last or tokens[j].text != ",":
            continue
        if any(t.fbase in speaker_words().not_speakers for t in tokens[k + 1 : j]):
            continue
        known = institutions.persons.update().by_word.get(tokens[j - 1].fbase, [])
        if len(known) == 1:
            return Speaker(person=known[0], end=j)
        return Speaker(raw=doc.text[tokens[k + 1].start : tokens[j - 1].end], end=j)
    return None


def genitive_speaker(doc: Doc, people: People, first: int, last: int) -> Person | None:
    """ "Rojas'ın açıklaması şöyle:": the person whose words a statement noun names."""
    tokens = doc.tokens
    nouns = speaker_words().statement_nouns
    for m in people.mentions_in(first, last):
        nxt = m.last + 1
        while nxt < last and tokens[nxt].is_word and not tokens[nxt].fbase.startswith(nouns):
            if nxt - m.last > _GENITIVE_REACH:
                break
            nxt += 1
        if m.suffix in _GENITIVE and nxt < last and tokens[nxt].fbase.startswith(nouns):
            return m.person
    return None


def _role_noun(
    doc: Doc, people: People, index: _PersonIndex, k: int, last: int
) -> tuple[Person, int] | None:
    """The one person of the country and office a role noun names ("Türk Büyükelçi, …")."""
    tokens = doc.tokens
    lex = lexicon()
    words = speaker_words()
    country = None
    j = k
    while j < last and tokens[j].is_word and tokens[j].cap and not tokens[j].suffix:
        found = lex.country_of_word(tokens[j].fbase)
        if found is None:
            break
        country = country or found
        j += 1
    if j + 1 >= last:
        return None
    head = tokens[j]
    if not head.is_word or head.suffix or tokens[j + 1].fbase not in _AFTER_SUBJECT:
        return None
    if people.mention_at(j) is not None:
        return None
    if head.fbase in words.leader_words and country is not None:
        offices = words.leader_titles
    elif head.fbase in lex.title_heads and (country is not None or head.cap):
        offices = frozenset({head.fbase})  # "Türk Büyükelçi", or "Bakan" alone
    else:
        return None
    found = index.holders(country, offices)
    return (found[0], j + 1) if len(found) == 1 else None


def _stem(word: str) -> str:
    # "büyükelçisi" and "büyükelçi", "emiri" and "emir" are one office.
    for ending in ("si", "su", "i", "u"):
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word
