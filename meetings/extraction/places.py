"""Places: the city where a meeting took place.

A meeting's place is a city in Turkish spelling. It is read, in this order of trust, from:
the meeting's own sentences (a city or a venue with a locative ending, "Taşkent'te",
"Kremlin'de", "Rio de Janeiro kentinde", or a city the guest came to, "Bakü'ye gelen"); an
earlier sentence that names the place; a seat of government ("Devlet Sarayı'nda"), which is
in the host country's capital; the article's dateline ("BELGRAD –"); and last a city in an
ambassador's title ("Türkiye'nin Nairobi Büyükelçisi"). A country alone names no city, but a
country told as the place ("İtalya'da düzenlenen") rules out the fallbacks elsewhere. Calls
have no place, and neither has a city of another or a future event or an agreement's name.

The Location's name is the city; its span is the place as written (the city, the venue, the
dateline), which ``names_city`` checks.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .document import Doc, Sentence, Token
from .gazetteer import Gazetteer, Place, gazetteer, name_words
from .lexicon import Lexicon
from .people import People
from .reasons import Reason
from .records import Location

# How far a place looks around itself for words that make it another event's place.
_AHEAD = 6
_BEHIND = 3
# How many sentences back a meeting without a place of its own looks for one.
_EARLIER_SENTENCES = 12
# How many paragraphs from the top a dateline can stand in (headline, repeated headline).
_DATELINE_PARAGRAPHS = 4

_FUTURE = re.compile(r"(?:acak|ecek|acag|eceg)")
_FUTURE_WORDS = frozenset(
    {"beklendigini", "bekleniyor", "beklenen", "planlanan", "planlandigini", "planlaniyor"}
)
_FUTURE_BEFORE = frozenset({"onumuzdeki", "gelecek", "yarin", "yarinki"})
_PAST_EVENT = frozenset(
    {"duzenlenen", "imzalanan", "yapilan", "gerceklestirilen", "duzenlenmis", "imzalanmis"}
)
_CITY_WORDS = frozenset({"kentinde", "kentindeki", "sehrinde", "sehrindeki"})
_CITY_ARRIVAL = frozenset({"kentine", "sehrine"})
# After "X'teki" the place is the meeting's only when a meeting or a building follows.
_PLACE_NOUN = re.compile(
    r"(?:gorusme|kabul|toplanti|zirve|toren|ziyaret|temas|saray|kosk|ofis|konut|bina|merkez"
    r"|kulliye|karargah|konukev|salon|resmi|marj)"
)
# "Brüksel'deki NATO Dışişleri Bakanları Toplantısı": how far the meeting word may stand.
_PLACE_NOUN_GAP = 5
# "İngiltere'de bulunan", "İtalya'da düzenlenen": a country told as the meeting's place.
_BEING_THERE = frozenset(
    {"bulunan", "bulundugu", "duzenlenen", "yapilan", "gerceklestirilen", "temaslarda"}
)
_AMBASSADOR = re.compile(r"buyukelci")
_MISSION_WORDS = frozenset({"buyukelciligi", "baskonsoloslugu"})
# "Pekin'e resmi bir ziyaret gerçekleştiren": how far the arriving word may stand.
_DESTINATION_GAP = 5
_DESTINATION_WORDS = frozenset(
    {
        "gerceklestirdigi",
        "yaptigi",
        "ziyaret",
        "ziyarette",
        "ziyareti",
        "ziyaretinde",
        "ziyaretini",
        "gelisinde",
        "gelen",
        "gelerek",
        "giden",
        "ulasan",
    }
)
_DATELINE = re.compile(
    r"(?P<place>[^\W\d_][^\W\d_ .'’-]*(?:[ .'-]{1,2}[^\W\d_]+){0,3})"
    r"\s*(?P<date>,\s*\d{1,2}\s+[^\W\d_]+(?:\s+\d{4})?\s*)?"
    r"(?:(?P<agency>\([^()\n/]{1,20}\))\s*(?:[–—-]\s)?|[–—-]\s)"
)


@dataclass(frozen=True)
class _Found:
    """A place named in a sentence: where, how sure, and what it stands for."""

    rank: int
    place: Place
    span: tuple[int, int]

    def location(self) -> Location:
        """The city this place gives, with the span of the place as written."""
        return Location(self.place.city or "", self.place.country, self.span)


def find_location(doc: Doc, people: People, sent: Sentence, lex: Lexicon) -> Location | None:
    """The city a meeting sentence names as its place: a city or venue, never a country alone."""
    best = _best(_in_sentence(doc, people, sent, lex), cities_only=True)
    return best.location() if best else None


def find_country(doc: Doc, people: People, sent: Sentence, lex: Lexicon) -> str | None:
    """The country a meeting sentence puts the meeting in, from a city, a venue or a country."""
    best = _best(_in_sentence(doc, people, sent, lex), cities_only=False)
    return best.place.country if best else None


def earlier_location(doc: Doc, people: People, sent: Sentence, lex: Lexicon) -> Location | None:
    """The nearest city named as a place in the sentences before this one ("Rio'da … Sonra …")."""
    for index in range(sent.index - 1, max(-1, sent.index - 1 - _EARLIER_SENTENCES), -1):
        best = _best(_in_sentence(doc, people, doc.sentences[index], lex), cities_only=True)
        if best is not None:
            return best.location()
    return None


def dateline(doc: Doc) -> Location | None:
    """The city of the dateline opening the body ("ADDİS ABABA (AA) –", "Kuveyt, 14 Ekim –")."""
    gaz = gazetteer()
    for start, end in doc.paragraphs[:_DATELINE_PARAGRAPHS]:
        match = _DATELINE.match(doc.text, start, end)
        # "BELGRAD –", "Kuveyt, 14 Ekim –", "Ankara (AA) –"; not a headline "Moskova - Kiev hattı".
        if match is None or not (
            match.group("place").isupper() or match.group("date") or match.group("agency")
        ):
            continue
        place = _whole_city(doc.folded[match.start("place") : match.end("place")], gaz)
        if place is not None:
            return Location(place.city or "", place.country, match.span("place"))
    return None


def place_from_title(doc: Doc, sentences: Iterable[Sentence], lex: Lexicon) -> Location | None:
    """A city in an ambassador's title ("Türkiye'nin Nairobi Büyükelçisi", "Bakü'ye atanan")."""
    gaz = gazetteer()
    for sent in sentences:
        tokens = doc.sentence_tokens(sent)
        for pos, token in enumerate(tokens):
            if token.quote >= 0 or not _AMBASSADOR.match(token.fbase):
                continue
            before = pos - 1
            # "Bakü'ye (yeni) atanan büyükelçi": the city is the destination of the posting.
            if before >= 0 and tokens[before].fbase == "atanan":
                before -= 1
                if before >= 0 and tokens[before].fbase == "yeni":
                    before -= 1
                if before < 0 or tokens[before].suffix not in lex.suffixes["dative"]:
                    continue
            elif before < 0 or tokens[before].suffix:
                continue
            found = _match(doc, tokens, before, gaz, ("city",))
            if found is not None:
                return found.location()
    return None


def seat_of_government(
    doc: Doc, sentences: Iterable[Sentence], country: str | None, lex: Lexicon
) -> Location | None:
    """The host country's capital, where a seat of government is named ("Devlet Sarayı'nda")."""
    gaz = gazetteer()
    capital = gaz.capitals.get(country) if country else None
    if capital is None:
        return None
    for sent in sentences:
        tokens = doc.sentence_tokens(sent)
        for pos, token in enumerate(tokens):
            if token.quote >= 0 or not token.is_word:
                continue
            word = token.fbase if token.suffix in lex.suffixes["locative"] else _fused(token, lex)
            if not word:
                continue
            found = _match(doc, tokens, pos, gaz, ("seat",), last_word=word)
            if found is not None:
                # The span ends where the name does: "binası" of "binasında".
                return Location(capital, country, (found.span[0], token.start + len(word)))
    return None


def meeting_location(
    doc: Doc,
    people: People,
    sentences: list[Sentence],
    lex: Lexicon,
    host_country: str | None = None,
) -> tuple[Location | None, str | None]:
    """The city of an in-person meeting told in these sentences, by every rule in turn, and
    the review code of the weaker rules (dateline, seat of government, title) where one was
    needed."""
    for sent in sentences:
        location = find_location(doc, people, sent, lex)
        if location is not None:
            return location, None
    if not sentences:
        return dateline(doc), Reason.PLACE_FROM_DATELINE.value
    first = sentences[0].index
    earlier = doc.sentences[max(0, first - _EARLIER_SENTENCES) : first]
    # "İtalya'da düzenlenen zirvede": a country the meeting is told in rules out a city
    # elsewhere, from the text before, the dateline or a title.
    told = _told_country(doc, people, sentences, lex)
    for fallback, reason in (
        (lambda: earlier_location(doc, people, sentences[0], lex), None),
        (
            lambda: seat_of_government(doc, sentences, host_country, lex),
            Reason.PLACE_FROM_VENUE.value,
        ),
        (lambda: dateline(doc), Reason.PLACE_FROM_DATELINE.value),
        (lambda: place_from_title(doc, sentences, lex), Reason.PLACE_FROM_TITLE.value),
        (lambda: place_from_title(doc, reversed(earlier), lex), Reason.PLACE_FROM_TITLE.value),
    ):
        location = fallback()
        if location is not None and (told is None or location.country in (None, told)):
            return location, reason
    return None, None


def names_city(written: str, city: str) -> bool:
    """Whether a location's span names its city: the city, a venue in it, or another spelling."""
    gaz = gazetteer()
    words = name_words(written)
    if not words:
        return False
    if words == name_words(city):
        return True
    candidates = [words] + ([words[:-1]] if len(words) > 1 and words[-1] in gaz.head_words else [])
    capital = city in gaz.capitals.values()
    return any(
        place.words == w and (place.city == city or (place.kind == "seat" and capital))
        for w in candidates
        for place in gaz.ending_at(w[-1])
    )


def _told_country(doc: Doc, people: People, sentences: list[Sentence], lex: Lexicon) -> str | None:
    """A country named as where the meeting is ("İtalya'da düzenlenen"), not as a topic."""
    for sent in sentences:
        tokens = doc.sentence_tokens(sent)
        for found in _in_sentence(doc, people, sent, lex):
            if found.place.kind != "country":
                continue
            pos = _first_of(tokens, found)
            if found.rank >= 6 or _place_noun_follows(tokens, pos) or _being_there(tokens, pos):
                return found.place.country
    return None


def _being_there(tokens: list[Token], pos: int) -> bool:
    return any(t.fbase in _BEING_THERE for t in tokens[pos + 1 : pos + 3])


def _best(found: Iterable[_Found], *, cities_only: bool) -> _Found | None:
    best: _Found | None = None
    for item in found:
        if cities_only and item.place.city is None:
            continue
        if best is None or item.rank < best.rank:
            best = item
    return best


def _in_sentence(doc: Doc, people: People, sent: Sentence, lex: Lexicon) -> Iterator[_Found]:
    gaz = gazetteer()
    tokens = doc.sentence_tokens(sent)
    if any(t.fbase in gaz.remote_words for t in tokens if t.quote < 0):
        return  # a call or a video link: the room one side sat in is not the meeting's place
    locative = lex.suffixes["locative"]
    dative = lex.suffixes["dative"]
    for pos, token in enumerate(tokens):
        if token.quote >= 0 or not token.is_word:
            continue
        if token.fbase in _CITY_WORDS or token.fbase in _CITY_ARRIVAL:
            # "Rio de Janeiro kentinde": the name stands bare before "kent"/"şehir".
            if pos and not tokens[pos - 1].suffix:
                found = _match(doc, tokens, pos - 1, gaz, ("city",))
                if found is not None and not _other_event(tokens, pos - 1, pos):
                    yield _Found(0 if token.fbase in _CITY_WORDS else 2, found.place, found.span)
            continue
        if not token.cap or not token.suffix or people.mention_at(token.index) is not None:
            continue
        if token.fbase in lex.months or token.fbase.isdigit():
            continue
        if token.suffix in locative:
            rank = 0
            if token.suffix.endswith("ki") and not _place_noun_follows(tokens, pos):
                continue  # "Gazze'deki durum": a topic, not where the meeting is
        elif token.suffix in dative and _destination_follows(tokens, pos, lex):
            rank = 2  # "Bakü'ye gelen", "Pekin'e resmi bir ziyaret gerçekleştiren"
        elif token.suffix in lex.suffixes["accusative"] and _visit_follows(tokens, pos):
            rank = 3  # "Ankara'yı ziyaret eden"
        else:
            continue
        if token.fbase in _MISSION_WORDS and pos and not tokens[pos - 1].suffix:
            # "Türkiye'nin Londra Büyükelçiliği'nde": the embassy stands in that city.
            mission = _match(doc, tokens, pos - 1, gaz, ("city",))
            if mission is not None and not _other_event(tokens, _first_of(tokens, mission), pos):
                yield _Found(rank, mission.place, mission.span)
            continue
        found = _match(doc, tokens, pos, gaz, ("city", "venue", "country"))
        if found is None and token.fbase in gaz.head_words and pos:
            # "Kremlin Sarayı'nda", "Elysee Sarayı'nda": a known venue and a head word.
            head = _match(doc, tokens, pos - 1, gaz, ("venue",))
            if head is not None:
                found = _Found(0, head.place, (head.span[0], token.base_end))
        if found is None or _other_event(tokens, _first_of(tokens, found), pos):
            continue
        if found.place.kind == "country":
            rank += 4
        yield _Found(rank, found.place, found.span)


def _first_of(tokens: list[Token], found: _Found) -> int:
    for i, token in enumerate(tokens):
        if token.start == found.span[0]:
            return i
    return 0


def _fused(token: Token, lex: Lexicon) -> str:
    """A common noun with its locative written on ("binasında" -> "binasi"), else ''."""
    if token.suffix or token.cap:
        return ""
    for ending in sorted(lex.suffixes["locative"], key=len, reverse=True):
        if token.fbase.endswith(ending) and len(token.fbase) > len(ending) + 2:
            return token.fbase[: -len(ending)]
    return ""


def _match(
    doc: Doc,
    tokens: list[Token],
    pos: int,
    gaz: Gazetteer,
    kinds: tuple[str, ...],
    last_word: str | None = None,
) -> _Found | None:
    """The longest known place whose name ends at ``tokens[pos]`` (read as ``last_word``)."""
    last = tokens[pos]
    if not last.is_word:
        return None
    for place in gaz.ending_at(last_word or last.fbase):
        if place.kind not in kinds:
            continue
        first = _starts_at(tokens, pos, place.words, last_word)
        if first is None:
            continue
        if len(place.words) == 1 and not last.cap:
            continue
        return _Found(0, place, (tokens[first].start, last.base_end))
    return None


def _starts_at(
    tokens: list[Token], pos: int, words: tuple[str, ...], last_word: str | None = None
) -> int | None:
    # Match the name's words backwards from pos; a full stop ("St. Petersburg") is skipped.
    i = pos
    for k in range(len(words) - 1, -1, -1):
        while i >= 0 and tokens[i].text == "." and k < len(words) - 1:
            i -= 1
        word = last_word if (i == pos and last_word) else tokens[i].fbase if i >= 0 else ""
        if i < 0 or word != words[k] or (i != pos and tokens[i].suffix):
            return None
        first = i
        i -= 1
    return first


def _place_noun_follows(tokens: list[Token], pos: int) -> bool:
    for token in tokens[pos + 1 : pos + 1 + _PLACE_NOUN_GAP]:
        if not token.is_word:
            return False  # "Gazze'deki durum, …": the clause ended without a meeting word
        if _PLACE_NOUN.match(token.fbase):
            return True
    return False


def _destination_follows(tokens: list[Token], pos: int, lex: Lexicon) -> bool:
    """Whether a word of arriving or visiting follows the dative within a short clause."""
    for token in tokens[pos + 1 : pos + 1 + _DESTINATION_GAP]:
        if not token.is_word or (token.cap and token.suffix):
            return False  # a comma, or another place or person: the clause has moved on
        if token.fbase in lex.arrival_words or token.fbase in _DESTINATION_WORDS:
            return True
    return False


def _visit_follows(tokens: list[Token], pos: int) -> bool:
    return pos + 1 < len(tokens) and tokens[pos + 1].fbase.startswith("ziyaret")


def _other_event(tokens: list[Token], first: int, last: int) -> bool:
    """Whether the place is that of a future event, or of a dated past one."""
    ahead = [t.fbase for t in tokens[last + 1 : last + 1 + _AHEAD] if t.is_word]
    behind = [t.fbase for t in tokens[max(0, first - _BEHIND) : first] if t.is_word]
    if any(w in _FUTURE_WORDS or _FUTURE.search(w) for w in ahead):
        return True
    if any(w in _FUTURE_BEFORE for w in behind):
        return True
    dated = any(
        (w.isdigit() and len(w) == 4) or w == "gecen" for w in behind
    )  # "Kasım 2024'te Bakü'de düzenlenen", "geçen yıl Paris'te imzalanan"
    return dated and any(w in _PAST_EVENT for w in ahead[:3])


def _whole_city(folded: str, gaz: Gazetteer) -> Place | None:
    words = tuple(w for w in re.split(r"[\s.]+", folded.replace("'", " ")) if w)
    if not words:
        return None
    for place in gaz.ending_at(words[-1]):
        if place.words == words and place.kind == "city":
            return place
    return None
