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
_PREFIXED_NAME = re.compile(r"^[a-z]{1,3}-[A-ZÇĞİÖŞÜ]")
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
    person: Person | None = None

    @property
    def words(self) -> list[str]:
        """The folded words of the name."""
        return _fold_words(self.name)


@dataclass(eq=False)
class Person:
    """One person the article names, with every mention of them."""

    mentions: list[Mention] = field(default_factory=list)
    inferred_country: str | None = None
    inferred_title: str | None = None

    @property
    def name(self) -> str:
        """The fullest form the article gives, without case endings."""
        best = max(self.mentions, key=lambda m: (len(m.name.split()), -m.start))
        return best.name

    @property
    def title(self) -> str | None:
        """The title as the article gives it: one naming a country wins, then the longest."""
        titled = [m for m in self.mentions if m.title and not m.counterpart]
        if not titled:
            return self.inferred_title or next((m.title for m in self.mentions if m.title), None)
        best = max(titled, key=lambda m: (m.country is not None, len(m.title or ""), -m.start))
        return best.title

    @property
    def country(self) -> str | None:
        """The country from a title, else one inferred from the meeting."""
        for m in sorted(self.mentions, key=lambda m: (m.counterpart, m.start)):
            if m.country:
                return m.country
        return self.inferred_country

    @property
    def spans(self) -> list[tuple[int, int]]:
        """Every mention's name as written, in text order."""
        return sorted({(m.start, m.end) for m in self.mentions})

    @property
    def start(self) -> int:
        """Where the person is first named."""
        return min(m.start for m in self.mentions)


class People:
    """All people in one article, and which token belongs to which mention."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.lex = lexicon()
        self.persons: list[Person] = []
        self.by_token: dict[int, Mention] = {}
        self._surnames: dict[str, list[Person]] = {}
        titled = _titled_mentions(doc, self.lex)
        for mention in titled:
            self._attach(mention)
        self._bare_mentions()

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
        self._bare_mentions()  # later bare uses of the new surname refer to this person
        return mention if mention.person is not None else None

    def _attach(self, mention: Mention) -> None:
        words = mention.words
        if not words:
            return
        candidates = self._surnames.get(words[-1], [])
        compatible = [p for p in candidates if _compatible(words, _fold_words(p.name))]
        if not compatible and len(words) == 1:
            # "Dr. Tedros" after "Dr. Tedros Adhanom Ghebreyesus": a unique first name.
            by_first = [
                p
                for p in self.persons
                if len(_fold_words(p.name)) > 1 and _fold_words(p.name)[0] == words[0]
            ]
            if len(by_first) == 1:
                compatible = by_first
        if compatible:
            # Two people may share a surname: the one named nearest before is meant.
            before = [p for p in compatible if p.start <= mention.start] or compatible
            person = max(before, key=lambda p: max(m.start for m in p.mentions))
        else:
            person = Person()
            self.persons.append(person)
            self._surnames.setdefault(words[-1], []).append(person)
        person.mentions.append(mention)
        mention.person = person
        for i in range(mention.first, mention.last + 1):
            self.by_token[i] = mention

    def _bare_mentions(self) -> None:
        if not self._surnames:
            return
        index = self.doc.word_index
        places = sorted(i for surname in self._surnames for i in index.get(surname, ()))
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
                ):
                    known = any(
                        prev.fbase in _fold_words(p.name)[:-1] for p in self._surnames[token.fbase]
                    )
                    if known:
                        first -= 1
                        continue
                break
            self._attach(_make_mention(self.doc, first, token.index))


@cache
def _fold_words_cached(name: str) -> tuple[str, ...]:
    return tuple(name_key(name).split())


def _fold_words(name: str) -> list[str]:
    return list(_fold_words_cached(name))


def _compatible(a: list[str], b: list[str]) -> bool:
    if a[-1] != b[-1]:
        return False
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    return all(w in longer[:-1] for w in shorter[:-1])


def _make_mention(doc: Doc, first: int, last: int) -> Mention:
    tokens = doc.tokens
    start, end = tokens[first].start, tokens[last].base_end
    return Mention(first, last, start, end, doc.text[start:end], tokens[last].suffix)


def is_country_word(token: Token, lex: Lexicon) -> bool:
    """Whether a word names a country, as a name or an adjective."""
    return lex.country_of_word(token.fbase) is not None


def name_like(token: Token, lex: Lexicon, inner: bool = False) -> bool:
    """Whether a word can be part of a person's name (``inner``: more name words follow)."""
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
        or f in lex.cities
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
        if name_like(token, lex, inner and name_like(tokens[j + 1], lex)):
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
