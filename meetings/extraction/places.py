"""Places: the city where a meeting took place, from a locative, a destination or a venue."""

from __future__ import annotations

from .document import Doc, Sentence, Token
from .lexicon import Lexicon
from .people import People
from .records import Location

_MAX_PLACE_WORDS = 4


def find_location(doc: Doc, people: People, sent: Sentence, lex: Lexicon) -> Location | None:
    """The place a sentence names with a locative ending, or as a destination ("Tiflis'e gelen")."""
    tokens = doc.sentence_tokens(sent)
    found: list[tuple[int, Location]] = []
    for pos, token in enumerate(tokens):
        if not (token.cap and token.is_word and token.suffix) or token.quote >= 0:
            continue
        if people.mention_at(token.index) or token.fbase in lex.months or token.fbase.isdigit():
            continue
        locative = token.suffix in lex.suffixes["locative"]
        arriving = (
            token.suffix in lex.suffixes["dative"]
            and pos + 1 < len(tokens)
            and tokens[pos + 1].fbase in lex.arrival_words
        )
        if not (locative or arriving):
            continue
        location = _place(doc, people, tokens, pos, lex)
        rank = 0 if location.country and location.name not in lex.country_names.values() else 1
        found.append((rank + (0 if locative else 2), location))
    if not found:
        return None
    found.sort(key=lambda item: item[0])
    return found[0][1]


def _place(doc: Doc, people: People, tokens: list[Token], pos: int, lex: Lexicon) -> Location:
    token = tokens[pos]
    first = pos
    for words, _country, _kind in lex.multiword_by_last.get(token.fbase, ()):
        n = len(words)
        names = [t for t in tokens[max(0, pos - n - 1) : pos + 1] if t.text != "."]
        if len(names) >= n and tuple(t.fbase for t in names[-n:]) == words:
            first = tokens.index(names[-n])
            break
    else:
        # An unlisted place of several words: "Dolmabahçe Çalışma Ofisi'nde".
        while (
            first > 0
            and pos - first < _MAX_PLACE_WORDS - 1
            and tokens[first - 1].cap
            and tokens[first - 1].is_word
            and not tokens[first - 1].suffix
            and tokens[first - 1].fbase not in lex.sentence_openers
            and tokens[first - 1].fbase not in lex.head_words
            and people.mention_at(tokens[first - 1].index) is None
        ):
            first -= 1
    start, end = tokens[first].start, token.base_end
    name = doc.text[start:end]
    folded = doc.folded[start:end]
    country = (
        lex.cities.get(folded)
        or lex.country_names.get(folded)
        or _multiword_country(folded, lex)
        or _capital_of(tokens, first, lex)
        or next((lex.cities[t.fbase] for t in tokens[first:pos] if t.fbase in lex.cities), None)
    )
    return Location(name, country, (start, end))


def _multiword_country(folded: str, lex: Lexicon) -> str | None:
    words = tuple(w.strip(".") for w in folded.split() if w.strip("."))
    for place_words, country, _kind in lex.multiword_places:
        if place_words == words:
            return country
    return None


def _capital_of(tokens: list[Token], first: int, lex: Lexicon) -> str | None:
    # "Gürcistan'ın başkenti Tiflis'te": the country is the genitive before "başkenti".
    if first >= 2 and tokens[first - 1].fbase in lex.capital_words:
        return lex.country_of_word(tokens[first - 2].fbase)
    return None
