"""People by pattern: a title before capitalised name words, then surnames referring back.

"Macaristan Dışişleri Bakanı Peter Szijjarto'yu" gives a mention with title, country and name;
"Szijjarto'nun" later is a mention of the same person. No list of people is consulted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from .document import Doc, Token
from .lexicon import Lexicon, lexicon
from .turkish import name_key, tr_lower

_MAX_NAME_WORDS = 4
_PREFIXED_NAME = re.compile(r"^[a-zçğıöşü]{1,3}-[A-ZÇĞİÖŞÜ]")
# An Arabic article joined to a name ("eş-Şeybani", "el-Sisi"): the name answers without it too.
_ARTICLE_PREFIX = re.compile(r"^[a-z]{1,2}-(?=\w)")
_FUZZY_MIN = 7
_DIGITS = re.compile(r"\d")


@dataclass(eq=False)
class Mention:
    """One place where the text names a person; [start, end) is the name without its ending."""

    first: int
    last: int
    start: int
    end: int
    name: str
    suffix: str
    title: str | None = None
    title_first: int | None = None
    country: str | None = None
    counterpart: bool = False
    role_noun: bool = False
    visitor: bool = False  # a role noun that says the person is the guest ("konuk Bakan")
    misspelt: bool = False
    person: Person | None = None

    @property
    def words(self) -> list[str]:
        """The folded words of the name."""
        return _fold_words(self.name)


@dataclass(eq=False)
class Person:
    """One person the article names, with every mention of them.

    Add mentions with ``add``: it keeps the fullest name, the best title and the first
    country up to date, so reading them costs nothing however often a person is named.
    """

    mentions: list[Mention] = field(default_factory=list)
    inferred_country: str | None = None
    inferred_title: str | None = None
    home_default: str | None = None  # the home country, for an office named without one
    _named: Mention | None = None
    _titled: Mention | None = None
    _any_title: Mention | None = None
    _countried: Mention | None = None
    first_start: int = -1
    last_start: int = -1

    def add(self, m: Mention) -> None:
        """Record one more mention of this person."""
        self.mentions.append(m)
        if self.first_start < 0 or m.start < self.first_start:
            self.first_start = m.start
        self.last_start = max(self.last_start, m.start)
        if not m.role_noun and (self._named is None or _name_rank(m) > _name_rank(self._named)):
            self._named = m
        if m.title:
            if self._any_title is None or m.start < self._any_title.start:
                self._any_title = m
            if not m.counterpart and (
                self._titled is None or _title_rank(m) > _title_rank(self._titled)
            ):
                self._titled = m
        if m.country and (
            self._countried is None
            or (m.counterpart, m.start) < (self._countried.counterpart, self._countried.start)
        ):
            self._countried = m

    @property
    def name(self) -> str:
        """The fullest form the article gives, without case endings."""
        best = self._named or self.mentions[0]
        return best.name

    @property
    def title(self) -> str | None:
        """The title as the article gives it: one naming a country wins, then the longest."""
        if self._titled is None:
            return self.inferred_title or (self._any_title.title if self._any_title else None)
        return self._titled.title

    @property
    def country(self) -> str | None:
        """The country from a title, else one inferred from the meeting."""
        if self._countried is not None:
            return self._countried.country
        return self.inferred_country or self.home_default

    @property
    def spans(self) -> list[tuple[int, int]]:
        """Every mention's name as written, in text order."""
        return sorted({(m.start, m.end) for m in self.mentions if not (m.role_noun or m.misspelt)})

    @property
    def start(self) -> int:
        """Where the person is first named."""
        return self.first_start


def _name_rank(m: Mention) -> tuple[int, int]:
    return (len(m.name.split()), -m.start)


def _title_rank(m: Mention) -> tuple[bool, int, int]:
    return (m.country is not None, len(m.title or ""), -m.start)


class People:
    """All people in one article, and which token belongs to which mention."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.lex = lexicon()
        self.persons: list[Person] = []
        self.by_token: dict[int, Mention] = {}
        self._surnames: dict[str, list[Person]] = {}
        self._by_word: dict[str, list[Person]] = {}  # every word of any of their names
        self._order: dict[int, int] = {}  # id(person) -> its place in self.persons
        self.inviters: set[int] = set()  # ids of people whose invitation ("davetiyle") is told
        titled = _titled_mentions(doc, self.lex)
        for mention in titled:
            self._attach(mention)
        self._bare_mentions()
        self._inner_mentions()
        self._misspelt_mentions()
        self._role_nouns()
        self._home_officials()

    def mention_at(self, token_index: int) -> Mention | None:
        """The mention that contains a token, if any."""
        return self.by_token.get(token_index)

    def mentions_in(self, first: int, last: int) -> list[Mention]:
        """The mentions whose names lie within tokens [first, last), in order, once each."""
        seen: list[Mention] = []
        for i in range(first, last):
            m = self.by_token.get(i)
            if m is not None and (not seen or seen[-1] is not m):
                seen.append(m)
        return seen

    def add_untitled(self, first: int, last: int) -> Mention | None:
        """Make a person of name tokens [first, last] found by position (a speaker, a subject)."""
        if any(i in self.by_token for i in range(first, last + 1)):
            return self.by_token.get(first)
        mention = _make_mention(self.doc, first, last)
        self._attach(mention)
        # Later bare uses of the new surname refer to this person; only they need a look.
        self._bare_mentions(_surname_keys(mention.words) if mention.words else [])
        return mention if mention.person is not None else None

    def _attach(self, mention: Mention) -> None:
        words = mention.words
        if not words:
            return
        compatible = [p for p in self._surnames.get(words[-1], []) if _fits(words, p)]
        if not compatible:
            compatible = self._inner_name(words)
        if len(compatible) > 1:
            # "Bin Zayed" again, after another "… bin Zayed …" was named: the same short form
            # goes on naming the one it named before.
            called = [p for p in compatible if any(m.words == words for m in p.mentions)]
            compatible = called if len(called) == 1 else compatible
        if compatible:
            # Two people may share a surname: the one named nearest before is meant.
            before = [p for p in compatible if p.start <= mention.start] or compatible
            person = max(before, key=lambda p: p.last_start)
        else:
            person = self._absorbing(words) or Person()
            if not person.mentions:
                self._order[id(person)] = len(self.persons)
                self.persons.append(person)
        self._index(person, words)
        person.add(mention)
        mention.person = person
        for i in range(mention.first, mention.last + 1):
            self.by_token[i] = mention

    def _with_words(
        self, words: list[str], index: dict[str, list[Person]] | None = None
    ) -> list[Person]:
        """The people any of whose names has one of these words, in the order first met."""
        index = self._by_word if index is None else index
        found = {id(p): p for w in words for p in index.get(w, ())}
        return sorted(found.values(), key=lambda p: self._order[id(p)])

    def _index(self, person: Person, words: list[str]) -> None:
        for w in words:
            for key in {w, _ARTICLE_PREFIX.sub("", w)}:
                holders = self._by_word.setdefault(key, [])
                if person not in holders:
                    holders.append(person)
        for key in _surname_keys(words):
            bearers = self._surnames.setdefault(key, [])
            if person not in bearers:
                bearers.append(person)

    def _inner_name(self, words: list[str]) -> list[Person]:
        """People whose fuller name holds these words in a row: "Lula", "bin Zayed"."""
        if len(words) == 1:
            # "Dr. Tedros" after "Dr. Tedros Adhanom Ghebreyesus": a unique first name, or a
            # unique inner name ("Lula" of "Luiz Inacio Lula da Silva").
            found = [p for p in self._with_words(words) if words[0] in _core_words(p.name)[:-1]]
            return found if len(found) == 1 else []
        rarest = min(words, key=lambda w: len(self._by_word.get(w, ())))
        found = [p for p in self._with_words([rarest]) if _contains(_fold_words(p.name), words)]
        return found

    def _absorbing(self, words: list[str]) -> Person | None:
        """A person named earlier by a part of this fuller name ("Lula", "Bin Zayed")."""
        if len(_core_words(" ".join(words))) < 2:
            return None
        found = [
            p
            for p in self._with_words(words[:-1], self._surnames)  # names ending before
            if len(_fold_words(p.name)) < len(words)
            and _contains(words, _fold_words(p.name))
            and _fold_words(p.name)[-1] != words[-1]
        ]
        return found[0] if len(found) == 1 else None

    def _bare_mentions(self, keys: list[str] | None = None) -> None:
        """Later uses of a known surname, alone or after known first names (only ``keys``)."""
        if not self._surnames:
            return
        index = self.doc.word_index
        wanted = self._surnames if keys is None else [k for k in keys if k in self._surnames]
        places = sorted(i for surname in wanted for i in index.get(surname, ()))
        for i in places:
            token = self.doc.tokens[i]
            if not token.cap or token.index in self.by_token:
                continue
            first = token.index
            # A full name repeated without its title: "Peter Szijjarto, …" after the first mention.
            while first > 0:
                prev = self.doc.tokens[first - 1]
                if (
                    prev.is_word
                    and prev.cap
                    and not prev.suffix
                    and prev.index not in self.by_token
                    and prev.sent == token.sent  # a name never runs over a sentence's end
                ):
                    known = any(
                        prev.fbase in _fold_words(p.name)[:-1] for p in self._surnames[token.fbase]
                    )
                    if known:
                        first -= 1
                        continue
                break
            self._attach(_make_mention(self.doc, first, token.index))

    def _inner_mentions(self) -> None:
        """A long name's inner word used alone ("Temim" for "Temim bin Hamed Al Sani")."""
        inner: dict[str, list[Person]] = {}
        for person in self.persons:
            core = _core_words(person.name)
            if len(core) >= 3:
                for word in core[:-1]:
                    if len(word) >= 3 and word not in self.lex.months:
                        inner.setdefault(word, []).append(person)
        index = self.doc.word_index
        places = sorted(i for w, ps in inner.items() if len(ps) == 1 for i in index.get(w, ()))
        for i in places:
            token = self.doc.tokens[i]
            if token.cap and i not in self.by_token and name_like(token, self.lex):
                self._attach(_make_mention(self.doc, i, i))

    def _home_officials(self) -> None:
        """A minister or president named without a country is one of the home country's."""
        for person in self.persons:
            if person.country is None and person.title:
                words = fold_words_of(person.title)
                foreign = any(w in self.lex.foreign_offices for w in words)
                if words and words[-1] in self.lex.home_offices and not foreign:
                    person.home_default = self.lex.home_country

    def _misspelt_mentions(self) -> None:
        """A later surname one letter off a known one ("Mirziyayev") names the same person."""
        known: dict[str, str] = {}
        for key in self._surnames:
            if len(key) >= _FUZZY_MIN:
                for variant in _one_off(key):
                    known[variant] = key if known.get(variant, key) == key else ""
        if not known:
            return
        for token in self.doc.tokens:
            if (
                token.index in self.by_token
                or not token.cap
                or len(token.fbase) < _FUZZY_MIN
                or token.fbase in self._surnames
                or not name_like(token, self.lex)
            ):
                continue
            key = next((known[v] for v in _one_off(token.fbase) if known.get(v)), None)
            bearers = self._surnames.get(key, []) if key else []
            if len(bearers) == 1 and key and key[:2] == token.fbase[:2]:
                mention = _make_mention(self.doc, token.index, token.index)
                mention.misspelt = True
                self._claim(bearers[0], mention)

    def _role_nouns(self) -> None:
        """ "Türk Büyükelçi", "konuk Başbakan", "Ukrayna lideri": a title without a name that
        fits exactly one person of the article."""
        tokens = self.doc.tokens
        lex = self.lex
        named = [p for p in self.persons if p.title]
        if not named:
            return
        offices_held = _Offices(named)
        index = self.doc.word_index
        heads = sorted(i for w in lex.role_heads for i in index.get(w, ()))
        for i in heads:
            head = tokens[i]
            if i in self.by_token or i == 0 or tokens[i - 1].index in self.by_token:
                continue
            if i + 1 < len(tokens) and name_like(tokens[i + 1], lex):
                continue  # a title before a name, not a role noun
            first = _role_start(self.doc, i, lex)
            if first is None or any(k in self.by_token for k in range(first, i)):
                continue
            before = tokens[first]
            country = lex.country_of_word(before.fbase) if before.cap else None
            found = offices_held.fitting(lex.role_heads[head.fbase], country)
            if len(found) == 1:
                mention = _make_mention(self.doc, first, i)
                mention.role_noun = True
                mention.visitor = before.fbase in lex.guest_words
                mention.name = found[0].name
                self._claim(found[0], mention)

    def _claim(self, person: Person, mention: Mention) -> None:
        person.add(mention)
        mention.person = person
        for k in range(mention.first, mention.last + 1):
            self.by_token[k] = mention


class _Offices:
    """Titled people by the words of their titles and by country, for role nouns."""

    def __init__(self, named: list[Person]) -> None:
        self.named = named
        self.order = {id(p): n for n, p in enumerate(named)}
        # office word -> people; (office word, country) -> people; country -> people
        self.by_word: dict[object, list[Person]] = {}
        self.by_country: dict[str | None, list[Person]] = {}
        for p in named:
            for w in dict.fromkeys(fold_words_of(p.title or "")):
                self.by_word.setdefault(w, []).append(p)
                self.by_word.setdefault((w, p.country), []).append(p)
            self.by_country.setdefault(p.country, []).append(p)

    def fitting(self, offices: frozenset[str], country: str | None) -> list[Person]:
        """The people a role noun can mean: holding one of the offices, of the country (or
        of no known country) where the role noun names one."""
        if "*" in offices:
            pool = self.by_country.get(country, []) if country else self.named
            return _fitting(pool, offices, country)
        keys: list[object] = list(offices)
        if country is not None:
            keys = [(w, c) for w in offices for c in (country, None)]
        found = {id(p): p for k in keys for p in self.by_word.get(k, ())}
        pool = sorted(found.values(), key=lambda p: self.order[id(p)])
        return _fitting(pool, offices, country)


def _fitting(people: list[Person], offices: frozenset[str], country: str | None) -> list[Person]:
    """The people a role noun can mean: holding one of the offices, of the country if named."""
    found = []
    for p in people:
        title = fold_words_of(p.title or "")
        if "*" not in offices and not any(w in offices for w in title):
            continue
        if country is not None and (p.country or country) != country:
            continue
        found.append(p)
    return found


def _role_start(doc: Doc, head: int, lex: Lexicon) -> int | None:
    """Where a role noun opens: a country word or "konuk" up to three words before its head."""
    tokens = doc.tokens
    for k in range(head - 1, max(-1, head - 4), -1):
        token = tokens[k]
        if token.sent != tokens[head].sent or not token.is_word:
            return None
        if token.fbase in lex.guest_words or (token.cap and lex.country_of_word(token.fbase)):
            return k
        if not token.cap or token.suffix or token.fbase not in lex.not_names:
            return None  # only office words ("Dışişleri") stand between
    return None


def fold_words_of(text: str) -> list[str]:
    """The folded words of a text, endings dropped."""
    return _fold_words(text)


def _one_off(word: str) -> set[str]:
    """The word with one letter left out, and the word itself: a symmetric-delete key set."""
    return {word} | {word[:i] + word[i + 1 :] for i in range(len(word))}


@cache
def _fold_words_cached(name: str) -> tuple[str, ...]:
    return tuple(name_key(name).split())


def _fold_words(name: str) -> list[str]:
    return list(_fold_words_cached(name))


def _compatible(a: list[str], b: list[str]) -> bool:
    if _surname_keys(a)[-1] != _surname_keys(b)[-1]:
        return False
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    return all(w in longer[:-1] for w in shorter[:-1])


def _fits(words: list[str], person: Person) -> bool:
    """Whether a mention's words can name a person already met (by any of their names)."""
    return _compatible(words, _fold_words(person.name))


def _surname_keys(words: list[str] | tuple[str, ...]) -> list[str]:
    """The keys a surname answers to: as written, and without an Arabic article ("es-")."""
    last = words[-1]
    bare = _ARTICLE_PREFIX.sub("", last)
    return [last, bare] if bare != last else [last]


def _core_words(name: str) -> list[str]:
    """A name's folded words without particles ("bin", "da") and Arabic articles."""
    particles = lexicon().name_particles
    return [_ARTICLE_PREFIX.sub("", w) for w in _fold_words(name) if w not in particles]


def _contains(longer: list[str], words: list[str]) -> bool:
    n = len(words)
    return n < len(longer) and any(longer[i : i + n] == words for i in range(len(longer) - n + 1))


def _make_mention(doc: Doc, first: int, last: int) -> Mention:
    tokens = doc.tokens
    start, end = tokens[first].start, tokens[last].base_end
    return Mention(first, last, start, end, doc.text[start:end], tokens[last].suffix)


def is_country_word(token: Token, lex: Lexicon) -> bool:
    """Whether a word names a country, as a name or an adjective."""
    return lex.country_of_word(token.fbase) is not None


def name_like(token: Token, lex: Lexicon, inner: bool = False, place_ok: bool = False) -> bool:
    """Whether a word can be part of a person's name (``inner``: more name words follow;
    ``place_ok``: a city's name may be a surname here)."""
    if not token.is_word or _DIGITS.search(token.text):
        return False
    if not (token.cap or _PREFIXED_NAME.match(token.text)):
        return False
    f = token.fbase
    return not (
        f in lex.title_heads
        or f in lex.not_names
        or (f in lex.months and not inner)
        or f in lex.sentence_openers
        or f in lex.honorifics
        # Exact letters, not the fold: "İrakli" is a name, "Iraklı" a demonym.
        or tr_lower(token.base) in lex.country_words_lower
        or (f in lex.cities and not place_ok)
        or (token.text.isupper() and len(token.text) > 1)
        or f.startswith(lex.title_stems)
    )


def _is_head(token: Token, lex: Lexicon) -> bool:
    if not token.is_word or token.suffix:
        return False
    if token.cap:
        return token.fbase in lex.title_heads
    return token.fbase in lex.counterpart_heads


def _name_run(doc: Doc, j: int, stop: int, lex: Lexicon) -> int:
    """The index of the last name word starting at token j, or -1 when no name starts there."""
    tokens = doc.tokens
    last = -1
    words = 0
    while j < stop and words < _MAX_NAME_WORDS:
        token = tokens[j]
        inner = j + 1 < stop and tokens[j + 1].cap and not token.suffix
        # After a first name a city's name is a surname ("Büyükelçi Ricardo Tavares Lima"),
        # unless an ending makes it a place ("Fidan Lima'da").
        place_ok = words > 0 and token.suffix not in lex.place_suffixes
        if name_like(token, lex, inner and name_like(tokens[j + 1], lex), place_ok):
            last = j
            words += 1
            if token.suffix:
                break
            j += 1
            continue
        is_particle = token.is_word and token.fbase in lex.name_particles and not token.cap
        if is_particle and last >= 0 and j + 1 < stop and name_like(tokens[j + 1], lex):
            j += 1
            continue
        break
    return last


def _titled_mentions(doc: Doc, lex: Lexicon) -> list[Mention]:
    tokens = doc.tokens
    mentions: list[Mention] = []
    claimed: set[int] = set()
    index = doc.word_index
    heads = sorted(i for word in lex.head_words for i in index.get(word, ()))
    done = -1  # tokens up to here already belong to a mention
    for i in heads:
        head = tokens[i]
        sent = doc.sentences[head.sent]
        if i <= done or not _is_head(head, lex):
            continue
        if i + 1 < sent.last and _is_head(tokens[i + 1], lex):
            continue  # "Cumhurbaşkanı Yardımcısı": the title goes on
        j = i + 1
        while j + 1 < sent.last and tokens[j].cap and tokens[j].fbase in lex.honorifics:
            j += 2 if tokens[j + 1].text == "." else 1
        last = _name_run(doc, j, sent.last, lex)
        if last < 0:
            continue
        title_first = _title_start(doc, i, sent.first, claimed, lex)
        title: str | None
        title, country = _title_text(doc, title_first, i, lex)
        plural = head.fbase in lex.plural_heads
        counterpart = not head.cap
        if counterpart and country is None:
            title = None  # a bare "mevkidaşı" names no office
        while True:
            mention = _make_mention(doc, j, last)
            mention.title, mention.title_first, mention.country = title, title_first, country
            mention.counterpart = counterpart
            mentions.append(mention)
            claimed.update(range(j, last + 1))
            nxt = last + 1
            # "Başbakan Yardımcıları A B ve C D": each name under the same title.
            if not plural or nxt + 1 >= sent.last or tokens[nxt].text not in {"ve", ","}:
                break
            follow = _name_run(doc, nxt + 1, sent.last, lex)
            if follow < 0 or (follow + 1 < sent.last and _is_head(tokens[follow + 1], lex)):
                break
            if follow + 1 < sent.last and tokens[follow + 1].cap and tokens[follow + 1].is_word:
                break
            j, last = nxt + 1, follow
        done = last
    return mentions


def _title_start(doc: Doc, head: int, sent_first: int, claimed: set[int], lex: Lexicon) -> int:
    tokens = doc.tokens
    quote = tokens[head].quote
    k = head - 1
    first = head
    while k >= sent_first and k not in claimed and tokens[k].quote == quote:
        token = tokens[k]
        if token.is_word and token.cap and not token.suffix:
            first = k
        elif token.text in "()" or token.text == "ve" and k - 1 >= sent_first and tokens[k - 1].cap:
            pass
        elif token.is_word and token.cap and lex.country_of_word(token.fbase):
            first = k  # a genitive country opens the title: "Türkiye'nin Moskova Büyükelçisi"
            break
        else:
            break
        k -= 1
    while first < head and (
        tokens[first].text in {"ve", "(", ")"} or tokens[first].fbase in lex.sentence_openers
    ):
        first += 1
    countries = [k for k in range(first, head) if is_country_word(tokens[k], lex)]
    # Name-like words before the country belong to another phrase, not to the title.
    if (
        countries
        and countries[0] > first
        and all(name_like(tokens[k], lex) for k in range(first, countries[0]))
    ):
        first = countries[0]
    return first


def _title_text(doc: Doc, first: int, head: int, lex: Lexicon) -> tuple[str, str | None]:
    tokens = doc.tokens
    head_token = tokens[head]
    text = doc.text[tokens[first].start : head_token.start]
    singular = lex.plural_heads.get(head_token.fbase)
    text += singular if singular else head_token.text
    return text, country_in(doc, first, head, lex)


def country_in(doc: Doc, first: int, last: int, lex: Lexicon) -> str | None:
    """The first country named by words in tokens [first, last)."""
    tokens = doc.tokens
    for k in range(first, last):
        for words, country, kind in lex.multiword_by_first.get(tokens[k].fbase, ()):
            if kind != "city" and _words_at(tokens, k, last, words):
                return country
        found = lex.country_of_word(tokens[k].fbase) if tokens[k].is_word else None
        if found:
            return found
    return None


def _words_at(tokens: list[Token], k: int, stop: int, words: tuple[str, ...]) -> bool:
    i = k
    for word in words:
        while i < stop and tokens[i].text == ".":
            i += 1
        if i >= stop or tokens[i].fbase != word:
            return False
        i += 1
    return True
