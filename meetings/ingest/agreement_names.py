"""How specific an agreement's name is, and the name its record takes (plain functions over
the extractor's word lists; no queries)."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import NamedTuple

from meetings.extraction import lexicon as lexicon_module
from meetings.extraction.lexicon import lexicon
from meetings.extraction.turkish import fold, name_key
from meetings.models import Country


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
